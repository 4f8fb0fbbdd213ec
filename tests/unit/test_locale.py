"""Dates follow the site's language unless the `locale` option says otherwise, and a
locale of another language than the site's is said (the plugin logs it as a warning)."""

from __future__ import annotations

import pytest

from generator.core.dates import parse_date
from generator.text import base_language, dates_in_another_language, load_text
from generator.views.dates import date_words

CHRISTMAS = parse_date("2023-12-25")


@pytest.mark.parametrize(
    ("language", "locale", "label"),
    [
        ("fr", None, "25 décembre 2023"),
        ("en", None, "December 25, 2023"),
        ("en", "en_GB", "25 December 2023"),
        ("fr", "fr_CA", "25 décembre 2023"),
        ("fr", "en_GB", "25 December 2023"),  # honoured, but said (below)
    ],
)
def test_dates_follow_the_language_unless_a_locale_is_given(language, locale, label):
    assert date_words(CHRISTMAS, load_text(language, locale)).label == label


@pytest.mark.parametrize(
    ("language", "locale"),
    [("en", None), ("en", "en_GB"), ("fr", None), ("fr", "fr_CA"), ("ar", "ar_EG"), ("pt-BR", None), ("de", "de_AT")],
)
def test_a_locale_of_the_sites_language_is_fine(language, locale):
    assert dates_in_another_language(load_text(language, locale)) is None


@pytest.mark.parametrize(
    ("language", "locale", "said"),
    [
        ("fr", "en_GB", "'en_GB' writes dates in English, but the site's language (fr) is French"),
        ("ar", "fr", "'fr' writes dates in French, but the site's language (ar) is Arabic"),
        ("en", "de_CH", "'de_CH' writes dates in German, but the site's language (en) is English"),
    ],
)
def test_a_locale_of_another_language_is_said(language, locale, said):
    assert dates_in_another_language(load_text(language, locale)) == said


@pytest.mark.parametrize(("given", "language"), [("pt-BR", "pt"), ("en_GB", "en"), ("fr", "fr"), ("zh-Hant", "zh")])
def test_the_language_of_a_theme_language_or_locale(given, language):
    assert base_language(given) == language

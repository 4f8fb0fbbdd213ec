"""Every word a reader sees, in the site's language.

Interface text comes from a gettext catalogue per language (``fr.po``, ``ar.po``; English
is the catalogue's own source text), with each language's plural rules; dates and
numbers come from CLDR through Babel.  Templates see the same catalogue as ``_()`` and
``ngettext()`` (Jinja's i18n extension); Python code asks a `Text`.

Messages use ``%(name)s`` placeholders, the form Jinja's i18n extension uses, so a
message reads the same wherever it is written.  Add a message by writing it in a
template or in Python, then run ``make messages`` and translate it in each ``.po`` file;
a test fails while a catalogue misses one.
"""

from __future__ import annotations

import datetime
import gettext
import io
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import Translations

CATALOGUES = Path(__file__).parent
SOURCE_LANGUAGE = "en"


def languages() -> tuple[str, ...]:
    """The languages with interface text: English and every catalogue shipped."""
    return (SOURCE_LANGUAGE, *sorted(path.stem for path in CATALOGUES.glob("*.po")))


def gettext_noop(message: str) -> str:
    """Marks a message for the catalogues where it is written, to be translated later
    (`make messages` collects it): the words of a table, looked up by a key."""
    return message


@dataclass(frozen=True, eq=False)
class Text:
    """The catalogue and CLDR locale of one build (compared by identity: one per build)."""

    language: str
    locale: Locale
    translations: gettext.NullTranslations
    translated: bool  # whether the language has words of its own (English is the catalogues' source)

    def gettext(self, message: str, **values: object) -> str:
        return self.translations.gettext(message) % values

    def ngettext(self, singular: str, plural: str, count: int, **values: object) -> str:
        return self.translations.ngettext(singular, plural, count) % {"num": self.number(count), **values}

    def number(self, value: int) -> str:
        return str(format_decimal(value, locale=self.locale))

    def date(self, value: datetime.date, skeleton: str) -> str:
        """A date in the locale's own pattern for a CLDR skeleton ("yMMMMd", "yMMMM",
        "MMMMd", "LLLL", "y"): "25 December 2023" in en_GB, "25 décembre 2023" in fr."""
        return str(format_date(value, self.pattern(skeleton), locale=self.locale))

    def pattern(self, skeleton: str) -> str:
        if skeleton == "yMMMMd":
            return str(self.locale.date_formats["long"].pattern)
        if skeleton == "LLLL":
            return "LLLL"  # the month's name standing alone
        known = self.locale.datetime_skeletons.get(skeleton)
        return str(known.pattern if hasattr(known, "pattern") else known) if known else skeleton

    def interval(self, skeleton: str, greatest_difference: str) -> tuple[str, str] | None:
        """The locale's two halves of a range pattern (CLDR intervalFormats), with month
        names written out in full: ("d–", "d MMMM y") for 20–27 December 2023."""
        shorter = skeleton.replace("MMMM", "MMM")
        halves = self.locale.interval_formats.get(shorter, {}).get(greatest_difference)
        if not halves or len(halves) != 2:
            return None  # some locales (fa) give one piece: the generic "start – end" is used
        first, second = (_full_month_names(half) if "MMMM" in skeleton else half for half in halves)
        return first, second


def _full_month_names(pattern: str) -> str:
    # CLDR gives ranges for abbreviated months only; a request for full names widens the
    # field, as CLDR's skeleton matching says to.
    return _ABBREVIATED_MONTH.sub("MMMM", pattern)


_ABBREVIATED_MONTH = re.compile(r"(?<!M)MMM(?!M)")


class UnknownLanguageError(ValueError):
    """The configured language or locale is not one Babel (CLDR) knows."""


def base_language(language: str) -> str:
    """The language alone of a theme language or a CLDR locale: "pt" of "pt-BR", "en" of
    "en_GB"."""
    return language.replace("-", "_").split("_")[0].lower()


def dates_in_another_language(text: Text) -> str | None:
    """Why the text's dates do not suit its words, when its locale is of another language
    than the site's ('en_GB' writes English dates among French words), or None."""
    dates, words = text.locale.language, base_language(text.language)
    if dates == words:
        return None
    return (
        f"'{text.locale}' writes dates in {Locale(dates).english_name}, "
        f"but the site's language ({text.language}) is {_english_name(words)}"
    )


def _english_name(language: str) -> str:
    try:
        return str(Locale.parse(language).english_name)
    except (UnknownLocaleError, ValueError):
        return f"'{language}'"


@cache
def load_text(language: str, locale: str | None = None) -> Text:
    """The text of a site in `language` (a theme language such as "fr"), with dates in
    `locale` (a CLDR locale such as "en_GB"; by default the language itself)."""
    try:
        cldr = Locale.parse(locale or language, sep="_" if "_" in (locale or language) else "-")
    except (UnknownLocaleError, ValueError) as error:
        raise UnknownLanguageError(
            f"'{locale or language}' is not a locale CLDR knows (e.g. en, en_GB, fr, ar)"
        ) from error
    base = base_language(language)
    catalogue = CATALOGUES / f"{base}.po"
    translations: gettext.NullTranslations = gettext.NullTranslations()
    if catalogue.exists():
        with catalogue.open("rb") as po:
            compiled = io.BytesIO()
            write_mo(compiled, read_po(po, locale=language))
        compiled.seek(0)
        translations = Translations(fp=compiled)
    return Text(language, cldr, translations, translated=catalogue.exists() or base == SOURCE_LANGUAGE)

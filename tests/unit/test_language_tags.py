"""Language tags as editors write them (`lang:`): accepted in their usual case, or refused
with the tag probably meant."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.core.language_tags import LanguageTagError, language_tag

SCHEMAS = Path(__file__).resolve().parents[2] / "generator" / "pipeline" / "schema"


@pytest.mark.parametrize(
    ("written", "tag"),
    [
        ("en", "en"),
        ("ar", "ar"),
        ("fr-CA", "fr-CA"),
        ("zh-Hant", "zh-Hant"),
        ("en-us", "en-US"),  # case does not matter in BCP 47; written in its usual case
        ("ZH-hant-tw", "zh-Hant-TW"),
        ("es-419", "es-419"),
        ("sr-Latn-RS", "sr-Latn-RS"),
        ("de-DE-1996", "de-DE-1996"),
        ("en-GB-oxendict", "en-GB-oxendict"),
        ("en-u-ca-gregory", "en-u-ca-gregory"),
        ("en-x-house", "en-x-house"),
        ("x-house", "x-house"),
        ("ckb", "ckb"),
        ("aii", "aii"),  # Assyrian Neo-Aramaic: not named by CLDR, but a three-letter code may be any of ISO 639-3's
        ("zh-yue", "zh-yue"),
    ],
)
def test_a_language_tag_is_accepted_in_its_usual_case(written, tag):
    assert language_tag(written) == tag


@pytest.mark.parametrize(
    ("written", "message", "meant"),
    [
        ("EN_us", "'EN_us' is not a language tag: its parts are joined by '-'", "en-US"),
        ("fr ca", "its parts are joined by '-'", "fr-CA"),
        ("English", "'English' is not a language code: it has two or three letters", "en"),
        ("central kurdish", "its parts are joined by '-'", "ckb"),
        ("eng", "'eng' is not the code a language tag uses", "en"),
        ("fre-CA", "'fre' is not the code a language tag uses", "fr-CA"),
        ("iw", "'iw' is not the code a language tag uses", "he"),
        ("en-UK", "'UK' is not the region code a language tag uses", "en-GB"),
        ("en-USA", "'USA' is not the region code a language tag uses", "en-US"),
        ("eng_GBR", "its parts are joined by '-'", "en-GB"),
        ("xx", "'xx' is not a language code (ISO 639)", None),
        ("en-Abcd", "'Abcd' is not a script code (ISO 15924)", None),
        ("en-QQ", "'QQ' is not a region code (ISO 3166 or UN M.49)", None),
        ("en-a", "the extension 'a' is empty", None),
        ("x", "nothing follows 'x'", None),
        ("en-toolongsubtag", "in parts of at most 8", None),
        ("i-klingon", "'i' is not a language code", None),
    ],
)
def test_a_wrong_tag_is_refused_with_the_tag_probably_meant(written, message, meant):
    with pytest.raises(LanguageTagError) as refused:
        language_tag(written)
    assert message in str(refused.value)
    assert refused.value.suggestion == meant


def test_the_schemas_pattern_accepts_every_well_formed_tag_and_no_other():
    """Editors' tools check `lang` by the schema's pattern alone: it must accept what the
    build accepts, and refuse the tags that are not even well formed."""
    definitions = json.loads((SCHEMAS / "event.schema.json").read_text(encoding="utf-8"))["definitions"]
    pattern = re.compile(definitions["lang"]["pattern"])
    accepted = ["en", "EN-us", "zh-Hant-TW", "es-419", "de-DE-1996", "en-u-ca-gregory", "en-x-a", "x-house", "zh-yue"]
    assert all(pattern.search(tag) for tag in accepted)
    assert all(pattern.search(language_tag(tag)) for tag in accepted)
    refused = ["EN_us", "en us", "en-", "-en", "e", "x", "en-x", "en-a", "en-toolongsubtag", "en-Latn-US-a", ""]
    assert not [tag for tag in refused if pattern.search(tag)]

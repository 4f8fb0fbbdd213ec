"""Language tags (BCP 47, RFC 5646) as editors write them in `lang:`, checked and put in
their usual case (`en-us` -> `en-US`, `ZH-hant` -> `zh-Hant`).

A tag is accepted when it has the shape RFC 5646 gives (language, then optionally
extended languages, a script, a region, variants, extensions and a private part) and
its language, script and region are codes that are really in use.  Those are checked
against CLDR's names, through Babel (already here for dates), not against the whole
IANA registry:

- a two-letter language must be one of ISO 639-1's, all of which CLDR names; a
  language of four to eight letters is never in use (`English` is a name, not a code);
- a three-letter language that has a shorter code is refused with that code (`eng` ->
  `en`, `fre` -> `fr`: BCP 47 uses the shortest), like a deprecated one (`iw` -> `he`);
  any other three-letter language is accepted, since ISO 639-3 has thousands CLDR does
  not name and a chronology may cite a source in any of them;
- a script (ISO 15924) and a region (ISO 3166 letters, UN M.49 digits) must be ones
  CLDR names; a replaced region gets its replacement (`UK` -> `GB`).

Variants, extensions and private parts are checked for their shape only.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from babel import Locale
from babel.core import get_global


class LanguageTagError(ValueError):
    def __init__(self, message: str, suggestion: str | None = None):
        super().__init__(message)
        self.suggestion = suggestion


@dataclass(frozen=True, slots=True)
class _Known:
    languages: frozenset[str]
    scripts: frozenset[str]
    regions: frozenset[str]
    language_aliases: dict[str, str]  # a code BCP 47 does not use -> the one it does
    region_aliases: dict[str, str]
    names: dict[str, str]  # an English name, lowercased -> its code ("arabic" -> "ar")


@cache
def _known() -> _Known:
    english = Locale("en")
    languages = {code: name for code, name in english.languages.items() if "_" not in code}
    language_aliases = {
        alias: target.replace("_", "-")
        for alias, target in get_global("language_aliases").items()
        if "_" not in alias and alias not in languages
    }
    region_aliases = {alias: targets[0] for alias, targets in get_global("territory_aliases").items() if targets}
    return _Known(
        languages=frozenset(languages),
        scripts=frozenset(english.scripts),
        regions=frozenset(english.territories),
        language_aliases=language_aliases,
        region_aliases=region_aliases,
        names={name.casefold(): code for code, name in sorted(languages.items(), reverse=True)},
    )


def language_tag(text: str) -> str:
    """`text` as a language tag in its usual case; LanguageTagError (with a suggestion
    where the editor probably meant another tag) when it is none."""
    try:
        return _checked(text)
    except LanguageTagError as error:
        error.suggestion = _suggestion(text)
        raise


def _checked(text: str) -> str:
    subtags = text.split("-")
    if not all(subtag.isascii() and subtag.isalnum() and len(subtag) <= 8 for subtag in subtags):
        if "_" in text or " " in text.strip():
            raise LanguageTagError(f"'{text}' is not a language tag: its parts are joined by '-'")
        raise LanguageTagError(
            f"'{text}' is not a language tag: it is made of letters and digits, in parts of at most 8, joined by '-'"
        )
    first = subtags[0].lower()
    if first == "x":
        return "-".join(_private(subtags, text))
    known = _known()
    if not (first.isalpha() and len(first) in (2, 3)):
        raise LanguageTagError(f"'{subtags[0]}' is not a language code: it has two or three letters")
    if first in known.language_aliases:
        raise LanguageTagError(
            f"'{subtags[0]}' is not the code a language tag uses",
            _replaced(subtags, 0, known.language_aliases[first]),
        )
    if len(first) == 2 and first not in known.languages:
        raise LanguageTagError(f"'{subtags[0]}' is not a language code (ISO 639)")
    parts = [first]
    rest = subtags[1:]
    while rest and len(parts) < 4 and len(rest[0]) == 3 and rest[0].isalpha():  # extended languages
        extended = rest[0].lower()
        if rest[0].upper() in known.region_aliases:  # "en-USA"
            raise LanguageTagError(
                f"'{rest[0]}' is not the region code a language tag uses",
                _replaced(subtags, len(parts), known.region_aliases[rest[0].upper()]),
            )
        if extended not in known.languages:
            raise LanguageTagError(f"'{rest[0]}' is not a language code (ISO 639)")
        parts.append(rest.pop(0).lower())
    if rest and len(rest[0]) == 4 and rest[0].isalpha():
        script = rest.pop(0).title()
        if script not in known.scripts:
            raise LanguageTagError(f"'{script}' is not a script code (ISO 15924)")
        parts.append(script)
    if rest and ((len(rest[0]) == 2 and rest[0].isalpha()) or (len(rest[0]) == 3 and rest[0].isdigit())):
        region = rest.pop(0).upper()
        if region in known.region_aliases and region not in known.regions:
            raise LanguageTagError(
                f"'{region}' is not the region code a language tag uses",
                "-".join([*parts, known.region_aliases[region], *rest]),
            )
        if region not in known.regions:
            raise LanguageTagError(f"'{region}' is not a region code (ISO 3166 or UN M.49)")
        parts.append(region)
    while rest and _variant(rest[0]):
        parts.append(rest.pop(0).lower())
    while rest and len(rest[0]) == 1 and rest[0].lower() != "x":  # extensions: a letter, then its parts
        parts.append(rest.pop(0).lower())
        if not rest or len(rest[0]) < 2:
            raise LanguageTagError(f"'{text}' is not a language tag: the extension '{parts[-1]}' is empty")
        while rest and len(rest[0]) >= 2:
            parts.append(rest.pop(0).lower())
    if rest:
        if rest[0].lower() != "x":
            raise LanguageTagError(f"'{text}' is not a language tag: '{rest[0]}' is out of place")
        parts += _private(rest, text)
    return "-".join(parts)


def _variant(subtag: str) -> bool:
    return 5 <= len(subtag) <= 8 or (len(subtag) == 4 and subtag[0].isdigit())


def _private(subtags: list[str], text: str) -> list[str]:
    """A private part: 'x' and at least one part of its own."""
    if len(subtags) < 2:
        raise LanguageTagError(f"'{text}' is not a language tag: nothing follows 'x'")
    return [subtag.lower() for subtag in subtags]


def _replaced(subtags: list[str], index: int, value: str) -> str:
    return "-".join([*subtags[:index], value, *subtags[index + 1 :]])


def _suggestion(text: str) -> str | None:
    """The tag the editor probably meant: parts joined by '_' or spaces, a language's
    English name, or an old code for the language or region, each corrected (a
    correction's own `suggestion` is a step towards it)."""
    known = _known()
    named = known.names.get(" ".join(text.split()).casefold())
    if named is not None:
        return named
    candidate = "-".join(text.replace("_", " ").replace("-", " ").split())
    for _ in range(3):  # a language, then a region, may each need replacing
        try:
            return _checked(candidate)
        except LanguageTagError as error:
            if error.suggestion is None or error.suggestion == candidate:
                break
            candidate = error.suggestion
    return None

"""`python -m generator integrity`: a source-integrity report, in the editors' line form,
without building.  Each finding is a warning (`--strict` makes them errors):

- a paragraph of a body that cites no source;
- an event dated after every source it cites was published (they cannot report it);
- a source with no `url`, no `archived` copy and no `sha256` of a captured copy, or
  published more than `archive_age` days before the build's date with no `archived` copy;
- a sentence that words a claim as disputed ("said", "claimed", "denied", "disputed",
  ...) without naming anyone before the verb: a heuristic, so only ever a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from generator.content import FOOTNOTE_REF
from generator.dates import Day
from generator.model import Actor, Chronology, EditorsFile, Event
from generator.problems import FieldPath, Problem, field_name

CLAIMS = re.compile(r"\b(said|says|claimed|claims|denied|denies|disputed|disputes|alleged|alleges)\b", re.IGNORECASE)
SENTENCE = re.compile(r"[^.!?]+[.!?]?")
NAMED = re.compile(r"\b[A-Z][\w’'-]*")  # a capitalised word: a name, as a heuristic
# A pronoun that refers back to someone named before, or a document that says it.
CLAIMANT = re.compile(
    r"\b(he|she|they|we|I|the (article|report|statement|source|ministry|government))\b", re.IGNORECASE
)


def integrity(chronology: Chronology, today: Day, archive_age: int = 30) -> list[Problem]:
    names = {name.casefold() for actor in chronology.actors for name in (actor.name, *actor.aliases)}
    problems: list[Problem] = []
    files: Iterable[Event | Actor] = (*chronology.events, *chronology.actors)
    for file in files:
        problems += _uncited_paragraphs(file)
        problems += _claims_without_claimant(file, names)
        problems += _source_problems(file, today, archive_age)
        if isinstance(file, Event):
            problems += _dated_after_its_sources(file)
    return sorted(problems, key=Problem.sort_key)


def _warning(file: EditorsFile, field: FieldPath, message: str, line: int | None = None) -> Problem:
    return Problem(file.path, message, field_name(field), line or file.lines.get(field), warning=True)


def _body_line(file: EditorsFile, offset: int) -> int | None:
    """The file's line of a line of the body (counted from 0)."""
    return file.body_line + offset if file.body_line else None


def _paragraphs(body: str) -> Iterable[tuple[int, str]]:
    """(line from 0, text) of each prose paragraph: not code (fenced or indented),
    headings, tables or HTML."""
    start, fenced = 0, False
    block: list[str] = []

    def prose() -> Iterable[tuple[int, str]]:
        first = block[0] if block else ""
        text = " ".join(part.strip() for part in block)
        if text and not first.startswith(("    ", "\t")) and not text.startswith(("#", "|", "<")):
            yield start, text

    for number, line in enumerate([*body.split("\n"), ""]):
        if line.lstrip().startswith(("```", "~~~")):
            if not fenced:
                yield from prose()  # the paragraph just before a fence is checked too
            block = []
            fenced = not fenced
            continue
        if fenced:
            continue
        if line.strip():
            if not block:
                start = number
            block.append(line)
            continue
        yield from prose()
        block = []


def _uncited_paragraphs(file: EditorsFile) -> list[Problem]:
    return [
        _warning(file, ("body",), "a paragraph that cites no source; add a footnote [^id]", _body_line(file, line))
        for line, text in _paragraphs(file.body)
        if not FOOTNOTE_REF.search(text)
    ]


def _claims_without_claimant(file: EditorsFile, names: set[str]) -> list[Problem]:
    found = []
    for line, text in _paragraphs(file.body):
        for sentence in SENTENCE.findall(FOOTNOTE_REF.sub("", text)):
            claim = CLAIMS.search(sentence)
            if claim is None:
                continue
            before = sentence[: claim.start()].strip()
            words = NAMED.findall(before)[1:]  # the first word of a sentence is capitalised anyway
            if not words and not CLAIMANT.search(before) and not any(name in before.casefold() for name in names):
                found.append(
                    _warning(
                        file,
                        ("body",),
                        f"'{claim.group(0)}' without saying who: name who makes the claim in the same sentence "
                        f"(a heuristic: '{sentence.strip()[:60]}')",
                        _body_line(file, line),
                    )
                )
    return found


def _source_problems(file: EditorsFile, today: Day, archive_age: int) -> list[Problem]:
    found = []
    for index, source in enumerate(file.sources):
        field: FieldPath = ("sources", index, "id")
        if not source.url and not source.archived and not source.sha256:
            message = f"source '{source.id}' has no url:, archived: or sha256: of a captured copy; it cannot be checked"
            found.append(_warning(file, field, message))
        elif not source.archived and source.published is not None:
            published = source.published.latest()
            if published is not None and today.ordinal - published.ordinal > archive_age:
                found.append(
                    _warning(
                        file,
                        field,
                        f"source '{source.id}' was published more than {archive_age} days ago and has no archived: "
                        "copy; links rot (make links --suggest-archive finds a snapshot)",
                    )
                )
    return found


def _dated_after_its_sources(event: Event) -> list[Problem]:
    published = [source.published.latest() for source in event.sources if source.published is not None]
    first = event.date.first_day()
    if not published or len(published) < len(event.sources) or first is None or None in published:
        return []
    latest = max(day for day in published if day is not None)
    if first > latest:
        return [
            _warning(
                event,
                ("date",),
                f"the event is dated after every source it cites was published (the last on {latest.iso()}): "
                "they cannot report it; check the date or the sources",
            )
        ]
    return []

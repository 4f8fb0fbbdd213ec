"""`python -m generator integrity`: a source-integrity report, in the editors' line form,
without building, on every editor's file: events, actors, places and stories (a story's
introduction and each of its steps' words).  Each finding is a warning (`--strict` makes
them errors):

- a paragraph of a body, or of a story's step, that cites no source;
- an event dated after every source it cites was published (they cannot report it);
- a source with no `url`, no `archived` copy and no `sha256` of a captured copy, or
  published more than `archive_age` days before the build's date with no `archived` copy;
- a sentence that words a claim as disputed ("said", "claimed", "denied", "disputed",
  ...) without naming anyone before the verb: a heuristic, so only ever a warning.
"""

from __future__ import annotations

import argparse
import datetime
import os
import re
import time
from collections.abc import Iterable, Iterator

from generator.build.build_date import last_commit_time
from generator.commands.output import print_problems
from generator.core.content import FOOTNOTE_REF
from generator.core.dates import Day
from generator.core.markdown_scan import blank_code
from generator.core.model import Chronology, EditorsFile, Event, Story
from generator.core.problems import FieldPath, Problem, body_line, line_of, problem_at
from generator.pipeline.chronology import build_chronology

CLAIMS = re.compile(r"\b(said|says|claimed|claims|denied|denies|disputed|disputes|alleged|alleges)\b", re.IGNORECASE)
SENTENCE = re.compile(r"[^.!?]+[.!?]?")
NAMED = re.compile(r"\b[A-Z][\w’'-]*")  # a capitalised word: a name, as a heuristic
# A pronoun that refers back to someone named before, or a document that says it; "it"
# only as the verb's subject ("It said", not "It was claimed", which names no one).
CLAIMANT = re.compile(
    r"\b(he|she|they|we|I|the (article|report|statement|source|ministry|government))\b|^it$", re.IGNORECASE
)


def integrity(chronology: Chronology, today: Day, archive_age: int = 30) -> list[Problem]:
    names = {name.casefold() for actor in chronology.actors for name in (actor.name, *actor.aliases)}
    problems: list[Problem] = []
    files: Iterable[EditorsFile] = (*chronology.events, *chronology.actors, *chronology.places, *chronology.stories)
    for file in files:
        problems += _uncited_paragraphs(file)
        problems += _claims_without_claimant(file, names)
        problems += _source_problems(file, today, archive_age)
        if isinstance(file, Event):
            problems += _dated_after_its_sources(file)
    return sorted(problems, key=Problem.sort_key)


def _paragraphs(body: str) -> Iterable[tuple[int, str]]:
    """(line from 0, text) of each prose paragraph: not code (`blank_code` blanks fenced
    and indented blocks and code spans, as validation reads them), headings, tables or HTML."""
    start = 0
    block: list[str] = []
    for number, line in enumerate([*blank_code(body).split("\n"), ""]):
        if line.strip():
            if not block:
                start = number
            block.append(line)
            continue
        text = " ".join(part.strip() for part in block)
        if text and not text.startswith(("#", "|", "<")):
            yield start, text
        block = []


def _prose(file: EditorsFile) -> Iterator[tuple[FieldPath, int | None, str]]:
    """(field, line in the file, text) of each paragraph an editor wrote: the body's, and
    a story's steps' words."""
    for line, text in _paragraphs(file.body):
        yield ("body",), body_line(file, line), text
    if isinstance(file, Story):
        for step in file.steps:
            path: FieldPath = ("steps", step.position, "text")
            first = line_of(file.lines, path)
            for line, text in _paragraphs(step.text):
                # Words of several lines are a block (`text: |`), from the line after the field's.
                yield path, (first + 1 + line if first is not None and "\n" in step.text else first), text


def _uncited_paragraphs(file: EditorsFile) -> list[Problem]:
    return [
        problem_at(file, path, "a paragraph that cites no source; add a footnote [^id]", line=line, warning=True)
        for path, line, text in _prose(file)
        if not FOOTNOTE_REF.search(text)
    ]


def _claims_without_claimant(file: EditorsFile, names: set[str]) -> list[Problem]:
    found = []
    for path, line, text in _prose(file):
        for sentence in SENTENCE.findall(FOOTNOTE_REF.sub("", text)):
            claim = CLAIMS.search(sentence)
            if claim is None:
                continue
            before = sentence[: claim.start()].strip()
            words = NAMED.findall(before)[1:]  # the first word of a sentence is capitalised anyway
            if not words and not CLAIMANT.search(before) and not any(name in before.casefold() for name in names):
                found.append(
                    problem_at(
                        file,
                        path,
                        f"'{claim.group(0)}' without saying who: name who makes the claim in the same sentence "
                        f"(a heuristic: '{sentence.strip()[:60]}')",
                        line=line,
                        warning=True,
                    )
                )
    return found


def _source_problems(file: EditorsFile, today: Day, archive_age: int) -> list[Problem]:
    found = []
    for index, source in enumerate(file.sources):
        field: FieldPath = ("sources", index, "id")
        if not source.url and not source.archived and not source.sha256:
            message = f"source '{source.id}' has no url:, archived: or sha256: of a captured copy; it cannot be checked"
            found.append(problem_at(file, field, message, warning=True))
        elif not source.archived and source.published is not None:
            published = source.published.latest()
            if published is not None and today.ordinal - published.ordinal > archive_age:
                found.append(
                    problem_at(
                        file,
                        field,
                        f"source '{source.id}' was published more than {archive_age} days ago and has no archived: "
                        "copy; links rot (make links --suggest-archive finds a snapshot)",
                        warning=True,
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
            problem_at(
                event,
                ("date",),
                f"the event is dated after every source it cites was published (the last on {latest.iso()}): "
                "they cannot report it; check the date or the sources",
                warning=True,
            )
        ]
    return []


HELP = "a source-integrity report on the content, without building"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--strict", action="store_true", help="findings are errors (exit status 1)")
    parser.add_argument("--archive-age", type=int, default=30, help="days after which a source needs an archive")


def run(args: argparse.Namespace) -> int:
    """Print the integrity findings (warnings, or errors with --strict); the chronology's
    own problems first, since a file that does not load cannot be judged."""
    chronology, problems = build_chronology(args.content, args.content.as_posix())
    errors = print_problems(problems)
    if chronology is None:
        return 1
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH") or last_commit_time(args.content) or 0)
    moment = datetime.datetime.fromtimestamp(epoch or time.time(), datetime.UTC)
    findings = integrity(chronology, Day.of(moment.year, moment.month, moment.day), args.archive_age)
    print_problems(findings, as_errors=args.strict)
    counted = (
        f"{len(chronology.events)} events, {len(chronology.actors)} actors, {len(chronology.places)} places "
        f"and {len(chronology.stories)} stories"
    )
    print(f"{len(findings)} finding(s) in {counted}")
    return 1 if (args.strict and findings) or errors else 0

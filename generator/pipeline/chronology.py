"""The MkDocs-free core: content folder -> linked `Chronology`, or every problem found.

load -> validate -> link.  Each stage reports all it finds; a stage only runs on what
the previous ones accepted, so one broken file does not hide problems in the others.
"""

from __future__ import annotations

from pathlib import Path

from generator.core.model import Chronology
from generator.core.problems import Problem
from generator.pipeline.link import link
from generator.pipeline.load import LoadCache, Loaded, load_content
from generator.pipeline.validate import ValidationCache, validate_records


class PipelineCache:
    """What loading and validation made of each file, kept by the live preview between
    rebuilds so that an edit re-reads one file, not the whole chronology."""

    def __init__(self) -> None:
        self.loaded: LoadCache = {}
        self.validated: ValidationCache = {}


def build_chronology(
    content_root: Path, shown_root: str = "content", cache: PipelineCache | None = None
) -> tuple[Chronology | None, list[Problem]]:
    """Return the chronology (None if there is any error) and every problem, warnings included."""
    loaded = load_content(content_root, shown_root, cache.loaded if cache else None)
    return chronology_of(loaded, cache.validated if cache else None)


def chronology_of(loaded: Loaded, cache: ValidationCache | None = None) -> tuple[Chronology | None, list[Problem]]:
    """Validate and link what was loaded (an import checks its files with what is there)."""
    problems = list(loaded.problems)
    events, actors, found = validate_records(loaded.records, cache)
    problems += found
    accepted = {("event", e.id) for e in events} | {("actor", a.id) for a in actors}
    unusable = (frozenset((r.kind, r.id) for r in loaded.records) - accepted) | loaded.unreadable
    chronology, found = link(events, actors, unusable, loaded.media)
    problems += found
    if any(not problem.warning for problem in problems):
        chronology = None
    return chronology, sorted(set(problems), key=Problem.sort_key)

"""The MkDocs-free core: content folder -> linked `Chronology`, or every problem found.

load -> validate -> link.  Each stage reports all it finds; a stage only runs on what
the previous ones accepted, so one broken file does not hide problems in the others.
"""

from __future__ import annotations

from pathlib import Path

from generator.core.content import FileKind
from generator.core.model import Actor, Chronology, Event, Place, Story
from generator.core.problems import Problem
from generator.pipeline.link import link
from generator.pipeline.load import LoadCache, Loaded, load_content
from generator.pipeline.validate import Validated, ValidationCache, validate_records


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
    validated = validate_records(loaded.records, cache)
    problems = [*loaded.problems, *validated.problems]
    accepted = {(kind, model.id) for kind, models in _kinds(validated) for model in models}
    unusable = (frozenset((r.kind, r.id) for r in loaded.records) - accepted) | loaded.unreadable
    chronology, found = link(
        validated.events, validated.actors, unusable, loaded.media, validated.places, validated.stories
    )
    problems += found
    if any(not problem.warning for problem in problems):
        chronology = None
    return chronology, sorted(set(problems), key=Problem.sort_key)


def _kinds(
    validated: Validated,
) -> tuple[tuple[FileKind, list[Event] | list[Actor] | list[Place] | list[Story]], ...]:
    return (
        ("event", validated.events),
        ("actor", validated.actors),
        ("place", validated.places),
        ("story", validated.stories),
    )

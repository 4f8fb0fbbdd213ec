"""Link stories: every step names an event, place or actor of the chronology, and every
event, place and actor knows the stories that tell it.

Part of the link stage (see `link`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping

from generator.core.content import FOLDERS, FileKind
from generator.core.model import StepKind, Story
from generator.core.problems import Problem, problem_at, suggest


def story_problems(
    stories: Iterable[Story],
    known: Mapping[StepKind, Collection[str]],
    unusable: frozenset[tuple[FileKind, str]],
) -> list[Problem]:
    """A step's event, place or actor must be a file of the chronology (the nearest id is
    suggested); a story may tell one thing twice only as two different steps."""
    problems: list[Problem] = []
    for story in stories:
        for step in story.steps:
            ids = known[step.kind]
            if step.target in ids or (step.kind, step.target) in unusable:
                continue
            problems.append(
                problem_at(
                    story,
                    ("steps", step.position, step.kind),
                    f"unknown {step.kind} '{step.target}'",
                    expected=f"the name of a file in content/{FOLDERS[step.kind]}/, without .md",
                    suggestion=suggest(step.target, ids),
                )
            )
    return problems


def stories_by_title(stories: Iterable[Story]) -> tuple[Story, ...]:
    return tuple(sorted(stories, key=lambda story: (story.title.casefold(), story.id)))


def told_in(stories: Iterable[Story]) -> dict[tuple[StepKind, str], tuple[Story, ...]]:
    """(kind, id) -> the stories with a step about it, by title, each once."""
    found: dict[tuple[StepKind, str], dict[str, Story]] = defaultdict(dict)
    for story in stories_by_title(stories):
        for step in story.steps:
            found[(step.kind, step.target)][story.id] = story
    return {key: tuple(by_id.values()) for key, by_id in found.items()}

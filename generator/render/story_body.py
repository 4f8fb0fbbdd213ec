"""A story's rendered body cut into its parts: the introduction, each step's words, and
the list of sources, so that the template can put each step's facts before its words.

The cuts are at the marks `views.stories` wrote before each step's words; a mark that is
missing (a step with no words is impossible, but an editor's HTML could in principle
remove one) leaves that step's words empty rather than misplacing the others.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from generator.views.stories import StoryPage

_SOURCES = '<div class="footnote"'


@dataclass(frozen=True, slots=True)
class StoryBody:
    introduction: Markup
    steps: tuple[Markup, ...]  # in the order of the view's steps
    sources: Markup  # the list of sources, at the foot of the page


def story_body(html: str, view: StoryPage) -> StoryBody:
    start = html.find(_SOURCES)
    body, sources = (html[:start], html[start:]) if start >= 0 else (html, "")
    marks = [view.step_mark(step.number) for step in view.steps]
    positions = [body.find(mark) for mark in marks]
    cuts = [(position, mark) for position, mark in zip(positions, marks, strict=True) if position >= 0]
    introduction = body[: cuts[0][0]] if cuts else body
    parts: dict[str, str] = {}
    for index, (position, mark) in enumerate(cuts):
        end = cuts[index + 1][0] if index + 1 < len(cuts) else len(body)
        parts[mark] = body[position + len(mark) : end]
    # Markup: the body was cleaned when MkDocs converted it (render.sanitize).
    return StoryBody(Markup(introduction), tuple(Markup(parts.get(mark, "")) for mark in marks), Markup(sources))

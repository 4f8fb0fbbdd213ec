"""Story pages: a guided path through part of the chronology, step by step.

A story's page holds its introduction (the file's body) and one section per step: what
the step is about (an event with its date in words, its place and actors; a place; an
actor), linked to its own page, then the editor's words for it.  The editor's words of
every step are one Markdown document with the introduction, so that footnotes are
numbered once for the whole page; the generator writes a mark before each step's words
(`StoryPage.mark`) that the template cuts the rendered body at.  The mark holds a digest
of the story's file, which no editor can write into the file it is a digest of.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from typing import ClassVar

from generator import urls
from generator.core.model import Chronology, Event, StepKind, Story, StoryStep
from generator.views.dates import DateWords
from generator.views.markdown import page_markdown
from generator.views.overview import Overview, PeriodPath
from generator.views.pages import CorrectionLine, PageView, correction_lines, index_pages
from generator.views.pieces import (
    ActorLink,
    Figure,
    HistoryLine,
    PeriodLink,
    Pieces,
    PlaceLink,
    StoryLink,
    place_link,
    story_link,
)


@dataclass(frozen=True, slots=True)
class StepView:
    """One step as its section shows it."""

    number: int
    anchor: str  # its section's id, and the address's #fragment that opens the page at it
    kind: StepKind
    path: str  # the page of what it is about
    heading: str  # the event's title, the place's or the actor's name
    lang: str | None  # the language of that file, when given
    date: DateWords | None = None  # an event's
    first: str = ""  # an event's first and last day (ISO), for the overview
    last: str = ""
    place: PlaceLink | None = None  # an event's place, when it names one
    actors: tuple[ActorLink, ...] = ()  # an event's
    media: tuple[Figure, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryPage(PageView):
    template: ClassVar[str] = "story.html"
    story: StoryLink
    summary: str | None
    steps: tuple[StepView, ...]
    mark: str  # what the rendered body is cut at before each step's words (see the module)
    overview: Overview | None = None  # the story's events at a glance
    media: tuple[Figure, ...] = ()
    corrections: tuple[CorrectionLine, ...] = ()
    history: HistoryLine | None = None
    embedded: bool = False  # the page for other sites' iframes: no site header, links open on top

    def step_mark(self, number: int) -> str:
        return f'<div id="{self.mark}-{number}"></div>'


@dataclass(frozen=True, slots=True, kw_only=True)
class StoriesIndex(PageView):
    template: ClassVar[str] = "stories.html"
    entries: tuple[tuple[StoryLink, str | None, int], ...]  # (story, summary, steps)
    pager: tuple[PeriodLink, ...] = ()


def story_pages(story: Story, chronology: Chronology, pieces: Pieces, timeline: PeriodPath) -> list[StoryPage]:
    """The story's page and the same for other sites' iframes (`urls.story_embed`)."""
    path = urls.story(story.id)
    mark = "tl-step-" + hashlib.sha256(f"{story.path}\n{story.body}\n{story.steps}".encode()).hexdigest()[:16]
    steps = tuple(_step(number, step, chronology, pieces) for number, step in enumerate(story.steps, start=1))
    told = [chronology.events_by_id[event_id] for event_id in dict.fromkeys(_event_ids(story))]
    page = StoryPage(
        path=path,
        title=story.title,
        lang=story.lang,
        markdown=_markdown(path, story, mark),
        description=story.summary,
        citations=tuple(pieces.citation(source) for source in story.sources),
        story=story_link(story),
        summary=story.summary,
        steps=steps,
        mark=mark,
        overview=pieces.picture(sorted(told, key=lambda e: chronology.position[e.id]), timeline) if told else None,
        media=pieces.figures(story.media),
        corrections=correction_lines(story, pieces.text),
        history=pieces.history("story", story.id),
    )
    return [page, replace(page, path=urls.story_embed(story.id), embedded=True)]


def _event_ids(story: Story) -> list[str]:
    return [step.target for step in story.steps if step.kind == "event"]


def _markdown(path: str, story: Story, mark: str) -> str:
    """The introduction, then each step's words after its mark: one document, so that
    footnotes are numbered once for the page."""
    parts = [story.body.rstrip()]
    for number, step in enumerate(story.steps, start=1):
        parts.append(f'<div id="{mark}-{number}"></div>')
        parts.append(step.text.rstrip())
    return page_markdown(path, "\n\n".join(parts), story.sources)


def _step(number: int, step: StoryStep, chronology: Chronology, pieces: Pieces) -> StepView:
    anchor = urls.step_anchor(number)
    media = pieces.figures(step.media)
    if step.kind == "event":
        event: Event = chronology.events_by_id[step.target]
        place = chronology.event_places.get(event.id)
        link = pieces.event_link(event)
        return StepView(
            number,
            anchor,
            "event",
            link.path,
            event.title,
            event.lang,
            date=link.date,
            first=link.first,
            last=link.last,
            place=place_link(place) if place else None,
            actors=tuple(pieces.actor_link(p.actor_id) for p in event.actors),
            media=media,
        )
    if step.kind == "place":
        place = chronology.places_by_id[step.target]
        return StepView(number, anchor, "place", urls.place(place.id), place.name, place.lang, media=media)
    actor = chronology.actors_by_id[step.target]
    return StepView(number, anchor, "actor", urls.actor(actor.id), actor.name, actor.lang, media=media)


def stories_index(chronology: Chronology, title: str, limit: int, pieces: Pieces) -> list[StoriesIndex]:
    return [
        StoriesIndex(
            path=page.path,
            title=page.title,
            in_nav=page.in_nav,
            entries=tuple((story_link(story), story.summary, len(story.steps)) for story in page.items),
            pager=page.pager,
        )
        for page in index_pages(list(chronology.stories), limit, urls.STORIES, title, lambda s: s.title, pieces.text)
    ]

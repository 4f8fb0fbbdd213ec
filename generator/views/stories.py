"""Story pages: a guided path through part of the chronology, step by step.

A story's page holds its introduction (the file's body) and one section per step: what
the step is about (an event with its date in words, its place and actors; a place; an
actor), linked to its own page, then the editor's words for it.  The editor's words of
every step are one Markdown document with the introduction, so that footnotes are
numbered once for the whole page; the generator writes a mark before each step's words
(`StoryPage.mark`) that the template cuts the rendered body at.  The mark holds a digest
of the story's file, which no editor can write into the file it is a digest of.

The story's overview numbers its events by step; the steps whose event has no year (no
place on a time axis) are named in words under it.  Each step also has a small page of
its own (`StepPage`) whose link previews that step (OpenGraph): a shared link to
`#step-3` could only preview the whole story, since link previews never see the
fragment.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from typing import ClassVar

import markdown
from babel.lists import format_list

from generator import urls
from generator.core.model import Chronology, Event, StepKind, Story, StoryStep
from generator.text import Text
from generator.views.dates import DateWords
from generator.views.map import MapView
from generator.views.markdown import page_markdown
from generator.views.overview import Overview, PeriodPath, overview
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
    event: str = ""  # an event's id (the overview's and the map's marks are found by it)
    share: str = ""  # its own small page, whose link previews it (`StepPage`)
    words: str = ""  # the editor's words as plain text, cut short, for that preview


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryPage(PageView):
    template: ClassVar[str] = "story.html"
    story: StoryLink
    summary: str | None
    steps: tuple[StepView, ...]
    mark: str  # what the rendered body is cut at before each step's words (see the module)
    overview: Overview | None = None  # the story's events at a glance, numbered by step
    off_overview: str = ""  # which steps the overview cannot show (their events have no year), in words
    map: MapView | None = None  # where the story's events happened (story.mjs marks the current step's)
    media: tuple[Figure, ...] = ()
    corrections: tuple[CorrectionLine, ...] = ()
    history: HistoryLine | None = None
    embedded: bool = False  # the page for other sites' iframes: no site header, links open on top

    def step_mark(self, number: int) -> str:
        return f'<div id="{self.mark}-{number}"></div>'


@dataclass(frozen=True, slots=True, kw_only=True)
class StepPage(PageView):
    """A step's own page, kept tiny (a story of 50 steps has 50): what a link preview
    reads (title, the step's words as plain text, an image), and a link to the step in
    its story.  Its `description` is the step's words; its `title` names story and step."""

    template: ClassVar[str] = "story-step.html"
    story: StoryLink
    number: int
    count: int
    heading: str  # what the step tells of
    heading_lang: str | None
    media: tuple[Figure, ...] = ()  # the step's image, else the story's, for the preview


@dataclass(frozen=True, slots=True, kw_only=True)
class StoriesIndex(PageView):
    template: ClassVar[str] = "stories.html"
    entries: tuple[tuple[StoryLink, str | None, int], ...]  # (story, summary, steps)
    pager: tuple[PeriodLink, ...] = ()


def story_pages(story: Story, chronology: Chronology, pieces: Pieces, timeline: PeriodPath) -> list[StoryPage]:
    """The story's page and the same for other sites' iframes (`urls.story_embed`)."""
    path = urls.story(story.id)
    mark = "tl-step-" + hashlib.sha256(f"{story.path}\n{story.body}\n{story.steps}".encode()).hexdigest()[:16]
    steps = tuple(_step(story.id, number, step, chronology, pieces) for number, step in enumerate(story.steps, start=1))
    numbers: dict[str, tuple[int, ...]] = {}
    for step in steps:
        if step.event:
            numbers[step.event] = (*numbers.get(step.event, ()), step.number)
    told = sorted((chronology.events_by_id[event_id] for event_id in numbers), key=lambda e: chronology.position[e.id])
    # No lanes: a story's few events read best together.  The events with no year are
    # left out (not counted in a lane of their own, linked to the timeline's): the words
    # under the overview name their steps.
    dated = [event for event in told if event.date.year_known]
    picture = overview(dated, pieces.text, timeline, eras=pieces.drawing.eras, steps=numbers) if dated else None
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
        overview=picture,
        off_overview=_off_overview(steps, told, picture, pieces.text),
        map=pieces.map_of(told),
        media=pieces.figures(story.media),
        corrections=correction_lines(story, pieces.text),
        history=pieces.history("story", story.id),
    )
    return [page, replace(page, path=urls.story_embed(story.id), embedded=True)]


def step_pages(page: StoryPage, text: Text) -> list[StepPage]:
    """A small page per step of the story's page, for sharing it (see the module)."""
    return [
        StepPage(
            path=step.share,
            title=text.gettext(
                "%(story)s — step %(number)s: %(heading)s", story=page.title, number=step.number, heading=step.heading
            ),
            lang=page.lang,
            description=step.words,
            story=page.story,
            number=step.number,
            count=len(page.steps),
            heading=step.heading,
            heading_lang=step.lang,
            media=step.media or page.media,
        )
        for step in page.steps
    ]


def _off_overview(steps: tuple[StepView, ...], told: list[Event], picture: Overview | None, text: Text) -> str:
    """The steps whose event the overview cannot show, in words: the sources give no year."""
    dated = {event.id for event in told if event.date.year_known}
    missing = [step.number for step in steps if step.event and step.event not in dated]
    if not missing:
        return ""
    if picture is None:
        return text.gettext("No overview of time: the sources give no year for the events of this story.")
    numbers = format_list([text.number(number) for number in missing], locale=text.locale)
    return text.ngettext(
        "Step %(steps)s is not on the overview: the sources give no year for its event.",
        "Steps %(steps)s are not on the overview: the sources give no year for their events.",
        len(missing),
        steps=numbers,
    )


DESCRIPTION = 200  # the most characters of a step's words in its link preview


def plain_text(words: str, limit: int = DESCRIPTION) -> str:
    """An editor's Markdown as one line of plain text (no footnote marks), cut at a word
    before `limit` characters: what a link preview shows."""
    html = markdown.markdown(re.sub(r"\[\^[^\]\s]+\]", "", words))
    reader = _TextOnly()
    reader.feed(html)
    reader.close()
    line = " ".join("".join(reader.parts).split())
    if len(line) <= limit:
        return line
    cut = line[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return f"{cut}…"


class _TextOnly(HTMLParser):
    """The text of HTML, without what is never read as text (scripts, styles)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skipping += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skipping:
            self._skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def _markdown(path: str, story: Story, mark: str) -> str:
    """The introduction, then each step's words after its mark: one document, so that
    footnotes are numbered once for the page."""
    parts = [story.body.rstrip()]
    for number, step in enumerate(story.steps, start=1):
        parts.append(f'<div id="{mark}-{number}"></div>')
        parts.append(step.text.rstrip())
    return page_markdown(path, "\n\n".join(parts), story.sources)


def _step(story_id: str, number: int, step: StoryStep, chronology: Chronology, pieces: Pieces) -> StepView:
    anchor = urls.step_anchor(number)
    share = urls.story_step(story_id, number)
    media = pieces.figures(step.media)
    words = plain_text(step.text)
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
            event=event.id,
            share=share,
            words=words,
        )
    if step.kind == "place":
        place = chronology.places_by_id[step.target]
        return StepView(
            number, anchor, "place", urls.place(place.id), place.name, place.lang, media=media, share=share, words=words
        )
    actor = chronology.actors_by_id[step.target]
    return StepView(
        number, anchor, "actor", urls.actor(actor.id), actor.name, actor.lang, media=media, share=share, words=words
    )


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

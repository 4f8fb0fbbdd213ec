"""Pieces many pages show alike: links to events and actors, an event's card, a citation.

`Pieces` makes each one once a build, so that every page showing an event's card holds
the same object (cheap to compare, and the key under which its HTML is reused).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from generator import urls
from generator.core.content import FileKind, content_file
from generator.core.dates import DatePoint, Day, EdtfDate
from generator.core.geo import Precision
from generator.core.model import Actor, ActorKind, Chronology, Coordinates, Event, Media, Place, Source, Story
from generator.pipeline.history import Histories, HistoryGap
from generator.pipeline.images import Picture
from generator.text import Text
from generator.views.dates import DateWords, date_words
from generator.views.map import Located, MapSize, MapView, distance_words, map_view
from generator.views.overview import PLAIN, Drawing, Lanes, Overview, PeriodPath, overview


@dataclass(frozen=True, slots=True)
class ActorLink:
    id: str
    path: str
    name: str
    kind: ActorKind  # JSON-LD's Person or Organization
    aliases: tuple[str, ...] = ()  # found by search on the pages of its events
    lang: str | None = None  # the language of its file (a BCP 47 tag), when given


@dataclass(frozen=True, slots=True)
class TagLink:
    slug: str
    name: str

    @property
    def path(self) -> str:
        return urls.tag(self.slug)


@dataclass(frozen=True, slots=True)
class PlaceLink:
    id: str
    path: str
    name: str
    lang: str | None = None  # the language of its file (a BCP 47 tag), when given


@dataclass(frozen=True, slots=True)
class Whereabouts:
    """A place's coordinates as a page shows them, with its precision in words."""

    latitude: float
    longitude: float
    precision: str  # "the town (about 5 km)", "within 500 m", "not given"


@dataclass(frozen=True, slots=True)
class StoryLink:
    id: str
    path: str
    title: str
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class EventLink:
    """An event in a list of links: title and date."""

    id: str
    path: str
    title: str
    date: DateWords
    first: str = ""  # the first and last day it may mean (ISO; empty when not known), for zooming
    last: str = ""
    lang: str | None = None  # the language of its file (a BCP 47 tag), when given


@dataclass(frozen=True, slots=True)
class Figure:
    """An image on a page, as published: `srcset` of (path, width), narrowest first."""

    src: str
    width: int
    height: int
    srcset: tuple[tuple[str, int], ...]
    alt: str
    caption: str | None
    credit: str | None
    thumbnail: str  # the narrowest variant, for a card
    thumbnail_width: int
    thumbnail_height: int


@dataclass(frozen=True, slots=True)
class EventCard:
    """An event on a timeline listing."""

    id: str
    path: str
    title: str
    date: DateWords
    date_note: str | None
    summary: str | None
    actors: tuple[ActorLink, ...]
    tag_slugs: tuple[str, ...]  # for the in-page filter
    first: str  # the first and last day it may mean (ISO; empty when not known or open), for zooming
    last: str
    thumbnail: Figure | None = None  # the event's first image
    lang: str | None = None  # the language of its file (a BCP 47 tag), when given


@dataclass(frozen=True, slots=True)
class PeriodLink:
    """A page of a long listing: a year, a month, a day, a numbered page; its events' number."""

    path: str
    heading: str
    count: int


@dataclass(frozen=True, slots=True)
class Citation:
    """A source as its footnote shows it."""

    id: str
    title: str
    publisher: str
    published: str | None  # the date in words
    url: str | None
    archived: str | None = None  # a snapshot's address
    archived_on: str | None = None  # the snapshot's date in words
    lang: str | None = None  # the source's language (a BCP 47 tag), when given


@dataclass(frozen=True, slots=True)
class HistoryLine:
    """A page's file in the repository: first published, last updated (when not the same
    day), or why that is not known; a link to its history where the site gives one."""

    first: DateWords | None
    last: DateWords | None
    missing: str
    url: str | None


def _day_of(seconds: int) -> Day:
    moment = datetime.datetime.fromtimestamp(seconds, datetime.UTC)
    return Day.of(moment.year, moment.month, moment.day)


def kind_plurals(text: Text) -> dict[ActorKind, str]:
    """Each kind of actor as a heading or a lane names a group of them."""
    return {
        "state": text.gettext("States"),
        "organisation": text.gettext("Organisations"),
        "group": text.gettext("Groups"),
        "person": text.gettext("People"),
    }


def _iso(day: Day | None) -> str:
    return day.script_iso() if day else ""


class Pieces:
    """The pieces of one build, each made once on first use."""

    def __init__(
        self,
        chronology: Chronology,
        text: Text,
        drawing: Drawing = PLAIN,
        pictures: Mapping[str, Picture] | None = None,
        histories: Histories | None = None,
        history_url: str | None = None,
    ):
        self.chronology = chronology
        self.text = text
        self.drawing = drawing
        self.pictures = pictures or {}
        self.histories = histories
        self.history_url = history_url
        self._actor_links: dict[str, ActorLink] = {}
        self._event_links: dict[str, EventLink] = {}
        self._cards: dict[str, EventCard] = {}
        # A chronology without coordinates draws no map, and looks for none page by page.
        self._located_any = any(chronology.location(event) for event in chronology.events)

    def actor_link(self, actor_id: str) -> ActorLink:
        link = self._actor_links.get(actor_id)
        if link is None:
            actor: Actor = self.chronology.actors_by_id[actor_id]
            link = ActorLink(actor.id, urls.actor(actor.id), actor.name, actor.kind, actor.aliases, actor.lang)
            self._actor_links[actor_id] = link
        return link

    def tag_link(self, name: str) -> TagLink:
        slug = self.chronology.tag_slugs[name]
        return TagLink(slug, name)

    def event_link(self, event: Event) -> EventLink:
        link = self._event_links.get(event.id)
        if link is None:
            link = self._event_links[event.id] = EventLink(
                event.id,
                urls.event(event.id),
                event.title,
                self.date(event),
                first=_iso(event.date.first_day()),
                last=_iso(event.date.latest()),
                lang=event.lang,
            )
        return link

    def card(self, event: Event) -> EventCard:
        card = self._cards.get(event.id)
        if card is None:
            card = self._cards[event.id] = EventCard(
                id=event.id,
                path=urls.event(event.id),
                title=event.title,
                date=self.date(event),
                date_note=event.date_note,
                summary=event.summary,
                actors=tuple(self.actor_link(p.actor_id) for p in event.actors),
                tag_slugs=tuple(dict.fromkeys(self.chronology.tag_slugs[name] for name in event.tags)),
                first=_iso(event.date.first_day()),
                last=_iso(event.date.latest()),
                thumbnail=next(iter(self.figures(event.media)), None),
                lang=event.lang,
            )
        return card

    def figures(self, media: tuple[Media, ...]) -> tuple[Figure, ...]:
        """The images of `media:` as the site publishes them (an unreadable one is an
        error of the build, reported with its file)."""
        found = []
        for entry in media:
            picture = self.pictures.get(entry.file)
            if picture is None:
                continue
            largest, smallest = picture.largest, picture.smallest
            found.append(
                Figure(
                    src=largest.path,
                    width=largest.width,
                    height=largest.height,
                    srcset=tuple((variant.path, variant.width) for variant in picture.variants),
                    alt=entry.alt,
                    caption=entry.caption,
                    credit=entry.credit,
                    thumbnail=smallest.path,
                    thumbnail_width=smallest.width,
                    thumbnail_height=smallest.height,
                )
            )
        return tuple(found)

    def history(self, kind: FileKind, file_id: str) -> HistoryLine | None:
        """When the file was first published and last updated, or why that is not known;
        None when the site does not say (no history was read)."""
        if self.histories is None:
            return None
        found = self.histories.of(content_file(kind, file_id))
        url = urls.file_history(self.history_url, found.path) if self.history_url and found.path else None
        if found.first is None or found.last is None:
            return HistoryLine(None, None, self._unknown(found.missing or "not committed"), url)
        first, last = _day_of(found.first), _day_of(found.last)
        return HistoryLine(self._on(first), self._on(last) if last != first else None, "", url)

    def _unknown(self, why: HistoryGap) -> str:
        if why == "no git":
            return self.text.gettext("the site was not built from a git checkout")
        if why == "shallow":
            return self.text.gettext("the site was built from a clone without its history")
        return self.text.gettext("the file is not committed yet")

    def _on(self, day: Day) -> DateWords:
        point = DatePoint(*day.parts)
        return date_words(EdtfDate(day.iso(), point, point), self.text)

    def picture(self, events: list[Event], period_path: PeriodPath) -> Overview | None:
        """The overview of `events`, drawn with the site's eras and lanes."""
        lanes = None
        if self.drawing.lanes == "tags":
            lanes = Lanes(lambda event: event.tags, self.text.gettext("No tag"))
        elif self.drawing.lanes == "actor kinds":
            lanes = Lanes(self._kinds, self.text.gettext("No actor"))
        return overview(events, self.text, period_path, eras=self.drawing.eras, lanes=lanes)

    def map_of(self, events: Sequence[Event], focus: Place | None = None, size: MapSize = "page") -> MapView | None:
        """The map of those of `events` that have a location (None when none has: the
        page then has no map, and no map's style sheet)."""
        if not self._located_any:
            return None
        chronology = self.chronology
        located = [
            Located(event, where, chronology.event_places.get(event.id))
            for event in events
            if (where := chronology.location(event)) is not None
        ]
        return map_view(located, self.text, size, focus)

    def _kinds(self, event: Event) -> tuple[str, ...]:
        words = kind_plurals(self.text)
        kinds = dict.fromkeys(self.chronology.actors_by_id[p.actor_id].kind for p in event.actors)
        return tuple(words[kind] for kind in kinds)

    def date(self, event: Event) -> DateWords:
        return date_words(event.date, self.text)

    def citation(self, source: Source) -> Citation:
        published = date_words(source.published, self.text).label if source.published else None
        archived_on = date_words(source.archived_on, self.text).label if source.archived_on else None
        return Citation(
            source.id, source.title, source.publisher, published, source.url, source.archived, archived_on, source.lang
        )


def place_link(place: Place) -> PlaceLink:
    return PlaceLink(place.id, urls.place(place.id), place.name, place.lang)


def precision_words(precision: Precision | None, text: Text) -> str:
    """How precisely a place is known, for readers: its word with the radius a map draws
    for it, or the radius the editor gave."""
    if precision is None:
        return text.gettext("precision not given")
    radius = distance_words(precision.metres, text)
    words = {
        "exact": text.gettext("exact"),
        "site": text.gettext("the site, about %(radius)s", radius=radius),
        "neighbourhood": text.gettext("the neighbourhood, about %(radius)s", radius=radius),
        "town": text.gettext("the town, about %(radius)s", radius=radius),
        "district": text.gettext("the district, about %(radius)s", radius=radius),
        "province": text.gettext("the province, about %(radius)s", radius=radius),
        "country": text.gettext("the country, about %(radius)s", radius=radius),
    }
    return words[precision.word] if precision.word else text.gettext("within %(radius)s", radius=radius)


def whereabouts(coordinates: Coordinates | None, text: Text) -> Whereabouts | None:
    if coordinates is None:
        return None
    return Whereabouts(coordinates.latitude, coordinates.longitude, precision_words(coordinates.precision, text))


def story_link(story: Story) -> StoryLink:
    return StoryLink(story.id, urls.story(story.id), story.title, story.lang)

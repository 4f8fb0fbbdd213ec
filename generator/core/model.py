"""Plain data for a chronology: what editors write, once validated, and how it links up.

Views (`generator.views`) are made from these; nothing here knows about files, YAML,
addresses or MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, get_args

from generator.core.dates import EdtfDate
from generator.core.geo import Precision
from generator.core.problems import FieldPath

# What an actor is; the schema's `kind` enum says the same (a test keeps them equal).
ActorKind = Literal["person", "group", "organisation", "state"]
ACTOR_KINDS: tuple[ActorKind, ...] = get_args(ActorKind)


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    title: str
    publisher: str
    url: str | None = None
    published: EdtfDate | None = None
    archived: str | None = None  # a snapshot's address
    archived_on: EdtfDate | None = None
    sha256: str | None = None  # of a captured copy
    lang: str | None = None  # the language it is written in (a BCP 47 tag), when given


@dataclass(frozen=True, slots=True)
class Participation:
    """An actor's part in an event, as the event names it."""

    actor_id: str
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Affiliation:
    """An actor's membership of a parent organisation."""

    organisation_id: str
    role: str | None = None
    period: EdtfDate | None = None
    source_id: str | None = None


@dataclass(frozen=True, slots=True)
class Media:
    """An image of content/media/ that an event's or actor's page shows."""

    file: str  # its name in content/media/
    alt: str
    caption: str | None = None
    credit: str | None = None


@dataclass(frozen=True, slots=True)
class Correction:
    """A correction made after publication: when, what (plain text that may cite a
    source as [^id]), and the source it rests on."""

    date: EdtfDate
    text: str
    source_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class EditorsFile:
    """What every event and actor file gives besides its own fields: its id (the file's
    name), where it is, its body and sources, and the line of every field, so that the
    link stage can place the problems it finds."""

    id: str
    path: str
    body: str
    sources: tuple[Source, ...] = ()
    media: tuple[Media, ...] = ()
    corrections: tuple[Correction, ...] = ()
    lang: str | None = None  # the language the file is written in (a BCP 47 tag), when given
    lines: dict[FieldPath, int] = field(default_factory=dict, compare=False, repr=False)  # field path -> line
    body_line: int = field(default=0, compare=False, repr=False)  # the file's line where the body starts
    # Local links and images in the body, as (target, line): the link stage checks them.
    links: tuple[tuple[str, int], ...] = field(default=(), compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Coordinates:
    """Where an event happened on a map: WGS 84 decimal degrees, north and east positive."""

    latitude: float
    longitude: float
    precision: Precision | None = None  # how exact: a word ("town") or a radius in metres


@dataclass(frozen=True, slots=True, kw_only=True)
class Event(EditorsFile):
    title: str
    date: EdtfDate
    date_note: str | None = None
    summary: str | None = None
    place: str | None = None
    coordinates: Coordinates | None = None
    actors: tuple[Participation, ...] = ()
    related: tuple[str, ...] = ()
    follows: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Actor(EditorsFile):
    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    summary: str | None = None
    affiliations: tuple[Affiliation, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Place(EditorsFile):
    """A place events happen at: a town, a base, a province.  Its coordinates say where
    it is, as precisely as the sources allow; `part_of` names the place it lies in."""

    name: str
    aliases: tuple[str, ...] = ()
    summary: str | None = None
    coordinates: Coordinates | None = None
    part_of: str | None = None


# What a story's step tells about: an event, a place or an actor of the chronology.
StepKind = Literal["event", "place", "actor"]
STEP_KINDS: tuple[StepKind, ...] = get_args(StepKind)


@dataclass(frozen=True, slots=True)
class StoryStep:
    """One step of a story: the file it is about (`kind` and `target`, its id) and the
    editor's words for it (Markdown that may cite the story's sources as [^id])."""

    kind: StepKind
    target: str
    text: str
    media: tuple[Media, ...] = ()
    position: int = 0  # its index in the file's `steps:` (a step refused by validation leaves a gap)


@dataclass(frozen=True, slots=True, kw_only=True)
class Story(EditorsFile):
    """A guided path through part of the chronology, step by step, in the editor's order."""

    title: str
    summary: str | None = None
    steps: tuple[StoryStep, ...] = ()


@dataclass(frozen=True, slots=True)
class Era:
    """A named period of the chronology (the `eras` option), drawn as a band on overviews."""

    name: str
    date: EdtfDate


@dataclass(frozen=True, slots=True)
class Appearance:
    """An event seen from one of its actors' pages."""

    event: Event
    role: str | None


@dataclass(frozen=True, slots=True)
class Member:
    """An actor seen from the page of the organisation it belongs to."""

    actor: Actor
    affiliation: Affiliation


@dataclass(frozen=True, slots=True)
class Tag:
    """A topic and the events that carry it.  Tags that differ only in case or
    punctuation share one slug, and one page, under the first spelling met."""

    name: str
    slug: str
    events: tuple[Event, ...]


@dataclass(frozen=True, slots=True)
class Chronology:
    """Every event in timeline order and every actor by name, with all links resolved.

    The lookups are built once by the link stage, so a page never scans the whole
    chronology to find its back-links.
    """

    events: tuple[Event, ...]
    actors: tuple[Actor, ...]
    events_by_id: dict[str, Event] = field(repr=False)
    actors_by_id: dict[str, Actor] = field(repr=False)
    related: dict[str, tuple[Event, ...]] = field(repr=False)  # both directions
    appearances: dict[str, tuple[Appearance, ...]] = field(repr=False)  # actor id -> events
    members: dict[str, tuple[Member, ...]] = field(repr=False)  # organisation id -> actors
    position: dict[str, int] = field(repr=False)  # event id -> index in `events`
    tags: tuple[Tag, ...] = ()  # by name
    tag_slugs: dict[str, str] = field(default_factory=dict, repr=False)  # tag as written -> slug
    media: frozenset[str] = frozenset()  # every image in content/media/, as a path from content/
    places: tuple[Place, ...] = ()  # by name
    places_by_id: dict[str, Place] = field(default_factory=dict, repr=False)
    # An event's place, when its `place:` names one (free text names none).
    event_places: dict[str, Place] = field(default_factory=dict, repr=False)
    # place id -> the events at it or at a place inside it, in timeline order
    place_events: dict[str, tuple[Event, ...]] = field(default_factory=dict, repr=False)
    inside: dict[str, tuple[Place, ...]] = field(default_factory=dict, repr=False)  # place id -> places in it
    stories: tuple[Story, ...] = ()  # by title
    stories_by_id: dict[str, Story] = field(default_factory=dict, repr=False)
    # (step kind, id) -> the stories that tell it, by title: the event's, place's or actor's page links them
    told_in: dict[tuple[StepKind, str], tuple[Story, ...]] = field(default_factory=dict, repr=False)

    def location(self, event: Event) -> Coordinates | None:
        """Where to draw an event: its own coordinates, else its place's (or, failing
        those, those of the nearest place its place lies in, at that place's precision)."""
        if event.coordinates is not None:
            return event.coordinates
        place = self.event_places.get(event.id)
        while place is not None:
            if place.coordinates is not None:
                return place.coordinates
            place = self.places_by_id.get(place.part_of) if place.part_of else None
        return None

    def previous(self, event: Event) -> Event | None:
        index = self.position[event.id]
        return self.events[index - 1] if index > 0 else None

    def next(self, event: Event) -> Event | None:
        index = self.position[event.id]
        return self.events[index + 1] if index + 1 < len(self.events) else None

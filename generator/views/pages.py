"""One view class per page kind, and the functions that make them from the chronology.

Every page view has a `path` (its address, see `generator.urls`), a `title`, and what
MkDocs needs besides: the Markdown of its body and whether it sits in the navigation.
The template a view is printed with is named by its class.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import ClassVar, Generic, Protocol, TypeVar

from generator import urls
from generator.core.content import FOOTNOTE_REF
from generator.core.dates import Day, EdtfDate, coverage
from generator.core.model import Actor, ActorKind, Affiliation, Chronology, Coordinates, EditorsFile, Event, Place
from generator.core.problems import Problem
from generator.text import Text
from generator.views.dates import DateWords, date_words, year_words
from generator.views.map import MapView
from generator.views.markdown import page_markdown
from generator.views.overview import Overview, PeriodPath
from generator.views.pieces import (
    ActorLink,
    Citation,
    EventLink,
    Figure,
    HistoryLine,
    PeriodLink,
    Pieces,
    PlaceLink,
    StoryLink,
    TagLink,
    Whereabouts,
    kind_plurals,
    place_link,
    story_link,
    whereabouts,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class PageView:
    template: ClassVar[str]
    path: str
    title: str
    markdown: str = ""
    in_nav: bool = False  # only the indexes; event and actor pages are reached from them
    keywords: tuple[str, ...] = ()  # what search should also find the page by
    citations: tuple[Citation, ...] = ()  # the sources its footnotes cite
    description: str | None = None  # one line for link previews (OpenGraph, Twitter cards)
    lang: str | None = None  # the language its file is written in (a BCP 47 tag), when given

    @property
    def source_uri(self) -> str:
        return urls.source_uri(self.path)

    def citation(self, source_id: str) -> Citation | None:
        return next((citation for citation in self.citations if citation.id == source_id), None)

    def cited_outside_body(self, source_id: str) -> str | None:
        """The id of the mark outside the body that cites a source (an affiliation's),
        for the list of sources to link back to when the body does not cite it."""
        return None


# --- event and actor pages ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CorrectionPart:
    """A run of a correction's text, or a mark citing a source (number as in the page's
    list of sources; `anchor`, the mark's id when the list links back to it)."""

    text: str = ""
    source: str | None = None
    number: int | None = None
    anchor: str | None = None


@dataclass(frozen=True, slots=True)
class CorrectionLine:
    date: DateWords
    parts: tuple[CorrectionPart, ...]
    text: str  # the text alone, for metadata
    published: str | None  # machine-readable date (JSON-LD), only as precise as known
    day: int  # the first day of its date (a day ordinal), for the newest-first order


def source_numbers(file: EditorsFile) -> dict[str, int]:
    """Each source's number in the page's list of sources: Python-Markdown numbers the
    footnotes in the order `page_markdown` defines them, the file's sources in order."""
    return {source.id: index for index, source in enumerate(file.sources, start=1)}


class FirstMarks:
    """The ids of the marks (outside the body) that cite a source: the first mark of each
    source gets one, for the list of sources to link back to when the body does not cite
    that source."""

    def __init__(self, anchor: Callable[[str], str]):
        self.anchor = anchor  # a source's id -> the id of its first mark
        self.seen: set[str] = set()

    def __call__(self, source_id: str) -> str | None:
        if source_id in self.seen:
            return None
        self.seen.add(source_id)
        return self.anchor(source_id)


def correction_lines(file: EditorsFile, text: Text) -> tuple[CorrectionLine, ...]:
    """A page's corrections, newest first, their citations as marks."""
    numbers = source_numbers(file)
    first_mark = FirstMarks(urls.correction_mark)
    lines = []
    ordered = sorted(file.corrections, key=lambda c: c.date.first_day() or Day(0), reverse=True)
    for correction in ordered:
        parts: list[CorrectionPart] = []
        for index, piece in enumerate(FOOTNOTE_REF.split(correction.text)):
            if index % 2 == 0:
                if piece:
                    parts.append(CorrectionPart(text=piece))
            elif piece in numbers:
                parts.append(CorrectionPart(source=piece, number=numbers[piece], anchor=first_mark(piece)))
        source = correction.source_id
        if source in numbers and source not in FOOTNOTE_REF.findall(correction.text):
            parts.append(CorrectionPart(source=source, number=numbers[source], anchor=first_mark(source)))
        start = correction.date.start
        lines.append(
            CorrectionLine(
                date_words(correction.date, text),
                tuple(parts),
                FOOTNOTE_REF.sub("", correction.text).strip(),
                start.iso() if start is not None else None,
                (correction.date.first_day() or Day(0)).ordinal,
            )
        )
    return tuple(lines)


@dataclass(frozen=True, slots=True)
class Belonging:
    """An organisation an actor belonged to at an event's date: `certain` when the
    affiliation's period certainly covers the date, else possibly."""

    organisation: ActorLink
    role: str | None
    certain: bool


@dataclass(frozen=True, slots=True)
class Participant:
    """An actor in an event, with the role the event gives it and what it belonged to then."""

    actor: ActorLink
    role: str | None
    belonged: tuple[Belonging, ...] = ()


@dataclass(frozen=True, slots=True)
class Appearance:
    """An event on an actor's page, with the actor's role and what it belonged to then."""

    event: EventLink
    role: str | None
    belonged: tuple[Belonging, ...] = ()


def belongings(actor: Actor, date: EdtfDate, pieces: Pieces) -> tuple[Belonging, ...]:
    """The organisations `actor` belonged to at `date`, certainly or possibly (see
    `dates.coverage`); none whose period cannot overlap the date."""
    found = []
    for affiliation in actor.affiliations:
        covered = coverage(affiliation.period, date)
        if covered:
            found.append(
                Belonging(pieces.actor_link(affiliation.organisation_id), affiliation.role, covered == "certain")
            )
    return tuple(found)


@dataclass(frozen=True, slots=True, kw_only=True)
class EventPage(PageView):
    template: ClassVar[str] = "event.html"
    date: DateWords
    date_note: str | None
    summary: str | None  # in the page's metadata (JSON-LD)
    place: str | None  # as written
    place_link: PlaceLink | None  # the place it names, when it names one of content/places/
    participants: tuple[Participant, ...]
    tags: tuple[TagLink, ...]
    related: tuple[EventLink, ...]
    previous: EventLink | None
    next: EventLink | None
    coordinates: Coordinates | None  # its own, else its place's (see Chronology.location)
    where: Whereabouts | None  # the same, with the precision in words
    media: tuple[Figure, ...]
    corrections: tuple[CorrectionLine, ...]
    history: HistoryLine | None
    start: str | None  # machine-readable bounds, only as precise as known (JSON-LD)
    end: str | None
    year: str  # the year it is listed under, for search's year filter
    stories: tuple[StoryLink, ...] = ()  # the stories that tell it
    map: MapView | None = None  # a small map locating it, when it has a location

    def cited_outside_body(self, source_id: str) -> str | None:
        return _cited_by_corrections(self.corrections, source_id)


@dataclass(frozen=True, slots=True)
class AffiliationLine:
    """One actor belonging to another: on the member's page the parent, on the parent's
    page the member."""

    actor: ActorLink
    role: str | None
    period: DateWords | None
    # On the member's page, the source the affiliation cites: its id, its number in the
    # page's list of sources, and the id of this mark when the list links back to it
    # (the body does not cite that source itself).
    source: str | None = None
    source_number: int | None = None
    anchor: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorPage(PageView):
    template: ClassVar[str] = "actor.html"
    actor: ActorLink
    kind_name: str
    aliases: tuple[str, ...]
    summary: str | None
    parents: tuple[AffiliationLine, ...]
    members: tuple[AffiliationLine, ...]
    appearances: tuple[Appearance, ...]
    overview: Overview | None = None  # the actor's events at a glance (inline SVG)
    map: MapView | None = None  # where the actor's events happened, when any has a location
    media: tuple[Figure, ...] = ()
    corrections: tuple[CorrectionLine, ...] = ()
    history: HistoryLine | None = None
    stories: tuple[StoryLink, ...] = ()  # the stories that tell of it

    def cited_outside_body(self, source_id: str) -> str | None:
        return next((line.anchor for line in self.parents if line.anchor and line.source == source_id), None) or (
            _cited_by_corrections(self.corrections, source_id)
        )


def _cited_by_corrections(lines: tuple[CorrectionLine, ...], source_id: str) -> str | None:
    marks = (part.anchor for line in lines for part in line.parts if part.anchor and part.source == source_id)
    return next(marks, None)


def event_page(event: Event, chronology: Chronology, pieces: Pieces) -> EventPage:
    path = urls.event(event.id)
    actors = chronology.actors_by_id
    names = [name for p in event.actors for name in _names(actors[p.actor_id])]
    previous, following = chronology.previous(event), chronology.next(event)
    start, end = event.date.start, event.date.end
    place = chronology.event_places.get(event.id)
    coordinates = chronology.location(event)
    return EventPage(
        path=path,
        title=event.title,
        lang=event.lang,
        markdown=page_markdown(path, event.body, event.sources),
        description=f"{pieces.date(event).label}. {event.summary}" if event.summary else pieces.date(event).label,
        keywords=tuple(
            dict.fromkeys((*event.tags, *([event.place] if event.place else []), *_place_names(place), *names))
        ),
        citations=tuple(pieces.citation(source) for source in event.sources),
        date=pieces.date(event),
        date_note=event.date_note,
        summary=event.summary,
        place=place.name if place else event.place,
        place_link=place_link(place) if place else None,
        coordinates=coordinates,
        where=whereabouts(coordinates, pieces.text),
        media=pieces.figures(event.media),
        corrections=correction_lines(event, pieces.text),
        history=pieces.history("event", event.id),
        participants=tuple(
            Participant(pieces.actor_link(p.actor_id), p.role, belongings(actors[p.actor_id], event.date, pieces))
            for p in event.actors
        ),
        tags=tuple(pieces.tag_link(name) for name in event.tags),
        related=tuple(pieces.event_link(other) for other in chronology.related.get(event.id, ())),
        previous=pieces.event_link(previous) if previous else None,
        next=pieces.event_link(following) if following else None,
        start=start.iso() if start is not None and start.year is not None else None,
        end=end.iso() if end is not None and end.year is not None and end is not start else None,
        year=_year(event, pieces.text),
        stories=tuple(story_link(story) for story in chronology.told_in.get(("event", event.id), ())),
        map=pieces.map_of((event,), size="locator"),
    )


def _place_names(place: Place | None) -> tuple[str, ...]:
    """What search finds an event by, of its place: the place's names, those of the
    places it lies in are on their own pages."""
    return (place.name, *place.aliases) if place else ()


def _year(event: Event, text: Text) -> str:
    point = event.date.listed_at
    if point.year is None:
        return text.gettext("Year not given")
    return year_words(point.year, text)


def actor_page(actor: Actor, chronology: Chronology, pieces: Pieces, timeline: PeriodPath) -> ActorPage:
    """`timeline` gives the timeline's page of a period: a bar of the actor's overview
    leads there, filtered to the actor."""
    path = urls.actor(actor.id)
    text = pieces.text
    appearances = chronology.appearances.get(actor.id, ())

    def period_path(unit: str, day: Day) -> str:
        return urls.with_query(timeline(unit, day), "actor", actor.id)

    return ActorPage(
        path=path,
        title=actor.name,
        lang=actor.lang,
        markdown=page_markdown(path, actor.body, actor.sources),
        description=actor.summary or kind_name(actor.kind, text),
        keywords=_names(actor),
        citations=tuple(pieces.citation(source) for source in actor.sources),
        actor=pieces.actor_link(actor.id),
        kind_name=kind_name(actor.kind, text),
        aliases=actor.aliases,
        summary=actor.summary,
        parents=_parents(actor, pieces, text),
        members=tuple(
            _affiliation(pieces, m.actor.id, m.affiliation, text) for m in chronology.members.get(actor.id, ())
        ),
        appearances=tuple(
            Appearance(pieces.event_link(a.event), a.role, belongings(actor, a.event.date, pieces)) for a in appearances
        ),
        media=pieces.figures(actor.media),
        corrections=correction_lines(actor, text),
        history=pieces.history("actor", actor.id),
        overview=pieces.picture(list({a.event.id: a.event for a in appearances}.values()), period_path),
        stories=tuple(story_link(story) for story in chronology.told_in.get(("actor", actor.id), ())),
        map=pieces.map_of(list({a.event.id: a.event for a in appearances}.values())),
    )


def _parents(actor: Actor, pieces: Pieces, text: Text) -> tuple[AffiliationLine, ...]:
    """The actor's own affiliations, each with a mark for the source it cites, numbered as
    in the list of sources."""
    numbers = source_numbers(actor)
    first_mark = FirstMarks(urls.affiliation_mark)
    lines = []
    for affiliation in actor.affiliations:
        line = _affiliation(pieces, affiliation.organisation_id, affiliation, text)
        source = affiliation.source_id
        if source in numbers:
            line = replace(line, source=source, source_number=numbers[source], anchor=first_mark(source))
        lines.append(line)
    return tuple(lines)


def _affiliation(pieces: Pieces, actor_id: str, affiliation: Affiliation, text: Text) -> AffiliationLine:
    period = date_words(affiliation.period, text) if affiliation.period else None
    return AffiliationLine(pieces.actor_link(actor_id), affiliation.role, period)


def _names(actor: Actor) -> tuple[str, ...]:
    return (actor.name, *actor.aliases)


def kind_name(kind: ActorKind, text: Text) -> str:
    names = {
        "person": text.gettext("Person"),
        "group": text.gettext("Group"),
        "organisation": text.gettext("Organisation"),
        "state": text.gettext("State"),
    }
    return names[kind]


# --- indexes -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class EventsIndex(PageView):
    """Every event by title, one line each, split into numbered pages when there are many."""

    template: ClassVar[str] = "events.html"
    total: int
    events: tuple[EventLink, ...]
    pager: tuple[PeriodLink, ...]  # its numbered pages, each named by its first and last title; empty if one


T = TypeVar("T")


def chunks(items: Sequence[T], limit: int) -> list[list[T]]:
    """`items` cut into pages of at most `limit` (one empty page when there are none)."""
    return [list(items[start : start + limit]) for start in range(0, len(items), limit)] or [[]]


def numbered_title(title: str, number: int, text: Text) -> str:
    """The title of the `number`th page of a list (the first keeps the list's title)."""
    return title if number == 1 else text.gettext("%(title)s (page %(number)s)", title=title, number=number)


@dataclass(frozen=True, slots=True)
class IndexPage(Generic[T]):
    """One page of a long index: its items, and the pager that names each of the index's
    pages by its first and last item (empty when there is one page)."""

    path: str
    title: str
    in_nav: bool  # the first page only
    items: list[T]
    pager: tuple[PeriodLink, ...]


def index_pages(
    items: list[T], limit: int, first: str, title: str, name: Callable[[T], str], text: Text
) -> list[IndexPage[T]]:
    """An index of `items` (its first page at `first`) cut into pages of at most `limit`."""
    cut = chunks(items, limit)
    paths = [urls.numbered(first, number) for number in range(1, len(cut) + 1)]
    pager = tuple(
        PeriodLink(path, f"{name(chunk[0])} – {name(chunk[-1])}" if chunk else "", len(chunk))
        for path, chunk in zip(paths, cut, strict=True)
    )
    return [
        IndexPage(path, numbered_title(title, number, text), number == 1, chunk, pager if len(cut) > 1 else ())
        for number, (path, chunk) in enumerate(zip(paths, cut, strict=True), start=1)
    ]


def events_index(chronology: Chronology, title: str, limit: int, pieces: Pieces) -> list[EventsIndex]:
    by_title = sorted(chronology.events, key=lambda e: (e.title.casefold(), e.id))
    return [
        EventsIndex(
            path=page.path,
            title=page.title,
            in_nav=page.in_nav,
            total=len(by_title),
            events=tuple(pieces.event_link(event) for event in page.items),
            pager=page.pager,
        )
        for page in index_pages(by_title, limit, urls.EVENTS, title, lambda event: event.title, pieces.text)
    ]


@dataclass(frozen=True, slots=True)
class ActorEntry:
    actor: ActorLink
    aliases: tuple[str, ...]
    summary: str | None
    events: int


@dataclass(frozen=True, slots=True)
class KindGroup:
    heading: str
    anchor: str
    actors: tuple[ActorEntry, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorsIndex(PageView):
    template: ClassVar[str] = "actors.html"
    groups: tuple[KindGroup, ...]
    pager: tuple[PeriodLink, ...] = ()  # the index's pages when it has more than one


KIND_ORDER: tuple[ActorKind, ...] = ("state", "organisation", "group", "person")  # on the actors index


def actors_index(chronology: Chronology, title: str, limit: int, pieces: Pieces) -> list[ActorsIndex]:
    """Every actor, by kind then name, on pages of at most `limit` (each page keeps the
    kind headings of the actors it holds)."""
    headings = kind_plurals(pieces.text)
    ordered = [actor for kind in KIND_ORDER for actor in chronology.actors if actor.kind == kind]
    views = []
    for page in index_pages(ordered, limit, urls.ACTORS, title, lambda actor: actor.name, pieces.text):
        chunk = page.items
        groups = tuple(
            KindGroup(
                headings[kind],
                urls.kind_anchor(kind),
                tuple(
                    ActorEntry(
                        pieces.actor_link(actor.id),
                        actor.aliases,
                        actor.summary,
                        len(chronology.appearances.get(actor.id, ())),
                    )
                    for actor in chunk
                    if actor.kind == kind
                ),
            )
            for kind in KIND_ORDER
            if any(actor.kind == kind for actor in chunk)
        )
        views.append(ActorsIndex(path=page.path, title=page.title, in_nav=page.in_nav, groups=groups, pager=page.pager))
    return views


@dataclass(frozen=True, slots=True)
class TagEntry:
    tag: TagLink
    events: int


@dataclass(frozen=True, slots=True, kw_only=True)
class TagsIndex(PageView):
    template: ClassVar[str] = "tags.html"
    tags: tuple[TagEntry, ...]


def tags_index(chronology: Chronology, title: str) -> TagsIndex:
    entries = tuple(TagEntry(TagLink(tag.slug, tag.name), len(tag.events)) for tag in chronology.tags)
    return TagsIndex(path=urls.TAGS, title=title, in_nav=True, tags=entries)


@dataclass(frozen=True, slots=True)
class CorrectedPage:
    """One correction on the corrections page: the page it corrects, and its line."""

    path: str
    title: str
    line: CorrectionLine
    lang: str | None = None  # the page's file's language, when given


@dataclass(frozen=True, slots=True, kw_only=True)
class CorrectionsIndex(PageView):
    """Every correction of the chronology, newest first, each linked to its page."""

    template: ClassVar[str] = "corrections.html"
    entries: tuple[CorrectedPage, ...]


class Corrected(Protocol):
    """A page of an editor's file: the corrections index lists its corrections."""

    @property
    def path(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def lang(self) -> str | None: ...
    @property
    def corrections(self) -> tuple[CorrectionLine, ...]: ...


def corrections_index(pages: Iterable[Corrected], text: Text) -> CorrectionsIndex:
    """From the event, actor and place pages' own correction lines (made once, with the page)."""
    entries = [CorrectedPage(page.path, page.title, line, page.lang) for page in pages for line in page.corrections]
    entries.sort(key=lambda entry: (-entry.line.day, entry.path))
    return CorrectionsIndex(path=urls.CORRECTIONS, title=text.gettext("Corrections"), entries=tuple(entries))


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchPage(PageView):
    """The search page: a form with filters, answered in the browser by Pagefind."""

    template: ClassVar[str] = "search.html"


def search_page(text: Text) -> SearchPage:
    return SearchPage(path=urls.SEARCH, title=text.gettext("Search"))


# --- the live preview's problem pages ------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class ProblemsPage(PageView):
    template: ClassVar[str] = "problems.html"
    problems: tuple[Problem, ...]  # each printed in the editors' form (path:line: field: message)


def problem_pages(problems: list[Problem], titles: dict[str, str]) -> list[ProblemsPage]:
    """For the live preview only: every index page shows the problems to fix."""
    return [
        ProblemsPage(path=path, title=titles[key], in_nav=True, problems=tuple(problems))
        for path, key in (
            (urls.HOME, "timeline"),
            (urls.EVENTS, "events"),
            (urls.ACTORS, "actors"),
            (urls.TAGS, "tags"),
        )
    ]

"""The timeline as listing pages: events under year and month headings, split into a page
per year (and per month) when a listing would grow too large to load.

The home page lists every event while there are at most `limit` of them; beyond that it
lists the years, each with its own page, so that no page grows past a couple of
megabytes and every event stays reachable without JavaScript.  Tag pages are split the
same way.  Year pages always exist for the home timeline: they are its year filter.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar, Literal

from generator import urls
from generator.core.dates import Day
from generator.core.model import Chronology, Event
from generator.text import Text
from generator.views.dates import day_words, month_name, year_words
from generator.views.map import MapView
from generator.views.overview import Overview, PeriodPath
from generator.views.pages import PageView, chunks, numbered_title
from generator.views.pieces import ActorLink, EventCard, PeriodLink, Pieces, TagLink

# What the pages of a period too long for one page are, one level down.
ListingLevel = Literal["years", "months", "days", "pages"]


@dataclass(frozen=True, slots=True)
class Listed:
    """An event as one listing page lists it: its card, and its actors and tags as the
    page's filter knows them (their places among `FilterChoices`, "0 4"), so that each
    row names them in a few bytes rather than by their ids."""

    card: EventCard
    actors: str
    tags: str
    # For the map's choice of a place or an area (javascripts/timeline/map.mjs): the place
    # its `place:` names and the places that one lies in ("erbil iraq"), and where it is
    # drawn ("36.19 44.01"); each "" when it has none.
    places: str = ""
    at: str = ""


@dataclass(frozen=True, slots=True)
class MonthGroup:
    heading: str
    anchor: str
    path: str  # the page of this month alone, used when its year is split
    count: int
    events: tuple[Listed, ...]  # empty when the page shows only the count


@dataclass(frozen=True, slots=True)
class YearGroup:
    """A heading on the timeline (a year, or 'Year not given') and its months."""

    heading: str
    anchor: str
    path: str  # the page of this year alone
    months: tuple[MonthGroup, ...]

    @property
    def count(self) -> int:
        return sum(month.count for month in self.months)


@dataclass(frozen=True, slots=True)
class FilterChoices:
    """The in-page filter's choices: only the actors and tags of the page's events (its
    years are the listing's groups).  A page of cards names no actor here: its cards link
    every actor, and the script offers them from those links, so that no page names an
    actor twice."""

    actors: tuple[ActorLink, ...]
    tags: tuple[TagLink, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Listing(PageView):
    template: ClassVar[str] = "timeline.html"
    groups: tuple[YearGroup, ...]  # the events this page shows, under year and month headings
    total: int  # the events of the whole period, shown here or on the pages in `periods`
    # When the period holds more than `page_limit` events: its pages one level down, and
    # what they are.
    periods: tuple[PeriodLink, ...] = ()
    periods_of: ListingLevel | None = None
    latest: bool = False  # the events shown are the most recent of a split listing
    previous: PeriodLink | None = None  # the neighbouring periods at the same level
    next: PeriodLink | None = None
    tag: TagLink | None = None
    browse: tuple[PeriodLink, ...] = ()  # the home page's ways into the timeline: every year
    parent_path: str | None = None  # the listing this period's page is part of
    filter: FilterChoices | None = None
    overview: Overview | None = None  # the period at a glance (inline SVG)
    map: MapView | None = None  # where its events happened (inline SVG), when any has a location
    # Events as one line each (date and title) rather than as cards: on the pages that
    # list events shown in full elsewhere (a tag's pages, the latest events of a split
    # listing), so that each event's card is printed once, on its period's page.
    rows: bool = False
    # For other sites' iframes (/embed/): the same picture, filters and events, without the
    # site's header, navigation and footer.
    embedded: bool = False

    @property
    def split(self) -> bool:
        return bool(self.periods)


def timeline_groups(
    events: tuple[Event, ...], listing: str, pieces: Pieces, choices: FilterChoices | None = None
) -> tuple[YearGroup, ...]:
    """Consecutive events grouped under year, then month, headings: the same periods, and
    the same addresses, as the pages of years and months (`_years`, `_months`).

    An event goes under the year and month its date starts in.  Events whose year the
    sources do not give come last in timeline order, under 'Year not given'; a date
    without a month gets a 'Month not given' (or 'Date not given') subheading, so
    that no event looks as if it belonged to the month above it.
    """
    text = pieces.text
    numbers = _Numbers(choices)
    return tuple(
        YearGroup(
            heading,
            urls.year_anchor(year_key),
            urls.year(listing, year_key),
            tuple(
                MonthGroup(
                    month_heading,
                    urls.month_anchor(year_key, month_key),
                    urls.month(listing, year_key, month_key),
                    len(found),
                    tuple(numbers.listed(pieces.card(event), *_where(event, pieces.chronology)) for event in found),
                )
                for month_key, month_heading, found in _months(in_year, text)
            ),
        )
        for year_key, heading, in_year in _years(list(events), text)
    )


_Period = tuple[str, str, list[Event]]  # address part, heading, events


def timeline_pages(
    listing: str,
    title: str,
    events: tuple[Event, ...],
    limit: int,
    pieces: Pieces,
    *,
    year_pages: bool,
    tag: TagLink | None = None,
    browse: bool = False,
) -> list[Listing]:
    """The listing at `listing` (e.g. "" or "tags/drone/") and, below it, a page per year,
    then per month, then per day, then numbered pages of one day: no page shows more than
    `limit` events, each links to the level below and to its neighbours.  A listing too
    long for one page still shows events: the most recent `limit` of them."""
    text = pieces.text
    years = _years(list(events), text)
    year_links = tuple(PeriodLink(urls.year(listing, key), heading, len(found)) for key, heading, found in years)
    page = _Page(listing, title, tag, pieces, limit, year_pages=year_pages or len(events) > limit, events=events)
    if len(events) <= limit:
        pages = [page.listing(listing, title, events, total=len(events), browse=year_links if browse else ())]
    else:
        dated = [event for event in events if event.date.year_known] or list(events)
        pages = [
            page.listing(
                listing,
                title,
                tuple(dated[-limit:]),
                total=len(events),
                periods=year_links,
                periods_of="years",
                latest=True,
                browse=year_links if browse else (),
                period_events=events,
            )
        ]
    if len(events) > limit or year_pages:
        for index, (key, heading, found) in enumerate(years):
            year_title = _titled(text, title, heading) if listing else heading
            pages += page.period(
                urls.year(listing, key),
                year_title,
                found,
                _neighbours(year_links, index),
                listing,
                level="months",
                heading=heading,
            )
    return pages


class _Page:
    """Makes the listing pages of one listing (the timeline or a tag), level by level."""

    def __init__(
        self,
        listing: str,
        title: str,
        tag: TagLink | None,
        pieces: Pieces,
        limit: int,
        *,
        year_pages: bool,
        events: tuple[Event, ...],
    ):
        self.listing_path = listing
        self.title = title
        self.tag = tag
        self.pieces = pieces
        self.limit = limit
        self.year_pages = year_pages
        self.period_pages = PeriodPages.of(listing, events, limit, year_pages=year_pages)

    def period(
        self,
        path: str,
        title: str,
        events: list[Event],
        neighbours: tuple[PeriodLink | None, PeriodLink | None],
        parent: str,
        *,
        level: ListingLevel,
        heading: str,
    ) -> list[Listing]:
        """The page of one period (`heading`: its name, "2023", without the listing's title) and,
        when it holds too many events, the pages below it."""
        previous, following = neighbours
        if len(events) <= self.limit:
            return [self.listing(path, title, tuple(events), total=len(events), neighbours=neighbours, parent=parent)]
        text = self.pieces.text
        if level == "months":
            below = _months(events, text)
        elif level == "days":
            below = _days(events, text)
        else:
            below = [("", "", chunk) for chunk in chunks(events, self.limit)]
        links = tuple(
            PeriodLink(
                urls.numbered(path, number) if level == "pages" else urls.below(path, key),
                heading or text.gettext("Page %(number)s", number=number),
                len(found),
            )
            for number, (key, heading, found) in enumerate(below, start=1)
        )
        if level == "pages":
            # A day with too many events for one page: numbered pages, the first at the day's address.
            return [
                self.listing(
                    link.path,
                    numbered_title(title, number, text),
                    tuple(found),
                    total=len(found),
                    periods=links,
                    periods_of="pages",
                    neighbours=(previous, following) if number == 1 else (None, None),
                    parent=parent,
                    period_events=events,
                )
                for number, (link, (_, _, found)) in enumerate(zip(links, below, strict=True), start=1)
            ]
        pages = [
            self.listing(
                path,
                title,
                (),
                total=len(events),
                periods=links,
                periods_of=level,
                neighbours=neighbours,
                parent=parent,
                period_events=events,
            )
        ]
        next_level: ListingLevel = "days" if level == "months" else "pages"
        for index, (link, (_, below_heading, found)) in enumerate(zip(links, below, strict=True)):
            below_title = (
                text.gettext("%(month)s (%(year)s)", month=below_heading, year=heading)
                if level == "months"
                else below_heading
            )
            pages += self.period(
                link.path,
                _titled(text, self.title, below_title) if self.listing_path else below_title,
                found,
                _neighbours(links, index),
                path,
                level=next_level,
                heading=below_title,
            )
        return pages

    def listing(
        self,
        path: str,
        title: str,
        events: tuple[Event, ...],
        *,
        total: int,
        periods: tuple[PeriodLink, ...] = (),
        periods_of: ListingLevel | None = None,
        latest: bool = False,
        neighbours: tuple[PeriodLink | None, PeriodLink | None] = (None, None),
        parent: str | None = None,
        browse: tuple[PeriodLink, ...] = (),
        period_events: list[Event] | tuple[Event, ...] | None = None,
    ) -> Listing:
        rows = latest or self.tag is not None
        choices = _filter_choices(events, self.pieces, actors=rows) if events else None
        groups = timeline_groups(events, self.listing_path, self.pieces, choices)
        every = list(period_events) if period_events is not None else list(events)
        picture = self.pieces.picture(every, self.period_pages.path_from(path))
        return Listing(
            path=path,
            title=title,
            groups=groups,
            total=total,
            in_nav=path == urls.HOME,
            periods=periods,
            periods_of=periods_of,
            latest=latest,
            previous=neighbours[0],
            next=neighbours[1],
            tag=self.tag,
            browse=browse,
            parent_path=parent,
            filter=choices,
            overview=picture,
            map=self.pieces.map_of(every),
            rows=rows,
        )


@dataclass(frozen=True, slots=True)
class PeriodPages:
    """Which periods of a listing have pages of their own: a year's, a month's and a day's
    page exist where the level above holds more than `limit` events."""

    listing_path: str
    year_pages: bool
    limit: int
    per_year: Counter[int | None]
    per_month: Counter[tuple[int | None, int | None]]

    @classmethod
    def of(cls, listing: str, events: tuple[Event, ...], limit: int, *, year_pages: bool) -> PeriodPages:
        points = [event.date.listed_at for event in events]
        return cls(
            listing,
            year_pages,
            limit,
            Counter(point.year for point in points),
            Counter((point.year, point.month) for point in points),
        )

    def path_from(self, current: str) -> PeriodPath:
        """Where a bar of an overview on the page `current` leads: the page of its year,
        month or day where that page exists, else the heading of that period on the
        nearest page above."""

        listing = self.listing_path

        def year_page(key: str) -> str:
            return urls.year(listing, key) if self.year_pages else current

        def path(unit: str, day: Day) -> str:
            year, month, number = day.parts if unit != "undated" else (None, 1, 1)
            year_key, month_key = urls.year_key(year), urls.month_key(month)
            if unit in ("year", "undated"):
                return year_page(year_key) if self.year_pages else urls.at(current, urls.year_anchor(year_key))
            if self.per_year[year] <= self.limit:
                return urls.at(year_page(year_key), urls.month_anchor(year_key, month_key))
            if unit == "month" or self.per_month[(year, month)] <= self.limit:
                return urls.month(listing, year_key, month_key)
            return urls.day(listing, year_key, month_key, urls.day_key(number))

        return path


def _neighbours(links: tuple[PeriodLink, ...], index: int) -> tuple[PeriodLink | None, PeriodLink | None]:
    return (links[index - 1] if index > 0 else None, links[index + 1] if index + 1 < len(links) else None)


def _consecutive(events: list[Event], key: Callable[[Event], tuple[str, str]]) -> list[_Period]:
    """Events (in timeline order) grouped by `key` where consecutive; a key met again later
    (`follows:` can interleave undated events) gets a numbered address of its own."""
    periods: list[_Period] = []
    last = None
    used: dict[str, int] = {}
    for event in events:
        part, heading = key(event)
        if part == last:
            periods[-1][2].append(event)
            continue
        last = part
        used[part] = used.get(part, 0) + 1
        periods.append((urls.repeated(part, used[part]), heading, [event]))
    return periods


def _years(events: list[Event], text: Text) -> list[_Period]:
    def key(event: Event) -> tuple[str, str]:
        year = event.date.listed_at.year
        heading = text.gettext("Year not given") if year is None else year_words(year, text)
        return urls.year_key(year), heading

    return _consecutive(events, key)


def _months(events: list[Event], text: Text) -> list[_Period]:
    def key(event: Event) -> tuple[str, str]:
        point = event.date.listed_at
        if point.month:
            return urls.month_key(point.month), month_name(point.month, text)
        if point.year is not None:
            return urls.MONTH_NOT_GIVEN, text.gettext("Month not given")
        return urls.DATE_NOT_GIVEN, text.gettext("Date not given")

    return _consecutive(events, key)


def _days(events: list[Event], text: Text) -> list[_Period]:
    def key(event: Event) -> tuple[str, str]:
        point = event.date.listed_at
        if point.day is None or point.month is None:
            return urls.DAY_NOT_GIVEN, text.gettext("Day not given")
        if point.year is None:
            return urls.day_key(point.day), text.date(datetime.date(2000, point.month, point.day), "MMMMd")
        return urls.day_key(point.day), day_words(Day.of(point.year, point.month, point.day), text)

    return _consecutive(events, key)


def _titled(text: Text, listing_title: str, period: str) -> str:
    return text.gettext("%(listing)s: %(period)s", listing=listing_title, period=period)


def _filter_choices(events: tuple[Event, ...], pieces: Pieces, *, actors: bool) -> FilterChoices:
    chronology = pieces.chronology
    actor_ids = {p.actor_id for event in events for p in event.actors} if actors else set()
    tag_slugs = {chronology.tag_slugs[name] for event in events for name in event.tags}
    return FilterChoices(
        actors=tuple(pieces.actor_link(actor.id) for actor in chronology.actors if actor.id in actor_ids),
        tags=tuple(pieces.tag_link(tag.name) for tag in chronology.tags if tag.slug in tag_slugs),
    )


class _Numbers:
    """Each event of a page with its actors and tags numbered as the page's filter
    offers them."""

    def __init__(self, choices: FilterChoices | None):
        actors = choices.actors if choices else ()
        tags = choices.tags if choices else ()
        self.actors = {actor.id: str(number) for number, actor in enumerate(actors)}
        self.tags = {tag.slug: str(number) for number, tag in enumerate(tags)}

    def listed(self, card: EventCard, places: str = "", at: str = "") -> Listed:
        return Listed(
            card,
            " ".join(self.actors[actor.id] for actor in card.actors if actor.id in self.actors),
            " ".join(self.tags[slug] for slug in card.tag_slugs if slug in self.tags),
            places,
            at,
        )


def _where(event: Event, chronology: Chronology) -> tuple[str, str]:
    """An event's places (its own, then those it lies in) and its location, as the
    list's items carry them for the map's filter: ids, and degrees to three decimals
    (about 100 m: an area is chosen on a map, not a street)."""
    chain: list[str] = []
    place = chronology.event_places.get(event.id)
    while place is not None and place.id not in chain:
        chain.append(place.id)
        place = chronology.places_by_id.get(place.part_of) if place.part_of else None
    where = chronology.location(event)
    at = f"{_degrees(where.latitude)} {_degrees(where.longitude)}" if where else ""
    return " ".join(chain), at


def _degrees(value: float) -> str:
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text

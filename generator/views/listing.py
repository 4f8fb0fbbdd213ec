"""The timeline as listing pages: events under year and month headings, split into a page
per year (and per month) when a listing would grow too large to load.

The home page lists every event while there are at most `limit` of them; beyond that it
lists the years, each with its own page, so that no page grows past a couple of
megabytes and every event stays reachable without JavaScript.  Tag pages are split the
same way.  Year pages always exist for the home timeline: they are its year filter.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace
from typing import ClassVar

from generator import urls
from generator.model import Event
from generator.text import Text
from generator.views.dates import month_name
from generator.views.pages import PageView
from generator.views.pieces import ActorLink, EventCard, Pieces, TagLink


@dataclass(frozen=True, slots=True)
class MonthGroup:
    heading: str
    anchor: str
    path: str  # the page of this month alone, used when its year is split
    count: int
    cards: tuple[EventCard, ...]  # empty when the page shows only the count


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
    years are the listing's groups)."""

    actors: tuple[ActorLink, ...]
    tags: tuple[TagLink, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Listing(PageView):
    template: ClassVar[str] = "timeline.html"
    groups: tuple[YearGroup, ...]
    total: int
    overview: bool  # True: too many events for one page, the groups link to their own pages
    tag: TagLink | None = None
    browse: bool = False  # the home page: ways into the timeline by year, actor, tag and title
    parent_path: str | None = None  # the listing this year or month page is part of
    filter: FilterChoices | None = None


def timeline_groups(events: tuple[Event, ...], listing: str, pieces: Pieces) -> tuple[YearGroup, ...]:
    """Consecutive events grouped under year, then month, headings.

    An event goes under the year and month its date starts in.  Events whose year the
    sources do not give come last in timeline order, under 'Year not given'; a date
    without a month gets a 'Month not given' (or 'Date not given') subheading, so
    that no event looks as if it belonged to the month above it.
    """
    text = pieces.text
    years: list[tuple[str, str, list[tuple[str, str, list[Event]]]]] = []  # (key, heading, months)
    for event in events:
        point = event.date.start or event.date.end
        assert point is not None
        if point.year is None:
            year_key, year_heading = urls.YEAR_NOT_GIVEN, text.gettext("Year not given")
        else:
            year_key, year_heading = str(point.year), text.date(datetime.date(point.year, 1, 1), "y")
        if point.month:
            month_key, heading = f"{point.month:02d}", month_name(point.month, text)
        elif point.year is not None:
            month_key, heading = urls.MONTH_NOT_GIVEN, text.gettext("Month not given")
        else:
            month_key, heading = "date-not-given", text.gettext("Date not given")
        if not years or years[-1][0] != year_key:
            years.append((year_key, year_heading, []))
        months = years[-1][2]
        if not months or months[-1][0] != month_key:
            months.append((month_key, heading, []))
        months[-1][2].append(event)
    return tuple(
        YearGroup(heading, f"year-{key}", urls.year(listing, key), _month_groups(listing, key, months, pieces))
        for key, heading, months in years
    )


def _month_groups(
    listing: str, year_key: str, months: list[tuple[str, str, list[Event]]], pieces: Pieces
) -> tuple[MonthGroup, ...]:
    # 'Date not given' can recur within a year when `follows:` interleaves events.
    used: dict[str, int] = {}
    result = []
    for key, heading, events in months:
        used[key] = used.get(key, 0) + 1
        unique = key if used[key] == 1 else f"{key}-{used[key]}"
        result.append(
            MonthGroup(
                heading,
                f"year-{year_key}-{unique}",
                urls.month(listing, year_key, unique),
                len(events),
                tuple(pieces.card(event) for event in events),
            )
        )
    return tuple(result)


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
    """The listing at `listing` (e.g. "" or "tags/drone/"), and its year and month pages."""
    text = pieces.text
    groups = timeline_groups(events, listing, pieces)
    split = len(events) > limit
    pages = [_listing(listing, title, groups, pieces, overview=split, tag=tag, browse=browse)]
    if not (split or year_pages):
        return pages
    for group in groups:
        by_month = group.count > limit
        period_title = _titled(text, title, group.heading) if listing else group.heading
        pages.append(_listing(group.path, period_title, (group,), pieces, overview=by_month, tag=tag, parent=listing))
        if by_month:
            for month in group.months:
                month_title = text.gettext("%(month)s (%(year)s)", month=month.heading, year=group.heading)
                pages.append(
                    _listing(
                        month.path,
                        _titled(text, title, month_title) if listing else month_title,
                        (replace(group, months=(month,)),),
                        pieces,
                        overview=False,
                        tag=tag,
                        parent=group.path,
                    )
                )
    return pages


def _titled(text: Text, listing_title: str, period: str) -> str:
    return text.gettext("%(listing)s: %(period)s", listing=listing_title, period=period)


def _listing(
    path: str,
    title: str,
    groups: tuple[YearGroup, ...],
    pieces: Pieces,
    *,
    overview: bool,
    tag: TagLink | None,
    browse: bool = False,
    parent: str | None = None,
) -> Listing:
    total = sum(group.count for group in groups)
    if overview:
        # Only the counts are shown: the view does not hold the cards, so that an edit to
        # an event does not count as a change of this page.
        groups = tuple(
            replace(group, months=tuple(replace(month, cards=()) for month in group.months)) for group in groups
        )
        choices = None
    else:
        choices = _filter_choices(groups, pieces)
    return Listing(
        path=path,
        title=title,
        groups=groups,
        total=total,
        overview=overview,
        in_nav=path == urls.HOME,
        tag=tag,
        browse=browse,
        parent_path=parent,
        filter=choices,
    )


def _filter_choices(groups: tuple[YearGroup, ...], pieces: Pieces) -> FilterChoices:
    cards = [card for group in groups for month in group.months for card in month.cards]
    actor_ids = {actor.id for card in cards for actor in card.actors}
    tag_slugs = {slug for card in cards for slug in card.tag_slugs}
    chronology = pieces.chronology
    return FilterChoices(
        actors=tuple(pieces.actor_link(actor.id) for actor in chronology.actors if actor.id in actor_ids),
        tags=tuple(pieces.tag_link(tag.name) for tag in chronology.tags if tag.slug in tag_slugs),
    )

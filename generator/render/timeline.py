"""The timeline as pages: events grouped under year and month headings, split into a
page per year (and per month) when a listing would grow too large to load.

The home page lists every event while there are at most `limit` of them; beyond that it
lists the years, each with its own page, so that no page grows past a couple of
megabytes and every event stays reachable without JavaScript.  Tag pages are split the
same way.  Year pages always exist for the home timeline: they are its year filter.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from generator.load import slugify
from generator.model import Chronology, Event
from generator.render.dates import MONTHS
from generator.render.page_spec import PageSpec, card_fingerprint


@dataclass(frozen=True, slots=True)
class MonthGroup:
    heading: str
    anchor: str
    events: tuple[Event, ...]
    url: str  # the page of this month alone, used when its year is split


@dataclass(frozen=True, slots=True)
class TimelineGroup:
    """A heading on the timeline (a year, or 'Year not given') and its months."""

    heading: str
    anchor: str
    months: tuple[MonthGroup, ...]
    url: str  # the page of this year alone

    @property
    def count(self) -> int:
        return sum(len(month.events) for month in self.months)


def timeline_groups(events: tuple[Event, ...], base: str = "") -> tuple[TimelineGroup, ...]:
    """Consecutive events grouped under year, then month, headings.

    An event goes under the year and month its date starts in.  Events whose year the
    sources do not give come last in timeline order, under 'Year not given'; a date
    without a month gets a 'Month not given' (or 'Date not given') subheading, so
    that no event looks as if it belonged to the month above it.
    """
    groups: list[tuple[str, str, list[tuple[str, list[Event]]]]] = []
    for event in events:
        point = event.date.start or event.date.end
        if point.year is None:
            heading, anchor = "Year not given", "year-not-given"
        else:
            heading, anchor = str(point.year), f"year-{point.year}"
        if point.month:
            month = MONTHS[point.month]
        else:
            month = "Month not given" if point.year is not None else "Date not given"
        if not groups or groups[-1][0] != heading:
            groups.append((heading, anchor, []))
        months = groups[-1][2]
        if not months or months[-1][0] != month:
            months.append((month, []))
        months[-1][1].append(event)
    result = []
    for heading, anchor, months in groups:
        url = f"{base}years/{anchor.removeprefix('year-')}/"
        result.append(TimelineGroup(heading, anchor, _month_groups(anchor, url, months), url))
    return tuple(result)


def _month_groups(year_anchor: str, year_url: str, months: list[tuple[str, list[Event]]]) -> tuple[MonthGroup, ...]:
    # 'Date not given' can recur within a year when `follows:` interleaves events.
    used: dict[str, int] = {}
    result = []
    for heading, events in months:
        anchor = f"{year_anchor}-{slugify(heading)}"
        used[anchor] = used.get(anchor, 0) + 1
        if used[anchor] > 1:
            anchor = f"{anchor}-{used[anchor]}"
        result.append(
            MonthGroup(heading, anchor, tuple(events), f"{year_url}{anchor.removeprefix(year_anchor + '-')}/")
        )
    return tuple(result)


def timeline_pages(
    base: str, title: str, events: tuple[Event, ...], chronology: Chronology, limit: int, *, year_pages: bool, **context
) -> list[PageSpec]:
    """The listing at `base` (e.g. "" or "tags/drone/"), and its year and month pages."""
    groups = timeline_groups(events, base)
    split = len(events) > limit
    pages = [_listing_page(f"{base}index.md", title, listing_context(chronology, groups, overview=split, **context))]
    if not (split or year_pages):
        return pages
    prefix = f"{title}: " if base else ""
    for group in groups:
        by_month = group.count > limit
        pages.append(
            _listing_page(
                f"{group.url}index.md",
                f"{prefix}{group.heading}",
                listing_context(chronology, (group,), overview=by_month, parent_url=base, **context),
            )
        )
        if by_month:
            pages += [
                _listing_page(
                    f"{month.url}index.md",
                    f"{prefix}{month.heading} ({group.heading})",
                    listing_context(
                        chronology,
                        (TimelineGroup(group.heading, group.anchor, (month,), group.url),),
                        overview=False,
                        parent_url=group.url,
                        **context,
                    ),
                )
                for month in group.months
            ]
    return pages


def _listing_page(src_uri: str, title: str, context: dict) -> PageSpec:
    return PageSpec(src_uri, title, "timeline.html", context=context, fingerprint=partial(listing_fingerprint, context))


def listing_context(chronology: Chronology, groups: tuple[TimelineGroup, ...], *, overview: bool, **extra) -> dict:
    """What timeline.html needs: the groups, and the filter choices that match their events."""
    context = {"timeline": chronology, "groups": groups, "overview": overview, **extra}
    if not overview:
        events = [event for group in groups for month in group.months for event in month.events]
        actor_ids = {p.actor_id for event in events for p in event.actors}
        tag_slugs = {chronology.tag_slugs[name] for event in events for name in event.tags}
        context["filter_actors"] = [actor for actor in chronology.actors if actor.id in actor_ids]
        context["filter_tags"] = [tag for tag in chronology.tags if tag.slug in tag_slugs]
    return context


def listing_fingerprint(context: dict) -> tuple:
    """What a listing page shows, as comparable data (see `PageSpec.fingerprint`)."""
    chronology, groups = context["timeline"], context["groups"]
    shown = {key: value for key, value in context.items() if key not in ("timeline", "groups")}
    if "tag" in shown:
        # The tag's name is shown, not its other events: an edit elsewhere in the tag
        # must not re-render every page of it.
        shown["tag"] = (shown["tag"].slug, shown["tag"].name)
    if context["overview"]:
        return (
            tuple((g.heading, tuple((m.heading, len(m.events)) for m in g.months)) for g in groups),
            tuple(shown.items()),
        )
    return (
        tuple((g.heading, g.anchor, tuple((m.heading, m.anchor, len(m.events)) for m in g.months)) for g in groups),
        tuple(
            card_fingerprint(event, chronology) for group in groups for month in group.months for event in month.events
        ),
        tuple((a.id, a.name) for a in shown.pop("filter_actors")),
        tuple((t.slug, t.name) for t in shown.pop("filter_tags")),
        tuple(shown.items()),
    )

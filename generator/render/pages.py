"""Which pages a chronology has, and what each one is made of.

A `PageSpec` is everything MkDocs needs for one generated page: where it lives, its
title and template, the Markdown to render as its body, and the objects its template
reads.  Nothing here imports MkDocs; the plugin turns specs into MkDocs files.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.load import slugify
from generator.model import Actor, Chronology, Event
from generator.problems import Problem
from generator.render.dates import MONTHS
from generator.render.exports import Links, actor_jsonld, event_jsonld
from generator.render.markdown import page_markdown

KIND_HEADINGS = {"state": "States", "organisation": "Organisations", "group": "Groups", "person": "People"}


@dataclass(frozen=True)
class PageSpec:
    src_uri: str
    title: str
    template: str
    markdown: str = ""
    context: dict = field(default_factory=dict)
    in_nav: bool = False  # only the indexes; event and actor pages are reached from them
    keywords: tuple[str, ...] = ()  # what search should also find the page by


def plan_pages(chronology: Chronology, titles: dict[str, str], link: Links) -> dict[str, PageSpec]:
    """Every generated page, keyed by its source URI (the path MkDocs pretends it has)."""
    groups = timeline_groups(chronology.events)
    specs = [
        PageSpec("index.md", titles["timeline"], "timeline.html", in_nav=True,
                 context={"timeline": chronology, "groups": groups, "filters": True}),
        PageSpec("events/index.md", titles["events"], "events.html", in_nav=True,
                 context={"timeline": chronology,
                          "events_by_title": sorted(chronology.events, key=lambda e: (e.title.casefold(), e.id))}),
        PageSpec("actors/index.md", titles["actors"], "actors.html", in_nav=True,
                 context={"timeline": chronology, "actor_groups": actor_groups(chronology.actors)}),
        PageSpec("tags/index.md", titles["tags"], "tags.html", in_nav=True, context={"timeline": chronology}),
    ]
    specs += [event_page(event, chronology, link) for event in chronology.events]
    specs += [actor_page(actor, chronology, link) for actor in chronology.actors]
    specs += [PageSpec(f"{tag.url}index.md", f"Tag: {tag.name}", "timeline.html",
                       context={"timeline": chronology, "groups": timeline_groups(tag.events), "tag": tag})
              for tag in chronology.tags]
    specs += [PageSpec(f"{group.url}index.md", group.heading, "timeline.html",
                       context={"timeline": chronology, "groups": (group,), "year_page": True})
              for group in groups]
    return {spec.src_uri: spec for spec in specs}


def problem_pages(problems: list[Problem], titles: dict[str, str]) -> dict[str, PageSpec]:
    """For the live preview only: every index page shows the problems to fix."""
    return {
        uri: PageSpec(uri, titles[key], "problems.html", context={"problems": problems}, in_nav=True)
        for uri, key in (("index.md", "timeline"), ("events/index.md", "events"), ("actors/index.md", "actors"),
                         ("tags/index.md", "tags"))
    }


def event_page(event: Event, chronology: Chronology, link: Links) -> PageSpec:
    context = {
        "timeline": chronology,
        "event": event,
        "jsonld": event_jsonld(event, chronology, link),
        "participants": [(chronology.actors_by_id[p.actor_id], p.role) for p in event.actors],
        "related_events": chronology.related.get(event.id, ()),
        "previous_event": chronology.previous(event),
        "next_event": chronology.next(event),
    }
    names = [name for p in event.actors for name in _names(chronology.actors_by_id[p.actor_id])]
    keywords = (*event.tags, *([event.place] if event.place else []), *names)
    return PageSpec(f"events/{event.id}.md", event.title, "event.html", page_markdown(event.body, event.sources),
                    context, keywords=tuple(dict.fromkeys(keywords)))


def actor_page(actor: Actor, chronology: Chronology, link: Links) -> PageSpec:
    context = {
        "timeline": chronology,
        "actor": actor,
        "jsonld": actor_jsonld(actor, chronology, link),
        "parents": [(chronology.actors_by_id[a.organisation_id], a) for a in actor.affiliations],
        "members": chronology.members.get(actor.id, ()),
        "appearances": chronology.appearances.get(actor.id, ()),
    }
    return PageSpec(f"actors/{actor.id}.md", actor.name, "actor.html", page_markdown(actor.body, actor.sources),
                    context, keywords=_names(actor))


def _names(actor: Actor) -> tuple[str, ...]:
    return (actor.name, *actor.aliases)


@dataclass(frozen=True)
class MonthGroup:
    heading: str
    anchor: str
    events: tuple[Event, ...]


@dataclass(frozen=True)
class TimelineGroup:
    """A heading on the timeline (a year, or 'Year not given') and its months."""

    heading: str
    anchor: str
    months: tuple[MonthGroup, ...]

    @property
    def url(self) -> str:
        """The page of this year alone (the timeline filtered by year, without JavaScript)."""
        return f"years/{self.anchor.removeprefix('year-')}/"

    @property
    def count(self) -> int:
        return sum(len(month.events) for month in self.months)


def timeline_groups(events: tuple[Event, ...]) -> tuple[TimelineGroup, ...]:
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
    return tuple(
        TimelineGroup(heading, anchor, _month_groups(anchor, months)) for heading, anchor, months in groups
    )


def _month_groups(year_anchor: str, months: list[tuple[str, list[Event]]]) -> tuple[MonthGroup, ...]:
    # 'Date not given' can recur within a year when `follows:` interleaves events.
    used: dict[str, int] = {}
    result = []
    for heading, events in months:
        anchor = f"{year_anchor}-{slugify(heading)}"
        used[anchor] = used.get(anchor, 0) + 1
        if used[anchor] > 1:
            anchor = f"{anchor}-{used[anchor]}"
        result.append(MonthGroup(heading, anchor, tuple(events)))
    return tuple(result)


def actor_groups(actors: tuple[Actor, ...]) -> tuple[tuple[str, tuple[Actor, ...]], ...]:
    return tuple(
        (heading, tuple(actor for actor in actors if actor.kind == kind))
        for kind, heading in KIND_HEADINGS.items()
        if any(actor.kind == kind for actor in actors)
    )

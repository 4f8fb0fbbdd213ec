"""Which pages a chronology has, and what each one is made of.

A `PageSpec` is everything MkDocs needs for one generated page: where it lives, its
title and template, the Markdown to render as its body, and the objects its template
reads.  Nothing here imports MkDocs; the plugin turns specs into MkDocs files.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from generator.model import Actor, Chronology, Event
from generator.problems import Problem
from generator.render.exports import Links, actor_jsonld, event_jsonld
from generator.render.markdown import page_markdown
from generator.render.page_spec import PageSpec, card_fingerprint
from generator.render.timeline import timeline_pages

KIND_HEADINGS = {"state": "States", "organisation": "Organisations", "group": "Groups", "person": "People"}


def plan_pages(chronology: Chronology, titles: dict[str, str], link: Links, limit: int) -> dict[str, PageSpec]:
    """Every generated page, keyed by its source URI (the path MkDocs pretends it has).

    `limit` is the most events one listing page shows before it is split (see
    `render.timeline`)."""
    specs = timeline_pages("", titles["timeline"], chronology.events, chronology, limit, year_pages=True, browse=True)
    specs[0] = replace(specs[0], in_nav=True)
    specs += event_index_pages(chronology, titles["events"], limit)
    specs += [
        PageSpec(
            "actors/index.md",
            titles["actors"],
            "actors.html",
            in_nav=True,
            context={"timeline": chronology, "actor_groups": actor_groups(chronology.actors)},
        ),
        PageSpec("tags/index.md", titles["tags"], "tags.html", in_nav=True, context={"timeline": chronology}),
    ]
    specs += [event_page(event, chronology, link) for event in chronology.events]
    specs += [actor_page(actor, chronology, link) for actor in chronology.actors]
    for tag in chronology.tags:
        specs += timeline_pages(tag.url, f"Tag: {tag.name}", tag.events, chronology, limit, year_pages=False, tag=tag)
    return {spec.src_uri: spec for spec in specs}


def event_index_pages(chronology: Chronology, title: str, limit: int) -> list[PageSpec]:
    """Every event by title, `limit` to a page: events/, events/page-2/, ..."""
    by_title = sorted(chronology.events, key=lambda e: (e.title.casefold(), e.id))
    chunks = [tuple(by_title[i : i + limit]) for i in range(0, len(by_title), limit)] or [()]
    urls = ["events/"] + [f"events/page-{number}/" for number in range(2, len(chunks) + 1)]
    pager = [
        (url, chunk[0].title if chunk else "", chunk[-1].title if chunk else "")
        for url, chunk in zip(urls, chunks, strict=True)
    ]
    return [
        PageSpec(
            f"{url}index.md",
            title if number == 1 else f"{title} (page {number})",
            "events.html",
            in_nav=number == 1,
            context={"timeline": chronology, "events_by_title": chunk, "pager": pager, "page_number": number},
            fingerprint=partial(_index_fingerprint, len(by_title), pager, chunk),
        )
        for number, (url, chunk) in enumerate(zip(urls, chunks, strict=True), start=1)
    ]


def _index_fingerprint(count: int, pager: list, chunk: tuple[Event, ...]) -> tuple:
    return count, tuple(pager), tuple((e.id, e.title, e.date) for e in chunk)


def problem_pages(problems: list[Problem], titles: dict[str, str]) -> dict[str, PageSpec]:
    """For the live preview only: every index page shows the problems to fix."""
    return {
        uri: PageSpec(uri, titles[key], "problems.html", context={"problems": problems}, in_nav=True)
        for uri, key in (
            ("index.md", "timeline"),
            ("events/index.md", "events"),
            ("actors/index.md", "actors"),
            ("tags/index.md", "tags"),
        )
    }


def event_page(event: Event, chronology: Chronology, link: Links) -> PageSpec:
    context = {
        "timeline": chronology,
        "event": event,
        "jsonld": partial(event_jsonld, event, chronology, link),  # made only if the page is rendered
        "participants": [(chronology.actors_by_id[p.actor_id], p.role) for p in event.actors],
        "related_events": chronology.related.get(event.id, ()),
        "previous_event": chronology.previous(event),
        "next_event": chronology.next(event),
    }
    names = [name for p in event.actors for name in _names(chronology.actors_by_id[p.actor_id])]
    keywords = (*event.tags, *([event.place] if event.place else []), *names)
    return PageSpec(
        f"events/{event.id}.md",
        event.title,
        "event.html",
        page_markdown(event.body, event.sources),
        context,
        keywords=tuple(dict.fromkeys(keywords)),
        sources=event.sources,
        fingerprint=partial(_event_fingerprint, event, chronology, context),
    )


def _event_fingerprint(event: Event, chronology: Chronology, context: dict) -> tuple:
    neighbours = tuple(
        (e.id, e.title, e.date.text) if e else None
        for e in (context["previous_event"], context["next_event"], *context["related_events"])
    )
    kinds = tuple(chronology.actors_by_id[p.actor_id].kind for p in event.actors)  # JSON-LD types
    return (
        card_fingerprint(event, chronology),
        tuple(chronology.tag_slugs[name] for name in event.tags),
        neighbours,
        kinds,
    )


def actor_page(actor: Actor, chronology: Chronology, link: Links) -> PageSpec:
    context = {
        "timeline": chronology,
        "actor": actor,
        "jsonld": partial(actor_jsonld, actor, chronology, link),
        "parents": [(chronology.actors_by_id[a.organisation_id], a) for a in actor.affiliations],
        "members": chronology.members.get(actor.id, ()),
        "appearances": chronology.appearances.get(actor.id, ()),
    }
    return PageSpec(
        f"actors/{actor.id}.md",
        actor.name,
        "actor.html",
        page_markdown(actor.body, actor.sources),
        context,
        keywords=_names(actor),
        sources=actor.sources,
        fingerprint=partial(_actor_fingerprint, actor, context),
    )


def _actor_fingerprint(actor: Actor, context: dict) -> tuple:
    return (
        actor,
        tuple((parent.id, parent.name) for parent, _ in context["parents"]),
        tuple((m.actor.id, m.actor.name, m.affiliation) for m in context["members"]),
        tuple((a.event.id, a.event.title, a.event.date.text, a.role) for a in context["appearances"]),
    )


def _names(actor: Actor) -> tuple[str, ...]:
    return (actor.name, *actor.aliases)


def actor_groups(actors: tuple[Actor, ...]) -> tuple[tuple[str, tuple[Actor, ...]], ...]:
    return tuple(
        (heading, tuple(actor for actor in actors if actor.kind == kind))
        for kind, heading in KIND_HEADINGS.items()
        if any(actor.kind == kind for actor in actors)
    )

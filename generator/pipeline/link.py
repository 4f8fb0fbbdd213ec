"""Link: validated events, actors and places -> one `Chronology`, every reference resolved.

Checks what needs the whole collection (unknown ids, self-references, cycles) and
builds every back-link once, so rendering a page is a dictionary lookup.

Timeline order (documented for readers in the README):
1. Events whose year is known come first, by the earliest day their date can mean,
   then by the latest (an open end counts as the far future), then by id.
2. Events whose year the sources do not give come after them, by month, then day
   where known (unknown parts last), then by id.
3. `follows:` moves an event after the events it names when the dates cannot order
   them (same day, or year not given); a `follows:` that contradicts the dates is an error.
"""

from __future__ import annotations

import heapq
import posixpath
from collections import defaultdict
from collections.abc import Collection, Iterable
from typing import TypeAlias
from urllib.parse import unquote

from generator.core.content import FOLDERS, MEDIA, FileKind, content_file, media_file, tag_slug
from generator.core.dates import FOREVER
from generator.core.model import Actor, Appearance, Chronology, Event, Media, Member, Place, StepKind, Story, Tag
from generator.core.problems import FieldPath, Problem, problem_at, suggest
from generator.pipeline.places import link_places, place_problems
from generator.pipeline.stories import stories_by_title, story_problems, told_in

# Known years first, by first and last day; then the rest by month and day (see above).
# Within one first day, by time of day where it is known (events without one first).
ChronologicalKey: TypeAlias = tuple[int, int, int, int, str]


def link(
    events: Iterable[Event],
    actors: Iterable[Actor],
    unusable_ids: frozenset[tuple[FileKind, str]] = frozenset(),
    media: frozenset[str] = frozenset(),
    places: Iterable[Place] = (),
    stories: Iterable[Story] = (),
) -> tuple[Chronology | None, list[Problem]]:
    """Link what validation accepted.  ``unusable_ids`` are files that exist but could not
    be read or failed validation, as ("event"|"actor"|"place", id): references to them
    are not reported again, and no chronology is made.  ``media`` are the files in
    content/media/, which bodies may show."""
    events_by_id = {event.id: event for event in events}
    actors_by_id = {actor.id: actor for actor in actors}
    places_by_id = {place.id: place for place in places}
    stories_by_id = {story.id: story for story in stories}
    problems = _reference_problems(events_by_id, actors_by_id, unusable_ids)
    problems += _parent_cycles(actors_by_id)
    problems += place_problems(places_by_id, events_by_id.values(), unusable_ids)
    steps_may_name: dict[StepKind, Collection[str]] = {
        "event": events_by_id.keys(),
        "place": places_by_id.keys(),
        "actor": actors_by_id.keys(),
    }
    problems += story_problems(stories_by_id.values(), steps_may_name, unusable_ids)
    known = frozenset(
        {content_file(kind, name) for kind, name in unusable_ids}
        | {content_file("event", name) for name in events_by_id}
        | {content_file("actor", name) for name in actors_by_id}
        | {content_file("place", name) for name in places_by_id}
        | {content_file("story", name) for name in stories_by_id}
    )
    files: list[Event | Actor | Place | Story] = [
        *events_by_id.values(),
        *actors_by_id.values(),
        *places_by_id.values(),
        *stories_by_id.values(),
    ]
    problems += _body_link_problems(files, known, media)
    problems += _media_problems(files, media)
    ordered, found = _timeline_order(events_by_id)
    problems += found
    if any(not problem.warning for problem in problems) or unusable_ids:
        return None, problems
    position = {event.id: index for index, event in enumerate(ordered)}
    sorted_actors = tuple(sorted(actors_by_id.values(), key=lambda a: (a.name.casefold(), a.id)))
    tags, tag_slugs = _tags(ordered)
    located = link_places(places_by_id, ordered)
    chronology = Chronology(
        events=tuple(ordered),
        actors=sorted_actors,
        events_by_id=events_by_id,
        actors_by_id=actors_by_id,
        related=_related_both_ways(ordered, position),
        appearances=_appearances(ordered),
        members=_members(sorted_actors, actors_by_id),
        position=position,
        tags=tags,
        tag_slugs=tag_slugs,
        media=media,
        places=located.places,
        places_by_id=places_by_id,
        event_places=located.event_places,
        place_events=located.place_events,
        inside=located.inside,
        stories=stories_by_title(stories_by_id.values()),
        stories_by_id=stories_by_id,
        told_in=told_in(stories_by_id.values()),
    )
    return chronology, problems  # warnings only


def chronological_key(event: Event) -> ChronologicalKey:
    date = event.date
    if date.year_known:
        earliest = date.first_day()
        # The end whose year is known has a first day.
        assert earliest is not None
        latest = date.latest()
        # An open or unknown end lasts for ever: after every real day.
        last = latest.ordinal if latest else FOREVER if date.open_end or date.end is None else earliest.ordinal
        return (0, earliest.ordinal, date.time_key(), last, event.id)
    point = date.listed_at
    return (1, point.month or 13, point.day or 32, date.time_key(), event.id)


# --- references -----------------------------------------------------------------------------


def _reference_problems(
    events: dict[str, Event], actors: dict[str, Actor], unusable: frozenset[tuple[FileKind, str]]
) -> list[Problem]:
    problems: list[Problem] = []
    for event in events.values():
        seen_actors: set[str] = set()
        for index, participation in enumerate(event.actors):
            field: FieldPath = ("actors", index)
            if participation.actor_id in seen_actors:
                problems.append(problem_at(event, field, f"actor '{participation.actor_id}' is listed twice; keep one"))
            seen_actors.add(participation.actor_id)
            problems += _unknown(event, field, "actor", participation.actor_id, actors, unusable)
        for list_name in ("related", "follows"):
            for index, other in enumerate(getattr(event, list_name)):
                field = (list_name, index)
                if other == event.id:
                    problems.append(
                        problem_at(event, field, "an event cannot name itself", expected="another event's id")
                    )
                else:
                    problems += _unknown(event, field, "event", other, events, unusable)
    for actor in actors.values():
        for index, affiliation in enumerate(actor.affiliations):
            field = ("affiliations", index, "organisation")
            if affiliation.organisation_id == actor.id:
                problems.append(
                    problem_at(
                        actor, field, "an actor cannot be its own parent organisation", expected="another actor's id"
                    )
                )
            else:
                problems += _unknown(actor, field, "actor", affiliation.organisation_id, actors, unusable)
    return problems


def _unknown(
    owner: Event | Actor,
    field: FieldPath,
    kind: FileKind,
    name: str,
    known: Collection[str],
    unusable: frozenset[tuple[FileKind, str]],
) -> list[Problem]:
    if name in known or (kind, name) in unusable:
        return []
    return [
        problem_at(
            owner,
            field,
            f"unknown {kind} '{name}'",
            expected=f"the name of a file in content/{FOLDERS[kind]}/, without .md",
            suggestion=suggest(name, known),
        )
    ]


def _parent_cycles(actors: dict[str, Actor]) -> list[Problem]:
    """An organisation cannot, through its parents, end up inside itself.

    One depth-first walk of the parent graph, each actor entered once: a parent that is
    still on the walk's path closes a cycle.  (Walking every path from every actor
    instead grows exponentially with actors that belong to each other layer by layer.)"""
    problems: list[Problem] = []
    done: set[str] = set()
    for start in sorted(actors):
        if start in done:
            continue
        path, on_path = [start], {start: 0}  # on_path: actor -> its place in path
        pending = [iter(parents_of(actors[start], actors))]
        while pending:
            step = next(pending[-1], None)
            if step is None:
                pending.pop()
                finished = path.pop()
                del on_path[finished]
                done.add(finished)
                continue
            index, parent = step
            if parent in on_path:
                chain = " -> ".join((*path[on_path[parent] :], parent))
                problems.append(
                    problem_at(
                        actors[path[-1]],
                        ("affiliations", index, "organisation"),
                        f"parent organisations form a cycle: {chain}",
                        expected="no actor to be, through its parents, its own parent",
                    )
                )
            elif parent not in done:
                on_path[parent] = len(path)
                path.append(parent)
                pending.append(iter(parents_of(actors[parent], actors)))
    return problems


def parents_of(actor: Actor, actors: dict[str, Actor]) -> list[tuple[int, str]]:
    """(index in `affiliations`, parent id) for each known parent other than the actor itself."""
    return [
        (index, a.organisation_id)
        for index, a in enumerate(actor.affiliations)
        if a.organisation_id in actors and a.organisation_id != actor.id
    ]


# --- links in bodies --------------------------------------------------------------------------


def _body_link_problems(
    files: Iterable[Event | Actor | Place | Story], known: frozenset[str], media: frozenset[str]
) -> list[Problem]:
    """A body's link to a file of the chronology must lead to one (MkDocs would warn only
    after it had started writing the site, and not at all under -q)."""
    problems = []
    for file in files:
        folder = FOLDERS[_kind(file)]
        for target, line in file.links:
            found = _link_problem(target, folder, known, media)
            if found is not None:
                message, expected, suggestion = found
                problems.append(
                    problem_at(
                        file, ("body",), message, line=line, expected=expected, suggestion=suggestion, warning=True
                    )
                )
    return problems


def _kind(file: Event | Actor | Place | Story) -> FileKind:
    if isinstance(file, Event):
        return "event"
    if isinstance(file, Actor):
        return "actor"
    return "place" if isinstance(file, Place) else "story"


def _media_problems(files: Iterable[Event | Actor | Place | Story], media: frozenset[str]) -> list[Problem]:
    """Every image a `media:` entry names (a story's steps' too) is a file in content/media/."""
    names = sorted(posixpath.basename(path) for path in media)
    problems = []
    for file in files:
        entries: list[tuple[FieldPath, Media]] = [(("media", index), entry) for index, entry in enumerate(file.media)]
        if isinstance(file, Story):
            entries += [
                (("steps", step.position, "media", index), entry)
                for step in file.steps
                for index, entry in enumerate(step.media)
            ]
        for path, entry in entries:
            if media_file(entry.file) not in media:
                problems.append(
                    problem_at(
                        file,
                        (*path, "file"),
                        f"'{entry.file}' is not a file in content/{MEDIA}/",
                        expected=f"the name of an image in content/{MEDIA}/",
                        suggestion=suggest(entry.file, names),
                    )
                )
    return problems


def _link_problem(
    target: str, folder: str, known: frozenset[str], media: frozenset[str]
) -> tuple[str, str, str | None] | None:
    """(message, expected, suggestion) when `target`, written in a file of `folder`, leads nowhere."""
    path = unquote(target.split("#", 1)[0].split("?", 1)[0])
    if not path:
        return None
    resolved = posixpath.normpath(posixpath.join(folder, path))
    suffix = posixpath.splitext(resolved)[1]
    if resolved == ".." or resolved.startswith("../"):
        return f"'{target}' leads out of the content folder", "a link to a file in content/", None
    if suffix == ".md" and resolved not in known:
        names = [posixpath.basename(page) for page in known]
        suggestion = suggest(posixpath.basename(resolved), names)
        return f"'{target}' links to no event or actor", "a file in content/events/ or content/actors/", suggestion
    if suffix and suffix != ".md" and resolved not in media:
        return f"'{target}' is not a file in content/{MEDIA}/", f"an image in content/{MEDIA}/", None
    return None


# --- order ------------------------------------------------------------------------------------


def _timeline_order(events: dict[str, Event]) -> tuple[list[Event], list[Problem]]:
    """Sort by date, letting `follows:` order what dates cannot (Kahn's algorithm, with
    the chronological key choosing among the events that are free to come next)."""
    problems: list[Problem] = []
    waiting_on: dict[str, set[str]] = {event_id: set() for event_id in events}
    followers: dict[str, list[str]] = defaultdict(list)
    for event in events.values():
        for index, earlier_id in enumerate(event.follows):
            earlier = events.get(earlier_id)
            if earlier is None or earlier_id == event.id:
                continue  # reported as a reference problem
            if _dated_before(event, earlier):
                problems.append(
                    problem_at(
                        event,
                        ("follows", index),
                        f"says it follows '{earlier_id}', but its date ({event.date.text}) "
                        f"is before that event's ({earlier.date.text})",
                        expected="follows: only for events the dates cannot order",
                    )
                )
                continue
            waiting_on[event.id].add(earlier_id)
            followers[earlier_id].append(event.id)
    ready = [(chronological_key(events[i]), i) for i, waits in waiting_on.items() if not waits]
    heapq.heapify(ready)
    ordered: list[Event] = []
    while ready:
        _, event_id = heapq.heappop(ready)
        ordered.append(events[event_id])
        for follower in followers[event_id]:
            waiting_on[follower].discard(event_id)
            if not waiting_on[follower]:
                heapq.heappush(ready, (chronological_key(events[follower]), follower))
    stuck = sorted(event_id for event_id, waits in waiting_on.items() if waits)
    for event_id in stuck:
        event = events[event_id]
        problems.append(
            problem_at(
                event,
                ("follows",),
                "follows: forms a cycle with " + ", ".join(sorted(waiting_on[event_id])),
                expected="each event to follow only events that came before it",
            )
        )
    return ordered, problems


def _dated_before(event: Event, earlier: Event) -> bool:
    """True when the dates alone prove `event` happened before `earlier`."""
    if not (event.date.year_known and earlier.date.year_known):
        return False
    end, start = event.date.latest(), earlier.date.earliest()
    return end is not None and start is not None and end < start


# --- back-links -------------------------------------------------------------------------------


def _related_both_ways(ordered: list[Event], position: dict[str, int]) -> dict[str, tuple[Event, ...]]:
    related: dict[str, set[str]] = defaultdict(set)
    for event in ordered:
        for other in event.related:
            related[event.id].add(other)
            related[other].add(event.id)
    by_id = {event.id: event for event in ordered}
    return {
        event_id: tuple(by_id[other] for other in sorted(others, key=position.__getitem__))
        for event_id, others in related.items()
    }


def _appearances(ordered: list[Event]) -> dict[str, tuple[Appearance, ...]]:
    appearances: dict[str, list[Appearance]] = defaultdict(list)
    for event in ordered:
        for participation in event.actors:
            appearances[participation.actor_id].append(Appearance(event, participation.role))
    return {actor_id: tuple(found) for actor_id, found in appearances.items()}


def _members(sorted_actors: tuple[Actor, ...], actors: dict[str, Actor]) -> dict[str, tuple[Member, ...]]:
    members: dict[str, list[Member]] = defaultdict(list)
    for actor in sorted_actors:
        for affiliation in actor.affiliations:
            members[affiliation.organisation_id].append(Member(actor, affiliation))
    return {organisation: tuple(found) for organisation, found in members.items()}


def _tags(ordered: list[Event]) -> tuple[tuple[Tag, ...], dict[str, str]]:
    names: dict[str, str] = {}  # slug -> first spelling met, in timeline order
    slugs: dict[str, str] = {}  # every spelling -> slug
    events: dict[str, dict[str, Event]] = defaultdict(dict)  # slug -> events by id, in order
    for event in ordered:
        for name in event.tags:
            slug = tag_slug(name)
            slugs[name] = slug
            names.setdefault(slug, name)
            events[slug].setdefault(event.id, event)
    tags = tuple(
        sorted(
            (Tag(names[slug], slug, tuple(found.values())) for slug, found in events.items()),
            key=lambda tag: (tag.name.casefold(), tag.slug),
        )
    )
    return tags, slugs

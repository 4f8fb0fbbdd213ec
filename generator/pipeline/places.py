"""Link places: each place inside the one it is `part_of`, each event at the place its
`place:` names, and every place's events (its own and those of the places inside it).

Part of the link stage (see `link`): it checks what needs every place at once (unknown
and circular `part_of`) and builds the lookups place pages and maps read.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from generator.core.content import ID_PATTERN, FileKind
from generator.core.model import Event, Place
from generator.core.problems import Problem, problem_at, suggest


@dataclass(frozen=True, slots=True)
class PlaceLinks:
    places: tuple[Place, ...]  # by name
    event_places: dict[str, Place]  # event id -> its place
    place_events: dict[str, tuple[Event, ...]]  # place id -> events at it or inside it, in timeline order
    inside: dict[str, tuple[Place, ...]]  # place id -> the places directly inside it, by name


def place_problems(
    places: dict[str, Place], events: Iterable[Event], unusable: frozenset[tuple[FileKind, str]]
) -> list[Problem]:
    """Unknown or circular `part_of`; and an event's `place:` that looks like a place's
    id but names none (a warning: free text is a valid place, so it may be meant)."""
    problems: list[Problem] = []
    for place in places.values():
        parent = place.part_of
        if parent is None or ("place", parent) in unusable:
            continue
        if parent == place.id:
            problems.append(
                problem_at(place, ("part_of",), "a place cannot lie in itself", expected="another place's id")
            )
        elif parent not in places:
            problems.append(
                problem_at(
                    place,
                    ("part_of",),
                    f"unknown place '{parent}'",
                    expected="the name of a file in content/places/, without .md",
                    suggestion=suggest(parent, places),
                )
            )
    problems += _cycles(places)
    if places:
        for event in events:
            written = event.place
            if written is None or written in places or ("place", written) in unusable:
                continue
            meant = suggest(written, places)
            if ID_PATTERN.match(written) and meant:
                problems.append(
                    problem_at(
                        event,
                        ("place",),
                        f"'{written}' names no file in content/places/, so it is shown as text and on no map",
                        expected="a place's id (a file in content/places/, without .md), or a place in words",
                        suggestion=meant,
                        warning=True,
                    )
                )
    return problems


def _cycles(places: dict[str, Place]) -> list[Problem]:
    """A place cannot, through the places it lies in, lie in itself.  Each place has one
    parent, so following parents from each place finds every cycle; each is reported
    once, at its first place by id."""
    problems = []
    reported: set[str] = set()
    for start in sorted(places):
        seen: list[str] = []
        current: str | None = start
        while current is not None and current in places and current not in seen:
            seen.append(current)
            parent = places[current].part_of
            current = parent if parent != current else None
        if current is None or current not in seen:
            continue
        cycle = seen[seen.index(current) :]
        if reported.isdisjoint(cycle):
            reported.update(cycle)
            first = min(cycle)
            chain = " -> ".join((*cycle[cycle.index(first) :], *cycle[: cycle.index(first)], first))
            problems.append(
                problem_at(
                    places[first],
                    ("part_of",),
                    f"places form a cycle: {chain}",
                    expected="no place to lie, through the places it is part of, in itself",
                )
            )
    return problems


def link_places(places: dict[str, Place], ordered: Sequence[Event]) -> PlaceLinks:
    """The lookups of a chronology whose places passed `place_problems`."""
    event_places = {event.id: places[event.place] for event in ordered if event.place in places}
    at: dict[str, list[Event]] = defaultdict(list)
    for event in ordered:  # in timeline order, so each place's list is too
        place: Place | None = event_places.get(event.id)
        while place is not None:
            at[place.id].append(event)
            place = places.get(place.part_of) if place.part_of else None
    by_name = tuple(sorted(places.values(), key=lambda p: (p.name.casefold(), p.id)))
    inside: dict[str, list[Place]] = defaultdict(list)
    for place in by_name:
        if place.part_of:
            inside[place.part_of].append(place)
    return PlaceLinks(
        places=by_name,
        event_places=event_places,
        place_events={key: tuple(found) for key, found in at.items()},
        inside={key: tuple(found) for key, found in inside.items()},
    )

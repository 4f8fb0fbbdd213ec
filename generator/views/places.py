"""Place pages and the places index: where events happened, as precisely as known.

A place's page lists the places it lies in (nearest first) and the places inside it,
its events (its own and those of the places inside it, in timeline order, on numbered
pages past the listing limit) and how precisely its coordinates are known, in words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from generator import urls
from generator.core.model import Chronology, Coordinates, Place
from generator.text import Text
from generator.views.map import MapView
from generator.views.markdown import page_markdown
from generator.views.overview import Overview, PeriodPath
from generator.views.pages import CorrectionLine, PageView, correction_lines, index_pages
from generator.views.pieces import (
    EventLink,
    Figure,
    HistoryLine,
    PeriodLink,
    Pieces,
    PlaceLink,
    StoryLink,
    Whereabouts,
    place_link,
    story_link,
    whereabouts,
)


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    """A place in a list: the places index, or the places inside another."""

    place: PlaceLink
    within: PlaceLink | None  # the place it lies in
    aliases: tuple[str, ...]
    summary: str | None
    events: int  # at it or inside it


@dataclass(frozen=True, slots=True, kw_only=True)
class PlacePage(PageView):
    template: ClassVar[str] = "place.html"
    place: PlaceLink
    aliases: tuple[str, ...]
    summary: str | None
    where: Whereabouts | None
    within: tuple[PlaceLink, ...]  # the places it lies in, nearest first
    inside: tuple[PlaceEntry, ...]
    events: tuple[EventLink, ...]  # this page's share of them
    total: int  # its events on all its pages
    pager: tuple[PeriodLink, ...] = ()
    overview: Overview | None = None  # the place's events at a glance (inline SVG), on its first page
    map: MapView | None = None  # where they happened, the place ringed, on its first page
    media: tuple[Figure, ...] = ()
    corrections: tuple[CorrectionLine, ...] = ()
    history: HistoryLine | None = None
    # For JSON-LD: coordinates as written, and the place it lies in (containedInPlace).
    coordinates: Coordinates | None = None
    stories: tuple[StoryLink, ...] = ()  # the stories that tell of it


@dataclass(frozen=True, slots=True, kw_only=True)
class PlacesIndex(PageView):
    template: ClassVar[str] = "places.html"
    entries: tuple[PlaceEntry, ...]
    pager: tuple[PeriodLink, ...] = ()


def place_pages(
    place: Place, chronology: Chronology, limit: int, pieces: Pieces, timeline: PeriodPath
) -> list[PlacePage]:
    """A place's page, and its numbered pages when it has more events than `limit`.

    `timeline` gives the timeline's page of a period: a bar of the overview leads there."""
    text = pieces.text
    events = chronology.place_events.get(place.id, ())
    within = []
    parent = chronology.places_by_id.get(place.part_of) if place.part_of else None
    while parent is not None:
        within.append(place_link(parent))
        parent = chronology.places_by_id.get(parent.part_of) if parent.part_of else None
    inside = tuple(entry(child, chronology, place) for child in chronology.inside.get(place.id, ()))
    first = urls.place(place.id)
    stories = tuple(story_link(story) for story in chronology.told_in.get(("place", place.id), ()))
    views = []
    for page in index_pages(list(events), limit, first, place.name, lambda event: event.title, text):
        views.append(
            PlacePage(
                path=page.path,
                title=page.title,
                lang=place.lang,
                markdown=page_markdown(page.path, place.body, place.sources) if page.path == first else "",
                description=place.summary,
                keywords=(place.name, *place.aliases),
                citations=tuple(pieces.citation(source) for source in place.sources) if page.path == first else (),
                place=place_link(place),
                aliases=place.aliases,
                summary=place.summary,
                where=whereabouts(place.coordinates, text),
                within=tuple(within),
                inside=inside if page.path == first else (),
                events=tuple(pieces.event_link(event) for event in page.items),
                total=len(events),
                pager=page.pager,
                overview=pieces.picture(list(events), timeline) if page.path == first and events else None,
                map=pieces.map_of(events, focus=place) if page.path == first else None,
                media=pieces.figures(place.media) if page.path == first else (),
                corrections=correction_lines(place, text) if page.path == first else (),
                history=pieces.history("place", place.id) if page.path == first else None,
                coordinates=place.coordinates,
                stories=stories if page.path == first else (),
            )
        )
    return views


def entry(place: Place, chronology: Chronology, parent: Place | None = None) -> PlaceEntry:
    """A place in a list; `parent`, the place whose page lists it (not named again)."""
    within = chronology.places_by_id.get(place.part_of) if place.part_of else None
    return PlaceEntry(
        place_link(place),
        place_link(within) if within is not None and within is not parent else None,
        place.aliases,
        place.summary,
        len(chronology.place_events.get(place.id, ())),
    )


def places_index(chronology: Chronology, title: str, limit: int, text: Text) -> list[PlacesIndex]:
    """Every place by name, with the place it lies in and its number of events."""
    return [
        PlacesIndex(
            path=page.path,
            title=page.title,
            in_nav=page.in_nav,
            entries=tuple(entry(place, chronology) for place in page.items),
            pager=page.pager,
        )
        for page in index_pages(list(chronology.places), limit, urls.PLACES, title, lambda p: p.name, text)
    ]

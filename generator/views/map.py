"""Where the events happened, as a map drawn at build time (inline SVG, no tiles, no script).

The base is Natural Earth's land, coasts and borders (vendored in `basemap/`, see its
SOURCE.md), clipped to the view and thinned to the drawn scale.  The projection is
equirectangular with its standard parallel at the view's middle latitude: over the
extent of a page's events (a region, rarely the world) it keeps a kilometre nearly the
same length in every direction, so a disc of a place's radius is drawn as a circle.

**Precision is drawn, never hidden.**  A mark's radius is its precision's radius in
metres at the drawn scale (never less than `MIN_RADIUS` px, so it can be seen).  An
exact or site-level place is a small solid dot; a coarse one (district and coarser, or
larger than `SHARP` px) is a faint disc with a dashed edge, never a sharp point.  A place
whose precision is not given is drawn as a town (`UNKNOWN`), dashed, and its text says
"precision not given".

**Aggregation.**  Events at one place are one mark.  Dots that would overlap at the
drawn scale (closer than `REACH` px) are merged, the busiest places first, into one mark
whose disc covers its members and which shows their count; a coarse disc merges only
with a disc of about its size whose centre is near (within half its radius, or `REACH`).
No map draws more than `MAX_MARKS` marks (`REACH` doubles until it does not): a page of
100,000 events stays within its budget.

A mark links to its event's page (one event: its title is its name, with the place it
names), to its place's page (events at one place), or to its entry in the list under
the map (events at several places, which that entry names with their own links).

The markup contract (theme/partials/tl-map.html), for the scripts that zoom and filter:
the `<svg>` carries `data-west data-south data-east data-north` (the view's bounds in
degrees; east may pass 180 where the view crosses the antimeridian), `data-scale`
(metres per unit of the viewBox) and `data-lat0` (the standard parallel); each mark is an
`<a class="tl-map__mark">` with `data-first`/`data-last` (ISO days: the range of its
events, empty when no day is known), `data-count`, `data-lat`/`data-lon` (its centre),
`data-r` (its radius in metres), `data-place` (a place id, when all its events are at
one place) and `data-events` (the ids of its events, space-separated, when at most
`LISTED_IDS` of them; the list under the map links each of them otherwise), a
`<title>` (its accessible name) and a `<circle>` (and a `<text>` with its count when it
stands for more than one event); `.tl-map__mark--area` marks a coarse one,
`.tl-map__mark--group` one of several events.  A point is drawn at
x = (lon - west) · cos(lat0) · s, y = (north - lat) · s, where s, the units per degree of
latitude, is width / ((east - west) · cos(lat0)); a longitude west of `data-west` is
drawn 360° further east.  The list under the map (`.tl-map__list`) has one `<li>` per
mark, in the marks' order, with the id the mark's `#anchor` links to.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from generator import urls
from generator.core.dates import Day
from generator.core.geo import PRECISION_RADII
from generator.core.model import Coordinates, Event, Place
from generator.text import Text
from generator.views.land import METRES_PER_DEGREE, Projection, land_paths

MapSize = Literal["page", "locator"]

WIDTH: dict[MapSize, int] = {"page": 800, "locator": 320}
# The least extent a map shows, in degrees of latitude: one event at a town is shown
# with its region around it, not its streets.
MIN_SPAN: dict[MapSize, float] = {"page": 3.0, "locator": 8.0}
PADDING = 0.1  # of each side of the marks' extent
MIN_RADIUS = 3.0  # px: the least radius a mark is drawn with
SHARP = 4.0  # px: a mark larger than this is drawn as an area (faint, dashed)
GROUP_RADIUS = 7.0  # px: a mark of several events is drawn at least this large, to hold its count
DIGIT = 2.7  # px: half the width of a digit of the count (9px bold), so that the count fits its mark
REACH = 18.0  # px: dots closer than this to a mark's first place join it
COARSE_WORDS = frozenset({"district", "province", "country"})
UNKNOWN = PRECISION_RADII["town"]  # metres drawn for a place whose precision is not given
MAX_MARKS = 300
LISTED_IDS = 10
MAX_PARTS = 5  # the places the list names for one mark, the busiest first
MAX_FIT_RADIUS = 1_000_000.0  # metres: a larger disc does not widen the view further
# The view's scale is one of these steps (a quarter of an octave apart) and its centre on
# a grid of an eighth of its extent, so pages showing nearly the same area share a view,
# and its basemap is clipped and thinned once.
ZOOM_STEPS = 4
CENTRE_GRID = 8


@dataclass(frozen=True, slots=True)
class Located:
    """An event where the map draws it: its coordinates (its own or its place's), and
    the place its `place:` names, when it names one."""

    event: Event
    where: Coordinates
    place: Place | None


@dataclass(frozen=True, slots=True)
class MapLink:
    """A place or an event in the list under the map, with its count of events."""

    path: str
    name: str
    count: int


@dataclass(frozen=True, slots=True)
class MapMark:
    x: float  # centre and radius in units of the viewBox
    y: float
    r: float
    count: int
    count_text: str  # the count as the mark shows it ("" for one event)
    text_y: float  # where the count is written: the centre, or low in a large disc (clear of the dots on it)
    coarse: bool  # drawn as a faint area with a dashed edge
    path: str  # where the mark leads (a page, or "#anchor" of its entry in the list)
    label: str  # what the mark stands for: "12 events near Erbil (precision: town)"
    anchor: str  # the id of its entry in the list under the map
    first: str  # ISO days: the range of its events' dates ("" when not known)
    last: str
    latitude: float
    longitude: float
    metres: float  # its radius on the ground
    place: str  # a place id, when all its events are at one place
    events: str  # its events' ids, space-separated, when at most LISTED_IDS
    parts: tuple[MapLink, ...]  # its places (or events), when it stands for more than one
    more: int = 0  # its events at places beyond the MAX_PARTS the list names
    name: str = ""  # the name of its place, when `place` is set (the scripts' words: tl-map-zoom.html)


@dataclass(frozen=True, slots=True)
class MapView:
    size: MapSize
    width: int
    height: int
    land: str  # SVG path data, clipped and thinned
    borders: str
    marks: tuple[MapMark, ...]  # coarse first (drawn beneath), then by position
    title: str
    description: str
    west: float
    south: float
    east: float
    north: float
    scale: float  # metres per unit of the viewBox
    lat0: float  # the standard parallel
    located: int  # how many events the marks stand for
    focus: MapMark | None = None  # the place a place's page is about, drawn as a ring

    @property
    def list_anchor(self) -> str:
        return f"tl-map-{self.size}-list"


@dataclass
class _Site:
    """Events at one place (one `place:` id, or one event's own coordinates)."""

    key: str
    name: str
    path: str
    place: str
    latitude: float
    longitude: float
    metres: float
    word: str | None  # the precision's word; None for a radius, "" when not given
    events: list[Event]


def map_view(
    located: Sequence[Located], text: Text, size: MapSize = "page", focus: Place | None = None
) -> MapView | None:
    """The map of `located` events (None when none is located).  `focus`, a place whose
    page this is, is drawn as a ring and kept in view."""
    sites = _sites(located, text)
    if not sites:
        return None
    shift = _antimeridian([site.longitude for site in sites])
    for site in sites:
        if site.longitude < shift:
            site.longitude += 360
    focus_where = focus.coordinates if focus else None
    view = _fit(sites, size, focus_where, shift)
    marks = _marks(sites, view, text, size)
    land, borders = land_paths(view)
    count = sum(mark.count for mark in marks)
    title = text.ngettext("Map of %(num)s event", "Map of %(num)s events", count)
    described = text.ngettext("%(num)s mark", "%(num)s marks", len(marks))
    description = text.gettext(
        "%(marks)s; each is as large as the place is known precisely. The list below names them.", marks=described
    )
    ring = None
    if focus is not None and focus_where is not None:
        lon = focus_where.longitude + (360 if focus_where.longitude < shift else 0)
        metres = focus_where.precision.metres if focus_where.precision else UNKNOWN
        ring = MapMark(
            x=round(view.x(lon), 1),
            y=round(view.y(focus_where.latitude), 1),
            r=round(max(metres / view.metres_per_px, GROUP_RADIUS), 1),
            count=0,
            count_text="",
            text_y=0.0,
            coarse=True,
            path=urls.place(focus.id),
            label=focus.name,
            anchor="",
            first="",
            last="",
            latitude=focus_where.latitude,
            longitude=focus_where.longitude,
            metres=metres,
            place=focus.id,
            events="",
            parts=(),
        )
    return MapView(
        size=size,
        width=view.width,
        height=view.height,
        land=land,
        borders=borders,
        marks=marks,
        title=title,
        description=description,
        west=round(view.west, 4),
        south=round(view.south, 4),
        east=round(view.east, 4),
        north=round(view.north, 4),
        scale=round(view.metres_per_px, 1),
        lat0=round(view.lat0, 4),
        located=count,
        focus=ring,
    )


# --- the events, by place ------------------------------------------------------------------------


def _sites(located: Sequence[Located], text: Text) -> list[_Site]:
    sites: dict[str, _Site] = {}
    for entry in located:
        event, where, place = entry.event, entry.where, entry.place
        key = f"place:{place.id}" if place is not None and event.coordinates is None else f"event:{event.id}"
        site = sites.get(key)
        if site is None:
            precision = where.precision
            # An event with coordinates of its own is drawn where they say, and still
            # named (and listed) by the place its `place:` names.
            if place is not None:
                name, path, place_id = place.name, urls.place(place.id), place.id
            else:
                name, path, place_id = event.place or event.title, urls.event(event.id), ""
            site = sites[key] = _Site(
                key=key,
                name=name,
                path=path,
                place=place_id,
                latitude=max(-85.0, min(85.0, where.latitude)),
                longitude=where.longitude,
                metres=precision.metres if precision else UNKNOWN,
                word=(precision.word if precision else ""),
                events=[],
            )
        site.events.append(event)
    return list(sites.values())


def _antimeridian(longitudes: list[float]) -> float:
    """The longitude below which the marks are moved east by 360°: where the widest gap
    between them lies, when they then fit in half the world (Fiji and Samoa are drawn side
    by side); -180 (none moved) otherwise, so that marks all over the world are drawn on
    the usual map, from 180° west to 180° east."""
    ordered = sorted(set(longitudes))
    widest, cut = 360 - (ordered[-1] - ordered[0]), -180.0
    for before, after in itertools.pairwise(ordered):
        if after - before > widest:
            widest, cut = after - before, after
    return cut if 360 - widest < 180 else -180.0


def _fit(sites: list[_Site], size: MapSize, focus: Coordinates | None, shift: float) -> Projection:
    """The view of every mark's disc, padded, at least MIN_SPAN high, then snapped to a
    zoom step and a grid of centres (which only ever widens it)."""
    lats: list[float] = []
    lons: list[float] = []
    points = [(site.latitude, site.longitude, site.metres) for site in sites]
    if focus is not None:
        lon = focus.longitude + (360 if focus.longitude < shift else 0)
        points.append((focus.latitude, lon, focus.precision.metres if focus.precision else UNKNOWN))
    for lat, lon, metres in points:
        reach = min(metres, MAX_FIT_RADIUS) / METRES_PER_DEGREE
        lats += (lat - reach, lat + reach)
        lons += (
            lon - reach / max(math.cos(math.radians(lat)), 0.2),
            lon + reach / max(math.cos(math.radians(lat)), 0.2),
        )
    south, north = max(min(lats), -85.0), min(max(lats), 85.0)
    west, east = min(lons), max(lons)
    lat0 = (south + north) / 2
    # The standard parallel to a whole degree, so that views of one region share it.
    k = round(max(math.cos(math.radians(round(lat0))), 0.2), 6)
    width = WIDTH[size]
    wide = max((east - west) * k, 1e-9) * (1 + 2 * PADDING)  # in degrees of latitude
    high = max(north - south, 1e-9) * (1 + 2 * PADDING)
    high = max(high, MIN_SPAN[size])
    wide = max(wide, MIN_SPAN[size])
    height = round(min(max(width * high / wide, width * 0.4), width * 0.7))
    px_per_degree = min(width / wide, height / high)
    # Snap: the scale down to a step, the centre to a grid of the view's extent; but never
    # wider than the world (360° of longitude, 180° of latitude).
    step = math.floor(math.log2(px_per_degree) * ZOOM_STEPS)
    world = max(width / (360 * k), height / 180)
    whole_world = step <= math.log2(world) * ZOOM_STEPS
    px_per_degree = world if whole_world else 2 ** (step / ZOOM_STEPS)
    grid_y = height / px_per_degree / CENTRE_GRID
    grid_x = width / (px_per_degree * k) / CENTRE_GRID
    half_high = height / px_per_degree / 2
    centre_lat = min(max(round(lat0 / grid_y) * grid_y, -90 + half_high), 90 - half_high)
    centre_lon = 0.0 if whole_world else round((west + east) / 2 / grid_x) * grid_x
    north_edge = centre_lat + half_high
    west_edge = centre_lon - width / (px_per_degree * k) / 2
    return Projection(width, height, round(west_edge, 6), round(north_edge, 6), px_per_degree, k)


# --- marks ---------------------------------------------------------------------------------------


@dataclass
class _Group:
    sites: list[_Site]
    x: float
    y: float
    r: float
    coarse: bool

    @property
    def count(self) -> int:
        return sum(len(site.events) for site in self.sites)


def _coarse(site: _Site, r: float) -> bool:
    return site.word in COARSE_WORDS or site.word == "" or r > SHARP


def _marks(sites: list[_Site], view: Projection, text: Text, size: MapSize) -> tuple[MapMark, ...]:
    placed = []
    for site in sorted(sites, key=lambda s: (-len(s.events), s.key)):
        r = max(site.metres / view.metres_per_px, MIN_RADIUS)
        placed.append(_Group([site], view.x(site.longitude), view.y(site.latitude), r, _coarse(site, r)))
    reach = REACH
    groups = _cluster(placed, reach, text)
    while len(groups) > MAX_MARKS:
        reach *= 2
        groups = _cluster(placed, reach, text)
    groups.sort(key=lambda g: (not g.coarse, -g.r, round(g.y, 1), round(g.x, 1)))
    return tuple(_mark(group, number, view, text, size) for number, group in enumerate(groups, start=1))


def _cluster(placed: list[_Group], reach: float, text: Text) -> list[_Group]:
    """Greedy clustering, the busiest places first: a mark joins the nearest earlier
    mark of its kind whose first place lies within `reach` px of it (a dot), or within
    half the disc of a disc of about its size (a coarse one: a province never swallows a
    town, nor a country a province); a grid of cells keeps the search near.  Each mark
    then sits at its events' mean position, its disc covering every member's disc."""
    seeds: list[tuple[_Group, list[_Group]]] = []
    grid: dict[tuple[int, int, int], list[int]] = {}

    def size_class(group: _Group) -> int:
        return math.floor(math.log2(group.r)) if group.coarse else -99

    def cell_size(size: int) -> float:
        return reach if size == -99 else max(reach, 2.0**size)

    for group in placed:
        own = size_class(group)
        found, nearest = -1, math.inf
        for size in (own,) if own == -99 else (own - 1, own, own + 1):
            side = cell_size(size)
            cx, cy = math.floor(group.x / side), math.floor(group.y / side)
            for dx in (-1, 0, 1):
                for dy in (-1, 0, 1):
                    for index in grid.get((size, cx + dx, cy + dy), ()):
                        seed = seeds[index][0]
                        apart = math.hypot(seed.x - group.x, seed.y - group.y)
                        close = apart <= max(seed.r / 2, reach) if group.coarse else apart < reach
                        if close and (apart, index) < (nearest, found if found >= 0 else math.inf):
                            nearest, found = apart, index
        if found >= 0:
            seeds[found][1].append(group)
            continue
        seeds.append((group, [group]))
        side = cell_size(own)
        grid.setdefault((own, math.floor(group.x / side), math.floor(group.y / side)), []).append(len(seeds) - 1)
    return _settled([_joined(members, text) for _, members in seeds], text)


def _settled(groups: list[_Group], text: Text) -> list[_Group]:
    """Two dots whose discs have grown over each other's centre (a count needs room)
    merge too, so that no count is written over another; each mark merges so at most
    once, so that a dense region does not melt into one mark."""
    kept: list[_Group] = []
    joined: set[int] = set()
    for group in groups:
        if not group.coarse:
            for index, other in enumerate(kept):
                near = math.hypot(group.x - other.x, group.y - other.y) < max(group.r, other.r)
                if index not in joined and not other.coarse and near:
                    kept[index] = _joined([other, group], text)
                    joined.add(index)
                    break
            else:
                kept.append(group)
        else:
            kept.append(group)
    return kept


def _joined(members: list[_Group], text: Text) -> _Group:
    if len(members) == 1 and members[0].count == 1:
        return members[0]
    total = sum(member.count for member in members)
    x = sum(member.x * member.count for member in members) / total
    y = sum(member.y * member.count for member in members) / total
    r = max(math.hypot(member.x - x, member.y - y) + member.r for member in members)
    sites = [site for member in members for site in member.sites]
    return _Group(sites, x, y, max(r, _count_radius(total, text)), members[0].coarse)


def _count_radius(count: int, text: Text) -> float:
    """The least radius that holds the count written in the mark."""
    return max(GROUP_RADIUS, DIGIT * len(text.number(count)) + 2.5)


def _mark(group: _Group, number: int, view: Projection, text: Text, size: MapSize) -> MapMark:
    sites = sorted(group.sites, key=lambda s: (-len(s.events), s.name, s.key))
    events = [event for site in sites for event in site.events]
    count = len(events)
    days = sorted(
        (first, last)
        for event in events
        if (first := _iso(event.date.first_day())) and (last := _iso(event.date.latest()) or first)
    )
    first_day = days[0][0] if days else ""
    last_day = max((last for _, last in days), default="")
    lead = sites[0]
    precision = _precision_words(sites, text)
    anchor = f"tl-map-{size}-{number}"
    # What the list names: each place once (with the events drawn at their own
    # coordinates there), and each event that names no place.
    named: dict[str, MapLink] = {}
    for site in sites:
        key = site.place or site.key
        known = named.get(key)
        named[key] = MapLink(site.path, site.name, len(site.events) + (known.count if known else 0))
    places = sorted(named.values(), key=lambda part: (-part.count, part.name, part.path))
    if count == 1:
        # One event: its page, and its title with the place it names.
        only = events[0]
        path = urls.event(only.id)
        where = lead.name if lead.place else only.place
        if where:
            label = text.gettext(
                "%(event)s, at %(place)s (precision: %(precision)s)",
                event=_isolated(only.title),
                place=_isolated(where),
                precision=precision,
            )
        else:
            label = text.gettext(
                "%(event)s (precision: %(precision)s)", event=_isolated(only.title), precision=precision
            )
        parts: tuple[MapLink, ...] = ()
    elif len(places) == 1:
        path = places[0].path
        label = text.ngettext(
            "%(num)s event at %(place)s (precision: %(precision)s)",
            "%(num)s events at %(place)s (precision: %(precision)s)",
            count,
            place=_isolated(places[0].name),
            precision=precision,
        )
        parts = ()
    else:
        path = f"#{anchor}"
        label = text.ngettext(
            "%(num)s event near %(place)s (precision: %(precision)s)",
            "%(num)s events near %(place)s (precision: %(precision)s)",
            count,
            place=_isolated(places[0].name),
            precision=precision,
        )
        parts = tuple(places[:MAX_PARTS])
    metres = group.r * view.metres_per_px
    lon = lead.longitude if len(sites) == 1 else view.west + group.x / (view.k * view.px_per_degree)
    lat = lead.latitude if len(sites) == 1 else view.north - group.y / view.px_per_degree
    return MapMark(
        x=round(group.x, 1),
        y=round(group.y, 1),
        r=round(group.r, 1),
        count=count,
        count_text=text.number(count) if count > 1 else "",
        text_y=round(group.y + group.r - 8 if group.coarse and group.r >= 24 else group.y, 1),
        coarse=group.coarse,
        path=path,
        label=label,
        anchor=anchor,
        first=first_day,
        last=last_day,
        latitude=round(lat, 4),
        longitude=round(lon - 360 if lon > 180 else lon, 4),
        metres=round(metres if len(sites) > 1 else lead.metres),
        place=lead.place if len(places) == 1 else "",
        events=" ".join(event.id for event in events) if count <= LISTED_IDS else "",
        parts=parts,
        more=count - sum(part.count for part in parts) if parts else 0,
        name=places[0].name if len(places) == 1 and lead.place else "",
    )


def _isolated(words: str) -> str:
    """An editor's words within the site's, isolated (FSI ... PDI) so that each keeps its
    own direction: an English title in an Arabic sentence, in the list and in a tooltip."""
    return f"\u2068{words}\u2069"


def _iso(day: Day | None) -> str:
    return day.script_iso() if day else ""


def _precision_words(sites: list[_Site], text: Text) -> str:
    """The precisions of a mark's places, finest to coarsest: "town", "site to province"."""
    words = {_precision_word(site, text): site.metres if site.word != "" else UNKNOWN for site in sites}
    ordered = sorted(words, key=lambda word: (words[word], word))
    if len(ordered) == 1:
        return ordered[0]
    return text.gettext("%(finest)s to %(coarsest)s", finest=ordered[0], coarsest=ordered[-1])


def _precision_word(site: _Site, text: Text) -> str:
    if site.word == "":
        return text.gettext("not given")
    if site.word is None:
        return distance_words(site.metres, text)
    return precision_name(site.word, text)


def distance_words(metres: float, text: Text) -> str:
    """A radius as the reader's language writes it: "500 m", "2 km" (rounded: a
    precision is a size, not a measurement)."""
    if metres < 1000:
        return text.gettext("%(number)s m", number=text.number(round(metres)))
    return text.gettext("%(number)s km", number=text.number(round(metres / 1000)))


def precision_name(word: str, text: Text) -> str:
    """A precision's word as the reader's language says it."""
    names = {
        "exact": text.gettext("exact"),
        "site": text.gettext("site"),
        "neighbourhood": text.gettext("neighbourhood"),
        "town": text.gettext("town"),
        "district": text.gettext("district"),
        "province": text.gettext("province"),
        "country": text.gettext("country"),
    }
    return names.get(word, word)

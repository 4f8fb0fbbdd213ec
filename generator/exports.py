"""Open data and feeds: the chronology as JSON, CSV, GeoJSON, KML and Atom.

Pure functions from a `Chronology` to text.  Field order is fixed and nothing depends
on the clock (the feed's date is the build date the caller passes in), so the files are
byte-identical between builds of the same content.
"""

from __future__ import annotations

import bz2
import csv
import datetime
import html
import io
import json
import math
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TypedDict

from generator import urls
from generator.core.dates import DatePoint, Day, EdtfDate, coverage
from generator.core.geo import PRECISION_RADII
from generator.core.model import Actor, Chronology, Coordinates, Era, Event, Place, Source
from generator.text import Text
from generator.urls import SiteAddress
from generator.views.dates import date_words
from generator.views.pages import CorrectedPage

ATOM = "http://www.w3.org/2005/Atom"
KML = "http://www.opengis.net/kml/2.2"


# --- JSON ------------------------------------------------------------------------------------


class DateData(TypedDict):
    edtf: str
    label: str
    earliest: str | None  # None: open, unknown or no year given
    latest: str | None
    year_known: bool


def date_data(date: EdtfDate | None, text: Text) -> DateData | None:
    if date is None:
        return None
    earliest, latest = date.earliest(), date.latest()
    return {
        "edtf": date.text,
        "label": date_words(date, text).label,
        "earliest": earliest.iso() if earliest else None,  # None: open, unknown or no year given
        "latest": latest.iso() if latest else None,
        "year_known": date.year_known,
    }


def source_data(source: Source, text: Text) -> dict[str, object]:
    return {
        "id": source.id,
        "title": source.title,
        "publisher": source.publisher,
        "url": source.url,
        "published": date_data(source.published, text),
        "archived": source.archived,
        "archived_on": date_data(source.archived_on, text),
        "sha256": source.sha256,
        "lang": source.lang,
    }


def _file_data(entry: Event | Actor | Place, url: str, text: Text, fields: dict[str, object]) -> dict[str, object]:
    """What every event, actor and place carries: its id and address first, its sources and body last."""
    return {
        "id": entry.id,
        "url": url,
        **fields,
        "lang": entry.lang,
        "sources": [source_data(source, text) for source in entry.sources],
        "body_markdown": entry.body.strip(),
    }


def event_data(event: Event, chronology: Chronology, link: SiteAddress, text: Text) -> dict[str, object]:
    actors = chronology.actors_by_id
    fields: dict[str, object] = {
        "title": event.title,
        "date": date_data(event.date, text),
        "date_note": event.date_note,
        "summary": event.summary,
        "place": _place_of(event, chronology, link),
        # Where a map draws it: its own coordinates, else its place's (`Chronology.location`).
        "coordinates": _coordinates(chronology.location(event)),
        "actors": [
            {
                "id": p.actor_id,
                "name": actors[p.actor_id].name,
                "role": p.role,
                "url": link(urls.actor(p.actor_id)),
                # The organisations it belonged to at the event's date: "certain" or "possible".
                "part_of": [
                    {
                        "id": a.organisation_id,
                        "name": actors[a.organisation_id].name,
                        "role": a.role,
                        "at_the_time": when,
                    }
                    for a in actors[p.actor_id].affiliations
                    if (when := coverage(a.period, event.date))
                ],
            }
            for p in event.actors
        ],
        "related": [
            {"id": other.id, "title": other.title, "url": link(urls.event(other.id))}
            for other in chronology.related.get(event.id, ())
        ],
        "follows": list(event.follows),
        "tags": list(event.tags),
    }
    return _file_data(event, link(urls.event(event.id)), text, fields)


def _place_of(event: Event, chronology: Chronology, link: SiteAddress) -> dict[str, str] | str | None:
    """The place an event's `place:` names, with its address; or the place in words."""
    place = chronology.event_places.get(event.id)
    if place is None:
        return event.place
    return {"id": place.id, "name": place.name, "url": link(urls.place(place.id))}


def _place_name(event: Event, chronology: Chronology) -> str | None:
    place = chronology.event_places.get(event.id)
    return place.name if place else event.place


def _coordinates(where: Coordinates | None) -> dict[str, object] | None:
    if where is None:
        return None
    precision = where.precision
    return {
        "latitude": where.latitude,
        "longitude": where.longitude,
        "precision": precision.text if precision else None,
        "radius_m": precision.metres if precision else None,
    }


def events_geojson(chronology: Chronology, link: SiteAddress, text: Text) -> str:
    """The events a map can draw (their own coordinates or their place's) as GeoJSON
    points (RFC 7946: longitude first), each with its title, date, place, address and
    how precisely it is placed: the precision in words and as a radius in metres."""
    return _geojson(chronology.events, chronology, link, text)


def _geojson(events: Iterable[Event], chronology: Chronology, link: SiteAddress, text: Text) -> str:
    features = []
    for event in events:
        where = chronology.location(event)
        if where is None:
            continue
        place = chronology.event_places.get(event.id)
        properties = {
            "title": event.title,
            "date": date_data(event.date, text),
            "place": {"id": place.id, "name": place.name} if place else event.place,
            **_precision(where),
            "url": link(urls.event(event.id)),
        }
        features.append(_feature(event.id, where, properties))
    return _feature_collection(features)


def places_geojson(chronology: Chronology, link: SiteAddress) -> str:
    """The places that have coordinates, one feature each, with their precision and the
    number of events at them or inside them."""
    features = []
    for place in chronology.places:
        where = place.coordinates
        if where is None:
            continue
        properties = {
            "name": place.name,
            "part_of": place.part_of,
            **_precision(where),
            "events": len(chronology.place_events.get(place.id, ())),
            "url": link(urls.place(place.id)),
        }
        features.append(_feature(place.id, where, properties))
    return _feature_collection(features)


def _precision(where: Coordinates) -> dict[str, object]:
    precision = where.precision
    return {"precision": precision.text if precision else None, "radius_m": precision.metres if precision else None}


def _feature(feature_id: str, where: Coordinates, properties: dict[str, object]) -> dict[str, object]:
    point = {"type": "Point", "coordinates": [where.longitude, where.latitude]}
    return {"type": "Feature", "id": feature_id, "geometry": point, "properties": properties}


def _feature_collection(features: list[dict[str, object]]) -> str:
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=1) + "\n"


def timelinejs_json(
    chronology: Chronology, link: SiteAddress, text: Text, site_name: str, eras: tuple[Era, ...] = ()
) -> str:
    """The chronology as TimelineJS3 JSON, for a newsroom that wants to embed TimelineJS:
    dates at their real precision (TimelineJS shows `display_date`, our words, where its
    own parts cannot say "c." or "one of"), each event's sources as a list in its text,
    a tag as its group, the eras.  TimelineJS needs a year: events without one are not
    in this file (they are in events.json)."""
    return _timelinejs(chronology.events, link, text, site_name, eras)


def _timelinejs(
    chosen: Iterable[Event],
    link: SiteAddress,
    text: Text,
    site_name: str,
    eras: tuple[Era, ...],
    year: int | None = None,
) -> str:
    """`timelinejs_json` of the events `chosen`; with `year`, only the eras that reach into it."""
    events = []
    for event in chosen:
        start = _timelinejs_date(event.date.start or event.date.end)
        if start is None:
            continue
        entry: dict[str, object] = {"unique_id": event.id, "start_date": start}
        end = _timelinejs_date(event.date.end) if event.date.end is not event.date.start else None
        if end is not None and end != start:
            entry["end_date"] = end
        entry["display_date"] = date_words(event.date, text).label
        entry["text"] = {"headline": html.escape(event.title), "text": _timelinejs_text(event, link)}
        if event.tags:
            entry["group"] = event.tags[0]
        events.append(entry)
    data: dict[str, object] = {"title": {"text": {"headline": html.escape(site_name), "text": ""}}, "events": events}
    era_entries = []
    for era in eras:
        first, last = _timelinejs_date(era.date.start), _timelinejs_date(era.date.end)
        if first is not None and (year is None or _reaches(era, year)):
            era_entries.append(
                {"start_date": first, "end_date": last or first, "text": {"headline": html.escape(era.name)}}
            )
    if era_entries:
        data["eras"] = era_entries
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _reaches(era: Era, year: int) -> bool:
    """Whether an era's band (as TimelineJS is given it: to its start when its end is not
    known) reaches into `year`."""
    start = era.date.start
    end = era.date.end or start
    first = start.first_year if start else None
    last = (end.last_year if end else None) or first
    return first is not None and last is not None and first <= year <= last


def _timelinejs_date(point: DatePoint | None) -> dict[str, str] | None:
    """A TimelineJS date object with the parts known; its years count -500 as 500 BCE."""
    if point is None or point.first_year is None:
        return None
    year = point.first_year
    parts = {"year": str(year if year > 0 else year - 1)}
    if point.month and point.exact_year:
        parts["month"] = str(point.month)
        if point.day:
            parts["day"] = str(point.day)
            if point.time:
                parts.update(hour=str(point.time.hour), minute=str(point.time.minute), second=str(point.time.second))
    return parts


def _timelinejs_text(event: Event, link: SiteAddress) -> str:
    summary = f"<p>{html.escape(event.summary)}</p>" if event.summary else ""
    items = []
    for source in event.sources:
        cited = f"<cite>{html.escape(source.title)}</cite>, {html.escape(source.publisher)}"
        if source.url:
            cited += f', <a href="{html.escape(source.url)}">{html.escape(source.url)}</a>'
        items.append(f"<li>{cited}</li>")
    page = f'<p><a href="{html.escape(link(urls.event(event.id)))}">{html.escape(event.title)}</a></p>'
    return f"{summary}<ul>{''.join(items)}</ul>{page}"


def actor_data(actor: Actor, chronology: Chronology, link: SiteAddress, text: Text) -> dict[str, object]:
    actors = chronology.actors_by_id
    affiliations = [
        {
            "organisation": {
                "id": a.organisation_id,
                "name": actors[a.organisation_id].name,
                "url": link(urls.actor(a.organisation_id)),
            },
            "role": a.role,
            "period": date_data(a.period, text),
            "source": a.source_id,
        }
        for a in actor.affiliations
    ]
    fields: dict[str, object] = {
        "name": actor.name,
        "kind": actor.kind,
        "aliases": list(actor.aliases),
        "summary": actor.summary,
        "affiliations": affiliations,
        "members": [
            {"id": m.actor.id, "name": m.actor.name, "role": m.affiliation.role, "url": link(urls.actor(m.actor.id))}
            for m in chronology.members.get(actor.id, ())
        ],
        "events": [
            {"id": a.event.id, "title": a.event.title, "role": a.role, "url": link(urls.event(a.event.id))}
            for a in chronology.appearances.get(actor.id, ())
        ],
    }
    return _file_data(actor, link(urls.actor(actor.id)), text, fields)


def place_data(place: Place, chronology: Chronology, link: SiteAddress, text: Text) -> dict[str, object]:
    parent = chronology.places_by_id.get(place.part_of) if place.part_of else None
    fields: dict[str, object] = {
        "name": place.name,
        "aliases": list(place.aliases),
        "summary": place.summary,
        "coordinates": _coordinates(place.coordinates),
        "part_of": {"id": parent.id, "name": parent.name, "url": link(urls.place(parent.id))} if parent else None,
        "places": [inside.id for inside in chronology.inside.get(place.id, ())],  # directly inside it
        "events": [event.id for event in chronology.place_events.get(place.id, ())],  # at it or inside it
    }
    return _file_data(place, link(urls.place(place.id)), text, fields)


def places_json(chronology: Chronology, link: SiteAddress, text: Text) -> str:
    return _json({"places": [place_data(place, chronology, link, text) for place in chronology.places]})


def events_json(chronology: Chronology, link: SiteAddress, text: Text) -> str:
    return _events_json(chronology.events, chronology, link, text)


def _events_json(events: Iterable[Event], chronology: Chronology, link: SiteAddress, text: Text) -> str:
    return _json({"events": [event_data(event, chronology, link, text) for event in events]})


def actors_json(chronology: Chronology, link: SiteAddress, text: Text) -> str:
    data = {"actors": [actor_data(actor, chronology, link, text) for actor in chronology.actors]}
    return _json(data)


def _json(data: Mapping[str, object]) -> str:
    # Compact: json's C encoder is used only without indentation, and the files are for programs.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


# --- CSV -------------------------------------------------------------------------------------

CSV_COLUMNS = (
    "id",
    "date",
    "date_label",
    "earliest",
    "latest",
    "title",
    "summary",
    "place",
    "actors",
    "tags",
    "url",
    "latitude",
    "longitude",
    "archived",  # the snapshots of the event's sources, "; " between them
)


def timeline_csv(chronology: Chronology, link: SiteAddress, text: Text) -> str:
    """The timeline as a spreadsheet: one row an event, in timeline order.

    Starts with a byte-order mark so that spreadsheets read it as UTF-8, and neutralises
    cells a spreadsheet would run as a formula (CSV injection)."""
    return _csv(chronology.events, chronology, link, text)


def _csv(events: Iterable[Event], chronology: Chronology, link: SiteAddress, text: Text) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for event in events:
        dates = date_data(event.date, text)
        assert dates is not None
        where = chronology.location(event)
        # Editors' text is made inert for spreadsheets; the id, the validated EDTF, the
        # bounds, the address and the coordinates are the generator's own and stay as
        # they are (a bound before year 1 starts with a minus sign).
        writer.writerow(
            (
                event.id,
                event.date.text,
                _inert(dates["label"]),
                dates["earliest"] or "",
                dates["latest"] or "",
                _inert(event.title),
                _inert(event.summary or ""),
                _inert(_place_name(event, chronology) or ""),
                _inert("; ".join(chronology.actors_by_id[p.actor_id].name for p in event.actors)),
                _inert("; ".join(event.tags)),
                link(urls.event(event.id)),
                repr(where.latitude) if where else "",
                repr(where.longitude) if where else "",
                "; ".join(source.archived for source in event.sources if source.archived),
            )
        )
    return "\ufeff" + out.getvalue()


def _inert(cell: str) -> str:
    return f"'{cell}" if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell


# --- KML, for Google Earth ------------------------------------------------------------------

EARTH_RADIUS = 6_371_008.8  # metres: the mean radius (IUGG), which the circles are drawn on
SHARP = PRECISION_RADII["site"]  # known this closely, a place is a point; past it, an area
CIRCLE_VERTICES = 32  # a circle looks round in Google Earth; each vertex is about 18 bytes of every placemark
# Five decimals of a degree are about a metre, finer than any area is drawn.
RING_DECIMALS = 5


def events_kml(chronology: Chronology, link: SiteAddress, text: Text, site_name: str) -> str:
    """The events a map can draw as KML placemarks, for Google Earth: each with its title,
    its date in words and as a time span at the date's precision (the time slider), its
    place, a link to its page, and its precision drawn: a point for a place known to the
    site, else a faint circle of the precision's radius, never a sharp pin."""
    return _kml(chronology.events, chronology, link, text, site_name)


def _kml(events: Iterable[Event], chronology: Chronology, link: SiteAddress, text: Text, site_name: str) -> str:
    ET.register_namespace("", KML)
    root = ET.Element(f"{{{KML}}}kml")
    document = ET.SubElement(root, f"{{{KML}}}Document")
    _kml_element(document, "name", site_name)
    # Colours are aabbggrr.  An area is faint: it says "somewhere in here", not "here".
    _kml_style(document, "point", line="ff1f4fd6", fill=None)
    _kml_style(document, "area", line="991f4fd6", fill="331f4fd6")
    rings: dict[tuple[float, float, float], str] = {}  # the events at one place share its circle
    for event in events:
        where = chronology.location(event)
        if where is None:
            continue
        mark = ET.SubElement(document, f"{{{KML}}}Placemark")
        # In the order KML's schema gives a placemark's elements.
        _kml_element(mark, "name", event.title)
        _kml_element(mark, "description", _kml_description(event, chronology, link, text))
        _kml_time(mark, event)
        radius = where.precision.metres if where.precision else None
        area = radius is not None and radius > SHARP
        _kml_element(mark, "styleUrl", "#area" if area else "#point")
        data = ET.SubElement(mark, f"{{{KML}}}ExtendedData")
        precision = _precision(where)
        # What a program needs beside the balloon (which names the place and links the page).
        for name, value in (
            ("id", event.id),
            ("precision", precision["precision"]),
            ("radius_m", precision["radius_m"]),
        ):
            if value is not None:
                entry = ET.SubElement(data, f"{{{KML}}}Data", name=name)
                _kml_element(entry, "value", f"{value:.10g}" if isinstance(value, float) else str(value))
        if area and radius is not None:
            ring = ET.SubElement(
                ET.SubElement(ET.SubElement(mark, f"{{{KML}}}Polygon"), f"{{{KML}}}outerBoundaryIs"),
                f"{{{KML}}}LinearRing",
            )
            key = (where.latitude, where.longitude, radius)
            if key not in rings:
                rings[key] = " ".join(
                    f"{lon:.{RING_DECIMALS}f},{lat:.{RING_DECIMALS}f}" for lon, lat in circle(where, radius)
                )
            _kml_element(ring, "coordinates", rings[key])
        else:
            point = ET.SubElement(mark, f"{{{KML}}}Point")
            _kml_element(point, "coordinates", f"{where.longitude!r},{where.latitude!r}")
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def circle(where: Coordinates, radius: float, vertices: int = CIRCLE_VERTICES) -> list[tuple[float, float]]:
    """(longitude, latitude) of a closed ring `radius` metres from `where` on the sphere
    (a geodesic circle: on a map it widens towards the poles, as the ground does),
    counter-clockwise as KML's rings are, its first vertex repeated last."""
    lat, lon = math.radians(where.latitude), math.radians(where.longitude)
    angle = min(radius / EARTH_RADIUS, math.pi)  # the angle at the Earth's centre
    ring = []
    for step in range(vertices):
        bearing = -2 * math.pi * step / vertices  # north, then west: counter-clockwise
        north = math.asin(math.sin(lat) * math.cos(angle) + math.cos(lat) * math.sin(angle) * math.cos(bearing))
        east = lon + math.atan2(
            math.sin(bearing) * math.sin(angle) * math.cos(lat), math.cos(angle) - math.sin(lat) * math.sin(north)
        )
        ring.append(((math.degrees(east) + 540) % 360 - 180, math.degrees(north)))
    return [*ring, ring[0]]


def _kml_time(mark: ET.Element, event: Event) -> None:
    """A TimeStamp for a single date, at its precision (a day, a month, a year); a
    TimeSpan for the rest, each end at its precision (its first or last day when it has
    no form of its own: 199X, a season), an open or unknown end left out."""
    date = event.date
    if not date.year_known:
        return  # Google Earth's time slider needs a year
    start, end = date.start, date.end
    if start is not None and start is end and not date.is_set and start.iso():
        stamp = ET.SubElement(mark, f"{{{KML}}}TimeStamp")
        _kml_element(stamp, "when", str(start.iso()))
        return
    earliest, latest = date.earliest(), date.latest()
    begin = (start.iso() if start and not date.is_set else None) or (earliest.iso() if earliest else None)
    finish = (end.iso() if end and not date.is_set else None) or (latest.iso() if latest else None)
    span = ET.SubElement(mark, f"{{{KML}}}TimeSpan")
    if begin:
        _kml_element(span, "begin", begin)
    if finish:
        _kml_element(span, "end", finish)


def _kml_description(event: Event, chronology: Chronology, link: SiteAddress, text: Text) -> str:
    """What Google Earth shows in a placemark's balloon, as the HTML it reads there: the
    editors' words escaped (ElementTree then escapes the whole as XML text)."""
    lines = [date_words(event.date, text).label, _place_name(event, chronology), event.summary]
    shown = "".join(f"<p>{html.escape(line)}</p>" for line in lines if line)
    page = html.escape(link(urls.event(event.id)))
    return f'{shown}<p><a href="{page}">{html.escape(event.title)}</a></p>'


def _kml_style(document: ET.Element, name: str, *, line: str, fill: str | None) -> None:
    style = ET.SubElement(document, f"{{{KML}}}Style", id=name)
    _kml_element(ET.SubElement(style, f"{{{KML}}}LineStyle"), "color", line)
    polygon = ET.SubElement(style, f"{{{KML}}}PolyStyle")
    if fill:
        _kml_element(polygon, "color", fill)
    else:
        _kml_element(polygon, "fill", "0")


def _kml_element(parent: ET.Element, name: str, value: str) -> None:
    ET.SubElement(parent, f"{{{KML}}}{name}").text = value


# --- All of it, whole or by year -------------------------------------------------------------

# Past `limit` bytes of events.json (the `open_data_limit` option), the open data is
# published by year and compressed.  bzip2: of the compressors in Python's library, it
# makes the smallest files of this text in the time a build can spare (figures:
# bench/NOTES.md), and its output is the same on every platform (libbzip2's has not
# changed in decades; zlib-ng, which some Pythons and Linux distributions ship as zlib,
# compresses differently), so a rebuild elsewhere stays byte-identical (`make verify`).
COMPRESSION = "bzip2"
COMPRESSED = ".bz2"

DataFiles = dict[str, str | bytes]  # by path in the site


def open_data(
    chronology: Chronology, link: SiteAddress, text: Text, site_name: str, eras: tuple[Era, ...], limit: int
) -> DataFiles:
    """Every open data file by its path in the site.  While events.json takes at most
    `limit` bytes: events.json, actors.json, timeline.csv, events.geojson, events.kml,
    timelinejs.json and, when the chronology has places, places.json and places.geojson
    at the site's root.  Past it, where one file would be a long download for a reader
    and a large share of the site: the files of events for each year (the year the
    timeline lists an event under) in data/<year>/, compressed; actors.json and the
    places' files (a chronology has few places) whole, compressed, in data/; and
    data/index.json listing every part."""
    whole = _events_within(chronology, link, text, limit)
    if whole is not None:
        files: DataFiles = {
            urls.EVENTS_JSON: whole,
            urls.ACTORS_JSON: actors_json(chronology, link, text),
            urls.TIMELINE_CSV: timeline_csv(chronology, link, text),
            urls.EVENTS_GEOJSON: events_geojson(chronology, link, text),
            urls.EVENTS_KML: events_kml(chronology, link, text, site_name),
            urls.TIMELINEJS_JSON: timelinejs_json(chronology, link, text, site_name, eras),
        }
        if chronology.places:
            files[urls.PLACES_JSON] = places_json(chronology, link, text)
            files[urls.PLACES_GEOJSON] = places_geojson(chronology, link)
        return files
    return _by_year(chronology, link, text, site_name, eras)


def _events_within(chronology: Chronology, link: SiteAddress, text: Text, limit: int) -> str | None:
    """events.json, or None as soon as it would pass `limit` bytes (without making the rest)."""
    size, items = 0, []
    for event in chronology.events:
        item = _json(event_data(event, chronology, link, text)).removesuffix("\n")
        size += len(item.encode()) + 1
        if size > limit:
            return None
        items.append(item)
    # The same bytes as _json({"events": [...]}): its separators, one item after another.
    return '{"events":[' + ",".join(items) + "]}\n"


@dataclass(frozen=True, slots=True)
class _Part:
    """One compressed file of data/: what it is a part of, and how it is made."""

    name: str  # the whole file it is a part of: events.json, ...
    path: str
    make: Callable[[], str]
    year: int | None = None  # None: the year is not given
    events: int | None = None  # how many it holds; None for actors.json

    def entry(self, link: SiteAddress, size: int) -> dict[str, object]:
        """Its line in data/index.json."""
        counted = {} if self.events is None else {"year": self.year, "events": self.events}
        return {**counted, "url": link(self.path), "bytes": size}


def _by_year(chronology: Chronology, link: SiteAddress, text: Text, site_name: str, eras: tuple[Era, ...]) -> DataFiles:
    years: dict[int | None, list[Event]] = {}
    for event in chronology.events:  # in timeline order within each year
        years.setdefault(event.date.listed_at.year, []).append(event)

    def kinds(events: list[Event], year: int | None) -> Iterator[tuple[str, list[Event], Callable[[], str]]]:
        yield urls.EVENTS_JSON, events, lambda: _events_json(events, chronology, link, text)
        yield urls.TIMELINE_CSV, events, lambda: _csv(events, chronology, link, text)
        mapped = [event for event in events if chronology.location(event) is not None]
        yield urls.EVENTS_GEOJSON, mapped, lambda: _geojson(mapped, chronology, link, text)
        yield urls.EVENTS_KML, mapped, lambda: _kml(mapped, chronology, link, text, site_name)
        dated = [event for event in events if event.date.year_known]  # TimelineJS needs a year
        yield urls.TIMELINEJS_JSON, dated, lambda: _timelinejs(dated, link, text, site_name, eras, year)

    parts = [
        _Part(urls.ACTORS_JSON, urls.data(urls.ACTORS_JSON + COMPRESSED), lambda: actors_json(chronology, link, text))
    ]
    if chronology.places:
        parts += [
            _Part(
                urls.PLACES_JSON, urls.data(urls.PLACES_JSON + COMPRESSED), lambda: places_json(chronology, link, text)
            ),
            _Part(
                urls.PLACES_GEOJSON,
                urls.data(urls.PLACES_GEOJSON + COMPRESSED),
                lambda: places_geojson(chronology, link),
            ),
        ]
    for year in sorted(years, key=lambda year: (year is None, year or 0)):
        for name, events, make in kinds(years[year], year):
            if events:
                path = urls.data_part(urls.year_key(year), name + COMPRESSED)
                parts.append(_Part(name, path, make, year, len(events)))
    # Compression lets go of the GIL: the parts are made on two cores (MkDocs uses one).
    with ThreadPoolExecutor(max_workers=2) as pool:
        made = list(pool.map(lambda part: _compressed(part.make()), parts))
    files: DataFiles = {}
    index: dict[str, list[dict[str, object]]] = {
        name: []
        for name in (
            urls.EVENTS_JSON,
            urls.ACTORS_JSON,
            urls.PLACES_JSON,
            urls.TIMELINE_CSV,
            urls.EVENTS_GEOJSON,
            urls.PLACES_GEOJSON,
            urls.EVENTS_KML,
            urls.TIMELINEJS_JSON,
        )
    }
    for part, data in zip(parts, made, strict=True):
        files[part.path] = data
        index[part.name].append(part.entry(link, len(data)))
    about = {"events": len(chronology.events), "compression": COMPRESSION, "files": index}
    files[urls.DATA_INDEX] = json.dumps(about, ensure_ascii=False, indent=1) + "\n"
    return files


def _compressed(content: str) -> bytes:
    return bz2.compress(content.encode(), compresslevel=9)


# --- Atom ------------------------------------------------------------------------------------


def feed_order(chronology: Chronology) -> list[Event]:
    """Newest first by the date of the event; events whose year is not given come last."""
    dated = [event for event in chronology.events if event.date.year_known]
    undated = [event for event in chronology.events if not event.date.year_known]
    return dated[::-1] + undated


def stable_id(site_name: str, path: str) -> str:
    # Independent of where the site is published, so entries keep their ids if it moves.
    return uuid.uuid5(uuid.NAMESPACE_URL, f"timeline:{site_name}/{path}").urn


def atom_feed(
    chronology: Chronology,
    link: SiteAddress,
    text: Text,
    site_name: str,
    built: datetime.datetime,
    limit: int = 100,
) -> str:
    feed, stamp = _feed(site_name, site_name, urls.HOME, urls.FEED, link, built)
    for event in feed_order(chronology)[:limit]:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _element(entry, "title", event.title)
        _element(entry, "id", stable_id(site_name, urls.event(event.id)))
        _element(entry, "updated", stamp)
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=link(urls.event(event.id)))
        summary = date_words(event.date, text).label + (f". {event.summary}" if event.summary else "")
        _element(entry, "summary", summary)
        for tag in event.tags:
            ET.SubElement(entry, f"{{{ATOM}}}category", term=tag)
    return _xml(feed)


def corrections_feed(
    entries: tuple[CorrectedPage, ...], link: SiteAddress, text: Text, site_name: str, built: datetime.datetime
) -> str:
    """The corrections page as an Atom feed, newest first: a reader who followed the
    chronology learns what was corrected.  An entry is dated by its correction's first
    day (the build's date when the correction's year is not given)."""
    title = text.gettext("%(site)s: corrections", site=site_name)
    feed, stamp = _feed(site_name, title, urls.CORRECTIONS, urls.CORRECTIONS_FEED, link, built)
    for index, entry in enumerate(entries):
        item = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _element(item, "title", f"{entry.title} ({entry.line.date.label})")
        # Not an address: the page has no such id; the id stays while corrections are added.
        _element(item, "id", stable_id(site_name, urls.at(entry.path, f"correction-{entry.line.day}-{index}")))
        day = Day(entry.line.day).date() if entry.line.day else None
        _element(item, "updated", f"{day.isoformat()}T00:00:00Z" if day else stamp)
        ET.SubElement(item, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=link(entry.path))
        _element(item, "summary", entry.line.text)
    return _xml(feed)


def _feed(
    site_name: str, title: str, page: str, path: str, link: SiteAddress, built: datetime.datetime
) -> tuple[ET.Element, str]:
    """An Atom feed's header: its title, an id that stays when the site moves, the build's
    date (also the `updated` of entries without a date of their own, returned with the
    feed), the feed's own address at `path` and the `page` it follows, the site as author."""
    stamp = built.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _element(feed, "title", title)
    _element(feed, "id", stable_id(site_name, page))
    _element(feed, "updated", stamp)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", type="application/atom+xml", href=link(path))
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=link(page))
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _element(author, "name", site_name)
    return feed, stamp


def _xml(feed: ET.Element) -> str:
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def _element(parent: ET.Element, name: str, text: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{name}").text = text

"""Open data and feeds: the chronology as JSON, CSV, Atom and schema.org JSON-LD.

Pure functions from a `Chronology` to text.  Field order is fixed and nothing depends
on the clock (the feed's date is the build date the caller passes in), so the files are
byte-identical between builds of the same content.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import uuid
import xml.etree.ElementTree as ET

from markupsafe import Markup

from generator.dates import EdtfDate
from generator.model import Actor, Chronology, Event, Source
from generator.render.dates import date_label

ATOM = "http://www.w3.org/2005/Atom"


class Links:
    """Page addresses: absolute when the site's address is known, else site-relative."""

    def __init__(self, site_url: str | None):
        self.site_url = (site_url or "").rstrip("/") + "/" if site_url else None

    def __call__(self, path: str) -> str:
        return f"{self.site_url}{path}" if self.site_url else (path or "./")

    def absolute(self, path: str) -> str | None:
        """The full address, or None when the site's address is not configured."""
        return f"{self.site_url}{path}" if self.site_url else None


# --- JSON ------------------------------------------------------------------------------------


def date_data(date: EdtfDate | None) -> dict | None:
    if date is None:
        return None
    earliest, latest = date.earliest(), date.latest()
    return {
        "edtf": date.text,
        "label": date_label(date),
        "earliest": earliest.isoformat() if earliest else None,  # None: open, unknown or no year given
        "latest": latest.isoformat() if latest else None,
        "year_known": date.year_known,
    }


def source_data(source: Source) -> dict:
    return {
        "id": source.id,
        "title": source.title,
        "publisher": source.publisher,
        "url": source.url,
        "published": date_data(source.published),
    }


def event_data(event: Event, chronology: Chronology, link: Links) -> dict:
    actors = chronology.actors_by_id
    return {
        "id": event.id,
        "url": link(event.url),
        "title": event.title,
        "date": date_data(event.date),
        "date_note": event.date_note,
        "summary": event.summary,
        "place": event.place,
        "actors": [
            {"id": p.actor_id, "name": actors[p.actor_id].name, "role": p.role, "url": link(actors[p.actor_id].url)}
            for p in event.actors
        ],
        "related": [
            {"id": other.id, "title": other.title, "url": link(other.url)}
            for other in chronology.related.get(event.id, ())
        ],
        "follows": list(event.follows),
        "tags": list(event.tags),
        "sources": [source_data(source) for source in event.sources],
        "body_markdown": event.body.strip(),
    }


def actor_data(actor: Actor, chronology: Chronology, link: Links) -> dict:
    actors = chronology.actors_by_id
    return {
        "id": actor.id,
        "url": link(actor.url),
        "name": actor.name,
        "kind": actor.kind,
        "aliases": list(actor.aliases),
        "summary": actor.summary,
        "affiliations": [
            {
                "organisation": {
                    "id": a.organisation_id,
                    "name": actors[a.organisation_id].name,
                    "url": link(actors[a.organisation_id].url),
                },
                "role": a.role,
                "period": date_data(a.period),
                "source": a.source_id,
            }
            for a in actor.affiliations
        ],
        "members": [
            {"id": m.actor.id, "name": m.actor.name, "role": m.affiliation.role, "url": link(m.actor.url)}
            for m in chronology.members.get(actor.id, ())
        ],
        "events": [
            {"id": a.event.id, "title": a.event.title, "role": a.role, "url": link(a.event.url)}
            for a in chronology.appearances.get(actor.id, ())
        ],
        "sources": [source_data(source) for source in actor.sources],
        "body_markdown": actor.body.strip(),
    }


def events_json(chronology: Chronology, link: Links) -> str:
    data = {"events": [event_data(event, chronology, link) for event in chronology.events]}
    return _json(data)


def actors_json(chronology: Chronology, link: Links) -> str:
    data = {"actors": [actor_data(actor, chronology, link) for actor in chronology.actors]}
    return _json(data)


def _json(data: dict) -> str:
    # Compact: json's C encoder is used only without indentation, and the files are for programs.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


# --- CSV -------------------------------------------------------------------------------------

CSV_COLUMNS = ("id", "date", "date_label", "earliest", "latest", "title", "summary", "place", "actors", "tags", "url")


def timeline_csv(chronology: Chronology, link: Links) -> str:
    """The timeline as a spreadsheet: one row an event, in timeline order.

    Starts with a byte-order mark so that spreadsheets read it as UTF-8, and neutralises
    cells a spreadsheet would run as a formula (CSV injection)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for event in chronology.events:
        dates = date_data(event.date)
        row = (
            event.id,
            event.date.text,
            dates["label"],
            dates["earliest"] or "",
            dates["latest"] or "",
            event.title,
            event.summary or "",
            event.place or "",
            "; ".join(chronology.actors_by_id[p.actor_id].name for p in event.actors),
            "; ".join(event.tags),
            link(event.url),
        )
        writer.writerow([_inert(cell) for cell in row])
    return "\ufeff" + out.getvalue()


def _inert(cell: str) -> str:
    return f"'{cell}" if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell


# --- Atom ------------------------------------------------------------------------------------


def feed_order(chronology: Chronology) -> list[Event]:
    """Newest first by the date of the event; events whose year is not given come last."""
    dated = [event for event in chronology.events if event.date.year_known]
    undated = [event for event in chronology.events if not event.date.year_known]
    return dated[::-1] + undated


def stable_id(site_name: str, path: str) -> str:
    # Independent of where the site is published, so entries keep their ids if it moves.
    return uuid.uuid5(uuid.NAMESPACE_URL, f"timeline:{site_name}/{path}").urn


def atom_feed(chronology: Chronology, link: Links, site_name: str, built: datetime.datetime, limit: int = 100) -> str:
    stamp = built.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _text(feed, "title", site_name)
    _text(feed, "id", stable_id(site_name, ""))
    _text(feed, "updated", stamp)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", type="application/atom+xml", href=link("feed.xml"))
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=link(""))
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", site_name)
    for event in feed_order(chronology)[:limit]:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, "title", event.title)
        _text(entry, "id", stable_id(site_name, event.url))
        _text(entry, "updated", stamp)
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=link(event.url))
        summary = date_label(event.date) + (f". {event.summary}" if event.summary else "")
        _text(entry, "summary", summary)
        for tag in event.tags:
            ET.SubElement(entry, f"{{{ATOM}}}category", term=tag)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def _text(parent: ET.Element, name: str, text: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{name}").text = text


# --- schema.org JSON-LD ------------------------------------------------------------------------


def event_jsonld(event: Event, chronology: Chronology, link: Links) -> Markup:
    data: dict = {"@context": "https://schema.org", "@type": "Event", "name": event.title}
    if link.absolute(event.url):
        data["url"] = link.absolute(event.url)
    # Only as precise as known: "2023-12" for a month; nothing when the year is not given.
    start, end = event.date.start, event.date.end
    if start is not None and start.year is not None:
        data["startDate"] = start.iso()
    if end is not None and end.year is not None and end is not start:
        data["endDate"] = end.iso()
    if event.summary:
        data["description"] = event.summary
    if event.place:
        data["location"] = {"@type": "Place", "name": event.place}
    if event.actors:
        data["about"] = [_thing(chronology.actors_by_id[p.actor_id], link) for p in event.actors]
    return script_json(data)


def actor_jsonld(actor: Actor, chronology: Chronology, link: Links) -> Markup:
    data = {"@context": "https://schema.org", **_thing(actor, link)}
    if actor.aliases:
        data["alternateName"] = list(actor.aliases)
    if actor.summary:
        data["description"] = actor.summary
    if actor.affiliations:
        data["memberOf"] = [_thing(chronology.actors_by_id[a.organisation_id], link) for a in actor.affiliations]
    return script_json(data)


def _thing(actor: Actor, link: Links) -> dict:
    thing = {"@type": "Person" if actor.kind == "person" else "Organization", "name": actor.name}
    if link.absolute(actor.url):
        thing["url"] = link.absolute(actor.url)
    return thing


def script_json(data: dict) -> Markup:
    """JSON safe inside <script>: no '<', '>' or '&' can end the element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))

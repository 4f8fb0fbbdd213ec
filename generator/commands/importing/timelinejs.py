"""TimelineJS3: its JSON file (`read_json`), and the event every TimelineJS record
becomes, whether it came from the JSON or from the spreadsheet template (`sheet`).

A record's dates are TimelineJS date objects (year, month, day, time), written in EDTF
at exactly their precision; its text is HTML, written as Markdown; its headline is the
title; its `group` a tag; its media (a web address in TimelineJS) a source the body
cites, since the site loads nothing from other hosts.  The imported file itself is the
source every event cites.  A record of type "era" becomes an era for the `eras` option,
the title slide the report's title.
"""

from __future__ import annotations

import html as htmllib
import json
import re
from pathlib import Path
from typing import Any

from markdownify import markdownify

from generator.commands.importing import bounded
from generator.commands.importing.drafts import Draft, Fields, Reading, edtf_point, new_id, quoted
from generator.core.dates import DateError, parse_date

NUMBER = re.compile(r"[+-]?\d{1,12}")
TIME = re.compile(r"(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*([ap]\.?m\.?)?", re.IGNORECASE)


def read_json(path: Path, reading: Reading | None = None) -> Reading:
    reading = reading or Reading(path.name)
    try:
        data = bounded.json_data(path)
    except bounded.ReadError as refusal:
        reading.refused(refusal)
        return reading
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        reading.problem("1", "file", f"not a TimelineJS JSON file: {error}", error=True)
        return reading
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        reading.problem("1", "events", "no list of events: expected TimelineJS3 JSON ({'events': [...]})", error=True)
        return reading
    for index, entry in enumerate(data["events"]):
        record = f"events[{index}]"
        if index == bounded.ROWS:
            reading.refused(bounded.too_many(record))
            break
        if not isinstance(entry, dict):
            reading.problem(record, "event", "not an object; left out", error=True)
            continue
        text = _object(entry.get("text"))
        media = entry.get("media") or {}
        add_event(
            reading,
            record,
            entry.get("start_date"),
            entry.get("end_date"),
            headline=_html_text(text.get("headline")),
            html=str(text.get("text") or ""),
            media=media if isinstance(media, dict) else {},
            group=str(entry.get("group") or ""),
            display_date=str(entry.get("display_date") or ""),
        )
    found = data.get("eras")
    eras: list[Any] = found if isinstance(found, list) else []
    for index, era in enumerate(eras):
        record = f"eras[{index}]"
        if not isinstance(era, dict):
            reading.problem(record, "era", "not an object; left out", error=True)
            continue
        text = _object(era.get("text"))
        add_era(reading, record, _html_text(text.get("headline")), era.get("start_date"), era.get("end_date"))
    return reading


def add_event(
    reading: Reading,
    record: str,
    start: Any,
    end: Any,
    *,
    headline: str,
    html: str,
    media: dict[str, Any],
    group: str,
    display_date: str,
    where: Fields | None = None,
) -> None:
    """One TimelineJS record as an event draft (or a problem, when it has no start);
    `where`, its `place:` and `coordinates:` (a sheet's location columns)."""
    headline = reading.clean(record, "headline", headline)
    first = edtf_of(reading, record, "start_date", start)
    if first is None:
        reading.problem(
            record, "start_date", "no year: TimelineJS needs one, and so does the timeline; left out", error=True
        )
        return
    last = edtf_of(reading, record, "end_date", end) if end else None
    if last and last != first and "T" in first + last:
        # EDTF ranges hold days, not times: the range keeps its days, the times are said.
        reading.problem(record, "end_date", "a range of times is written as its days (EDTF ranges hold no time)")
        first, last = first.split("T")[0], last.split("T")[0]
    date = f"{first}/{last}" if last and last != first else first
    try:
        parse_date(date)
    except DateError as error:
        reading.problem(record, "start_date", f"{error}; left out", error=True)
        return
    body = markdownify(reading.clean(record, "text", html), heading_style="ATX").strip() if html else ""
    if not headline:
        headline = reading.clean(record, "text", _html_text(html))[:120] or f"Event {record}"
        reading.problem(record, "headline", f"empty: the title is taken from the text ({quoted(headline)})")
    sources: list[dict[str, str]] = [
        {"id": "import", "title": f"{headline} ({record} of {reading.file})", "publisher": reading.file}
    ]
    cites = "[^import]"
    url = reading.clean(record, "media", media.get("url"))
    if url:
        source = {
            "id": "media",
            "title": reading.clean(record, "media caption", _html_text(media.get("caption"))) or url,
        }
        source["publisher"] = reading.clean(record, "media credit", _html_text(media.get("credit"))) or "unknown"
        if re.match(r"https?://", url):
            source["url"] = url
        sources.append(source)
        cites += "[^media]"
        reading.problem(record, "media", "kept as a source: the site shows only images in content/media/")
    fields: Fields = {"title": headline, "date": date}
    if display_date:
        fields["date_note"] = reading.clean(record, "display_date", display_date)
    fields.update(where or {})
    if group:
        fields["tags"] = [reading.clean(record, "group", group)]
    fields["sources"] = sources
    body = f"{body}{cites}" if body else f"{headline}.{cites}"
    # The headline makes the id (as an editor names a file); the same headline twice is numbered.
    number = "".join(char for char in record if char.isdigit())
    event_id = new_id(headline, fallback=f"event-{number}")
    reading.add(Draft("event", event_id, fields, body + "\n", record))


def add_era(reading: Reading, record: str, name: str, start: Any, end: Any) -> None:
    first = edtf_of(reading, record, "start_date", start)
    last = edtf_of(reading, record, "end_date", end) if end else None
    if first is None or not name:
        reading.problem(record, "era", "an era needs a headline and a start date; left out", error=True)
        return
    reading.eras.append((reading.clean(record, "headline", name), f"{first}/{last or '..'}"))


def edtf_of(reading: Reading, record: str, column: str, value: Any) -> str | None:
    """A TimelineJS date object ({year, month, day, hour, minute, second} or with a
    `time` text) as EDTF at its precision; None without a year."""
    if not isinstance(value, dict):
        return None
    parts = {}
    for name in ("year", "month", "day", "hour", "minute", "second"):
        raw = value.get(name)
        if raw in (None, ""):
            continue
        text = str(raw).strip()
        if NUMBER.fullmatch(text):  # no date needs more digits, and Python refuses past 4,300
            parts[name] = int(text)
        else:
            reading.problem(record, f"{column}.{name}", f"{quoted(raw)} is not a number; left out")
    if "year" not in parts:
        return None
    year = parts["year"]
    if year < 0:
        year += 1  # TimelineJS counts -500 as 500 BCE (no year 0); EDTF as astronomical -0499
    month, day = parts.get("month"), parts.get("day")
    if month is not None and not 1 <= month <= 12:
        reading.problem(record, f"{column}.month", f"{month} is not a month; the date keeps its year only")
        month = day = None
    time = value.get("time")
    clock = None
    if "hour" in parts:
        clock = f"{parts['hour']:02d}:{parts.get('minute', 0):02d}:{parts.get('second', 0):02d}"
    elif time:
        clock = clock_of(reading, record, f"{column}.time", str(time))
    return edtf_point(year, month, day, clock if day else None)


def clock_of(reading: Reading, record: str, column: str, text: str) -> str | None:
    """'10:30', '10:30:15', '3 PM' -> 'HH:MM:SS' (EDTF writes the seconds); None if unreadable."""
    match = TIME.fullmatch(text.strip())
    if match is None:
        reading.problem(record, column, f"{quoted(text)} is not a time of day; left out")
        return None
    hour, minute, second, half = match.groups()
    value = int(hour)
    if half:
        value = value % 12 + (12 if half.lower().startswith("p") else 0)
    if value > 23 or int(minute or 0) > 59 or int(second or 0) > 59:
        reading.problem(record, column, f"{quoted(text)} is not a time of day; left out")
        return None
    return f"{value:02d}:{int(minute or 0):02d}:{int(second or 0):02d}"


def _object(value: Any) -> dict[str, Any]:
    """A JSON object, or an empty one for anything else (a string where an object goes)."""
    return value if isinstance(value, dict) else {}


def _html_text(html: Any) -> str:
    """Text without its tags (headlines, captions and credits are plain text here)."""
    return htmllib.unescape(re.sub(r"<[^>]+>", "", str(html or ""))).strip()

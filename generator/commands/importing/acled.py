"""ACLED's CSV exports (the Armed Conflict Location & Event Data Project), current
columns and older ones (`ally_actor_1`, upper-case names, day-month-year dates).

Each row is an event: ACLED's `notes` are its body, citing ACLED and each outlet the
`source` column names; its sub-event type and location make its title; its actors
(`actor1`, `actor2` and their associated actors) become actor files, one per distinct
name, their kind from ACLED's `inter` codes.  Dates are as honest as `time_precision`
allows: 1 is the day; 2 means the sources give a week, written as the days around the
coded date (ACLED codes a day in that week); 3 means only the month is known.

Its places: each `location` becomes a place file, `part_of` its `admin2`, which is
`part_of` its `admin1`, which is `part_of` its `country` (ACLED gives those areas no
coordinates, so their files have none), and the event's `place:` names it.  ACLED's
`geo_precision` says how precisely each *row's* event is placed at its location (1 the
town, 2 near it or in a part of the region, 3 only the region), so one location may come
with several: the place takes the coordinates of its finest row (the first of them),
and an event is never drawn more precisely than its row says: a row coarser than the
town, or whose coordinates differ from its place's, keeps its own `coordinates` with its
own precision.
"""

from __future__ import annotations

import datetime
import difflib
import hashlib
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from generator.commands.importing import bounded
from generator.commands.importing.drafts import Draft, Fields, Reading, coordinates_of, new_id, quoted
from generator.core.geo import PRECISION_WORDS
from generator.core.model import ActorKind

# ACLED's `inter` codes: the kind of actor, and what the event page says of its part.
INTER: dict[str, tuple[ActorKind, str]] = {
    "1": ("organisation", "state forces"),
    "2": ("group", "rebel group"),
    "3": ("group", "political militia"),
    "4": ("group", "identity militia"),
    "5": ("group", "rioters"),
    "6": ("group", "protesters"),
    "7": ("group", "civilians"),
    "8": ("organisation", "external or other forces"),
}
NO_INTER: tuple[ActorKind, str | None] = ("group", None)  # a code left blank or not ACLED's
# ACLED codes 1 for the town itself, 2 for near it or a part of a region, 3 for the region (admin1).
GEO_PRECISION = {"1": "town", "2": "district", "3": "province"}
FINEST = GEO_PRECISION["1"]  # a row at this precision needs no coordinates of its own beside its place's
# ACLED's areas, largest first: the column, and the word a place's id takes after its
# area's when they share a name (Idlib, the town, in Idlib, the governorate).
AREAS = (("country", "country"), ("admin1", "province"), ("admin2", "district"))
DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d-%b-%Y", "%d/%m/%Y", "%d-%b-%y", "%d %b %Y")
ACLED = "Armed Conflict Location & Event Data Project (ACLED)"


def read_acled(path: Path, reading: Reading | None = None) -> Reading:
    reading = reading or Reading(path.name)
    actors: dict[str, Draft] = {}
    places = _Gazetteer()
    try:
        rows = bounded.csv_rows(path)
        header = [name.casefold().strip() for name in next(rows, (1, []))[1]]
        if "event_date" not in header:
            reading.problem("1", "event_date", "no event_date column: not an ACLED export", error=True)
            return reading
        for number, values in rows:
            _event(reading, str(number), dict(zip(header, values, strict=False)), actors, places)
    except bounded.ReadError as refusal:
        reading.refused(refusal)
    except OSError as error:
        reading.problem("1", "file", f"cannot be read as CSV: {error}", error=True)
        return reading
    for draft in actors.values():
        reading.add(draft)
    for place in places.by_key.values():
        reading.add(place.draft())
    _near_duplicates(reading, actors)
    return reading


def _event(reading: Reading, record: str, row: dict[str, str], actors: dict[str, Draft], places: _Gazetteer) -> None:
    def cell(name: str) -> str:
        return reading.clean(record, name, row.get(name, ""))

    key = cell("event_id_cnty") or cell("data_id")
    day = _day(cell("event_date"))
    if day is None:
        reading.problem(
            record, "event_date", f"{quoted(cell('event_date'))} is not a date ACLED writes; row left out", error=True
        )
        return
    date, note = _date(day, cell("time_precision"))
    if cell("time_precision") == "2" and not 6 < day.toordinal() <= datetime.date.max.toordinal() - 6:
        reading.problem(
            record, "event_date", f"the week around {day.isoformat()} is cut at {date}: years 1 to 9999 only"
        )
    if cell("time_precision") not in ("", "1", "2", "3"):
        reading.problem(
            record, "time_precision", f"{quoted(cell('time_precision'))} is not 1, 2 or 3; read as 1 (the day)"
        )
    what = cell("sub_event_type") or cell("event_type") or "Event"
    location = cell("location")
    title = f"{what} in {location}" if location else what
    fields: Fields = {"title": title, "date": date}
    if note:
        fields["date_note"] = note
    fatalities = cell("fatalities")
    if fatalities:
        fields["summary"] = f"{cell('event_type') or what}; fatalities according to ACLED: {fatalities}"
    coordinates = _coordinates(reading, record, cell("latitude"), cell("longitude"), cell("geo_precision"))
    place = places.place(reading, record, [(column, word, cell(column)) for column, word in AREAS], location)
    if place is not None:
        fields["place"] = place.id
        if coordinates and place.location:
            place.take(coordinates)
            if place.locates(coordinates):
                coordinates = None  # its place's, at the town: said once, in the place's file
    if coordinates:
        fields["coordinates"] = coordinates
    participants = []
    for side in ("1", "2"):
        main = cell(f"actor{side}")
        kind, role = INTER.get(cell(f"inter{side}"), NO_INTER)
        if main:
            participants.append(_participant(reading, actors, main, kind, role, record))
        associated = cell(f"assoc_actor_{side}") or cell(f"ally_actor_{side}")
        for name in filter(None, (part.strip() for part in associated.split(";"))):
            participants.append(
                _participant(reading, actors, name, "group", f"associated with {main or 'actor ' + side}", record)
            )
    if participants:
        fields["actors"] = list({entry["id"]: entry for entry in participants}.values())
    tags = [tag for tag in (cell("event_type"), cell("sub_event_type")) if tag]
    if tags:
        fields["tags"] = list(dict.fromkeys(tags))
    sources = [{"id": "acled", "title": f"ACLED event {key or record}", "publisher": ACLED}]
    outlets = list(dict.fromkeys(part.strip() for part in cell("source").split(";") if part.strip()))
    for index, outlet in enumerate(outlets, start=1):
        scale = cell("source_scale")
        sources.append(
            {"id": f"source-{index}", "title": outlet + (f" ({scale})" if scale else ""), "publisher": outlet}
        )
    fields["sources"] = sources
    cites = "".join(f"[^{source['id']}]" for source in sources)
    notes = cell("notes") or f"ACLED records a {what.lower()} here."
    event_id = new_id("acled", key, fallback=f"acled-row-{record}")  # ACLED's own id: the same in every export
    reading.add(Draft("event", event_id, fields, f"{notes}{cites}\n", record))


def _participant(
    reading: Reading, actors: dict[str, Draft], name: str, kind: ActorKind, role: str | None, record: str
) -> dict[str, str]:
    # A name of no Latin letters: an id from the name itself, the same at every row.
    actor_id = new_id(name, fallback=f"actor-{hashlib.sha256(name.encode()).hexdigest()[:10]}")
    known = actors.get(actor_id)
    if known is None:
        fields: Fields = {
            "name": name,
            "kind": kind,
            "sources": [{"id": "acled", "title": "ACLED's actor names", "publisher": ACLED}],
        }
        actors[actor_id] = Draft("actor", actor_id, fields, "Named as an actor in ACLED's events.[^acled]\n", record)
    elif known.fields["name"] != name:
        reading.problem(
            record,
            "actor",
            f"{quoted(name)} and {quoted(known.fields['name'])} share the file {actor_id}.md; "
            f"kept {quoted(known.fields['name'])}",
        )
    entry = {"id": actor_id}
    if role:
        entry["role"] = role
    return entry


BLOCK_MOST = 50  # names compared pair by pair within one block; a bigger block is said as a whole


def _near_duplicates(reading: Reading, actors: dict[str, Draft]) -> None:
    """The same actor spelled two ways is kept as two; said, so an editor can merge them.

    Names that differ only in their numbers ("Militia group 00961" and "00963") are
    different actors, and are not compared.  The others are compared by their letters
    (case, accents, spaces and punctuation set aside), and only within a block: the names
    whose letters are the same once one letter is left out of either.  Two names one
    letter apart share a block, so no such pair is missed, and the work grows with the
    number of names, not with its square (10,000 names take well under a second)."""
    by_form: dict[str, str] = {}  # one name for each spelling without its digits
    for name in sorted(str(draft.fields["name"]) for draft in actors.values()):
        by_form.setdefault(re.sub(r"\d+", "#", name), name)
    blocks: defaultdict[str, list[str]] = defaultdict(list)
    for name in by_form.values():
        key = _letters(name)
        for variant in {key, *(key[:index] + key[index + 1 :] for index in range(len(key)))}:
            blocks[variant].append(name)
    pairs: set[tuple[str, str]] = set()
    for variant, names in sorted(blocks.items()):
        if len(names) > BLOCK_MOST:
            reading.problem(
                "actors",
                "actor",
                f"{len(names):,} names are one letter from {quoted(variant)} "
                f"({', '.join(map(quoted, names[:3]))}, ...); if some are one actor, merge them",
            )
            continue
        pairs.update(pair for pair in combinations(names, 2) if _alike(*pair))
    for name, other in sorted(pairs):
        reading.problem(
            "actors", "actor", f"{quoted(name)} and {quoted(other)} may be one actor spelled two ways; both kept"
        )


def _letters(name: str) -> str:
    """A name's letters, lower case, without accents: what two spellings of it share."""
    return "".join(char for char in unicodedata.normalize("NFKD", name.casefold()) if char.isalpha())


def _alike(name: str, other: str) -> bool:
    first, second = _letters(name), _letters(other)
    return first == second or difflib.SequenceMatcher(None, first, second).ratio() > 0.9


def _day(text: str) -> datetime.date | None:
    for pattern in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _date(day: datetime.date, precision: str) -> tuple[str, str | None]:
    if precision == "2":
        # The days around it, kept within the years a date can have (1 to 9999).
        before = datetime.date.fromordinal(max(day.toordinal() - 6, 1))
        after = datetime.date.fromordinal(min(day.toordinal() + 6, datetime.date.max.toordinal()))
        note = f"ACLED (time precision 2): the sources give the week, not the day; ACLED codes {day.isoformat()}"
        return f"{before.isoformat()}/{after.isoformat()}", note
    if precision == "3":
        note = "ACLED (time precision 3): the sources give the month, not the day"
        return f"{day.year:04d}-{day.month:02d}", note
    return day.isoformat(), None


def _coordinates(reading: Reading, record: str, latitude: str, longitude: str, precision: str) -> dict[str, str] | None:
    if not latitude and not longitude:
        return None
    found = coordinates_of(reading, record, "latitude, longitude", latitude, longitude)
    if found is not None and precision in GEO_PRECISION:
        found["precision"] = GEO_PRECISION[precision]
    return found


# --- places ------------------------------------------------------------------------------------


@dataclass
class _Place:
    """A place file to be: a location or an area, with the coordinates of its finest row."""

    id: str
    name: str
    column: str  # ACLED's column that names it: location, admin2, admin1 or country
    areas: tuple[str, ...]  # the names of the areas it lies in, smallest first
    part_of: str | None
    record: str  # the first row that names it
    where: dict[str, str] | None = None

    @property
    def location(self) -> bool:
        """A location (with ACLED's coordinates), not an area (ACLED gives none)."""
        return self.column == "location"

    def locates(self, coordinates: dict[str, str]) -> bool:
        """Whether an event at these coordinates is drawn as it should be from its place's:
        the same point, at the town (ACLED's finest; a coarser row may be the only one
        coarser than its place's finest, so it keeps its own precision)."""
        return coordinates.get("precision") == FINEST and coordinates == self.where

    def take(self, coordinates: dict[str, str]) -> None:
        """Keep the first of the finest coordinates a row gives."""
        if self.where is None or _rank(coordinates) < _rank(self.where):
            self.where = coordinates

    def draft(self) -> Draft:
        what = {"location": "A location", "country": "A country"}.get(self.column, f"An area (ACLED's {self.column})")
        within = ", ".join(dict.fromkeys(self.areas))  # Idlib, Idlib, Syria: once
        fields: Fields = {"name": self.name, "summary": f"{what} in {within}" if within else what}
        if self.where is not None:
            fields["coordinates"] = self.where
        if self.part_of:
            fields["part_of"] = self.part_of
        fields["sources"] = [{"id": "acled", "title": "ACLED's locations and areas", "publisher": ACLED}]
        return Draft("place", self.id, fields, f"{what} named in ACLED's events.[^acled]\n", self.record)


def _rank(coordinates: dict[str, str]) -> int:
    """Finest first; coordinates of no known precision after every word."""
    word = coordinates.get("precision")
    return PRECISION_WORDS.index(word) if word in PRECISION_WORDS else len(PRECISION_WORDS)


class _Gazetteer:
    """The places of one import by ACLED's names (the location's with its areas': two
    towns of one name in two provinces are two places), each with an id made from those
    names, so that a later export of the same data names the same files."""

    def __init__(self) -> None:
        self.by_key: dict[tuple[tuple[str, str], ...], _Place] = {}
        self.ids: set[str] = set()

    def place(self, reading: Reading, record: str, areas: list[tuple[str, str, str]], location: str) -> _Place | None:
        """The smallest place a row names (its location, else its smallest area), made
        with the areas it lies in when first met; None when the row names none."""
        key: tuple[tuple[str, str], ...] = ()
        parent: _Place | None = None
        for column, word, name in [*areas, ("location", "town", location)]:
            if not name:
                continue  # a level left blank: the place lies in the next larger one given
            key = (*key, (column, name))
            known = self.by_key.get(key)
            if known is None:
                known = self._new(reading, record, key, word, parent)
                self.by_key[key] = known
            parent = known
        return parent

    def _new(
        self, reading: Reading, record: str, key: tuple[tuple[str, str], ...], word: str, parent: _Place | None
    ) -> _Place:
        names = tuple(name for _, name in reversed(key))
        hashed = hashlib.sha256("\x1f".join(names).encode()).hexdigest()[:10]
        # Its name and its areas', a name repeated by its area once (Idlib, Idlib, Syria).
        wanted = new_id(*dict.fromkeys(names), fallback=f"place-{hashed}")
        place_id = wanted
        if place_id in self.ids:
            place_id = f"{wanted}-{word}"  # named as its area is: the town of Idlib in Idlib
        if place_id in self.ids:
            # Two names that make one id (punctuation, letters beyond ASCII): the second
            # takes a part of its names' digest, the same in every import of the file.
            place_id = f"{wanted[:69]}-{hashed}"
            reading.problem(record, key[-1][0], f"{quoted(names[0])} is a second place named '{wanted}': '{place_id}'")
        self.ids.add(place_id)
        return _Place(place_id, names[0], key[-1][0], names[1:], parent.id if parent else None, record)

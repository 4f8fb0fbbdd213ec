"""The story a TimelineJS import writes beside its events: the timeline as its readers
went through it, one slide after another, so that a newsroom leaving TimelineJS keeps
its story as well as its events.

Its title and summary are the title slide's (the JSON's `title`, the sheet's row of
Type "title"); each of its steps is one slide's event, with the slide's text as the
step's words, citing the imported file as the event does.

The order of the steps is the order TimelineJS showed the slides in, not the order of
the rows or of the JSON's list: TimelineJS sorts every slide by its start date before
it draws anything (`sortByDate` in its TimelineConfig), so the date order is the one its
readers saw, and a sheet's rows are often in the order they were typed.  The sort is
TimelineJS's own: a date's missing month is January and its missing day the first, its
missing time midnight, a month or day past its end runs on into the next (JavaScript's
`Date`), and slides of one moment keep the file's order (JavaScript's sort is stable).
Where the import could not read a date as written (a month 13, kept as the year alone),
the slide keeps the place TimelineJS gave it.  A record TimelineJS would not show (no
year) is no event here either; it is left out of the story too, and said.
"""

from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass
from typing import Any

from generator.commands.importing.drafts import Draft, Reading, new_id, quoted
from generator.pipeline import limits

STEPS = 500  # the most steps a story holds (story.schema.json's maxItems)
SUMMARY = 2_000  # characters of the title slide's text a summary keeps (it is shown as one paragraph)
SOURCE = "import"  # the id of the story's one source: the imported file
_NUMBER = re.compile(r"\s*-?\d{1,12}\s*")  # TimelineJS takes a part matching /^-?\d*$/ (trimmed)
_CLOCK = re.compile(r"\s*(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*([ap])?\.?m?\.?\s*", re.IGNORECASE)
_BLOCK_TAG = re.compile(r"<\s*(?:br|/?p|/?div|/?li|/?h[1-6]|/?blockquote|/?tr)\b[^>]*>", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Slide:
    """An imported event as one slide of the original."""

    moment: int  # where TimelineJS puts it: seconds from 1970-01-01 (see `moment`)
    order: int  # its place in the file, which TimelineJS keeps among slides of one moment
    event: str  # the id of the event it became
    text: str  # the step's words: the slide's text as Markdown, citing the file
    record: str


@dataclass(frozen=True, slots=True)
class TitleSlide:
    headline: str  # plain text
    html: str
    record: str


class Slides:
    """The slides of one import as they are read.  Memory holds what a story can take,
    not the file: past twice that, only the first slides in TimelineJS's order that fit
    in a story (`STEPS` of them, their texts within a file's size) are kept, since a
    slide read later can only push the others further back."""

    def __init__(self) -> None:
        self.title: TitleSlide | None = None
        self.kept: list[Slide] = []
        self.held = 0  # what the kept slides would take of a story's file (see `_cost`)
        self.count = 0  # slides that became events
        self.refused: list[str] = []  # the records of slides that became no event

    def add(self, start: Any, event: str, text: str, record: str) -> None:
        slide = Slide(moment(start), self.count, event, f"{text}[^{SOURCE}]", record)
        self.kept.append(slide)
        self.held += _cost(slide)
        self.count += 1
        if len(self.kept) > 2 * STEPS or self.held > 2 * limits.FILE_BYTES:
            self.kept = _fitting(self.kept, limits.FILE_BYTES)
            self.held = sum(_cost(slide) for slide in self.kept)

    def story(self, reading: Reading) -> None:
        """Hand on the story draft (or say why there is none)."""
        record = self.title.record if self.title else "1"
        if self.refused:
            named = [f"row {found}" if found.isdigit() else found for found in self.refused[:5]]
            more = len(self.refused) - len(named)
            shown = ", ".join(named) + (f" and {more:,} more" if more else "")
            reading.problem(
                record, "story", f"{len(self.refused):,} slide(s) left out, their events refused above: {shown}"
            )
        if not self.kept:
            reading.problem(record, "story", "no story: no slide became an event")
            return
        title = self.title.headline if self.title else ""
        if not title:
            title = reading.file.rsplit(".", 1)[0] or reading.file
            said = "the title slide has no headline" if self.title else "no title slide"
            reading.problem(record, "story", f"{said}: the story is named after the file ({quoted(title)})")
        fields: dict[str, object] = {"title": title}
        summary = _plain(self.title.html) if self.title else ""
        if len(summary) > SUMMARY:
            summary = summary[:SUMMARY].rsplit(" ", 1)[0] + "…"
            reading.problem(record, "text", f"the story's summary is the title slide's first {SUMMARY:,} characters")
        if summary:
            fields["summary"] = summary
        # The title is written twice (its source's title too), and YAML may escape a character.
        room = limits.FILE_BYTES - 4 * _size(title) - 2 * _size(summary)
        fields["steps"] = steps = self._steps(reading, record, room)
        fields["sources"] = [{"id": SOURCE, "title": f"{title} ({reading.file})", "publisher": reading.file}]
        if steps:
            reading.add(Draft("story", new_id(title, fallback="imported-story"), fields, "", record))

    def _steps(self, reading: Reading, record: str, room: int) -> list[dict[str, str]]:
        """The steps, as many as a story and its file hold (each said when reached)."""
        slides = _fitting(self.kept, room - 4096)  # the sources, the stamp and the YAML around them
        steps = [{"event": slide.event, "text": slide.text} for slide in slides]
        if len(steps) < min(self.count, STEPS):
            reading.problem(
                record,
                "story",
                f"the story holds the first {len(steps):,} of {self.count:,} slides: their texts take "
                "all a file may hold; the rest are events but not steps",
            )
        elif self.count > STEPS:
            reading.problem(
                record,
                "story",
                f"the story holds the first {STEPS:,} of {self.count:,} slides (the most a story holds); "
                "the rest are events but not steps",
            )
        return steps


def _fitting(slides: list[Slide], room: int) -> list[Slide]:
    """The first slides in TimelineJS's order, as many as a story holds and `room` bytes take."""
    fitting = []
    for slide in _ordered(slides)[:STEPS]:
        room -= _cost(slide)
        if room < 0:
            break
        fitting.append(slide)
    return fitting


def _cost(slide: Slide) -> int:
    """At most what a step takes of its file: YAML may write a character as an escape."""
    return 2 * _size(slide.event, slide.text) + 32


def _size(*texts: str) -> int:
    return sum(len(text.encode("utf-8")) for text in texts)


def _ordered(slides: list[Slide]) -> list[Slide]:
    return sorted(slides, key=lambda slide: (slide.moment, slide.order))


def moment(start: Any) -> int:
    """Where TimelineJS puts a slide of this start date (a TimelineJS date object), in
    seconds from 1970: what its `TLDate` computes, `new Date(year, month - 1, day, hour,
    minute, second)`, a part it cannot read taken as missing."""
    value = start if isinstance(start, dict) else {}

    def part(name: str, default: int) -> int:
        text = str(value.get(name) if value.get(name) is not None else "")
        return int(text) if _NUMBER.fullmatch(text) else default

    year, month, day = part("year", 0), part("month", 1), part("day", 1)
    hour, minute, second = part("hour", 0), part("minute", 0), part("second", 0)
    clock = _CLOCK.fullmatch(str(value.get("time") or "")) if "hour" not in value else None
    if clock:  # the sheet's Time column, read as TimelineJS's parseTime reads it
        hour, minute, second = (int(found or 0) for found in clock.groups()[:3])
        if clock.group(4):
            hour = hour % 12 + (12 if clock.group(4).lower() == "p" else 0)
    index = month - 1 if 1 <= month <= 12 else month  # TimelineJS leaves any other month as JavaScript's index
    days = _days_from_civil(year + index // 12, index % 12 + 1) + day - 1
    return ((days * 24 + hour) * 60 + minute) * 60 + second


def _days_from_civil(year: int, month: int) -> int:
    """Days from 1970-01-01 to the first of a month of the proleptic Gregorian calendar,
    any year (Howard Hinnant's algorithm; Python's dates stop at year 1)."""
    year -= month <= 2
    era = year // 400
    year_of_era = year - era * 400
    day_of_year = (153 * ((month + 9) % 12) + 2) // 5
    return era * 146_097 + year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year - 719_468


def _plain(html: str) -> str:
    """The title slide's text as the one line a summary is: its words without tags, a
    paragraph or line break a space."""
    text = htmllib.unescape(re.sub(r"<[^>]*>", "", _BLOCK_TAG.sub(" ", html)))
    return re.sub(r"\s+", " ", text).strip()

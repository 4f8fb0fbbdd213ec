"""Dates as editors often write them, and the EDTF they probably meant: the suggestion
in the message when a date is refused ("did you mean '2023-12-25'?")."""

from __future__ import annotations

import calendar
import re

_MONTHS = (
    {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
    | {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name}
    | {"sept": 9}
)
_SEASONS = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}


def suggest_edtf(text: str) -> str | None:
    """The EDTF an editor probably meant by a common way of writing a date, or None."""
    words = text.strip().lower().replace(",", " ").replace(".", " ").split()
    if not words:
        return None
    joined = " ".join(words)
    clock = None
    if re.fullmatch(r"\d{1,2}:\d{2}(:\d{2})?", words[0]):
        clock, words = words[0], words[1:]
    elif len(words) > 1 and re.fullmatch(r"\d{1,2}:\d{2}(:\d{2})?", words[-1]):
        clock, words = words[-1], words[:-1]
    if clock:
        rest = " ".join(words)
        # A day written right (2023-12-25) with a time after a space: the day as it is.
        calendar_day = rest if re.fullmatch(r"\d{4}-\d{2}-\d{2}", rest) else suggest_edtf(rest)
        if calendar_day and re.fullmatch(r"\d{4}-\d{2}-\d{2}", calendar_day):
            parts = clock.split(":")
            return f"{calendar_day}T{int(parts[0]):02d}:{parts[1]}:{parts[2] if len(parts) > 2 else '00'}"
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", joined):
        return None  # a real date, refused for its values: the message says why
    slash = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text.strip())
    if slash:
        first, second, year = (int(value) for value in slash.groups())
        day, month = (second, first) if second > 12 >= first else (first, second)
        return _checked(year, month, day)
    decade = re.fullmatch(r"(?:the )?(\d{3})0(?:s|'s)", joined)
    if decade:
        return f"{decade.group(1)}X"
    circa = re.fullmatch(r"(?:approximately|around|about|circa|ca|c|~) ?(\d.*)", joined)
    if circa:
        plain = re.fullmatch(r"\d{4}(-\d{2}){0,2}", circa.group(1))
        inner = suggest_edtf(circa.group(1)) or (circa.group(1) if plain else None)
        return f"{inner}~" if inner and "/" not in inner else None
    era = re.fullmatch(r"(?:(\d+) ?(bc|bce|b c|b c e|ad|ce|a d|c e)|(ad|a d) ?(\d+))", joined)
    if era:
        number = int(era.group(1) or era.group(4))
        before = (era.group(2) or "").replace(" ", "") in ("bc", "bce")
        if number == 0:
            return None  # there is no year 0 BC or AD
        if before:
            return "0000" if number == 1 else f"-{number - 1:04d}"  # 1 BC is EDTF's 0000
        return f"{number:04d}"
    season = re.fullmatch(r"(spring|summer|autumn|fall|winter) (?:of )?(\d{4})", joined)
    if season:
        return f"{season.group(2)}-{_SEASONS[season.group(1)]}"
    return _named_month(words)


def _named_month(words: list[str]) -> str | None:
    """Dec 2023, December 2023, 25 Dec 2023, Dec 25 2023, 25th December 2023."""
    words = [re.sub(r"^(\d+)(st|nd|rd|th)$", r"\1", word) for word in words if word != "of"]
    months = [index for index, word in enumerate(words) if word in _MONTHS]
    numbers = [word for word in words if word.isdigit()]
    if len(months) != 1 or len(numbers) + 1 != len(words) or not numbers:
        return None
    month = _MONTHS[words[months[0]]]
    years = [int(n) for n in numbers if len(n) == 4]
    days = [int(n) for n in numbers if len(n) <= 2]
    if len(years) != 1 or len(days) > 1:
        return None
    if not days:
        return f"{years[0]:04d}-{month:02d}"
    return _checked(years[0], month, days[0])


def _checked(year: int, month: int, day: int) -> str | None:
    if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange((year - 1) % 400 + 1, month)[1]):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"

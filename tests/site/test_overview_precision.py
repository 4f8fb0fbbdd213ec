"""The histogram never draws an event more precisely than its date: an event known to a
month is not counted in a day's bar (nor linked to a day page that does not exist), at
every resolution the axis takes, for every precision a date can have."""

from __future__ import annotations

import datetime

import pytest

from generator.core.dates import parse_date
from tests.conftest import build_strict, event_file
from tests.site.conftest import broken_links

# Periods whose axis is of days, months, years, decades and centuries.
RESOLUTIONS = {
    "day": (datetime.date(2020, 4, 1), 50),
    "month": (datetime.date(2019, 1, 1), 700),
    "year": (datetime.date(2000, 1, 1), 20 * 365),
    "years:10": (datetime.date(1900, 1, 1), 90 * 365),
    "years:100": (datetime.date(1200, 1, 1), 700 * 365),
}


def dates(first: datetime.date, days: int, coarsest: int = 8) -> list[str]:
    """160 dates (more than the overview draws one by one) of every precision, inside the
    period (on an axis of days only those that keep within two months: `coarsest` 5)."""
    found = []
    for n in range(160):
        day = first + datetime.timedelta(days=n * days // 160)
        later = min(day + datetime.timedelta(days=max(days // 40, 1)), first + datetime.timedelta(days=days))
        form = n % coarsest
        found.append(
            [
                day.isoformat(),  # a day
                day.strftime("%Y-%m"),  # a month
                f"{day.isoformat()}/{later.isoformat()}",  # a range of days
                f"{day.isoformat()}~",  # an approximate day
                f"{day.strftime('%Y-%m')}?",  # an uncertain month
                day.strftime("%Y"),  # a year
                f"{day.strftime('%Y-%m')}/{later.strftime('%Y-%m')}",  # a range of months
                f"{day.strftime('%Y')}-21",  # a season (spring)
            ][form]
        )
    return found


@pytest.mark.parametrize("resolution", list(RESOLUTIONS))
def test_every_bar_is_as_precise_as_its_events_and_leads_to_a_page(tmp_path, resolution):
    first, days = RESOLUTIONS[resolution]
    coarsest = 5 if resolution == "day" else 8
    written = dates(first, days, coarsest)
    events = {f"e{n}.md": event_file(f"Event {n}", date) for n, date in enumerate(written)}
    build = build_strict(tmp_path, events, {}, "plugins:\n  - timeline:\n      page_limit: 20\n")
    picture = build.page("").select_one(".tl-picture svg")
    assert picture["aria-labelledby"]
    bars = picture.select("a.tl-picture__bin")
    assert bars, "past 150 events the overview counts them in bars"
    assert sum(int(bar["aria-label"].rsplit(": ", 1)[1].split()[0]) for bar in bars) == 160
    # Every bar counts exactly the events whose whole time is its own: a bar of one step
    # those that fall within the step, a spread bar those of its period.
    spans = [(date.first_day().script_iso(), date.latest().script_iso()) for date in map(parse_date, written)]
    for bar in bars:
        count = int(bar["aria-label"].rsplit(": ", 1)[1].split()[0])
        start, end = bar["data-first"], bar["data-last"]
        if "tl-picture__bin--spread" in bar["class"]:
            assert count == sum(span == (start, end) for span in spans), bar
        else:
            assert count == sum(start <= low and high <= end for low, high in spans), bar
    # On an axis of days, a one-day bar counts the day-precise events of that day only.
    if resolution == "day":
        day_precise = {}
        for date in dates(first, days, coarsest):
            if len(date.rstrip("~")) == 10:  # a day, exact or approximate
                day_precise[date[:10]] = day_precise.get(date[:10], 0) + 1
        one_day = [bar for bar in bars if bar["data-first"] == bar["data-last"]]
        assert one_day and all("tl-picture__bin--spread" not in bar["class"] for bar in one_day)
        for bar in one_day:
            assert int(bar["aria-label"].rsplit(": ", 1)[1].split()[0]) == day_precise[bar["data-first"]], bar
        spread = [bar for bar in bars if "tl-picture__bin--spread" in bar["class"]]
        assert any(
            bar["data-first"].endswith("-01") and bar["data-last"] >= bar["data-first"][:8] + "28" for bar in spread
        )
    assert broken_links(build.site) == []

"""The plugin's options in mkdocs.yml, typed and checked so that a mistake there fails
with a message naming the option, before any work."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from mkdocs.config import base
from mkdocs.config import config_options as c

from generator.build.search_index import SEARCH_SCOPES
from generator.core.dates import DateError, parse_date
from generator.core.model import Era
from generator.text import load_text
from generator.views.overview import LANE_GROUPINGS


class _WholeNumber(c.Type[int]):
    """A whole number of at least `minimum` (MkDocs' Type(int) also takes `true` and -5)."""

    def __init__(self, minimum: int, default: int):
        super().__init__(int, default=default)
        self.minimum = minimum

    def run_validation(self, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise base.ValidationError(f"Expected a whole number of {self.minimum} or more, but got {value!r}.")
        if value < self.minimum:
            raise base.ValidationError(f"Expected a whole number of {self.minimum} or more, but got {value}.")
        return value


class _Text(c.Type[str]):
    """Text that `check` accepts; `check` raises ValueError with what was expected."""

    def __init__(self, check: Callable[[str], object]):
        super().__init__(str)
        self.check = check

    def run_validation(self, value: object) -> str:
        text = super().run_validation(value)
        try:
            self.check(text)
        except ValueError as error:
            raise base.ValidationError(str(error)) from error
        return text


def _title(text: str) -> None:
    if not text.strip():
        raise ValueError("Expected a title with some text in it; remove the option for the default.")


def _history_url(text: str) -> None:
    if "{path}" not in text or not text.startswith(("https://", "http://")):
        raise ValueError(
            "Expected an address with {path} where the file's path goes, "
            "like https://github.com/OWNER/REPO/commits/main/{path}"
        )


def _locale(text: str) -> None:
    load_text("en", text)  # UnknownLanguageError is a ValueError that names the locale


class _Era(base.BaseConfigOption[Era]):
    """A named period: `{name: Siege of Mosul, date: 2016-10-17/2017-07-20}` (EDTF)."""

    def run_validation(self, value: object) -> Era:
        shape = "Expected an era as {name: <its name>, date: <an EDTF date or period>}"
        if not isinstance(value, dict) or set(value) != {"name", "date"}:
            raise base.ValidationError(f"{shape}, but got {value!r}.")
        name, date = value["name"], value["date"]
        if not isinstance(name, str) or not name.strip():
            raise base.ValidationError(f"{shape}: its name must be some text, but got {name!r}.")
        # YAML reads an unquoted 2016-10-17 as a date and 2016 as a number: both mean their text.
        if isinstance(date, datetime.date) or (isinstance(date, int) and not isinstance(date, bool)):
            date = date.isoformat() if isinstance(date, datetime.date) else str(date)
        if not isinstance(date, str):
            raise base.ValidationError(f"{shape}: the date of {name!r} must be EDTF text, but got {date!r}.")
        try:
            parsed = parse_date(date)
        except DateError as error:
            raise base.ValidationError(f"the date of {name!r}, {date!r}: {error}") from error
        if not parsed.year_known:
            raise base.ValidationError(f"the date of {name!r}, {date!r}: an era needs a year to be drawn.")
        return Era(name.strip(), parsed)


class TimelineConfig(base.Config):
    # Titles of the generated index pages (also the navigation labels when mkdocs.yml
    # lists the pages without titles of their own).  By default, the words of the site's
    # language (theme.language): "Timeline", "Chronologie", ...
    timeline_title = c.Optional(_Text(_title))
    events_title = c.Optional(_Text(_title))
    actors_title = c.Optional(_Text(_title))
    tags_title = c.Optional(_Text(_title))
    places_title = c.Optional(_Text(_title))  # when the chronology has places

    # The CLDR locale dates and numbers are written in, when it is not the site's
    # language (theme.language) itself: en_GB writes "25 December 2023" where en writes
    # "December 25, 2023".  A locale of another language than theme.language is a
    # warning (the plugin's on_config), which --strict makes an error.
    locale = c.Optional(_Text(_locale))

    # How many events the Atom feed carries, newest first.
    feed_size = _WholeNumber(minimum=1, default=100)

    # The most events one listing page shows: a larger timeline, tag or event index is
    # split into a page per year (then per month, per day), or into numbered pages, so that
    # a listing stays light on a phone (how light at 200: bench/NOTES.md, `make bench`).
    page_limit = _WholeNumber(minimum=1, default=200)

    # Named periods drawn as labelled bands on every overview picture, e.g.
    #   eras: [{name: Siege of Mosul, date: '2016-10-17/2017-07-20'}]
    eras = c.ListOfItems(_Era(), default=[])

    # One row per group on the overview pictures: "tags" (a row per tag, the fullest
    # first) or "actor kinds" (people, groups, organisations, states).
    lanes = c.Choice(LANE_GROUPINGS, default="none")

    # What the search index holds of event and actor pages: "full" (their whole text) or
    # "summaries" (title, date, summary, place, actors and tags).  Pagefind's memory grows
    # with the text it indexes: "summaries" lets a chronology too large for the machine's
    # memory be indexed (the figures: README, Scale; bench/NOTES.md).
    search = c.Choice(SEARCH_SCOPES, default="full")

    # A link to each event's and actor's file history, {path} standing for the file's
    # path in the repository: https://github.com/OWNER/REPO/commits/main/{path}
    history_url = c.Optional(_Text(_history_url))

    # The most bytes the whole site may take: GitHub Pages documents a gigabyte for a
    # published site.  A larger site is a warning, and under --strict it is not published.  Another
    # host may allow more.
    size_limit = _WholeNumber(minimum=1, default=1_000_000_000)

    # The most bytes events.json may take as one file (a few thousand events):
    # past it, every open data file is published by year, compressed, in data/ with an
    # index (data/index.json), so that a reader opens the years they need and a large
    # chronology's data stays a small part of the site (`exports.open_data`).
    open_data_limit = _WholeNumber(minimum=1, default=10_000_000)

    # Render the pieces many pages share (the sidebars of pages outside the navigation,
    # an event's card) once per build.  Off only to check that reuse changes no byte.
    reuse_fragments = c.Type(bool, default=True)

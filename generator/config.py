"""The plugin's options in mkdocs.yml, typed and checked so that a mistake there fails
with a message naming the option, before any work."""

from __future__ import annotations

from collections.abc import Callable

from mkdocs.config import base
from mkdocs.config import config_options as c

from generator.text import load_text


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


def _locale(text: str) -> None:
    load_text("en", text)  # UnknownLanguageError is a ValueError that names the locale


class TimelineConfig(base.Config):
    # Titles of the four generated index pages (also the navigation labels when mkdocs.yml
    # lists the pages without titles of their own).  By default, the words of the site's
    # language (theme.language): "Timeline", "Chronologie", ...
    timeline_title = c.Optional(_Text(_title))
    events_title = c.Optional(_Text(_title))
    actors_title = c.Optional(_Text(_title))
    tags_title = c.Optional(_Text(_title))

    # The CLDR locale dates and numbers are written in, when it is not the site's
    # language itself: en_GB writes "25 December 2023" where en writes "December 25, 2023".
    locale = c.Optional(_Text(_locale))

    # How many events the Atom feed carries, newest first.
    feed_size = _WholeNumber(minimum=1, default=100)

    # The most events one listing page shows: a larger timeline, tag or event index is
    # split into a page per year (then per month), or into numbered pages, so that no
    # page grows past a couple of megabytes.
    page_limit = _WholeNumber(minimum=1, default=200)

    # Render the pieces many pages share (the sidebars of pages outside the navigation,
    # an event's card) once per build.  Off only to check that reuse changes no byte.
    reuse_fragments = c.Type(bool, default=True)

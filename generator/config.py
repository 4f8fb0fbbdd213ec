"""The plugin's options in mkdocs.yml, typed and checked so that a mistake there fails
with a message naming the option, before any work."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from generator.text import UnknownLanguageError, load_text


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


class _Title(c.Type[str]):
    """A page title: text with something in it."""

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        title = super().run_validation(value)
        if not title.strip():
            raise base.ValidationError("Expected a title with some text in it; remove the option for the default.")
        return title


class _Locale(c.Type[str]):
    """A CLDR locale Babel knows, such as en_GB or fr_CA."""

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        locale = super().run_validation(value)
        try:
            load_text("en", locale)
        except UnknownLanguageError as error:
            raise base.ValidationError(str(error)) from error
        return locale


class TimelineConfig(base.Config):
    # Titles of the four generated index pages (also the navigation labels when mkdocs.yml
    # lists the pages without titles of their own).  By default, the words of the site's
    # language (theme.language): "Timeline", "Chronologie", ...
    timeline_title = c.Optional(_Title())
    events_title = c.Optional(_Title())
    actors_title = c.Optional(_Title())
    tags_title = c.Optional(_Title())

    # The CLDR locale dates and numbers are written in, when it is not the site's
    # language itself: en_GB writes "25 December 2023" where en writes "December 25, 2023".
    locale = c.Optional(_Locale())

    # How many events the Atom feed carries, newest first.
    feed_size = _WholeNumber(minimum=1, default=100)

    # The most events one listing page shows: a larger timeline, tag or event index is
    # split into a page per year (then per month), or into numbered pages, so that no
    # page grows past a couple of megabytes.
    page_limit = _WholeNumber(minimum=1, default=1000)

    # Render the pieces many pages share (the sidebars of pages outside the navigation,
    # an event's card) once per build.  Off only to check that reuse changes no byte.
    reuse_fragments = c.Type(bool, default=True)

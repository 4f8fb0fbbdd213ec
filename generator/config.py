"""The plugin's options in mkdocs.yml, typed so that a mistake there fails before any work."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class TimelineConfig(base.Config):
    # Titles of the three generated index pages; they are also the navigation labels
    # when mkdocs.yml lists the pages without titles of its own.
    timeline_title = c.Type(str, default="Timeline")
    events_title = c.Type(str, default="Events")
    actors_title = c.Type(str, default="Actors")
    tags_title = c.Type(str, default="Tags")

    # How many events the Atom feed carries, newest first.
    feed_size = c.Type(int, default=100)

    # The most events one listing page shows: a larger timeline, tag or event index is
    # split into a page per year (then per month), or into numbered pages, so that no
    # page grows past a couple of megabytes.
    page_limit = c.Type(int, default=1000)

    # Render the pieces many pages share (the sidebars of pages outside the navigation,
    # an event's card) once per build.  Off only to check that reuse changes no byte.
    reuse_fragments = c.Type(bool, default=True)

"""Every address in the site, made in one place.

A page is addressed by its path from the site root (``events/strike/``, ``""`` for the
home page); MkDocs is handed the same page as ``events/strike/index.md``.  Templates
turn a path into a link with their one filter, ``link`` (relative to the page being
rendered, so the site works from any folder or host); open data and feeds use
`SiteAddress` (absolute once the site's address is known).

Addresses never depend on the site's language: months are numbered, not named.
"""

from __future__ import annotations

import re
import urllib.parse

from ada_url import URL

from generator.core.content import is_index_page

HOME = ""
EVENTS = "events/"
ACTORS = "actors/"
TAGS = "tags/"
FEED = "feed.xml"
EVENTS_JSON = "events.json"
ACTORS_JSON = "actors.json"
TIMELINE_CSV = "timeline.csv"
EVENTS_GEOJSON = "events.geojson"  # the events that have coordinates, for a map
TIMELINEJS_JSON = "timelinejs.json"  # the chronology for TimelineJS
SCHEMAS = "schemas/"
EMBED = "embed/"  # the timeline for other sites' iframes: picture and list, no site header
CORRECTIONS = "corrections/"  # every correction, newest first
CORRECTIONS_FEED = "corrections.xml"  # the same as an Atom feed
SEARCH = "search/"  # the search page (the header's search leads there without JavaScript)
SEARCH_INDEX = "pagefind/"  # Pagefind's files, fetched only when a reader searches

YEAR_NOT_GIVEN = "not-given"  # the year part of a period's address when the sources give none
MONTH_NOT_GIVEN = "month-not-given"


def event(event_id: str) -> str:
    return f"events/{event_id}/"


def actor(actor_id: str) -> str:
    return f"actors/{actor_id}/"


def tag(slug: str) -> str:
    return f"tags/{slug}/"


def events_index(number: int) -> str:
    """The numbered pages of the events index: events/, events/page-2/, ..."""
    return EVENTS if number == 1 else f"{EVENTS}page-{number}/"


def actors_index(number: int) -> str:
    """The numbered pages of the actors index: actors/, actors/page-2/, ..."""
    return ACTORS if number == 1 else f"{ACTORS}page-{number}/"


def year(listing: str, year_key: str) -> str:
    """A year of a listing (the timeline at "", a tag at tags/x/): years/2023/."""
    return f"{listing}years/{year_key}/"


def month(listing: str, year_key: str, month_key: str) -> str:
    return f"{year(listing, year_key)}{month_key}/"


def source_uri(path: str) -> str:
    """The name MkDocs knows a generated page by (use_directory_urls gives it `path`).

    An event or actor page keeps the name of the editor's file (events/strike.md), so that
    a link an editor writes between files (`[…](../actors/iran.md)`) resolves as in an editor."""
    folder, _, rest = path.partition("/")
    name = rest.rstrip("/")
    if folder in (EVENTS.rstrip("/"), ACTORS.rstrip("/")) and name and "/" not in name and not is_index_page(name):
        return f"{folder}/{name}.md"
    return f"{path}index.md"


def with_query(path: str, name: str, value: str) -> str:
    """`path` with `?name=value` (before its #fragment, if any): a view of a page the
    page's own script applies (a filter)."""
    page, hash_mark, fragment = path.partition("#")
    return f"{page}?{urllib.parse.urlencode({name: value})}{hash_mark}{fragment}"


def relative(path: str, base_url: str) -> str:
    """`path` as a link from a page whose way back to the site root is `base_url`
    ("." on the home page, "../.." two folders down; on the 404 page, which may be
    served at any address, the site's own path from its root: "/" or "/chronology/")."""
    if base_url == ".":
        return path or "./"
    return f"{base_url.rstrip('/')}/{path}"


# Characters a site's address may not hold: Material writes it into attributes as it is.
_UNSAFE_IN_ADDRESS = re.compile(r"[\x00-\x20\x7f-\x9f\"'<>`\\{}|^]")


def site_url_problem(site_url: str) -> str | None:
    """What is wrong with `site_url` (mkdocs.yml's, often from SITE_URL), or None: an
    http(s) address as WHATWG URL parsing reads it, with nothing an attribute would have
    to escape (quotes, spaces, angle brackets)."""
    if not site_url:
        return None
    bad = _UNSAFE_IN_ADDRESS.search(site_url)
    if bad:
        char = bad.group(0)
        shown = repr(char) if char.isprintable() and not char.isspace() else f"U+{ord(char):04X}"
        return f"{site_url[:80]!r} holds {shown}; expected an address such as https://owner.github.io/repo/"
    try:
        parsed = URL(site_url)
    except ValueError:
        return f"{site_url[:80]!r} is not an address; expected one such as https://owner.github.io/repo/"
    if parsed.protocol not in ("http:", "https:") or not parsed.hostname:
        return f"{site_url[:80]!r} is not an http or https address; expected one such as https://owner.github.io/repo/"
    return None


class SiteAddress:
    """Addresses for files read outside the site (feeds, JSON, CSV, JSON-LD): absolute
    when the site's address is known, else site-relative."""

    def __init__(self, site_url: str | None):
        self.site_url = site_url.rstrip("/") + "/" if site_url else None

    def __call__(self, path: str) -> str:
        return f"{self.site_url}{path}" if self.site_url else (path or "./")

    def absolute(self, path: str) -> str | None:
        """The full address, or None when the site's address is not configured."""
        return f"{self.site_url}{path}" if self.site_url else None

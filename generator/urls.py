"""Every address in the site, made in one place.

A page is addressed by its path from the site root (``events/strike/``, ``""`` for the
home page); MkDocs is handed the same page as ``events/strike/index.md``.  Templates
turn a path into a link with their one filter, ``link`` (relative to the page being
rendered, so the site works from any folder or host), or ``absolute`` where only a full
address will do; open data and feeds use `SiteAddress` (absolute once the site's
address is known).  The ids of places within a page that other pages or the page's own
marks link to (``#year-2023``, ``#fn:src``) are made here too.

Addresses never depend on the site's language: months are numbered, not named.
"""

from __future__ import annotations

import posixpath
import re
import urllib.parse

from ada_url import URL

from generator.core.content import FILE_KINDS, FOLDERS, INDEX_PAGE, content_file, is_index_page, media_file
from generator.core.model import ActorKind, Coordinates

HOME = ""
EVENTS = f"{FOLDERS['event']}/"
ACTORS = f"{FOLDERS['actor']}/"
PLACES = f"{FOLDERS['place']}/"
STORIES = f"{FOLDERS['story']}/"
TAGS = "tags/"
PLACES = f"{FOLDERS['place']}/"
FEED = "feed.xml"
EVENTS_JSON = "events.json"
ACTORS_JSON = "actors.json"
PLACES_JSON = "places.json"
TIMELINE_CSV = "timeline.csv"
EVENTS_GEOJSON = "events.geojson"  # the events that have coordinates, for a map
PLACES_GEOJSON = "places.geojson"  # the places that have coordinates
EVENTS_KML = "events.kml"  # the events that have coordinates, for Google Earth
TIMELINEJS_JSON = "timelinejs.json"  # the chronology for TimelineJS
DATA = "data/"  # the open data of a large chronology: a folder a year, compressed
DATA_INDEX = f"{DATA}index.json"  # lists every file of data/
SCHEMAS = "schemas/"
EMBED = "embed/"  # the timeline for other sites' iframes: picture and list, no site header
CORRECTIONS = "corrections/"  # every correction, newest first
CORRECTIONS_FEED = "corrections.xml"  # the same as an Atom feed
SEARCH = "search/"  # the search page (the header's search leads there without JavaScript)
SEARCH_INDEX = "pagefind/"  # Pagefind's files, fetched only when a reader searches
RESIZED_FOLDER = "resized"  # content/media/resized/ is kept for the site's scaled images
RESIZED = f"{media_file(RESIZED_FOLDER)}/"  # images scaled for phones
BUILD_RECORD = "build.json"  # the commit, date and generator a site was built with
CHECKSUMS = "SHA256SUMS"  # every file of the site but itself, in `sha256sum -c` form

# The address part of a period the sources do not give (a year is its number, a month
# and a day their two digits).
YEAR_NOT_GIVEN = "not-given"
MONTH_NOT_GIVEN = "month-not-given"  # in a known year
DATE_NOT_GIVEN = "date-not-given"  # under "Year not given": neither month nor day
DAY_NOT_GIVEN = "day-not-given"  # in a known month


def data(name: str) -> str:
    return f"{DATA}{name}"


def data_part(year_part: str, name: str) -> str:
    """A year's part of an open data file: data/2023/events.json.bz2."""
    return f"{DATA}{year_part}/{name}"


def event(event_id: str) -> str:
    return f"{EVENTS}{event_id}/"


def actor(actor_id: str) -> str:
    return f"{ACTORS}{actor_id}/"


def place(place_id: str) -> str:
    return f"{PLACES}{place_id}/"


def story(story_id: str) -> str:
    return f"{STORIES}{story_id}/"


def story_embed(story_id: str) -> str:
    """A story for other sites' iframes: its steps, without the site's header."""
    return f"{story(story_id)}embed/"


def story_step(story_id: str, number: int) -> str:
    """A step's own small page, for sharing: its link previews that step (OpenGraph)."""
    return f"{story(story_id)}step-{number}/"


def step_anchor(number: int) -> str:
    """A story's step, as the address's #fragment that opens the story at it."""
    return f"step-{number}"


def story_at_step(story_id: str, number: int) -> str:
    """A story opened at one of its steps."""
    return f"{story(story_id)}#{step_anchor(number)}"


def tag(slug: str) -> str:
    return f"{TAGS}{slug}/"


def numbered(first: str, number: int) -> str:
    """The numbered pages of a long list whose first page is `first`: events/,
    events/page-2/, ...; a day's page, then its page-2/, ..."""
    return first if number == 1 else f"{first}{INDEX_PAGE}{number}/"


def year_key(year: int | None) -> str:
    """A year's part of an address: its number (astronomical, so 1 BCE is 0)."""
    return YEAR_NOT_GIVEN if year is None else str(year)


def month_key(month: int) -> str:
    return f"{month:02d}"


def day_key(day: int) -> str:
    return f"{day:02d}"


def repeated(key: str, time: int) -> str:
    """The address part of a period met again (`time` 2, 3, ...) after others in the
    same list (`follows:` can interleave events whose dates are not given): 07-2."""
    return key if time == 1 else f"{key}-{time}"


def below(period: str, key: str) -> str:
    """The page of a period one level below the page `period`: a month of a year, a day
    of a month."""
    return f"{period}{key}/"


def year(listing: str, key: str) -> str:
    """A year of a listing (the timeline at "", a tag at tags/x/): years/2023/."""
    return below(f"{listing}years/", key)


def month(listing: str, year_part: str, month_part: str) -> str:
    return below(year(listing, year_part), month_part)


def day(listing: str, year_part: str, month_part: str, day_part: str) -> str:
    return below(month(listing, year_part, month_part), day_part)


def year_anchor(key: str) -> str:
    """The id of a year's heading on a listing page."""
    return f"year-{key}"


def month_anchor(year_part: str, month_part: str) -> str:
    """The id of a month's heading on a listing page."""
    return f"{year_anchor(year_part)}-{month_part}"


def kind_anchor(kind: ActorKind) -> str:
    """The id of a kind's heading on the actors index."""
    return f"kind-{kind}"


def at(path: str, anchor: str) -> str:
    """A place within a page: its path and the id of an element on it."""
    return f"{path}#{anchor}"


def footnote(source_id: str) -> str:
    """A link, within its page, to a source's entry in the list of sources (the id
    Python-Markdown's footnotes give it)."""
    return f"#fn:{source_id}"


def correction_mark(source_id: str) -> str:
    """The id of a correction's first mark that cites a source (the list of sources
    links back to it when the body does not cite that source)."""
    return f"correction-cites-{source_id}"


def affiliation_mark(source_id: str) -> str:
    """The same for an affiliation's first mark."""
    return f"affiliation-cites-{source_id}"


def citation_key(page: str, source_id: str) -> str:
    """What a page's footnote says before the source list extension writes the citation
    in its place: the page and the source (see `cited`)."""
    return at(page, source_id)


def cited(key: str) -> tuple[str, str]:
    """The page and the source a `citation_key` names."""
    page, _, source_id = key.partition("#")
    return page, source_id


def geo(where: Coordinates) -> str:
    """A place on a map, for the reader's map application (RFC 5870)."""
    return f"geo:{where.latitude},{where.longitude}"


def media(name: str) -> str:
    """An image of content/media/, published under its own name (written again, without its metadata)."""
    return media_file(name)


def resized(name: str, width: int) -> str:
    """An image of content/media/ scaled to `width` pixels; it keeps its folders, so that
    map.png in two folders stays two images."""
    stem, suffix = posixpath.splitext(name)
    return f"{RESIZED}{stem}-{width}{suffix}"  # map.png and map.PNG are two images


def schema(name: str) -> str:
    """A frontmatter schema, published for editors' tools."""
    return f"{SCHEMAS}{name}"


def file_history(template: str, path: str) -> str:
    """The history of a file in its repository: the `history_url` option, {path} standing
    for the file's path from the repository's root."""
    return template.replace("{path}", path)


def source_uri(path: str) -> str:
    """The name MkDocs knows a generated page by (use_directory_urls gives it `path`).

    An event or actor page keeps the name of the editor's file (events/strike.md), so that
    a link an editor writes between files (`[…](../actors/iran.md)`) resolves as in an editor."""
    folder, _, rest = path.partition("/")
    name = rest.rstrip("/")
    for kind in FILE_KINDS:
        if folder == FOLDERS[kind] and name and "/" not in name and not is_index_page(name):
            return content_file(kind, name)
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

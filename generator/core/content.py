"""What an editor's content folder looks like: a folder per kind of file, ids taken from
file names, and the placeholder that new files carry until an editor fills them in.

Every stage that names files or ids (load, validate, link, the scaffold, the URLs) takes
these rules from here, so that they are stated once.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal, get_args

FileKind = Literal["event", "actor", "place", "story"]  # what an editor's file holds
FILE_KINDS: tuple[FileKind, ...] = get_args(FileKind)
# kind of file -> its folder under content/
FOLDERS: dict[FileKind, str] = {"event": "events", "actor": "actors", "place": "places", "story": "stories"}
# A chronology without places or stories has no places/ or stories/ folder.
OPTIONAL: frozenset[FileKind] = frozenset({"place", "story"})
MEDIA = "media"  # images pages show, published as they are
MEDIA_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif"})  # no SVG: it can hold script
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PLACEHOLDER = "FILL IN"  # the scaffold writes it; validation refuses any value that still has it
INDEX_PAGE = "page-"  # the numbered pages of the events and actors indexes: events/page-2/


def content_file(kind: FileKind, file_id: str) -> str:
    """An event's or actor's file, from the content folder: events/strike.md."""
    return f"{FOLDERS[kind]}/{file_id}.md"


def media_file(name: str) -> str:
    """An image of content/media/, from the content folder: media/map.png."""
    return f"{MEDIA}/{name}"


def slugify(name: str) -> str:
    """The id a file name or title would have: lowercase ASCII words joined by hyphens."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.casefold()).strip("-")


def is_index_page(name: str) -> bool:
    """Whether `name` under events/ or actors/ is a page of that index (index, page-2,
    page-3, ...): no event or actor may take one of these ids, or its page would take
    the index's place."""
    return name == "index" or (name.startswith(INDEX_PAGE) and name.removeprefix(INDEX_PAGE).isdigit())


def tag_slug(name: str) -> str:
    """A tag's part of its page's address, readable in any script and never empty:
    "Airstrike" -> "airstrike", "Café" -> "cafe", "غارة" -> "غارة", "空袭" -> "空袭",
    "💥" -> "u1f4a5".  Tags that differ only in case or punctuation share a slug."""
    plain = "".join(char for char in unicodedata.normalize("NFKD", name) if unicodedata.category(char) != "Mn")
    if plain.isascii() and slugify(name):
        return slugify(name)
    words = re.sub(r"[\W_]+", "-", unicodedata.normalize("NFKC", name).casefold()).strip("-")
    return words or "u" + "-u".join(f"{ord(char):x}" for char in name if not char.isspace())


# A footnote reference in an editor's text, [^id] (not a definition, [^id]:).
FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]+)\](?!:)")

"""Editors' HTML, cut down to what a chronology needs (nh3, the Ammonia sanitiser).

Python-Markdown passes raw HTML in a body straight through, and a Markdown link may
point at ``javascript:``.  Every page's rendered body goes through `clean_body`, so
scripts, event handlers, frames, objects, styles and forms never reach a reader, and
links keep only http(s), mailto and relative targets.  Images must come from the site
itself: a reader's browser should not be sent to a third party by a page.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import nh3

TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "dd",
    "del",
    "details",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
}
ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir"},
    "a": {"href", "rel", "aria-label"},
    "img": {"src", "alt", "width", "height", "loading"},
    "ol": {"start", "reversed"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "time": {"datetime"},
    "blockquote": {"cite"},
    "q": {"cite"},
}
URL_SCHEMES = {"http", "https", "mailto"}
# Removed with everything inside them, not just unwrapped.
DROPPED_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "form", "template", "noscript", "svg", "math"}


def clean_body(html: str) -> str:
    return _BODY.clean(html)


def clean_text(html: str) -> str:
    """HTML reduced to its text (escaped), for places such as the table of contents."""
    return _TEXT.clean(html)


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "id" and value.startswith("__"):
        return None  # Material's scripts look up ids such as __config; content must not shadow them
    if tag == "img" and attribute == "src":
        parts = urlsplit(value)
        if parts.scheme or parts.netloc:
            return None  # only images from the site itself
    return value


# Built once: a cleaner compiles its rules, and a site cleans thousands of pages.
_BODY = nh3.Cleaner(
    tags=TAGS,
    clean_content_tags=DROPPED_WITH_CONTENT,
    attributes=ATTRIBUTES,
    attribute_filter=_filter_attribute,
    url_schemes=URL_SCHEMES,
    link_rel=None,  # keep MkDocs' own links as they are; rel is allowed where editors set it
)
_TEXT = nh3.Cleaner(tags=set(), clean_content_tags=DROPPED_WITH_CONTENT)

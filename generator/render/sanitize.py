"""Editors' HTML, cut down to what a chronology needs (nh3, the Ammonia sanitiser).

Python-Markdown passes raw HTML in a body straight through, and a Markdown link may
point at ``javascript:``.  Every page's rendered body goes through `clean_body`, so
scripts, event handlers, frames, objects, styles and forms never reach a reader, and
links keep only http(s), mailto and relative targets.  Images must come from the site
itself: a reader's browser should not be sent to a third party by a page.

Each block of the cleaned body that holds an editor's text then takes its direction from
its own first letter (`dir="auto"`): an English paragraph on an Arabic page is laid out
left to right, its full stop at its end, and an Arabic one on an English page the other
way.
"""

from __future__ import annotations

import re
from itertools import pairwise

import nh3
from ada_url import URL

TAGS = {
    "a",
    "abbr",
    "b",
    "bdi",
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
    "*": {"id", "title", "lang", "dir"},
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
# Only the classes a body's own markup needs (footnotes, the source list, heading
# permalinks, tables): a class of Material's (md-header, md-banner) would let a body
# dress itself as the site's header or a banner.
CLASSES = {
    "div": {"footnote"},
    "a": {"footnote-ref", "footnote-backref", "headerlink", "tl-permalink", "tl-source__link", "tl-source__archive"},
    "cite": {"tl-source__title"},
}
_SITE = "https://site.invalid/"  # a stand-in for the site's own address, to resolve relative URLs against
_SITE_ORIGIN = URL(_SITE).origin
# Removed with everything inside them, not just unwrapped.
DROPPED_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "form", "template", "noscript", "svg", "math"}


def clean_body(html: str) -> str:
    return directed(_BODY.clean(html))


def clean_text(html: str) -> str:
    """HTML reduced to its text (escaped), for places such as the table of contents."""
    return _TEXT.clean(html)


# The blocks (and lists and tables, whose items and columns run the same way) that
# `directed` gives dir="auto".
DIRECTED = frozenset(
    {"p", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "table", "caption", "th", "td", "figcaption", "summary"}
    | {f"h{level}" for level in range(1, 7)}
)
# The cleaner's output, token by token: text (never holding '<', which it writes as &lt;),
# or a tag whose attributes are all written name="value" (a '"' in a value as &quot;).
_TOKEN = re.compile(r'[^<]+|<(/?)([a-z][a-z0-9]*)((?: [a-z][a-z0-9-]*="[^"]*")*)>')


def directed(html: str) -> str:
    """Cleaned HTML with dir="auto" on every block that sets no direction of its own,
    outside the list of sources (the footnotes' <div class="footnote">): its entries are
    the site's sentences, in the page's direction, around a source's title and publisher,
    which the source list isolates itself.

    The HTML is read token by token as the cleaner writes it, so a '<p' inside an
    attribute's value is never taken for a tag; anything else read there leaves the HTML
    as it is (its directions only are lost)."""
    cuts = []
    position, sources_depth = 0, 0  # how deep in the list of sources' <div>s
    while position < len(html):
        token = _TOKEN.match(html, position)
        if token is None:
            return html
        closing, name, attributes = token.groups()
        if name == "div" and (sources_depth or ' class="footnote"' in attributes):
            sources_depth += -1 if closing else 1
        elif name in DIRECTED and not closing and not sources_depth and ' dir="' not in attributes:
            cuts.append(token.end(2))
        position = token.end()
    ends = [0, *cuts, len(html)]
    return ' dir="auto"'.join(html[start:end] for start, end in pairwise(ends))


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "dir":
        return value if value.lower() in ("ltr", "rtl", "auto") else None
    if attribute == "id" and value.startswith("__"):
        return None  # Material's scripts look up ids such as __config; content must not shadow them
    if attribute in ("src", "href", "cite"):
        # Judged as a browser reads it (the WHATWG URL standard, by ada): "/\\evil.example/x"
        # and "//evil.example/x" are another host's, "java\tscript:" is javascript:.
        try:
            url = URL(value, _SITE)
        except ValueError:
            return None
        if attribute == "src" and url.origin != _SITE_ORIGIN:
            return None  # only images from the site itself
        if url.protocol not in ("http:", "https:", "mailto:"):
            return None
    return value


# Built once: a cleaner compiles its rules, and a site cleans thousands of pages.
_BODY = nh3.Cleaner(
    tags=TAGS,
    clean_content_tags=DROPPED_WITH_CONTENT,
    attributes=ATTRIBUTES,
    attribute_filter=_filter_attribute,
    url_schemes=URL_SCHEMES,
    allowed_classes=CLASSES,
    link_rel=None,  # keep MkDocs' own links as they are; rel is allowed where editors set it
)
_TEXT = nh3.Cleaner(tags=set(), clean_content_tags=DROPPED_WITH_CONTENT)

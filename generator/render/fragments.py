"""Rendered template fragments, reused within one build.

Thousands of pages show the same pieces: every event page has the same navigation
sidebar, and an event's card appears on its year page, its tag pages and beside
related events.  Rendering each piece once per build, instead of once per page, keeps
a chronology's build close to a plain MkDocs build of as many pages (see `make bench`).

A fragment may be reused only where its HTML is the same byte for byte, so its key
names everything the HTML depends on: the view it prints (an `EventCard`, an
`EventLink`: frozen data, so equal views print equal HTML) and the page's depth, since
our templates write links relative to the page through its ``base_url`` (the same for
every page at one depth; see the ``link`` filter).  `nav_fragment_key` keeps Material's
sidebar (written with MkDocs' ``url``) to pages for which the relative links cannot differ.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import TypeAlias

from markupsafe import Markup
from mkdocs.structure.toc import AnchorLink

# What a sidebar of headings depends on: each heading's title, link, level and subheadings.
TocSignature: TypeAlias = tuple[tuple[str, str, int, "TocSignature"], ...]
# ("site_nav", folder, headings, hidden sidebars): see `nav_fragment_key`.
NavFragmentKey: TypeAlias = tuple[str, str, TocSignature, str]


class FragmentCache:
    """A Jinja global: ``{% call fragment(key...) %}…{% endcall %}`` renders the body
    the first time a key is seen and returns the same HTML for the rest of the build.
    A new cache is made for every build (see the plugin's on_env)."""

    def __init__(self) -> None:
        # Kept as plain strings: str subclasses such as Markup are objects the garbage
        # collector has to visit on every full collection, and a large site has many.
        self._fragments: dict[tuple[Hashable, ...], str] = {}

    def __call__(self, *key: Hashable, caller: Callable[[], str]) -> Markup:
        html = self._fragments.get(key)
        if html is None:
            html = self._fragments[key] = str(caller())
        return Markup(html)


def render_every_time(*key: Hashable, caller: Callable[[], str]) -> Markup:
    """`FragmentCache`'s stand-in when reuse is switched off (``reuse_fragments: false``)."""
    return Markup(caller())


def nav_fragment_key(
    page_url: str, nav_urls: Iterable[str], toc: Iterable[AnchorLink], meta: Mapping[str, object]
) -> NavFragmentKey | None:
    """The key under which a page kept out of the navigation may share its sidebars
    (Material's site_nav block) with other pages, or None if it may not.

    The navigation sidebar links to the pages in the navigation with relative URLs.
    From pages in one folder (events/a/, events/b/) those are the same, unless a
    link leads into the page itself; the table of contents sidebar is the page's own
    headings, which many pages share (an event page usually has only "Sources")."""
    if any(url.startswith(page_url) for url in nav_urls):
        return None
    folder = posixpath.dirname(page_url.rstrip("/"))
    return ("site_nav", folder, toc_signature(toc), repr(meta.get("hide")))


def toc_signature(items: Iterable[AnchorLink]) -> TocSignature:
    return tuple((str(item.title), item.url, item.level, toc_signature(item.children)) for item in items)

"""The navigation: the key under which pages may share Material's sidebars (its
``site_nav`` block), and the indexes mkdocs.yml may list that a chronology may not have.

Every event page has the same navigation sidebar; rendered once per key instead of once
per page (through the render step's fragment cache), it costs a large chronology almost
nothing.  The key is MkDocs' business (its navigation and table of contents), so it lives
here, beside the plugin.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping
from typing import TypeAlias

from mkdocs.structure.toc import AnchorLink

# What a sidebar of headings depends on: each heading's title, link, level and subheadings.
TocSignature: TypeAlias = tuple[tuple[str, str, int, "TocSignature"], ...]
# ("site_nav", folder, headings, hidden sidebars): see `nav_fragment_key`.
NavFragmentKey: TypeAlias = tuple[str, str, TocSignature, str]


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


def nav_without(nav: list[object], absent: frozenset[str]) -> list[object]:
    """mkdocs.yml's `nav` without the entries that name a page of `absent` (an index the
    chronology does not have, such as the places index of one without places: MkDocs
    would warn of a missing page, and --strict refuse the build).  Entries are as
    mkdocs.yml writes them: a page's name, or {title: name}; sections are kept."""
    kept: list[object] = []
    for entry in nav:
        target = next(iter(entry.values())) if isinstance(entry, dict) and len(entry) == 1 else entry
        if isinstance(target, str) and target in absent:
            continue
        kept.append(entry)
    return kept

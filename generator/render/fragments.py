"""Rendered template fragments, reused within one build.

Thousands of pages show the same pieces: an event's card appears on its year page, its
tag pages and beside related events.  Rendering each piece once per build, instead of
once per page, keeps a chronology's build close to a plain MkDocs build of as many pages.

A fragment may be reused only where its HTML is the same byte for byte, so its key
names everything the HTML depends on: the view it prints (an `EventCard`, an
`EventLink`: frozen data, so equal views print equal HTML) and the page's depth, since
our templates write links relative to the page through its ``base_url`` (the same for
every page at one depth; see the ``link`` filter).  Material's sidebars, which MkDocs
writes, are keyed in `generator.build.navigation`.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from markupsafe import Markup


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

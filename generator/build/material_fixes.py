"""Mend the few pieces of Material's own markup that fail the HTML and accessibility checks.

They sit in Material's base template, outside any block a theme can
override, so forking those files would be the only other way; each fix replaces one
exact piece of markup (plain string replacement: it runs on every page), and the HTML
and accessibility tests fail if Material changes the markup it expects.
"""

from __future__ import annotations

FIXES = (
    # HTML allows autocomplete only on text-like inputs; Material sets it on its drawer
    # and search checkboxes (the Nu HTML Checker reports it on every page).
    (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">',
    ),
    (
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">',
    ),
)


def mend(html: str) -> str:
    """The page, mended."""
    for markup, mended in FIXES:
        html = html.replace(markup, mended, 1)
    return html

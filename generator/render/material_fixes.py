"""Mend the few pieces of Material's own markup that fail the HTML and accessibility checks.

They sit in Material's base template and search partial, outside any block a theme can
override, so forking those files would be the only other way; each fix replaces one
exact piece of markup (plain string replacement: it runs on every page), and the HTML
and accessibility tests fail if Material changes the markup it expects.
"""

from __future__ import annotations

from functools import cache

from markupsafe import escape

from generator.text import Text


@cache
def fixes(text: Text) -> tuple[tuple[str, str], ...]:
    search = escape(text.gettext("Search"))
    return (
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
        # A dialog needs an accessible name (axe-core: aria-dialog-name).
        (
            '<div class="md-search" data-md-component="search" role="dialog">',
            f'<div class="md-search" data-md-component="search" role="dialog" aria-label="{search}">',
        ),
    )


def mend(html: str, text: Text) -> str:
    for markup, mended in fixes(text):
        html = html.replace(markup, mended, 1)
    return html

"""Mend the few pieces of Material's own markup that fail the HTML and accessibility checks,
or the reading of an editor's text.

They sit in Material's base template, outside any block a theme can
override, so forking those files would be the only other way; each fix replaces one
exact piece of markup (plain string replacement: it runs on every page), and the HTML
and accessibility tests fail if Material changes the markup it expects.
"""

from __future__ import annotations

from html import escape

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
# The header shows the page's title, an editor's text on event and actor pages: it takes
# its direction from its first letter, like the page's heading, and its file's language.
HEADER_TITLE = '<div class="md-header__topic" data-md-component="header-topic">\n          <span class="md-ellipsis"'


def mend(html: str, title_lang: str | None = None) -> str:
    """The page, mended; `title_lang` is the language of its title, when its file names one."""
    for markup, mended in FIXES:
        html = html.replace(markup, mended, 1)
    lang = f' lang="{escape(title_lang)}"' if title_lang else ""
    return html.replace(f"{HEADER_TITLE}>", f'{HEADER_TITLE} dir="auto"{lang}>', 1)

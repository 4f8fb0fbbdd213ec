"""Mend the few pieces of Material's own markup that fail the HTML and accessibility checks.

They sit in Material's base template and search partial, outside any block a theme can
override, so forking those files would be the only other way; each fix is one exact
pattern, and a test fails if Material changes the markup it expects.
"""

from __future__ import annotations

import re

FIXES = (
    # HTML allows autocomplete only on text-like inputs; Material sets it on its drawer
    # and search checkboxes (the Nu HTML Checker reports it on every page).
    (re.compile(r'(<input class="md-toggle"[^>]*?) autocomplete="off"'), r"\1"),
    # A dialog needs an accessible name (axe-core: aria-dialog-name).
    (re.compile(r'<div class="md-search" data-md-component="search" role="dialog">'),
     '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">'),
)


def mend(html: str) -> str:
    for pattern, replacement in FIXES:
        html = pattern.sub(replacement, html)
    return html

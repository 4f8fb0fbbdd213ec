"""Every page's HTML, minified (minify-html) before MkDocs writes it.

A large chronology publishes tens of thousands of pages, and the templates' indentation
and Material's whitespace were a tenth of each.  The minifier removes what a browser never
shows: whitespace between blocks, runs of spaces, comments, quotes an attribute's value
does not need.  It keeps what the site's own tools and readers rely on:

- every closing tag, and the <html> and <head> tags: the tests and any script that reads
  the pages parse them without HTML's rules for omitted tags;
- the text of <pre>, <textarea> and every <script> as written: the JSON of the page's
  schema.org data and of Material's settings is never rewritten (`minify_js` is off);
- spaces between attributes, a doctype that validators accept.

It is deterministic (it sorts attributes), so builds stay byte-identical.
"""

from __future__ import annotations

import minify_html


def minified(html: str) -> str:
    return minify_html.minify(
        html,
        keep_closing_tags=True,
        keep_html_and_head_opening_tags=True,
        minify_css=False,
        minify_js=False,
    )

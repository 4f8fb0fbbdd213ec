"""Every page's HTML, minified (minify-html) before MkDocs writes it.

A large chronology publishes tens of thousands of pages, and the templates' indentation
and Material's whitespace were a tenth of each.  The minifier removes what a browser never
shows: whitespace between blocks, runs of spaces, comments, quotes an attribute's value
does not need.  It keeps what the site's own tools and readers rely on:

- every closing tag, and the <html> and <head> tags: the tests and any script that reads
  the pages parse them without HTML's rules for omitted tags;
- the text of <pre>, <textarea> and every <script> as written: the JSON of the page's
  schema.org data and of Material's settings is never rewritten (`minify_js` is off);
- spaces between attributes, a doctype that validators accept;
- the page's <title> as escaped as MkDocs wrote it: the minifier writes a title's '<' and
  '>' as they are (a browser reads a title as text), but a reader of HTML that does not
  know that rule (BeautifulSoup's html.parser, which the tests use) would see an editor's
  "<script>" there as an element.

It is deterministic (it sorts attributes), so builds stay byte-identical.
"""

from __future__ import annotations

import re

import minify_html

_TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)


def minified(html: str) -> str:
    head = html.find("</head>")
    title = _TITLE.search(html, 0, head if head >= 0 else len(html))
    small = minify_html.minify(
        html,
        keep_closing_tags=True,
        keep_html_and_head_opening_tags=True,
        minify_css=False,
        minify_js=False,
    )
    opening = small.find("<title>")
    if title is None or opening < 0:
        return small
    # In the minified page the title's end is the first "</title>": one in its text stays "&lt;/title".
    start = opening + len("<title>")
    end = small.find("</title>", start)
    return small[:start] + " ".join(title.group(1).split()) + small[end:]

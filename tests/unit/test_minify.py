"""The minifier every page goes through (build/minify.py) keeps what readers and tools rely on."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup

from generator.build.minify import minified

PAGE = """<!doctype html>
<html lang="en">
  <head>
    <script type="application/ld+json">{"name": "A  B", "about": [1,  2]}</script>
    <script id="__config" type="application/json">{"base": "..",  "x": "<\\u002f"}</script>
  </head>
  <body>
    <!-- a comment -->
    <ul>
      <li><a class="tl-actor-link" href="../a/" dir="auto">A</a> <span class="tl-role">(role)</span></li>
      <li><p>One   two</p></li>
    </ul>
    <pre>  kept
    as is</pre>
  </body>
</html>
"""


def test_closing_tags_html_and_head_are_kept():
    html = minified(PAGE)
    assert html.startswith("<!doctype html><html lang=en><head>")
    assert "</li>" in html and "</p>" in html and "</head>" in html and "</body></html>" in html
    assert "a comment" not in html and "\n    <ul>" not in html


def test_scripts_and_pre_keep_their_text():
    html = minified(PAGE)
    soup = BeautifulSoup(html, "html.parser")
    data = soup.select_one("script[type='application/ld+json']").string
    assert data == '{"name": "A  B", "about": [1,  2]}' and json.loads(data)["name"] == "A  B"
    assert soup.select_one("#__config").string == '{"base": "..",  "x": "<\\u002f"}'
    assert soup.pre.string == "  kept\n    as is"


def test_words_keep_their_spaces():
    soup = BeautifulSoup(minified(PAGE), "html.parser")
    assert soup.li.get_text() == "A (role)"
    assert soup.p.get_text() == "One two"


def test_the_same_page_is_minified_to_the_same_bytes():
    # Attributes are written in one order, whatever their order in the template.
    swapped = PAGE.replace(
        'class="tl-actor-link" href="../a/" dir="auto"', 'dir="auto" href="../a/" class="tl-actor-link"'
    )
    assert minified(PAGE) == minified(PAGE) == minified(swapped)


def test_the_title_keeps_its_escapes():
    """A browser reads a title as text, but html.parser would read "<script>" there as an element."""
    page = "<html><head><title>&lt;/title&gt;&lt;script&gt;alert(8)&lt;/script&gt; - Site</title></head><body></body></html>"
    html = minified(page)
    assert "<title>&lt;/title&gt;&lt;script&gt;alert(8)&lt;/script&gt; - Site</title>" in html
    soup = BeautifulSoup(html, "html.parser")
    assert soup.title.get_text() == "</title><script>alert(8)</script> - Site" and soup.find("script") is None

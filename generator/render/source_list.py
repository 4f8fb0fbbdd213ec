"""A Python-Markdown extension that turns the footnotes into a page's list of sources.

The footnotes extension ends a page with a bare ``<div class="footnote"><hr><ol>``.
Readers (and screen-reader users jumping by heading) need to know the list is the
page's sources, and a citation needs an address of its own: this adds a "Sources"
heading over the list and a permalink to each entry.  It runs after the footnote tree
processors and before the table of contents, so the heading gets an id, a permalink
and a place in the page's table of contents.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor


class _SourceList(Treeprocessor):
    def __init__(self, md: Markdown, title: str):
        super().__init__(md)
        self.title = title

    def run(self, root: etree.Element) -> None:
        for div in root.iter("div"):
            if div.get("class") == "footnote":
                self._head(div)
                for number, item in enumerate(div.iter("li"), start=1):
                    self._permalink(item, number)
                return

    def _head(self, div: etree.Element) -> None:
        rule = div.find("hr")
        if rule is not None:
            div.remove(rule)
        heading = etree.Element("h2")
        heading.text = self.title
        div.insert(0, heading)

    @staticmethod
    def _permalink(item: etree.Element, number: int) -> None:
        if not item.get("id"):
            return
        paragraphs = item.findall("p")
        parent = paragraphs[-1] if paragraphs else item
        link = etree.SubElement(parent, "a", {
            "class": "tl-permalink",
            "href": f"#{item.get('id')}",
            "title": "Permanent link to this source",
            "aria-label": f"Permanent link to source {number}",
        })
        link.text = "#"
        link.tail = None


class SourceListExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"title": ["Sources", "Heading placed over the footnotes"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API)
        # After 'footnote-duplicate' (15), before 'toc' (5).
        md.treeprocessors.register(_SourceList(md, self.getConfig("title")), "timeline-source-list", 10)

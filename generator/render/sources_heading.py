"""A Python-Markdown extension that puts a "Sources" heading over the footnotes.

The footnotes extension ends a page with a bare ``<div class="footnote"><hr><ol>``;
readers (and screen-reader users jumping by heading) need to know that list is the
page's sources.  Runs after the footnote tree processors and before the table of
contents, so the heading gets an id, a permalink and a place in the page's TOC.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor


class _SourcesHeading(Treeprocessor):
    def __init__(self, md: Markdown, title: str):
        super().__init__(md)
        self.title = title

    def run(self, root: etree.Element) -> None:
        for div in root.iter("div"):
            if div.get("class") == "footnote":
                rule = div.find("hr")
                if rule is not None:
                    div.remove(rule)
                heading = etree.Element("h2")
                heading.text = self.title
                div.insert(0, heading)
                return


class SourcesHeadingExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"title": ["Sources", "Heading placed over the footnotes"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API)
        # After 'footnote-duplicate' (15), before 'toc' (5).
        md.treeprocessors.register(_SourcesHeading(md, self.getConfig("title")), "timeline-sources-heading", 10)

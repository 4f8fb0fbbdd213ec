"""A Python-Markdown extension that turns the footnotes into a page's list of sources.

The footnotes extension ends a page with a bare ``<div class="footnote"><hr><ol>``.
Readers (and screen-reader users jumping by heading) need to know the list is the
page's sources, and a citation needs an address of its own: this adds a "Sources"
heading over the list, writes each source's citation (title, publisher, date, link)
into its entry, and adds a permalink to each entry.  It runs after the footnote and
inline tree processors and before the table of contents, so the heading gets an id, a
permalink and a place in the page's table of contents, and editors' text in a citation
is never read as Markdown: it goes into the tree as text, escaped when serialised.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree  # noqa: N813 (the name Python-Markdown uses)
from collections.abc import Callable, Mapping

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, STX

from generator.model import Source
from generator.render.dates import date_label

SourcesOfPage = Callable[[], Mapping[str, Source]]


class _SourceList(Treeprocessor):
    def __init__(self, md: Markdown, title: str, sources: SourcesOfPage):
        super().__init__(md)
        self.title = title
        self.sources = sources

    def run(self, root: etree.Element) -> None:
        for div in root.iter("div"):
            if div.get("class") == "footnote":
                self._head(div)
                sources = self.sources()
                for number, item in enumerate(div.iter("li"), start=1):
                    source = sources.get(item.get("id", "").removeprefix("fn:"))
                    if source is not None:
                        _cite(item, source)
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
        link = etree.SubElement(
            parent,
            "a",
            {
                "class": "tl-permalink",
                "href": f"#{item.get('id')}",
                "title": "Permanent link to this source",
                "aria-label": f"Permanent link to source {number}",
            },
        )
        link.text = "#"
        link.tail = None


def _cite(item: etree.Element, source: Source) -> None:
    """Replace the bare id the footnote shows (see `render.markdown`) with the citation:
    <cite>Title</cite>, Publisher, date. <a href=url>url</a>, before the back-link."""
    paragraph = item.find("p")
    if paragraph is None or not (paragraph.text or "").startswith(source.id):
        return
    after_id = paragraph.text[len(source.id) :]  # the footnotes extension's space before its back-link
    cite = etree.Element("cite", {"class": "tl-source__title"})
    cite.text = _text(source.title)
    details = [_text(source.publisher)]
    if source.published is not None:
        details.append(date_label(source.published))
    cite.tail = ", " + ", ".join(details) + "."
    paragraph.text = None
    paragraph.insert(0, cite)
    if source.url:
        cite.tail += " "
        link = etree.Element("a", {"class": "tl-source__link", "href": _text(source.url)})
        link.text = _text(source.url)
        link.tail = after_id
        paragraph.insert(1, link)
    else:
        cite.tail += after_id


def _text(value: str) -> str:
    # Python-Markdown marks its placeholders with these two characters and strips them
    # from the Markdown it is given; text put straight into the tree must not carry them.
    return value.replace(STX, "").replace(ETX, "")


class SourceListExtension(Extension):
    """`sources` gives the sources of the page being converted, by id (MkDocs converts
    one page at a time, after the plugin's on_page_markdown has named it)."""

    def __init__(self, sources: SourcesOfPage = dict, **kwargs):
        self.config = {"title": ["Sources", "Heading placed over the footnotes"]}
        self.sources = sources
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API)
        # After 'footnote-duplicate' (15) and 'inline' (20), before 'toc' (5).
        md.treeprocessors.register(_SourceList(md, self.getConfig("title"), self.sources), "timeline-source-list", 10)

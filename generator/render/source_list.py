"""A Python-Markdown extension that turns the footnotes into a page's list of sources.

The footnotes extension ends a page with a bare ``<div class="footnote"><hr><ol>``.
Readers (and screen-reader users jumping by heading) need to know the list is the
page's sources, and a citation needs an address of its own: this adds a "Sources"
heading over the list, writes each source's citation (title, publisher, date, link)
into its entry, and adds a permalink to each entry.  It runs after the footnote and
inline tree processors and before the table of contents, so the heading gets an id, a
permalink and a place in the page's table of contents, and editors' text in a citation
is never read as Markdown: it goes into the tree as text, escaped when serialised.

Which citation an entry shows is written in the entry itself (see
`urls.citation_key`): the extension is given the views of the build and
needs no knowledge of which page MkDocs is converting.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree  # noqa: N813 (the name Python-Markdown uses)
from collections.abc import Mapping
from dataclasses import dataclass

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, STX

from generator import urls
from generator.text import Text
from generator.views.pages import PageView
from generator.views.pieces import Citation


@dataclass(frozen=True)
class SourceListWords:
    heading: str
    permalink_label: str  # with %(number)s
    back_title: str  # with %(number)s
    archived: str  # the link to a snapshot
    archived_on: str  # the same with its date, with %(date)s

    @classmethod
    def of(cls, text: Text) -> SourceListWords:
        return cls(
            text.gettext("Sources"),
            text.gettext("Permanent link to source %(number)s", number="%(number)s"),
            text.gettext("Back to citation %(number)s in the text", number="%(number)s"),
            text.gettext("archived copy"),
            text.gettext("archived copy, %(date)s", date="%(date)s"),
        )


class _SourceList(Treeprocessor):
    def __init__(self, md: Markdown, views: Mapping[str, PageView], words: SourceListWords):
        super().__init__(md)
        self.views = views
        self.words = words

    def run(self, root: etree.Element) -> None:
        present = {element.get("id") for element in root.iter() if element.get("id")}
        for div in root.iter("div"):
            if div.get("class") == "footnote":
                self._head(div)
                for number, item in enumerate(div.iter("li"), start=1):
                    view, source_id = _cite(item, self.views, self.words)
                    self._permalink(item, number)
                    for paragraph in item.iter("p"):
                        backs = [a for a in paragraph.iter("a") if a.get("class") == "footnote-backref"]
                        kept = [b for b in backs if self._mend_back_link(paragraph, b, present, view, source_id)]
                        self._label(kept, number)
                return

    def _label(self, backs: list[etree.Element], number: int) -> None:
        """A source cited many times has as many back-links: the first is the arrow, titled
        in the site's language (the footnotes extension's title is English and repeated on
        each); the others are the citation's order in the text, 2, 3…, like a reference
        list's letters, without a title of their own."""
        for order, back in enumerate(backs, start=1):
            if order == 1:
                back.set("title", self.words.back_title % {"number": number})
            else:
                back.attrib.pop("title", None)
                back.text = str(order)

    def _mend_back_link(
        self,
        paragraph: etree.Element,
        back: etree.Element,
        present: set[str | None],
        view: PageView | None,
        source_id: str,
    ) -> bool:
        """A source the body never cites (only an affiliation does) gets a back-link to
        the affiliation's mark, or none: never one to a citation that is not there.
        Whether the back-link is kept."""
        if back.get("href", "").removeprefix("#") in present:
            return True
        anchor = view.cited_outside_body(source_id) if view is not None else None
        if anchor is not None:
            back.set("href", urls.at("", anchor))
            return True
        paragraph.remove(back)
        return False

    def _head(self, div: etree.Element) -> None:
        rule = div.find("hr")
        if rule is not None:
            div.remove(rule)
        heading = etree.Element("h2")
        heading.text = self.words.heading
        div.insert(0, heading)

    def _permalink(self, item: etree.Element, number: int) -> None:
        if not item.get("id"):
            return
        paragraphs = item.findall("p")
        parent = paragraphs[-1] if paragraphs else item
        link = etree.SubElement(
            parent,
            "a",
            {
                "class": "tl-permalink",
                "href": urls.at("", item.get("id", "")),
                "aria-label": self.words.permalink_label % {"number": number},
            },
        )
        link.text = "#"
        link.tail = None


def _cite(item: etree.Element, views: Mapping[str, PageView], words: SourceListWords) -> tuple[PageView | None, str]:
    """Replace the key the footnote shows with the citation:
    <cite>Title</cite>, <bdi>Publisher</bdi>, date. <a href=url>url</a>, before the back-link.
    Returns the page's view and the source's id."""
    paragraph = item.find("p")
    if paragraph is None or not paragraph.text:
        return None, ""
    # The key, then what the footnotes extension put after it (a no-break space
    # placeholder before its back-link).
    text = paragraph.text
    end = min((index for index in (text.find(STX), text.find(" ")) if index >= 0), default=len(text))
    page_path, source_id = urls.cited(text[:end])
    view = views.get(page_path)
    citation = view.citation(source_id) if view is not None else None
    if citation is not None:
        _write(paragraph, citation, text[end:], words)
    return view, source_id


def _write(paragraph: etree.Element, citation: Citation, after_key: str, words: SourceListWords) -> None:
    # The entry is the site's sentence, in the page's direction; the title and the
    # publisher, the source's own words, each take theirs from their first letter.
    cite = etree.Element("cite", {"class": "tl-source__title", "dir": "auto"})
    if citation.lang:
        cite.set("lang", citation.lang)
    cite.text = _text(citation.title)
    cite.tail = ", "
    publisher = etree.Element("bdi")
    publisher.text = _text(citation.publisher)
    publisher.tail = (f", {citation.published}" if citation.published is not None else "") + "."
    paragraph.text = None
    paragraph.insert(0, cite)
    paragraph.insert(1, publisher)
    last = publisher
    if citation.url:
        publisher.tail += " "
        link = etree.Element("a", {"class": "tl-source__link", "href": _text(citation.url)})
        link.text = _text(citation.url)
        paragraph.insert(2, link)
        last = link
    if citation.archived:
        # A snapshot: the source as it was cited, when the original moves or goes.
        last.tail = (last.tail or "") + " ("
        archive = etree.Element("a", {"class": "tl-source__archive", "href": _text(citation.archived)})
        archive.text = words.archived_on % {"date": citation.archived_on} if citation.archived_on else words.archived
        archive.tail = ")"
        paragraph.insert(list(paragraph).index(last) + 1, archive)
        last = archive
    last.tail = (last.tail or "") + after_key


def _text(value: str) -> str:
    # Python-Markdown marks its placeholders with these two characters and strips them
    # from the Markdown it is given; text put straight into the tree must not carry them.
    return value.replace(STX, "").replace(ETX, "")


class SourceListExtension(Extension):
    """Made once a build, with that build's views (by path) and words."""

    def __init__(self, views: Mapping[str, PageView], words: SourceListWords):
        self.views = views
        self.words = words
        super().__init__()

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API)
        # After 'footnote-duplicate' (15) and 'inline' (20), before 'toc' (5).
        md.treeprocessors.register(_SourceList(md, self.views, self.words), "timeline-source-list", 10)

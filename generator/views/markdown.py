"""Markdown written by the generator around what editors wrote (footnotes from sources)."""

from __future__ import annotations

from generator.core.model import Source


def citation_key(page_path: str, source_id: str) -> str:
    """What a page's footnote says before the source list extension (`render.source_list`)
    writes the citation in its place: the page and the source, so the extension finds the
    citation in the views it is given, whatever page MkDocs is converting."""
    return f"{page_path}#{source_id}"


def page_markdown(page_path: str, body: str, sources: tuple[Source, ...]) -> str:
    """The body, then one ``[^id]: key`` line per source; Python-Markdown numbers the cited
    ones in order of first citation and lists them at the foot of the page.

    The citations are not written here as Markdown: editors' titles would then have to
    be escaped for Markdown, and parsing them again costs a large site seconds."""
    definitions = "\n".join(f"[^{source.id}]: {citation_key(page_path, source.id)}" for source in sources)
    return f"{body.rstrip()}\n\n{definitions}\n"

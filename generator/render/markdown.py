"""Markdown written by the generator around what editors wrote (footnotes from sources)."""

from __future__ import annotations

from generator.model import Source


def footnote_definitions(sources: tuple[Source, ...]) -> str:
    """One ``[^id]: id`` line per source; Python-Markdown numbers the cited ones in order
    of first citation and lists them at the foot of the page, where the source list
    extension (`render.source_list`) writes each citation in place of the bare id.

    The citations are not written here as Markdown: editors' titles would then have to
    be escaped for Markdown, and parsing them again costs a large site seconds."""
    return "\n".join(f"[^{source.id}]: {source.id}" for source in sources)


def page_markdown(body: str, sources: tuple[Source, ...]) -> str:
    return f"{body.rstrip()}\n\n{footnote_definitions(sources)}\n"

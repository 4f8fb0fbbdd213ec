"""Markdown written by the generator around what editors wrote (footnotes from sources)."""

from __future__ import annotations

from generator import urls
from generator.core.model import Source


def page_markdown(page_path: str, body: str, sources: tuple[Source, ...]) -> str:
    """The body, then one ``[^id]: key`` line per source; Python-Markdown numbers the cited
    ones in order of first citation and lists them at the foot of the page.

    The key (`urls.citation_key`: the page and the source) is all a footnote says until
    the source list extension (`render.source_list`) writes the citation in its place,
    finding it in the views it is given, whatever page MkDocs is converting.  The
    citations are not written here as Markdown: editors' titles would then have to be
    escaped for Markdown, and parsed again."""
    definitions = "\n".join(f"[^{source.id}]: {urls.citation_key(page_path, source.id)}" for source in sources)
    return f"{body.rstrip()}\n\n{definitions}\n"

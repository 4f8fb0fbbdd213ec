"""Markdown written by the generator around what editors wrote (footnotes from sources)."""

from __future__ import annotations

import html

from generator.model import Source
from generator.render.dates import date_label

# Characters Python-Markdown gives meaning to; as numeric entities they stay literal text.
_MARKDOWN_SPECIAL = "\\`*_{}[]()<>#+-.!|~^=:&\"'"
_AS_ENTITIES = str.maketrans({char: f"&#{ord(char)};" for char in _MARKDOWN_SPECIAL})


def literal(text: str) -> str:
    """Editor text placed in generated Markdown, shown exactly as written (and HTML-safe)."""
    return text.translate(_AS_ENTITIES)


def footnote_definitions(sources: tuple[Source, ...]) -> str:
    """One ``[^id]: citation`` line per source; Python-Markdown numbers the cited ones
    in order of first citation and lists them at the foot of the page."""
    return "\n".join(f"[^{source.id}]: {citation(source)}" for source in sources)


def citation(source: Source) -> str:
    parts = [f'<cite class="tl-source__title">{literal(source.title)}</cite>', literal(source.publisher)]
    if source.published is not None:
        parts.append(literal(date_label(source.published)))
    text = ", ".join(parts) + "."
    if source.url:
        href = html.escape(source.url, quote=True)
        text += f' <a class="tl-source__link" href="{href}">{literal(source.url)}</a>'
    return text


def page_markdown(body: str, sources: tuple[Source, ...]) -> str:
    return f"{body.rstrip()}\n\n{footnote_definitions(sources)}\n"

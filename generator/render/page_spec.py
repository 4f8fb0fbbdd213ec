"""What the plugin needs to know to make one page (kept apart to avoid import cycles)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PageSpec:
    src_uri: str
    title: str
    template: str
    markdown: str = ""
    context: dict = field(default_factory=dict)
    in_nav: bool = False  # only the indexes; event and actor pages are reached from them
    keywords: tuple[str, ...] = ()  # what search should also find the page by

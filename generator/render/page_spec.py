"""What the plugin needs to know to make one page (kept apart to avoid import cycles)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class PageSpec:
    src_uri: str
    title: str
    template: str
    markdown: str = ""
    context: dict = field(default_factory=dict)
    in_nav: bool = False  # only the indexes; event and actor pages are reached from them
    keywords: tuple[str, ...] = ()  # what search should also find the page by
    sources: tuple = ()  # the Sources its footnotes cite (see render.source_list)
    # Gives everything the page shows, as comparable data: the live preview re-renders
    # only the pages whose fingerprint changed since the last build (a full build never
    # asks, so it costs nothing there).  None: always re-render.
    fingerprint: Callable[[], object] | None = None


def card_fingerprint(event, chronology) -> tuple:
    """What an event card shows: the event's own fields and its actors' names."""
    return (event, tuple(chronology.actors_by_id[p.actor_id].name for p in event.actors))

"""Which pages a chronology has: every page's view, keyed by its address."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from generator import urls
from generator.core.model import Chronology
from generator.pipeline.history import Histories
from generator.pipeline.images import Picture
from generator.text import Text
from generator.views.listing import Listing, PeriodPages, timeline_pages
from generator.views.overview import PLAIN, Drawing
from generator.views.pages import (
    ActorPage,
    EventPage,
    PageView,
    actor_page,
    actors_index,
    corrections_index,
    event_page,
    events_index,
    search_page,
    tags_index,
)
from generator.views.pieces import Pieces, TagLink
from generator.views.places import PlacePage, place_pages, places_index
from generator.views.stories import step_pages, stories_index, story_pages


@dataclass(frozen=True, slots=True)
class Titles:
    """The titles of the index pages (also their navigation labels)."""

    timeline: str
    events: str
    actors: str
    tags: str
    places: str
    stories: str

    def by_key(self) -> dict[str, str]:
        return {"timeline": self.timeline, "events": self.events, "actors": self.actors, "tags": self.tags}


def default_titles(text: Text) -> Titles:
    return Titles(
        text.gettext("Timeline"),
        text.gettext("Events"),
        text.gettext("Actors"),
        text.gettext("Tags"),
        text.gettext("Places"),
        text.gettext("Stories"),
    )


def plan_pages(
    chronology: Chronology,
    titles: Titles,
    limit: int,
    text: Text,
    drawing: Drawing = PLAIN,
    pictures: Mapping[str, Picture] | None = None,
    histories: Histories | None = None,
    history_url: str | None = None,
) -> dict[str, PageView]:
    """Every generated page, keyed by its path in the site.

    `limit` is the most events one listing page shows before it is split (see
    `views.listing`); `drawing`, the site's eras and lanes for the overviews; `pictures`,
    the images of `media:` as published (see `images`); `histories`, when each file was
    first published and last updated (see `history`), linked with `history_url`."""
    pieces = Pieces(chronology, text, drawing, pictures or {}, histories, history_url)
    timeline = PeriodPages.of(urls.HOME, chronology.events, limit, year_pages=True).path_from(urls.HOME)
    pages: list[EventPage | ActorPage | PlacePage] = [
        *(event_page(event, chronology, pieces) for event in chronology.events),
        *(actor_page(actor, chronology, pieces, timeline) for actor in chronology.actors),
        *(page for place in chronology.places for page in place_pages(place, chronology, limit, pieces, timeline)),
    ]
    stories = [page for story in chronology.stories for page in story_pages(story, chronology, pieces, timeline)]
    views: list[PageView] = [
        *timeline_pages(urls.HOME, titles.timeline, chronology.events, limit, pieces, year_pages=True, browse=True),
        *events_index(chronology, titles.events, limit, pieces),
        *actors_index(chronology, titles.actors, limit, pieces),
        tags_index(chronology, titles.tags),
        *(places_index(chronology, titles.places, limit, text) if chronology.places else ()),
        *(stories_index(chronology, titles.stories, limit, pieces) if chronology.stories else ()),
        search_page(text),
        corrections_index([*pages, *(page for page in stories if not page.embedded)], text),
        *pages,
        *stories,
        *(step for page in stories if not page.embedded for step in step_pages(page, text)),
    ]
    home = views[0]
    assert isinstance(home, Listing)
    views.append(replace(home, path=urls.EMBED, in_nav=False, browse=(), embedded=True))
    for tag in chronology.tags:
        link = TagLink(tag.slug, tag.name)
        title = text.gettext("Tag: %(tag)s", tag=tag.name)
        views += timeline_pages(link.path, title, tag.events, limit, pieces, year_pages=False, tag=link)
    return {view.path: view for view in views}

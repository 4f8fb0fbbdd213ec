"""What our templates get from Jinja, besides their page's view.

- ``link``: the one filter for links, a path from the site root (`generator.urls`)
  written relative to the page being rendered;
- ``absolute``: the same path as a full address, where only that will do (a link
  preview's image, an iframe on another site), or None when the site's address is not
  configured;
- ``jsonld``: a page view's schema.org data, ready for a ``<script>`` element;
- ``_()`` and ``ngettext()``: the site's catalogue (`generator.text`), as HTML-safe text
  into which the values are escaped (a value made in the template, such as a link, is
  kept as HTML);
- ``lang_attribute()``: the ``lang`` attribute of an element showing a file's or a
  source's text, when it names its language; ``isolate``: a title of the site's words
  around an editor's (a tag's name), that one in a ``<bdi>``;
- ``urls``: the addresses of the site's fixed pages and files (`generator.urls`);
- ``fragment``: HTML rendered once a build and reused (`render.fragments`).
"""

from __future__ import annotations

from functools import partial
from typing import Any

from jinja2 import Environment, pass_context
from markupsafe import Markup, escape

from generator import urls
from generator.render.fragments import FragmentCache, render_every_time
from generator.render.jsonld import page_jsonld
from generator.text import Text
from generator.urls import SiteAddress


@pass_context
def link(context: Any, path: str) -> str:
    return urls.relative(path, context["base_url"])


def lang_attribute(lang: str | None) -> Markup:
    return Markup(' lang="%s"') % lang if lang else Markup("")


def isolate(text: str, part: str) -> Markup:
    """`text` as HTML, the first `part` in it (an editor's words among the site's) in a
    <bdi>, so that it keeps its own direction."""
    before, found, after = text.partition(part)
    return escape(before) + (Markup("<bdi>%s</bdi>") % found if found else "") + escape(after)


def _gettext(text: Text, message: str, **values: object) -> Markup:
    return Markup(escape(text.translations.gettext(message))) % values


def _ngettext(text: Text, singular: str, plural: str, count: int, **values: object) -> Markup:
    message = text.translations.ngettext(singular, plural, count)
    return Markup(escape(message)) % {"num": text.number(count), **values}


def install(
    env: Environment,
    *,
    text: Text,
    address: SiteAddress,
    generator: str,
    reuse_fragments: bool,
    search_bodies: bool = True,
    open_data_by_year: bool = False,
    places: bool = False,
) -> None:
    env.filters["link"] = link
    env.filters["isolate"] = isolate
    env.globals["lang_attribute"] = lang_attribute
    env.filters["absolute"] = address.absolute
    # Whether the search index holds the text of event and actor pages, or only what
    # their headers say (title, date, summary, place, actors, tags).
    env.globals["search_bodies"] = search_bodies
    # Whether the open data is published by year (data/index.json) or as single files.
    env.globals["open_data_by_year"] = open_data_by_year
    env.globals["places"] = places  # whether the chronology has places (an index and a page each)
    env.globals["generator"] = generator  # <meta name=generator>: name and version
    env.filters["jsonld"] = partial(page_jsonld, address=address)
    env.globals["_"] = partial(_gettext, text)
    env.globals["ngettext"] = partial(_ngettext, text)
    env.globals["urls"] = urls
    # A new cache each build, so nothing stale survives into the next.
    env.globals["fragment"] = FragmentCache() if reuse_fragments else render_every_time

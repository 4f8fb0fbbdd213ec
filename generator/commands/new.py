"""`python -m generator new event|actor|place NAME`: new event, actor and place files
with every field present, explained, and placeholders that the build refuses until an
editor fills them in."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from generator.commands.output import fail
from generator.core.content import FILE_KINDS, PLACEHOLDER, FileKind, content_file, is_index_page, slugify
from generator.core.geo import PRECISION_RADII
from generator.core.model import ACTOR_KINDS, ActorKind

EVENT_TEMPLATE = """\
---
# Headline of the event (required).
title: {title}
# When it happened, in EDTF, no more precise than the sources (required). Examples:
#   2023-12-25 a day · 2023-12 a month · 2023 a year · 2023-12-25~ approximate
#   2023-12? uncertain · 2023-12-20/2023-12-27 a range · 2009/.. since 2009
#   XXXX-12-25 day and month known, year not given · XXXX date not given
date: {placeholder} (YYYY-MM-DD)
# The date in the sources' own words, when EDTF cannot say it (optional).
# date_note: '"On Wednesday"; the article gives no date.'
# One line for the timeline (optional).
# summary: {placeholder}
# Where it happened, if known (optional): a place's id (a file name in content/places/),
# or the place in words.
# place: {placeholder}
# Where on a map, when the place's own coordinates do not say it (optional); precision
# as in a place file (see make new-place).
# coordinates:
#   latitude: {placeholder}
#   longitude: {placeholder}
#   precision: town
# The language this file is written in, when it is not the site's (optional): a BCP 47
# tag such as en, ar, fr-CA or zh-Hant. Browsers and screen readers then read it as such.
# lang: en
# Who took part: actor ids (file names in content/actors/), each with an optional role.
# actors:
#   - id: {placeholder}
#     role: {placeholder}
# Ids of related events (file names in content/events/); the link shows on both (optional).
# related: []
# Ids of events the sources say came before this one, to order events the dates cannot (optional).
# follows: []
# Topics (optional).
# tags: []
# Every source the body cites as [^id] (required). url, published and an archived snapshot are optional.
sources:
  - id: source-1
    title: {placeholder}
    publisher: {placeholder}
    # lang: en   (the source's language, when it is not the site's)
    # url: https://
    # published: YYYY-MM-DD
    # archived: https://web.archive.org/web/...   (a snapshot, so the citation outlives the link)
    # archived_on: YYYY-MM-DD
---

{placeholder}: what happened, one claim a sentence, each citing its source.[^source-1]
"""

ACTOR_TEMPLATE = """\
---
# Name as readers know it (required).
name: {name}
# person, group, organisation or state (required).
kind: {kind}
# Other names and abbreviations, found by search (optional).
# aliases: []
# One line for lists (optional).
# summary: {placeholder}
# Organisations this actor belongs to (optional): an actor id, and optionally a role,
# a period (EDTF, e.g. 2009/..) and the id of a source below.
# affiliations:
#   - organisation: {placeholder}
#     role: member
#     source: source-1
# Every source the body and affiliations cite (needed once the body cites one).
sources:
  - id: source-1
    title: {placeholder}
    publisher: {placeholder}
    # lang: en   (the source's language, when it is not the site's)
    # url: https://
    # published: YYYY-MM-DD
    # archived: https://web.archive.org/web/...   (a snapshot, so the citation outlives the link)
    # archived_on: YYYY-MM-DD
# The language this file is written in, when it is not the site's (optional): a BCP 47
# tag such as en, ar, fr-CA or zh-Hant. Browsers and screen readers then read it as such.
# lang: en
---

{placeholder}: who this is, one claim a sentence, each citing its source.[^source-1]
"""


# The precision vocabulary, as a place file's comment lists it: "town (5 km)".
_PRECISIONS = ", ".join(
    f"{word} ({metres / 1000:g} km)" if metres >= 1000 else f"{word} ({metres:g} m)"
    for word, metres in PRECISION_RADII.items()
)

PLACE_TEMPLATE = f"""\
---
# Name as readers know it (required).
name: {{name}}
# Other names and spellings, in any script, found by search (optional).
# aliases: []
# One line for lists (optional).
# summary: {{placeholder}}
# Where it is, in decimal degrees (WGS 84, north and east positive), and how precisely
# the sources place it: a map draws the place that large, never sharper. One of
# {_PRECISIONS},
# or a radius such as 500 m or 2 km. Remove the block if the sources give no location.
coordinates:
  latitude: {{placeholder}} (e.g. 34.4536)
  longitude: {{placeholder}} (e.g. 40.9185)
  precision: {{placeholder}} (e.g. town)
# The id of the place it lies in (a file name in content/places/): a town's province (optional).
# part_of: {{placeholder}}
# Every source the body cites, and where the coordinates come from.
sources:
  - id: source-1
    title: {{placeholder}}
    publisher: {{placeholder}}
    # lang: en   (the source's language, when it is not the site's)
    # url: https://
    # published: YYYY-MM-DD
    # archived: https://web.archive.org/web/...   (a snapshot, so the citation outlives the link)
    # archived_on: YYYY-MM-DD
# The language this file is written in, when it is not the site's (optional): a BCP 47
# tag such as en, ar, fr-CA or zh-Hant. Browsers and screen readers then read it as such.
# lang: en
---

{{placeholder}}: what this place is and how the sources locate it, each claim citing its source.[^source-1]
"""


class ScaffoldError(Exception):
    pass


def new_file(content_root: Path, kind: FileKind, name: str, actor_kind: ActorKind = "group") -> Path:
    """Write a new event, actor or place file named after ``name``; never overwrite one."""
    record_id = slugify(name)
    if not record_id:
        raise ScaffoldError(f"cannot make a file name from {name!r}; use letters or digits")
    if is_index_page(record_id):
        raise ScaffoldError(f"'{record_id}' is the name of an index page; add a word, e.g. '{name} (event)'")
    path = content_root / content_file(kind, record_id)
    if path.exists():
        raise ScaffoldError(f"{path} already exists; choose another title or edit that file")
    quoted = json.dumps(name, ensure_ascii=False)  # a JSON string is a valid YAML scalar
    if kind == "event":
        text = EVENT_TEMPLATE.format(title=quoted, placeholder=PLACEHOLDER)
    elif kind == "place":
        text = PLACE_TEMPLATE.format(name=quoted, placeholder=PLACEHOLDER)
    else:
        text = ACTOR_TEMPLATE.format(name=quoted, kind=actor_kind, placeholder=PLACEHOLDER)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as file:  # "x": fail rather than overwrite
        file.write(text)
    return path


HELP = "create a new event, actor or place file from the template"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("kind", choices=sorted(FILE_KINDS))
    parser.add_argument("title", help="the event's title, or the actor's or place's name")
    parser.add_argument("--actor-kind", default="group", choices=ACTOR_KINDS)


def run(args: argparse.Namespace) -> int:
    try:
        path = new_file(args.content, args.kind, args.title, args.actor_kind)
    except ScaffoldError as error:
        return fail(str(error))
    print(f"created {path}: fill in every '{PLACEHOLDER}', then run make site")
    return 0

"""The limits of the README's table (generator/pipeline/limits.py, and the list caps of the
schemas) as files at a given size: for each, the limit, the files of a chronology with that
many (lines, items, bytes...), and the line a file one past the limit is refused with, as
problems print it.  Each case's own file is content/events/case.md or content/actors/case.md;
some cases name other files (the events and organisations their lists name)."""

from __future__ import annotations

from collections.abc import Callable

from generator.pipeline import limits
from tests.conftest import SOURCE_BLOCK, actor_file, event_file

# A chronology's files: (events, actors), name -> text.
Files = tuple[dict[str, str], dict[str, str]]


def at_size(size: int) -> str:
    """An event file of exactly ``size`` bytes: its body one paragraph of words."""
    text = event_file("Long", "2023-12-25", body="PAD[^src]")
    room = size - len(text.encode("utf-8")) + len("PAD")
    line = "word " * 15 + "words\n"
    return text.replace("PAD", (line * (room // len(line) + 1))[:room])


def listed(name: str, count: int, item: str = "{}") -> str:
    """A flow list field of ``count`` items (each ``item`` with its number)."""
    return f"{name}: [{', '.join(item.format(n) for n in range(count))}]"


def world(count: int) -> Files:
    """``count`` events (e0...) of 1 January 2023 and ``count`` organisations (o0...), for
    lists that name them."""
    events = {f"e{n}.md": event_file(f"Event {n}", "2023-01-01") for n in range(count)}
    actors = {f"o{n}.md": actor_file(f"Organisation {n}", "organisation") for n in range(count)}
    return events, actors


def event_listing(field: str, item: str = "{}") -> Callable[[int], Files]:
    def files(count: int) -> Files:
        events, actors = world(count)
        return {**events, "case.md": event_file("Case", "2023-01-01", listed(field, count, item))}, actors

    return files


def actor_listing(field: str, item: str) -> Callable[[int], Files]:
    def files(count: int) -> Files:
        events, actors = world(count)
        items = "".join(item.format(n) for n in range(count))
        return events, {**actors, "case.md": actor_file("Case", extra=f"{field}:\n{items}")}

    return files


def with_sources(count: int) -> Files:
    sources = "".join(f"  - id: s{n}\n    title: Source {n}\n    publisher: P\n" for n in range(count))
    body = "".join(f"Cited.[^s{n}]" for n in range(count))
    return {"case.md": f"---\ntitle: Case\ndate: '2023-01-01'\nsources:\n{sources}---\n\n{body}\n"}, {}


def with_body(make: Callable[[int], str]) -> Callable[[int], Files]:
    return lambda count: ({"case.md": event_file("Case", "2023-12-25", body=make(count))}, {})


def nested_list(columns: int) -> str:
    """A list nested 100 deep (two spaces a level, 200 columns), then a line indented ``columns``."""
    lines = ["  " * depth + "- item" for depth in range(101)]
    return "\n".join(lines) + f"\n\n{' ' * columns}- one more\n\nCited.[^src]"


# name: (the limit, the files with that many, what one more is refused with: str(problem))
LIMITS: dict[str, tuple[int, Callable[[int], Files], Callable[[int], str]]] = {
    "file bytes": (
        limits.FILE_BYTES,
        lambda size: ({"case.md": at_size(size)}, {}),
        lambda size: f"content/events/case.md: {size:,} bytes; the most a file may hold is 1,048,576",
    ),
    "tags": (
        100,
        lambda n: ({"case.md": event_file("Case", "2023-01-01", listed("tags", n, "t{}"))}, {}),
        lambda n: f"content/events/case.md:4: tags: the list has {n} items; the most is 100",
    ),
    "aliases": (
        100,
        lambda n: ({}, {"case.md": actor_file("Case", extra=listed("aliases", n, "A{}"))}),
        lambda n: f"content/actors/case.md:4: aliases: the list has {n} items; the most is 100",
    ),
    "actors": (
        500,
        event_listing("actors", "o{}"),
        lambda n: f"content/events/case.md:4: actors: the list has {n} items; the most is 500",
    ),
    "related": (
        500,
        event_listing("related", "e{}"),
        lambda n: f"content/events/case.md:4: related: the list has {n} items; the most is 500",
    ),
    "follows": (
        500,
        event_listing("follows", "e{}"),
        lambda n: f"content/events/case.md:4: follows: the list has {n} items; the most is 500",
    ),
    "sources": (
        500,
        with_sources,
        lambda n: f"content/events/case.md:4: sources: the list has {n} items; the most is 500",
    ),
    "affiliations": (
        200,
        actor_listing("affiliations", "  - organisation: o{}\n"),
        lambda n: f"content/actors/case.md:4: affiliations: the list has {n} items; the most is 200",
    ),
    "body indentation": (
        limits.BODY_INDENT,
        with_body(nested_list),
        lambda n: f"content/events/case.md:113: body: a line indented {n} columns; the most is 200",
    ),
    "block quotes": (
        limits.BODY_QUOTE_DEPTH,
        with_body(lambda n: ">" * n + " Quoted.[^src]"),
        lambda n: f"content/events/case.md:11: body: block quotes nested {n} deep; the most is 32",
    ),
    "unclosed brackets": (
        limits.BODY_UNCLOSED_BRACKETS,
        with_body(lambda n: "[" * n + " Open.[^src]"),
        lambda n: f"content/events/case.md: body: {n} '[' are never closed; the most is 200",
    ),
    "nested HTML": (
        limits.BODY_HTML_DEPTH,
        with_body(lambda n: "<div>" * n + "Deep.[^src]" + "</div>" * n),
        lambda n: f"content/events/case.md: body: HTML elements nested {n} deep; the most is 64",
    ),
    "footnote references": (
        limits.BODY_FOOTNOTES,
        with_body(lambda n: "Cited.[^src]" * n),
        lambda n: f"content/events/case.md: body: {n:,} footnote references; the most is 1,000",
    ),
}


# Frontmatter: no field of the schemas can be nested 32 deep or hold 50,000 values, so a
# file at these limits is refused by the schema; one past, by the limit.


def front_nested(depth: int) -> str:
    """A field whose value is nested so that the frontmatter is ``depth`` deep (its fields'
    mapping is the first level)."""
    return "tags: " + "[" * (depth - 1) + "deep" + "]" * (depth - 1)


def front_of_values(count: int) -> str:
    """Tags enough for ``count`` values in the frontmatter: its mapping, title and date,
    the source (its list, its mapping and three fields), the list of tags and each tag."""
    return listed("tags", count - 9, "t{}")


def with_front(lines: str) -> str:
    """An event file with these frontmatter lines last (line 8)."""
    return f"---\ntitle: A\ndate: '2023-12-25'\n{SOURCE_BLOCK}{lines}\n---\n\nText.[^src]\n"


YAML_LIMITS = {  # name: (make, the limit, what one past is refused with, on line 8)
    "frontmatter depth": (
        front_nested,
        limits.YAML_DEPTH,
        "lists and fields nested more than 32 deep; the schemas need 3",
    ),
    "frontmatter values": (front_of_values, limits.YAML_VALUES, "more than 50,000 values in one file's frontmatter"),
}

"""Every address comes from generator/urls.py: what each function makes, and a check that
no other module of generator/ and no template writes an address by hand."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from generator import urls

REPO = Path(__file__).resolve().parents[2]
GENERATOR = REPO / "generator"


def test_pages_of_events_actors_and_tags():
    assert urls.event("strike") == "events/strike/"
    assert urls.actor("iran") == "actors/iran/"
    assert urls.tag("drone") == "tags/drone/"
    assert (urls.EVENTS, urls.ACTORS) == ("events/", "actors/")


def test_numbered_pages_start_at_the_first():
    assert urls.numbered(urls.EVENTS, 1) == "events/"
    assert urls.numbered(urls.ACTORS, 3) == "actors/page-3/"
    assert urls.numbered("years/2020/05/23/", 2) == "years/2020/05/23/page-2/"


@pytest.mark.parametrize("listing", ["", "tags/drone/"])
def test_periods_nest_year_month_day(listing):
    year_key, month_key, day_key = urls.year_key(2023), urls.month_key(12), urls.day_key(5)
    year_page = urls.year(listing, year_key)
    assert year_page == f"{listing}years/2023/"
    assert urls.month(listing, year_key, month_key) == urls.below(year_page, "12") == f"{year_page}12/"
    assert urls.day(listing, year_key, month_key, day_key) == f"{year_page}12/05/"


def test_periods_the_sources_do_not_give_and_periods_met_again():
    assert urls.year_key(None) == urls.YEAR_NOT_GIVEN == "not-given"
    assert urls.year_key(0) == "0"  # 1 BCE, numbered astronomically
    assert urls.month(urls.HOME, urls.YEAR_NOT_GIVEN, urls.DATE_NOT_GIVEN) == "years/not-given/date-not-given/"
    assert urls.repeated("07", 1) == "07"
    assert urls.repeated(urls.DATE_NOT_GIVEN, 3) == "date-not-given-3"


def test_ids_within_pages():
    assert urls.year_anchor("2023") == "year-2023"
    assert urls.month_anchor("2023", "05") == "year-2023-05"
    assert urls.at("years/2023/", urls.month_anchor("2023", "05")) == "years/2023/#year-2023-05"
    assert urls.kind_anchor("state") == "kind-state"
    assert urls.footnote("src") == "#fn:src"
    assert urls.correction_mark("src") == "correction-cites-src"
    assert urls.affiliation_mark("src") == "affiliation-cites-src"


@pytest.mark.parametrize(("page", "source"), [("events/strike/", "src"), ("", "a-b-1"), ("actors/iran/", "x")])
def test_a_citation_key_names_its_page_and_source(page, source):
    assert urls.cited(urls.citation_key(page, source)) == (page, source)


def test_files_the_site_publishes():
    assert urls.media("maps/a.PNG") == "media/maps/a.PNG"
    # A variant keeps the image's folders (two map.png stay two images) and a lower-case suffix.
    assert urls.resized("maps/map.PNG", 320) == "media/resized/maps/map-320.PNG"  # map.png is another image
    assert urls.resized("map.tar.jpg", 640) == "media/resized/map.tar-640.jpg"
    assert urls.schema("event.schema.json") == "schemas/event.schema.json"
    assert (urls.BUILD_RECORD, urls.CHECKSUMS, urls.SEARCH_INDEX) == ("build.json", "SHA256SUMS", "pagefind/")
    assert (
        urls.file_history("https://h.example/c/{path}", "content/events/a.md")
        == "https://h.example/c/content/events/a.md"
    )


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("events/strike/", "events/strike.md"),
        ("actors/iran/", "actors/iran.md"),
        ("events/", "events/index.md"),
        ("events/page-2/", "events/page-2/index.md"),
        ("years/2023/", "years/2023/index.md"),
        ("", "index.md"),
    ],
)
def test_the_name_mkdocs_knows_a_page_by(path, uri):
    assert urls.source_uri(path) == uri


def test_a_place_on_a_map():
    from generator.core.model import Coordinates

    assert urls.geo(Coordinates(34.4536, -40.9185, "the town")) == "geo:34.4536,-40.9185"


def test_absolute_addresses_only_when_the_site_has_one():
    assert urls.SiteAddress("https://example.org/chron").absolute(urls.EMBED) == "https://example.org/chron/embed/"
    assert urls.SiteAddress("").absolute(urls.EMBED) is None
    assert urls.SiteAddress(None)(urls.HOME) == "./"


# --- nothing else writes an address ----------------------------------------------------------

# Pieces of addresses that urls.py alone writes.
ADDRESS_PIECES = re.compile(
    r"#year-|\byears/|year-\{|#fn:|fn:\{|page-\{|page-[0-9]|index\.md|resized|pagefind/|SHA256SUMS|build\.json"
    r"|correction-cites|affiliation-cites|kind-\{|\.schema\.json|^geo:"
)
ALLOWED = {"urls.py", "pipeline/schema/__init__.py"}  # the schemas' file names, which urls.schema publishes


def code_strings(path: Path) -> list[tuple[int, str]]:
    """The string constants of a module that are not docstrings, with their lines."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def test_no_module_but_urls_writes_an_address_of_the_site():
    found = [
        f"{path.relative_to(GENERATOR)}:{line}: {text!r}"
        for path in sorted(GENERATOR.rglob("*.py"))
        if path.relative_to(GENERATOR).as_posix() not in ALLOWED
        for line, text in code_strings(path)
        if ADDRESS_PIECES.search(text)
    ]
    assert found == []


def test_templates_make_no_address_by_hand():
    """Templates link with `| link` (or `| absolute`) and the names in `urls`; an address
    joined from the site's address or a footnote's id written out is made here instead."""
    found = []
    for path in sorted((REPO / "theme").rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        for pattern in (
            r"site_url\s*(\||~|\+)",
            r"~\s*urls\.",
            r"#fn:",
            r"#year-",
            r"href=\"/",
            r"src=\"/",
            r"href=\"(?:geo|mailto|tel):\{",
        ):
            found += [f"{path.relative_to(REPO)}: {match.group(0)}" for match in re.finditer(pattern, text)]
    assert found == []

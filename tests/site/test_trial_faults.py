"""Faults a new user found by importing a real conflict-event export (5,071 ACLED events):
each fixed, each with its test."""

from __future__ import annotations

from tests.conftest import actor_file, build_strict, event_file, run_mkdocs, write_project
from tests.site.conftest import broken_links

AFFILIATED = actor_file(
    "A militia",
    extra="""
    affiliations:
      - organisation: forces
        role: faction
        source: profile
    sources:
      - id: profile
        title: A profile of the militia
        publisher: A Wire
    """,
    body="Described here.[^src]",
)


def test_a_source_only_an_affiliation_cites_is_marked_and_linked_both_ways(tmp_path):
    # The frontmatter above lists `sources:` twice; the second (profile) is the one read.
    militia = AFFILIATED.replace(
        "sources:\n  - id: src\n    title: A test source\n    publisher: Test Publisher\n", ""
    ).replace("Described here.[^src]", "Described here.[^body]")
    militia = militia.replace(
        "    publisher: A Wire\n",
        "    publisher: A Wire\n  - id: body\n    title: Its own page\n    publisher: B Wire\n",
    )
    build = build_strict(
        tmp_path,
        {"a.md": event_file("A", "2023-01-01", "actors: [militia]")},
        {
            "militia.md": militia,
            "forces.md": actor_file("Forces"),
        },
    )
    page = build.page("actors/militia/")
    mark = page.select_one(".tl-affiliations sup.tl-cite")
    assert mark is not None, page.select_one(".tl-affiliations")
    entry = page.find(id="fn:profile")
    assert mark.a["href"] == "#fn:profile" and mark.a.get_text() == str(
        [li["id"] for li in page.select(".footnote li")].index("fn:profile") + 1
    )
    # The list links back to the affiliation's mark (the body does not cite that source).
    back = entry.select_one("a.footnote-backref")
    assert back["href"] == f"#{mark['id']}"
    assert broken_links(build.site) == []


def test_the_link_check_finds_a_fragment_that_is_not_there(tmp_path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text('<a href="a/#here">ok</a><a href="a/#gone">x</a><a href="#self">y</a>')
    (site / "a" / "index.html").write_text('<p id="here"></p>')
    assert broken_links(site) == ["index.html: broken fragment a/#gone", "index.html: broken fragment #self"]


def test_roles_with_brackets_do_not_nest_them(tmp_path):
    build = build_strict(
        tmp_path,
        {"a.md": event_file("A", "2023-01-01", "actors:\n  - id: militia\n    role: actor 1 (Rebel group)")},
        {"militia.md": actor_file("A militia")},
    )
    role = build.page("events/a/").select_one(".tl-participants .tl-role").get_text()
    assert role == "(actor 1 [Rebel group])"
    assert build.page("actors/militia/").select_one(".tl-appearances .tl-role").get_text() == role


def test_a_mis_decoded_quote_in_frontmatter_is_one_error_with_line_column_and_suggestion(tmp_path):
    actor = actor_file("Sa\u0092ad Brigade")
    write_project(
        tmp_path,
        {
            "a.md": event_file("A", "2023-01-01", "actors: [saad]"),
            "b.md": event_file("B", "2023-01-02", "actors: [saad]"),
        },
        {"saad.md": actor},
    )
    build = run_mkdocs(tmp_path, "--strict")
    assert build.returncode != 0 and "Traceback" not in build.output
    lines = [line for line in build.output.splitlines() if "saad" in line]
    assert any(
        "content/actors/saad.md:2:" in line
        and "U+0092" in line
        and "column" in line
        and "did you mean '\u2019'" in line
        for line in lines
    ), build.output
    assert "unknown actor" not in build.output  # the file exists: no follow-on errors elsewhere

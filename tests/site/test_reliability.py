"""Whatever the input: a clear message with file and line, bounded work, no traceback, and
the previous site left byte for byte as it was (or replaced whole by a successful build)."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image

from tests.conftest import (
    REPO,
    SOURCE_BLOCK,
    Build,
    actor_file,
    event_file,
    mkdocs_env,
    run_generator,
    run_mkdocs,
    write_project,
)
from tests.site.conftest import Refusals, build_and_check, snapshot
from tools import repro

PREVIOUS = "the previous site"


def project(root: Path, events: dict[str, str], actors: dict[str, str] | None = None) -> Path:
    write_project(root, events, actors or {"group.md": actor_file("A group")})
    (root / "site").mkdir(exist_ok=True)
    (root / "site" / "index.html").write_text(PREVIOUS, encoding="utf-8")
    return root


def refused(root: Path, *expected: str, build_args: tuple[str, ...] = ("--strict",)) -> str:
    """Build and check: both fail, name what is expected, print no traceback, and the
    previous site is untouched.  Returns the build's output."""
    before = snapshot(root / "site")
    build = run_mkdocs(root, *build_args)
    checked = run_generator("--content", "content", "check", cwd=root)
    for output, code in ((build.output, build.returncode), (checked.stderr, checked.returncode)):
        assert code != 0, output
        assert "Traceback" not in output, output
        for text in expected:
            assert text in output, output
    assert snapshot(root / "site") == before
    assert not list(root.glob(".site.building-*")), "a staging folder was left behind"
    return build.output


# --- files refused one reason each, built together once --------------------------------------
# Each file of REFUSED is refused for its own reason.  They are built (and checked) together
# once, and each test finds its own file's line in what both said; the previous site is
# left as it was.

REFUSED: dict[str, str] = {}  # file name -> text


def refused_file(name: str, text: str) -> str:
    REFUSED[name] = text
    return name


@pytest.fixture(scope="module")
def refusals(tmp_path_factory) -> Refusals:
    return build_and_check(project(tmp_path_factory.mktemp("refusals"), REFUSED))


# --- files accepted however odd, built together once ----------------------------------------------
# Each file of ACCEPTED is odd in its own way and must build; each test reads its own page.

ACCEPTED: dict[str, str] = {}  # file name -> text


def accepted_file(name: str, text: str) -> str:
    ACCEPTED[name] = text
    return name.removesuffix(".md")


@pytest.fixture(scope="module")
def accepted(tmp_path_factory) -> Build:
    root = project(tmp_path_factory.mktemp("accepted"), ACCEPTED)
    (root / "content" / "media").mkdir()
    Image.new("RGB", (8, 8)).save(root / "content" / "media" / "map.png")  # every image is read
    (root / "drafts").mkdir()
    (root / "drafts" / "linked.md").write_text(event_file("Linked in", "2023-12-25"), encoding="utf-8")
    (root / "content" / "events" / "linked.md").symlink_to(root / "drafts" / "linked.md")
    build = run_mkdocs(root, "--strict")
    assert build.returncode == 0, build.output
    assert "Traceback" not in build.output
    assert not list(root.glob(".site.building-*"))
    return build


# --- the previous site ----------------------------------------------------------------------------


def test_a_link_to_a_missing_page_stops_even_a_quiet_strict_build(tmp_path):
    body = "See [the other](nope.md) and ![a map](../media/none.png).[^src]"
    project(tmp_path, {"a.md": event_file("A", "2023-12-25", body=body)})
    refused(
        tmp_path,
        "content/events/a.md:11: body: 'nope.md' links to no event or actor",
        "content/events/a.md:11: body: '../media/none.png' is not a file in content/media/",
        build_args=("--strict", "-q"),
    )


LINKED = accepted_file(
    "links.md",
    event_file("A", "2023-12-25", body="See [the group](../actors/group.md) and ![a map](../media/map.png).[^src]"),
)


def test_a_link_to_an_existing_page_and_image_builds(accepted):
    assert accepted.links(f"events/{LINKED}/", ".tl-body a")[0] == "actors/group/"
    assert (accepted.site / "media" / "map.png").exists()


def test_an_error_while_rendering_leaves_the_previous_site(tmp_path):
    project(tmp_path, {"a.md": event_file("A", "2023-12-25")})
    theme = tmp_path / "theme"
    (theme / "partials").mkdir(parents=True)
    (theme / "partials" / "tl-cite.html").write_text("{{ view.no_such_field.deeper }}", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(config.read_text().replace(str(REPO / "theme"), str(theme)))
    before = snapshot(tmp_path / "site")
    build = run_mkdocs(tmp_path, "--strict")
    assert build.returncode != 0
    assert snapshot(tmp_path / "site") == before
    assert not list(tmp_path.glob(".site.building-*"))


def large_project(root: Path, size: int) -> Path:
    events = {f"e{i}.md": event_file(f"Event {i}", f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}") for i in range(size)}
    project(root, events)
    first = run_mkdocs(root, "--strict")  # a complete previous site
    assert first.returncode == 0, first.output
    return root


@pytest.mark.parametrize("stop", [signal.SIGKILL, signal.SIGTERM])
def test_a_build_stopped_part_way_leaves_the_previous_site(tmp_path, stop):
    root = large_project(tmp_path, 300)
    before = snapshot(root / "site")
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml")],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=mkdocs_env(),
    )
    # Stopped once it has started writing: the staging folder has pages in it.
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list(root.glob(".site.building-*/events/*/index.html")):
        time.sleep(0.05)
    assert process.poll() is None, "the build ended before it could be stopped"
    process.send_signal(stop)
    output, _ = process.communicate(timeout=60)
    assert process.returncode != 0
    assert "Traceback" not in output
    assert snapshot(root / "site") == before
    if stop == signal.SIGTERM:
        assert not list(root.glob(".site.building-*"))  # it cleaned up after itself
    else:
        assert list(root.glob(".site.building-*"))  # nothing can clean up after SIGKILL...
        again = run_mkdocs(root, "--strict")  # ...but the next build does
        assert again.returncode == 0 and not list(root.glob(".site.building-*"))


def test_a_full_disk_is_one_line_and_leaves_the_previous_site(tmp_path):
    root = large_project(tmp_path, 20)
    before = snapshot(root / "site")

    def small_disk() -> None:
        # Writes past 200 kB fail as on a full disk (EFBIG instead of ENOSPC, same OSError).
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, 200_000))

    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml")],
        cwd=root,
        capture_output=True,
        text=True,
        preexec_fn=small_disk,
        env=mkdocs_env(),
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert "could not write the site" in output and "the previous site is unchanged" in output
    assert snapshot(root / "site") == before
    assert not list(root.glob(".site.building-*"))


def test_two_builds_at_once_into_one_folder_both_finish(tmp_path):
    """Two builds started at once, both at work at the same moment (each one's staging
    folder, named after its process, holding pages while the other's does), both finish,
    and the site is one build's whole: the same bytes as before, its checksums its own."""
    root = large_project(tmp_path, 100)
    expected = repro.digests(root / "site")  # every file's SHA-256; Pagefind's varying files counted
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml")]
    processes = [
        subprocess.Popen(
            command, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=mkdocs_env()
        )
        for _ in range(2)
    ]
    staging = [root / f".site.building-{process.pid}" for process in processes]

    def pages(folder: Path) -> int:
        return len(list(folder.glob("events/*/index.html")))

    # One that writes pages before the other has any is held (SIGSTOP) until the other
    # writes too: so the two are always seen at work at once, however the machine is loaded.
    at_once, held = None, None
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and all(process.poll() is None for process in processes):
            counts = [pages(folder) for folder in staging]
            if all(counts):
                at_once = counts
                break
            if held is None and any(counts):
                held = processes[0] if counts[0] else processes[1]
                held.send_signal(signal.SIGSTOP)
            time.sleep(0.02)
    finally:
        if held is not None:
            held.send_signal(signal.SIGCONT)
    outputs = [process.communicate(timeout=120)[0] for process in processes]
    assert at_once, ("the two builds were never at work at the same time", outputs)
    assert [process.returncode for process in processes] == [0, 0], outputs
    assert all("Traceback" not in output for output in outputs)
    assert repro.digests(root / "site") == expected
    checked = subprocess.run(["sha256sum", "--check", "--quiet", "SHA256SUMS"], cwd=root / "site", capture_output=True)
    assert checked.returncode == 0, checked.stdout  # every file, Pagefind's too, from the build that listed it
    assert not list(root.glob(".site.building-*"))


# --- tracebacks and crashes -----------------------------------------------------------------------


def misdated(where: str) -> str:
    """An event whose date or source's publication is 29 February 2023."""
    text = event_file("A", "2023-02-28").replace(
        "publisher: Test Publisher\n", "publisher: Test Publisher\n    published: 2023-02-28\n"
    )
    text = text.replace(f"{'date' if where == 'date' else 'published'}: '2023-02-28'", f"{where}: '2023-02-29'", 1)
    text = text.replace("published: 2023-02-28", "published: 2023-02-29") if where == "published" else text
    return refused_file(f"no-such-day-in-{where}.md", text)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (misdated("date"), ":3: date: '2023-02-29': February 2023 has no day 29"),
        (misdated("published"), ":9: sources[0].published: '2023-02-29': February 2023 has no day 29"),
    ],
    ids=["date", "published"],
)
def test_a_day_that_month_does_not_have(refusals, name, expected):
    refusals.assert_refused(f"content/events/{name}{expected}")


def test_a_period_with_a_day_that_month_does_not_have(tmp_path):
    actors = {
        "group.md": actor_file("A group", extra="affiliations:\n  - organisation: parent\n    period: 2023-02-29/..\n"),
        "parent.md": actor_file("A parent", "organisation"),
    }
    project(tmp_path, {"a.md": event_file("A", "2023-02-28")}, actors)
    refused(tmp_path, "content/actors/group.md:6: affiliations[0].period: '2023-02-29/..': February 2023 has no day 29")


def with_front(name: str, front: str) -> str:
    """A file refused for frontmatter lines that start on its line 4."""
    return refused_file(name, f"---\ntitle: A\ndate: 2023-12-25\n{front}\n{SOURCE_BLOCK}---\n\nBody.[^src]\n")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (with_front("alias-in-itself.md", "tags: &t [a, *t]"), "an alias (*name) refers to the value it is inside of"),
        (
            with_front("alias-in-mapping.md", "extra: &m {b: *m}"),
            "an alias (*name) refers to the value it is inside of",
        ),
        (with_front("deep-5000.md", "tags: " + "[" * 5000 + "]" * 5000), "lists and fields nested more than 32 deep"),
        (with_front("open-100000.md", "tags: " + "[" * 100_000), "lists and fields nested more than 32 deep"),
        (with_front("complex-key.md", "? [a, b]\n: c"), "a field name must be text"),
    ],
    ids=["alias in itself", "alias in itself (mapping)", "5,000 deep", "100,000 '['", "complex key"],
)
def test_frontmatter_built_to_recurse(refusals, name, expected):
    refusals.assert_refused(f"content/events/{name}:4: {expected}")


def laughs(levels: int, field: str) -> str:
    """YAML's "billion laughs": each level nine aliases of the one before."""
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, levels)]
    anchors = "extra:\n" + "\n".join("  " + line for line in lines)
    return anchors if field == "unknown" else f"{anchors}\n{field}: *a{levels - 1}"


@pytest.mark.parametrize(("levels", "field"), [(7, "unknown"), (10, "unknown"), (10, "tags")])
def test_billion_laughs_are_refused_at_the_limit(refusals, levels, field):
    name = f"laughs-{levels}-{field}.md"
    refusals.assert_refused(f"content/events/{name}:", "more than 50,000 values once aliases (*name) are expanded")


for levels, field in [(7, "unknown"), (10, "unknown"), (10, "tags")]:
    with_front(f"laughs-{levels}-{field}.md", laughs(levels, field))


def test_links_loops_and_special_files_in_the_content_folder(tmp_path):
    project(tmp_path, {"a.md": event_file("A", "2023-12-25")})
    events = tmp_path / "content" / "events"
    (events / "dangling.md").symlink_to(tmp_path / "nowhere.md")
    (events / "loop.md").symlink_to(events / "loop.md")
    (events / "outside.md").symlink_to("/etc/hostname")
    (events / "zero.md").symlink_to("/dev/zero")
    os.mkfifo(events / "fifo.md")
    refused(
        tmp_path,
        "content/events/dangling.md: a link to a file that does not exist",
        "content/events/loop.md: a link that leads back to itself",
        "content/events/outside.md: a link to /etc/hostname, outside the project",
        "content/events/zero.md: a link to /dev/zero, outside the project",
        "content/events/fifo.md: not a regular file",
    )


def test_a_link_inside_the_project_is_read(accepted):
    # content/events/linked.md is a link to drafts/linked.md (the fixture makes it).
    assert accepted.page("events/linked/").h1.get_text() == "Linked in"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_an_unreadable_file(tmp_path):
    project(tmp_path, {"a.md": event_file("A", "2023-12-25")})
    (tmp_path / "content" / "events" / "a.md").chmod(0)
    refused(tmp_path, "content/events/a.md: cannot be read")


def with_body(name: str, body: str) -> str:
    return refused_file(name, event_file("A", "2023-12-25", body=body + "\n\nEnd.[^src]"))


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            with_body("list-300.md", "\n".join("  " * depth + "- item" for depth in range(300))),
            "body: a line indented 202 columns",
        ),
        (with_body("quotes-2000.md", ">" * 2000 + " deep"), "body: block quotes nested 2,000 deep"),
        (with_body("brackets-50000.md", "[" * 50_000), "body: 50,000 '[' are never closed"),
        (with_body("divs-50000.md", "<div>" * 50_000), "body: HTML elements nested 50,000 deep"),
        (with_body("citations-10000.md", "Cited.[^src] " * 10_000), "body: 10,001 footnote references"),
    ],
    ids=["list 300 deep", "quotes 2,000 deep", "50,000 '['", "50,000 <div>", "10,000 citations"],
)
def test_bodies_built_to_recurse_or_backtrack(refusals, name, expected):
    refusals.assert_refused(f"content/events/{name}:", expected)


LIST_2000 = with_body("list-2000.md", "\n".join("  " * depth + "- item" for depth in range(2000)))
WORDS = refused_file("words.md", event_file("A", "2023-12-25", body="word " * 1_100_000 + "[^src]"))


def test_a_list_2000_deep_is_past_the_size_limit_before_anything_parses_it(refusals):
    refusals.assert_refused(f"content/events/{LIST_2000}: 4,0", "bytes; the most a file may hold is 1,048,576")


def test_a_file_past_the_size_limit(refusals):
    refusals.assert_refused(f"content/events/{WORDS}: 5,500,", "bytes; the most a file may hold is 1,048,576")


# --- injection and spoofing -----------------------------------------------------------------------


def test_content_holds_only_events_actors_and_media(tmp_path):
    project(tmp_path, {"a.md": event_file("A", "2023-12-25")})
    (tmp_path / "content" / "evil.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    (tmp_path / "content" / "years").mkdir()
    (tmp_path / "content" / "years" / "2023.md").write_text("# Replaced", encoding="utf-8")
    (tmp_path / "content" / "media").mkdir()
    (tmp_path / "content" / "media" / "drawing.svg").write_text("<svg onload=alert(1)/>", encoding="utf-8")
    refused(
        tmp_path,
        "content/evil.html: not part of the chronology: content/ holds events/, actors/, places/, stories/ and media/ only",
        "content/years: not part of the chronology",
        "content/media/drawing.svg: not an image this site publishes",
    )


SPOOF = refused_file("page-2.md", event_file("Spoof", "2023-12-25"))


def test_an_event_cannot_take_the_address_of_an_index_page(refusals):
    refusals.assert_refused(f"content/events/{SPOOF}: this name is kept for a page of the events index")


SPOOFED_URLS = accepted_file(
    "urls.md",
    event_file(
        "A",
        "2023-12-25",
        body="![i](/\\evil.example/t.png) ![j](//evil.example/j.png) [k](ja&#9;vascript:alert(1))\n\n"
        "Fake banner.{ .md-banner .md-header }\n\nCited.[^src]",
    ),
)


def test_urls_are_judged_as_browsers_parse_them_and_site_classes_are_dropped(accepted):
    page = accepted.page(f"events/{SPOOFED_URLS}/")
    body_html = page.select_one(".tl-body")
    assert [img.get("src") for img in body_html.select("img")] == [None, None]
    assert all("javascript" not in (a.get("href") or "").replace("\t", "") for a in body_html.select("a"))
    assert not body_html.select(".md-banner, .md-header")


# --- silent losses and misleading messages ----------------------------------------------------------


TAGS = ["💥", "空袭", "غارة", "tag"]  # the only tags in ACCEPTED
for i, tag in enumerate(TAGS):
    accepted_file(f"tagged-{i}.md", event_file(f"E{i}", "2023-12-25", f"tags: ['{tag}']"))


def test_tags_in_any_script_get_pages_of_their_own(accepted):
    build, tags = accepted, TAGS
    names = [a.get_text() for a in build.page("tags/").select(".tl-tags a")]
    assert sorted(names) == sorted(tags)
    paths = build.links("tags/", ".tl-tags a")
    assert len(set(paths)) == 4
    for path in paths:
        assert len(build.page(path).select("ol.tl-rows > li")) == 1


DAY_ONLY = accepted_file("day-only.md", event_file("A", "2023-XX-25"))


def test_a_day_in_an_unknown_month_keeps_its_day(accepted):
    shown = accepted.page(f"events/{DAY_ONLY}/").select_one(".tl-facts dd").get_text(strip=True)
    assert shown == "day 25 of a month not given, 2023"


ESCAPED = ['"A\\0B"', '"\\x01\\x0b"', '"\\x92"']
for number, escaped in enumerate(ESCAPED):
    refused_file(f"escaped-{number}.md", event_file("A", "2023-12-25").replace("title: A", f"title: {escaped}", 1))


@pytest.mark.parametrize("escaped", ESCAPED)
def test_escaped_control_characters_in_a_title(refusals, escaped):
    name = f"escaped-{ESCAPED.index(escaped)}.md"
    refusals.assert_refused(f"content/events/{name}:2: title: control character U+")


def test_a_file_that_fails_to_load_is_reported_once(tmp_path):
    actors = {"united-states.md": "---\nname: [United States\nkind: state\n---\n"}
    events = {f"e{i}.md": event_file(f"E{i}", "2023-12-25", "actors: [united-states]") for i in range(3)}
    project(tmp_path, events, actors)
    output = refused(tmp_path, "content/actors/united-states.md:3: YAML syntax error")
    assert "unknown actor" not in output


RAW_CONTROL = refused_file("raw-control.md", event_file("A", "2023-12-25", "summary: It\x92s done"))


def test_a_raw_control_character_is_named_with_line_column_and_a_suggestion(refusals):
    line = refusals.assert_refused(
        f"content/events/{RAW_CONTROL}:4: control character U+0092 at column 12: probably '’' from text in Windows-1252",
        "did you mean '’'?",
    )
    assert line.endswith("did you mean '’'?")  # one line, for the problem matcher


refused_file("a\nb.md", event_file("A", "2023-12-25"))


def test_a_file_name_with_a_line_break_stays_on_one_line(refusals):
    refusals.assert_refused("content/events/a\\u000ab.md: file name is not a valid id")
    assert "a\nb.md" not in refusals.build.output + refusals.checked.stderr


OLD_MAC = accepted_file("old-mac.md", event_file("Old Mac", "2023-12-25").replace("\n", "\r"))


def test_old_mac_line_endings_are_read(accepted):
    assert accepted.page(f"events/{OLD_MAC}/").h1.get_text() == "Old Mac"


OTHER_LETTERS = refused_file("غارة.md", event_file("A", "2023-12-25"))


def test_a_name_of_only_other_letters_is_not_offered_as_its_own_fix(refusals):
    line = refusals.assert_refused(
        f"content/events/{OTHER_LETTERS}: file name is not a valid id; it becomes the page's address"
    )
    assert "did you mean 'غارة.md'" not in refusals.build.output + refusals.checked.stderr, line


HIDDEN = refused_file(".b.md", event_file("B", "2023-12-25"))


def test_hidden_markdown_files_are_named(refusals):
    refusals.assert_refused(f"content/events/{HIDDEN}: hidden files are not read")


SECOND_BLOCK = refused_file(
    "second-block.md", event_file("A", "2023-12-25").replace("---\n\n", "---\nplace: Erbil\n---\n\n", 1)
)


def test_a_second_block_of_fields(refusals):
    refusals.assert_refused(f"content/events/{SECOND_BLOCK}:", "a second block of fields between '---' lines")


def test_twenty_thousand_tags_on_one_event(tmp_path):
    tags = ", ".join(f"t{n}" for n in range(20_000))
    project(tmp_path, {"a.md": event_file("A", "2023-12-25", f"tags: [{tags}]")})
    output = refused(tmp_path, "content/events/a.md:4: tags: the list has 20,000 items; the most is 100")
    assert len(output) < 2_000  # the message does not print the list


EMPHASIS = ["*" * 50_000, "_" * 25_000, "*a" * 25_000]
for number, marks in enumerate(EMPHASIS):
    accepted_file(f"emphasis-{number}.md", event_file(f"Emphasis {number}", "2023-12-25", body=marks + " [^src]"))


@pytest.mark.parametrize("body", EMPHASIS, ids=["50,000 *", "25,000 _", "*a x25,000"])
def test_runs_of_emphasis_marks_build(accepted, body):
    number = EMPHASIS.index(body)
    assert accepted.page(f"events/emphasis-{number}/").h1.get_text() == f"Emphasis {number}"

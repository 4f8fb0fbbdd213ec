"""Two builds of the same content, under different conditions, are byte-identical: two
clones of a committed chronology built as a CI would (the date from the last commit, the
history of each file, build.json naming the commit), and `make repro` on the sample."""

from __future__ import annotations

import datetime
import filecmp
import gzip
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.synth import write_chronology
from tests.conftest import REPO, Build, actor_file, add_config, event_file, mkdocs_env, run_mkdocs, write_project
from tests.site.conftest import git
from tools import repro

# --- two clones of a committed chronology -------------------------------------------------------

LOCALES = ("fr_FR.UTF-8", "ar_EG.UTF-8")


@pytest.fixture(scope="module")
def locales(tmp_path_factory) -> dict[str, str]:
    """Settings under which French and Arabic (Egypt) locales exist: the system's where it
    has them, else compiled with localedef (Debian's `locales`) into a folder of our own."""
    have = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.lower().replace("utf8", "utf-8")
    if all(name.lower() in have.split() for name in LOCALES):
        return {}
    folder = tmp_path_factory.mktemp("locales")
    for name in LOCALES:
        source = name.split(".")[0]
        made = subprocess.run(
            ["localedef", "-i", source, "-f", "UTF-8", str(folder / name)], capture_output=True, text=True
        )
        if not (folder / name).is_dir():
            pytest.fail(f"cannot make the locale {name} (install Debian's locales): {made.stderr}")
    return {"LOCPATH": str(folder)}


def conditions(locales: dict[str, str]) -> list[dict[str, str]]:
    """Two builds' surroundings: locale, time zone and hash seed all differ."""
    return [
        {"LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "TZ": "UTC", "PYTHONHASHSEED": "1"},
        {
            **locales,
            "LANG": "fr_FR.UTF-8",
            "LC_TIME": "ar_EG.UTF-8",
            "LC_NUMERIC": "ar_EG.UTF-8",
            "LC_COLLATE": "ar_EG.UTF-8",
            "TZ": "America/St_Johns",  # UTC-2:30 in summer: the commits were made on the day before there
            "PYTHONHASHSEED": "4093",
        },
    ]


def build_env(extra: dict[str, str]) -> dict[str, str]:
    """This environment with no build date given (the plugin takes the last commit's) and
    no locale settings but ``extra``'s."""
    env = {name: value for name, value in mkdocs_env().items() if not name.startswith(("LC_", "LANG"))}
    env.pop("SOURCE_DATE_EPOCH", None)
    env.pop("LOCPATH", None)
    return {**env, **extra}


@pytest.fixture(scope="module")
def clone_builds(tmp_path_factory, locales) -> tuple[list[Path], str]:
    """A chronology committed twice (at 01:00 UTC, the day before in the second build's
    time zone), cloned into two folders and built in each under different conditions:
    the two projects and the commit they were built from."""
    origin = tmp_path_factory.mktemp("origin")
    write_project(
        origin,
        {"strike.md": event_file("Strike", "2023-12-25", "actors: [militia]"), "talk.md": event_file("Talk", "2024")},
        {"militia.md": actor_file("Militia")},
    )
    add_config(origin, "plugins:\n  - timeline:\n      locale: en_GB\n")
    git(origin, "init", "--quiet")
    git(origin, "add", "--all")
    git(origin, "commit", "--quiet", "-m", "first", when="2024-05-03T01:00:00Z")
    strike = origin / "content" / "events" / "strike.md"
    strike.write_text(strike.read_text().replace("Something happened.", "Something else happened."))
    (origin / "content" / "events" / "later.md").write_text(event_file("Later", "2024-06"), encoding="utf-8")
    git(origin, "add", "--all")
    git(origin, "commit", "--quiet", "-m", "second", when="2024-06-11T01:00:00Z")
    commit = git(origin, "rev-parse", "HEAD").strip()
    projects = []
    started = 0.0
    for index, extra in enumerate(conditions(locales)):
        project = tmp_path_factory.mktemp(f"clone-{index}") / ("nested/" * index) / f"project-{index}"
        subprocess.run(["git", "clone", "--quiet", str(origin), str(project)], check=True)
        then = time.time() - 86400 * 400 * index  # file times a year apart
        for path in project.rglob("*"):
            os.utime(path, (then, then), follow_symlinks=False)
        time.sleep(max(0.0, started + 1.1 - time.time()))  # and built at least a second apart
        started = time.time()
        env = build_env(extra)
        build = run_mkdocs(project, "--strict", env=env)
        assert build.returncode == 0, build.output
        projects.append(project)
    return projects, commit


def test_the_second_build_runs_in_other_locales(locales):
    """The conditions are what they say: in the second build's environment, Python names
    the months in Arabic (LC_TIME), so the locales there are in force, not ignored."""
    script = "import locale, time; locale.setlocale(locale.LC_ALL, ''); print(time.strftime('%B', time.gmtime(0)))"
    months = [
        subprocess.run([sys.executable, "-c", script], env=build_env(extra), capture_output=True, text=True, check=True)
        for extra in conditions(locales)
    ]
    assert months[0].stdout.strip() == "January"
    assert months[1].stdout.strip() == "يناير"  # January in Arabic (LC_TIME)


def test_two_clones_built_apart_are_byte_identical_search_index_included(clone_builds):
    (first, second), commit = clone_builds
    sites = [repro.digests(project / "site") for project in (first, second)]
    assert len(sites[0]) > 50
    assert len([name for name in sites[0] if name.startswith("pagefind/filter/")]) >= 3  # kind, year, tag
    assert "SHA256SUMS" in sites[0]
    assert repro.difference(*sites)[1] == []
    # What the comparison covers: the history of each file and the commit, from git.
    record = json.loads((first / "site" / "build.json").read_text())
    assert (record["commit"], record["changed"]) == (commit, False)
    assert record["date"] == int(datetime.datetime(2024, 6, 11, 1, tzinfo=datetime.UTC).timestamp())
    history = Build(0, "", first).page("events/strike/").select_one(".tl-history").get_text()
    assert " ".join(history.split()).startswith("First published 3 May 2024; last updated 11 June 2024")


# --- make repro ---------------------------------------------------------------------------------


def test_two_builds_of_the_sample_are_byte_identical():
    count, differing_files = repro.compare(REPO)
    assert count > 50  # every page, asset, sitemap.xml(.gz), search index and schema
    assert differing_files == []


def test_the_comparison_notices_a_difference(tmp_path):
    """compare() itself, on a project whose two builds differ: its description is the time
    zone, which compare() sets differently for each build."""
    write_project(tmp_path, {"e.md": event_file("An event", "2023")}, {})
    add_config(tmp_path, "site_description: !ENV [TZ, no zone]\n")
    (tmp_path / "theme").mkdir()  # compare() copies it; custom_dir is the repository's
    count, differing_files = repro.compare(tmp_path)
    assert count > 50
    # Pages describe themselves with the site's description, an event page with its own summary.
    assert {"index.html", "events/index.html", "404.html"} <= set(differing_files), differing_files
    assert "events/e/index.html" not in differing_files
    assert "schemas/event.schema.json" not in differing_files and "events.json" not in differing_files


# --- what the build is dated from, and what reuse changes ---------------------------------------


def test_build_date_comes_from_the_last_commit_not_the_clock(tmp_path):
    write_project(tmp_path, {"e.md": event_file("An event", "2023")}, {})
    git(tmp_path, "init", "--quiet")
    git(tmp_path, "add", "--all")
    git(tmp_path, "commit", "--quiet", "-m", "content", when="2001-02-03T04:05:06Z")
    build = run_mkdocs(tmp_path, env=build_env({}))
    assert build.returncode == 0, build.output
    with gzip.open(build.site / "sitemap.xml.gz") as archive:
        archive.read()
        stamped = datetime.datetime.fromtimestamp(archive.mtime, datetime.UTC)
    assert stamped.date() == datetime.date(2001, 2, 3)


def test_reusing_rendered_fragments_changes_no_byte(tmp_path):
    """Pages share their sidebars and event cards within a build (render/fragments.py);
    a build that renders every one afresh writes the same files."""
    sites = {}
    for reuse in (True, False):
        root = tmp_path / f"reuse-{reuse}"
        write_chronology(root, 150, seed=7)
        (root / "mkdocs.yml").write_text(
            f"INHERIT: {REPO / 'mkdocs.yml'}\ntheme:\n  custom_dir: {REPO / 'theme'}\n"
            f"plugins:\n  - timeline:\n      reuse_fragments: {str(reuse).lower()}\n      page_limit: 20\n",
            encoding="utf-8",
        )
        build = run_mkdocs(root, "--strict")
        assert build.returncode == 0, build.output
        sites[reuse] = build.site
    pages = sorted(path.relative_to(sites[True]) for path in sites[True].rglob("*.html"))
    assert len(pages) > 150  # events, actors, year, month and tag pages
    # Cards and rows are shared between pages at one depth: the check means something only
    # if they appear at several (years/2021/ and years/2021/march/, tags/x/ and tags/x/2021/).
    listed = re.compile(r'class="?tl-card[" >]|tl-rows')  # quoted or not: the pages are minified
    with_cards = {len(page.parts) for page in pages if listed.search((sites[False] / page).read_text())}
    assert len(with_cards) >= 2, with_cards
    assert pages == sorted(path.relative_to(sites[False]) for path in sites[False].rglob("*.html"))
    _, differing_pages, errors = filecmp.cmpfiles(sites[True], sites[False], [str(p) for p in pages], shallow=False)
    assert differing_pages == [] and errors == []

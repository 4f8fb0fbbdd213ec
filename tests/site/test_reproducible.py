"""Two builds of the same content, under different conditions, are byte-identical."""

from __future__ import annotations

import importlib.util

from tests.conftest import REPO, add_config, event_file, run_mkdocs, write_project


def load_repro():
    spec = importlib.util.spec_from_file_location("repro", REPO / "tools" / "repro.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_two_builds_of_the_sample_are_byte_identical():
    count, differing = load_repro().compare(REPO)
    assert count > 50  # every page, asset, sitemap.xml(.gz), search index and schema
    assert differing == []


def test_the_comparison_notices_a_difference(tmp_path):
    """compare() itself, on a project whose two builds differ: its description is the time
    zone, which compare() sets differently for each build."""
    write_project(tmp_path, {"e.md": event_file("An event", "2023")}, {})
    add_config(tmp_path, "site_description: !ENV [TZ, no zone]\n")
    (tmp_path / "theme").mkdir()  # compare() copies it; custom_dir is the repository's
    count, differing = load_repro().compare(tmp_path)
    assert count > 50
    assert {"index.html", "events/e/index.html", "404.html"} <= set(differing), differing
    assert "schemas/event.schema.json" not in differing and "events.json" not in differing


def test_build_date_comes_from_the_last_commit_not_the_clock(tmp_path):
    import datetime
    import gzip
    import os
    import subprocess

    write_project(tmp_path, {"e.md": event_file("An event", "2023")}, {})
    env = {**os.environ, "GIT_COMMITTER_DATE": "2001-02-03T04:05:06Z", "GIT_AUTHOR_DATE": "2001-02-03T04:05:06Z"}
    env.pop("SOURCE_DATE_EPOCH", None)
    for command in (
        ["git", "init", "-q"],
        ["git", "add", "-A"],
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "content"],
    ):
        subprocess.run(command, cwd=tmp_path, env=env, check=True)
    saved = os.environ.pop("SOURCE_DATE_EPOCH", None)
    try:
        build = run_mkdocs(tmp_path)
    finally:
        if saved is not None:
            os.environ["SOURCE_DATE_EPOCH"] = saved
    assert build.returncode == 0, build.output
    with gzip.open(build.site / "sitemap.xml.gz") as archive:
        archive.read()
        stamped = datetime.datetime.fromtimestamp(archive.mtime, datetime.UTC)
    assert stamped.date() == datetime.date(2001, 2, 3)


def test_reusing_rendered_fragments_changes_no_byte(tmp_path):
    """Pages share their sidebars and event cards within a build (render/fragments.py);
    a build that renders every one afresh writes the same files."""
    import filecmp

    from bench.synth import write_chronology

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
    # Cards are shared between pages at one depth: the check means something only if
    # they appear at several (years/2021/ and years/2021/march/, tags/x/ and tags/x/2021/).
    with_cards = {len(page.parts) for page in pages if 'class="tl-card"' in (sites[False] / page).read_text()}
    assert len(with_cards) >= 2, with_cards
    assert pages == sorted(path.relative_to(sites[False]) for path in sites[False].rglob("*.html"))
    _, differing, errors = filecmp.cmpfiles(sites[True], sites[False], [str(p) for p in pages], shallow=False)
    assert differing == [] and errors == []

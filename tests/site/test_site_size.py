"""The build says how large the site is, and a site past its host's documented limit
(`size_limit`, GitHub Pages' 1 GB by default) is a warning, never published under --strict."""

from __future__ import annotations

import subprocess

from tests.conftest import event_file, run_mkdocs, write_project


def project(tmp_path, limit: int | None):
    write_project(tmp_path, {"a.md": event_file("A", "2023-12-25")}, {})
    if limit is not None:
        with open(tmp_path / "mkdocs.yml", "a", encoding="utf-8") as config:
            config.write(f"plugins:\n  - timeline:\n      size_limit: {limit}\n")


def test_the_build_says_the_sites_size_as_du_counts_it(tmp_path):
    project(tmp_path, None)
    build = run_mkdocs(tmp_path, "--strict")
    assert build.returncode == 0, build.output
    files = sum(1 for path in build.site.rglob("*") if path.is_file())
    measured = int(
        subprocess.run(
            ["du", "-sb", "--apparent-size", str(build.site)], capture_output=True, text=True
        ).stdout.split()[0]
    )
    folders = sum(path.stat().st_size for path in [build.site, *build.site.rglob("*")] if path.is_dir())
    assert f"The site: {files:,} files, {measured - folders:,} bytes" in build.output


def test_a_site_past_its_limit_is_not_published_under_strict(tmp_path):
    project(tmp_path, 10_000)
    build = run_mkdocs(tmp_path, "--strict")
    assert build.returncode != 0
    assert "more than size_limit (10,000; GitHub Pages documents 1 GB for a published site)" in build.output
    assert "nothing was published" in build.output and not build.site.exists()


def test_a_site_past_its_limit_is_a_warning_without_strict(tmp_path):
    project(tmp_path, 10_000)
    build = run_mkdocs(tmp_path)
    assert build.returncode == 0
    assert "WARNING" in build.output and "more than size_limit" in build.output and build.site.exists()

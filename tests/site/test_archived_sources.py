"""Sources that do not rot: an archived snapshot (and its date, and a digest of a captured
copy) shown in the footnote and carried by events.json, timeline.csv and JSON-LD."""

from __future__ import annotations

import csv
import io
import json

from tests.conftest import build_strict, run_mkdocs, write_project

ARCHIVED = """\
---
title: Strike
date: '2023-12-25'
sources:
  - id: wire
    title: Strikes reported
    publisher: A Wire
    url: https://example.org/strikes
    archived: https://web.archive.org/web/20240503000000/https://example.org/strikes
    archived_on: '2024-05-03'
    sha256: {digest}
---

Strikes were reported.[^wire]
""".replace("{digest}", "a" * 64)


def test_an_archived_copy_is_shown_and_carried(tmp_path):
    build = build_strict(tmp_path, {"strike.md": ARCHIVED}, {})
    entry = build.page("events/strike/").find(id="fn:wire")
    archive = entry.select_one("a.tl-source__archive")
    assert archive["href"] == "https://web.archive.org/web/20240503000000/https://example.org/strikes"
    assert archive.get_text() == "archived copy, 3 May 2024"
    assert " ".join(entry.p.get_text().split()).startswith(
        "Strikes reported, A Wire. https://example.org/strikes (archived copy, 3 May 2024)"
    )
    data = json.loads((build.site / "events.json").read_text())["events"][0]["sources"][0]
    assert data["archived"].startswith("https://web.archive.org/") and data["sha256"] == "a" * 64
    assert data["archived_on"]["earliest"] == "2024-05-03"
    row = next(csv.DictReader(io.StringIO((build.site / "timeline.csv").read_text("utf-8-sig"))))
    assert row["archived"] == data["archived"]
    script = build.page("events/strike/").select_one('script[type="application/ld+json"]')
    assert json.loads(script.string)["citation"][0]["archivedAt"] == data["archived"]


def test_a_bad_archive_address_or_digest_is_named(tmp_path):
    text = ARCHIVED.replace("https://web.archive.org/web/20240503000000/", "web.archive.org/").replace("a" * 64, "xyz")
    write_project(tmp_path, {"strike.md": text}, {})
    build = run_mkdocs(tmp_path, "--strict")
    assert build.returncode != 0
    assert "content/events/strike.md:9: sources[0].archived:" in build.output and "http://" in build.output
    assert "content/events/strike.md:11: sources[0].sha256:" in build.output and "64 lowercase" in build.output

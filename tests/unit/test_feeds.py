"""The two Atom feeds share one header, and the corrections feed's title is in the site's
language like every other word a reader sees."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator import urls
from generator.exports import ATOM, atom_feed, corrections_feed
from generator.pipeline.chronology import build_chronology
from generator.text import load_text
from generator.urls import SiteAddress
from generator.views.pages import CorrectionsIndex
from generator.views.plan import default_titles, plan_pages

EVENT = """\
---
title: Strike
date: 2023-12-25
corrections:
  - date: 2024-01-03
    text: The toll was 3, not 5.[^src]
sources:
  - id: src
    title: A report
    publisher: A wire
---

It happened.[^src]
"""
BUILT = datetime.datetime(2024, 2, 1, tzinfo=datetime.UTC)
ADDRESS = SiteAddress("https://example.org/chron/")


def feeds(tmp_path: Path, language: str) -> tuple[ET.Element, ET.Element]:
    (tmp_path / "events").mkdir()
    (tmp_path / "actors").mkdir()
    (tmp_path / "events" / "strike.md").write_text(EVENT, encoding="utf-8")
    chronology, problems = build_chronology(tmp_path)
    assert chronology is not None, problems
    text = load_text(language)
    views = plan_pages(chronology, default_titles(text), 200, text)
    corrections = views[urls.CORRECTIONS]
    assert isinstance(corrections, CorrectionsIndex)
    events = atom_feed(chronology, ADDRESS, text, "Chronology", BUILT)
    corrected = corrections_feed(corrections.entries, ADDRESS, text, "Chronology", BUILT)
    return ET.fromstring(events), ET.fromstring(corrected)


def header(feed: ET.Element) -> list[tuple[str, dict[str, str]]]:
    return [
        (child.tag.removeprefix(f"{{{ATOM}}}"), dict(child.attrib)) for child in feed if child.tag != f"{{{ATOM}}}entry"
    ]


@pytest.mark.parametrize(
    ("language", "title"),
    [("en", "Chronology: corrections"), ("fr", "Chronology : corrections"), ("ar", "Chronology: التصحيحات")],
)
def test_the_corrections_feed_is_titled_in_the_sites_language(tmp_path, language, title):
    events, corrected = feeds(tmp_path, language)
    assert corrected.findtext(f"{{{ATOM}}}title") == title
    assert events.findtext(f"{{{ATOM}}}title") == "Chronology"


def test_both_feeds_have_the_same_header_for_their_own_page(tmp_path):
    events, corrected = feeds(tmp_path, "en")
    assert [tag for tag, _ in header(events)] == [tag for tag, _ in header(corrected)]
    own = {
        name: [(link.get("rel"), link.get("href")) for link in feed.findall(f"{{{ATOM}}}link")]
        for name, feed in (("events", events), ("corrections", corrected))
    }
    assert own["events"] == [("self", ADDRESS(urls.FEED)), ("alternate", ADDRESS(urls.HOME))]
    assert own["corrections"] == [("self", ADDRESS(urls.CORRECTIONS_FEED)), ("alternate", ADDRESS(urls.CORRECTIONS))]
    for feed in (events, corrected):
        assert feed.findtext(f"{{{ATOM}}}updated") == "2024-02-01T00:00:00Z"
        assert feed.findtext(f"{{{ATOM}}}author/{{{ATOM}}}name") == "Chronology"
    assert events.findtext(f"{{{ATOM}}}id") != corrected.findtext(f"{{{ATOM}}}id")

"""A chronology too large for one Pagefind process is indexed in shards: the browser
merges them, and finds, counts and filters as in one index; two runs write the same
bytes."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

from generator.build.search_index import SHARDS_FILE, RenderedIndex
from tests.browser.conftest import thirty_strikes
from tests.conftest import build_strict


def index_in_shards(site: Path, shard_bytes: int) -> list[str]:
    """Index the built site's pages again, as a build hands them over, in small shards."""
    shutil.rmtree(site / "pagefind")
    index = RenderedIndex(shard_bytes, shard_bytes)
    for page in sorted(site.rglob("index.html")):
        index.add(page.relative_to(site).as_posix(), page.read_text(encoding="utf-8"))
    index.finish(site)
    return sorted(path.relative_to(site).as_posix() for path in (site / "pagefind").rglob("*") if path.is_file())


def test_shards_are_searched_as_one_index(tmp_path, browser, serve_site):
    events, actors = thirty_strikes()
    build = build_strict(tmp_path, events, actors)
    files = index_in_shards(build.site, 40_000)
    bytes_once = {name: (build.site / name).read_bytes() for name in files}
    assert index_in_shards(build.site, 40_000) == files
    assert {name: (build.site / name).read_bytes() for name in files} == bytes_once  # reproducible
    shards = (build.site / "pagefind" / SHARDS_FILE).read_text(encoding="utf-8")
    assert shards.startswith('["1/"')  # more than one
    assert not [name for name in files if name.startswith("pagefind/1/") and name.endswith((".js", ".pagefind"))]
    # What repeats on every page is not indexed: the neighbours' titles, the citation.
    fragments = [gzip.decompress((build.site / name).read_bytes()) for name in files if name.endswith(".pf_fragment")]
    assert len(fragments) == 36
    assert not [text for text in fragments if b"Cite this" in text or b"Next event" in text]

    page = browser.new_page()
    page.goto(serve_site(build.site) + "search/?q=strike&kind=Event")
    page.wait_for_selector(".tl-search__results a")
    status = page.inner_text(".md-content .tl-search__status")
    counts = page.eval_on_selector_all("select[name=tag] option", "options => options.map(o => o.textContent)")
    page.goto(serve_site(build.site) + "search/?q=dawn&tag=tag-0")
    page.wait_for_selector(".tl-search__results a")
    dawn = page.eval_on_selector_all(".tl-search__results a", "links => links.map(a => a.href)")
    page.close()
    assert status.endswith(" 30"), status
    assert "shared (30)" in counts and "tag-1 (8)" in counts, counts
    assert len(dawn) == len([n for n in range(30) if n % 3 == 0 and n % 4 == 0])
    assert all("/events/" in href for href in dawn)

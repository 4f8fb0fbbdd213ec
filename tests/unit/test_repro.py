"""`make repro`'s comparison (tools/repro.py) on two folders: it names every file that
differs or is in one folder only, every file compared byte for byte, the search index
and SHA256SUMS included."""

from __future__ import annotations

from tools import repro


def write(folder, files: dict[str, str]) -> None:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")


def test_the_comparison_of_two_folders_names_what_differs(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    same = {"same.txt": "same", "pagefind/fragment/x.pf_fragment": "same bytes"}
    write(first, {**same, "page.html": "one", "only-here.txt": "x", "pagefind/filter/one.pf_filter": "1"})
    write(first, {"SHA256SUMS": "a list", "pagefind/pagefind-entry.json": "{}"})
    write(second, {**same, "page.html": "two", "pagefind/filter/two.pf_filter": "2"})
    write(second, {"SHA256SUMS": "another", "pagefind/pagefind-entry.json": "[]"})
    count, differing = repro.compare_sites(first, second)
    assert differing == [
        "SHA256SUMS",
        "only-here.txt",
        "page.html",
        "pagefind/filter/one.pf_filter",
        "pagefind/filter/two.pf_filter",
        "pagefind/pagefind-entry.json",
    ]
    assert count == 8
    assert repro.compare_sites(first, first) == (7, [])


def test_a_search_index_file_of_other_bytes_is_a_difference(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    write(first, {"pagefind/filter/one.pf_filter": "1"})
    write(second, {"pagefind/filter/one.pf_filter": "2"})
    assert repro.compare_sites(first, second) == (1, ["pagefind/filter/one.pf_filter"])

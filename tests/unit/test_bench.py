"""The benchmark's own arithmetic: the memory of a build summed over its process tree, the
kinds of file it counts, and the README table it writes."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from bench import report
from bench.memory import SummedPeak, read_processes, tree_sum
from bench.run import file_kind


def test_the_sum_covers_the_root_and_every_descendant_only():
    processes = {
        10: (1, 100),  # the build
        11: (10, 20),  # its child (Pagefind)
        12: (11, 3),  # a grandchild
        13: (10, 4),
        20: (1, 1000),  # another process on the machine
        21: (20, 7),
    }
    assert tree_sum(processes, 10) == 127
    assert tree_sum(processes, 11) == 23
    assert tree_sum(processes, 99) == 0  # ended before it was read


def test_the_sum_survives_a_parent_loop_in_a_torn_read():
    # /proc is read one process at a time: a pid reused during the read must not loop.
    assert tree_sum({5: (6, 1), 6: (5, 2)}, 5) == 3


def test_proc_is_read_with_parents_and_resident_bytes():
    processes = read_processes()
    parent, resident = processes[os.getpid()]
    assert parent == os.getppid() and resident > 1_000_000


def test_the_peak_counts_a_child_as_well_as_its_parent():
    # A parent of ~10 MB whose child holds 60 MB for a second: the sum passes 60 MB.
    child = "import time; b = bytearray(60_000_000); b[::4096] = b'x' * len(b[::4096]); time.sleep(1.2)"
    parent = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {child!r}])"
    process = subprocess.Popen([sys.executable, "-c", parent])
    with SummedPeak(process.pid, interval=0.05) as peak:
        process.wait()
    assert peak.samples > 5
    assert peak.bytes > 60_000_000


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("events/strike/index.html", "event pages"),
        ("events/index.html", "other pages"),
        ("events/page-2/index.html", "other pages"),
        ("actors/group/index.html", "actor pages"),
        ("tags/airstrike/index.html", "tag pages"),
        ("years/2023/05/index.html", "period pages"),
        ("pagefind/fragment/en_1.pf_fragment", "search index"),
        ("events.json", "exports"),
        ("data/2023/events.json.bz2", "exports"),
        ("feed.xml", "exports"),
        ("assets/stylesheets/main.css", "assets"),
        ("index.html", "other pages"),
        ("SHA256SUMS", "other pages"),
    ],
)
def test_files_are_counted_by_kind(path, kind):
    assert file_kind(path) == kind
    assert kind in report.KINDS


RESULTS = [
    {
        "size": "1000",
        "runs": 3,
        "events": 1000,
        "ours": {
            "median_seconds": 8.0,
            "peak_memory_bytes": 300 * 1024 * 1024,
            "bytes": 40_000_000,
            "by_kind": {"event pages": 20_480_000, "exports": 700_000},
            "serve_edit_seconds": 0.9,
        },
        "baseline": {"median_seconds": 4.0, "peak_memory_bytes": 70 * 1024 * 1024, "bytes": 20_000_000},
        "hugo": {"median_seconds": 0.5, "peak_memory_bytes": 150 * 1024 * 1024, "bytes": 5_000_000},
    },
    {"size": "100000", "runs": 1, "events": 100000, "ours": {"seconds": 600.0, "bytes": 900_000_000}},
]


def test_the_table_puts_plain_mkdocs_and_hugo_beside_ours():
    lines = report.builds(RESULTS)
    assert lines[2] == (
        "| 1,000 | 8.00 s | 4.00 s | 0.50 s | 2.00 | 16.00 | 300 MiB / 70 MiB / 150 MiB "
        "| 38 MiB / 19 MiB / 4.8 MiB | 0.90 s / – |"
    )
    assert lines[3].startswith("| 100,000 (one build) | 600.0 s | – | – | – | – | – / – / – |")


def test_the_table_says_bytes_per_event_by_kind():
    lines = report.kinds(RESULTS)
    assert lines[0].startswith("| events | event pages | actor pages |")
    cells = [cell.strip() for cell in lines[2].split("|")[1:-1]]
    assert cells[0] == "1,000" and cells[1] == "20.5" and cells[2] == "–" and cells[7] == "0.7"
    assert cells[-1] == "40.0"  # the whole site


def test_the_table_replaces_what_was_between_the_markers_only():
    readme = f"# Title\n\nbefore\n\n{report.START}\nold table\n{report.END}\n\nafter\n"
    once = report.replace_table(readme, "new table")
    assert once == f"# Title\n\nbefore\n\n{report.START}\nnew table\n{report.END}\n\nafter\n"
    assert report.replace_table(once, "new table") == once
    with pytest.raises(ValueError, match="markers"):
        report.replace_table("# no markers\n", "table")


def test_the_readme_has_the_markers():
    from tests.conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert readme.count(report.START) == 1 and readme.count(report.END) == 1


def test_results_load_this_run_then_once_runs_by_size(tmp_path):
    import json

    (tmp_path / "results.json").write_text(json.dumps({"results": [{"size": "10000"}, {"size": "sample"}]}))
    (tmp_path / "results-100000.json").write_text(json.dumps({"results": [{"size": "100000", "runs": 1}]}))
    assert [r["size"] for r in report.load(tmp_path)] == ["sample", "10000", "100000"]

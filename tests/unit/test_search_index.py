"""The search index's command: what the build says when Pagefind cannot finish."""

from __future__ import annotations

import subprocess

import pytest

from generator.build import search_index


def test_a_search_index_killed_for_memory_says_so(tmp_path, monkeypatch):
    def killed(*args, **kwargs):
        return subprocess.CompletedProcess(args, -9, "", "")

    monkeypatch.setattr(search_index.subprocess, "run", killed)
    with pytest.raises(search_index.SearchIndexError, match=r"stopped by SIGKILL .*memory.*search: summaries"):
        search_index.index_site(tmp_path)

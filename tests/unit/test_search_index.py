"""The search index's command: what the build says when Pagefind cannot finish."""

from __future__ import annotations

import pytest

from generator.build import search_index


def test_a_search_index_killed_for_memory_says_so(tmp_path, monkeypatch):
    # Pagefind as the system's out-of-memory killer leaves it: ended by SIGKILL.
    killed = tmp_path / "pagefind-killed"
    killed.write_text("#!/bin/sh\nkill -9 $$\n")
    killed.chmod(0o755)
    monkeypatch.setattr(search_index.sys, "executable", str(killed))
    with pytest.raises(search_index.SearchIndexError, match=r"stopped by SIGKILL .*memory.*search: summaries"):
        search_index.index_site(tmp_path)

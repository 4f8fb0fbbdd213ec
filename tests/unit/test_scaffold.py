"""`python -m generator new`: the scaffold never overwrites a file."""

from __future__ import annotations

from tests.conftest import run_generator, write_project


def test_scaffold_refuses_to_overwrite(tmp_path):
    write_project(tmp_path, {}, {})
    assert run_generator("--content", "content", "new", "event", "Same title", cwd=tmp_path).returncode == 0
    before = (tmp_path / "content/events/same-title.md").read_text()
    again = run_generator("--content", "content", "new", "event", "Same title", cwd=tmp_path)
    assert again.returncode == 1
    assert "already exists" in again.stderr
    assert (tmp_path / "content/events/same-title.md").read_text() == before

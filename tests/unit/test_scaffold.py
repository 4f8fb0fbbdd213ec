"""`python -m generator new`: the scaffold never overwrites a file."""

from __future__ import annotations

from generator.commands.new import new_file
from generator.core.geo import PRECISION_RADII
from tests.conftest import run_generator, write_project


def test_scaffold_refuses_to_overwrite(tmp_path):
    write_project(tmp_path, {}, {})
    assert run_generator("--content", "content", "new", "event", "Same title", cwd=tmp_path).returncode == 0
    before = (tmp_path / "content/events/same-title.md").read_text()
    again = run_generator("--content", "content", "new", "event", "Same title", cwd=tmp_path)
    assert again.returncode == 1
    assert "already exists" in again.stderr
    assert (tmp_path / "content/events/same-title.md").read_text() == before


def test_a_place_file_lists_the_precisions_with_their_radii(tmp_path):
    path = new_file(tmp_path, "place", "Al-Bukamal (البوكمال)")
    assert path == tmp_path / "places/al-bukamal.md"
    text = path.read_text(encoding="utf-8")
    assert 'name: "Al-Bukamal (البوكمال)"' in text
    assert "town (5 km)" in text and "site (250 m)" in text and all(word in text for word in PRECISION_RADII)
    again = run_generator("--content", str(tmp_path), "new", "place", "Al-Bukamal (البوكمال)")
    assert again.returncode == 1 and "already exists" in again.stderr

"""Loading keeps what the editor typed, and where they typed it."""

from generator.pipeline.load import load_content


def write(root, folder, name, text):
    path = root / folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_values_stay_the_text_the_editor_typed(tmp_path):
    (tmp_path / "actors").mkdir()
    write(tmp_path, "events", "a.md", "---\ntitle: NO\ndate: 2023-12-25\nplace: 12:30\ntags: [yes, 1.0]\n---\nBody\n")
    loaded = load_content(tmp_path)
    assert loaded.problems == []
    (record,) = loaded.records
    assert record.data == {"title": "NO", "date": "2023-12-25", "place": "12:30", "tags": ["yes", "1.0"]}


def test_every_field_knows_its_line(tmp_path):
    (tmp_path / "actors").mkdir()
    write(tmp_path, "events", "a.md", "---\ntitle: T\nactors:\n  - id: x\n    role: y\n  - z\n---\n\nBody\n")
    (record,) = load_content(tmp_path).records
    assert record.lines[("title",)] == 2
    assert record.lines[("actors", 0, "role")] == 5
    assert record.lines[("actors", 1)] == 6
    assert record.body_line == 8  # the blank line after the closing ---

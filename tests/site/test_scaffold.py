"""`python -m generator new` makes files that the build refuses until they are filled in,
and that build once they are."""

from __future__ import annotations

import json

from tests.conftest import frontmatter_of, run_generator, run_mkdocs, write_project


def test_scaffolded_files_fail_until_filled_in_then_build(tmp_path):
    write_project(tmp_path, {}, {})

    def scaffold(*args: str) -> int:
        return run_generator("--content", "content", "new", *args, cwd=tmp_path).returncode

    assert scaffold("event", "Drone attack: Erbil") == 0
    assert scaffold("actor", "Kataib Hezbollah", "--actor-kind", "group") == 0
    event = tmp_path / "content/events/drone-attack-erbil.md"
    actor = tmp_path / "content/actors/kataib-hezbollah.md"
    assert frontmatter_of(event)["title"] == "Drone attack: Erbil"

    unfilled = run_mkdocs(tmp_path, "--strict")
    assert unfilled.returncode == 1
    assert "content/events/drone-attack-erbil.md:8: date: placeholder 'FILL IN' left in; replace it" in unfilled.output
    assert "content/actors/kataib-hezbollah.md:19: sources[0].title: placeholder 'FILL IN' left in" in unfilled.output

    event.write_text(
        event.read_text()
        .replace("FILL IN (YYYY-MM-DD)", "XXXX-12-20")
        .replace("# actors:\n#   - id: FILL IN", "actors:\n  - id: kataib-hezbollah")
        .replace("#     role: FILL IN", "    role: accused")
        .replace("FILL IN", "Filled")
    )
    actor.write_text(actor.read_text().replace("FILL IN", "Filled"))
    filled = run_mkdocs(tmp_path, "--strict")
    assert filled.returncode == 0, filled.output
    page = filled.page("actors/kataib-hezbollah/")
    assert [a.get_text() for a in page.select(".tl-appearances li a")] == ["Drone attack: Erbil"]


def test_a_scaffolded_place_fails_until_filled_in_then_places_an_event(tmp_path):
    write_project(tmp_path, {}, {})
    made = run_generator("--content", "content", "new", "place", "Erbil air base", cwd=tmp_path)
    assert made.returncode == 0 and "content/places/erbil-air-base.md" in made.stdout
    assert run_generator("--content", "content", "new", "event", "Drone attack", cwd=tmp_path).returncode == 0
    place = tmp_path / "content/places/erbil-air-base.md"
    event = tmp_path / "content/events/drone-attack.md"
    unfilled = run_mkdocs(tmp_path, "--strict")
    assert unfilled.returncode == 1
    assert "content/places/erbil-air-base.md:13: coordinates.latitude: placeholder 'FILL IN' left in" in unfilled.output

    place.write_text(
        place.read_text()
        .replace("FILL IN (e.g. 34.4536)", "36.2376")
        .replace("FILL IN (e.g. 40.9185)", "43.9632")
        .replace("FILL IN (e.g. town)", "site")
        .replace("FILL IN", "Filled")
    )
    event.write_text(
        event.read_text()
        .replace("FILL IN (YYYY-MM-DD)", "2024-01-20")
        .replace("# place: FILL IN", "place: erbil-air-base")
        .replace("FILL IN", "Filled")
    )
    filled = run_mkdocs(tmp_path, "--strict")
    assert filled.returncode == 0, filled.output
    assert frontmatter_of(place)["coordinates"] == {"latitude": "36.2376", "longitude": "43.9632", "precision": "site"}
    events = json.loads((filled.site / "events.json").read_text())["events"]
    assert events[0]["place"]["id"] == "erbil-air-base" and events[0]["coordinates"]["precision"] == "site"

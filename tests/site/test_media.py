"""`media:` on events and actors: local images, scaled at build time to a few widths
(srcset), the same bytes every build; a missing file or alt is an editor's error."""

from __future__ import annotations

import hashlib

import pytest
from PIL import Image

from tests.conftest import actor_file, build_strict, event_file, run_mkdocs, write_project

PHOTO = """
media:
  - file: base.jpg
    alt: The K-1 base from the air
    caption: The base after the attack
    credit: Example Wire
"""


def write_images(root):
    media = root / "content" / "media"
    media.mkdir(parents=True, exist_ok=True)
    photo = Image.new("RGB", (2000, 1000))
    for x in range(0, 2000, 50):  # some detail for the encoder
        photo.paste((x % 255, 80, 160), (x, 0, x + 25, 1000))
    photo.save(media / "base.jpg", quality=95)
    Image.new("RGBA", (500, 250), (200, 0, 0, 128)).save(media / "logo.png")


@pytest.fixture(scope="module")
def pictured(tmp_path_factory):
    root = tmp_path_factory.mktemp("pictured")
    write_images(root)
    events = {"strike.md": event_file("Strike", "2023-12-25", PHOTO)}
    actors = {"wire.md": actor_file("A wire", extra="media:\n  - file: logo.png\n    alt: The wire's logo\n")}
    return build_strict(root, events, actors, "site_url: https://example.org/chronology/\n")


def test_an_events_image_has_widths_to_choose_from(pictured):
    figure = pictured.page("events/strike/").select_one("figure.tl-media")
    image = figure.img
    assert image["alt"] == "The K-1 base from the air"
    assert (image["width"], image["height"]) == ("1280", "640")
    widths = [entry.strip().rsplit(" ", 1) for entry in image["srcset"].split(",")]
    assert [width for _, width in widths] == ["320w", "640w", "1280w"]
    for path, width in widths:
        target = pictured.site / "events" / "strike" / path
        with Image.open(target) as scaled:
            assert scaled.size[0] == int(width[:-1]) and not scaled.info.get("exif")
    assert figure.figcaption.get_text(" ", strip=True) == "The base after the attack Credit: Example Wire"
    # On the timeline card, the narrowest; in link previews, the largest.
    card = pictured.page("").select_one("#strike img.tl-card__image")
    assert card["src"].endswith("media/resized/base-320.jpg") and card["alt"] == "The K-1 base from the air"
    og = pictured.page("events/strike/").select_one('meta[property="og:image"]')["content"]
    assert og == "https://example.org/chronology/media/resized/base-1280.jpg"


def test_a_small_image_is_never_scaled_up(pictured):
    image = pictured.page("actors/wire/").select_one("figure.tl-media img")
    assert image["srcset"].split(", ")[-1].endswith("media/logo.png 500w")
    assert [entry.split()[1] for entry in image["srcset"].split(", ")] == ["320w", "500w"]


def test_scaled_images_are_the_same_bytes_every_build(tmp_path, pictured):
    write_images(tmp_path)
    again = build_strict(tmp_path, {"strike.md": event_file("Strike", "2023-12-25", PHOTO)}, {})
    for name in ("base-320.jpg", "base-640.jpg", "base-1280.jpg"):
        first = (pictured.site / "media" / "resized" / name).read_bytes()
        second = (again.site / "media" / "resized" / name).read_bytes()
        assert hashlib.sha256(first).digest() == hashlib.sha256(second).digest(), name


@pytest.mark.parametrize(
    ("media", "message"),
    [
        (
            "media:\n  - file: bsae.jpg\n    alt: A base\n",
            "content/events/a.md:5: media[0].file: 'bsae.jpg' is not a file in content/media/",
        ),
        ("media:\n  - file: base.jpg\n", "content/events/a.md:5: media[0].alt: missing required field"),
        ("media:\n  - file: notes.jpg\n    alt: Notes\n", "content/media/notes.jpg: not an image Pillow can read"),
    ],
)
def test_a_missing_file_alt_or_unreadable_image_is_named(tmp_path, media, message):
    write_project(tmp_path, {"a.md": event_file("A", "2023-01-01", media)}, {})
    write_images(tmp_path)
    (tmp_path / "content" / "media" / "notes.jpg").write_bytes(b"not a picture")
    build = run_mkdocs(tmp_path, "--strict")
    assert build.returncode != 0 and "Traceback" not in build.output
    assert message in build.output, build.output
    if "bsae" in media:
        assert "did you mean 'base.jpg'?" in build.output

"""Hostile input on the media door: photos publish no metadata (GPS above all), names that
would break SHA256SUMS or a srcset are refused, and a link to a folder publishes nothing."""

from __future__ import annotations

import io
import os

import pytest
from PIL import Image, PngImagePlugin

from tests.conftest import build_strict, event_file, run_mkdocs, write_project

SHOWN = "media:\n  - file: {name}\n    alt: A photo\n"
GPS = {2: (34, 0, 0), 1: "N", 4: (44, 0, 0), 3: "E"}  # latitude and longitude, as cameras write them
XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description>secret-place</rdf:Description></x:xmpmeta>'


def photo(width: int, height: int) -> Image.Image:
    image = Image.new("RGB", (width, height), (20, 120, 200))
    image.paste((250, 250, 0), (0, 0, width // 4, height // 4))  # a corner to see which way it is turned
    return image


def exif(orientation: int = 1) -> Image.Exif:
    data = Image.Exif()
    data[0x0112] = orientation
    data[0x0131] = "Camera firmware 1.0"  # Software
    data.get_ifd(0x8825).update(GPS)
    return data


def write_media(media) -> None:
    media.mkdir(parents=True)
    # Turned: the camera was held upright (orientation 6: rotate 90° clockwise to show).
    photo(400, 200).save(media / "small.jpg", exif=exif(6), xmp=XMP, comment=b"taken at the safe house")
    photo(1600, 800).save(media / "large.jpg", exif=exif())
    text = PngImagePlugin.PngInfo()
    text.add_text("Comment", "taken at the safe house")
    text.add_text("XML:com.adobe.xmp", XMP.decode())
    photo(300, 150).save(media / "chart.png", pnginfo=text, exif=exif())
    photo(300, 150).save(media / "frame.webp", exif=exif(), xmp=XMP)
    frames = [photo(60, 30), photo(60, 30).transpose(Image.Transpose.FLIP_LEFT_RIGHT)]
    frames[0].save(media / "moving.gif", save_all=True, append_images=frames[1:], duration=200, comment=b"secret-place")


def showing_every_photo() -> dict[str, str]:
    """An event per photo of `write_media` (the animated one in its body)."""
    events = {
        f"{n}.md": event_file(n, "2023-12-25", SHOWN.format(name=f"{n}.{s}"))
        for n, s in (("small", "jpg"), ("large", "jpg"), ("chart", "png"), ("frame", "webp"))
    }
    events["moving.md"] = event_file(
        "moving", "2023-12-25", "", body="Seen.[^src]\n\n![A moving picture](../media/moving.gif)"
    )
    return events


@pytest.fixture(scope="module")
def photos(tmp_path_factory):
    root = tmp_path_factory.mktemp("photos")
    write_media(root / "content" / "media")
    return build_strict(root, showing_every_photo(), {})


def published_images(site):
    return sorted(path for path in (site / "media").rglob("*") if path.is_file())


def test_no_published_image_carries_metadata(photos):
    images = published_images(photos.site)
    names = {path.relative_to(photos.site / "media").as_posix() for path in images}
    assert {"small.jpg", "large.jpg", "chart.png", "frame.webp", "moving.gif", "resized/large-320.jpg"} <= names
    for path in images:
        data = path.read_bytes()
        for secret in (b"safe house", b"secret-place", b"Camera firmware", b"Exif\x00\x00", b"xmpmeta"):
            assert secret not in data, f"{path.name} carries {secret!r}"
        with Image.open(io.BytesIO(data)) as image:
            assert not dict(image.getexif()), path.name
            assert not {"exif", "xmp", "XML:com.adobe.xmp", "comment", "Comment", "icc_profile"} & set(image.info), (
                path.name,
                image.info,
            )


def test_an_image_is_published_as_the_camera_was_held(photos):
    with Image.open(photos.site / "media" / "small.jpg") as image:
        assert image.size == (200, 400)  # orientation 6 applied, then dropped


def test_an_animated_image_keeps_its_frames(photos):
    with Image.open(photos.site / "media" / "moving.gif") as image:
        assert getattr(image, "n_frames", 1) == 2


def test_the_cleaned_images_are_the_same_bytes_every_build(photos, tmp_path):
    write_media(tmp_path / "content" / "media")
    again = build_strict(tmp_path, showing_every_photo(), {})
    for path in published_images(photos.site):
        assert path.read_bytes() == (again.site / path.relative_to(photos.site)).read_bytes(), path.name


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("evil\n0000  index.html.jpg", "U+000A"),
        ("tab\there.png", "U+0009"),
        ("a, b.png", "','"),
        ("a#b.png", "'#'"),
        ("what?.png", "'?'"),
        ("my photo.png", "U+0020"),
    ],
)
def test_a_name_the_site_cannot_carry_is_refused_with_the_file_named(tmp_path, name, shown):
    media = tmp_path / "content" / "media"
    media.mkdir(parents=True)
    photo(40, 20).save(media / name, format="PNG")
    write_project(tmp_path, {"a.md": event_file("A", "2023-12-25")}, {})
    build = run_mkdocs(tmp_path, "--strict")
    assert build.returncode != 0
    assert f"the name holds {shown}" in build.output and "rename it to '" in build.output, build.output
    assert not (tmp_path / "site").exists()


def test_a_link_to_a_folder_in_the_project_is_refused(tmp_path):
    secret = tmp_path / ".git"
    secret.mkdir()
    photo(40, 20).save(secret / "inside.png")
    (secret / "config").write_text("[remote] url = https://token@example.org/\n")
    media = tmp_path / "content" / "media"
    media.mkdir(parents=True)
    os.symlink("../../.git", media / "git")
    write_project(tmp_path, {"a.md": event_file("A", "2023-12-25")}, {})
    build = run_mkdocs(tmp_path, "--strict")
    assert build.returncode != 0
    assert "content/media/git: a link to a folder; copy the images in instead" in build.output, build.output
    assert not (tmp_path / "site").exists()


def test_only_images_of_content_media_are_published(tmp_path):
    """A hidden file is not read, and nothing but the cleaned images lands under media/."""
    media = tmp_path / "content" / "media"
    media.mkdir(parents=True)
    photo(40, 20).save(media / "map.png")
    (media / ".notes.txt").write_text("private")
    build = build_strict(tmp_path, {"a.md": event_file("A", "2023-12-25", SHOWN.format(name="map.png"))}, {})
    assert [p.name for p in published_images(build.site)] == ["map.png"]


def refused(tmp_path, write) -> str:
    media = tmp_path / "content" / "media"
    media.mkdir(parents=True, exist_ok=True)
    write(media)
    write_project(tmp_path, {"a.md": event_file("A", "2023-12-25")}, {})
    build = run_mkdocs(tmp_path, "--strict")
    assert build.returncode != 0 and "Traceback" not in build.output, build.output
    assert not (tmp_path / "site").exists()
    return build.output


def test_an_animation_of_a_huge_canvas_is_refused_before_it_is_decoded(tmp_path):
    def write(media):
        # Frames that differ by one pixel: the file holds a few hundred bytes, the canvas
        # decodes to 16 million pixels a frame.
        frames = [Image.new("P", (4000, 4000)) for _ in range(10)]
        for number, frame in enumerate(frames):
            frame.putpixel((number, 0), number + 1)
        frames[0].save(media / "bomb.gif", save_all=True, append_images=frames[1:])
        assert (media / "bomb.gif").stat().st_size < 100_000

    output = refused(tmp_path, write)
    assert "content/media/bomb.gif: 5 frames of 4,000 × 4,000 pixels, more than the 64,000,000" in output


def test_a_huge_image_is_refused_before_it_is_decoded(tmp_path):
    output = refused(tmp_path, lambda media: Image.new("1", (9000, 9000)).save(media / "big.png"))
    assert "content/media/big.png: 9,000 × 9,000 pixels, more than the 64,000,000 an image may have" in output


def test_an_animated_avif_is_refused_as_it_cannot_be_the_same_every_build(tmp_path):
    def write(media):
        frames = [photo(40, 20), photo(40, 20).transpose(Image.Transpose.FLIP_LEFT_RIGHT)]
        frames[0].save(media / "moving.avif", save_all=True, append_images=frames[1:], duration=100)

    assert "content/media/moving.avif: an animated AVIF cannot be published the same every build" in refused(
        tmp_path, write
    )


def test_the_folder_of_scaled_images_is_kept_for_the_site(tmp_path):
    def write(media):
        (media / "resized").mkdir()
        photo(40, 20).save(media / "resized" / "map-320.png")

    assert "content/media/resized: the site puts scaled images there; rename the folder" in refused(tmp_path, write)


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("evil\u202egnp.png", "U+202E"),
        ("a\u200bb.png", "U+200B"),
        ("a\u00a0b.png", "U+00A0"),
        ("cafe\u0301.png", "decomposed accents (NFD)"),
        ("x" * 200 + ".png", "longer than 180 bytes"),
    ],
)
def test_a_name_that_looks_like_another_is_refused(tmp_path, name, said):
    output = refused(tmp_path, lambda media: photo(40, 20).save(media / name, format="PNG"))
    assert said in output and "rename it to '" in output, output


def test_two_images_whose_names_differ_in_case_keep_their_own_scaled_copies(tmp_path):
    media = tmp_path / "content" / "media"
    media.mkdir(parents=True)
    photo(1400, 100).save(media / "map.png")
    Image.new("RGB", (1400, 100), (0, 0, 255)).save(media / "map.PNG", format="PNG")
    events = {
        "red.md": event_file("Red", "2023-12-25", SHOWN.format(name="map.png")),
        "blue.md": event_file("Blue", "2023-12-25", SHOWN.format(name="map.PNG")),
    }
    build = build_strict(tmp_path, events, {})
    red, blue = (build.page(f"events/{n}/").select_one("figure.tl-media img")["srcset"] for n in ("red", "blue"))
    assert "map-320.png" in red and "map-320.PNG" in blue
    with Image.open(build.site / "media" / "resized" / "map-320.PNG") as scaled:
        assert scaled.convert("RGB").getpixel((300, 10)) == (0, 0, 255)

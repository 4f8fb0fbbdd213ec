"""Every image of content/media/, as the site publishes it: re-encoded with Pillow, and
for those an event or actor shows (`media:`) scaled down to a few widths, so that a
phone downloads a small one (`srcset`) and nothing is loaded from another host.

No image is published as the editor's file is: a photo carries where and when it was
taken (EXIF GPS), the camera, the software, comments (XMP, IPTC, PNG text), and for an
investigator's source that can be a danger.  Each image is turned as the camera was
held, its colours moved to sRGB, and written again without any of it; an image Pillow
cannot write again is refused.  Reproducible: the same image gives the same bytes every
build (the encoders' settings are fixed, one thread), and a variant's name carries its
width.  An image narrower than a width is not scaled up.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image, ImageCms, ImageOps, ImageSequence, UnidentifiedImageError

from generator import urls
from generator.core.content import MEDIA, media_file
from generator.core.model import Chronology
from generator.core.problems import Problem

WIDTHS = (320, 640, 1280)  # the widths of the variants, in pixels
SAVE: dict[str, dict[str, Any]] = {  # Pillow's format -> settings that give the same bytes every time
    "JPEG": {"quality": 82, "optimize": True, "progressive": False},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 80, "method": 4},
    "GIF": {"optimize": False},
    "AVIF": {"quality": 70, "speed": 6, "max_threads": 1},  # threads could change the bytes
}
# The most pixels one image may decode to, every frame of an animation counted: a small
# file can claim a huge canvas, or thousands of frames of one, and decoding it would take
# gigabytes.  A photo of a large phone camera fits well below.
PIXELS = 64_000_000
# What an animated frame keeps of its own information: how long it shows, its
# transparent colour.  Everything else (comments, XMP, EXIF, ICC) is left behind.
_FRAME_INFO = ("duration", "transparency", "disposal")


class ImageError(ValueError):
    """An image file Pillow cannot read."""


@dataclass(frozen=True, slots=True)
class Variant:
    path: str  # in the site
    width: int
    height: int


@dataclass(frozen=True, slots=True)
class Picture:
    """One image as the site publishes it: variants, narrowest first; the last is the
    largest published (the original when it is no wider than the largest width)."""

    file: str  # its name in content/media/
    variants: tuple[Variant, ...]

    @property
    def largest(self) -> Variant:
        return self.variants[-1]

    @property
    def smallest(self) -> Variant:
        return self.variants[0]


ImageCache = dict[tuple[str, int, int], tuple[Picture, dict[str, bytes]]]  # (name, mtime_ns, size) -> scaled


def pictures(
    chronology: Chronology, content: Path, shown_root: str = "content", cache: ImageCache | None = None
) -> tuple[dict[str, Picture], dict[str, bytes], list[Problem]]:
    """Every image of content/media/ as the site publishes it: pictures by file name
    (for `media:`), the files to publish (site path -> bytes: each image written again
    without its metadata, and its variants), and a problem for each image Pillow cannot
    read or write.  `cache` keeps what a preview made, by file and its stat."""
    names = sorted(path.removeprefix(f"{MEDIA}/") for path in chronology.media)
    found: dict[str, Picture] = {}
    files: dict[str, bytes] = {}
    problems = []
    for name in names:
        path = content / MEDIA / name
        try:
            stat = path.stat()
            key = (name, stat.st_mtime_ns, stat.st_size)
            done = cache.get(key) if cache is not None else None
            if done is None:
                done = scaled(name, path.read_bytes())
                if cache is not None:
                    cache[key] = done
        except (OSError, ImageError) as error:
            problems.append(
                Problem(f"{shown_root}/{media_file(name)}", str(error), expected="a PNG, JPEG, GIF, WebP or AVIF image")
            )
            continue
        found[name], made = done
        files.update(made)
    return found, files, problems


def scaled(name: str, data: bytes) -> tuple[Picture, dict[str, bytes]]:
    """An image written again without its metadata, and its variants: (picture, site
    path -> bytes of each file to publish)."""
    try:
        with Image.open(io.BytesIO(data)) as opened:
            form = opened.format or ""
            if form not in SAVE:
                raise ImageError(f"a {form or 'an unknown'} image, which cannot be published without its metadata")
            original = urls.media(name)
            _within_budget(opened.size)
            if getattr(opened, "is_animated", False):
                if form == "AVIF":
                    # Pillow's AVIF writer stamps an animation with the time it is written.
                    raise ImageError("an animated AVIF cannot be published the same every build; use WebP or GIF")
                frames: list[Image.Image] = []
                for frame in ImageSequence.Iterator(opened):
                    _within_budget(frame.size, len(frames) + 1)
                    frames.append(_clean(frame))
                files = {original: _encode(frames[0], form, frames[1:], opened.info.get("loop", 0))}
                return Picture(name, (Variant(original, *frames[0].size),)), files
            image = _clean(opened)
            width, height = image.size
            files = {original: _encode(image, form)}
            variants = []
            for target in WIDTHS:
                if target >= width:
                    break
                size = (target, max(1, round(height * target / width)))
                path = urls.resized(name, target)
                files[path] = _encode(image.resize(size, Image.Resampling.LANCZOS), form)
                variants.append(Variant(path, *size))
            if width <= WIDTHS[-1]:
                variants.append(Variant(original, width, height))
            return Picture(name, tuple(variants)), files
    except (UnidentifiedImageError, Image.DecompressionBombError, SyntaxError, OSError) as error:
        raise ImageError(f"not an image Pillow can read ({error})") from error


def _within_budget(size: tuple[int, int], frames: int = 1) -> None:
    width, height = size
    if width * height * frames > PIXELS:
        counted = f"{frames:,} frames of {width:,} × {height:,}" if frames > 1 else f"{width:,} × {height:,}"
        raise ImageError(f"{counted} pixels, more than the {PIXELS:,} an image may have; make it smaller")


def _clean(image: Image.Image) -> Image.Image:
    """A copy of `image` (or of one frame) turned as the camera was held, in sRGB, with
    no information but what drawing it needs."""
    turned = ImageOps.exif_transpose(image) or image.copy()
    profile = image.info.get("icc_profile")
    if profile and turned.mode in ("RGB", "RGBA", "L"):
        try:
            srgb = ImageCms.createProfile("sRGB")
            turned = ImageCms.profileToProfile(turned, io.BytesIO(profile), srgb, outputMode=turned.mode) or turned
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: the colours stay as they are, the profile is dropped anyway
    kept = {key: image.info[key] for key in _FRAME_INFO if key in image.info}
    turned.info.clear()
    turned.info.update(kept)
    return turned


def _encode(image: Image.Image, form: str, more: list[Image.Image] | None = None, loop: int = 0) -> bytes:
    if form == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    out = io.BytesIO()
    if more:
        durations = [frame.info.get("duration", 100) for frame in (image, *more)]
        image.save(out, form, save_all=True, append_images=more, duration=durations, loop=loop, **SAVE[form])
    else:
        image.save(out, form, **SAVE[form])  # no exif, no icc profile, no dates: the same bytes each time
    return out.getvalue()

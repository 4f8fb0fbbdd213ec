"""Images an event or actor shows (`media:`), scaled down at build time with Pillow to a
few widths, so that a phone downloads a small one (`srcset`) and nothing is loaded from
another host.

Reproducible: the same image gives the same bytes every build (no metadata is copied,
the encoders' settings are fixed), and a variant's name carries its width.  An image
narrower than a width is not scaled up; animated GIFs and formats Pillow cannot write
are published as they are.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image, ImageOps, UnidentifiedImageError

from generator import urls
from generator.core.content import MEDIA, media_file
from generator.core.model import Chronology
from generator.core.problems import Problem

WIDTHS = (320, 640, 1280)  # the widths of the variants, in pixels
SAVE: dict[str, dict[str, Any]] = {  # Pillow's format -> settings that give the same bytes every time
    "JPEG": {"quality": 82, "optimize": True, "progressive": False},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 80, "method": 4},
}


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
    """The picture of every image the chronology's `media:` names: pictures by file name,
    the variant files to publish (site path -> bytes), and a problem for each image
    Pillow cannot read.  `cache` keeps what a preview scaled, by file and its stat."""
    names = sorted({media.file for page in (*chronology.events, *chronology.actors) for media in page.media})
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
    """An image's variants: (picture, site path -> bytes of each new file)."""
    try:
        with Image.open(io.BytesIO(data)) as opened:
            image = ImageOps.exif_transpose(opened) or opened  # turned as the camera was held
            form = opened.format or ""
            animated = getattr(opened, "is_animated", False)
            width, height = image.size
            if form not in SAVE or animated:
                # Published as it is (MkDocs copies content/media/).
                return Picture(name, (Variant(urls.media(name), width, height),)), {}
            variants, files = [], {}
            for target in WIDTHS:
                if target >= width:
                    break
                size = (target, max(1, round(height * target / width)))
                path = urls.resized(name, target)
                files[path] = _encode(image.resize(size, Image.Resampling.LANCZOS), form)
                variants.append(Variant(path, *size))
            if width <= WIDTHS[-1]:
                variants.append(Variant(urls.media(name), width, height))
            return Picture(name, tuple(variants)), files
    except (UnidentifiedImageError, Image.DecompressionBombError, SyntaxError) as error:
        raise ImageError(f"not an image Pillow can read ({error})") from error


def _encode(image: Image.Image, form: str) -> bytes:
    if form == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    out = io.BytesIO()
    image.save(out, form, **SAVE[form])  # no exif, no icc profile, no dates: the same bytes each time
    return out.getvalue()

"""The pictures the README opens with: the site as readers see it, from the project's own
builds (the sample chronology and a synthetic one of 1,000 events at places), on a
desktop and a phone, light and dark: the time overview, the map, a place, a story.
`make pictures` runs it; run it again when the look changes.

    python tools/readme_pictures.py [--out docs/pictures]

Each picture is a PNG of the top of a page (what a reader sees first), made with
Debian's chromium offline (the flags of the browser tests): nothing is fetched from
another host, so the pictures show what the site itself draws.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from bench.readers import CHROMIUM, CHROMIUM_FLAGS, served  # noqa: E402
from bench.synth import write_chronology  # noqa: E402

DESKTOP = {"width": 1280, "height": 1250}  # down to the map under the time overview
PHONE = {"width": 390, "height": 844}  # a common phone's CSS pixels


@dataclass(frozen=True)
class Shot:
    name: str  # the file's name, without .png
    site: str  # "sample" or "1000"
    address: str  # from the site's root
    viewport: dict[str, int]
    scheme: str = "light"
    selector: str | None = None  # a part of the page, else the top of the page
    scale: float = 1.0


SHOTS = (
    Shot("sample-home-desktop", "sample", "", DESKTOP),
    Shot("sample-map-phone", "sample", "", PHONE, selector="figure.tl-map", scale=2.0),
    Shot("sample-place-dark", "sample", "places/albu-kamal/", DESKTOP, scheme="dark"),
    Shot("sample-story-desktop", "sample", "stories/drone-attack-and-us-strikes/#step-4", DESKTOP),
    Shot("1000-home-desktop", "1000", "", DESKTOP),
    Shot("1000-year-phone-dark", "1000", "years/2010/", PHONE, scheme="dark", scale=2.0),
)


def build(project: Path) -> Path:
    """`mkdocs build` of a project whose mkdocs.yml inherits the repository's."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml")],
        cwd=project,
        check=True,
        env=env,
    )
    return project / "site"


def synthetic(work: Path, size: int) -> Path:
    """A synthetic chronology whose events happen at places (bench/synth.py)."""
    project = work / str(size)
    write_chronology(project, size, places=True)
    (project / "mkdocs.yml").write_text(
        f"INHERIT: {REPO / 'mkdocs.yml'}\ntheme:\n  custom_dir: {REPO / 'theme'}\n", encoding="utf-8"
    )
    return build(project)


def take(shots: tuple[Shot, ...], sites: dict[str, Path], out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    written = []
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for shot in shots:
            with served(sites[shot.site]) as base:
                page = browser.new_page(
                    viewport=shot.viewport,  # type: ignore[arg-type]
                    color_scheme=shot.scheme,  # type: ignore[arg-type]
                    device_scale_factor=shot.scale,
                )
                page.goto(base + shot.address, wait_until="networkidle")
                path = out / f"{shot.name}.png"
                if shot.selector:
                    page.locator(shot.selector).first.screenshot(path=str(path))
                else:
                    page.screenshot(path=str(path))
                page.close()
                written.append(path)
        browser.close()
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "pictures")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        sites = {"sample": build(REPO), "1000": synthetic(Path(work), 1000)}
        for path in take(SHOTS, sites, args.out):
            print(path.relative_to(REPO) if path.is_relative_to(REPO) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Pictures of the overview for review, from sites the benchmark built: the sample (11
events), 1,000 and 10,000 events, and a zoomed, filtered view.  Written to
test-artifacts/overview-*.png (light and dark for the sample).

    python bench/screenshots.py [--work bench/.work]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from bench.readers import CHROMIUM, CHROMIUM_FLAGS, served  # noqa: E402

ARTIFACTS = REPO / "test-artifacts"


def overview_shot(site: Path, address: str, name: str, scheme: str = "light") -> Path:
    from playwright.sync_api import sync_playwright

    path = ARTIFACTS / f"overview-{name}.png"
    with served(site) as base, sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900}, color_scheme=scheme)  # type: ignore[arg-type]
        page.goto(base + address, wait_until="networkidle")
        page.locator(".tl-picture").screenshot(path=str(path))
        browser.close()
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=REPO / "bench" / ".work")
    args = parser.parse_args()
    ARTIFACTS.mkdir(exist_ok=True)
    shots = [
        (args.work / "sample" / "ours" / "site", "", "11"),
        (args.work / "sample" / "ours" / "site", "", "11-dark", "dark"),
        (args.work / "1000" / "ours" / "site", "", "1000"),
        (args.work / "10000" / "ours" / "site", "", "10000"),
        # A month zoomed to two weeks and filtered to one tag: the picture and the list follow both.
        (
            args.work / "10000" / "ours" / "site",
            "years/2010/05/?tag=attack&from=2010-05-05&to=2010-05-20",
            "10000-zoomed-filtered",
        ),
        (args.work / "dense" / "ours" / "site", "years/2020/", "dense-2020"),
    ]
    for site, address, name, *scheme in shots:
        if site.exists():
            print(overview_shot(site, address, name, *scheme).relative_to(REPO))
    return 0


if __name__ == "__main__":
    sys.exit(main())

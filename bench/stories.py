"""A story of 50 steps over a synthetic chronology (bench/synth.py), and what its page
costs a reader: the budgets of issue 24 (at most 300 KB transferred, gzip, before the
reader does anything; Lighthouse mobile at least 95 / 100 / 100 / 100; no request to
another host).

    python bench/stories.py [--events 1000] [--steps 50] [--runs 3] [--keep DIR]

The story is written beside the chronology, the same for the same seed: its steps name
events spread over the whole chronology (so its overview spans it), each with three
footnoted sentences; every tenth step names an actor instead.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.readers import CHROMIUM, CHROMIUM_FLAGS, _Transfers, lighthouse, served
from bench.synth import WORDS, write_chronology

REPO = Path(__file__).resolve().parent.parent
STORY = "stories/bench/"


def story_file(events: int, steps: int = 50, seed: int = 1) -> str:
    """A story of `steps` steps over a chronology of `events` events written by synth.py."""
    rng = random.Random(seed)
    lines = []
    for number in range(steps):
        sentences = " ".join(f"{' '.join(rng.choices(WORDS, k=14)).capitalize()}.[^article]" for _ in range(3))
        if number % 10 == 9:
            lines.append(f"  - actor: actor-{number % max(events // 10, 2):05d}\n    text: {sentences}\n")
        else:
            lines.append(f"  - event: event-{number * events // steps:05d}\n    text: {sentences}\n")
    front = (
        f"title: A story of {steps} steps\nsummary: {' '.join(rng.choices(WORDS, k=20))}\nsteps:\n{''.join(lines)}"
        "sources:\n  - id: article\n    title: The article\n    publisher: A newsroom\n"
    )
    return f"---\n{front}---\n\nAn introduction.[^article]\n"


def write_project(root: Path, events: int, steps: int) -> None:
    write_chronology(root, events)
    (root / "content" / "stories").mkdir(parents=True, exist_ok=True)
    (root / "content" / "stories" / "bench.md").write_text(story_file(events, steps), encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        f"INHERIT: {REPO / 'mkdocs.yml'}\ntheme:\n  custom_dir: {REPO / 'theme'}\n", encoding="utf-8"
    )


def transfer(base: str, url: str, browser: Any = None) -> dict:
    """Bytes and requests until the network is idle, on a phone's screen, and their hosts
    (in `browser`, a Playwright browser, when given: a test's)."""
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as driver:
            launched = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            figures = transfer(base, url, launched)
            launched.close()
        return figures
    context = browser.new_context(viewport={"width": 412, "height": 823})
    page = context.new_page()
    transfers = _Transfers()
    hosts: set[str] = set()
    page.on("requestfinished", transfers.add)
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    page.goto(base + url, wait_until="networkidle")
    figures = {
        "transferred_bytes": transfers.bytes,
        "requests": len(transfers.requests),
        "hosts": sorted(hosts),
        "html_bytes": len(page.content().encode()),
    }
    context.close()
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--steps", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="build here (and keep it) rather than in a temporary folder")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        root = options.keep or Path(work)
        root.mkdir(parents=True, exist_ok=True)
        write_project(root, options.events, options.steps)
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=root, env=env, check=True)
        site = root / "site"
        with served(site) as base:
            result = {
                "events": options.events,
                "steps": options.steps,
                "story_html_bytes": (site / STORY / "index.html").stat().st_size,
                "step_page_bytes": (site / STORY / "step-1" / "index.html").stat().st_size,
                "transfer": transfer(base, STORY),
                "lighthouse": lighthouse(base, {"story": STORY}, options.runs)["story"],
            }
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

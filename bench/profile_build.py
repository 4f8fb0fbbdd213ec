"""`make profile`: where a full build of a synthetic chronology spends its time (cProfile).

Builds the chronology `make bench` made (bench/.work/<size>/ours; it is written first if
missing) once, in this process, under cProfile, and prints the entries with the largest
cumulative time.  Times under the profiler are inflated, Python-heavy code most; compare
them with each other, and with `make bench` for wall time.

    python bench/profile_build.py [--size 10000] [--top 40] [--output bench/.work/profile.pstats]
"""

from __future__ import annotations

import argparse
import cProfile
import logging
import os
import pstats
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from bench.run import WORK, prepare  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="10000")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--output", type=Path, default=WORK / "profile.pstats")
    args = parser.parse_args()
    project = WORK / args.size / "ours"
    if not (project / "mkdocs.yml").is_file():
        prepare(args.size)
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    os.chdir(project)
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    config = load_config("mkdocs.yml")
    config.plugins.on_startup(command="build", dirty=False)
    profiler = cProfile.Profile()
    profiler.runcall(build, config)
    profiler.dump_stats(args.output)
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.top)
    print(f"full statistics: {args.output} (python -m pstats)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

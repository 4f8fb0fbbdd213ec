"""Command line: `python -m generator new event "Title"`, `new actor "Name"`, `check`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.pipeline import build_chronology
from generator.scaffold import ScaffoldError, new_file


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument("--content", type=Path, default=Path("content"), help="content folder (default: content)")
    commands = parser.add_subparsers(dest="command", required=True)
    new = commands.add_parser("new", help="create a new event or actor file from the template")
    new.add_argument("kind", choices=["event", "actor"])
    new.add_argument("title", help="the event's title or the actor's name")
    new.add_argument("--actor-kind", default="group", choices=["person", "group", "organisation", "state"])
    commands.add_parser("check", help="report every problem in the content without building the site")
    args = parser.parse_args(argv)

    if args.command == "new":
        try:
            path = new_file(args.content, args.kind, args.title, args.actor_kind)
        except ScaffoldError as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
        print(f"created {path}: fill in every 'FILL IN', then run make site")
        return 0

    _, problems = build_chronology(args.content, args.content.as_posix())
    for problem in problems:
        print(f"{'warning' if problem.warning else 'error'}: {problem}", file=sys.stderr)
    errors = sum(not problem.warning for problem in problems)
    print(f"{errors} error(s), {len(problems) - errors} warning(s)", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

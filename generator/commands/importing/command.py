"""`python -m generator import FORMAT FILE [--into content] [--write]`: the report of what
an import does to the content folder, and the writing when asked.

The file is read a row at a time: each draft goes to the plan's staging folder and each
problem to standard error as they are found, so memory holds the names of the files to
write, not their text; on a terminal, standard error also shows how far it has got."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from generator.commands.importing import files
from generator.commands.importing.acled import read_acled
from generator.commands.importing.drafts import Draft, Reading
from generator.commands.importing.sheet import read_sheet
from generator.commands.importing.timelinejs import read_json
from generator.commands.output import fail, print_problems
from generator.core.problems import Problem

HELP = "events, actors, places and stories from a spreadsheet, TimelineJS or ACLED"
READERS: dict[str, Callable[[Path, Reading | None], Reading]] = {
    "sheet": read_sheet,
    "timelinejs": read_json,
    "acled": read_acled,
}
SHOWN = 20  # files listed by name in each group of the report


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("format", choices=sorted(READERS), help="sheet (CSV or XLSX), timelinejs (JSON), acled (CSV)")
    parser.add_argument("file", type=Path)
    parser.add_argument("--into", type=Path, help="the content folder to write into (default: --content)")
    parser.add_argument("--write", action="store_true", help="write the files (without it: a dry run)")
    parser.add_argument(
        "--no-story",
        dest="story",
        action="store_false",
        help="sheet and timelinejs: write the events only, not the story of the slides in TimelineJS's order",
    )


def run(args: argparse.Namespace) -> int:
    return import_file(args.format, args.file, args.into or args.content, write=args.write, story=args.story)


class Progress:
    """How far the import has got, on one line of a terminal's standard error (nothing
    when it is not a terminal); a problem printed clears it first."""

    def __init__(self) -> None:
        self.shown = sys.stderr.isatty()
        self.count = 0
        self.last = 0.0

    def draft(self, what: str) -> None:
        self.count += 1
        if self.shown and time.monotonic() - self.last > 0.2:
            self.say(f"{self.count:,} record(s) read, now at {what}")

    def say(self, text: str) -> None:
        if self.shown:
            self.last = time.monotonic()
            print(f"\r\x1b[K{text[:100]}", end="", file=sys.stderr, flush=True)

    def clear(self) -> None:
        if self.shown:
            print("\r\x1b[K", end="", file=sys.stderr, flush=True)


def import_file(form: str, path: Path, content: Path, *, write: bool, story: bool = True) -> int:
    """Report what importing `path` does to `content` (and do it with `write`; with
    `story`, a TimelineJS import writes the story of its slides too); the exit status is
    1 when a record could not be imported, a file is in conflict or the result would not
    build."""
    if not path.is_file():
        return fail(f"{path}: no such file")
    unusable = files.unusable_folder(content, write=write)
    if unusable:
        return fail(f"{content}: {unusable}")
    print(f"import {form} {path} into {content}/" + ("" if write else " (dry run: nothing is written; add --write)"))
    progress = Progress()
    left_out = 0

    def report(problem: Problem) -> None:
        nonlocal left_out
        progress.clear()
        left_out += print_problems([problem])

    with files.Plan(content, path.name) as result:

        def stage(draft: Draft) -> None:
            if draft.kind != "story":  # made of the records read, not one of them
                progress.draft(draft.record)
            result.add(draft)

        reading = READERS[form](path, Reading(path.name, sink=stage, report=report, story=story))
        progress.say(f"{progress.count:,} record(s) read; checking that the result builds")
        problems = result.check()
        progress.clear()
        _summary(result)
        if reading.eras:
            print("eras found; to draw them, add to the timeline plugin's options in mkdocs.yml:")
            print("      eras:")
            for name, date in reading.eras:
                print(f"        - {{name: {json.dumps(name, ensure_ascii=False)}, date: '{date}'}}")
        print_problems(problems)
        print(
            "the chronology builds with --strict"
            if not problems
            else f"the chronology would not build with --strict: {len(problems)} problem(s) above"
        )
        if write:
            stopped = result.write()
            if stopped:
                return fail(stopped)
            print(f"wrote {len(result.to_write())} file(s)")
    return 1 if left_out or result.conflicts or problems else 0


def _summary(result: files.Plan) -> None:
    groups = (("new", result.new), ("updated", result.updated), ("unchanged", result.unchanged))
    print(", ".join(f"{len(paths)} {name}" for name, paths in groups) + f", {len(result.conflicts)} in conflict")
    for name, paths in groups[:2]:
        for relative in paths[:SHOWN]:
            print(f"  {name}: {relative}")
        if len(paths) > SHOWN:
            print(f"  ... and {len(paths) - SHOWN} more {name}")
    for relative, why in result.conflicts.items():
        print(f"  conflict: {relative}: {why}")

"""`python -m generator import FORMAT FILE [--into content] [--write]`: the report of what
an import does to the content folder, and the writing when asked."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from generator.commands.importing import files
from generator.commands.importing.acled import read_acled
from generator.commands.importing.sheet import read_sheet
from generator.commands.importing.timelinejs import read_json
from generator.commands.output import fail, print_problems

HELP = "events and actors from a spreadsheet, TimelineJS or ACLED"
READERS = {"sheet": read_sheet, "timelinejs": read_json, "acled": read_acled}
SHOWN = 20  # files listed by name in each group of the report


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("format", choices=sorted(READERS), help="sheet (CSV or XLSX), timelinejs (JSON), acled (CSV)")
    parser.add_argument("file", type=Path)
    parser.add_argument("--into", type=Path, help="the content folder to write into (default: --content)")
    parser.add_argument("--write", action="store_true", help="write the files (without it: a dry run)")


def run(args: argparse.Namespace) -> int:
    return import_file(args.format, args.file, args.into or args.content, write=args.write)


def import_file(form: str, path: Path, content: Path, *, write: bool) -> int:
    """Report what importing `path` does to `content` (and do it with `write`); the exit
    status is 1 when a record could not be imported, a file is in conflict or the result
    would not build."""
    if not path.is_file():
        return fail(f"{path}: no such file")
    reading = READERS[form](path)
    result = files.plan(list(reading.drafts.values()), content, path.name)
    print(f"import {form} {path} into {content}/" + ("" if write else " (dry run: nothing is written; add --write)"))
    groups = (("new", list(result.new)), ("updated", list(result.updated)), ("unchanged", result.unchanged))
    print(", ".join(f"{len(paths)} {name}" for name, paths in groups) + f", {len(result.conflicts)} in conflict")
    for name, paths in groups[:2]:
        for relative in paths[:SHOWN]:
            print(f"  {name}: {relative}")
        if len(paths) > SHOWN:
            print(f"  ... and {len(paths) - SHOWN} more {name}")
    for relative, why in result.conflicts.items():
        print(f"  conflict: {relative}: {why}")
    left_out = print_problems(reading.problems)
    if reading.eras:
        print("eras found; to draw them, add to the timeline plugin's options in mkdocs.yml:")
        print("      eras:")
        for name, date in reading.eras:
            print(f"        - {{name: {json.dumps(name, ensure_ascii=False)}, date: '{date}'}}")
    problems = files.check(result, content)
    print_problems(problems)
    print(
        "the chronology builds with --strict"
        if not problems
        else f"the chronology would not build with --strict: {len(problems)} problem(s) above"
    )
    if write:
        files.write(result, content)
        print(f"wrote {len(result.new) + len(result.updated)} file(s)")
    return 1 if left_out or result.conflicts or problems else 0

"""Command line: `python -m generator new event "Title"`, `new actor "Name"`, `check`,
`import FORMAT FILE [--into content] [--write]`, `verify URL`."""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
import time
from dataclasses import asdict
from pathlib import Path

from generator.build_date import last_commit_time
from generator.dates import Day
from generator.importing import files
from generator.importing.acled import read_acled
from generator.importing.sheet import read_sheet
from generator.importing.timelinejs import read_json
from generator.integrity import integrity
from generator.links import (
    ARCHIVE_API,
    CACHE,
    Checker,
    cited_addresses,
    closest_snapshot,
    link_problems,
    load_cache,
    save_cache,
)
from generator.pipeline import build_chronology
from generator.scaffold import ScaffoldError, new_file
from generator.verify import VerifyError, report, verify


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument("--content", type=Path, default=Path("content"), help="content folder (default: content)")
    commands = parser.add_subparsers(dest="command", required=True)
    new = commands.add_parser("new", help="create a new event or actor file from the template")
    new.add_argument("kind", choices=["event", "actor"])
    new.add_argument("title", help="the event's title or the actor's name")
    new.add_argument("--actor-kind", default="group", choices=["person", "group", "organisation", "state"])
    commands.add_parser("check", help="report every problem in the content without building the site")
    importing = commands.add_parser("import", help="events and actors from a spreadsheet, TimelineJS or ACLED")
    importing.add_argument(
        "format", choices=sorted(READERS), help="sheet (CSV or XLSX), timelinejs (JSON), acled (CSV)"
    )
    importing.add_argument("file", type=Path)
    importing.add_argument("--into", type=Path, help="the content folder to write into (default: --content)")
    importing.add_argument("--write", action="store_true", help="write the files (without it: a dry run)")
    report_parser = commands.add_parser("integrity", help="a source-integrity report on the content, without building")
    report_parser.add_argument("--strict", action="store_true", help="findings are errors (exit status 1)")
    report_parser.add_argument("--archive-age", type=int, default=30, help="days after which a source needs an archive")
    linking = commands.add_parser("links", help="check every source's url and archived copy (needs the network)")
    linking.add_argument("--json", type=Path, help="also write every result to this file")
    linking.add_argument("--suggest-archive", action="store_true", help="ask the Internet Archive for a snapshot")
    linking.add_argument("--archive-api", default=os.environ.get("TIMELINE_ARCHIVE_API", ARCHIVE_API))
    linking.add_argument("--timeout", type=float, default=10.0, help="seconds to wait for an answer")
    linking.add_argument("--retries", type=int, default=2)
    linking.add_argument("--backoff", type=float, default=1.0, help="seconds before the first retry (then doubled)")
    linking.add_argument("--cache", type=Path, default=Path(CACHE), help=f"results kept for a day (default {CACHE})")
    checking = commands.add_parser("verify", help="rebuild the commit a published site names and compare every file")
    checking.add_argument("url", help="the published site's address, e.g. https://owner.github.io/repo/")
    checking.add_argument("--project", type=Path, default=Path("."), help="the git repository (default: here)")
    args = parser.parse_args(argv)

    if args.command == "links":
        return check_links(args)
    if args.command == "integrity":
        return integrity_report(args.content, strict=args.strict, archive_age=args.archive_age)
    if args.command == "verify":
        try:
            result = verify(args.url, args.project)
        except VerifyError as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
        print("\n".join(report(result)))
        return 0 if result.ok else 1
    if args.command == "import":
        return import_file(args.format, args.file, args.into or args.content, write=args.write)

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


def integrity_report(content: Path, *, strict: bool, archive_age: int) -> int:
    """Print the integrity findings (warnings, or errors with `strict`); the chronology's
    own problems first, since a file that does not load cannot be judged."""
    chronology, problems = build_chronology(content, content.as_posix())
    for problem in problems:
        print(f"{'warning' if problem.warning else 'error'}: {problem}", file=sys.stderr)
    if chronology is None:
        return 1
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH") or last_commit_time(content) or 0)
    moment = datetime.datetime.fromtimestamp(epoch or time.time(), datetime.UTC)
    findings = integrity(chronology, Day.of(moment.year, moment.month, moment.day), archive_age)
    for finding in findings:
        print(f"{'error' if strict else 'warning'}: {finding}", file=sys.stderr)
    print(f"{len(findings)} finding(s) in {len(chronology.events)} events and {len(chronology.actors)} actors")
    return 1 if (strict and findings) or any(not problem.warning for problem in problems) else 0


def check_links(args: argparse.Namespace) -> int:
    chronology, problems = build_chronology(args.content, args.content.as_posix())
    if chronology is None or any(not problem.warning for problem in problems):
        for problem in problems:
            print(f"{'warning' if problem.warning else 'error'}: {problem}", file=sys.stderr)
        return 1
    cited = cited_addresses(chronology)
    now = time.time()
    cache = load_cache(args.cache, now)
    wanted = sorted({entry.url for entry in cited} - set(cache))
    checker = Checker(timeout=args.timeout, retries=args.retries, backoff=args.backoff)
    results = {**cache, **checker.check_all(wanted)}
    save_cache(args.cache, results)
    suggest = (lambda url: closest_snapshot(url, args.archive_api, args.timeout)) if args.suggest_archive else None
    found = link_problems(cited, results, suggest)
    for problem in found:
        print(f"{'warning' if problem.warning else 'error'}: {problem}", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps([asdict(results[url]) for url in sorted(results)], indent=1) + "\n")
    dead = sum(not problem.warning for problem in found)
    print(
        f"{len(results)} address(es) of {len(cited)} citation(s): {dead} dead without an archived copy, "
        f"{len(found) - dead} warning(s); {len(cache)} from the day's cache"
    )
    return 1 if dead else 0


READERS = {"sheet": read_sheet, "timelinejs": read_json, "acled": read_acled}
SHOWN = 20  # files listed by name in each group of the report


def import_file(form: str, path: Path, content: Path, *, write: bool) -> int:
    """Report what importing `path` does to `content` (and do it with `write`); the exit
    status is 1 when a record could not be imported, a file is in conflict or the result
    would not build."""
    if not path.is_file():
        print(f"error: {path}: no such file", file=sys.stderr)
        return 1
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
    for found in reading.problems:
        print(f"{'error' if found.error else 'note'}: {found}", file=sys.stderr)
    if reading.eras:
        print("eras found; to draw them, add to the timeline plugin's options in mkdocs.yml:")
        print("      eras:")
        for name, date in reading.eras:
            print(f"        - {{name: {json.dumps(name, ensure_ascii=False)}, date: '{date}'}}")
    problems = files.check(result, content)
    for problem in problems:
        print(f"{'warning' if problem.warning else 'error'}: {problem}", file=sys.stderr)
    print(
        "the chronology builds with --strict"
        if not problems
        else f"the chronology would not build with --strict: {len(problems)} problem(s) above"
    )
    if write:
        files.write(result, content)
        print(f"wrote {len(result.new) + len(result.updated)} file(s)")
    failed = any(found.error for found in reading.problems) or bool(result.conflicts) or bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

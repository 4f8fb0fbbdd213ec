"""`python -m generator <command>`: the commands that are never part of a build.

Each command is a module with `HELP`, `add_arguments(parser)` and `run(args)` (the exit
status); `COMMANDS` is their table, so `--help`, the dispatch and the README's table of
commands (a test compares them) cannot drift apart."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.commands import check, integrity, new, source_links, verify
from generator.commands.importing import command as importing


@dataclass(frozen=True, slots=True)
class Command:
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


# Written out, not looped over, so that the type checker sees each module's functions.
COMMANDS = {
    "new": Command(new.HELP, new.add_arguments, new.run),
    "check": Command(check.HELP, check.add_arguments, check.run),
    "import": Command(importing.HELP, importing.add_arguments, importing.run),
    "integrity": Command(integrity.HELP, integrity.add_arguments, integrity.run),
    "links": Command(source_links.HELP, source_links.add_arguments, source_links.run),
    "verify": Command(verify.HELP, verify.add_arguments, verify.run),
}


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="python -m generator", description="Commands for a chronology's editors and maintainers."
    )
    top.add_argument("--content", type=Path, default=Path("content"), help="content folder (default: content)")
    commands = top.add_subparsers(dest="command", required=True, metavar="command")
    for name, command in COMMANDS.items():
        command.add_arguments(commands.add_parser(name, help=command.help, description=command.help))
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return COMMANDS[args.command].run(args)

"""`python -m generator check`: every problem in the content, without building."""

from __future__ import annotations

import argparse
import sys

from generator.commands.output import print_problems
from generator.pipeline.chronology import build_chronology

HELP = "report every problem in the content without building the site"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """No options: the content folder is the common --content."""


def run(args: argparse.Namespace) -> int:
    _, problems = build_chronology(args.content, args.content.as_posix())
    errors = print_problems(problems)
    print(f"{errors} error(s), {len(problems) - errors} warning(s)", file=sys.stderr)
    return 1 if problems else 0

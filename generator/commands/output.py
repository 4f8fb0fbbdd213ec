"""How every command prints problems: one line each on standard error, `error:` or
`warning:` first, in the editors' form (`path:line: field: message`) that their tools
link to the line."""

from __future__ import annotations

import sys
from collections.abc import Iterable

from generator.core.problems import Problem


def print_problems(problems: Iterable[Problem], *, as_errors: bool = False) -> int:
    """Print each problem (every one an error with `as_errors`) and return how many are errors."""
    errors = 0
    for problem in problems:
        error = as_errors or not problem.warning
        errors += error
        print(f"{'error' if error else 'warning'}: {problem}", file=sys.stderr)
    return errors


def fail(message: str) -> int:
    """A command that could not run at all: one line, exit status 1."""
    print(f"error: {message}", file=sys.stderr)
    return 1

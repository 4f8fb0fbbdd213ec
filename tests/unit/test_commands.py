"""The command line: one table of commands, each in --help and in the README; problems
printed in the one form editors' tools read."""

from __future__ import annotations

import json
import re

import pytest

from generator.commands.cli import COMMANDS, main, parser
from tests import broken_chronology
from tests.conftest import REPO, run_generator

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_every_command_is_in_help_and_in_the_readme(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    shown = capsys.readouterr().out
    assert set(COMMANDS) == {"new", "check", "import", "integrity", "links", "verify"}
    for name, command in COMMANDS.items():
        assert re.search(rf"^    {name} +{re.escape(command.help[:30])}", shown, re.MULTILINE), name
        assert re.search(rf"^\| `{name}[ `]", README, re.MULTILINE), f"{name} is not in the README's table"


def test_every_command_has_its_own_help():
    commands = parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for name in COMMANDS:
        assert COMMANDS[name].help in commands[name].format_help()


def test_check_prints_problems_in_the_one_form(tmp_path, capsys):
    (tmp_path / "events").mkdir()
    (tmp_path / "actors").mkdir()
    (tmp_path / "events" / "x.md").write_text("---\ntitle: X\n---\n")
    assert main(["--content", str(tmp_path), "check"]) == 1
    err = capsys.readouterr().err
    assert re.search(rf"^error: {re.escape(str(tmp_path))}/events/x.md:\d+: date: ", err, re.MULTILINE), err
    assert err.rstrip().endswith("warning(s)")


def test_check_command_output_feeds_the_editor_problem_matcher(tmp_path):
    broken_chronology.write(tmp_path)
    result = run_generator("check", cwd=tmp_path)
    assert result.returncode == 1
    tasks = json.loads((REPO / ".vscode" / "tasks.json").read_text())
    pattern = re.compile(tasks["tasks"][0]["problemMatcher"]["pattern"]["regexp"])
    located = [pattern.match(line) for line in result.stderr.splitlines() if pattern.match(line)]
    assert len(located) >= 20
    for match in located:
        assert (tmp_path / match.group(2)).exists(), match.group(0)
    assert any(
        m.group(1) == "warning" and m.group(2) == "content/events/uncited-source.md" and m.group(3) == "5"
        for m in located
    )

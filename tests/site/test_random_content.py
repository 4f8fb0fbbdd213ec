"""Random content through the real `mkdocs build`: a site or the list of problems, never
a traceback."""

from __future__ import annotations

import shutil

from hypothesis import HealthCheck, given, settings

from tests.conftest import run_mkdocs, write_project
from tests.random_content import bodies, file_text, frontmatters


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(front=frontmatters, body=bodies)
def test_mkdocs_build_of_random_content_never_shows_a_traceback(tmp_path, front, body):
    project = tmp_path / "p"
    shutil.rmtree(project, ignore_errors=True)
    project.mkdir()
    write_project(project, {"a.md": file_text(front, body)}, {})
    build = run_mkdocs(project)
    assert "Traceback" not in build.output
    assert build.returncode == 0 or "The chronology has" in build.output

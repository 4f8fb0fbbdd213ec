"""From drafts to content files: what an import would do (`plan`), doing it (`write`),
and whether the result builds (`check`).

A file an import writes ends its frontmatter with `imported_from:` (the imported file,
the record, and the SHA-256 of the file as written, without those lines).  A later
import of the same data updates a file only while that digest still matches, that is
while no editor has changed it; a changed file, or an editor's own file that happens to
have the same name, is a conflict and is left as it is.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.commands.importing.drafts import Draft
from generator.core.content import FOLDERS, content_file
from generator.core.problems import Problem
from generator.pipeline.chronology import build_chronology

IMPORTED_BLOCK = re.compile(r"^imported_from:\n(?:  .*\n)+", re.MULTILINE)


@dataclass
class Plan:
    """What an import does to each file, by path relative to the content folder."""

    new: dict[str, str] = field(default_factory=dict)  # path -> text
    updated: dict[str, str] = field(default_factory=dict)
    unchanged: list[str] = field(default_factory=list)
    conflicts: dict[str, str] = field(default_factory=dict)  # path -> why it is left alone


def render(draft: Draft, source_file: str) -> str:
    """The file an import writes for a draft, `imported_from:` last in its frontmatter."""
    front = yaml.safe_dump(draft.fields, sort_keys=False, allow_unicode=True, width=100)
    text = f"---\n{front}---\n\n{draft.body}"
    stamp = yaml.safe_dump(
        {"imported_from": {"file": source_file, "record": draft.record, "digest": digest(text)}},
        sort_keys=False,
        allow_unicode=True,
    )
    return f"---\n{front}{stamp}---\n\n{draft.body}"


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def recorded_digest(text: str) -> tuple[str | None, str]:
    """The digest an import recorded in a file, and the file's text without its stamp."""
    match = IMPORTED_BLOCK.search(text)
    if match is None:
        return None, text
    found = re.search(r"^  digest: ['\"]?([0-9a-f]{64})", match.group(0), re.MULTILINE)
    return (found.group(1) if found else None), text[: match.start()] + text[match.end() :]


def recorded_file(text: str) -> str | None:
    """The imported file a file's stamp names."""
    match = IMPORTED_BLOCK.search(text)
    found = re.search(r"^  file: (.*)$", match.group(0), re.MULTILINE) if match else None
    return str(yaml.safe_load(found.group(1))) if found else None


def plan(drafts: list[Draft], content: Path, source_file: str) -> Plan:
    result = Plan()
    for draft in drafts:
        relative = content_file(draft.kind, draft.id)
        text = render(draft, source_file)
        path = content / relative
        if not path.exists():
            result.new[relative] = text
            continue
        current = path.read_text(encoding="utf-8")
        recorded, without = recorded_digest(current)
        if recorded is None:
            result.conflicts[relative] = "an editor's file (no imported_from:); left as it is"
        elif recorded_file(current) != source_file:
            result.conflicts[relative] = "imported from another file; left as it is"
        elif recorded != digest(without):
            result.conflicts[relative] = "changed since it was imported; left as it is (merge by hand, or delete it)"
        elif current == text:
            result.unchanged.append(relative)
        else:
            result.updated[relative] = text
    return result


def write(result: Plan, content: Path) -> None:
    for folder in FOLDERS.values():  # a new chronology gets both folders, as the build expects
        (content / folder).mkdir(parents=True, exist_ok=True)
    for relative, text in {**result.new, **result.updated}.items():
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        # Whole files only: a file is replaced at once or not at all.
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False, suffix=".tmp") as out:
            out.write(text)
        os.chmod(out.name, 0o644)  # as an editor's file: a temporary file is made private
        os.replace(out.name, path)


def check(result: Plan, content: Path) -> list[Problem]:
    """The problems a build would report once the plan is written, found on a copy of
    the content folder (the folder itself is not touched)."""
    with tempfile.TemporaryDirectory() as work:
        copy = Path(work) / "content"
        if content.exists():
            shutil.copytree(content, copy)
        else:
            copy.mkdir()
        write(result, copy)
        _, problems = build_chronology(copy, content.as_posix())
    return problems

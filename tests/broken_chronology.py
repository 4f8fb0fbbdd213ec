"""A chronology with one mistake of every kind an editor makes, one file per mistake.

Shared by the error tests and by `python tests/broken_chronology.py DIR`, which writes
it to DIR so that anyone can see the build's full report (`mkdocs build -f DIR/mkdocs.yml`).
"""

from __future__ import annotations

import sys
from pathlib import Path

SOURCE = "sources:\n  - id: src\n    title: A source\n    publisher: A publisher\n"


def event(front: str, body: str = "Text.[^src]") -> str:
    return f"---\n{front}{SOURCE}---\n\n{body}\n"


EVENTS: dict[str, str | bytes] = {
    "fine.md": event("title: A fine event\ndate: 2023-12-20\n"),
    "yaml-syntax.md": event("title: [unclosed\ndate: 2023-12-25\n"),
    "no-frontmatter.md": "Just some text.\n",
    "not-a-mapping.md": "---\n- a list\n- not fields\n---\n\nText.\n",
    "missing-date.md": event("title: No date\n"),
    "unknown-field.md": event("tittle: Misspelt\ndate: 2023-12-25\n"),
    "wrong-type.md": event("title: Tags as text\ndate: 2023-12-25\ntags: airstrike\n"),
    "bad-date.md": event("title: British date\ndate: 25/12/2023\n"),
    "backwards-range.md": event("title: Backwards\ndate: 2023-12-27/2023-12-20\n"),
    "unknown-actor.md": event(
        "title: Misspelt actor\ndate: 2023-12-25\nactors:\n  - id: kataib-hezbollah\n  - id: kataib-hizbollah\n    role: target\n"
    ),
    "unknown-event.md": event("title: Misspelt related\ndate: 2023-12-25\nrelated: [fine-evnt]\n"),
    "self-related.md": event("title: Names itself\ndate: 2023-12-25\nrelated: [self-related]\n"),
    "stray-footnote.md": event("title: Stray footnote\ndate: 2023-12-25\n", body="Text.[^src] More.[^scr]"),
    "uncited-source.md": event("title: Uncited\ndate: 2023-12-25\n", body="Nothing cited."),
    "bad-url.md": event("title: Bad URL\ndate: 2023-12-25\n").replace(
        "publisher: A publisher\n", "publisher: A publisher\n    url: javascript:alert(1)\n"
    ),
    "empty-title.md": event("title: ''\ndate: 2023-12-25\n"),
    "not-utf8.md": "---\ntitle: Caf\u00e9\ndate: 2023\n---\n".encode("latin-1"),
    "empty.md": "",
    "notes.txt": "A note that is not an event.\n",
    "Duplicate.md": event("title: Upper case\ndate: 2023\n"),
    "duplicate.md": event("title: Lower case\ndate: 2023\n"),
}


def actor(front: str, body: str = "Text.[^src]") -> str:
    return f"---\n{front}{SOURCE}---\n\n{body}\n"


ACTORS: dict[str, str | bytes] = {
    "kataib-hezbollah.md": actor("name: Kataib Hezbollah\nkind: group\n"),
    "own-parent.md": actor("name: Own parent\nkind: group\naffiliations:\n  - organisation: own-parent\n"),
    "cycle-a.md": actor("name: Cycle A\nkind: group\naffiliations:\n  - organisation: cycle-b\n"),
    "cycle-b.md": actor("name: Cycle B\nkind: group\naffiliations:\n  - organisation: cycle-a\n"),
    "bad-kind.md": actor("name: Bad kind\nkind: orgnisation\n"),
    "unknown-source.md": actor(
        "name: Unknown source\nkind: group\naffiliations:\n  - organisation: kataib-hezbollah\n    source: scr\n"
    ),
}


def write(root: Path) -> None:
    for folder, files in (("events", EVENTS), ("actors", ACTORS)):
        directory = root / "content" / folder
        directory.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            path = directory / name
            path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.conftest import write_project

    target = Path(sys.argv[1])
    target.mkdir(parents=True, exist_ok=True)
    write_project(target, {}, {})
    write(target)
    print(f"wrote {target}; build it with: mkdocs build --strict -f {target}/mkdocs.yml")

"""The tree is the architecture: each layer of generator/ imports only the layers below
it, the pipeline's stages only the stages before them, and only generator/build/
talks to MkDocs (read from the source with `ast`, so a lazy import counts too)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

GENERATOR = Path(__file__).resolve().parents[2] / "generator"

# Lower layers know nothing of higher ones.  Two packages of one rank do not import
# each other either: text and core are independent, as are render and exports.
RANKS = {
    "core": 0,
    "text": 0,
    "urls": 1,
    "pipeline": 2,
    "views": 3,
    "render": 4,
    "exports": 4,
    "build": 5,
    "commands": 6,
    "__main__": 7,
}
# The pipeline's stages in the order they run.
STAGES = ["limits", "yaml_text", "load", "schema", "validate", "link", "images", "history", "chronology"]
MKDOCS = {"mkdocs", "material"}


def modules() -> list[Path]:
    return sorted(path for path in GENERATOR.rglob("*.py") if "__pycache__" not in path.parts)


def dotted(path: Path, root: Path = GENERATOR) -> list[str]:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return parts[:-1] if parts[-1] == "__init__" else parts


def imported(path: Path) -> list[tuple[int, list[str]]]:
    """Every module `path` imports, as dotted parts, with its line (`from a import b`
    counts as a.b, since b may be a module)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name.split(".")) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found += [(node.lineno, [*node.module.split("."), alias.name]) for alias in node.names]
    return found


def layer(parts: list[str]) -> str:
    return parts[1] if len(parts) > 1 else parts[0]


def offences(path: Path, root: Path = GENERATOR) -> list[str]:
    own = dotted(path, root)
    own_layer = layer(own)
    found = []
    for line, target in imported(path):
        where = f"{path.relative_to(root.parent)}:{line}: imports {'.'.join(target)}"
        if target[0] in MKDOCS and own_layer != "build":
            found.append(f"{where}: only generator/build/ may import MkDocs or Material")
        if target[0] != "generator" or len(target) < 2:
            continue
        other = target[1]
        if other == own_layer:
            if own_layer == "pipeline" and len(own) > 2 and len(target) > 2 and target[2] in STAGES:
                mine, theirs = STAGES.index(own[2]), STAGES.index(target[2])
                if theirs >= mine and target[2] != own[2]:
                    found.append(f"{where}: a stage imports only the stages before it ({' -> '.join(STAGES)})")
            continue
        if other not in RANKS:
            found.append(f"{where}: generator.{other} is in no layer; add it to RANKS")
        elif RANKS[other] >= RANKS[own_layer]:
            found.append(
                f"{where}: {own_layer} (layer {RANKS[own_layer]}) may not import {other} (layer {RANKS[other]})"
            )
    return found


def test_every_module_is_in_a_layer():
    assert {layer(dotted(path)) for path in modules() if len(dotted(path)) > 1} == set(RANKS)


def test_no_layer_imports_from_above_and_only_build_imports_mkdocs():
    found = [offence for path in modules() for offence in offences(path)]
    assert found == []


@pytest.mark.parametrize(
    ("module", "source", "expected"),
    [
        ("core/dates.py", "from generator.views.dates import date_words\n", "core (layer 0) may not import views"),
        ("views/pages.py", "import mkdocs.structure\n", "only generator/build/ may import MkDocs"),
        ("render/templates.py", "def f():\n    from material import x\n", "only generator/build/ may import MkDocs"),
        ("pipeline/load.py", "from generator.pipeline.link import link\n", "a stage imports only the stages before"),
        ("pipeline/link.py", "from generator.pipeline import load\n", None),
        ("text/__init__.py", "from generator.core import model\n", "text (layer 0) may not import core"),
        ("build/plugin.py", "from mkdocs.plugins import BasePlugin\n", None),
    ],
)
def test_the_check_catches_what_it_names(tmp_path, module, source, expected):
    """The check itself, on a copy of the tree with one import added (so it cannot pass
    by reading nothing)."""
    copy = tmp_path / "generator"
    target = copy / module
    target.parent.mkdir(parents=True)
    target.write_text(source)
    found = offences(target, copy)
    if expected is None:
        assert found == []
    else:
        assert len(found) == 1 and expected in found[0], found


def test_the_readme_names_every_module():
    """The README's module map ("How it works") is the tree: a new module is named there."""
    readme = (GENERATOR.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## How it works") :]
    unnamed = [
        path.relative_to(GENERATOR).as_posix()
        for path in modules()
        if path.name not in ("__init__.py", "__main__.py") and f"`{path.name}`" not in section
    ]
    assert unnamed == []

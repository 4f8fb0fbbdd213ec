"""Build the site twice under different conditions and compare every file's SHA-256.

The two builds differ in folder, time, file modification times, PYTHONHASHSEED, time
zone and locale; both take SOURCE_DATE_EPOCH from the repository's last commit, as the
plugin does.  Prints every file that differs, or exists in one build only; exits 1 if any.

    python tools/repro.py            # the repository's own content
    python tools/repro.py --root DIR # another project folder (mkdocs.yml, content/, theme/)
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

CONDITIONS = (
    {"PYTHONHASHSEED": "1", "TZ": "UTC", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"},
    {"PYTHONHASHSEED": "4093", "TZ": "Asia/Kolkata", "LC_ALL": "C", "LANG": "C"},
)


def digests(site: Path) -> dict[str, str]:
    """The SHA-256 of every file of the site, SHA256SUMS and the search index included."""
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def build_copy(root: Path, target: Path, env: dict[str, str], mtime: float) -> dict[str, str]:
    for name in ("content", "theme", "mkdocs.yml"):
        source = root / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy2(source, target / name)
    for path in target.rglob("*"):
        os.utime(path, (mtime, mtime))
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(target / "mkdocs.yml")],
        cwd=target,
        env={**os.environ, **env, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise SystemExit(f"build in {target} failed:\n{result.stdout}{result.stderr}")
    return digests(target / "site")


def compare(root: Path) -> tuple[int, list[str]]:
    """Return the number of files compared and the paths that differ."""
    epoch = (
        os.environ.get("SOURCE_DATE_EPOCH")
        or subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True).stdout.strip()
        or "0"
    )
    results = []
    for index, conditions in enumerate(CONDITIONS):
        with tempfile.TemporaryDirectory(prefix=f"repro-{index}-") as folder:
            mtime = time.time() - 86400 * 400 * index  # a year apart
            results.append(build_copy(root, Path(folder), {**conditions, "SOURCE_DATE_EPOCH": epoch}, mtime))
        time.sleep(1.1)  # and at different times
    return difference(*results)


def compare_sites(first: Path, second: Path) -> tuple[int, list[str]]:
    """Compare two built sites: the number of files compared and the paths that differ."""
    return difference(digests(first), digests(second))


def difference(first: dict[str, str], second: dict[str, str]) -> tuple[int, list[str]]:
    differing = sorted(p for p in first.keys() | second.keys() if first.get(p) != second.get(p))
    return len(first.keys() | second.keys()), differing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=REPO)
    args = parser.parse_args()
    count, differing = compare(args.root)
    for path in differing:
        print(f"differs: {path}")
    print(f"{count} files compared, {len(differing)} differ")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())

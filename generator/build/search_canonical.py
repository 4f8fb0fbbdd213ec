"""Pagefind's index in one canonical form, so that two builds of one commit are the same
bytes, search index included (and a published site can be verified whole).

Pagefind writes its filter indexes, and the metadata file that lists them, in an order
that changes from run to run (Pagefind issue 638: its maps are hash maps), and names
each file after a hash of its content, so the names change too.  Each of those files is
gzip-compressed CBOR behind a signature; here each is read, its lists put in a fixed
order (filter values by value, filters by name), written again (gzip with no time
stamp), named after a hash of what it now holds, and the metadata file and the entry
point are made to name the new files.  Pagefind's browser code finds every file through
those names, so it reads the canonical index as it read its own.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path
from typing import Any

import cbor2

SIGNATURE = b"pagefind_dcd"  # what Pagefind's decoder expects before the CBOR


class IndexFormatError(ValueError):
    """Pagefind wrote something else than the format this step knows (a new version?)."""


def canonical_index(folder: Path) -> None:
    """Rewrite the index in `folder` (site/pagefind) in its canonical form, in place."""
    entry_path = folder / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language in entry["languages"].values():
        meta_path = folder / f"pagefind.{language['hash']}.pf_meta"
        meta = _read(meta_path)
        if not isinstance(meta, list) or len(meta) < 4 or not isinstance(meta[3], list):
            raise IndexFormatError(f"{meta_path.name}: not the metadata layout of Pagefind 1.x")
        prefix = language["hash"].split("_")[0]
        filters = []
        for name, filter_hash in meta[3]:
            filter_path = folder / "filter" / f"{filter_hash}.pf_filter"
            filter_name, values = _read(filter_path)
            ordered = [filter_name, sorted(([value, sorted(pages)] for value, pages in values), key=_first)]
            filters.append([name, _write(folder / "filter", filter_path, prefix, 7, ".pf_filter", ordered)])
        meta[3] = sorted(filters, key=_first)
        if len(meta) > 5 and all(isinstance(field, str) for field in meta[5]):
            meta[5] = sorted(meta[5])  # the names of the metadata fields
        language["hash"] = _write(folder, meta_path, prefix, 10, ".pf_meta", meta, stem="pagefind.")
    text = json.dumps(entry, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    entry_path.write_text(text, encoding="utf-8")


def _first(item: list[Any]) -> str:
    return str(item[0])


def _read(path: Path) -> Any:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise IndexFormatError(f"{path.name}: not one of Pagefind's index files")
    return cbor2.loads(data[len(SIGNATURE) :])


def _write(folder: Path, old: Path, prefix: str, digits: int, suffix: str, value: Any, stem: str = "") -> str:
    """Write `value` in place of `old`, named after its content; return its hash part."""
    payload = SIGNATURE + cbor2.dumps(value)
    name = f"{prefix}_{hashlib.sha256(payload).hexdigest()[:digits]}"
    old.unlink()
    (folder / f"{stem}{name}{suffix}").write_bytes(gzip.compress(payload, compresslevel=9, mtime=0))
    return name

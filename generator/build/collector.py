"""Garbage-collector settings for builds that keep many objects alive.

Everything a build makes before its pages render (the chronology, the views, MkDocs'
pages) lives until the build ends.  Frozen, it is not walked again by every full
collection while thousands of pages render (what that saves: bench/NOTES.md).
"""

from __future__ import annotations

import gc


def spare_full_collections() -> None:
    """For the --dirtyreload preview: a rebuild of a large chronology allocates enough
    to set off the collector's full pass over everything the preview keeps (all pages,
    the caches), a pass as long as the preview is large, however small the edit.  Full
    passes are made ten times rarer (one per hundred middle-generation passes instead
    of ten); the rest of the collector runs as usual."""
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, 100)


def freeze_survivors() -> None:
    gc.freeze()


def thaw_survivors() -> None:
    gc.unfreeze()

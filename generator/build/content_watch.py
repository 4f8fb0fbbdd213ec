"""The preview goes on watching content/ when the folder is deleted and made again.

MkDocs' live reload watches content/ with a polling watcher, whose watch ends when the
folder goes (a checkout of another branch, an import into a fresh folder, `rm -r`):
edits in the new folder would no longer be seen, and nothing would say so.  This thread
looks at the folder once a second; when it is made anew it watches the new folder and
asks for a rebuild (through the live reload server's own rebuild request, an internal of
MkDocs 1.6 that the preview's tests exercise; without it, the editor is told to restart).
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from pathlib import Path

from mkdocs.livereload import LiveReloadServer

log = logging.getLogger("mkdocs.plugins.timeline")


class ContentWatch(threading.Thread):
    def __init__(self, server: LiveReloadServer, folder: Path, every: float = 1.0):
        super().__init__(name="content-watch", daemon=True)
        self.server = server
        self.folder = folder
        self.every = every
        self.watched = _inode(folder)

    def run(self) -> None:
        while True:
            time.sleep(self.every)
            inode = _inode(self.folder)
            if inode is None or inode == self.watched:
                if inode is None and self.watched is not None:
                    log.warning(f"{self.folder} was removed; the preview shows it again when it is back")
                    self.watched = None
                continue
            self.watched = inode
            self._watch_again()

    def _watch_again(self) -> None:
        path = str(self.folder)
        with contextlib.suppress(KeyError, ValueError):  # not watched any more
            self.server.unwatch(path)
        self.server.watch(path)
        condition = getattr(self.server, "_rebuild_cond", None)
        if condition is None or not hasattr(self.server, "_want_rebuild"):
            log.warning(f"{self.folder} was made anew: restart the preview (make serve) to see it")
            return
        log.info(f"{self.folder} was made anew; the preview watches the new folder")
        with condition:
            self.server._want_rebuild = True
            condition.notify_all()


def _inode(folder: Path) -> int | None:
    try:
        return folder.stat().st_ino
    except OSError:
        return None

"""Under `mkdocs serve`, notice a saved brief at once.

MkDocs polls what it watches every half second and then waits 0.1 s for
more changes, so a rebuild starts a quarter of a second after a save on
average, and up to half a second. The briefs folder and the glossary file are
watched with the system's file notifications instead (inotify, FSEvents or
ReadDirectoryChangesW, through watchdog, which MkDocs itself uses), and a
change wakes MkDocs' rebuild loop at once.

Waking the loop takes two attributes of MkDocs' `LiveReloadServer` that are
not public (MkDocs 1.x no longer changes). When they are missing, or the
system gives no notifications, or the site sets `preview_polling: true`
(folders where notifications do not arrive, as on some network drives and
container mounts), the plugin leaves the watching to MkDocs' polling.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

# What saving, adding, removing or renaming a file does; opening and reading it (as
# every build does) notifies too on some systems, and must not start a build.
CHANGES = frozenset({"created", "modified", "deleted", "moved"})


def rebuild_waker(server: Any) -> Callable[[], None] | None:
    """What MkDocs' own watch callback does to ask for a rebuild; None if it cannot be done."""
    condition = getattr(server, "_rebuild_cond", None)
    if not isinstance(condition, threading.Condition) or not hasattr(server, "_want_rebuild"):
        return None

    def wake() -> None:
        with condition:
            server._want_rebuild = True
            condition.notify_all()

    return wake


class _Changes(FileSystemEventHandler):
    """Calls `wake` for changes to files under `folder`, or to the files in `only`."""

    def __init__(self, wake: Callable[[], None], only: frozenset[str] | None = None) -> None:
        self.wake = wake
        self.only = only

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory or event.event_type not in CHANGES:
            return
        paths = {os.fsdecode(event.src_path), os.fsdecode(getattr(event, "dest_path", "") or "")}
        if self.only is None or not self.only.isdisjoint(paths):
            self.wake()


class _FolderReplaced(FileSystemEventHandler):
    """Calls `replaced` when `folder` itself is made anew or renamed into its place:
    a watch follows the folder it was set on, which is then gone."""

    def __init__(self, folder: str, replaced: Callable[[str], None]) -> None:
        self.folder = folder
        self.replaced = replaced

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type == "created":
            path = os.fsdecode(event.src_path)
        elif event.event_type == "moved":
            path = os.fsdecode(getattr(event, "dest_path", "") or "")
        else:
            return
        if path == self.folder:
            self.replaced(path)


class BriefWatcher:
    """Watches folders (with everything in them) and single files; `stop` ends it."""

    def __init__(self, wake: Callable[[], None]) -> None:
        self._wake = wake
        self._observer: Any = None
        self._folder_watches: dict[str, Any] = {}  # folder -> its watch, set anew if replaced

    def start(self, folders: Iterable[Path], files: Iterable[Path]) -> bool:
        """True if every path is watched; False (and nothing watched) if one cannot be."""
        observer = Observer()
        try:
            for folder in folders:
                path = str(folder.resolve())
                self._folder_watches[path] = observer.schedule(
                    _Changes(self._wake), path, recursive=True
                )
                # Its parent says when the folder is replaced (copied, deleted, renamed back).
                parent = str(Path(path).parent)
                observer.schedule(_FolderReplaced(path, self._watch_again), parent)
            for file in files:
                path = file.resolve()
                # A file is watched through its folder, for the editors that save by
                # writing a new file and renaming it over the old one.
                handler = _Changes(self._wake, frozenset({str(path)}))
                observer.schedule(handler, str(path.parent), recursive=False)
            observer.start()
        except (OSError, RuntimeError):  # no notifications here, or too many watches
            observer.stop()
            self._folder_watches.clear()
            return False
        self._observer = observer
        return True

    def _watch_again(self, folder: str) -> None:
        """Watch the folder now at `folder`'s path, instead of the one that was there."""
        observer = self._observer
        if observer is None:
            return
        old = self._folder_watches.pop(folder, None)
        if old is not None:
            with contextlib.suppress(KeyError, OSError, RuntimeError):
                observer.unschedule(old)
        with contextlib.suppress(OSError, RuntimeError):  # gone again already
            self._folder_watches[folder] = observer.schedule(
                _Changes(self._wake), folder, recursive=True
            )
        self._wake()

    def stop(self) -> None:
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(timeout=5)
            self._observer = None
            self._folder_watches.clear()

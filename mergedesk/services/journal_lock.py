"""One MergeDesk process at a time sends merges, settles open ones or restores them from
a workspace's journal. Two processes working from one journal could each settle the
same open merge and send it twice, so the second one gets JournalBusy at once, before
any call. An OS file lock (filelock) next to the workspace database: the OS drops it
when its process dies, so a crash never leaves it held. Re-entrant within a process
(the GUI runs several merges side by side). No Qt."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock, Timeout

from mergedesk.providers import errors
from mergedesk.services.workspace import Workspace, data_dir

LOCK_NAME = "journal.lock"
OWNER_SUFFIX = ".owner"  # the holder's pid, for the message the other process shows


# The process's locks by file, made once: building a FileLock costs more than taking it.
_LOCKS: dict[Path, FileLock] = {}


class JournalBusy(errors.ProviderError):
    """Another MergeDesk process holds this journal: nothing was sent. A ProviderError
    so that callers that report a failed merge (CLI, merge queue) say it as such."""


def lock_path(workspace: Workspace) -> Path:
    """Next to the workspace's SQLite file; in the data folder for a store without one."""
    db_path = getattr(workspace.db, "path", None)
    if isinstance(db_path, Path) and str(db_path) != ":memory:":
        return db_path.parent / LOCK_NAME
    return data_dir() / LOCK_NAME


@contextlib.contextmanager
def journal_lock(workspace: Workspace, doing: str) -> Iterator[None]:
    """Hold the journal while `doing` ("apply merges"…); raises JournalBusy, never
    waits (the GUI's loop must not block, and a batch should not queue behind another)."""
    path = lock_path(workspace)
    lock = _LOCKS.get(path)
    if lock is None:
        path.parent.mkdir(parents=True, exist_ok=True)
        # One lock per file in this process: every holder shares it and its counter.
        lock = _LOCKS[path] = FileLock(path, thread_local=False, is_singleton=True)
    try:
        lock.acquire(blocking=False)
    except Timeout:
        raise JournalBusy(_busy_text(path, doing), provider="MergeDesk") from None
    try:
        if lock.lock_counter == 1:
            _note_owner(path)
        yield
    finally:
        lock.release()


def _note_owner(path: Path) -> None:
    """The holder's pid, padded and written in place: truncating a file costs
    milliseconds on a busy disk, and this runs on the GUI's loop for every merge."""
    with contextlib.suppress(OSError):  # only for the other process's message
        fd = os.open(path.with_name(path.name + OWNER_SUFFIX), os.O_WRONLY | os.O_CREAT,
                     0o644)
        try:
            os.write(fd, f"{os.getpid():<20}".encode())
        finally:
            os.close(fd)


def _busy_text(path: Path, doing: str) -> str:
    try:
        owner = path.with_name(path.name + OWNER_SUFFIX).read_text().strip()
    except OSError:
        owner = ""
    who = f"another MergeDesk process (pid {owner})" if owner.isdigit() else \
        "another MergeDesk process"
    return (f"cannot {doing}: {who} is applying or settling merges from the journal in "
            f"{path.parent}; nothing was sent. Try again once it has finished")

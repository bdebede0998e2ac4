"""Filling in the titles the group list shows (names · e-mails) for groups the store has
none for — after a scan, or for groups a command-line scan stored — from the cached
records, in batches on an executor thread, so the list never waits for them."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from mergedesk.services.workspace import Workspace
from mergedesk.ui.models.display import group_title

# Groups titled per transaction. Small: the write holds the store's lock through its
# disk sync, and the loop's own reads of the store (the group shown) wait behind it.
BATCH = 250


def _title_batch(workspace: Workspace, conn: str, after: int) -> tuple[int, int]:
    """Title one batch; returns (last row id, groups titled). Runs off the GUI thread."""
    batch = workspace.groups.untitled(conn, after, BATCH)
    if not batch:
        return after, 0
    titles: dict[str, str] = {}
    for _, group_id, record_ids in batch:
        records = [r for rid in record_ids if (r := workspace.cache.get(conn, rid))]
        # A group whose records left the cache still gets a title: its ids, not "".
        titles[group_id] = group_title(records) or ", ".join(f"#{r}" for r in record_ids)
    workspace.groups.set_titles(conn, titles)
    return batch[-1][0], len(batch)


async def fill_titles(workspace: Workspace, conn: str,
                      on_batch: Callable[[int], None] | None = None) -> int:
    """Title every untitled group of `conn`; `on_batch(done)` after each batch."""
    loop = asyncio.get_running_loop()
    after, done = 0, 0
    while True:
        after, count = await loop.run_in_executor(None, _title_batch, workspace, conn, after)
        if not count:
            return done
        done += count
        if on_batch is not None:
            on_batch(done)

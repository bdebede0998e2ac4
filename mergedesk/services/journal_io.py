"""The merge journal as the apply and recovery services await it: each call runs on one
worker thread of its own, so an event loop (a GUI's) never stands still for a commit's
fsync (synchronous=FULL stays: crash recovery needs it) or for building entries. No Qt.

The write-before-call rule holds: a write has committed when its await returns, and the
service awaits it before the CRM call it describes. One thread runs the calls in the
order they were made; a write once asked for lands even if its task is cancelled."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Iterable
from concurrent.futures import Executor, ThreadPoolExecutor
from typing import Any, TypeVar

from pydantic import JsonValue

from mergedesk.core.models import Record
from mergedesk.core.plan import GroupMerge
from mergedesk.core.steps import MergeStep
from mergedesk.store.journal import MergeEntry, MergeJournal, MergeState, StepState

T = TypeVar("T")


class OffLoopJournal:
    """MergeJournal's calls used while merging, awaited (see the module docstring)."""

    def __init__(self, journal: MergeJournal, executor: Executor | None = None):
        self.journal = journal  # for synchronous callers (CLI reports, tests)
        # Idle, the thread costs nothing; it ends when this object is collected.
        self._executor = executor or ThreadPoolExecutor(1, thread_name_prefix="journal")

    async def _call(self, call: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        done = asyncio.get_running_loop().run_in_executor(
            self._executor, functools.partial(call, *args, **kwargs))
        # Shielded: a cancelled merge task must not drop a step's "done" half-written
        # or leave the caller unsure whether its "sent" was recorded.
        return await asyncio.shield(done)

    async def begin(self, *, conn: str, provider: str, base_url: str, entity: str,
                    merge: GroupMerge, snapshots: Iterable[Record],
                    steps: Iterable[MergeStep], targets: dict[str, JsonValue]) -> int:
        return await self._call(self.journal.begin, conn=conn, provider=provider,
                                base_url=base_url, entity=entity, merge=merge,
                                snapshots=list(snapshots), steps=list(steps), targets=targets)

    async def set_step(self, merge_id: int, index: int, state: StepState, *,
                       job_id: str | None = None, response: dict[str, JsonValue] | None = None,
                       error: str | None = None) -> None:
        await self._call(self.journal.set_step, merge_id, index, state, job_id=job_id,
                         response=response, error=error)

    async def finish(self, merge_id: int, status: MergeState, message: str = "") -> None:
        await self._call(self.journal.finish, merge_id, status, message)

    async def set_after(self, merge_id: int, survivor: Record) -> None:
        await self._call(self.journal.set_after, merge_id, survivor)

    async def note_recount(self, merge_id: int, survivor: Record | None, message: str) -> None:
        await self._call(self.journal.note_recount, merge_id, survivor, message)

    async def get(self, merge_id: int) -> MergeEntry | None:
        return await self._call(self.journal.get, merge_id)

    async def latest_for_group(self, conn: str, group_id: str) -> MergeEntry | None:
        return await self._call(self.journal.latest_for_group, conn, group_id)

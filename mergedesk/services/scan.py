"""Scan use case: read every record of an entity, cache it, find duplicate groups.
The CPU-heavy matching runs in an executor on immutable data. No Qt."""

from __future__ import annotations

import asyncio
import functools
import gc
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from mergedesk.core.models import DuplicateGroup, GroupsFile, Record
from mergedesk.providers.base import Provider
from mergedesk.services.workspace import Workspace
from mergedesk.store.cache import connection_key

if TYPE_CHECKING:
    from mergedesk.core.matching import MatchSettings
    from mergedesk.core.matching.features import RecordLike

Progress = Callable[[str, int, int | None], None]  # phase, done, total
Found = list[tuple[DuplicateGroup, str]]  # the groups a scan found, with their search texts
MATCH_STEPS = 1000  # matching reports a fraction; progress gets it as done/1000
# A GUI's scans of this many records or more match in a child process (match_process):
# below it the engine's longest GIL holds stay near 10 ms, less than a child's start.
GUI_CHILD_PROCESS_FROM = 10_000
RELEASE_SLICE = 500  # records freed at a time: about a millisecond of the GIL
RELEASE_PAUSE_S = 0.001
_NEVER = 1 << 30  # a young-generation threshold no allocation count reaches
T = TypeVar("T")


@dataclass
class ScanResult:
    provider: str
    entity: str
    groups: list[DuplicateGroup]
    records: int
    notes: list[str] = field(default_factory=list)

    def to_groups_file(self) -> GroupsFile:
        return GroupsFile(provider=self.provider, entity=self.entity, groups=tuple(self.groups))


class ScanService:
    """`child_process_from`: scans of at least that many records match in a child process
    (services.match_process), which a GUI wants for its loop's sake; None never does."""

    def __init__(self, workspace: Workspace, *, child_process_from: int | None = None):
        self._workspace = workspace
        self._child_process_from = child_process_from

    async def scan(
        self,
        provider: Provider,
        base_url: str,
        entity: str,
        *,
        progress: Progress | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> ScanResult:
        """List everything, cache it, and group it. `progress` is called on the loop while
        reading and from an executor thread while matching ("matching", n, MATCH_STEPS)."""
        records: list[Record] = []
        async for page in provider.list_records(entity):
            records.extend(page.records)
            if progress:
                progress("reading", len(records), page.total)
            if cancel and cancel():
                raise asyncio.CancelledError
        conn = connection_key(provider.capabilities.provider, base_url, entity)
        # Caching 100,000 records takes seconds: in the executor, so the loop (a GUI's)
        # goes on; the store writes in short transactions the journal does not wait for.
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, self._workspace.cache.replace_records, conn, records)
        from mergedesk.core.matching import MatchSettings  # see group()

        field_map = provider_field_map(provider, entity)  # empty: the engine infers one
        overrides = {"field_map": field_map} if field_map else {}
        settings = MatchSettings.for_entity(entity, **overrides)
        result = await self.group(
            conn, records, provider.capabilities.provider, entity, settings, cancel=cancel,
            progress=progress,
        )
        # Freed with this coroutine's frame, the records would go in one C call on the
        # loop's thread (~300 ms at 100,000): a worker frees them, unhurried, before the
        # window lays out the groups found (a busy moment of its own).
        await loop.run_in_executor(None, release, records)
        return result

    async def group(
        self,
        conn: str,
        records: Sequence[Record],
        provider_name: str,
        entity: str,
        settings: MatchSettings,
        *,
        cancel: Callable[[], bool] | None = None,
        progress: Progress | None = None,
    ) -> ScanResult:
        """Group records (cached or imported) and store the groups for review."""
        loop = asyncio.get_running_loop()
        # In the executor: the store's lock may be a decision's write away (a commit's
        # fsync), and "not duplicates" pairs can be many.
        excluded = await loop.run_in_executor(
            None, self._workspace.groups.not_duplicate_pairs, conn)
        report = _fraction_reporter(progress)
        if self._child_process_from is not None and len(records) >= self._child_process_from:
            from mergedesk.services.match_process import match_in_child

            found, notes = await match_in_child(records, entity, settings, excluded,
                                                progress=report, cancel=cancel)
        else:
            found, notes = await loop.run_in_executor(
                None, match_here, records, entity, settings, excluded, report, cancel)
        # In the executor too, like the record cache.
        await loop.run_in_executor(None, self._workspace.groups.replace_groups, conn, found)
        return ScanResult(provider_name, entity, [group for group, _ in found], len(records),
                          notes)


def match_here(records: Sequence[Record], entity: str, settings: MatchSettings,
               excluded_pairs: set[frozenset[str]], progress: Callable[[float], None] | None,
               cancel: Callable[[], bool] | None,
               ) -> tuple[Found, list[str]]:  # fmt: skip
    """find_groups() in this process: the groups with their search texts, and the notes."""
    # Imported here, not at the top: numpy and the matching engine take a third of
    # a second to load, which the GUI would otherwise pay before its window shows.
    from mergedesk.core.matching import find_groups

    run = functools.partial(find_groups, tuple(records), entity, settings,
                            excluded_pairs=excluded_pairs, cancel=cancel, progress=progress)
    result = without_young_pile(run)
    return with_search_texts(result.groups, records), list(result.notes)


def release(items: list) -> None:
    """Empty `items` a slice at a time, pausing between slices. Freeing 100,000 records
    is one C call that holds the GIL ~300 ms; a slice holds it about a millisecond, and
    in the pause a GUI's thread takes the GIL uncontested (a busy thread here made each
    of its many takes in one turn of the loop wait: 50 ms turns)."""
    while items:
        del items[-RELEASE_SLICE:]
        time.sleep(RELEASE_PAUSE_S)


def without_young_pile(run: Callable[[], T]) -> T:
    """Run the matching engine so that what it leaves never meets a young collection.

    The engine switches the collector off while it matches (gc.disable, for the whole
    process): everything allocated meanwhile, in every thread, piles up in the youngest
    generation, and the first collection once it is back on walked that pile holding the
    GIL, a 300 ms stall of a GUI's loop at 100,000 records. A young threshold nothing
    reaches keeps that pass from starting; freeze() then moves the pile to the permanent
    generation without walking it (what outlived matching, records and groups, lives on;
    refcounting still frees it). Only the young threshold is put back: a GUI may have
    set the others meanwhile (ui.responsiveness)."""
    young = gc.get_threshold()[0]
    gc.set_threshold(_NEVER, *gc.get_threshold()[1:])
    try:
        return run()
    finally:
        gc.freeze()
        gc.set_threshold(young, *gc.get_threshold()[1:])


def _fraction_reporter(progress: Progress | None) -> Callable[[float], None] | None:
    if progress is None:
        return None
    return lambda fraction: progress("matching", round(fraction * MATCH_STEPS), MATCH_STEPS)


def provider_field_map(provider: Provider, entity: str) -> dict[str, str]:
    """The provider's canonical -> field-name map for matching, if it declares one."""
    canonical = getattr(provider, "canonical_fields", None)
    return dict(canonical(entity)) if callable(canonical) else {}


def with_search_texts(groups: Sequence[DuplicateGroup], records: Sequence[RecordLike]) -> Found:
    """Each group with its search_text(), as the store keeps them."""
    by_id = {r.id: r for r in records}
    return [(group, search_text(group, by_id)) for group in groups]


def search_text(group: DuplicateGroup, records: Mapping[str, RecordLike]) -> str:
    """What the group list's search box matches: every text value of every member."""
    parts: list[str] = []
    for rid in group.records:
        record = records.get(rid)
        if record:
            parts.extend(str(v) for v in record.fields.values() if isinstance(v, str) and v)
    return " ".join(parts)

"""Matching in a child process (the GUI's scans of many records): the same groups and
search texts as matching in this process, progress, cancelling that kills the child,
and a child that fails or dies turned into a clear error."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import time
from types import SimpleNamespace

import pytest

from mergedesk.core.matching import MatchSettings, ScanCancelled
from mergedesk.services.match_process import MatchingFailed, match_in_child
from mergedesk.services.scan import ScanService, release
from mergedesk.store.cache import connection_key
from tests.conftest import serve


@pytest.fixture(scope="module")
def sandbox():
    served = serve("chatwoot", seed=7, records=400)
    yield served
    served.server.stop()


def _stored(workspace, base_url: str) -> list[tuple[str, tuple[str, ...], str]]:
    conn = connection_key("chatwoot", base_url, "contacts")
    return sorted((g.id, g.records, text) for g, text in workspace.groups.groups(conn))


async def test_a_child_finds_and_stores_what_this_process_does(workspace, provider, sandbox):
    here = await ScanService(workspace).scan(provider, sandbox.base_url, "contacts")
    stored_here = _stored(workspace, sandbox.base_url)
    reports: list[tuple[str, int, int | None]] = []
    there = await ScanService(workspace, child_process_from=0).scan(
        provider, sandbox.base_url, "contacts", progress=lambda *r: reports.append(r))
    assert len(here.groups) > 3
    assert [g.model_dump() for g in there.groups] == [g.model_dump() for g in here.groups]
    assert _stored(workspace, sandbox.base_url) == stored_here
    assert there.notes == here.notes and there.records == here.records > 300
    matching = [done for phase, done, _ in reports if phase == "matching"]
    assert matching and matching == sorted(matching) and matching[-1] == 1000


async def test_below_the_threshold_matching_stays_in_this_process(workspace, provider,
                                                                   sandbox, monkeypatch):
    import mergedesk.services.match_process as match_process

    def no_child(*_args, **_kwargs):
        raise AssertionError("a child process below the threshold")

    monkeypatch.setattr(match_process, "match_in_child", no_child)
    found = await ScanService(workspace, child_process_from=100_000).scan(
        provider, sandbox.base_url, "contacts")
    assert found.groups


async def _records(workspace, provider, sandbox):
    await ScanService(workspace).scan(provider, sandbox.base_url, "contacts")
    return workspace.cache.records(connection_key("chatwoot", sandbox.base_url, "contacts"))


def _children_end() -> None:
    deadline = time.monotonic() + 5
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not multiprocessing.active_children()


async def test_cancel_stops_the_scan_and_the_child(workspace, provider, sandbox):
    records = await _records(workspace, provider, sandbox)
    reported: list[float] = []
    with pytest.raises(ScanCancelled):
        await match_in_child(records, "contacts", MatchSettings.for_entity("contacts"), set(),
                             progress=reported.append, cancel=lambda: bool(reported))
    assert reported  # it was under way
    _children_end()


async def test_a_cancelled_task_kills_the_child(workspace, provider, sandbox):
    records = await _records(workspace, provider, sandbox)
    started = asyncio.Event()
    loop = asyncio.get_running_loop()
    task = asyncio.ensure_future(match_in_child(
        records * 10, "contacts", MatchSettings.for_entity("contacts"), set(),
        progress=lambda _f: loop.call_soon_threadsafe(started.set)))
    await asyncio.wait_for(started.wait(), 30)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    await asyncio.get_running_loop().run_in_executor(None, _children_end)


async def test_an_engine_error_comes_back_as_one_clear_line():
    unhashable = [SimpleNamespace(id=["1"], fields={"name": "Ann"})] * 3
    with pytest.raises(MatchingFailed, match=r"^matching failed: TypeError: unhashable"):
        await match_in_child(unhashable, "contacts",  # type: ignore[arg-type]
                             MatchSettings.for_entity("contacts"), set())
    _children_end()


class _ExitsWhenUnpickled:
    def __reduce__(self):
        return os._exit, (3,)


@pytest.mark.parametrize("more", [0, 20_000], ids=["answering", "still-reading"])
async def test_a_child_that_dies_is_an_error_not_a_hang(more):
    """It dies unpickling the first record: before its answer, or while the parent is
    still sending (a broken pipe there)."""
    dying = [SimpleNamespace(id="0", fields={"name": _ExitsWhenUnpickled()})]
    dying += [SimpleNamespace(id=str(n), fields={"name": f"Ann {n}"}) for n in range(1, more)]
    with pytest.raises(MatchingFailed, match=r"ended unexpectedly \(exit code 3\)"):
        await match_in_child(dying, "contacts",  # type: ignore[arg-type]
                             MatchSettings.for_entity("contacts"), set())
    _children_end()


def test_release_empties_a_list_a_slice_at_a_time():
    items = list(range(2500))
    release(items)
    assert items == []

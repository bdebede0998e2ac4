"""bench_ui.py's loop-stall phase: the review window scans a Dataverse fake of 100,000
records (served by a child process, as a CRM is another machine) while 100 merges run
from its queue and the reviewer decides a group every DECIDE_S; a 5 ms heartbeat
measures the longest stall of the GUI's event loop."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from bench_ui_support import close, until
from throughput_common import ChildFake
from throughput_common import settings as connection_settings

from mergedesk.core.plan import GroupMerge
from mergedesk.core.review import GroupStatus
from mergedesk.providers.dataverse import DataverseProvider
from mergedesk.services.apply import ApplyService
from mergedesk.services.scan import GUI_CHILD_PROCESS_FROM, ScanService
from mergedesk.services.workspace import Workspace
from mergedesk.ui.connection import Connection
from mergedesk.ui.models.queue import QueueState
from mergedesk.ui.review.main_window import MainWindow

# Records a page: what the GUI asks for (ui.connect.opener), about Zoho's 200 and
# Pipeliner's and LeadLex's 100. Parsing a page runs on the loop.
PAGE = 100
DECIDE_S = 0.25  # a reviewer's pace while the scan runs: a decision (skip) every so often


async def measure_stall(home: Path, settings, records: int, merges: int, heartbeat_type) -> dict:
    fake = ChildFake("dataverse", {"seed": 12, "records": records, "notes_share": 0.0})
    workspace = Workspace.open(home / "stall")
    provider = DataverseProvider(connection_settings(
        "dataverse", fake.base_url, fake.info["credentials"], {"page_size": PAGE}))
    scans = ScanService(workspace, child_process_from=GUI_CHILD_PROCESS_FROM)
    window = MainWindow(workspace, scans, ApplyService(workspace), settings)
    try:
        window.resize(1400, 900)
        window.set_connection(Connection(provider, fake.base_url, "contacts", "Dataverse"))
        window.show()
        queued = await _merges(provider, fake.info["groups"][:merges])
        loaded: list[int] = []
        window.groups_loaded.connect(loaded.append)
        beat = heartbeat_type()
        phases: list[tuple[float, str]] = []
        window.scanner.progressed.connect(
            lambda phase, *_: (not phases or phases[-1][1] != phase)
            and phases.append((time.perf_counter(), phase)))
        window.scanner.finished.connect(lambda _c: phases.append((time.perf_counter(), "stored")))
        beat.start()
        started = time.perf_counter()
        window.start_scan()
        reviewing = asyncio.ensure_future(_review(window))
        for number, merge in enumerate(queued):
            window.queue.submit(merge.group, f"group {number}", merge)
            # One submission a turn of the loop: a reviewer's Ctrl+Enter is one event
            # (a hundred in one turn stood the loop still 130 ms, ~1.3 ms each).
            await asyncio.sleep(0)
        await until(lambda: window.queue.count(QueueState.DONE) == len(queued), 600)
        merged = time.perf_counter() - started
        await until(lambda: bool(loaded) and not window.scanner.running, 600)
        scanned = time.perf_counter() - started
        result = beat.stop()
        reviewing.cancel()
        await asyncio.gather(reviewing, return_exceptions=True)
        for key, column in (("late_beats_by_phase", 1), ("late_beats_cpu_ms_by_phase", 2),
                            ("late_beats_run_queue_ms_by_phase", 3)):
            result[key] = _by_phase([(late[0], late[column]) for late in beat.late],
                                    phases, started)
        outcomes: dict[str, int] = {}
        for item in window.queue.model.items():
            key = str(item.outcome.status) if item.outcome else "none"
            outcomes[key] = outcomes.get(key, 0) + 1
        result.update({"scan_records": records, "groups_found": loaded[-1],
                       "phase_starts_s": {name: round(moment - started, 1)
                                          for moment, name in phases},
                       "scan_s": round(scanned, 1), "merges": len(queued),
                       "merges_s": round(merged, 1), "outcomes": outcomes,
                       "decisions": window.decisions.undo_stack.count()})
        return result
    finally:
        await close(window)
        await provider.aclose()
        fake.stop()
        workspace.close()


async def _review(window: MainWindow) -> None:
    """Skip a group every DECIDE_S: each decision is a status write to the store (ids of
    no stored group: the write, its journal row and fsync are the same)."""
    number = 0
    while True:
        window.decisions.skip(f"review-{number}", ("a", "b"), "", GroupStatus.OPEN)
        number += 1
        await asyncio.sleep(DECIDE_S)


async def _merges(provider: DataverseProvider, groups: list[list[str]]) -> list[GroupMerge]:
    """One merge per planted group, with the snapshot a reviewer would have seen."""
    merges = []
    for number, ids in enumerate(groups):
        reads = [await provider.get_record("contacts", rid) for rid in ids]
        merges.append(GroupMerge(group=f"bench{number}", master=ids[0], others=tuple(ids[1:]),
                                 snapshot={r.id: dict(r.fields) for r in reads if r}))
    return merges


def _by_phase(late: list[tuple[float, float]], phases: list[tuple[float, str]],
              started: float) -> dict[str, list[int]]:
    """Figures (ms) of the late beats grouped by the scan's phase they fell in."""
    found: dict[str, list[int]] = {}
    for when, gap in late:
        name = "starting"
        for moment, phase in phases:
            if moment <= when:
                name = phase
        found.setdefault(name, []).append(round(gap))
    return found

"""Helpers of bench_ui.py: a store of a million groups (built once and kept in the temp
folder), a provider stub serving groups of 10 records x 100 fields, paint timing and a
heartbeat. Not a benchmark on its own."""

from __future__ import annotations

import asyncio
import collections
import faulthandler
import gc
import json
import random
import sys
import threading
import time
import traceback
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from tempfile import gettempdir

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtWidgets import QWidget

from mergedesk.core.models import Attachment, FieldDef, Record
from mergedesk.providers.base import AccountInfo, RecordPage
from mergedesk.providers.dataverse import CAPABILITIES
from mergedesk.services.apply import ApplyService
from mergedesk.services.scan import ScanService
from mergedesk.services.workspace import Workspace
from mergedesk.store.cache import connection_key
from mergedesk.ui.connection import Connection
from mergedesk.ui.review.main_window import MainWindow

BASE_URL = "https://bench.api.crm4.dynamics.com/api/data/v9.2"
CONN = connection_key("dataverse", BASE_URL, "contacts")
FIELDS = 100
WIDE = [f"bench-{n}" for n in range(5)]  # groups of 10 records, on top of the list
_FIRST = ["Ana", "Ben", "Chen", "Dara", "Eli", "Femi", "Gus", "Hana", "Ivo", "Jun"]
_LAST = ["Lee", "Ng", "Okafor", "Patel", "Quinn", "Rossi", "Silva", "Tanaka", "Ueda", "Vega"]


async def until(condition: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("benchmark condition not reached")
        await asyncio.sleep(0.001)


async def close(window: QWidget) -> None:
    """Close from the loop's next turn and wait: the window's async closeEvent runs
    nested event processing, which must not happen inside a running task."""
    QTimer.singleShot(0, window.close)
    await until(lambda: not window.isVisible(), 30)


class PaintClock(QObject):
    """When the watched widgets were last painted. A paint is stamped when it has
    finished: by an event posted, at high priority, when its Paint event begins. Qt
    paints a frame's widgets and flushes it to the screen within one dispatch, so the
    posted event arrives as soon as the frame is out. (Overriding QApplication.notify
    would be exact, but PySide6 mis-counts references there.)

    `first_paint_turn` is the earlier, looser stamp: a zero timer, which fires after
    whatever else the loop had queued (a group's loading: up to 40 ms late)."""

    def __init__(self) -> None:
        super().__init__()
        self.first_paint_end = 0.0
        self.first_paint_turn = 0.0
        self.last_paint_end = 0.0
        self._ends: dict[int, float] = {}

    def watch(self, widget: QWidget) -> None:
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            key = _key(watched)
            QCoreApplication.postEvent(self, _Painted(key),
                                       Qt.EventPriority.HighEventPriority.value)
            QTimer.singleShot(0, self._turn)
        return False

    def customEvent(self, event: QEvent) -> None:
        if isinstance(event, _Painted):
            now = time.perf_counter()
            self.first_paint_end = self.first_paint_end or now
            self.last_paint_end = self._ends[event.key] = now

    def _turn(self) -> None:
        self.first_paint_turn = self.first_paint_turn or time.perf_counter()

    def painted_after(self, moment: float, widget: QWidget | None = None) -> bool:
        if widget is None:
            return self.first_paint_end > moment
        return self._ends.get(_key(widget), 0.0) > moment


class _Painted(QEvent):
    TYPE = QEvent.Type(QEvent.registerEventType())

    def __init__(self, key: int):
        super().__init__(self.TYPE)
        self.key = key


def _key(widget: QObject) -> int:
    """The C++ object's address: PySide may hand out a new wrapper for the same widget."""
    return int(shiboken6.getCppPointer(widget)[0])


class Heartbeat(QObject):
    """A QTimer every `interval` ms; the largest gap beyond it is the loop's stall.
    With `trace`, a watchdog thread prints where the GUI thread is while a beat is
    over 40 ms late (to find what stalls the loop)."""

    def __init__(self, interval: int = 5, trace: bool = False, fault_trace: bool = False):
        super().__init__()
        self._fault_trace = fault_trace
        self.interval = interval
        self.gaps: list[float] = []
        # (when, gap ms, GUI thread's CPU ms, its run-queue wait ms) of beats over 50 ms
        # late: a gap with little CPU is time the thread waited; the run-queue part of it
        # is the OS giving the CPU to others (load), the rest the GIL, a lock or disk.
        self.late: list[tuple[float, float, float, float]] = []
        self._last = 0.0
        self._last_cpu = 0.0
        self._last_queued = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(interval)
        self._timer.timeout.connect(self._beat)
        self._trace = trace
        self._running = False

    def start(self) -> None:
        self._last = time.perf_counter()
        self._last_cpu = time.thread_time()
        self._last_queued = _run_queue_wait()
        self._timer.start()
        self.collections: list[tuple[int, float]] = []  # (generation, ms) of each GC pass
        self._gc_started = 0.0
        gc.callbacks.append(self._on_gc)
        if self._trace:
            self._running = True
            threading.Thread(target=self._watch, args=(threading.get_ident(),),
                             daemon=True).start()

    def _watch(self, gui: int) -> None:
        reported = 0.0
        samples: list[str] = []  # the GUI thread's innermost frames during a long stall
        while self._running:
            time.sleep(0.01)
            late = time.perf_counter() - self._last
            if samples and self._last != reported:  # the late beat came: sum it up
                counted = "; ".join(f"{n}x {where}" for where, n in
                                    collections.Counter(samples).most_common(4))
                print(f"--- stall samples (10 ms apart): {counted}", file=sys.stderr,
                      flush=True)
                samples = []
            if late > 0.04 and self._last == reported:
                frame = sys._current_frames().get(gui)
                samples.append(_where(frame) if frame else "?")
            if late > 0.04 and self._last != reported:
                reported = self._last
                frames = sys._current_frames()
                frame = frames.get(gui)
                stack = "".join(traceback.format_stack(frame)[-20:]) if frame else "?"
                # The other threads' innermost frames: one of them may hold the GIL.
                others = "".join(
                    f"  [thread {ident}] " + "".join(traceback.format_stack(f)[-2:])
                    for ident, f in frames.items()
                    if ident not in (gui, threading.get_ident()))
                print(f"--- GUI thread {late * 1000:.0f} ms late at:\n{stack}"
                      f"other threads:\n{others}", file=sys.stderr, flush=True)

    def _on_gc(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._gc_started = time.perf_counter()
        else:
            self.collections.append((info["generation"],
                                     (time.perf_counter() - self._gc_started) * 1000))

    def stop(self) -> dict:
        self._running = False
        if self._fault_trace:
            faulthandler.cancel_dump_traceback_later()
        self._timer.stop()
        gc.callbacks.remove(self._on_gc)
        slowest = {g: round(max((ms for gen, ms in self.collections if gen == g), default=0.0),
                            1) for g in (0, 1, 2)}
        gaps = sorted(self.gaps)
        return {"beats": len(gaps), "max_stall_ms": round(gaps[-1] - self.interval, 1),
                "p99_gap_ms": round(gaps[int(len(gaps) * 0.99)], 1),
                "gaps_over_50ms": sum(1 for g in gaps if g - self.interval > 50),
                "gc_passes": len(self.collections), "slowest_gc_ms_by_generation": slowest}

    def _beat(self) -> None:
        now, cpu, queued = time.perf_counter(), time.thread_time(), _run_queue_wait()
        gap = (now - self._last) * 1000
        self.gaps.append(gap)
        if gap - self.interval > 50:
            self.late.append((now, gap, (cpu - self._last_cpu) * 1000,
                              (queued - self._last_queued) * 1000))
        self._last, self._last_cpu, self._last_queued = now, cpu, queued
        if self._fault_trace:  # faulthandler's C thread dumps every stack if no beat comes
            faulthandler.dump_traceback_later((self.interval + 50) / 1000, file=sys.stderr)


def _where(frame) -> str:
    """The innermost frame of MergeDesk's own code (else the innermost), as file:line."""
    inner = frame
    while frame is not None:
        if "/mergedesk/" in frame.f_code.co_filename:
            inner = frame
            break
        frame = frame.f_back
    return f"{Path(inner.f_code.co_filename).name}:{inner.f_lineno} {inner.f_code.co_name}"


def _run_queue_wait() -> float:
    """Seconds the calling thread has spent runnable but not running (Linux schedstat;
    0 elsewhere): waiting for a CPU, as opposed to sleeping on the GIL or a lock."""
    try:
        with open("/proc/thread-self/schedstat") as stats:
            return int(stats.read().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return 0.0


@dataclass
class Store:
    workspace: Workspace
    build_seconds: float

    def close(self) -> None:
        self.workspace.close()


def build_store(groups: int) -> Store:
    """`groups` groups in a store kept in the temp folder between runs (a million take a
    minute or two to write)."""
    folder = Path(gettempdir()) / "mergedesk-bench-ui" / str(groups)
    ready = folder / "ready"
    started = time.perf_counter()
    if not ready.exists():
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "mergedesk.sqlite3").unlink(missing_ok=True)
        workspace = Workspace.open(folder)
        _fill(workspace, groups)
        workspace.close()
        ready.touch()
    return Store(Workspace.open(folder), round(time.perf_counter() - started, 1))


def _fill(workspace: Workspace, groups: int) -> None:
    rng = random.Random(1)
    db = workspace.db
    wide = [(CONN, gid, 1.0, 10, json.dumps([f"{gid}-{i}" for i in range(10)]), "[]",
             "bench wide group", "open", "Wide group · wide@example.com") for gid in WIDE]
    with db.transaction() as sql:
        sql.execute("DELETE FROM groups WHERE conn = ?", (CONN,))
        sql.executemany("INSERT INTO groups (conn, id, score, size, records, evidence, "
                        "search, status, title) VALUES (?,?,?,?,?,?,?,?,?)", wide)
    for start in range(0, groups - len(WIDE), 50_000):
        rows = []
        for n in range(start, min(start + 50_000, groups - len(WIDE))):
            first, last = rng.choice(_FIRST), rng.choice(_LAST)
            size = rng.choice((2, 2, 2, 3, 4))
            email = f"{first}.{last}{n}@example.com".lower()
            rows.append((CONN, f"g{n:016x}", round(rng.uniform(0.6, 0.999), 3), size,
                         json.dumps([str(n * 10 + i) for i in range(size)]), "[]",
                         f"{first} {last} {email}".lower(),
                         "open" if rng.random() < 0.9 else "skipped",
                         f"{first} {last} / {first[0]}. {last} · {email}"))
        with db.transaction() as sql:
            sql.executemany("INSERT INTO groups (conn, id, score, size, records, evidence, "
                            "search, status, title) VALUES (?,?,?,?,?,?,?,?,?)", rows)


class StubProvider:
    """Answers at once with records of FIELDS fields (some differing) and a few files."""

    capabilities = CAPABILITIES

    async def check_auth(self) -> AccountInfo:
        return AccountInfo(provider="dataverse", tenant="bench")

    async def field_defs(self, entity: str) -> list[FieldDef]:
        return [FieldDef(api_name=f"field_{n:03d}", label=f"Field {n}") for n in range(FIELDS)]

    async def get_record(self, entity: str, record_id: str) -> Record:
        n = int(record_id.rsplit("-", 1)[-1]) if "-" in record_id else 0
        fields = {f"field_{k:03d}": (f"value {k}" if k % 7 else f"value {k} of {n}")
                  if (k + n) % 11 else None for k in range(FIELDS)}
        fields["fullname"] = f"{_FIRST[n % 10]} {_LAST[n % 10]}"
        created = datetime(2020, 1, 1, tzinfo=UTC) + timedelta(days=n * 30)
        files = (Attachment(id=f"{record_id}-a", record_id=record_id, name="contract.pdf",
                            size=40_000),)
        return Record(id=record_id, fields=fields, created_at=created, attachments=files)

    async def attachments(self, entity: str, record_id: str) -> list[Attachment]:
        return []

    async def list_records(self, entity: str) -> AsyncIterator[RecordPage]:
        if False:
            yield RecordPage(records=())

    async def aclose(self) -> None:
        return None


def connection_for(store: Store, settings: QSettings) -> tuple[MainWindow, StubProvider]:
    provider = StubProvider()
    workspace = store.workspace
    window = MainWindow(workspace, ScanService(workspace), ApplyService(workspace), settings)
    window.resize(1400, 900)
    window.set_connection(Connection(provider, BASE_URL, "contacts", "Bench"))  # type: ignore[arg-type]
    return window, provider

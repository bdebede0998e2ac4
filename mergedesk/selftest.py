"""`mergedesk --self-test`: one scripted review and merge through the real window on the
demo sandbox, to prove that a build (above all a frozen one) works end to end: Qt
plugins, resources, translations, the sandbox's HTTP server, the services, the journal.

It selects the first group, keeps the second record's value of a field where the
records differ, submits, waits for the outcome `merged`, and checks the sandbox: one
merge call for exactly that pair, the mergee gone, the master holding the kept value.
It prints one summary line; the exit code is 0 only on success."""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QLocale,
    QMessageLogContext,
    QObject,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
    qVersion,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

import mergedesk
from mergedesk.core.models import JsonValue, MergeOutcome, MergeStatus

if TYPE_CHECKING:
    from mergedesk.app import DesktopSession
    from mergedesk.ui.review.main_window import MainWindow

TIMEOUT = 90.0  # seconds for the whole run; a healthy one takes a few
POLL = 0.02


class SelfTestFailed(Exception):
    """A step of the self-test did not happen as it must."""


@dataclass
class Picked:
    group: str
    master: str
    mergee: str
    field: str
    value: JsonValue


class SelfTest:
    """Drives `window` (already shown) through one review; `exit_code` when done."""

    def __init__(self, window: MainWindow, session: DesktopSession, started: float):
        self._window = window
        self._session = session
        self._started = started  # time.perf_counter() at process start, for the summary
        self.exit_code = 1
        self.summary = ""
        self.crash: str | None = None
        self._task_error: str | None = None  # a task of the window failed: stop waiting
        window.tasks.failed.connect(self._on_tasks_failed)
        qInstallMessageHandler(_quiet_offscreen)

    def on_crash(self, report: str) -> None:
        """For the crash handler: any unhandled exception fails the self-test."""
        self.crash = report.splitlines()[-1] if report else "crash"

    def _on_tasks_failed(self, name: str, exc: object) -> None:
        self._task_error = f"task {name} failed: {type(exc).__name__}: {exc}"

    async def _until(self, condition: Callable[[], bool], what: str) -> None:
        """Poll the GUI state from the loop (a Qt signal may fire before we could
        connect); give up at once when one of the window's tasks has failed."""
        deadline = time.monotonic() + TIMEOUT
        while not condition():
            if self._task_error:
                raise SelfTestFailed(f"{self._task_error} (waiting for {what})")
            if time.monotonic() > deadline:
                raise SelfTestFailed(f"waited {TIMEOUT:.0f} s for {what}")
            await asyncio.sleep(POLL)

    async def run(self) -> None:
        """The whole test; always closes the window at the end (which ends the app)."""
        try:
            picked, outcome = await asyncio.wait_for(self._review_and_merge(), TIMEOUT)
            await self._check_sandbox(picked)
            if self.crash:
                raise SelfTestFailed(f"unhandled exception: {self.crash}")
            self._finish(0, self._success_line(picked, outcome))
        except TimeoutError:
            self._finish(1, f"self-test FAILED: timed out after {TIMEOUT:.0f} s")
        except Exception as exc:  # every failure becomes the summary line and exit 1
            self._finish(1, f"self-test FAILED: {type(exc).__name__}: {exc}")

    async def _review_and_merge(self) -> tuple[Picked, MergeOutcome]:
        window = self._window
        await self._session.open(window)  # starts the demo CRM, connects and scans
        await self._until(lambda: window.groups.rowCount() > 0 and window.review_panel.loaded,
                          "a group shown for review")
        picked = self._pick_a_value()
        outcomes: list[tuple[str, MergeOutcome]] = []
        window.merge_finished.connect(lambda group, outcome: outcomes.append((group, outcome)))
        if not window.review_panel.merge_action.isEnabled():
            raise SelfTestFailed("the Merge action is disabled on a loaded group")
        window.review_panel.merge_action.trigger()
        await self._until(lambda: any(g == picked.group for g, _ in outcomes),
                          "the merge outcome")
        outcome = next(o for g, o in outcomes if g == picked.group)
        if outcome.status != MergeStatus.MERGED:
            raise SelfTestFailed(f"outcome {outcome.status}: {outcome.message}")
        return picked, outcome

    def _pick_a_value(self) -> Picked:
        """Through the compare view, as the key '2' does: keep record 2's value of the
        first field where record 2 holds a value the master does not."""
        compare, view = self._window.compare, self._window.review_panel.compare_view
        master, mergee = compare.record_ids[0], compare.record_ids[1]
        first, second = compare.record_at(0), compare.record_at(1)
        assert first is not None and second is not None
        for row in range(compare.rowCount()):
            field = compare.field_at(row).api_name
            value = second.fields.get(field)
            if value not in (None, "", []) and value != first.fields.get(field):
                view.setCurrentIndex(compare.index(row, 0))
                if view.pick(2) and compare.chosen(row) == mergee:
                    return Picked(compare.group_id, master, mergee, field, value)
        raise SelfTestFailed(f"no value of record #{mergee} could be kept over #{master}")

    async def _check_sandbox(self, picked: Picked) -> None:
        sandbox = self._session.sandbox
        connection = self._window.connection
        if sandbox is None or connection is None:
            raise SelfTestFailed("the demo sandbox is not running")
        import httpx  # here, not at the top: the start-up probe shares this module

        token = next(iter(sandbox.credentials.values()))
        async with httpx.AsyncClient(base_url=sandbox.root_url, timeout=10) as client:
            answer = await client.get("/_sandbox/merges", headers={"x-sandbox-token": token})
        answer.raise_for_status()
        calls = [(str(c["base"]), str(c["mergee"])) for c in answer.json()["merges"]]
        if calls != [(picked.master, picked.mergee)]:
            raise SelfTestFailed(f"the sandbox saw merge calls {calls}, "
                                 f"expected one of #{picked.mergee} into #{picked.master}")
        provider, entity = connection.provider, connection.entity
        if await provider.get_record(entity, picked.mergee) is not None:
            raise SelfTestFailed(f"record #{picked.mergee} still exists after the merge")
        survivor = await provider.get_record(entity, picked.master)
        kept = survivor.fields.get(picked.field) if survivor else None
        if kept != picked.value:
            raise SelfTestFailed(f"#{picked.master} {picked.field} is {kept!r}, "
                                 f"expected the kept {picked.value!r}")

    def _success_line(self, picked: Picked, outcome: MergeOutcome) -> str:
        seconds = time.perf_counter() - self._started
        locale = QLocale()
        return (f"self-test ok: group {picked.group} merged #{picked.mergee} into "
                f"#{picked.master} keeping its {picked.field}; outcome {outcome.status}; "
                f"MergeDesk {mergedesk.__version__}, Qt {qVersion()} on "
                f"{QGuiApplication.platformName()}, language {locale.name()}, "
                f"{locale.toString(seconds, 'f', 1)} s")

    def _finish(self, code: int, line: str) -> None:
        self.exit_code, self.summary = code, line
        print(line, file=sys.stdout if code == 0 else sys.stderr, flush=True)
        # Closed from the loop's next turn, not from inside this task: the window's
        # async closeEvent must run as a task of its own.
        QTimer.singleShot(0, self._window.close)  # the last window: main() returns


def _quiet_offscreen(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's messages to stderr as usual, less the offscreen platform's one warning per
    window about size hints, which would bury the summary line."""
    if "does not support propagateSizeHints" not in message:
        print(message, file=sys.stderr, flush=True)


class _ShownProbe(QObject):
    """Event filter: on the window's first paint, print the time since `started`."""

    def __init__(self, window: QWidget, started: float):
        super().__init__(window)
        self._window = window
        self._started = started
        self._done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._done:
            self._done = True
            seconds = time.perf_counter() - self._started
            print(f"window shown {seconds:.3f} s after main(), "
                  f"{len(sys.modules)} modules loaded", flush=True)
            QTimer.singleShot(0, self._window.close)
        return False


def exit_when_shown(window: QWidget, started: float) -> None:
    """For the start-up benchmark: announce the first paint on stdout, then quit. The
    benchmark times the whole process from outside; this only marks the moment."""
    window.installEventFilter(_ShownProbe(window, started))

"""Scanner: one scan at a time on the qasync loop — read every record, cache them,
find the groups — with its progress in the status bar. Reviewing and merging go on
meanwhile: group ids are stable, so a scan never gives a decision to another group."""

from __future__ import annotations

import asyncio
import importlib

from PySide6.QtCore import QObject, Signal

from mergedesk.services.scan import ScanResult, ScanService
from mergedesk.ui.connection import Connection
from mergedesk.ui.review.status_bar import ReviewStatusBar
from mergedesk.ui.tasks import TaskRunner
from mergedesk.ui.warmup import warm_up


class Scanner(QObject):
    finished = Signal(str)  # the connection key whose groups were stored
    notes = Signal(list)  # the matching engine's own words, e.g. no usable field
    # The scan reports from the loop while reading and from an executor thread while
    # matching: a signal carries either to the GUI thread (a queued connection).
    progressed = Signal(str, int, object)  # phase, done, total (or None)

    def __init__(self, service: ScanService, status_bar: ReviewStatusBar, tasks: TaskRunner,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._service = service
        self._status_bar = status_bar
        self._tasks = tasks
        self.last: ScanResult | None = None
        self.progressed.connect(self._on_progressed)

    @property
    def running(self) -> bool:
        return self._tasks.running("scan")

    def start(self, connection: Connection) -> bool:
        if self.running:
            return False
        self._tasks.start("scan", self._scan(connection))
        return True

    async def _scan(self, connection: Connection) -> None:
        self._status_bar.show_progress(self.tr("Reading records…"), 0, None)
        await asyncio.get_running_loop().run_in_executor(None, _warm_up)
        try:
            result = await self._service.scan(
                connection.provider, connection.base_url, connection.entity,
                progress=self.progressed.emit)
        finally:
            self._status_bar.hide_progress()
        self.last = result
        self._status_bar.showMessage(
            self.tr("{records} records read, {groups} groups found").format(
                records=result.records, groups=len(result.groups)), 8000)
        if result.notes:
            self.notes.emit(list(result.notes))
        self.finished.emit(connection.key)

    def _on_progressed(self, phase: str, done: int, total: int | None) -> None:
        if not self.running:
            return  # a late report from the executor after the scan ended
        if phase == "matching":
            text = self.tr("Finding duplicates: %p%")
        elif total:
            text = self.tr("Reading records: %v of %m")
        else:
            text = self.tr("Reading records: {n}").format(n=done)
        self._status_bar.show_progress(text, done, total)


def _warm_up() -> None:
    """On a worker thread, what a scan would otherwise load on the loop, where it stood
    still for it: the matching engine module (numpy, rapidfuzz: a third of a second; the
    module itself, as the package only names it, PEP 562), and the validators pydantic
    builds at their first use (ui.warmup; a no-op once the window has been tuned)."""
    importlib.import_module("mergedesk.core.matching.engine")
    warm_up()

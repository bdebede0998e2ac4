"""HistoryPanel: the history dock. It hosts the merge history of ui.history (search, one
merge field by field, export) and carries out the restores it asks for on the window's
connection: the plan first, in plain words — what comes back and what cannot — then,
once confirmed, the journalled restore calls."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QDockWidget, QVBoxLayout, QWidget

from mergedesk.services.history import HistoryService
from mergedesk.services.restore import RestoreService
from mergedesk.ui import messages
from mergedesk.ui.connection import Connection
from mergedesk.ui.dialogs.awaitable import confirm, inform
from mergedesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from mergedesk.ui.history.dialog import HistoryDialog

REFRESH_MS = 2000
READ_TASK = "history-read"
MINIMUM_HEIGHT = 110


class HistoryPanel(QWidget):
    restored = Signal(int)  # merge id

    def __init__(self, history: HistoryService, restore: RestoreService, tasks: TaskRunner,
                 connection: Callable[[], Connection | None], parent: QWidget | None = None):
        super().__init__(parent)
        self._history, self._restore, self._tasks = history, restore, tasks
        self._connection = connection
        self._dialog: HistoryDialog | None = None
        self._follows_dock = False  # made and read when its dock shows (showEvent)
        self._pending = QTimer(self, singleShot=True, interval=REFRESH_MS)
        self._pending.timeout.connect(self._on_pending_timeout)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        # The history's own minimum (search, table, detail: 250 px) would size the whole
        # dock area, queue tab included, and squeeze the compare table; it scrolls instead.
        self.setMinimumHeight(MINIMUM_HEIGHT)

    @property
    def dialog(self) -> HistoryDialog:
        """Made when first needed: it reads the journal as it is made, which the window's
        first paint must not wait for."""
        if self._dialog is None:
            # Imported here too: the history's models and views are not needed to show
            # the window (bench_startup.py).
            from mergedesk.ui.history.dialog import HistoryDialog

            self._dialog = HistoryDialog(self._history, self)
            self._dialog.setWindowFlags(Qt.WindowType.Widget)  # in the dock, not a window
            self._dialog.restore_requested.connect(self._on_dialog_restore_requested)
            self._layout.addWidget(self._dialog)
        return self._dialog

    def refresh(self) -> None:
        """Read the journal again soon, if the history is on screen (else when it shows).
        Reading it is not instant: a burst of finished merges reads it once, on a worker
        thread (500 entries: 50 ms of the loop, while merges and a scan run)."""
        if self.isVisible() and not self._pending.isActive():
            self._pending.start()

    def _on_pending_timeout(self) -> None:
        if self._tasks.running(READ_TASK):
            self._pending.start()  # merges that ended during that read: read them next
        else:
            self._tasks.start(READ_TASK, self._read_again())

    async def _read_again(self) -> None:
        dialog = self.dialog
        text = dialog.search_text()
        rows = await asyncio.get_running_loop().run_in_executor(
            None, self._history.search, text)
        if dialog.search_text() == text:  # else the user's own search shows its rows
            dialog.show_rows(rows)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        dock = self.parentWidget()
        if not isinstance(dock, QDockWidget):
            self.dialog.refresh()  # on its own (tests): shown is on screen
        elif not self._follows_dock:
            # In the window's dock it counts as shown even behind the queue's tab: the
            # history is made and read when its dock comes on screen, not with the
            # window before its first paint (~10 ms, bench_startup.py).
            self._follows_dock = True
            dock.visibilityChanged.connect(self._on_dock_visibility_changed)

    def _on_dock_visibility_changed(self, visible: bool) -> None:
        if visible:
            self.dialog.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        # Hidden with its window too: a refresh due after the window closed would read a
        # journal its owner may have closed by then.
        self._pending.stop()
        super().hideEvent(event)

    def _on_dialog_restore_requested(self, merge_id: int) -> None:
        connection = self._connection()
        if connection is None:
            inform(self, self.tr("Restore"), self.tr("Connect to the CRM of this merge first."))
            return
        self._tasks.start(f"restore:{merge_id}", self._restore_merge(connection, merge_id))

    async def _restore_merge(self, connection: Connection, merge_id: int) -> None:
        try:
            plan = await self._restore.plan(connection.provider, merge_id)
            lines = [*(messages.restore_action_text(a) for a in plan.actions), *plan.notes,
                     *(self.tr("Cannot come back: {what}").format(what=w) for w in plan.lost)]
            if not plan.actions:
                inform(self, self.tr("Restore"), "\n".join(lines))
                return
            title = self.tr("Restore merge #{id}?").format(id=merge_id)
            if not await confirm(self, title, "\n".join(lines)):
                return
            report = await self._restore.restore(connection.provider, merge_id)
            inform(self, self.tr("Restore"), "\n".join(report.lines()))
            self.restored.emit(merge_id)
        except Exception as exc:  # the journal keeps what happened; say it plainly
            inform(self, self.tr("Restore"), messages.error_text(exc), warning=True)
        finally:
            self.refresh()

"""HistoryPanel: the history dock. Every merge in the journal, newest first, searchable
by name, e-mail, id or message; Enter explains one; Restore brings back what the CRM
allows after showing exactly what it will and will not do."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mergedesk.services.history import HistoryService
from mergedesk.services.restore import RestoreService
from mergedesk.store.journal import MergeState
from mergedesk.ui import messages
from mergedesk.ui.connection import Connection
from mergedesk.ui.dialogs.awaitable import confirm, inform
from mergedesk.ui.dialogs.merge_details import MergeDetailsDialog
from mergedesk.ui.icons import icon
from mergedesk.ui.models.history import MESSAGE, HistoryModel
from mergedesk.ui.tasks import TaskRunner

LIMIT = 500  # rows listed; the search reaches the rest


class HistoryPanel(QWidget):
    restored = Signal(int)  # merge id

    def __init__(self, history: HistoryService, restore: RestoreService, tasks: TaskRunner,
                 connection: Callable[[], Connection | None], parent: QWidget | None = None):
        super().__init__(parent)
        self._history, self._restore, self._tasks = history, restore, tasks
        self._connection = connection
        self.model = HistoryModel(self)
        self._search = QLineEdit(self)
        self._search.setClearButtonEnabled(True)
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.refresh)
        self._search.textChanged.connect(lambda _t: self._timer.start())
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(MESSAGE, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda _i: self.show_details())
        self._details = QPushButton(self)
        self._details.clicked.connect(self.show_details)
        self._restore_button = QPushButton(icon("restore"), "", self)
        self._restore_button.clicked.connect(self.restore_current)
        top = QHBoxLayout()
        top.addWidget(self._search, 1)
        top.addWidget(self._details)
        top.addWidget(self._restore_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.retranslate()
        self._update_buttons()

    def retranslate(self) -> None:
        self._search.setPlaceholderText(self.tr("Search merges: name, email, record or "
                                                "group id, message"))
        self._search.setAccessibleName(self.tr("Search the history"))
        self._details.setText(self.tr("Details"))
        self._restore_button.setText(self.tr("Restore…"))
        self._restore_button.setToolTip(self.tr(
            "Bring back what the merge changed, as far as the CRM allows"))
        self.table.setAccessibleName(self.tr("Merge history"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        self._tasks.start("history", self._search_journal(self._search.text()))

    async def _search_journal(self, text: str) -> None:
        loop = asyncio.get_running_loop()
        rows = await loop.run_in_executor(None, lambda: self._history.search(text, limit=LIMIT))
        current = self.table.currentIndex().row()
        self.model.set_rows(rows)
        if rows:
            self.table.selectRow(max(0, min(current, len(rows) - 1)))
        self._update_buttons()

    def show_details(self) -> MergeDetailsDialog | None:
        summary = self.model.summary(self.table.currentIndex().row())
        detail = self._history.detail(summary.id) if summary else None
        if detail is None:
            return None
        dialog = MergeDetailsDialog(detail, self)
        dialog.show()
        return dialog

    def restore_current(self) -> None:
        summary = self.model.summary(self.table.currentIndex().row())
        connection = self._connection()
        if summary is None or connection is None:
            return
        self._tasks.start(f"restore:{summary.id}", self._restore_merge(connection, summary.id))

    async def _restore_merge(self, connection: Connection, merge_id: int) -> None:
        self._restore_button.setEnabled(False)
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

    def _update_buttons(self, *_args: object) -> None:
        summary = self.model.summary(self.table.currentIndex().row())
        self._details.setEnabled(summary is not None)
        self._restore_button.setEnabled(summary is not None and summary.status in (
            MergeState.MERGED, MergeState.FAILED) and self._connection() is not None)

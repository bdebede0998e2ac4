"""TeamAuditDialog: per reviewer and per day, the groups merged, rejected ("not
duplicates") and restored, from store.audit (read through an injected loader, off the
GUI thread). AuditModel adapts the rows for the table; neither writes anything."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mergedesk.store.audit import AuditRow
from mergedesk.ui import messages
from mergedesk.ui.locale_format import number, short_date
from mergedesk.ui.tasks import TaskRunner

Load = Callable[[], list[AuditRow]]
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_NUMBERS = ("merged", "rejected", "restored")


def _t(text: str) -> str:
    return QCoreApplication.translate("AuditModel", text)


class AuditModel(QAbstractTableModel):
    """AuditRows, newest day first, as the store returns them; no I/O."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._rows: list[AuditRow] = []

    def set_rows(self, rows: Sequence[AuditRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[AuditRow]:
        return list(self._rows)

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (_t("Reviewer"), _t("Day"), _t("Merged"), _t("Rejected"), _t("Restored"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.reviewer or _t("(not named)")
            if column == 1:
                return short_date(row.day)
            return number(getattr(row, _NUMBERS[column - 2]))
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class TeamAuditDialog(QDialog):
    loaded = Signal(int)  # rows shown

    def __init__(self, load: Load, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._load, self._tasks = load, tasks
        self.model = AuditModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setAlternatingRowColors(True)
        self.totals = QLabel(self)
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.refresh)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)
        layout.addWidget(buttons)
        self.retranslate()
        self.resize(640, 480)
        self.refresh()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Team audit"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.table.setAccessibleName(self.tr("Groups merged, rejected and restored per "
                                             "reviewer and day"))
        self._show_totals()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        if not self._tasks.running("audit"):
            self._tasks.start("audit", self._refresh())

    async def _refresh(self) -> None:
        self.refresh_button.setEnabled(False)
        try:
            rows = await asyncio.get_running_loop().run_in_executor(None, self._load)
        except Exception as exc:  # a store that cannot be read: say why, keep the dialog
            self.totals.setText(messages.error_text(exc))
            return
        finally:
            self.refresh_button.setEnabled(True)
        self.model.set_rows(rows)
        self._show_totals()
        self.loaded.emit(len(rows))

    def _show_totals(self) -> None:
        rows = self.model.rows()
        if not rows:
            self.totals.setText(self.tr("Nothing merged, rejected or restored yet."))
            return
        reviewers = len({r.reviewer for r in rows})
        self.totals.setText(self.tr(
            "In all: {merged} merged, {rejected} rejected, {restored} restored. "
            "Reviewers: {reviewers}. Days: {days}.").format(
                merged=number(sum(r.merged for r in rows)),
                rejected=number(sum(r.rejected for r in rows)),
                restored=number(sum(r.restored for r in rows)),
                reviewers=number(reviewers), days=number(len({r.day for r in rows}))))

"""HistoryDialog: the journal's merges with a search box, the chosen merge field by
field (with what did not arrive on the survivor), its steps and restores, export to CSV
or JSON and the old-id -> new-id map. Reads through HistoryService; never calls a CRM
(restore is offered by the window that owns a connection)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mergedesk.services.history import HistoryService, MergeDetail, MergeSummary
from mergedesk.ui.history.models import (
    HistoryListModel,
    MergeFieldsModel,
    SummaryRole,
    state_text,
)
from mergedesk.ui.locale_format import short_date_time
from mergedesk.ui.models.compare_text import WARNING

SEARCH_DELAY_MS = 250  # search as the user types, once they pause


class HistoryDialog(QDialog):
    """Search, detail and export; `restore_requested(merge_id)` for the owner to act on."""

    restore_requested = Signal(int)

    def __init__(self, history: HistoryService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._history = history
        self._detail: MergeDetail | None = None
        self._list = HistoryListModel(self)
        self._fields = MergeFieldsModel(self)
        self._search = QLineEdit(self)
        self._search.setClearButtonEnabled(True)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._table = _table(self, self._list)
        self._field_table = _table(self, self._fields)
        self._summary = QLabel(self, wordWrap=True,
                               textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        self._export_csv = QPushButton(self)
        self._export_json = QPushButton(self)
        self._export_ids = QPushButton(self)
        self._not_arrived = QLabel(self, wordWrap=True, visible=False, styleSheet=(
            f"QLabel {{ border: 1px solid {WARNING}; border-radius: 4px; padding: 4px; }}"))
        self._restore = QPushButton(self, enabled=False)
        self._layout()
        self._connect()
        self.retranslate()
        self.refresh()

    def refresh(self) -> None:
        self._timer.stop()  # a search the user's typing scheduled is this one
        self.show_rows(self._history.search(self._search.text()))

    def search_text(self) -> str:
        return self._search.text()

    def show_rows(self, rows: list[MergeSummary]) -> None:
        """The merges found for the search (read elsewhere: HistoryPanel's refresh)."""
        self._list.set_rows(rows)
        self._show(None)

    def select_row(self, row: int) -> None:
        self._table.selectRow(row)

    def export(self, path: Path) -> int:
        """Write the merges matching the search to `path` (.csv, else JSON)."""
        details = self._history.details(self._search.text())
        if path.suffix.lower() == ".csv":
            return self._history.export_csv(path, details)
        return self._history.export_json(path, details)

    def export_id_map(self, path: Path) -> int:
        """Write old id -> survivor id of every completed merge to `path` (.json, else
        CSV); returns the number of rows."""
        return self._history.export_id_map(path)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Merge history"))
        self._search.setPlaceholderText(self.tr("Search by name, email, id, group or message"))
        self._export_csv.setText(self.tr("Export CSV…"))
        self._export_json.setText(self.tr("Export JSON…"))
        self._export_ids.setText(self.tr("Export id map…"))
        self._export_ids.setToolTip(self.tr(
            "Old id → survivor id of every merge, for integrations that still hold the "
            "old ids (CSV or JSON)"))
        self._restore.setText(self.tr("Restore…"))
        self._show(self._detail)

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self._restore)
        buttons.addStretch(1)
        buttons.addWidget(self._export_csv)
        buttons.addWidget(self._export_json)
        buttons.addWidget(self._export_ids)
        lower = QWidget(self)
        below = QVBoxLayout(lower)
        below.setContentsMargins(0, 0, 0, 0)
        below.addWidget(self._summary)
        below.addWidget(self._not_arrived)
        below.addWidget(self._field_table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self._table)
        splitter.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.addWidget(self._search)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.resize(900, 600)

    def _connect(self) -> None:
        self._search.textChanged.connect(self._timer.start)
        self._timer.timeout.connect(self.refresh)
        self._table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        self._export_csv.clicked.connect(lambda: self._on_export_clicked("CSV (*.csv)"))
        self._export_json.clicked.connect(lambda: self._on_export_clicked("JSON (*.json)"))
        self._export_ids.clicked.connect(self._on_export_ids_clicked)
        self._restore.clicked.connect(self._on_restore_clicked)

    def _on_table_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        summary = current.data(SummaryRole) if current.isValid() else None
        self._show(self._history.detail(summary.id) if summary else None)

    def _on_export_clicked(self, kind: str) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export merge history"), "", kind)
        if name:
            self.export(Path(name))

    def _on_export_ids_clicked(self) -> None:
        name, kind = QFileDialog.getSaveFileName(self, self.tr("Export id map"), "",
                                                 "CSV (*.csv);;JSON (*.json)")
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() not in (".csv", ".json"):  # the format follows the suffix
            path = path.with_name(path.name + (".json" if "json" in kind else ".csv"))
        self.export_id_map(path)

    def _on_restore_clicked(self) -> None:
        if self._detail is not None:
            self.restore_requested.emit(self._detail.summary.id)

    def _show(self, detail: MergeDetail | None) -> None:
        self._detail = detail
        self._fields.set_detail(detail)
        self._restore.setEnabled(detail is not None and detail.summary.status == "merged")
        self._show_not_arrived(detail)
        if detail is None:
            self._summary.setText(self.tr("Choose a merge to see it field by field."))
            return
        s = detail.summary
        text = self.tr("#{id}, {when}: {others} merged into {master} in {crm}, {status}. "
                       "{message}")
        self._summary.setText(text.format(
            id=s.id, when=short_date_time(s.created_at), others=", ".join(s.others),
            master=s.master, crm=s.provider, status=state_text(s.status), message=s.message))

    def _show_not_arrived(self, detail: MergeDetail | None) -> None:
        """The re-count after the merge: each kind of related item that fell short."""
        missing = detail.not_arrived if detail else ()
        self._not_arrived.setVisible(bool(missing))
        items = ", ".join(self.tr("{missing} of {expected} {kind} (the survivor holds "
                                  "{found})").format(missing=r.missing, expected=r.expected,
                                                     kind=r.kind, found=r.found)
                          for r in missing)
        self._not_arrived.setText(self.tr("Did not arrive on {survivor}: {items}").format(
            survivor=detail.summary.master, items=items) if missing and detail else "")


def _table(parent: QWidget, model) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().setVisible(False)
    return view

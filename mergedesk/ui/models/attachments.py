"""AttachmentModel: every file of every record of the group on review (name, record,
size, type, date), with a Keep checkbox where the CRM lets the reviewer choose. Reads
and edits through the CompareModel, so file choices are undoable like value picks."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from mergedesk.core.capabilities import FileHandling
from mergedesk.core.models import Attachment
from mergedesk.ui.icons import icon
from mergedesk.ui.locale_format import short_date
from mergedesk.ui.models.compare import CompareModel

AttachmentRole = Qt.ItemDataRole.UserRole + 1  # the Attachment
ModelIndex = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()
KEEP, NAME, RECORD, SIZE, TYPE, DATE = range(6)


def _t(text: str) -> str:
    return QCoreApplication.translate("AttachmentModel", text)


class AttachmentModel(QAbstractTableModel):
    def __init__(self, compare: CompareModel, parent: QObject | None = None):
        super().__init__(parent)
        self._compare = compare
        self._files: tuple[Attachment, ...] = compare.attachments()
        compare.modelReset.connect(self._on_compare_model_reset)
        compare.choices_changed.connect(self._on_compare_choices_changed)

    def rowCount(self, parent: ModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._files)

    def columnCount(self, parent: ModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else 6

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsSelectable
        attachment = self._files[index.row()]
        choices = self._compare.choices
        if index.column() != KEEP or (choices is not None and choices.selectable(attachment)):
            flags |= Qt.ItemFlag.ItemIsEnabled
        if index.column() == KEEP:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        choices = self._compare.choices
        if not index.isValid() or choices is None or not 0 <= index.row() < len(self._files):
            return None
        file = self._files[index.row()]
        column = index.column()
        if role == AttachmentRole:
            return file
        if role == Qt.ItemDataRole.CheckStateRole and column == KEEP:
            return (Qt.CheckState.Checked if choices.kept(file) else Qt.CheckState.Unchecked)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(file, column)
        if role == Qt.ItemDataRole.DecorationRole and column == NAME:
            return icon("file")
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.rule_text(file)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == SIZE:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def setData(self, index: ModelIndex, value: object,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != KEEP:
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
        return self._compare.set_kept(self._files[index.row()].id, checked)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (_t("Keep"), _t("Name"), _t("Record"), _t("Size"), _t("Type"),
                _t("Added"))[section] if 0 <= section < 6 else None

    def toggle(self, row: int) -> bool:
        """Space on a row: keep or drop the file, where the CRM allows."""
        if not 0 <= row < len(self._files):
            return False
        index = self.index(row, KEEP)
        checked = index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        return self.setData(index, Qt.CheckState.Unchecked if checked
                            else Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)

    def rule_text(self, file: Attachment | None = None) -> str:
        """What this CRM does with files in a merge (and with this file)."""
        caps = self._compare.capabilities
        if caps is None:
            return ""
        crm = caps.display_name
        if caps.files == FileHandling.NONE:
            return _t("{crm} records have no files.").format(crm=crm)
        if caps.files == FileHandling.SELECTABLE_FIELDS:
            if file is not None and file.field is None:
                return _t("Attachments move to the master in {crm}; only files in "
                          "file fields can be dropped.").format(crm=crm)
            return _t("Tick the files that stay; {crm} removes the others from the "
                      "file fields.").format(crm=crm)
        if caps.files == FileHandling.FOLLOW_MASTER:
            return _t("{crm} moves every file to the master.").format(crm=crm)
        return _t("{crm} moves every file to the master record.").format(crm=crm)

    def kept_count(self) -> int:
        choices = self._compare.choices
        return sum(1 for f in self._files if choices and choices.kept(f))

    def _display(self, file: Attachment, column: int) -> str:
        if column == NAME:
            where = f"  ({file.field})" if file.field else ""
            return (file.name or file.id) + where
        if column == RECORD:
            master = self._compare.master
            template = _t("#{id} (master)") if file.record_id == master else "#{id}"
            return template.format(id=file.record_id)
        if column == SIZE:
            return QLocale().formattedDataSize(file.size) if file.size is not None else "—"
        if column == TYPE:
            return file.mime_type or _type_of(file.name)
        if column == DATE:
            return short_date(file.created_at)
        return ""

    def _on_compare_model_reset(self) -> None:
        self.beginResetModel()
        self._files = self._compare.attachments()
        self.endResetModel()

    def _on_compare_choices_changed(self) -> None:
        if self._files != self._compare.attachments():
            self._on_compare_model_reset()
        elif self._files:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._files) - 1, 5))


def _type_of(name: str) -> str:
    suffix = name.rsplit(".", 1)[-1].upper() if "." in name else ""
    return suffix or "—"

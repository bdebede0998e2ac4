"""CompareModel: a group side by side, one row per field and one column per record,
plus a last column with the merged record as the CRM will produce it. The decisions
live in MergeChoices; this model shows them and forwards clicks and keys. No I/O."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette

from mergedesk.core.capabilities import Capabilities
from mergedesk.core.models import FieldDef, Record
from mergedesk.core.plan import GroupMerge
from mergedesk.core.preview import MergePreview, PreviewNote
from mergedesk.core.values import JsonValue, is_blank
from mergedesk.ui.icons import icon
from mergedesk.ui.models.choices import MergeChoices
from mergedesk.ui.models.display import record_name, value_text

RecordIdRole = Qt.ItemDataRole.UserRole + 1  # the record of a column ("" for the preview)
FieldRole = Qt.ItemDataRole.UserRole + 2  # the api name of a row
ValueRole = Qt.ItemDataRole.UserRole + 3  # the raw JSON value of a cell
ChosenRole = Qt.ItemDataRole.UserRole + 4  # True on the cell whose value survives
DiffersRole = Qt.ItemDataRole.UserRole + 5  # True on every cell of a row whose values differ

ModelIndex = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()


class CompareModel(QAbstractTableModel):
    """Fields x records of one group, with the merged preview as the last column.
    Chosen cells are highlighted (tint, bold, check mark) on rows whose values differ;
    rows where every record agrees need no decision and stay plain."""

    choices_changed = Signal()  # a value or the master was chosen; the preview is new

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._choices: MergeChoices | None = None

    def set_group(self, group_id: str, records: Sequence[Record], fields: Sequence[FieldDef],
                  caps: Capabilities, master: str | None = None) -> None:
        """Show `records` (fresh reads, in group order; two or more)."""
        self.beginResetModel()
        self._choices = MergeChoices(group_id, records, fields, caps, master)
        self.endResetModel()
        self.choices_changed.emit()

    def clear(self) -> None:
        self.beginResetModel()
        self._choices = None
        self.endResetModel()
        self.choices_changed.emit()

    # Qt API
    def rowCount(self, parent: ModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() or not self._choices else len(self._choices.fields)

    def columnCount(self, parent: ModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() or not self._choices else len(self._choices.records) + 1

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        choices = self._choices
        if choices is None or not self._valid(index):
            return None
        field = choices.fields[index.row()]
        record = self.record_at(index.column())
        value = (record.value(field.api_name) if record
                 else choices.preview_value(field.api_name))
        if role == Qt.ItemDataRole.DisplayRole:
            return value_text(value)
        if role == ValueRole:
            return value
        if role == FieldRole:
            return field.api_name
        if role == RecordIdRole:
            return record.id if record else ""
        if role == DiffersRole:
            return choices.differs(field.api_name)
        chosen = record is not None and choices.chosen(field.api_name) == record.id
        if role == ChosenRole:
            return chosen
        return self._styling(field, record, value, chosen, role)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if self._choices is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            return self._field_header(section, role)
        return self._record_header(section, role)

    # Our API
    @property
    def group_id(self) -> str:
        return self._choices.group_id if self._choices else ""

    @property
    def master(self) -> str:
        return self._choices.master if self._choices else ""

    @property
    def record_ids(self) -> tuple[str, ...]:
        return self._choices.record_ids if self._choices else ()

    @property
    def capabilities(self) -> Capabilities | None:
        return self._choices.caps if self._choices else None

    @property
    def preview_column(self) -> int:
        return len(self.record_ids)

    def record_at(self, column: int) -> Record | None:
        """The record shown in `column`; None for the preview column."""
        records = self._choices.records if self._choices else ()
        return records[column] if 0 <= column < len(records) else None

    def field_at(self, row: int) -> FieldDef:
        assert self._choices is not None
        return self._choices.fields[row]

    def row_of(self, api_name: str) -> int:
        fields = self._choices.fields if self._choices else ()
        return next((i for i, f in enumerate(fields) if f.api_name == api_name), -1)

    def field_label(self, api_name: str) -> str:
        row = self.row_of(api_name)
        return self.field_at(row).display_label if row >= 0 else api_name

    def chosen(self, row: int) -> str:
        """The id of the record whose value of this row's field survives."""
        return self._choices.chosen(self.field_at(row).api_name) if self._choices else ""

    def choose(self, row: int, record_id: str) -> bool:
        """Keep `record_id`'s value for the field of `row`; False if it cannot be chosen."""
        if self._choices is None or not 0 <= row < self.rowCount():
            return False
        if not self._choices.choose(self.field_at(row).api_name, record_id):
            return False
        # The preview column may change on any row (a planner can move values around).
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.preview_column - 1))
        self._emit_column(self.preview_column)
        self.choices_changed.emit()
        return True

    def set_master(self, record_id: str) -> bool:
        """Make `record_id` the survivor; hand-picked values stay, defaults follow it."""
        if self._choices is None or not self._choices.set_master(record_id):
            return False
        last = self.columnCount() - 1
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, last)
        for column in range(last + 1):
            self._emit_column(column)
        self.choices_changed.emit()
        return True

    def preview(self) -> MergePreview | None:
        return self._choices.preview if self._choices else None

    def notes(self) -> tuple[PreviewNote, ...]:
        preview = self.preview()
        return preview.notes if preview else ()

    def to_group_merge(self, group_id: str | None = None) -> GroupMerge:
        if self._choices is None:
            raise ValueError("no group is shown")
        return self._choices.to_group_merge(group_id)

    # Presentation
    def _valid(self, index: ModelIndex) -> bool:
        return (index.isValid() and 0 <= index.row() < self.rowCount()
                and 0 <= index.column() < self.columnCount())

    def _emit_column(self, column: int) -> None:
        if self.rowCount():
            self.dataChanged.emit(self.index(0, column), self.index(self.rowCount() - 1, column))

    def _styling(self, field: FieldDef, record: Record | None, value: JsonValue,
                 chosen: bool, role: int) -> object:
        assert self._choices is not None
        marked = chosen and self._choices.differs(field.api_name)
        palette = QGuiApplication.palette()
        if role == Qt.ItemDataRole.ForegroundRole and is_blank(value):
            return palette.color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.BackgroundRole:
            if record is None:
                return palette.color(QPalette.ColorRole.AlternateBase)
            return _tint(palette.color(QPalette.ColorRole.Highlight),
                         palette.color(QPalette.ColorRole.Base)) if marked else None
        if role == Qt.ItemDataRole.FontRole and (marked or (
                record is None and self._choices.changes_master(field.api_name))):
            return _bold()
        if role == Qt.ItemDataRole.DecorationRole and marked:
            return icon("chosen")
        if role == Qt.ItemDataRole.ToolTipRole:
            return _cell_tooltip(record, value, marked)
        return None

    def _field_header(self, section: int, role: int) -> object:
        if not 0 <= section < self.rowCount():
            return None
        field = self.field_at(section)
        differs = self._choices is not None and self._choices.differs(field.api_name)
        if role == Qt.ItemDataRole.DisplayRole:
            return field.display_label
        if role == Qt.ItemDataRole.DecorationRole and differs:
            return icon("differs")
        if role == Qt.ItemDataRole.FontRole and differs:
            return _bold()
        if role == Qt.ItemDataRole.ToolTipRole:
            return _field_tooltip(field, differs)
        return None

    def _record_header(self, section: int, role: int) -> object:
        if section == self.preview_column:
            if role == Qt.ItemDataRole.DisplayRole:
                crm = self._choices.caps.display_name if self._choices else ""
                return QCoreApplication.translate(
                    "CompareModel", "Merged preview\nas {crm} will keep it").format(crm=crm)
            if role == Qt.ItemDataRole.ToolTipRole:
                return QCoreApplication.translate(
                    "CompareModel", "The record as the CRM will hold it after the merge")
            return None
        record = self.record_at(section)
        if record is None:
            return None
        is_master = record.id == self.master
        if role == Qt.ItemDataRole.DisplayRole:
            return _record_title(section, record, is_master)
        if role == Qt.ItemDataRole.DecorationRole and is_master:
            return icon("master")
        if role == Qt.ItemDataRole.FontRole and is_master:
            return _bold()
        if role == Qt.ItemDataRole.ToolTipRole:
            return _record_tooltip(record, is_master)
        return None


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


def _cell_tooltip(record: Record | None, value: JsonValue, marked: bool) -> str:
    text = value_text(value)
    if record is None:
        return QCoreApplication.translate("CompareModel", "After the merge: {value}").format(
            value=text)
    if marked:
        return QCoreApplication.translate("CompareModel", "{value} (this value is kept)").format(
            value=text)
    return text


def _field_tooltip(field: FieldDef, differs: bool) -> str:
    lines = [field.api_name]
    if differs:
        lines.append(QCoreApplication.translate("CompareModel", "The records differ here."))
    if not field.writable:
        lines.append(QCoreApplication.translate(
            "CompareModel", "Read-only: the master's value stays."))
    return "\n".join(lines)


def _record_title(section: int, record: Record, is_master: bool) -> str:
    name = record_name(record) or QCoreApplication.translate("CompareModel", "(no name)")
    if is_master:
        second = QCoreApplication.translate("CompareModel", "#{id} · master")
    else:
        second = QCoreApplication.translate("CompareModel", "#{id}")
    return f"{section + 1}  {name}\n{second.format(id=record.id)}"


def _record_tooltip(record: Record, is_master: bool) -> str:
    lines = [QCoreApplication.translate("CompareModel", "Record {id}").format(id=record.id)]
    if record.created_at:
        lines.append(QCoreApplication.translate("CompareModel", "Created {date}").format(
            date=record.created_at.strftime("%Y-%m-%d")))
    lines.extend(f"{kind}: {count}" for kind, count in sorted(record.related_counts.items()))
    lines.append(QCoreApplication.translate("CompareModel", "Filled fields: {n}").format(
        n=record.filled_count()))
    if is_master:
        lines.append(QCoreApplication.translate("CompareModel", "Master: this record survives"))
    else:
        lines.append(QCoreApplication.translate(
            "CompareModel", "Press M or click here to make it the master"))
    return "\n".join(lines)


def _tint(colour: QColor, base: QColor, strength: float = 0.28) -> QColor:
    """`colour` laid thinly over `base`: a highlight that keeps text readable."""
    return QColor(*(round(b + (c - b) * strength) for c, b in zip(
        (colour.red(), colour.green(), colour.blue()),
        (base.red(), base.green(), base.blue()), strict=True)))

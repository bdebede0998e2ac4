"""CompareModel: a group side by side, one row per field and one column per record,
plus a last column with the merged record as the CRM will produce it. The decisions
live in MergeChoices; this model shows them and forwards clicks, keys and typed values.
Every edit is announced with the state before and after it (the undo stack). No I/O."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette

from mergedesk.core.capabilities import Capabilities
from mergedesk.core.master import MasterRule, MasterSuggestion
from mergedesk.core.models import Attachment, FieldDef, Record
from mergedesk.core.plan import GroupMerge
from mergedesk.core.preview import MergePreview, PreviewNote
from mergedesk.core.rules import RuleTemplate
from mergedesk.core.values import JsonValue, is_blank
from mergedesk.ui.icons import icon
from mergedesk.ui.models import compare_text as text
from mergedesk.ui.models import safeguards
from mergedesk.ui.models.checklist import Landing
from mergedesk.ui.models.choices import ChoicesState, MergeChoices
from mergedesk.ui.models.display import parse_value, record_name, value_text
from mergedesk.ui.models.safeguards import Flag, FlagKind

RecordIdRole = Qt.ItemDataRole.UserRole + 1  # the record of a column ("" for the preview)
FieldRole = Qt.ItemDataRole.UserRole + 2  # the api name of a row
ValueRole = Qt.ItemDataRole.UserRole + 3  # the raw JSON value of a cell
ChosenRole = Qt.ItemDataRole.UserRole + 4  # True on the cell whose value survives
DiffersRole = Qt.ItemDataRole.UserRole + 5  # True on every cell of a row whose values differ
TypedRole = Qt.ItemDataRole.UserRole + 6  # True on a preview cell holding a typed value
ItemRole = Qt.ItemDataRole.UserRole + 7  # a checklist row's item index; -1 on a field row
FlagRole = Qt.ItemDataRole.UserRole + 8  # the row's safeguards.Flag, or None

ModelIndex = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()
_SELECTABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE = _SELECTABLE | Qt.ItemFlag.ItemIsEditable
# The roles a delegate paints with; multiData answers only these.
_PAINTED = frozenset(r.value for r in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.CheckStateRole))
_CHECKABLE = _SELECTABLE | Qt.ItemFlag.ItemIsUserCheckable


class RowSpec(NamedTuple):
    """One table row: a field, or one value of a field's checklist (`item` >= 0)."""

    field: FieldDef
    item: int = -1


class CellView(NamedTuple):
    """What the delegate paints in a cell (cached until the next edit)."""

    text: str
    blank: bool  # an empty value: shown as an em dash, greyed
    marked: bool  # this record's value is kept (on a row that needs a decision)
    typed: bool  # the preview holds a value the reviewer typed
    bold: bool
    preview: bool  # the merged preview column
    check: bool | None = None  # a checklist's tick box (preview column of a value row)
    warn: bool = False  # the value will be lost: painted in the warning colour
    muted: bool = False  # a record that does not hold this checklist value


class CompareModel(QAbstractTableModel):
    """Fields x records of one group, with the merged preview as the last column.
    Chosen cells are highlighted (tint, bold, check mark) on rows whose values differ;
    rows where every record agrees need no decision and stay plain. The preview column
    is editable: a typed value survives instead of any record's."""

    choices_changed = Signal()  # a value, the master or a file was chosen; new preview
    edited = Signal(object, object, str)  # state before, state after, what was done
    value_rejected = Signal(str, str)  # field label, the text that is not a value

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._choices: MergeChoices | None = None
        self._bold = QFont()
        self._bold.setBold(True)
        self._cells: dict[tuple[int, int], CellView] = {}
        self._elided: dict[tuple[int, int, int], str] = {}
        self._names: dict[str, str] = {}  # record id -> its name, for the headers
        self._rows: list[RowSpec] = []
        self._flags: dict[str, Flag] = {}

    def set_group(self, group_id: str, records: Sequence[Record], fields: Sequence[FieldDef],
                  caps: Capabilities, master: str | None = None,
                  rule: MasterRule = MasterRule.MOST_COMPLETE,
                  state: ChoicesState | None = None) -> None:
        """Show `records` (fresh reads, in group order; two or more), with the decisions
        of `state` when the reviewer was here before."""
        self.beginResetModel()
        self._choices = MergeChoices(group_id, records, fields, caps, master, rule)
        if state is not None:
            self._choices.restore(state)
        self._forget()
        self._names = {r.id: record_name(r) for r in self._choices.records}
        self._rows = [RowSpec(f, i) for f in self._choices.fields
                      for i in (range(len(self._choices.lists[f.api_name].items))
                                if f.api_name in self._choices.lists else (-1,))]
        self.endResetModel()
        self.choices_changed.emit()

    def clear(self) -> None:
        self.beginResetModel()
        self._choices = None
        self._rows = []
        self._forget()
        self.endResetModel()
        self.choices_changed.emit()

    # Qt API
    def rowCount(self, parent: ModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() or not self._choices else len(self._rows)

    def columnCount(self, parent: ModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() or not self._choices else len(self._choices.records) + 1

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not self._valid(index):
            return Qt.ItemFlag.NoItemFlags
        assert self._choices is not None
        spec = self._rows[index.row()]
        if index.column() == len(self._choices.records) and spec.field.writable:
            return _CHECKABLE if spec.item >= 0 else _EDITABLE
        return _SELECTABLE

    def multiData(self, index: ModelIndex, roles: QModelRoleDataSpan) -> None:
        """All the roles a view paints, in one call per cell (see data())."""
        choices = self._choices
        if choices is None or not self._valid(index):
            return
        for item in roles:
            role = item.role()
            if role in _PAINTED:
                value = self.data(index, role)
                if value is not None:
                    item.setData(value)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        choices = self._choices
        if choices is None or not self._valid(index):
            return None
        field, item = self._rows[index.row()]
        name = field.api_name
        record = self.record_at(index.column())
        if role == ItemRole:
            return item
        if role == FlagRole:
            return self._flags.get(name)
        if item >= 0:
            return self._item_data(index.row(), index.column(), role)
        value = record.value(name) if record else choices.preview_value(name)
        if role == Qt.ItemDataRole.DisplayRole:
            return value_text(value)
        if role == Qt.ItemDataRole.EditRole:
            return "" if is_blank(value) else value_text(value)
        if role == ValueRole:
            return value
        if role == FieldRole:
            return name
        if role == RecordIdRole:
            return record.id if record else ""
        if role == DiffersRole:
            return choices.differs(name)
        if role == TypedRole:
            return record is None and choices.is_custom(name)
        chosen = record is not None and choices.chosen(name) == record.id
        if role == ChosenRole:
            return chosen
        return self._styling(field, record, value, chosen, role)

    def setData(self, index: ModelIndex, value: object,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        """A value typed into the preview column: it survives instead of any record's;
        a tick (CheckStateRole) keeps or drops a checklist value."""
        if not self._valid(index) or index.column() != self.preview_column:
            return False
        if role == Qt.ItemDataRole.CheckStateRole and self.item_at(index.row()) >= 0:
            keep = Qt.CheckState(value) == Qt.CheckState.Checked  # type: ignore[call-overload]
            return self.set_ticked(index.row(), keep)
        if role != Qt.ItemDataRole.EditRole or self.item_at(index.row()) >= 0:
            return False
        return self.set_custom(index.row(), str(value))

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if self._choices is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            return self._field_header(section, role)
        return self._record_header(section, role)

    # Reading
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
    def records(self) -> tuple[Record, ...]:
        return self._choices.records if self._choices else ()

    @property
    def capabilities(self) -> Capabilities | None:
        return self._choices.caps if self._choices else None

    @property
    def choices(self) -> MergeChoices | None:
        return self._choices

    @property
    def suggestion(self) -> MasterSuggestion | None:
        return self._choices.suggestion if self._choices else None

    @property
    def preview_column(self) -> int:
        return len(self.record_ids)

    def record_at(self, column: int) -> Record | None:
        """The record shown in `column`; None for the preview column."""
        records = self._choices.records if self._choices else ()
        return records[column] if 0 <= column < len(records) else None

    def field_at(self, row: int) -> FieldDef:
        assert self._choices is not None
        return self._rows[row].field

    def item_at(self, row: int) -> int:
        """The checklist item a row shows; -1 for a field row."""
        return self._rows[row].item if 0 <= row < len(self._rows) else -1

    def row_of(self, api_name: str) -> int:
        """The first row of the field (its checklist's first value)."""
        return next((i for i, r in enumerate(self._rows) if r.field.api_name == api_name), -1)

    def flags_shown(self) -> dict[str, Flag]:
        """The flagged fields (safe defaults, conflicts to settle), by api name."""
        return dict(self._flags)

    def needs_row(self, row: int) -> bool:
        """Whether the row needs a look: its values differ, the merge changes the
        master's value, or it is flagged."""
        if not 0 <= row < len(self._rows) or self._choices is None:
            return False
        field, item = self._rows[row]
        if field.api_name in self._flags:
            return True
        if item >= 0:
            holders = self._choices.lists[field.api_name].holders[item]
            return len(holders) < len(self._choices.records)
        # A field the merge writes (the note) needs a look even where records agree.
        return field.writable and (self._choices.differs(field.api_name)
                                   or self._choices.changes_master(field.api_name))

    def field_label(self, api_name: str) -> str:
        row = self.row_of(api_name)
        if row >= 0:
            return self.field_at(row).display_label
        # A field with no row (an empty slot or note field the merge fills).
        definition = self._choices.definition(api_name) if self._choices else None
        return definition.display_label if definition else api_name

    def chosen(self, row: int) -> str:
        """The id of the record whose value of this row's field survives ("" if typed)."""
        return self._choices.chosen(self.field_at(row).api_name) if self._choices else ""

    def cell(self, row: int, column: int) -> CellView | None:
        """What to paint at (row, column), computed once per edit."""
        key = (row, column)
        view = self._cells.get(key)
        if view is not None or self._choices is None:
            return view
        choices = self._choices
        if not (0 <= row < len(self._rows) and 0 <= column <= len(choices.records)):
            return None
        field, item = self._rows[row]
        if item >= 0:
            view = self._cells[key] = self._item_cell(row, column)
            return view
        name = field.api_name
        record = choices.records[column] if column < len(choices.records) else None
        value = record.value(name) if record else choices.preview_value(name)
        # An owner/status/parent nobody decided yet shows no kept value: the master's
        # is only a placeholder until the reviewer picks.
        marked = (record is not None and field.writable and choices.differs(name)
                  and choices.chosen(name) == record.id and not self._undecided(name))
        typed = record is None and choices.is_custom(name)
        bold = marked or typed or (record is None and choices.changes_master(name))
        view = self._cells[key] = CellView(value_text(value), is_blank(value), marked, typed,
                                          bold, record is None)
        return view

    def elided(self, row: int, column: int, width: int, elide: Callable[[str], str]) -> str:
        key = (row, column, width)
        text = self._elided.get(key)
        if text is None:
            view = self.cell(row, column)
            text = self._elided[key] = elide(view.text) if view else ""
        return text

    def master_reason(self) -> str:
        if self._choices is None:
            return ""
        return text.master_reason(self._choices.suggestion, self._choices.master,
                                  len(self._choices.fields))

    def attachments(self) -> tuple[Attachment, ...]:
        return self._choices.attachments if self._choices else ()

    def preview(self) -> MergePreview | None:
        return self._choices.preview if self._choices else None

    def notes(self) -> tuple[PreviewNote, ...]:
        preview = self.preview()
        return preview.notes if preview else ()

    def to_group_merge(self, group_id: str | None = None) -> GroupMerge:
        if self._choices is None:
            raise ValueError("no group is shown")
        return self._choices.to_group_merge(group_id)

    def state(self) -> ChoicesState | None:
        return self._choices.state() if self._choices else None

    # Editing (each edit announces itself for undo)
    def choose(self, row: int, record_id: str) -> bool:
        """Keep `record_id`'s value for the field of `row`; False if it cannot be chosen."""
        if self._choices is None or not 0 <= row < self.rowCount() or self.item_at(row) >= 0:
            return False
        field = self.field_at(row)
        return self._edit(lambda c: c.choose(field.api_name, record_id),
                          text.edit_pick(field.display_label, record_id))

    def set_custom(self, row: int, typed: str) -> bool:
        if self._choices is None or not 0 <= row < self.rowCount() or self.item_at(row) >= 0:
            return False
        field = self.field_at(row)
        try:
            value = parse_value(typed, field)
        except ValueError:
            self.value_rejected.emit(field.display_label, typed)
            return False
        return self._edit(lambda c: c.set_custom(field.api_name, value),
                          text.edit_typed(field.display_label))

    def set_master(self, record_id: str) -> bool:
        """Make `record_id` the survivor; hand-picked values stay, defaults follow it."""
        return self._edit(lambda c: c.set_master(record_id), text.edit_master(record_id))

    def set_ticked(self, row: int, keep: bool) -> bool:
        """Keep or drop the checklist value of `row`."""
        item = self.item_at(row)
        if self._choices is None or item < 0:
            return False
        field = self.field_at(row)
        shown = value_text(self._choices.lists[field.api_name].items[item])
        return self._edit(lambda c: c.set_ticked(field.api_name, item, keep),
                          text.edit_tick(field.display_label, shown, keep))

    def toggle(self, row: int) -> bool:
        """Space on a checklist value: tick it if unticked, else untick it."""
        item = self.item_at(row)
        if self._choices is None or item < 0:
            return False
        return self.set_ticked(row, not self._choices.ticked(self.field_at(row).api_name, item))

    def set_separator(self, api_name: str, separator: str) -> bool:
        label = self.field_label(api_name)
        return self._edit(lambda c: c.set_separator(api_name, separator),
                          text.edit_separator(label))

    def set_template(self, template: RuleTemplate, *, announce: bool = True) -> bool:
        """Apply a template of field rules to the group (hand-picked values stay).
        `announce=False`: the window's standing choice, applied to a group as it is
        shown, which is no edit to undo."""
        if not announce:
            if self._choices is None or not self._choices.set_template(template):
                return False
            self._changed_everywhere()
            return True
        return self._edit(lambda c: c.set_template(template), text.edit_template(template.name))

    def set_kept(self, attachment_id: str, keep: bool) -> bool:
        return self._edit(lambda c: c.set_kept(attachment_id, keep),
                          text.edit_file(attachment_id, keep))

    def restore_state(self, state: ChoicesState) -> None:
        """Undo/redo: show the group as it was in `state` (no edit is announced)."""
        if self._choices is None:
            return
        self._choices.restore(state)
        self._changed_everywhere()

    def _edit(self, change, description: str) -> bool:
        if self._choices is None:
            return False
        before = self._choices.state()
        if not change(self._choices):
            return False
        self._changed_everywhere()
        self.edited.emit(before, self._choices.state(), description)
        return True

    def _forget(self) -> None:
        self._cells.clear()
        self._elided.clear()
        self._flags = safeguards.flags(self._choices) if self._choices else {}

    def _changed_everywhere(self) -> None:
        # Any edit may change any cell's styling and the preview anywhere (a planner can
        # move values around): repaint the table, which paints only what is visible.
        self._forget()
        last_row, last_column = self.rowCount() - 1, self.columnCount() - 1
        if last_row >= 0:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, last_column)
            self.dataChanged.emit(self.index(0, 0), self.index(last_row, last_column))
        self.choices_changed.emit()

    # Presentation
    def _valid(self, index: ModelIndex) -> bool:
        choices = self._choices
        return (choices is not None and index.isValid()
                and 0 <= index.row() < len(self._rows)
                and 0 <= index.column() <= len(choices.records))

    def _styling(self, field: FieldDef, record: Record | None, value: JsonValue,
                 chosen: bool, role: int) -> object:
        assert self._choices is not None
        name = field.api_name
        # Read-only fields (creation time …) keep the master's value: nothing to decide.
        marked = (chosen and field.writable and self._choices.differs(name)
                  and not self._undecided(name))
        typed = record is None and self._choices.is_custom(name)
        if role == Qt.ItemDataRole.ForegroundRole and is_blank(value):
            return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.BackgroundRole:
            palette = QGuiApplication.palette()
            if record is None:
                return palette.color(QPalette.ColorRole.AlternateBase)
            return tint(palette.color(QPalette.ColorRole.Highlight),
                         palette.color(QPalette.ColorRole.Base)) if marked else None
        if role == Qt.ItemDataRole.FontRole and (marked or typed or (
                record is None and self._choices.changes_master(name))):
            return self._bold
        if role == Qt.ItemDataRole.DecorationRole:
            if marked:
                return icon("chosen")
            return icon("typed") if typed else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return text.cell_tooltip(record, value, marked, typed)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and marked:
            return text.kept_description()
        return None

    def _undecided(self, api_name: str) -> bool:
        flag = self._flags.get(api_name)
        return flag is not None and flag.kind == FlagKind.CONFLICT and not flag.decided

    def _item_cell(self, row: int, column: int) -> CellView:
        """A checklist value: the records that hold it show it, the others stay pale;
        the preview column has the tick box and where the value lands."""
        assert self._choices is not None
        field, item = self._rows[row]
        checklist = self._choices.lists[field.api_name]
        record = self.record_at(column)
        if record is not None:
            held = record.id in checklist.holders[item]
            return CellView(value_text(checklist.items[item]) if held else "", not held,
                            False, False, False, False, muted=not held)
        ticked = self._choices.ticked(field.api_name, item)
        where, target = self._choices.landing(field.api_name, item)
        shown = text.landing(where, self.field_label(target) if target else "")
        lost = where in (Landing.DROPPED, Landing.LOST)
        return CellView(shown, False, False, False, lost, True, check=ticked, warn=lost)

    def _item_data(self, row: int, column: int, role: int) -> object:
        cell = self.cell(row, column)
        assert cell is not None and self._choices is not None
        field, item = self._rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == ValueRole:
            return self._choices.lists[field.api_name].items[item]
        if role == FieldRole:
            return field.api_name
        if role == RecordIdRole:
            record = self.record_at(column)
            return record.id if record else ""
        if role == DiffersRole:
            return self.needs_row(row)
        if role == Qt.ItemDataRole.CheckStateRole and cell.check is not None:
            return Qt.CheckState.Checked if cell.check else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and cell.preview:
            where, target = self._choices.landing(field.api_name, item)
            detail = text.landing_detail(where, self.field_label(target) if target else "",
                                         self._choices.separator(field.api_name))
            return text.item_tooltip(detail, bool(cell.check))
        if role == Qt.ItemDataRole.ForegroundRole and cell.warn:
            return QColor(text.WARNING)
        return None

    def _field_header(self, section: int, role: int) -> object:
        if not 0 <= section < self.rowCount():
            return None
        field, item = self._rows[section]
        differs = (self._choices is not None and field.writable
                   and self._choices.differs(field.api_name))
        flag = self._flags.get(field.api_name)
        if role == Qt.ItemDataRole.DisplayRole:
            return field.display_label if item <= 0 else ""
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return text.row_accessible(field, item)
        if role == Qt.ItemDataRole.DecorationRole and item <= 0:
            return icon(text.flag_icon(flag)) if flag else icon("differs") if differs else None
        if role == Qt.ItemDataRole.FontRole and differs:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = text.field_tooltip(field, differs)
            return tip + "\n" + text.flag_reason(flag, field) if flag else tip
        return None

    def _record_header(self, section: int, role: int) -> object:
        if section == self.preview_column:
            if role == Qt.ItemDataRole.DisplayRole:
                return text.preview_title(self._choices.caps.display_name if self._choices
                                          else "")
            if role == Qt.ItemDataRole.ToolTipRole:
                return text.preview_tooltip()
            return None
        record = self.record_at(section)
        if record is None:
            return None
        is_master = record.id == self.master
        name = self._names.get(record.id, "")
        if role == Qt.ItemDataRole.DisplayRole:
            return text.record_title(section, record, name)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return text.record_accessible(section, record, name, is_master)
        if role == Qt.ItemDataRole.DecorationRole and is_master:
            return icon("master")
        if role == Qt.ItemDataRole.FontRole and is_master:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = text.record_tooltip(record, is_master)
            return tip + ("\n" + self.master_reason() if is_master else "")
        return None


def tint(colour: QColor, base: QColor, strength: float = 0.28) -> QColor:
    """`colour` laid thinly over `base`: a highlight that keeps text readable."""
    return QColor(*(round(b + (c - b) * strength) for c, b in zip(
        (colour.red(), colour.green(), colour.blue()),
        (base.red(), base.green(), base.blue()), strict=True)))

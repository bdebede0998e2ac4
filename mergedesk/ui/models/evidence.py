"""EvidenceModel: why the records of a group were matched, one row per linked pair and
one column per field, each cell the similarity the matching engine found. No I/O."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from mergedesk.core.models import DuplicateGroup
from mergedesk.ui.locale_format import percent

ModelIndex = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()
_STRONG = QColor("#2e9d52")


class EvidenceModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pairs: list[tuple[str, str]] = []
        self._fields: list[str] = []
        self._scores: dict[tuple[str, str, str], float] = {}

    def set_group(self, group: DuplicateGroup | None) -> None:
        self.beginResetModel()
        self._scores = {(e.a, e.b, e.field): e.score for e in group.evidence} if group else {}
        best: dict[str, float] = {}
        for (_, _, name), score in self._scores.items():
            best[name] = max(best.get(name, 0.0), score)
        self._fields = sorted(best, key=lambda f: (-best[f], f))
        self._pairs = list(dict.fromkeys((a, b) for a, b, _ in self._scores))
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._pairs)

    def columnCount(self, parent: ModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._fields) + (1 if self._pairs else 0)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._pairs):
            return None
        a, b = self._pairs[index.row()]
        if index.column() == 0:
            return f"#{a} ↔ #{b}" if role == Qt.ItemDataRole.DisplayRole else None
        name = self._fields[index.column() - 1]
        score = self._scores.get((a, b, name))
        if role == Qt.ItemDataRole.DisplayRole:
            return percent(score) if score is not None else "—"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.BackgroundRole and score is not None:
            base = QGuiApplication.palette().color(QPalette.ColorRole.Base)
            strength = 0.12 + 0.3 * score
            return QColor(*(round(c0 + (c1 - c0) * strength) for c0, c1 in (
                (base.red(), _STRONG.red()), (base.green(), _STRONG.green()),
                (base.blue(), _STRONG.blue()))))
        if role == Qt.ItemDataRole.ForegroundRole and score is None:
            return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.ToolTipRole:
            template = QCoreApplication.translate(
                "EvidenceModel", "#{a} and #{b} agree on {field}: {score}")
            return template.format(a=a, b=b, field=field_name(name),
                                   score="—" if score is None else percent(score))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return QCoreApplication.translate("EvidenceModel", "Pair")
        return field_name(self._fields[section - 1]) if section <= len(self._fields) else None

    def strongest(self, limit: int = 4) -> list[str]:
        """The fields that matched best across the pairs, strongest first."""
        return [field_name(f) for f in self._fields[:limit]]


def field_name(name: str) -> str:
    """The matching engine's field names ("first_name") as words ("first name")."""
    return name.replace("_", " ")

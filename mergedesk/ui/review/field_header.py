"""FieldHeader: the compare table's field labels down the left side. Its width is
measured once per group from the labels, in the bold font a differing field is shown
in. Qt's own header asks the model for every section's text, font and icon at each
layout pass — with 100 fields that was a tenth of the window's first paint."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QStyle, QWidget

_DISPLAY = Qt.ItemDataRole.DisplayRole
_VERTICAL = Qt.Orientation.Vertical


class FieldHeader(QHeaderView):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(_VERTICAL, parent)
        self._hint: QSize | None = None

    def setModel(self, model: QAbstractItemModel | None) -> None:
        old = self.model()
        if old is not None:
            for signal in _label_changes(old):
                signal.disconnect(self.forget_size)
        super().setModel(model)
        if model is not None:
            for signal in _label_changes(model):
                signal.connect(self.forget_size)
        self.forget_size()

    def forget_size(self, *_args: object) -> None:
        """The labels changed: measure them again at the next layout."""
        self._hint = None
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        if self._hint is None:
            self._hint = QSize(self._width(), self.length())
        return self._hint

    def _width(self) -> int:
        model = self.model()
        if model is None or model.rowCount() == 0:
            return super().sizeHint().width()
        bold = QFont(self.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        labels = {str(model.headerData(row, _VERTICAL, _DISPLAY) or "")
                  for row in range(model.rowCount())}
        text = max(metrics.horizontalAdvance(label) for label in labels)
        style = self.style()
        icon = style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, self)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, self)
        # As the style sizes a header section: margins either side of the text, and one
        # more after the flag icon.
        return text + icon + 3 * margin


def _label_changes(model: QAbstractItemModel) -> tuple:
    """The model's signals after which the field labels may differ."""
    return (model.modelReset, model.layoutChanged, model.headerDataChanged,
            model.rowsInserted, model.rowsRemoved)

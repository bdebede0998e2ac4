"""CompareCellDelegate: paints the compare table's cells with the model's own colours
(the kept value's tint stays visible) and marks the keyboard cursor with a frame
instead of a filled selection."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem


class CompareCellDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        current = focused or bool(option.state & QStyle.StateFlag.State_Selected)
        plain = QStyleOptionViewItem(option)
        plain.state &= ~(QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_HasFocus)
        # Styles that show "decoration selected" have filled the selected cell's panel
        # before the delegate runs: cover it with the cell's own background first.
        background = index.data(Qt.ItemDataRole.BackgroundRole)
        if isinstance(background, QColor | QBrush):
            painter.fillRect(option.rect, background)
        else:
            painter.fillRect(option.rect, option.palette.brush(QPalette.ColorRole.Base))
        super().paint(painter, plain, index)
        if not current:
            return
        role = QPalette.ColorRole.Highlight if focused else QPalette.ColorRole.Mid
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(option.palette.color(role), 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(option.rect.adjusted(1, 1, -2, -2), 3, 3)
        painter.restore()

"""StatusBadgeDelegate: a group's status as a small coloured pill, so that failed,
stale and merged groups stand out when the list is scanned by eye."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from mergedesk.ui.models.group_list import STATUS_COLOURS, StatusRole


class StatusBadgeDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        text = index.data(Qt.ItemDataRole.DisplayRole)
        colour = STATUS_COLOURS.get(index.data(StatusRole))
        if not text or colour is None:
            super().paint(painter, option, index)
            return
        # The row's background and selection as usual, then the pill over it.
        plain = QStyleOptionViewItem(option)
        self.initStyleOption(plain, index)
        plain.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, plain, painter,
                              option.widget)
        metrics = option.fontMetrics
        width = min(metrics.horizontalAdvance(text) + 14, option.rect.width() - 6)
        pill = QRectF(option.rect.x() + 4, option.rect.center().y() - metrics.height() / 2 - 1,
                      width, metrics.height() + 2)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = QColor(colour)
        fill.setAlphaF(0.18 if not selected else 0.35)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        ink = option.palette.color(QPalette.ColorRole.HighlightedText) if selected else colour
        painter.setPen(ink)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter,
                         metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(width) - 8))
        painter.restore()

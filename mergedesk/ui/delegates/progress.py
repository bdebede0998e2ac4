"""StepProgressDelegate: a running merge's state as a thin progress bar under its text
(steps done of steps planned, from the journal)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect
from PySide6.QtWidgets import (
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
)

from mergedesk.ui.models.queue import ProgressRole


class StepProgressDelegate(QStyledItemDelegate):
    def paint(self, painter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        super().paint(painter, option, index)
        progress = index.model().data(index, ProgressRole)  # Python to Python, no QVariant
        if not progress or option.widget is None:
            return
        done, total = progress
        bar = QStyleOptionProgressBar()
        bar.rect = QRect(option.rect.left() + 4, option.rect.bottom() - 4,
                         option.rect.width() - 8, 4)
        bar.minimum, bar.maximum = 0, max(total, 1)
        bar.progress = min(done, total)
        bar.textVisible = False
        bar.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Horizontal
        option.widget.style().drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter,
                                          option.widget)

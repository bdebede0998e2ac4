"""GroupRowDelegate: paints the group list's cells straight from the model's row cache
— plain text, the status as a coloured pill — with each elided text computed once per
width. No style round trip, no per-role calls, colours looked up once per palette: a
jump anywhere in a million groups repaints a screenful within a frame."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QStaticText
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from mergedesk.ui.models.group_list import (
    SCORE,
    SIZE,
    STATUS,
    SUMMARY,
    GroupListModel,
    RowView,
    laid_out,
)

_PAD = 4
_STATICS = 512  # distinct short texts kept laid out (scores, sizes, status words)
_V = Qt.AlignmentFlag.AlignVCenter
_ALIGN = {SCORE: Qt.AlignmentFlag.AlignRight | _V, SIZE: Qt.AlignmentFlag.AlignRight | _V}
_LEFT = Qt.AlignmentFlag.AlignLeft | _V
_ELIDE = Qt.TextElideMode.ElideRight
# State bits as ints: Python enum flag arithmetic costs microseconds per cell.
_SELECTED = QStyle.StateFlag.State_Selected.value
_ENABLED = QStyle.StateFlag.State_Enabled.value
_ACTIVE = QStyle.StateFlag.State_Active.value
_HIGHLIGHT = QPalette.ColorRole.Highlight
# Colour groups as ints (Qt numbers them Active 0, Disabled 1, Inactive 2).
_ACTIVE_GROUP = QPalette.ColorGroup.Active.value
_DISABLED = QPalette.ColorGroup.Disabled.value
_INACTIVE = QPalette.ColorGroup.Inactive.value
_TEXT = QPalette.ColorRole.Text
_HIGHLIGHTED_TEXT = QPalette.ColorRole.HighlightedText


class GroupRowDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self._colours: dict[tuple[int, int], QColor] = {}
        self._metrics: QFontMetrics | None = None
        self._widest = 0  # the font's widest letter
        self._statics: dict[str, QStaticText] = {}

    def refresh_style(self) -> None:
        """The palette or the font changed (theme switch): look them up again."""
        self._colours.clear()
        self._statics.clear()
        self._metrics = None

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        model = index.model()
        view = model.row_view(index.row()) if isinstance(model, GroupListModel) else None
        if view is None:
            super().paint(painter, option, index)
            return
        column, rect, state = index.column(), option.rect, option.state.value
        selected = state & _SELECTED
        group = _DISABLED if not state & _ENABLED else (_ACTIVE_GROUP if state & _ACTIVE
                                                       else _INACTIVE)
        if selected:  # the row panel (alternate colours) is painted by the view already
            painter.fillRect(rect, self._colour(option, group, _HIGHLIGHT))
        if column == STATUS and view.colour is not None:
            self._pill(painter, option, view, group, selected)
            return
        metrics = self._metrics or self._remember_metrics(option)
        width = rect.width() - 2 * _PAD
        text = view.texts[column]
        painter.setPen(self._colour(option, group, _HIGHLIGHTED_TEXT if selected else _TEXT))
        if column == SUMMARY:  # laid out once while the row stays in the cache
            # Most fit, which costs a glance to know for ASCII (drawn in this font, no
            # letter wider than its widest); the others are measured and elided.
            fits = text.isascii() and len(text) * self._widest <= width
            static = view.static(column, width, option.font, lambda: text if fits else
                                 metrics.elidedText(text, _ELIDE, width))
        else:  # a score, a size, a status: the same few words down the list
            static = self._static(text, option.font)
        size = static.size()
        if size.width() > width:  # a narrow column: elided, drawn plainly
            painter.drawText(rect.adjusted(_PAD, 0, -_PAD, 0), _ALIGN.get(column, _LEFT),
                             view.elided(column, width,
                                         lambda t: metrics.elidedText(t, _ELIDE, width)))
            return
        x = rect.left() + _PAD if column not in _ALIGN else \
            rect.left() + rect.width() - _PAD - size.width()
        painter.drawStaticText(QPointF(x, rect.top() + (rect.height() - size.height()) / 2),
                               static)

    def _static(self, text: str, font: QFont) -> QStaticText:
        """A short text that repeats down the list, laid out once: drawing it again
        costs a fifth of drawing it from the string."""
        static = self._statics.get(text)
        if static is None:
            if len(self._statics) > _STATICS:
                self._statics.clear()
            static = self._statics[text] = laid_out(text, font)
        return static

    def _colour(self, option: QStyleOptionViewItem, group: int,
                role: QPalette.ColorRole) -> QColor:
        key = (group, role.value)
        colour = self._colours.get(key)
        if colour is None:
            colour = self._colours[key] = option.palette.color(QPalette.ColorGroup(group), role)
        return colour

    def _remember_metrics(self, option: QStyleOptionViewItem) -> QFontMetrics:
        self._metrics = QFontMetrics(option.fontMetrics)
        self._widest = self._metrics.maxWidth()
        return self._metrics

    def _pill(self, painter: QPainter, option: QStyleOptionViewItem, view: RowView,
              group: int, selected: int) -> None:
        metrics = self._metrics or self._remember_metrics(option)
        rect, text = option.rect, view.texts[STATUS]
        width = min(metrics.horizontalAdvance(text) + 14, rect.width() - 6)
        pill = QRectF(rect.x() + _PAD, rect.center().y() - metrics.height() / 2 - 1,
                      width, metrics.height() + 2)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = QColor(view.colour)
        fill.setAlphaF(0.35 if selected else 0.18)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        painter.setPen(self._colour(option, group, QPalette.ColorRole.HighlightedText)
                       if selected else view.colour)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter,
                         view.elided(STATUS, int(width) - 8,
                                     lambda t: metrics.elidedText(t, _ELIDE, int(width) - 8)))
        painter.restore()

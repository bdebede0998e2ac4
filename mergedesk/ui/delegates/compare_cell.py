"""CompareCellDelegate: paints the compare table's cells from the model's cell cache —
the kept value's tint and check mark, a typed value's pencil, blanks greyed, the merged
preview on its own shade, a checklist value's tick box and a lost value in amber — and
marks the keyboard cursor with a frame instead of a filled selection. Straight painting
(no style round trip): a group of 10 records and 100 fields shows within a frame or two."""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from mergedesk.ui.icons import icon
from mergedesk.ui.models.compare import CompareModel, tint
from mergedesk.ui.models.compare_text import WARNING

_PAD = 4
_ICON = 16
_TEXT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_ELIDE = Qt.TextElideMode.ElideRight
_SELECTED = QStyle.StateFlag.State_Selected.value
_FOCUS = QStyle.StateFlag.State_HasFocus.value
_ENABLED = QStyle.StateFlag.State_Enabled.value


class CompareCellDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self._colours: dict[tuple[bool, str], QColor] = {}
        self._pixmaps: dict[tuple[str, float], QPixmap] = {}
        self._bold: QFont | None = None

    def refresh_style(self) -> None:
        """The palette or font changed (theme switch): look them up again."""
        self._colours.clear()
        self._pixmaps.clear()
        self._bold = None

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        model = index.model()
        cell = (model.cell(index.row(), index.column())
                if isinstance(model, CompareModel) else None)
        if cell is None:
            super().paint(painter, option, index)
            return
        state, rect = option.state.value, option.rect
        enabled = bool(state & _ENABLED)
        background = ("tint" if cell.marked else "alternate" if cell.preview else "base")
        painter.fillRect(rect, self._colour(option, enabled, background))
        left = rect.left() + _PAD
        if cell.check is not None:
            left = self._check_box(painter, option, cell.check, left)
        if cell.marked or cell.typed:
            ratio = painter.device().devicePixelRatioF()  # crisp on high-DPI screens
            pixmap = self._pixmap("chosen" if cell.marked else "typed", ratio)
            painter.drawPixmap(left, rect.center().y() - _ICON // 2 + 1, pixmap)
            left += _ICON + _PAD
        font = self._bold_font(option) if cell.bold else option.font
        painter.setFont(font)
        ink = "warning" if cell.warn else "placeholder" if cell.blank else "text"
        painter.setPen(self._colour(option, enabled, ink))
        area = QRect(left, rect.top(), rect.right() - _PAD - left, rect.height())
        metrics = painter.fontMetrics()
        text = model.elided(index.row(), index.column(), area.width() + (1 if cell.bold else 0),
                            lambda t: metrics.elidedText(t, _ELIDE, area.width()))
        painter.drawText(area, _TEXT, text)
        if state & (_SELECTED | _FOCUS):
            self._frame(painter, option, bool(state & _FOCUS))

    def editorEvent(self, event, model, option, index) -> bool:
        # The view toggles a checklist value on a click or Space (CompareView); letting
        # the base class toggle it too would undo the click.
        if isinstance(model, CompareModel):
            return False
        return super().editorEvent(event, model, option, index)

    def _check_box(self, painter: QPainter, option: QStyleOptionViewItem, ticked: bool,
                   left: int) -> int:
        """A checklist's tick box, drawn from the palette: the style's own box nearly
        vanished on the dark theme's preview shade."""
        size = _ICON - 2
        box = QRectF(left + 0.5, option.rect.center().y() - size / 2 + 0.5, size, size)
        palette = option.palette
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        accent = palette.color(QPalette.ColorRole.Highlight)
        painter.setPen(QPen(accent if ticked else palette.color(QPalette.ColorRole.Text), 1.4))
        painter.setBrush(accent if ticked else palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(box, 3, 3)
        if ticked:
            tick = QPen(palette.color(QPalette.ColorRole.HighlightedText), 2)
            tick.setCapStyle(Qt.PenCapStyle.RoundCap)
            tick.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(tick)
            x, y = box.left(), box.top()
            painter.drawPolyline([QPointF(x + size * 0.22, y + size * 0.52),
                                  QPointF(x + size * 0.42, y + size * 0.72),
                                  QPointF(x + size * 0.78, y + size * 0.3)])
        painter.restore()
        return left + _ICON + _PAD

    def _frame(self, painter: QPainter, option: QStyleOptionViewItem, focused: bool) -> None:
        role = QPalette.ColorRole.Highlight if focused else QPalette.ColorRole.Mid
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(option.palette.color(role), 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(option.rect.adjusted(1, 1, -2, -2), 3, 3)
        painter.restore()

    def _colour(self, option: QStyleOptionViewItem, enabled: bool, kind: str) -> QColor:
        key = (enabled, kind)
        colour = self._colours.get(key)
        if colour is None:
            palette = option.palette
            group = QPalette.ColorGroup.Normal if enabled else QPalette.ColorGroup.Disabled
            base = palette.color(group, QPalette.ColorRole.Base)
            colour = {
                "base": base,
                "alternate": palette.color(group, QPalette.ColorRole.AlternateBase),
                "tint": tint(palette.color(group, QPalette.ColorRole.Highlight), base),
                "placeholder": palette.color(group, QPalette.ColorRole.PlaceholderText),
                "text": palette.color(group, QPalette.ColorRole.Text),
                "warning": QColor(WARNING),
            }[kind]
            self._colours[key] = colour
        return colour

    def _pixmap(self, name: str, ratio: float) -> QPixmap:
        key = (name, ratio)
        pixmap = self._pixmaps.get(key)
        if pixmap is None:
            pixmap = self._pixmaps[key] = icon(name).pixmap(QSize(_ICON, _ICON), ratio)
        return pixmap

    def _bold_font(self, option: QStyleOptionViewItem) -> QFont:
        if self._bold is None:
            self._bold = QFont(option.font)
            self._bold.setBold(True)
        return self._bold


"""One-off lazy initialisations that the first painted rows and the first group shown
would otherwise pay inside a frame, done once per process when the window is idle
(after its first paint in the app; at once for windows made elsewhere)."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter

_warm = False


def warm_up() -> None:
    """Idempotent; safe on any thread (it paints on an image, not on a widget)."""
    global _warm
    if _warm:
        return
    _warm = True
    # PySide builds QGradient's enums at the first QPainter.fillRect called from
    # Python (its overload check): 10-100 ms in the frame that first paints a
    # selected row or a coloured compare cell.
    image = QImage(1, 1, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    painter.fillRect(QRect(0, 0, 1, 1), QColor(0, 0, 0))
    painter.end()
    # pydantic builds each core model's validator at its first use (defer_build,
    # core.models): the group shown first needs these.
    from mergedesk.core.capabilities import Capabilities
    from mergedesk.core.models import Attachment, DuplicateGroup, Evidence, FieldDef, Record

    for model in (Record, FieldDef, Attachment, Evidence, DuplicateGroup, Capabilities):
        model.model_rebuild()

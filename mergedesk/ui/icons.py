"""The app's SVG icons by name, from the package's resources (mergedesk/resources/icons)."""

from __future__ import annotations

import functools

from PySide6.QtGui import QIcon

from mergedesk.resources import icon_file


@functools.cache
def icon(name: str) -> QIcon:
    """A cached QIcon; an empty one if the file is missing (never an exception).
    tests/packaging/test_resources.py fails for any name used in mergedesk/ui that is
    not shipped, so a missing file is caught before it reaches a user."""
    path = icon_file(name)
    return QIcon(str(path)) if path.is_file() else QIcon()

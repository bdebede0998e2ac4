"""The app's SVG icons by name, looked up next to the package, never from the CWD."""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

from PySide6.QtGui import QIcon

import mergedesk


def icon_path(name: str) -> Path:
    """`resources/icons/<name>.svg`: inside the package when it is shipped there,
    else in the source tree next to it (an editable install or a checkout)."""
    packaged = resources.files(mergedesk) / "resources" / "icons" / f"{name}.svg"
    if packaged.is_file():
        return Path(str(packaged))
    return Path(mergedesk.__file__).resolve().parent.parent / "resources" / "icons" / f"{name}.svg"


@functools.cache
def icon(name: str) -> QIcon:
    """A cached QIcon; an empty one if the file is missing (never an exception)."""
    path = icon_path(name)
    return QIcon(str(path)) if path.is_file() else QIcon()

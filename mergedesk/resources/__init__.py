"""Where the app's runtime files are: SVG icons and compiled translations (`.qm`).

They ship inside the package, so one lookup through importlib.resources finds them in a
checkout, an editable or a wheel install and a PyInstaller bundle alike, never via the
CWD. No Qt here: the UI turns these paths into icons and translators."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

# The reverse-DNS name the desktop knows us by: the .desktop file, the AppStream id, the
# hicolor icon name and Qt's desktopFileName (the Wayland app_id) must all be this.
APP_ID = "com.mergedesk.MergeDesk"


def _root() -> Path:
    # A real folder in every way we ship (no zipimport): PyInstaller unpacks package data
    # next to the executable, so a plain Path is safe to hand to Qt.
    return Path(str(resources.files(__name__)))


def icon_file(name: str) -> Path:
    """`icons/<name>.svg`; it may not exist (the caller decides what a missing icon means)."""
    return _root() / "icons" / f"{name}.svg"


def icon_names() -> list[str]:
    """Every icon shipped, by name (file name without `.svg`)."""
    return sorted(p.stem for p in (_root() / "icons").glob("*.svg"))


def translations_dir() -> Path:
    """The folder of compiled `mergedesk_<lang>.qm` files (built by `make qm`)."""
    return _root() / "translations"

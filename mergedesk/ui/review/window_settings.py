"""What the window remembers between runs, in QSettings: geometry, docks and toolbars,
splitter sizes, column widths and sort of its tables, the default-master rule. Never a
secret (those live in the keyring), and nothing about the data under review."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter

from mergedesk.core.master import MasterRule

RULE_KEY = "review/master_rule"
HOLD_KEY = "queue/hold_seconds"


@dataclass
class WindowLayout:
    """The widgets whose state is saved, by settings key."""

    window: QMainWindow
    splitters: dict[str, QSplitter]
    headers: dict[str, QHeaderView]


def restore(settings: QSettings, layout: WindowLayout) -> bool:
    """Put back what was saved; False when there was no saved geometry (first run)."""
    geometry = _bytes(settings.value("main_window/geometry"))
    if geometry is not None:
        layout.window.restoreGeometry(geometry)
    state = _bytes(settings.value("main_window/state"))
    if state is not None:
        layout.window.restoreState(state)
    for key, splitter in layout.splitters.items():
        value = _bytes(settings.value(f"splitters/{key}"))
        if value is not None:
            splitter.restoreState(value)
    for key, header in layout.headers.items():
        value = _bytes(settings.value(f"columns/{key}"))
        if value is not None:
            header.restoreState(value)
    return geometry is not None


def save(settings: QSettings, layout: WindowLayout) -> None:
    settings.setValue("main_window/geometry", layout.window.saveGeometry())
    settings.setValue("main_window/state", layout.window.saveState())
    for key, splitter in layout.splitters.items():
        settings.setValue(f"splitters/{key}", splitter.saveState())
    for key, header in layout.headers.items():
        settings.setValue(f"columns/{key}", header.saveState())
    settings.sync()


def master_rule(settings: QSettings) -> MasterRule:
    try:
        return MasterRule(str(settings.value(RULE_KEY, MasterRule.MOST_COMPLETE.value)))
    except ValueError:
        return MasterRule.MOST_COMPLETE


def hold_seconds(settings: QSettings, default: float = 3.0) -> float:
    """How long a submitted merge waits for a possible Ctrl+Z before it is sent."""
    try:
        return max(0.0, float(settings.value(HOLD_KEY, default)))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default


def _bytes(value: object) -> QByteArray | None:
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None

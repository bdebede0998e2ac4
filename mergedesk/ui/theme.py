"""Light or dark: the platform's own look, or Fusion with a dark QPalette when the
system is dark (or `--theme dark` / the saved choice says so). The icons' colours read
on both (see mergedesk/resources/icons/README.md), so a switch needs no restart."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

SETTING = "ui/theme"
SYSTEM, LIGHT, DARK = "system", "light", "dark"
THEMES = (SYSTEM, LIGHT, DARK)

_Role, _Group = QPalette.ColorRole, QPalette.ColorGroup
_DARK = {
    _Role.Window: "#2b2d30", _Role.WindowText: "#e6e6e6", _Role.Base: "#1f2023",
    _Role.AlternateBase: "#27292c", _Role.ToolTipBase: "#3a3d41", _Role.ToolTipText: "#f0f0f0",
    _Role.PlaceholderText: "#8c9096", _Role.Text: "#e6e6e6", _Role.Button: "#34373b",
    _Role.ButtonText: "#e6e6e6", _Role.BrightText: "#ff6b6b", _Role.Light: "#4a4d52",
    _Role.Midlight: "#3c3f43", _Role.Mid: "#2a2c2f", _Role.Dark: "#1a1b1d",
    _Role.Shadow: "#000000", _Role.Highlight: "#2f7fd8", _Role.HighlightedText: "#ffffff",
    _Role.Link: "#6aaeff", _Role.LinkVisited: "#b48cff",
}
_DARK_DISABLED = {_Role.WindowText: "#7b7f85", _Role.Text: "#7b7f85",
                  _Role.ButtonText: "#7b7f85", _Role.Highlight: "#3d4046"}


def chosen_theme(cli_choice: str | None, settings: QSettings) -> str:
    choice = cli_choice or str(settings.value(SETTING, SYSTEM))
    return choice if choice in THEMES else SYSTEM


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in _DARK.items():
        palette.setColor(role, QColor(colour))
    for role, colour in _DARK_DISABLED.items():
        palette.setColor(_Group.Disabled, role, QColor(colour))
    return palette


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


class ThemeManager:
    """Applies a theme and, on "system", follows the platform when it switches."""

    def __init__(self, app: QApplication):
        self._app = app
        # What the platform gave us, to return to from a forced theme.
        self._native_style = app.style().name()
        self._native_palette = QPalette(app.palette())
        self.theme = SYSTEM
        self.dark = False
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_color_scheme_changed)

    def apply(self, theme: str) -> bool:
        """Apply `theme`; returns whether the UI is now dark."""
        self.theme = theme if theme in THEMES else SYSTEM
        self.dark = self.theme == DARK or (self.theme == SYSTEM and system_is_dark())
        if self.dark:
            # Fusion paints everything from the palette; native styles (Windows, macOS)
            # may ignore parts of a custom one and leave light patches.
            self._set_style("fusion")
            self._app.setPalette(dark_palette())
        elif self.theme == LIGHT and system_is_dark():
            self._set_style("fusion")
            self._app.setPalette(self._app.style().standardPalette())
        else:
            self._set_style(self._native_style)
            self._app.setPalette(self._native_palette)
        return self.dark

    def _set_style(self, name: str) -> None:
        # Only on a change: setStyle re-polishes every widget there is.
        if self._app.style().name().lower() != name.lower():
            self._app.setStyle(name)

    def _on_color_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self.theme == SYSTEM:
            self.apply(SYSTEM)

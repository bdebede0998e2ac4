"""Light and dark: Fusion with the dark palette when asked (or when the system is dark),
and back to the platform's own look."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QPalette

from mergedesk.ui import theme


@pytest.fixture
def themes(qapp):
    manager = theme.ThemeManager(qapp)
    native = qapp.style().name()
    yield manager
    manager.apply(theme.LIGHT if theme.system_is_dark() else theme.SYSTEM)
    assert qapp.style().name() == native


def _window_lightness(qapp) -> int:
    return qapp.palette().color(QPalette.ColorRole.Window).lightness()


def test_dark_is_fusion_with_light_text_on_dark_windows(qapp, themes):
    assert themes.apply(theme.DARK) is True
    assert qapp.style().name().lower() == "fusion"
    assert _window_lightness(qapp) < 80
    assert qapp.palette().color(QPalette.ColorRole.WindowText).lightness() > 200


def test_system_follows_the_platform_and_returns_from_dark(qapp, themes, monkeypatch):
    themes.apply(theme.DARK)
    monkeypatch.setattr(theme, "system_is_dark", lambda: False)
    assert themes.apply(theme.SYSTEM) is False
    assert _window_lightness(qapp) > 150
    monkeypatch.setattr(theme, "system_is_dark", lambda: True)
    assert themes.apply(theme.SYSTEM) is True
    assert _window_lightness(qapp) < 80


@pytest.mark.parametrize(("cli", "saved", "expected"), [
    (None, None, theme.SYSTEM), (None, "dark", theme.DARK), ("light", "dark", theme.LIGHT),
    (None, "purple", theme.SYSTEM),
])
def test_cli_beats_the_saved_theme(tmp_path, cli, saved, expected):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    if saved:
        settings.setValue(theme.SETTING, saved)
    assert theme.chosen_theme(cli, settings) == expected

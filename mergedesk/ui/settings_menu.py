"""SettingsMenu: the language and the theme, each saved in QSettings and applied at once
(the widgets retranslate on LanguageChange; the palette repaints them), and the team
workspace opened at the next start (ui.dialogs.workspace_dialog)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from mergedesk.ui import i18n, theme
from mergedesk.ui.i18n import Translations
from mergedesk.ui.icons import icon
from mergedesk.ui.theme import ThemeManager


class SettingsMenu(QMenu):
    """Language and Theme submenus of radio choices; `--lang`/`--theme` start values."""

    def __init__(self, settings: QSettings, translations: Translations, themes: ThemeManager,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("settings")
        self._settings = settings
        self._translations = translations
        self._themes = themes
        self.language_menu = self.addMenu(icon("language"), "")
        self.theme_menu = self.addMenu(icon("theme"), "")
        self._languages = self._radio_group(
            self.language_menu, [i18n.SYSTEM, *i18n.available()], translations.language)
        self._themes_group = self._radio_group(self.theme_menu, list(theme.THEMES),
                                               themes.theme)
        self._languages.triggered.connect(self._on_languages_triggered)
        self._themes_group.triggered.connect(self._on_themes_group_triggered)
        self.addSeparator()
        self.workspace_action = self.addAction("")
        self.workspace_action.triggered.connect(self.show_workspace_dialog)
        self.retranslate()

    def _radio_group(self, menu: QMenu, choices: list[str], current: str) -> QActionGroup:
        group = QActionGroup(self)
        group.setExclusive(True)
        for choice in choices:
            action = QAction(group)
            action.setData(choice)
            action.setCheckable(True)
            action.setChecked(choice == current)
            menu.addAction(action)
        return group

    def retranslate(self) -> None:
        self.setTitle(self.tr("&Settings"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.theme_menu.setTitle(self.tr("&Theme"))
        self.workspace_action.setText(self.tr("Team &workspace…"))
        for action in self._languages.actions():
            code = action.data()
            # Each language in its own name (never translated): a reader lost in a
            # language they cannot read must still find their own.
            action.setText(self.tr("System language") if code == i18n.SYSTEM
                           else i18n.LANGUAGES[code])
        names = {theme.SYSTEM: self.tr("Like the system"), theme.LIGHT: self.tr("Light"),
                 theme.DARK: self.tr("Dark")}
        for action in self._themes_group.actions():
            action.setText(names[action.data()])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_languages_triggered(self, action: QAction) -> None:
        code = str(action.data())
        self._settings.setValue(i18n.SETTING, code)
        self._translations.apply(code)

    def _on_themes_group_triggered(self, action: QAction) -> None:
        choice = str(action.data())
        self._settings.setValue(theme.SETTING, choice)
        self._themes.apply(choice)

    def show_workspace_dialog(self) -> QWidget:
        from mergedesk.ui.dialogs.workspace_dialog import WorkspaceDialog

        dialog = WorkspaceDialog(self.parentWidget())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self._workspace_dialog = dialog  # without a parent window it must stay referenced
        return dialog

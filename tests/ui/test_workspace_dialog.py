"""Settings › Team workspace…: the URL and reviewer saved where Workspace.open() reads
them, the password in the keyring only, "Test connection" against the real PostgreSQL
test server (right and wrong password), and URLs that could leak or weaken security
refused before anything is saved."""

from __future__ import annotations

import json

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from mergedesk.services.secrets_store import KEYRING_SERVICE, KeyringStore
from mergedesk.services.workspace import SETTINGS_FILE, Workspace, data_dir, password_key
from mergedesk.ui import i18n
from mergedesk.ui.dialogs.workspace_dialog import WorkspaceDialog
from mergedesk.ui.settings_menu import SettingsMenu
from mergedesk.ui.theme import ThemeManager

TIMEOUT = 15_000


def fill(dialog: WorkspaceDialog, url: str, reviewer: str, password: str) -> None:
    dialog.url.setText(url)
    dialog.reviewer.setText(reviewer)
    dialog.password.setText(password)


def test_connection_is_tested_and_saved_for_the_next_start(qtbot, qloop, pg_server):
    url = pg_server.schema_url("dialog_ok")
    dialog = WorkspaceDialog()
    qtbot.addWidget(dialog)
    fill(dialog, url, "ana", "not-the-password")
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.outcome.text().startswith("Could not connect"),
                    timeout=TIMEOUT)
    assert "authentication failed" in dialog.outcome.text()
    assert "not-the-password" not in dialog.outcome.text()

    dialog.password.setText(pg_server.password)
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.outcome.text().startswith("Connected to PostgreSQL"),
                    timeout=TIMEOUT)
    assert "next time MergeDesk starts" in dialog._note.text()

    assert dialog.save() and dialog.result() == WorkspaceDialog.DialogCode.Accepted
    written = (data_dir() / SETTINGS_FILE).read_text()
    assert json.loads(written) == {"url": url, "reviewer": "ana"}
    assert pg_server.password not in written
    assert KeyringStore(KEYRING_SERVICE).get(password_key(url)) == pg_server.password
    workspace = Workspace.open()  # the next start
    try:
        assert workspace.shared and workspace.db.actor == "ana"
    finally:
        workspace.close()

    again = WorkspaceDialog()  # reopened: the saved values, never the password
    qtbot.addWidget(again)
    assert again.url.text() == url and again.reviewer.text() == "ana"
    assert again.password.text() == ""
    again.test_button.click()  # the keyring's password is used
    qtbot.waitUntil(lambda: again.outcome.text().startswith("Connected"), timeout=TIMEOUT)


def test_unsafe_urls_are_refused_and_an_empty_url_means_this_workstation(qtbot, qloop):
    dialog = WorkspaceDialog()
    qtbot.addWidget(dialog)
    fill(dialog, "postgresql://ana:secret@127.0.0.1:1/w", "ana", "")
    assert not dialog.save()
    assert "must not hold a password" in dialog.outcome.text()
    fill(dialog, "postgresql://ana@db.example.com/w?sslmode=require", "ana", "")
    assert not dialog.save()
    fill(dialog, "mysql://ana@127.0.0.1/w", "ana", "")
    assert not dialog.save() and "postgresql://" in dialog.outcome.text()
    fill(dialog, "postgresql://ana@127.0.0.1:1/w", "", "")
    assert not dialog.save() and "reviewer name" in dialog.outcome.text()
    assert not (data_dir() / SETTINGS_FILE).exists()

    fill(dialog, "", "ana", "")
    assert dialog.save()
    assert json.loads((data_dir() / SETTINGS_FILE).read_text()) == {"reviewer": "ana"}
    workspace = Workspace.open()
    try:
        assert not workspace.shared
    finally:
        workspace.close()


def test_the_settings_menu_opens_it(qtbot, qapp, qloop, tmp_path):
    settings = QSettings(str(tmp_path / "menu.ini"), QSettings.Format.IniFormat)
    window = QWidget()
    qtbot.addWidget(window)
    menu = SettingsMenu(settings, i18n.Translations(qapp), ThemeManager(qapp), window)
    assert menu.workspace_action.text() == "Team &workspace…"
    menu.workspace_action.trigger()
    dialog = window.findChild(WorkspaceDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Team workspace"
    dialog.reject()

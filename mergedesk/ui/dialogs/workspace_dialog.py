"""WorkspaceDialog (Settings › Team workspace…): the shared PostgreSQL workspace this
workstation opens at its next start. The URL (never with a password) and the reviewer's
name go to the data folder's workspace.json, where Workspace.open() reads them; the
password goes to the keyring (save_workspace_password). "Test connection" signs in once
on a worker thread (no schema change, the window stays responsive). An empty URL means
this workstation's own store again."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mergedesk.services.secrets_store import KEYRING_SERVICE, KeyringStore, SecretStore
from mergedesk.services.workspace import (
    SETTINGS_FILE,
    data_dir,
    password_key,
    save_workspace_password,
    workspace_settings,
)
from mergedesk.store.backend import is_url
from mergedesk.store.database import default_actor


class WorkspaceDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, *, folder: Path | None = None,
                 secrets: SecretStore | None = None):
        super().__init__(parent)
        self.setObjectName("workspace-dialog")
        self._folder = folder or data_dir()
        self._secrets = secrets or KeyringStore(KEYRING_SERVICE)
        self._test: asyncio.Task[None] | None = None
        saved = workspace_settings(self._folder)
        self.url = QLineEdit(saved.get("url", ""), self)
        self.reviewer = QLineEdit(saved.get("reviewer", "") or default_actor(), self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.test_button = QPushButton(self)
        self.test_button.clicked.connect(self._on_test_button_clicked)
        self.outcome = QLabel(self)
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._note = QLabel(self)
        self._note.setWordWrap(True)
        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                         | QDialogButtonBox.StandardButton.Cancel, self)
        self._buttons.accepted.connect(self.save)
        self._buttons.rejected.connect(self.reject)
        self._labels = [QLabel(self) for _ in range(3)]
        form = QFormLayout()
        for label, field in zip(self._labels, (self.url, self.reviewer, self.password),
                                strict=True):
            label.setBuddy(field)
            form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.outcome)
        layout.addWidget(self._note)
        layout.addWidget(self._buttons)
        self.setMinimumWidth(560)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Team workspace"))
        labels = (self.tr("PostgreSQL &URL:"), self.tr("&Reviewer name:"),
                  self.tr("&Password:"))
        for label, text in zip(self._labels, labels, strict=True):
            label.setText(text)
        self.url.setPlaceholderText("postgresql://ana@db.example.com:5432/mergedesk")
        self.reviewer.setPlaceholderText(self.tr("The name on your decisions and merges"))
        self.password.setPlaceholderText(self.tr("Leave empty to keep the saved password"))
        self.test_button.setText(self.tr("&Test connection"))
        self._note.setText(self.tr(
            "No password in the URL: it is kept in the system keyring. Leave the URL "
            "empty to work on this workstation's own store. Changes take effect the next "
            "time MergeDesk starts."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # Checking and saving
    def problem(self) -> str:
        """Why the entries cannot be saved or tried; "" when they can."""
        url = self.url.text().strip()
        if not url:
            return ""
        if not is_url(url):
            return self.tr("The URL must start with postgresql://.")
        from mergedesk.store.postgres import WorkspaceUrlError, connection_params

        try:
            connection_params(url)
        except WorkspaceUrlError:
            return self.tr("The URL must not hold a password, and a server on another "
                           "machine must be verified (sslmode=verify-full).")
        if not self.reviewer.text().strip():
            return self.tr("Enter the reviewer name your team will see.")
        return ""

    def save(self) -> bool:
        """Write the settings where Workspace.open() reads them, and the password to
        the keyring; False (and why, in the dialog) when they cannot be saved."""
        problem = self.problem()
        if problem:
            self._show(problem, ok=False)
            return False
        url, reviewer = self.url.text().strip(), self.reviewer.text().strip()
        path = self._folder / SETTINGS_FILE
        saved = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        saved.update({"url": url, "reviewer": reviewer})
        if not url:
            saved.pop("url")
        self._folder.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(saved, indent=2), encoding="utf-8")
        if url and self.password.text():
            save_workspace_password(url, self.password.text(), self._secrets)
        self.accept()
        return True

    # Test connection
    def _on_test_button_clicked(self) -> None:
        problem = self.problem() or (self.tr("Enter the workspace URL first.")
                                     if not self.url.text().strip() else "")
        if problem:
            self._show(problem, ok=False)
            return
        if self._test is not None and not self._test.done():
            return
        self.test_button.setEnabled(False)
        self._show(self.tr("Connecting…"), ok=True)
        password = self.password.text() or self._secrets.get(
            password_key(self.url.text().strip()))
        self._test = asyncio.get_event_loop().create_task(
            self._try(self.url.text().strip(), password))

    async def _try(self, url: str, password: str | None) -> None:
        try:
            server = await asyncio.get_running_loop().run_in_executor(
                None, _server_version, url, password)
        except Exception as exc:  # psycopg's message names the cause, never the password
            self._show(self.tr("Could not connect: {error}").format(
                error=str(exc).strip().splitlines()[0] if str(exc).strip() else
                type(exc).__name__), ok=False)
        else:
            self._show(self.tr("Connected to {server}.").format(server=server), ok=True)
        finally:
            self.test_button.setEnabled(True)

    def _show(self, text: str, *, ok: bool) -> None:
        self.outcome.setText(text)
        self.outcome.setProperty("ok", ok)

    def done(self, code: int) -> None:
        if self._test is not None and not self._test.done():
            self._test.cancel()
        super().done(code)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._test is not None and not self._test.done():
            self._test.cancel()
        super().closeEvent(event)


def _server_version(url: str, password: str | None) -> str:
    """Sign in once, as the workspace would (TLS policy included), and say what answered."""
    from mergedesk.store.postgres import connect

    with connect(url, password) as conn:
        row = conn.execute("SHOW server_version").fetchone()
    return f"PostgreSQL {row[0]}" if row else "PostgreSQL"

"""ConnectionManager: the window's CRM connections — the toolbar selector, the
connection dialog for a new or the current connection, saving (settings to QSettings,
secrets to the keyring) and opening a saved one. It closes the providers it opened."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QWidget

from mergedesk.providers import registry
from mergedesk.ui.connect.opener import open_profile
from mergedesk.ui.connect.profiles import DEMO, ConnectionProfile, ProfileStore
from mergedesk.ui.connection import Connection
from mergedesk.ui.dialogs.awaitable import result_of
from mergedesk.ui.review.connection_selector import ConnectionSelector
from mergedesk.ui.tasks import TaskRunner


class ConnectionManager(QObject):
    opened = Signal(object)  # Connection, ready to review
    failed = Signal(str, object)  # what was being opened, the exception
    deferred = Signal(str)  # a saved connection that opens at the next start (demo)

    def __init__(self, settings: QSettings, tasks: TaskRunner, window: QWidget,
                 demo: bool = False):
        super().__init__(window)
        # The demo's journal lives in a throwaway folder: a real CRM is never merged from
        # it. Saved connections open at the next start, with the real journal.
        self.demo = demo
        self.profiles = ProfileStore(settings)
        self.selector = ConnectionSelector(window)
        self._tasks = tasks
        self._window = window
        self._current: Connection | None = None
        self._owned: set[int] = set()  # ids of connections whose provider we close
        self.selector.set_profiles(self.profiles.profiles())
        self.selector.profile_chosen.connect(self.open)
        self.selector.new_requested.connect(self.new)
        self.selector.edit_requested.connect(self.edit)

    def adopt(self, connection: Connection) -> Connection | None:
        """`connection` is the one under review now; returns the previous one if this
        manager opened it (the caller closes it once nothing uses it any more)."""
        previous, self._current = self._current, connection
        self.selector.set_current(connection.label or connection.crm)
        is_profile = self.profiles.get(connection.label) is not None
        self.profiles.set_last(connection.label if is_profile else DEMO)
        if previous is not None and id(previous) in self._owned:
            self._owned.discard(id(previous))
            return previous
        return None

    def open(self, name: str) -> None:
        profile = self.profiles.get(name)
        if profile is not None:
            self._tasks.start("connect", self._open(profile))

    async def open_saved(self, name: str) -> bool:
        """Open a saved connection now (at start-up); False if it failed (said)."""
        profile = self.profiles.get(name)
        return profile is not None and await self._open(profile)

    async def _open(self, profile: ConnectionProfile) -> bool:
        if self.demo:
            self.profiles.set_last(profile.name)
            self.deferred.emit(profile.name)
            return False
        try:
            connection = await open_profile(profile)
        except Exception as exc:  # the window says why; the old connection stays
            self.failed.emit(profile.name, exc)
            return False
        self._owned.add(id(connection))
        self.opened.emit(connection)
        return True

    def new(self) -> None:
        self._tasks.start("connection-dialog", self._dialog(None))

    def edit(self) -> None:
        profile = self.profiles.get(self._current.label) if self._current else None
        self._tasks.start("connection-dialog", self._dialog(profile))

    async def _dialog(self, profile: ConnectionProfile | None) -> None:
        # Loaded on first use: the dialog's forms pull in httpx, the keyring the
        # cryptography package; neither is needed before the window shows.
        from mergedesk.services import credentials
        from mergedesk.ui.connect.connect_dialog import ConnectDialog

        stored: frozenset[str] = frozenset()
        if profile is not None:
            spec = registry.spec(profile.provider)
            found = await asyncio.to_thread(credentials.load, spec, profile.name)
            stored = frozenset(found)
        dialog = ConnectDialog(self._tasks, profile, stored, self._window)
        if not await result_of(dialog):
            return
        saved = dialog.profile()
        try:
            # The keyring (a desktop service) may answer slowly: never on the GUI thread.
            await asyncio.to_thread(credentials.save, saved.name, dialog.secrets())
        except Exception as exc:
            self.failed.emit(saved.name, exc)
            return
        if profile is not None and profile.name != saved.name:
            self.profiles.remove(profile.name)
        self.profiles.save(saved)
        self.selector.set_profiles(self.profiles.profiles())
        await self._open(saved)

    async def close_owned(self) -> None:
        """On quitting: close the provider of the connection opened here."""
        if self._current is not None and id(self._current) in self._owned:
            self._owned.discard(id(self._current))
            await self._current.provider.aclose()

"""Shared test set-up: Qt offscreen, a private data folder, an in-memory keyring, and
no network beyond loopback."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
import keyring.backend
import pytest


class MemoryKeyring(keyring.backend.KeyringBackend):
    """The OS keyring stand-in for tests: real keyring API, nothing leaves the process."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    """Every test gets its own MergeDesk data folder and keyring."""
    monkeypatch.setenv("MERGEDESK_HOME", str(tmp_path / "mergedesk-home"))
    for name in list(os.environ):
        if name.startswith("MERGEDESK_") and name != "MERGEDESK_HOME":
            monkeypatch.delenv(name)
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)

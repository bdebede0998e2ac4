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


@pytest.fixture(scope="session")
def pg_server():
    """A real PostgreSQL server for the session (tests/store/pg_server.py), on a free
    127.0.0.1 port with its data in a temp folder; stopped at the end."""
    from tests.store.pg_server import PgServer

    server = PgServer().start()
    yield server
    server.stop()


class Served:
    """A fake CRM served on 127.0.0.1: `fake` for state and faults, `server` for URLs."""

    def __init__(self, fake, server):
        self.fake = fake
        self.server = server
        self.base_url = server.base_url
        self.credentials = server.credentials

    def settings(self, provider: str):
        from mergedesk.providers.base import ConnectionSettings
        from mergedesk.providers.registry import spec

        names = spec(provider).credential_names
        creds = {n: self.credentials[spec(provider).env_var(n)] for n in names
                 if spec(provider).env_var(n) in self.credentials}
        return ConnectionSettings(provider=provider, base_url=self.base_url, credentials=creds)


def serve(provider: str, **options):
    from mergedesk.sandbox import SANDBOXES, SandboxServer

    fake = SANDBOXES[provider](**options)
    server = SandboxServer.for_fake(fake).start()
    return Served(fake, server)


@pytest.fixture
def chatwoot_sandbox():
    """A seeded Chatwoot fake with planted duplicates, over real loopback HTTP."""
    served = serve("chatwoot", seed=7, records=120)
    yield served
    served.server.stop()

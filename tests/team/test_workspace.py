"""Opening the team workspace the way the app does: the URL from the environment or the
settings file, the password from the keyring (never the URL), the reviewer's name on
every journal entry; the data folder's SQLite store otherwise."""

from __future__ import annotations

import json

import pytest

from mergedesk.services.workspace import (
    SETTINGS_FILE,
    Workspace,
    data_dir,
    save_workspace_password,
)
from mergedesk.store.postgres import WorkspaceUrlError


def test_the_configured_url_opens_postgres_with_the_keyrings_password(pg_server, monkeypatch):
    url = pg_server.schema_url("ws_env")
    save_workspace_password(url, pg_server.password)
    monkeypatch.setenv("MERGEDESK_WORKSPACE_URL", url)
    monkeypatch.setenv("MERGEDESK_REVIEWER", "ana")
    workspace = Workspace.open()
    assert workspace.shared and workspace.db.actor == "ana"
    assert workspace.team.claim_next_group("c", "ana") is None
    workspace.close()


def test_the_settings_file_names_the_workspace_and_a_wrong_password_fails(pg_server):
    url = pg_server.schema_url("ws_file")
    data_dir().mkdir(parents=True, exist_ok=True)
    (data_dir() / SETTINGS_FILE).write_text(json.dumps({"url": url, "reviewer": "ben"}))
    save_workspace_password(url, "not-the-password")
    with pytest.raises(Exception, match="authentication failed") as failed:
        Workspace.open()
    assert "not-the-password" not in str(failed.value)
    save_workspace_password(url, pg_server.password)
    workspace = Workspace.open()
    assert workspace.db.actor == "ben" and workspace.shared
    workspace.close()


def test_a_password_in_the_url_is_refused_and_a_folder_stays_local(tmp_path, monkeypatch):
    with pytest.raises(WorkspaceUrlError):
        Workspace.open(url="postgresql://a:secret@127.0.0.1:1/w")
    monkeypatch.setenv("MERGEDESK_WORKSPACE_URL", "postgresql://a@127.0.0.1:1/w")
    local = Workspace.open(tmp_path / "demo")  # demo mode and tests: always SQLite
    assert not local.shared and local.db.dialect == "sqlite"
    local.close()


def test_the_urls_sslmode_is_honoured_end_to_end(pg_server, tmp_path):
    from mergedesk.store.backend import open_database
    from tests.store.pg_tls import write_ca

    base = pg_server.schema_url("tls")

    def encrypted(query: str) -> bool:
        db = open_database(f"{base}&{query}", password=pg_server.password)
        try:
            row = db.conn.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
            return bool(row.fetchone()[0])
        finally:
            db.close()

    assert encrypted(f"sslmode=verify-full&sslrootcert={pg_server.ca_file}")
    assert not encrypted("sslmode=disable")
    stranger = write_ca(tmp_path / "other-ca.crt", "Some other CA")
    with pytest.raises(Exception, match="certificate verify failed"):
        encrypted(f"sslmode=verify-full&sslrootcert={stranger}")

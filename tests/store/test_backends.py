"""Both backends: the same schema version, the team columns, and the interface the
store modules use (placeholders, RETURNING, upserts) behaving alike."""

from __future__ import annotations

import pytest

from mergedesk.store.database import MIGRATIONS
from mergedesk.store.pg_schema import PG_MIGRATIONS
from mergedesk.store.postgres import WorkspaceUrlError, connection_params


def test_both_backends_have_the_same_schema_versions():
    assert len(PG_MIGRATIONS) == len(MIGRATIONS)


def test_a_new_store_is_at_the_latest_version_and_reopens(open_store):
    db = open_store("s")
    assert db.schema_version() == len(MIGRATIONS)
    db.close()
    assert open_store("s").schema_version() == len(MIGRATIONS)


def test_actor_defaults_to_the_os_user(open_store):
    import getpass

    assert open_store("s").actor == getpass.getuser()
    assert open_store("s", actor="ana").actor == "ana"


def test_a_remote_workspace_must_verify_tls_and_keep_its_password_out_of_the_url():
    assert connection_params("postgresql://a@db.example.com/w")["sslmode"] == "verify-full"
    assert connection_params("postgresql://a@db.example.com/w?sslmode=verify-ca")[
        "sslmode"] == "verify-ca"
    assert "sslmode" not in connection_params("postgresql://a@127.0.0.1:5/w")
    with pytest.raises(WorkspaceUrlError, match="sslmode=require"):
        connection_params("postgresql://a@db.example.com/w?sslmode=require")
    with pytest.raises(WorkspaceUrlError, match="keyring") as raised:
        connection_params("postgresql://a:hunter2@db.example.com/w")
    assert "hunter2" not in str(raised.value)


def test_an_interrupted_ordering_raises_what_sqlite_raises(open_store):
    import sqlite3
    import threading

    from mergedesk.store.group_query import GroupReader

    reader = GroupReader(open_store("s"))
    slow = ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
            "WHERE i < 100000000) SELECT count(*) FROM n")
    timer = threading.Timer(0.3, reader.interrupt)
    timer.start()
    with pytest.raises(sqlite3.OperationalError):
        reader._conn.execute(slow).fetchall()
    timer.join()
    reader.close()

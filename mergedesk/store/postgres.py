"""The shared team workspace on PostgreSQL (psycopg 3), behind the same interface as the
embedded SQLite Database: `lock`, `conn.execute/executemany` with `?` placeholders,
`transaction()`, `reader()`, `actor`, `dialect`, `now_sql`. No Qt.

The password never travels in the URL (settings hold the URL): the caller passes it from
the keyring. TLS: the URL's sslmode is honoured; a server that is not on this machine
gets verify-full against the system's trust store unless the URL asks for verification
itself, and an unverified mode (disable, allow, prefer, require) is refused for it."""

from __future__ import annotations

import sqlite3
import threading
from functools import lru_cache
from typing import Any

import psycopg
from psycopg import conninfo

from mergedesk.store.database import default_actor
from mergedesk.store.pg_schema import PG_MIGRATIONS

_LOOPBACK = {"127.0.0.1", "::1", "localhost"}
_VERIFIED = {"verify-full", "verify-ca"}
_MIGRATION_LOCK = 0x4D44_0001  # advisory lock: two workstations opening a new workspace


class QueryInterrupted(sqlite3.OperationalError):
    """A query stopped by interrupt(): the exception SQLite raises then, so that callers
    (the group list replacing a long ordering) handle both backends alike."""


class WorkspaceUrlError(ValueError):
    """The workspace URL is malformed or would weaken security (named in the message,
    never echoing a password)."""


def connection_params(url: str) -> dict[str, str]:
    """libpq parameters of `url` with the TLS policy applied (see the module docstring)."""
    try:
        params = conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError as exc:
        raise WorkspaceUrlError("the workspace URL is not a valid PostgreSQL URL") from exc
    if "password" in params:
        raise WorkspaceUrlError("the workspace URL must not hold a password: MergeDesk "
                                "keeps it in the keyring")
    hosts = {h for h in str(params.get("host", "")).split(",") if h} or {"127.0.0.1"}
    if not hosts <= _LOOPBACK:
        mode = params.get("sslmode")
        if mode is None:
            params["sslmode"] = "verify-full"
            params.setdefault("sslrootcert", "system")
        elif mode not in _VERIFIED:
            raise WorkspaceUrlError(f"sslmode={mode} does not verify the server: use "
                                    "verify-full for a workspace on another machine")
    params.setdefault("application_name", "mergedesk")
    params.setdefault("connect_timeout", "10")
    return {k: str(v) for k, v in params.items()}


def connect(url: str, password: str | None) -> psycopg.Connection:
    params = connection_params(url)
    if password is not None:
        params["password"] = password
    return psycopg.connect(conninfo.make_conninfo(**params), autocommit=True)


@lru_cache(maxsize=512)
def _pg_sql(sql: str) -> str:
    """The store's SQL with psycopg's placeholders (no store query has a literal `?` or
    `%`; a `%` is escaped all the same)."""
    return sql.replace("%", "%%").replace("?", "%s")


class PgConnection:
    """A psycopg connection answering the sqlite3 calls the store makes."""

    def __init__(self, raw: psycopg.Connection):
        self.raw = raw

    def execute(self, sql: str, params: Any = ()) -> psycopg.Cursor:
        try:
            return self.raw.execute(_pg_sql(sql), tuple(params))
        except psycopg.errors.QueryCanceled as exc:
            raise QueryInterrupted("interrupted") from exc

    def executemany(self, sql: str, rows: Any) -> psycopg.Cursor:
        cursor = self.raw.cursor()
        cursor.executemany(_pg_sql(sql), [tuple(r) for r in rows])
        return cursor

    def interrupt(self) -> None:
        """Cancel the running query from another thread (it raises QueryInterrupted)."""
        self.raw.cancel_safe()

    def close(self) -> None:
        self.raw.close()


class PostgresDatabase:
    """One workspace database shared by a team. A lock serialises this process's
    threads on its connection, as the SQLite Database does."""

    dialect = "postgres"
    # Leases compare against the server's clock, never a workstation's.
    now_sql = "extract(epoch from statement_timestamp())::float8"

    def __init__(self, url: str, *, actor: str | None = None, password: str | None = None):
        self.url = url
        self.actor = actor or default_actor()
        self._password = password
        self.lock = threading.RLock()
        self.conn = PgConnection(connect(url, password))
        self._migrate()

    def _migrate(self) -> None:
        raw = self.conn.raw
        with self.lock, raw.transaction():
            raw.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            raw.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            version = self._version()
            for number, script in enumerate(PG_MIGRATIONS[version:], start=version + 1):
                raw.execute(script)
                raw.execute("DELETE FROM schema_version")
                raw.execute("INSERT INTO schema_version VALUES (%s)", (number,))

    def _version(self) -> int:
        row = self.conn.raw.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0] or 0) if row else 0

    def schema_version(self) -> int:
        with self.lock:
            return self._version()

    def transaction(self) -> _PgTransaction:
        return _PgTransaction(self)

    def reader(self) -> tuple[PgConnection, bool]:
        """A connection of its own for the group list (read committed, autocommit)."""
        return PgConnection(connect(self.url, self._password)), False

    def close(self) -> None:
        with self.lock:
            self.conn.close()


class _PgTransaction:
    def __init__(self, db: PostgresDatabase):
        self._db = db
        self._tx: Any = None

    def __enter__(self) -> PgConnection:
        self._db.lock.acquire()
        try:
            self._tx = self._db.conn.raw.transaction()
            self._tx.__enter__()
        except BaseException:
            self._db.lock.release()
            raise
        return self._db.conn

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            self._tx.__exit__(exc_type, exc, tb)
        finally:
            self._db.lock.release()

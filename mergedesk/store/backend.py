"""The one interface of workspace storage, and opening either backend by location: a
file path for the embedded SQLite store, a postgresql:// URL for a shared team
workspace. Store classes (RecordCache, GroupStore, MergeJournal, RestoreJournal,
GroupReader, TeamReview, audit) take either. No Qt."""

from __future__ import annotations

import threading
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol

from mergedesk.store.database import Database

URL_SCHEMES = ("postgresql://", "postgres://")


class StoreDatabase(Protocol):
    """What the store modules use of a backend."""

    dialect: str  # "sqlite" or "postgres": the few statements that differ branch on it
    now_sql: str  # epoch seconds by the store's clock, as an SQL expression
    actor: str  # who journal entries written through this handle name
    lock: threading.RLock
    conn: Any  # .execute(sql, params) / .executemany with `?` placeholders

    def transaction(self) -> AbstractContextManager[Any]: ...

    def reader(self) -> tuple[Any, bool]: ...

    def schema_version(self) -> int: ...

    def close(self) -> None: ...


def is_url(location: str | Path) -> bool:
    return str(location).startswith(URL_SCHEMES)


def open_database(location: str | Path, *, actor: str | None = None,
                  password: str | None = None) -> Database:
    """The store at `location`, migrated to the current schema. `password` (PostgreSQL
    only) comes from the keyring, never from the URL. Raises
    store.postgres.WorkspaceUrlError for a URL that is malformed or unverified TLS."""
    if is_url(location):
        from mergedesk.store.postgres import PostgresDatabase  # psycopg only when used

        return PostgresDatabase(str(location), actor=actor, password=password)  # type: ignore[return-value]
    return Database(location, actor=actor)

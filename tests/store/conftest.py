"""Store tests run on both backends: `open_store(name)` opens (or reopens) a store named
`name` on the embedded SQLite file or on a fresh schema of the session's PostgreSQL
server (tests/conftest.py pg_server)."""

from __future__ import annotations

import itertools

import pytest

from mergedesk.store.backend import open_database

_schemas = itertools.count()


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request) -> str:
    return request.param


@pytest.fixture
def open_store(backend, tmp_path, request):
    """A function name -> Database; the same name reopens the same store."""
    opened = []
    locations: dict[str, str] = {}

    def location(name: str) -> str:
        if name not in locations:
            if backend == "sqlite":
                locations[name] = str(tmp_path / f"{name}.sqlite3")
            else:
                server = request.getfixturevalue("pg_server")
                locations[name] = server.schema_url(f"t{next(_schemas)}_{name}")
        return locations[name]

    def open_(name: str = "store", actor: str | None = None):
        password = request.getfixturevalue("pg_server").password if backend == "postgres" \
            else None
        db = open_database(location(name), actor=actor, password=password)
        opened.append(db)
        return db

    yield open_
    for db in opened:
        db.close()

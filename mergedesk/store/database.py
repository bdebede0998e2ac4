"""Opening the SQLite database with the settings the journal's safety depends on, and
applying the versioned schema. No Qt."""

from __future__ import annotations

import getpass
import sqlite3
import threading
from pathlib import Path

MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE records (
        conn TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL, scanned_at TEXT NOT NULL,
        PRIMARY KEY (conn, id)
    );
    CREATE TABLE groups (
        conn TEXT NOT NULL, id TEXT NOT NULL, score REAL NOT NULL, size INTEGER NOT NULL,
        records TEXT NOT NULL, evidence TEXT NOT NULL, search TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'open',
        PRIMARY KEY (conn, id)
    );
    CREATE INDEX groups_by_score ON groups (conn, score DESC);
    CREATE TABLE not_duplicates (
        conn TEXT NOT NULL, a TEXT NOT NULL, b TEXT NOT NULL, decided_at TEXT NOT NULL,
        PRIMARY KEY (conn, a, b)
    );
    CREATE TABLE merges (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        conn TEXT NOT NULL, provider TEXT NOT NULL, base_url TEXT NOT NULL,
        entity TEXT NOT NULL, group_id TEXT NOT NULL, master TEXT NOT NULL,
        others TEXT NOT NULL, plan TEXT NOT NULL, targets TEXT NOT NULL,
        status TEXT NOT NULL, message TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL, finished_at TEXT
    );
    CREATE INDEX merges_by_group ON merges (conn, group_id);
    CREATE INDEX merges_by_status ON merges (status);
    CREATE TABLE snapshots (
        merge_id INTEGER NOT NULL REFERENCES merges (id),
        record_id TEXT NOT NULL, data TEXT NOT NULL,
        PRIMARY KEY (merge_id, record_id)
    );
    CREATE TABLE steps (
        merge_id INTEGER NOT NULL REFERENCES merges (id),
        idx INTEGER NOT NULL, kind TEXT NOT NULL, request TEXT NOT NULL,
        state TEXT NOT NULL, idempotency_key TEXT, job_id TEXT,
        response TEXT, error TEXT, updated_at TEXT NOT NULL,
        PRIMARY KEY (merge_id, idx)
    );
    """,
    # 2: the survivor as verification read it (history's "after"), and restores, each
    # action journalled before its call exactly like merge steps.
    """
    ALTER TABLE merges ADD COLUMN after TEXT;
    CREATE INDEX merges_by_created ON merges (created_at);
    CREATE TABLE restores (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        merge_id INTEGER NOT NULL REFERENCES merges (id),
        status TEXT NOT NULL, message TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL, finished_at TEXT
    );
    CREATE INDEX restores_by_merge ON restores (merge_id);
    CREATE TABLE restore_actions (
        restore_id INTEGER NOT NULL REFERENCES restores (id),
        idx INTEGER NOT NULL, kind TEXT NOT NULL, record_id TEXT NOT NULL,
        request TEXT NOT NULL, state TEXT NOT NULL, new_id TEXT, error TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (restore_id, idx)
    );
    """,
    # 3: the group list over a million groups. A title to show without reading records;
    # counts by status kept by triggers, so painting never waits for COUNT(*); covering
    # indexes per sort order (with status, for the status filter) replace groups_by_score.
    """
    ALTER TABLE groups ADD COLUMN title TEXT NOT NULL DEFAULT '';
    DROP INDEX groups_by_score;
    CREATE INDEX groups_by_score_id ON groups (conn, score DESC, id, status);
    CREATE INDEX groups_by_size ON groups (conn, size DESC, score DESC, id, status);
    CREATE TABLE group_counts (
        conn TEXT NOT NULL, status TEXT NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (conn, status)
    );
    INSERT INTO group_counts SELECT conn, status, count(*) FROM groups GROUP BY conn, status;
    CREATE TRIGGER groups_counted_insert AFTER INSERT ON groups BEGIN
        INSERT INTO group_counts VALUES (new.conn, new.status, 1)
            ON CONFLICT (conn, status) DO UPDATE SET n = n + 1;
    END;
    CREATE TRIGGER groups_counted_delete AFTER DELETE ON groups BEGIN
        UPDATE group_counts SET n = n - 1 WHERE conn = old.conn AND status = old.status;
    END;
    CREATE TRIGGER groups_counted_status AFTER UPDATE OF status ON groups
        WHEN old.status IS NOT new.status BEGIN
        UPDATE group_counts SET n = n - 1 WHERE conn = old.conn AND status = old.status;
        INSERT INTO group_counts VALUES (new.conn, new.status, 1)
            ON CONFLICT (conn, status) DO UPDATE SET n = n + 1;
    END;
    """,
    # 4: groups still without a title, found without scanning a million titled ones.
    """
    CREATE INDEX groups_untitled ON groups (conn) WHERE title = '';
    """,
    # 5: the scan that last found a group, so a re-scan can write in short transactions
    # (upsert, then drop what it did not find) instead of one that locks out the journal.
    """
    ALTER TABLE groups ADD COLUMN seen TEXT NOT NULL DEFAULT '';
    """,
    # 6: team review (store.claims): who did each journal entry (`actor`), every review
    # decision journalled, group leases, record claims whose primary key keeps two
    # reviewers off the same records, and per-actor change counters for live refresh.
    # Rows written before this version have actor ''.
    """
    ALTER TABLE merges ADD COLUMN actor TEXT NOT NULL DEFAULT '';
    ALTER TABLE restores ADD COLUMN actor TEXT NOT NULL DEFAULT '';
    ALTER TABLE not_duplicates ADD COLUMN actor TEXT NOT NULL DEFAULT '';
    ALTER TABLE groups ADD COLUMN claimed_by TEXT;
    ALTER TABLE groups ADD COLUMN lease_until REAL;
    CREATE INDEX groups_claimable ON groups (conn, score DESC, id) WHERE status = 'open';
    CREATE TABLE decisions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        conn TEXT NOT NULL, group_id TEXT NOT NULL, status TEXT NOT NULL,
        actor TEXT NOT NULL, decided_at TEXT NOT NULL
    );
    CREATE INDEX decisions_by_group ON decisions (conn, group_id);
    CREATE TABLE record_claims (
        conn TEXT NOT NULL, record_id TEXT NOT NULL, group_id TEXT NOT NULL,
        reviewer TEXT NOT NULL, lease_until REAL, merge_id INTEGER REFERENCES merges (id),
        PRIMARY KEY (conn, record_id)
    );
    CREATE INDEX record_claims_by_group ON record_claims (conn, group_id);
    CREATE INDEX record_claims_by_merge ON record_claims (merge_id);
    CREATE TABLE changes (
        conn TEXT NOT NULL, actor TEXT NOT NULL, version INTEGER NOT NULL,
        PRIMARY KEY (conn, actor)
    );
    """,
    # 7: PostgreSQL claims the next group in one server-side call (pg_schema); SQLite,
    # one writer at a time, keeps doing it in Python (store.claims).
    """
    SELECT 1;
    """,
)

# Seconds since the epoch in SQL, so that leases compare against one clock per store.
SQLITE_NOW = "((julianday('now') - 2440587.5) * 86400.0)"


def default_actor() -> str:
    """Who journal entries name when nobody signed in: the OS user."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (containers) and no LOGNAME
        return "unknown"


class Database:
    """One SQLite file. A lock serialises writers from the GUI and executor threads.

    The embedded backend of the store interface (store.backend.StoreDatabase); `actor`
    is who this workstation's journal entries name."""

    dialect = "sqlite"
    now_sql = SQLITE_NOW

    def __init__(self, path: Path | str, *, actor: str | None = None):
        self.path = Path(path)
        self.actor = actor or default_actor()
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.lock = threading.RLock()
        self.conn = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self.conn.execute("PRAGMA journal_mode=WAL")
        # FULL: a journal row that says "sent" must survive a power cut.
        self.conn.execute("PRAGMA synchronous=FULL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.conn.execute("PRAGMA busy_timeout=10000")
        self._migrate()

    def _migrate(self) -> None:
        with self.lock:
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
            for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
                self.conn.executescript(f"BEGIN; {script}; PRAGMA user_version={number}; COMMIT;")

    def transaction(self) -> _Transaction:
        return _Transaction(self)

    def schema_version(self) -> int:
        with self.lock:
            return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def reader(self) -> tuple[sqlite3.Connection, bool]:
        """A read-only connection of its own for the group list (WAL: it reads while a
        scan writes), and whether it is shared with the store (:memory: cannot be opened
        twice)."""
        if str(self.path) == ":memory:":
            return self.conn, True
        conn = sqlite3.connect(str(self.path), check_same_thread=False, isolation_level=None)
        conn.execute("PRAGMA busy_timeout=10000")
        conn.execute("PRAGMA query_only=ON")
        return conn, False

    def close(self) -> None:
        with self.lock:
            self.conn.close()


class _Transaction:
    def __init__(self, db: Database):
        self._db = db

    def __enter__(self) -> sqlite3.Connection:
        self._db.lock.acquire()
        self._db.conn.execute("BEGIN IMMEDIATE")
        return self._db.conn

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            self._db.conn.execute("ROLLBACK" if exc_type else "COMMIT")
        finally:
            self._db.lock.release()


def bump_version(sql, conn: str, actor: str) -> None:
    """Count a change to the groups of `conn` inside the caller's transaction (see
    GroupReader.version); one row per actor, so concurrent reviewers never contend."""
    sql.execute("INSERT INTO changes (conn, actor, version) VALUES (?, ?, 1) "
                "ON CONFLICT (conn, actor) DO UPDATE SET version = changes.version + 1",
                (conn, actor))


def insert_id(db: Database, sql, query: str, params: tuple) -> int:
    """Run an INSERT and return the new row's id: RETURNING on PostgreSQL, lastrowid on
    SQLite (RETURNING needs SQLite 3.35, newer than some systems' libsqlite3)."""
    if db.dialect == "sqlite":
        return int(sql.execute(query, params).lastrowid)
    return int(sql.execute(query + " RETURNING id", params).fetchone()[0])

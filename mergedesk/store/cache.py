"""The record cache of the last scan, groups found, and "not duplicates" decisions,
per connection. No Qt."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime, timezone
from typing import TypeVar

from mergedesk.core.models import DuplicateGroup, Evidence, Record
from mergedesk.store.database import Database, bump_version

T = TypeVar("T")


def connection_key(provider: str, base_url: str, entity: str) -> str:
    """Cache and journal rows are scoped by CRM tenant and entity."""
    return f"{provider}|{base_url.rstrip('/')}|{entity}"


class RecordCache:
    def __init__(self, db: Database):
        self._db = db

    def replace_records(self, conn: str, records: Iterable[Record]) -> int:
        """The cache of `conn` becomes `records`, in short transactions: each record is
        at all times its previous or its new version (never missing), and the journal's
        writes wait milliseconds, not the seconds a whole cache takes."""
        stamp, count = _stamp(), 0
        for chunk in _chunks(records):
            rows = [(conn, r.id, r.model_dump_json(), stamp) for r in chunk]
            with self._db.transaction() as sql:
                sql.executemany(_replace_record(self._db), rows)
            count += len(rows)
        _drop_unseen(self._db, "records", "scanned_at", conn, stamp)
        return count

    def records(self, conn: str) -> list[Record]:
        with self._db.lock:
            rows = self._db.conn.execute(
                "SELECT data FROM records WHERE conn = ? ORDER BY rowid", (conn,)
            ).fetchall()
        return [Record.model_validate_json(data) for (data,) in rows]

    def get(self, conn: str, record_id: str) -> Record | None:
        with self._db.lock:
            row = self._db.conn.execute(
                "SELECT data FROM records WHERE conn = ? AND id = ?", (conn, record_id)
            ).fetchone()
        return Record.model_validate_json(row[0]) if row else None

    def forget(self, conn: str, record_ids: Iterable[str]) -> None:
        with self._db.transaction() as sql:
            sql.executemany(
                "DELETE FROM records WHERE conn = ? AND id = ?", [(conn, r) for r in record_ids]
            )

    def put(self, conn: str, record: Record) -> None:
        with self._db.transaction() as sql:
            sql.execute(_replace_record(self._db),
                        (conn, record.id, record.model_dump_json(), _now()))


class GroupStore:
    """Groups found by the last scan, with their review status."""

    def __init__(self, db: Database):
        self._db = db

    def replace_groups(self, conn: str, groups: Iterable[tuple[DuplicateGroup, str]]) -> None:
        """Store groups with the text a search box should find them by. Group ids are
        stable (core.matching.groups.group_id), so a group found again keeps its review
        status; only `merged` starts over: records found again were evidently not merged.
        Written in short transactions (see replace_records); groups this scan did not
        find go last."""
        stamp = _stamp()
        for chunk in _chunks(groups):
            rows = [(conn, g.id, g.score, len(g.records), json.dumps(g.records),
                     json.dumps([e.model_dump() for e in g.evidence]), search.lower(), stamp)
                    for g, search in chunk]  # fmt: skip
            with self._db.transaction() as sql:
                sql.executemany(_UPSERT_GROUP, rows)
        _drop_unseen(self._db, "groups", "seen", conn, stamp)
        with self._db.transaction() as sql:
            bump_version(sql, conn, self._db.actor)

    def group(self, conn: str, group_id: str) -> tuple[DuplicateGroup, str] | None:
        """One group and its status."""
        with self._db.lock:
            row = self._db.conn.execute(
                "SELECT id, score, records, evidence, status FROM groups "
                "WHERE conn = ? AND id = ?", (conn, group_id)).fetchone()
        return (_group(*row[:4]), row[4]) if row else None

    def replace_group(self, conn: str, old_id: str, group: DuplicateGroup, status: str,
                      title: str = "") -> None:
        """Put `group` in place of `old_id` in one transaction (splitting a record out,
        and undoing that), keeping the old row's search text."""
        with self._db.transaction() as sql:
            found = sql.execute("SELECT search FROM groups WHERE conn = ? AND id = ?",
                                (conn, old_id)).fetchone()
            # Two deletes, not INSERT OR REPLACE: its implicit delete skips the triggers
            # that keep group_counts.
            sql.executemany("DELETE FROM groups WHERE conn = ? AND id = ?",
                            [(conn, old_id), (conn, group.id)])
            sql.execute(
                "INSERT INTO groups (conn, id, score, size, records, evidence, "
                "search, status, title) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (conn, group.id, group.score, len(group.records), json.dumps(group.records),
                 json.dumps([e.model_dump() for e in group.evidence]),
                 found[0] if found else "", status, title))
            bump_version(sql, conn, self._db.actor)

    def set_titles(self, conn: str, titles: Mapping[str, str]) -> None:
        """What the group list shows for each group (names and e-mails), by group id."""
        with self._db.transaction() as sql:
            sql.executemany("UPDATE groups SET title = ? WHERE conn = ? AND id = ?",
                            [(title, conn, gid) for gid, title in titles.items()])
            bump_version(sql, conn, self._db.actor)

    def untitled(self, conn: str, after: int = 0,
                 limit: int = 2000) -> list[tuple[int, str, tuple[str, ...]]]:
        """(rowid, group id, record ids) of groups without a title, in rowid order from
        `after`: a caller walks them in batches without rescanning titled rows."""
        hint = " INDEXED BY groups_untitled" if self._db.dialect == "sqlite" else ""
        with self._db.lock:
            rows = self._db.conn.execute(
                f"SELECT rowid, id, records FROM groups{hint} "
                "WHERE conn = ? AND title = '' AND rowid > ? ORDER BY rowid LIMIT ?",
                (conn, after, limit)).fetchall()
        return [(rowid, gid, tuple(json.loads(records))) for rowid, gid, records in rows]

    def groups(self, conn: str) -> list[tuple[DuplicateGroup, str]]:
        """(group, status) in descending score."""
        with self._db.lock:
            rows = self._db.conn.execute(
                "SELECT id, score, records, evidence, status FROM groups WHERE conn = ? "
                "ORDER BY score DESC, id", (conn,),
            ).fetchall()
        return [(_group(*row[:4]), row[4]) for row in rows]

    def set_status(self, conn: str, group_id: str, status: str) -> None:
        """Record a review decision, journalled with who made it (Database.actor).
        Unguarded: on a team workspace, store.claims.TeamReview.decide checks the lease."""
        with self._db.transaction() as sql:
            sql.execute(
                "UPDATE groups SET status = ? WHERE conn = ? AND id = ?", (status, conn, group_id)
            )
            journal_decision(sql, conn, group_id, status, self._db.actor)

    def mark_not_duplicates(self, conn: str, record_ids: Iterable[str]) -> None:
        ids = sorted(record_ids)
        self.mark_pairs(conn, [(a, b) for i, a in enumerate(ids) for b in ids[i + 1 :]])

    def mark_pairs(self, conn: str, pairs: Iterable[tuple[str, str]]) -> None:
        """Remember that each pair of records are different people or companies."""
        rows = [(conn, *sorted(pair), _now(), self._db.actor) for pair in pairs]
        with self._db.transaction() as sql:
            sql.executemany("INSERT INTO not_duplicates (conn, a, b, decided_at, actor) "
                            "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", rows)

    def unmark_pairs(self, conn: str, pairs: Iterable[tuple[str, str]]) -> None:
        """Forget "not duplicates" decisions (the reviewer undid them)."""
        rows = [(conn, *sorted(pair)) for pair in pairs]
        with self._db.transaction() as sql:
            sql.executemany("DELETE FROM not_duplicates WHERE conn = ? AND a = ? AND b = ?",
                            rows)

    def not_duplicate_pairs(self, conn: str) -> set[frozenset[str]]:
        with self._db.lock:
            rows = self._db.conn.execute(
                "SELECT a, b FROM not_duplicates WHERE conn = ?", (conn,)
            ).fetchall()
        return {frozenset(row) for row in rows}


def _group(group_id: str, score: float, records: str, evidence: str) -> DuplicateGroup:
    return DuplicateGroup(
        id=group_id, score=score, records=tuple(json.loads(records)),
        evidence=tuple(Evidence.model_validate(e) for e in json.loads(evidence)),
    )


def journal_decision(sql, conn: str, group_id: str, status: str, actor: str) -> None:
    """One row of the decisions journal (the team audit counts them), in the caller's
    transaction, which also counts the change for live refresh."""
    sql.execute("INSERT INTO decisions (conn, group_id, status, actor, decided_at) "
                "VALUES (?, ?, ?, ?, ?)", (conn, group_id, status, actor, _now()))
    bump_version(sql, conn, actor)


def _replace_record(db: Database) -> str:
    """SQLite's INSERT OR REPLACE gives a replaced record a new rowid (records() lists in
    scan order); PostgreSQL's upsert does the same with the next sequence value."""
    if db.dialect == "sqlite":
        return "INSERT OR REPLACE INTO records VALUES (?, ?, ?, ?)"
    return ("INSERT INTO records (conn, id, data, scanned_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (conn, id) DO UPDATE SET data = excluded.data, "
            "scanned_at = excluded.scanned_at, rowid = nextval('records_rowid_seq')")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _stamp() -> str:
    """When a scan wrote its rows, to the microsecond: two scans never share one."""
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


# Rows a write transaction. Other writers (the GUI loop's journal and decisions) wait
# for the lock meanwhile: 2,000 rows held it 40-200 ms, 500 hold it 10-60 ms (load 3).
CHUNK = 500


def _chunks(items: Iterable[T]) -> Iterator[list[T]]:
    """`items` CHUNK at a time. Rows made a chunk at a time are freed a chunk at a time
    too: all 100,000 of a cache at once were one ~50 ms free holding the GIL (a GUI's
    loop stood still for it)."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, CHUNK)):
        yield chunk


_SPAN = 20_000  # row ids a deleting transaction looks through

# A group found again keeps its status (and counts, through the triggers), except merged.
_UPSERT_GROUP = (
    "INSERT INTO groups (conn, id, score, size, records, evidence, search, seen) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (conn, id) DO UPDATE SET "
    "score = excluded.score, size = excluded.size, records = excluded.records, "
    "evidence = excluded.evidence, search = excluded.search, seen = excluded.seen, "
    "title = '', status = CASE groups.status WHEN 'merged' THEN 'open' ELSE groups.status END"
)


def _drop_unseen(db: Database, table: str, column: str, conn: str, stamp: str) -> None:
    """Delete the rows of `conn` a scan did not write, a span of row ids at a time."""
    with db.lock:  # the whole table's ends: found at once, unlike those of one conn's rows
        low, high = db.conn.execute(f"SELECT min(rowid), max(rowid) FROM {table}").fetchone()
    if low is None:
        return
    for start in range(low, high + 1, _SPAN):
        with db.transaction() as sql:
            sql.execute(f"DELETE FROM {table} WHERE rowid BETWEEN ? AND ? AND conn = ? "
                        f"AND {column} != ?", (start, start + _SPAN - 1, conn, stamp))

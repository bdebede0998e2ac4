"""Reading the group list a page at a time, sorted and filtered in SQL, over a million
groups: counts by status from the trigger-kept table, pages by LIMIT/OFFSET on covering
indexes, and whole orderings (row ids in list order) for O(1) random access. No Qt.

A GroupReader has its own connection (SQLite in WAL mode, or PostgreSQL): it reads while
a scan writes, so the group list never waits for the store's lock; a long ordering can be
interrupted. On a team workspace each row names the reviewer holding it, and version()
tells cheaply whether anything changed since the list was read."""

from __future__ import annotations

import contextlib
import json
import time
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from mergedesk.core.models import DuplicateGroup, Evidence
from mergedesk.core.review import GroupStatus
from mergedesk.store.database import Database


class GroupSort(StrEnum):
    SCORE = "score"
    SIZE = "size"
    TITLE = "title"
    STATUS = "status"


@dataclass(frozen=True)
class GroupQuery:
    """Which groups, in which order. `statuses` None shows all; `words` must all occur
    (lower case) in a group's search text, id or record ids."""

    statuses: frozenset[str] | None = None
    words: tuple[str, ...] = ()
    sort: GroupSort = GroupSort.SCORE
    descending: bool = True

    @classmethod
    def search(cls, text: str, **rest: object) -> GroupQuery:
        return cls(words=tuple(text.lower().split()), **rest)  # type: ignore[arg-type]

    @property
    def indexed(self) -> bool:
        """Counted and paged from indexes in milliseconds; other queries need order()
        (a scan: seconds for a million groups) before their rows can be shown."""
        return not self.words and self.sort in (GroupSort.SCORE, GroupSort.SIZE)


@dataclass(frozen=True)
class GroupListing:
    """One row of the group list: enough to paint it without reading records."""

    rowid: int
    id: str
    score: float
    size: int
    title: str
    status: str
    records: tuple[str, ...]
    claimed_by: str | None = None  # the reviewer whose lease on it runs (team workspace)


_COLUMNS = "rowid, id, score, size, title, status, records, {holder}"
_HOLDER = "CASE WHEN lease_until >= {now} THEN claimed_by END"
_STATUS_RANK = " ".join(f"WHEN '{s.value}' THEN {i}" for i, s in enumerate(GroupStatus))
# Ties go by id the other way round from the sort, so that an ascending order is the exact
# reverse of its index and SQLite can walk that index backwards.
_ORDER = {
    GroupSort.SCORE: "score {d}, id {a}",
    GroupSort.SIZE: "size {d}, score {d}, id {a}",
    GroupSort.TITLE: "title {d}, id {a}",
    GroupSort.STATUS: f"CASE status {_STATUS_RANK} ELSE 99 END {{d}}, score DESC, id",
}


class GroupReader:
    """Read-only queries on the groups of one store, on a connection of its own."""

    def __init__(self, db: Database):
        self._conn, self._shared = db.reader()
        self._dialect = db.dialect
        self._scan_hint = " NOT INDEXED" if db.dialect == "sqlite" else ""
        self._columns = _COLUMNS.format(holder=_HOLDER.format(now=db.now_sql))

    def close(self) -> None:
        if not self._shared:
            self._conn.close()

    def interrupt(self) -> None:
        """Stop a running query from another thread (it raises sqlite3.OperationalError
        on either backend)."""
        with contextlib.suppress(Exception):  # closed already: nothing runs to stop
            self._conn.interrupt()

    def status_counts(self, conn: str) -> dict[str, int]:
        rows = self._conn.execute(
            "SELECT status, n FROM group_counts WHERE conn = ? AND n > 0", (conn,)).fetchall()
        return dict(rows)

    def count(self, conn: str, query: GroupQuery) -> int | None:
        """Rows of `query` from the counts table; None when words need a scan to count."""
        if query.words:
            return None
        counts = self.status_counts(conn)
        return sum(n for status, n in counts.items()
                   if query.statuses is None or status in query.statuses)

    def page(self, conn: str, query: GroupQuery, offset: int, limit: int) -> list[GroupListing]:
        """Rows [offset, offset + limit) of an indexed query (OFFSET walks its covering
        index: well under a millisecond near the top, a quarter second at a million)."""
        if not query.indexed:
            raise ValueError("only indexed queries are paged; order() the others")
        where, params = _where(conn, query)
        sql = f"SELECT rowid FROM groups WHERE {where} ORDER BY {_order(query)} LIMIT ? OFFSET ?"
        ids = [r for (r,) in self._conn.execute(sql, (*params, limit, offset))]
        return self.rows(ids)

    def order(self, conn: str, query: GroupQuery) -> array:
        """Every row id of `query` in list order: position -> row in O(1) afterwards.
        Up to seconds for a million rows: call it off the GUI thread.

        The ids come back as one comma-joined string from a single statement: the
        database works with the GIL released, where fetching a million rows one by one
        held it for seconds and kept the GUI thread waiting at every paint."""
        where, params = _where(conn, query)
        # Every row has the same conn: for a scan, walking the conn index and looking up
        # each row is many times slower than reading the table (SQLite cannot know).
        hint = "" if query.indexed else self._scan_hint
        if self._dialect == "sqlite":  # 3.40 has no ORDER BY inside an aggregate
            sql = (f"SELECT group_concat(rowid) FROM (SELECT rowid FROM groups{hint} "
                   f"WHERE {where} ORDER BY {_order(query)})")
        else:
            sql = (f"SELECT string_agg(rowid::text, ',' ORDER BY {_order(query)}) "
                   f"FROM groups WHERE {where}")
        (joined,) = self._conn.execute(sql, params).fetchone()
        return _parse_ids(joined)

    def rows(self, rowids: Sequence[int]) -> list[GroupListing]:
        """The listings of these row ids, in the order given (missing ones left out)."""
        if not rowids:
            return []
        marks = ",".join("?" * len(rowids))
        found = {
            row[0]: _listing(row)
            for row in self._conn.execute(
                f"SELECT {self._columns} FROM groups WHERE rowid IN ({marks})",
                tuple(rowids))
        }
        return [found[r] for r in rowids if r in found]

    def group(self, conn: str, group_id: str) -> tuple[DuplicateGroup, str] | None:
        """One group with its evidence, and its status (GroupStore.group, lock-free)."""
        row = self._conn.execute(
            "SELECT id, score, records, evidence, status FROM groups WHERE conn = ? AND id = ?",
            (conn, group_id)).fetchone()
        if row is None:
            return None
        gid, score, records, evidence, status = row
        group = DuplicateGroup(id=gid, score=score, records=tuple(json.loads(records)),
                               evidence=tuple(Evidence.model_validate(e)
                                              for e in json.loads(evidence)))
        return group, status

    def status(self, conn: str, group_id: str) -> str | None:
        row = self._conn.execute("SELECT status FROM groups WHERE conn = ? AND id = ?",
                                 (conn, group_id)).fetchone()
        return row[0] if row else None

    def rowid_of(self, conn: str, group_id: str) -> int | None:
        row = self._conn.execute("SELECT rowid FROM groups WHERE conn = ? AND id = ?",
                                 (conn, group_id)).fetchone()
        return row[0] if row else None

    def version(self, conn: str) -> int:
        """A number that grows with every committed change to the groups of `conn`
        (statuses, claims, titles, scans), by anyone: poll it, re-read when it moved.
        A sum of per-actor counters, so that reviewers never wait on one hot row. A lease
        that merely expires changes nothing here."""
        row = self._conn.execute("SELECT sum(version) FROM changes WHERE conn = ?",
                                 (conn,)).fetchone()
        return int(row[0] or 0)

    def changed_since(self, conn: str, version: int) -> bool:
        return self.version(conn) != version


def _where(conn: str, query: GroupQuery) -> tuple[str, tuple[object, ...]]:
    clauses, params = ["conn = ?"], [conn]
    if query.statuses is not None:
        statuses = sorted(query.statuses) or [""]
        clauses.append(f"status IN ({','.join('?' * len(statuses))})")
        params.extend(statuses)
    for word in query.words:
        clauses.append("(instr(search, ?) > 0 OR instr(lower(title), ?) > 0 "
                       "OR instr(records, ?) > 0 OR id = ?)")
        params.extend((word, word, word, word))
    return " AND ".join(clauses), tuple(params)


def _order(query: GroupQuery) -> str:
    first, second = ("DESC", "ASC") if query.descending else ("ASC", "DESC")
    return _ORDER[query.sort].format(d=first, a=second)


def _parse_ids(joined: str | None) -> array:
    """"3,1,2" -> array('q', [3, 1, 2]), a slice at a time, handing the GIL over between
    slices so that a GUI thread waiting to paint is never held up for long."""
    ids = array("q")
    start, end = 0, len(joined or "")
    while start < end:
        stop = joined.find(",", start + _PARSE_SLICE)  # type: ignore[union-attr]
        stop = end if stop < 0 else stop
        ids.extend(map(int, joined[start:stop].split(",")))  # type: ignore[index]
        start = stop + 1
        time.sleep(0)
    return ids


_PARSE_SLICE = 32_768  # characters: about 4,000 ids, well under a millisecond


def _listing(row: Iterable[object]) -> GroupListing:
    rowid, gid, score, size, title, status, records, holder = row
    return GroupListing(int(rowid), str(gid), float(score), int(size), str(title),  # type: ignore[arg-type]
                        str(status), tuple(json.loads(str(records))),
                        str(holder) if holder is not None else None)

"""Team review: one reviewer at a time per group, by a lease that runs out if its
workstation dies, and record claims that keep two reviewers off the same records.

A group's lease lives on its row (claimed_by, lease_until, seconds since the epoch by the
database's clock, so workstation clocks do not matter). Every record of a claimed group
has a row in record_claims, whose primary key (conn, record_id) is the database-level
guard: a group overlapping one that another reviewer holds cannot be claimed, and a merge
starting (MergeJournal.begin) converts the claims in the same transaction as its intent,
or fails with RecordsBusy. A merge's claims outlive any lease until the journal settles
it. On PostgreSQL the next group is picked with FOR UPDATE SKIP LOCKED, so reviewers
never wait on each other; SQLite serialises writers anyway. No Qt."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from mergedesk.store.cache import journal_decision
from mergedesk.store.database import Database, bump_version

DEFAULT_LEASE = 300.0  # seconds: renewed while the reviewer works on the group
_TRIES = 20  # groups looked at per claim before giving up for now (all overlap held ones)
_RACES = 5  # PostgreSQL: retries when a record was claimed concurrently (rare)


class ClaimLost(Exception):
    """The lease ran out and the group is no longer this reviewer's (or was never)."""


class RecordsBusy(Exception):
    """Another reviewer holds or is merging some of these records; nothing was written."""

    def __init__(self, conn: str, record_ids: Sequence[str]):
        super().__init__(f"records {', '.join(record_ids)} are held by another reviewer")
        self.conn = conn
        self.record_ids = tuple(record_ids)


@dataclass(frozen=True)
class Claim:
    """A group held by `reviewer` until `lease_until` (epoch seconds, database clock)."""

    conn: str
    group_id: str
    records: tuple[str, ...]
    reviewer: str
    lease_until: float


class TeamReview:
    """Claims, renewals, releases and guarded decisions on one store (either backend)."""

    def __init__(self, db: Database):
        self._db = db
        self._now = db.now_sql
        self._skip_locked = " FOR UPDATE SKIP LOCKED" if db.dialect == "postgres" else ""

    def claim_next_group(self, conn: str, reviewer: str,
                         lease_seconds: float = DEFAULT_LEASE) -> Claim | None:
        """Lease the best-scoring open group nobody holds (or whose lease ran out) and
        none of whose records another reviewer holds; None when there is none now."""
        if self._db.dialect == "postgres":
            return self._claim_next_pg(conn, reviewer, lease_seconds)
        tried: list[str] = []
        with self._db.transaction() as sql:
            for _ in range(_TRIES):
                row = sql.execute(self._next_sql(len(tried)), (conn, *tried)).fetchone()
                if row is None:
                    return None
                claim = self._take(sql, conn, row[0], tuple(json.loads(row[1])), reviewer,
                                   lease_seconds)
                if claim is not None:
                    return claim
                tried.append(row[0])
        return None

    def claim_group(self, conn: str, group_id: str, reviewer: str,
                    lease_seconds: float = DEFAULT_LEASE) -> Claim | None:
        """Lease one given group (the reviewer opened it); None if someone else holds it
        or its records."""
        with self._db.transaction() as sql:
            row = sql.execute(
                f"SELECT records FROM groups WHERE conn = ? AND id = ? AND (claimed_by = ? "
                f"OR lease_until IS NULL OR lease_until < {self._now}){self._skip_locked}",
                (conn, group_id, reviewer)).fetchone()
            if row is None:
                return None
            return self._take(sql, conn, group_id, tuple(json.loads(row[0])), reviewer,
                              lease_seconds)

    def renew(self, claim: Claim, lease_seconds: float = DEFAULT_LEASE) -> Claim:
        """Extend a lease still held; raises ClaimLost once another reviewer took over."""
        with self._db.transaction() as sql:
            until = self._until(sql, lease_seconds)
            renewed = sql.execute(
                f"UPDATE groups SET lease_until = ? WHERE conn = ? AND id = ? "
                f"AND claimed_by = ? AND lease_until >= {self._now}",
                (until, claim.conn, claim.group_id, claim.reviewer)).rowcount
            if renewed != 1:
                raise ClaimLost(claim.group_id)
            sql.execute("UPDATE record_claims SET lease_until = ? WHERE conn = ? AND "
                        "group_id = ? AND reviewer = ? AND merge_id IS NULL",
                        (until, claim.conn, claim.group_id, claim.reviewer))
        return Claim(claim.conn, claim.group_id, claim.records, claim.reviewer, until)

    def release(self, claim: Claim) -> None:
        """Give the group back undecided (claims of a merge under way stay)."""
        with self._db.transaction() as sql:
            self._drop(sql, claim)

    def decide(self, claim: Claim, status: str) -> None:
        """Set the group's status while the reviewer still holds it, journal the decision
        with the reviewer, and release the group, in one transaction; raises ClaimLost
        once another reviewer took it over, so that no group is decided by two. A lease
        that ran out unnoticed by others still counts (a merge may have finished under
        it: refusing would send the group to a second reviewer)."""
        with self._db.transaction() as sql:
            changed = sql.execute(
                "UPDATE groups SET status = ? WHERE conn = ? AND id = ? AND claimed_by = ?",
                (status, claim.conn, claim.group_id, claim.reviewer)).rowcount
            if changed != 1:
                raise ClaimLost(claim.group_id)
            journal_decision(sql, claim.conn, claim.group_id, status, claim.reviewer)
            self._drop(sql, claim)

    def held(self, conn: str, reviewer: str) -> list[Claim]:
        """The groups `reviewer` holds now (a restarted workstation picks them up)."""
        with self._db.lock:
            rows = self._db.conn.execute(
                f"SELECT id, records, lease_until FROM groups WHERE conn = ? AND "
                f"claimed_by = ? AND lease_until >= {self._now} ORDER BY score DESC, id",
                (conn, reviewer)).fetchall()
        return [Claim(conn, gid, tuple(json.loads(recs)), reviewer, until)
                for gid, recs, until in rows]

    def _claim_next_pg(self, conn: str, reviewer: str, lease_seconds: float) -> Claim | None:
        """The same steps in one server-side call (pg_schema, version 7)."""
        for _ in range(_RACES):
            try:  # one statement, its own transaction: one round trip, no BEGIN/COMMIT
                with self._db.lock:
                    row = self._db.conn.execute(
                        "SELECT * FROM claim_next_group(?, ?, ?, ?)",
                        (conn, reviewer, float(lease_seconds), _TRIES)).fetchone()
            except Exception as exc:  # psycopg is imported only with the PostgreSQL backend
                if getattr(exc, "sqlstate", None) != "MD001":
                    raise
                continue  # another reviewer claimed one of its records this instant
            if row is None:
                return None
            return Claim(conn, row[0], tuple(json.loads(row[1])), reviewer, row[2])
        return None

    def _next_sql(self, excluded: int) -> str:
        skip = f" AND id NOT IN ({','.join('?' * excluded)})" if excluded else ""
        # Served by the partial index groups_claimable (open groups by score).
        return (f"SELECT id, records FROM groups WHERE conn = ? AND status = 'open' AND "
                f"(lease_until IS NULL OR lease_until < {self._now}){skip} "
                f"ORDER BY score DESC, id LIMIT 1{self._skip_locked}")

    def _take(self, sql, conn: str, group_id: str, records: tuple[str, ...], reviewer: str,
              lease_seconds: float) -> Claim | None:
        """Claim the group's records, then the group; None (nothing written) when some
        record is held by another reviewer's live lease or by any merge under way."""
        sql.execute("SAVEPOINT take")
        until = self._until(sql, lease_seconds)
        if len(_upsert_claims(sql, self._now, conn, records, group_id, reviewer, None,
                              until)) < len(set(records)):
            sql.execute("ROLLBACK TO SAVEPOINT take")
            sql.execute("RELEASE SAVEPOINT take")
            return None
        sql.execute("UPDATE groups SET claimed_by = ?, lease_until = ? WHERE conn = ? AND id = ?",
                    (reviewer, until, conn, group_id))
        sql.execute("RELEASE SAVEPOINT take")
        bump_version(sql, conn, reviewer)
        return Claim(conn, group_id, records, reviewer, until)

    def _until(self, sql, lease_seconds: float) -> float:
        return float(sql.execute(f"SELECT {self._now} + ?", (float(lease_seconds),))
                     .fetchone()[0])

    def _drop(self, sql, claim: Claim) -> None:
        sql.execute("UPDATE groups SET claimed_by = NULL, lease_until = NULL WHERE conn = ? "
                    "AND id = ? AND claimed_by = ?",
                    (claim.conn, claim.group_id, claim.reviewer))
        sql.execute("DELETE FROM record_claims WHERE conn = ? AND group_id = ? AND "
                    "reviewer = ? AND merge_id IS NULL",
                    (claim.conn, claim.group_id, claim.reviewer))
        bump_version(sql, claim.conn, claim.reviewer)


def claim_for_merge(db: Database, sql, conn: str, group_id: str, record_ids: Sequence[str],
                    actor: str, merge_id: int) -> None:
    """Inside MergeJournal.begin's transaction: the merge holds its records until the
    journal settles it. Records free, held by `actor` or under an expired lease are
    taken; otherwise RecordsBusy (the caller's transaction rolls back: no intent)."""
    records = tuple(dict.fromkeys(record_ids))
    taken = _upsert_claims(sql, db.now_sql, conn, records, group_id, actor, merge_id, None)
    if len(taken) < len(records):
        raise RecordsBusy(conn, sorted(set(records) - taken))


def settle_merge_claims(sql, merge_id: int) -> None:
    """The journal settled the merge (merged, failed, restored): its records are free."""
    sql.execute("DELETE FROM record_claims WHERE merge_id = ?", (merge_id,))


def _upsert_claims(sql, now: str, conn: str, records: Sequence[str], group_id: str,
                   reviewer: str, merge_id: int | None, until: float | None) -> set[str]:
    """Claim `records` in one statement; the ids now held as asked (read back rather
    than by RETURNING, which SQLite has only since 3.35)."""
    unique = tuple(dict.fromkeys(records))
    rows: list[object] = []
    for record_id in unique:
        rows += [conn, record_id, group_id, reviewer, until, merge_id]
    sql.execute(_claim_records_sql(now, len(unique), merge=merge_id is not None), tuple(rows))
    marks = ",".join("?" * len(unique))
    mine = "merge_id = ?" if merge_id is not None else "merge_id IS NULL AND group_id = ?"
    held = sql.execute(f"SELECT record_id FROM record_claims WHERE conn = ? AND reviewer = ? "
                       f"AND {mine} AND record_id IN ({marks})",
                       (conn, reviewer, merge_id if merge_id is not None else group_id,
                        *unique)).fetchall()
    return {r for (r,) in held}


def _claim_records_sql(now: str, count: int, *, merge: bool) -> str:
    """One upsert for all records of a group, returning those this reviewer now holds.
    A review claim takes a record only from nobody, from an expired lease, or from the
    same group; a merge also from the same actor (one workstation re-applying its own
    group). A merge's claim (merge_id set) is never taken over by a review claim."""
    values = ", ".join(["(?, ?, ?, ?, ?, ?)"] * count)
    expired = f"(record_claims.merge_id IS NULL AND record_claims.lease_until < {now})"
    if merge:
        takes = f"record_claims.reviewer = excluded.reviewer OR {expired}"
    else:
        takes = ("record_claims.merge_id IS NULL AND ((record_claims.group_id = "
                 "excluded.group_id AND record_claims.reviewer = excluded.reviewer) "
                 f"OR record_claims.lease_until < {now})")
    return (
        "INSERT INTO record_claims (conn, record_id, group_id, reviewer, lease_until, "
        f"merge_id) VALUES {values} ON CONFLICT (conn, record_id) DO UPDATE SET "
        "group_id = excluded.group_id, reviewer = excluded.reviewer, "
        "lease_until = excluded.lease_until, merge_id = excluded.merge_id "
        f"WHERE {takes}"
    )

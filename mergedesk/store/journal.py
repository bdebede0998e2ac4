"""The merge journal: for every merge, the records as they were before any call, the
planned steps, and each step's state (intent -> sent -> done / failed / unknown).

Every write commits before the CRM call it describes is made (WAL, synchronous=FULL),
so after a crash the journal tells exactly what may have happened. Each merge names its
`actor` (the reviewer) and, on starting, claims its records (store.claims): two reviewers
never have merges of overlapping records under way at once. No Qt."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime, timezone
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, JsonValue

from mergedesk.core.models import Record
from mergedesk.core.plan import GroupMerge
from mergedesk.core.steps import MergeStep
from mergedesk.store.claims import claim_for_merge, settle_merge_claims
from mergedesk.store.database import Database, insert_id


class MergeState(StrEnum):
    RUNNING = "running"  # steps may still be under way (or the app died during them)
    MERGED = "merged"
    FAILED = "failed"
    UNKNOWN = "unknown"  # a step's outcome was lost; reconciliation reads the CRM
    RESTORED = "restored"


class StepState(StrEnum):
    INTENT = "intent"  # journalled, not sent
    SENT = "sent"  # handed to the network; no answer recorded yet
    DONE = "done"
    FAILED = "failed"
    UNKNOWN = "unknown"


OPEN_STATES = (MergeState.RUNNING, MergeState.UNKNOWN)


class StepEntry(BaseModel):
    model_config = ConfigDict(frozen=True)

    step: MergeStep
    state: StepState
    job_id: str | None = None
    response: dict[str, JsonValue] | None = None
    error: str | None = None
    updated_at: str


class MergeEntry(BaseModel):
    """One journalled merge with its steps and pre-merge snapshots."""

    model_config = ConfigDict(frozen=True)

    id: int
    conn: str
    provider: str
    base_url: str
    entity: str
    group_id: str
    master: str
    others: tuple[str, ...]
    plan: GroupMerge
    targets: dict[str, JsonValue]
    status: MergeState
    message: str
    created_at: str
    finished_at: str | None
    steps: tuple[StepEntry, ...] = ()
    snapshots: dict[str, Record] = {}
    after: Record | None = None  # the survivor as verification read it
    actor: str = ""  # who ran the merge ('' before journals named them)

    def same_records(self, master: str, others: tuple[str, ...]) -> bool:
        return self.master == master and set(self.others) == set(others)


class MergeJournal:
    def __init__(self, db: Database):
        self._db = db

    def begin(
        self,
        *,
        conn: str,
        provider: str,
        base_url: str,
        entity: str,
        merge: GroupMerge,
        snapshots: Iterable[Record],
        steps: Iterable[MergeStep],
        targets: dict[str, JsonValue],
        actor: str | None = None,
    ) -> int:
        """Write the intent, every snapshot and every planned step in one transaction,
        which also claims the merge's records for `actor` (default: the store's).

        Raises:
            store.claims.RecordsBusy: another reviewer holds or merges some of the
                records; nothing was written.
        """
        now = _now()
        actor = actor or self._db.actor
        with self._db.transaction() as sql:
            merge_id = insert_id(
                self._db, sql,
                "INSERT INTO merges (conn, provider, base_url, entity, group_id, master, "
                "others, plan, targets, status, created_at, actor) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (conn, provider, base_url, entity, merge.group, merge.master,
                 json.dumps(merge.others), merge.model_dump_json(by_alias=True),
                 json.dumps(targets), MergeState.RUNNING, now, actor),
            )
            claim_for_merge(self._db, sql, conn, merge.group, (merge.master, *merge.others),
                            actor, merge_id)
            sql.executemany(
                "INSERT INTO snapshots VALUES (?, ?, ?)",
                [(merge_id, r.id, r.model_dump_json()) for r in snapshots],
            )
            sql.executemany(
                "INSERT INTO steps (merge_id, idx, kind, request, state, idempotency_key, "
                "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(merge_id, s.index, s.kind, s.model_dump_json(), StepState.INTENT,
                  s.idempotency_key, now) for s in steps],
            )
        return merge_id

    def set_step(
        self,
        merge_id: int,
        index: int,
        state: StepState,
        *,
        job_id: str | None = None,
        response: dict[str, JsonValue] | None = None,
        error: str | None = None,
    ) -> None:
        with self._db.transaction() as sql:
            sql.execute(
                "UPDATE steps SET state = ?, job_id = COALESCE(?, job_id), response = ?, "
                "error = ?, updated_at = ? WHERE merge_id = ? AND idx = ?",
                (state, job_id, json.dumps(response) if response is not None else None,
                 error, _now(), merge_id, index),
            )

    def finish(self, merge_id: int, status: MergeState, message: str = "") -> None:
        finished = None if status in OPEN_STATES else _now()
        with self._db.transaction() as sql:
            sql.execute(
                "UPDATE merges SET status = ?, message = ?, finished_at = ? WHERE id = ?",
                (status, message, finished, merge_id),
            )
            if status not in OPEN_STATES:  # an unknown outcome keeps its records held
                settle_merge_claims(sql, merge_id)

    def mark_restored(self, merge_id: int, message: str) -> None:
        """The merge was undone as far as the CRM allows; when it finished stays."""
        with self._db.transaction() as sql:
            sql.execute("UPDATE merges SET status = ?, message = ? WHERE id = ?",
                        (MergeState.RESTORED, message, merge_id))
            settle_merge_claims(sql, merge_id)

    def set_after(self, merge_id: int, survivor: Record) -> None:
        """Keep the survivor as the CRM held it once the merge was verified."""
        with self._db.transaction() as sql:
            sql.execute("UPDATE merges SET after = ? WHERE id = ?",
                        (survivor.model_dump_json(), merge_id))

    def note_recount(self, merge_id: int, survivor: Record | None, message: str) -> None:
        """The re-count after a merge, in the columns it already has (no schema change):
        the survivor as re-read (its related_counts are what arrived; the snapshots say
        what was expected) and, if anything is missing, the warning as the message.
        Status and finish time stay as the merge left them."""
        with self._db.transaction() as sql:
            sql.execute("UPDATE merges SET after = COALESCE(?, after), message = ? "
                        "WHERE id = ?",
                        (survivor.model_dump_json() if survivor else None, message, merge_id))

    def get(self, merge_id: int) -> MergeEntry | None:
        with self._db.lock:
            row = self._db.conn.execute(
                f"SELECT {_MERGE_COLUMNS} FROM merges WHERE id = ?", (merge_id,)
            ).fetchone()
        return self._entry(row) if row else None

    def latest_for_group(self, conn: str, group_id: str) -> MergeEntry | None:
        with self._db.lock:
            row = self._db.conn.execute(
                f"SELECT {_MERGE_COLUMNS} FROM merges WHERE conn = ? AND group_id = ? "
                "ORDER BY id DESC LIMIT 1", (conn, group_id),
            ).fetchone()
        return self._entry(row) if row else None

    def for_group(self, conn: str, group_id: str) -> list[MergeEntry]:
        """Every attempt at one group's merge, oldest first, with details."""
        with self._db.lock:
            rows = self._db.conn.execute(
                f"SELECT {_MERGE_COLUMNS} FROM merges WHERE conn = ? AND group_id = ? "
                "ORDER BY id", (conn, group_id),
            ).fetchall()
        return [self._entry(row) for row in rows]

    def open_merges(self, conn: str | None = None) -> list[MergeEntry]:
        """Merges a crash or a lost answer left unsettled, oldest first."""
        query = f"SELECT {_MERGE_COLUMNS} FROM merges WHERE status IN (?, ?)"
        params: list = list(OPEN_STATES)
        if conn is not None:
            query += " AND conn = ?"
            params.append(conn)
        with self._db.lock:
            rows = self._db.conn.execute(query + " ORDER BY id", params).fetchall()
        return [self._entry(row) for row in rows]

    def history(
        self,
        limit: int | None = 1000,
        search: str = "",
        *,
        status: MergeState | None = None,
        provider: str | None = None,
        details: bool = False,
    ) -> list[MergeEntry]:
        """Newest first. `search` matches ids, group, message, CRM, entity and the
        snapshotted records' values (a person's name or email finds their merges)."""
        like = "LIKE" if self._db.dialect == "sqlite" else "ILIKE"  # SQLite's LIKE ignores case
        where, params = _history_filter(search, status, provider, like)
        query = f"SELECT {_MERGE_COLUMNS} FROM merges{where} ORDER BY id DESC"
        if limit is not None:
            query, params = query + " LIMIT ?", [*params, limit]
        with self._db.lock:
            rows = self._db.conn.execute(query, params).fetchall()
        return [self._entry(row, with_details=details) for row in rows]

    def _entry(self, row: tuple, with_details: bool = True) -> MergeEntry:
        values = dict(zip(_MERGE_COLUMNS.split(", "), row, strict=True))
        values["others"] = tuple(json.loads(values["others"]))
        values["plan"] = GroupMerge.model_validate_json(values["plan"])
        values["targets"] = json.loads(values["targets"])
        values["after"] = Record.model_validate_json(values["after"]) if values["after"] else None
        if with_details:
            values["steps"] = self._steps(values["id"])
            values["snapshots"] = self._snapshots(values["id"])
        return MergeEntry(**values)

    def _steps(self, merge_id: int) -> tuple[StepEntry, ...]:
        with self._db.lock:
            rows = self._db.conn.execute(
                "SELECT request, state, job_id, response, error, updated_at FROM steps "
                "WHERE merge_id = ? ORDER BY idx", (merge_id,),
            ).fetchall()
        return tuple(
            StepEntry(step=MergeStep.model_validate_json(req), state=state, job_id=job,
                      response=json.loads(resp) if resp else None, error=err, updated_at=at)
            for req, state, job, resp, err, at in rows
        )

    def _snapshots(self, merge_id: int) -> dict[str, Record]:
        with self._db.lock:
            rows = self._db.conn.execute(
                "SELECT record_id, data FROM snapshots WHERE merge_id = ?", (merge_id,)
            ).fetchall()
        return {rid: Record.model_validate_json(data) for rid, data in rows}


_MERGE_COLUMNS = (
    "id, conn, provider, base_url, entity, group_id, master, others, plan, targets, "
    "status, message, created_at, finished_at, after, actor"
)


def _history_filter(
    search: str, status: MergeState | None, provider: str | None, like: str = "LIKE"
) -> tuple[str, list]:
    clauses: list[str] = []
    params: list = []
    if search:
        pattern = f"%{search}%"
        clauses.append(
            f"(CAST(id AS TEXT) = ? OR group_id {like} ? OR master {like} ? OR others {like} ? "
            f"OR message {like} ? OR provider {like} ? OR entity {like} ? OR actor {like} ? "
            f"OR id IN (SELECT merge_id FROM snapshots WHERE data {like} ?))"
        )
        params += [search.lstrip("#"), *[pattern] * 8]
    if status is not None:
        clauses.append("status = ?")
        params.append(str(status))
    if provider:
        clauses.append("provider = ?")
        params.append(provider)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")

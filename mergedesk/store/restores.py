"""The restore journal: for every restore of a merge, the planned actions (reset the
survivor, re-create or reactivate a loser) and each action's state, written before the
CRM call it describes, like merge steps. A re-created record's new id is kept here, so a
restore is never repeated blindly after a crash. No Qt."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime, timezone
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, JsonValue

from mergedesk.store.database import Database, insert_id


class ActionKind(StrEnum):
    RESET_SURVIVOR = "reset_survivor"  # write the survivor's pre-merge values back
    RECREATE = "recreate"  # a new record holding a deleted loser's values
    REACTIVATE = "reactivate"  # a deactivated loser made active again (same id)


class ActionState(StrEnum):
    INTENT = "intent"
    SENT = "sent"  # handed to the network, no answer recorded: never re-sent blindly
    DONE = "done"
    FAILED = "failed"
    UNKNOWN = "unknown"


class RestoreStatus(StrEnum):
    RUNNING = "running"
    RESTORED = "restored"  # every action done
    PARTIAL = "partial"  # some actions failed or their outcome is unknown


class RestoreAction(BaseModel):
    """One planned restore call, as journalled before it is made."""

    model_config = ConfigDict(frozen=True)

    index: int
    kind: ActionKind
    record_id: str  # the survivor, or the loser being brought back
    values: dict[str, JsonValue] = {}
    state: ActionState = ActionState.INTENT
    new_id: str | None = None
    error: str | None = None


class RestoreEntry(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: int
    merge_id: int
    status: RestoreStatus
    message: str
    created_at: str
    finished_at: str | None
    actions: tuple[RestoreAction, ...] = ()
    actor: str = ""  # who ran the restore ('' before journals named them)


class RestoreJournal:
    def __init__(self, db: Database):
        self._db = db

    def begin(self, merge_id: int, actions: Iterable[RestoreAction],
              actor: str | None = None) -> int:
        """The restore and every planned action, in one transaction, before any call;
        journalled with `actor` (default: the store's)."""
        now = _now()
        with self._db.transaction() as sql:
            restore_id = insert_id(
                self._db, sql,
                "INSERT INTO restores (merge_id, status, created_at, actor) VALUES (?, ?, ?, ?)",
                (merge_id, RestoreStatus.RUNNING, now, actor or self._db.actor),
            )
            sql.executemany(
                "INSERT INTO restore_actions (restore_id, idx, kind, record_id, request, "
                "state, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(restore_id, a.index, a.kind, a.record_id, json.dumps(a.values),
                  ActionState.INTENT, now) for a in actions],
            )
        return restore_id

    def set_action(self, restore_id: int, index: int, state: ActionState, *,
                   new_id: str | None = None, error: str | None = None) -> None:
        with self._db.transaction() as sql:
            sql.execute(
                "UPDATE restore_actions SET state = ?, new_id = COALESCE(?, new_id), "
                "error = ?, updated_at = ? WHERE restore_id = ? AND idx = ?",
                (state, new_id, error, _now(), restore_id, index),
            )

    def finish(self, restore_id: int, status: RestoreStatus, message: str = "") -> None:
        with self._db.transaction() as sql:
            sql.execute(
                "UPDATE restores SET status = ?, message = ?, finished_at = ? WHERE id = ?",
                (status, message, _now(), restore_id),
            )

    def for_merge(self, merge_id: int) -> list[RestoreEntry]:
        """Every restore of one merge, oldest first."""
        with self._db.lock:
            rows = self._db.conn.execute(
                "SELECT id, merge_id, status, message, created_at, finished_at, actor "
                "FROM restores WHERE merge_id = ? ORDER BY id", (merge_id,),
            ).fetchall()
        return [self._entry(row) for row in rows]

    def _entry(self, row: tuple) -> RestoreEntry:
        restore_id, merge_id, status, message, created, finished, actor = row
        with self._db.lock:
            actions = self._db.conn.execute(
                "SELECT idx, kind, record_id, request, state, new_id, error "
                "FROM restore_actions WHERE restore_id = ? ORDER BY idx", (restore_id,),
            ).fetchall()
        return RestoreEntry(
            id=restore_id, merge_id=merge_id, status=status, message=message,
            created_at=created, finished_at=finished, actor=actor,
            actions=tuple(
                RestoreAction(index=i, kind=k, record_id=r, values=json.loads(v), state=st,
                              new_id=n, error=e)
                for i, k, r, v, st, n, e in actions
            ),
        )


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")

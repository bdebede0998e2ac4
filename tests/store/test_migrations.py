"""Versioned schema: a journal written by an older build opens, keeps every row and
gains the new tables; the restore journal round-trips through a reopen."""

from __future__ import annotations

import sqlite3

from mergedesk.core.models import Record
from mergedesk.store.database import MIGRATIONS, Database
from mergedesk.store.journal import MergeJournal, MergeState
from mergedesk.store.restores import (
    ActionKind,
    ActionState,
    RestoreAction,
    RestoreJournal,
    RestoreStatus,
)
from tests.store.test_journal import begin


def test_a_version_1_journal_is_migrated_without_losing_a_row(tmp_path):
    path = tmp_path / "old.sqlite3"
    old = sqlite3.connect(path)
    old.executescript(f"BEGIN; {MIGRATIONS[0]}; PRAGMA user_version=1; COMMIT;")
    old.execute("INSERT INTO merges (conn, provider, base_url, entity, group_id, master, others,"
                " plan, targets, status, created_at) VALUES ('c', 'chatwoot', 'u', 'contacts',"
                " 'g1', '1', '[\"2\"]', '{\"group\":\"g1\",\"master\":\"1\",\"others\":[\"2\"]}',"
                " '{}', 'merged', '2026-01-01T00:00:00')")
    old.commit()
    old.close()

    db = Database(path)

    assert db.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    entry = MergeJournal(db).get(1)
    assert entry.status == MergeState.MERGED and entry.after is None
    assert RestoreJournal(db).for_merge(1) == []


def test_the_after_image_and_a_restore_survive_reopening(open_store):
    db = open_store("j")
    journal = MergeJournal(db)
    merge_id = begin(journal)
    journal.set_after(merge_id, Record(id="1", fields={"name": "B"}))
    restores = RestoreJournal(db)
    restore_id = restores.begin(merge_id, [
        RestoreAction(index=0, kind=ActionKind.RESET_SURVIVOR, record_id="1",
                      values={"name": "A"}),
        RestoreAction(index=1, kind=ActionKind.RECREATE, record_id="2", values={"name": "B"}),
    ])
    restores.set_action(restore_id, 1, ActionState.SENT)
    db.close()

    reopened = open_store("j")
    assert MergeJournal(reopened).get(merge_id).after.fields == {"name": "B"}
    (entry,) = RestoreJournal(reopened).for_merge(merge_id)
    assert entry.status == RestoreStatus.RUNNING
    assert [a.state for a in entry.actions] == [ActionState.INTENT, ActionState.SENT]
    assert entry.actions[0].values == {"name": "A"}


def test_history_search_reaches_into_snapshots_and_filters(open_store):
    journal = MergeJournal(open_store("j"))
    merge_id = begin(journal)
    journal.finish(merge_id, MergeState.MERGED)
    assert [e.id for e in journal.history(search="B")] == [merge_id]  # a snapshot value
    assert journal.history(search="nobody-by-that-name") == []
    assert [e.id for e in journal.history(search="CHATWOOT")] == [merge_id]  # any case
    assert journal.history(status=MergeState.FAILED) == []
    assert [e.id for e in journal.history(provider="chatwoot", limit=None)] == [merge_id]

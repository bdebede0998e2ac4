import sqlite3

from mergedesk.core.models import Record
from mergedesk.core.plan import GroupMerge
from mergedesk.core.steps import MergeStep, StepKind
from mergedesk.store.database import Database
from mergedesk.store.journal import MergeJournal, MergeState, StepState


def begin(journal: MergeJournal, conn: str = "c") -> int:
    merge = GroupMerge.model_validate({"group": "g1", "master": "1", "others": ["2"],
                                       "fields": {"name": {"from": "2"}}})
    return journal.begin(
        conn=conn, provider="chatwoot", base_url="http://127.0.0.1/x", entity="contacts",
        merge=merge,
        snapshots=[Record(id="1", fields={"name": "A"}), Record(id="2", fields={"name": "B"})],
        steps=[MergeStep(index=0, kind=StepKind.UPDATE, master="1", values={"name": "B"}),
               MergeStep(index=1, kind=StepKind.MERGE, master="1", losers=("2",))],
        targets={"name": "B"},
    )


def test_intent_snapshots_and_steps_are_written_before_any_call(open_store):
    journal = MergeJournal(open_store("j"))
    entry = journal.get(begin(journal))
    assert entry.status == MergeState.RUNNING
    assert [s.state for s in entry.steps] == [StepState.INTENT, StepState.INTENT]
    assert entry.snapshots["2"].fields == {"name": "B"}
    assert entry.plan.fields["name"].from_record == "2"


def test_journal_survives_reopening_and_lists_open_merges(open_store):
    journal = MergeJournal(open_store("j"))
    merge_id = begin(journal)
    journal.set_step(merge_id, 1, StepState.SENT)
    reopened = MergeJournal(open_store("j"))
    (entry,) = reopened.open_merges("c")
    assert entry.steps[1].state == StepState.SENT
    reopened.finish(merge_id, MergeState.MERGED, "")
    assert reopened.open_merges() == []
    assert reopened.latest_for_group("c", "g1").finished_at is not None


def test_database_uses_wal_and_full_sync(tmp_path):
    db = Database(tmp_path / "j.sqlite3")
    assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    raw = sqlite3.connect(tmp_path / "j.sqlite3")
    assert raw.execute("PRAGMA user_version").fetchone()[0] >= 1

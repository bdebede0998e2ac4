"""Team review on both backends: leases, record claims that keep reviewers off each
other's records, guarded decisions, the holder in the group list, the change counter,
and the audit by reviewer and day."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from mergedesk.core.models import Record
from mergedesk.store.audit import AuditRow, audit_by_reviewer_day
from mergedesk.store.cache import GroupStore
from mergedesk.store.claims import ClaimLost, RecordsBusy, TeamReview
from mergedesk.store.group_query import GroupQuery, GroupReader
from mergedesk.store.journal import MergeJournal, MergeState
from mergedesk.store.restores import RestoreJournal, RestoreStatus
from tests.store.test_group_list_queries import CONN, group
from tests.store.test_journal import begin as begin_any


def begin(journal: MergeJournal) -> int:
    return begin_any(journal, CONN)  # group g1: records 1 and 2


@pytest.fixture
def db(open_store):
    db = open_store("team", actor="ana")
    GroupStore(db).replace_groups(CONN, [
        (group("g1", "1", "2", score=0.99), ""),
        (group("g2", "2", "3", score=0.95), ""),  # shares record 2 with g1
        (group("g3", "4", "5", score=0.90), ""),
    ])
    return db


def test_reviewers_get_the_best_group_nobody_holds_and_never_overlapping_ones(db):
    team = TeamReview(db)
    ana = team.claim_next_group(CONN, "ana")
    ben = team.claim_next_group(CONN, "ben")
    assert (ana.group_id, ana.records, ben.group_id) == ("g1", ("1", "2"), "g3")
    assert team.claim_next_group(CONN, "cy") is None  # g2 overlaps ana's g1
    assert team.claim_group(CONN, "g1", "cy") is None
    team.decide(ana, "merged")
    assert team.claim_next_group(CONN, "cy").group_id == "g2"
    assert GroupStore(db).group(CONN, "g1")[1] == "merged"


def test_a_lease_that_ran_out_is_taken_over_and_its_holder_can_no_longer_decide(db):
    team = TeamReview(db)
    dead = team.claim_next_group(CONN, "ana", lease_seconds=-1)  # its workstation died
    taken = team.claim_next_group(CONN, "ben")
    assert taken.group_id == dead.group_id == "g1"
    with pytest.raises(ClaimLost):
        team.decide(dead, "not_duplicates")
    with pytest.raises(ClaimLost):
        team.renew(dead)
    assert team.renew(taken, 600).lease_until > taken.lease_until
    assert [c.group_id for c in team.held(CONN, "ben")] == ["g1"]
    team.release(taken)
    assert team.held(CONN, "ben") == [] and team.claim_next_group(CONN, "cy").group_id == "g1"


def test_a_merge_cannot_start_on_records_another_reviewer_holds_or_merges(db, open_store):
    team = TeamReview(db)
    claim = team.claim_next_group(CONN, "ben")  # g1: records 1 and 2
    journal = MergeJournal(db)  # actor ana
    with pytest.raises(RecordsBusy) as busy:
        begin(journal)  # group g1, records 1 and 2
    assert busy.value.record_ids == ("1", "2") and journal.history() == []
    team.release(claim)
    merge_id = begin(journal)
    assert journal.get(merge_id).actor == "ana"
    assert team.claim_next_group(CONN, "ben").group_id == "g3"  # 1 and 2 are being merged
    journal.finish(merge_id, MergeState.UNKNOWN)  # outcome lost: the records stay held
    with pytest.raises(RecordsBusy):
        begin(MergeJournal(open_store("team", actor="ben")))
    journal.finish(merge_id, MergeState.MERGED)
    assert team.claim_next_group(CONN, "ben").group_id == "g1"


def test_the_group_list_shows_who_holds_what_and_a_change_counter_moves(db):
    reader = GroupReader(db)
    before = reader.version(CONN)
    claim = TeamReview(db).claim_next_group(CONN, "ben")
    assert reader.changed_since(CONN, before)
    holders = {row.id: row.claimed_by for row in reader.rows(reader.order(CONN, GroupQuery()))}
    assert holders == {"g1": "ben", "g2": None, "g3": None}
    seen = reader.version(CONN)
    assert not reader.changed_since(CONN, seen)
    TeamReview(db).decide(claim, "not_duplicates")
    assert reader.changed_since(CONN, seen)
    assert reader.status_counts(CONN) == {"open": 2, "not_duplicates": 1}
    reader.close()


def test_the_audit_counts_merges_rejections_and_restores_by_reviewer_and_day(db):
    team = TeamReview(db)
    team.decide(team.claim_next_group(CONN, "ben"), "not_duplicates")
    GroupStore(db).set_status(CONN, "g3", "skipped")  # not counted
    journal = MergeJournal(db)
    merged = begin(journal)
    journal.finish(merged, MergeState.MERGED)
    failed = begin(journal)
    journal.finish(failed, MergeState.FAILED)
    restores = RestoreJournal(db)
    restores.finish(restores.begin(merged, [], actor="cy"), RestoreStatus.RESTORED)
    today = datetime.now(timezone.utc).date().isoformat()
    assert audit_by_reviewer_day(db) == [
        AuditRow("ana", today, 1, 0, 0), AuditRow("ben", today, 0, 1, 0),
        AuditRow("cy", today, 0, 0, 1)]
    assert audit_by_reviewer_day(db, conn="other") == []
    assert RestoreJournal(db).for_merge(merged)[0].actor == "cy"


def test_not_duplicates_are_shared_with_who_decided(db, open_store):
    GroupStore(db).mark_pairs(CONN, [("1", "2")])
    other = open_store("team", actor="ben")  # another workstation on the same store
    assert GroupStore(other).not_duplicate_pairs(CONN) == {frozenset({"1", "2"})}
    row = db.conn.execute("SELECT actor FROM not_duplicates").fetchone()
    assert row[0] == "ana"
    assert Record(id="1")  # records are untouched by decisions

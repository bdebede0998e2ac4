"""Zoho merges end to end through ApplyService over loopback: a group of 5 chained two
children at a time with no chosen value lost, file fields, scheduled jobs, and a lost
answer reconciled without a second merge."""

from __future__ import annotations

from mergedesk.core.models import MergeStatus
from mergedesk.sandbox.faults import Fault, FaultKind
from tests.providers.zoho.conftest import apply_plan

MERGE_ROUTE = "POST /{module}/{record_id}/actions/merge"


def _ids(fake, *indices):
    return [fake.record_id(i) for i in indices]


async def test_a_group_of_five_is_chained_and_every_chosen_value_lands(zoho_sandbox, tmp_path):
    fake = zoho_sandbox.fake
    master, *others = _ids(fake, 10, 11, 12, 13, 14)
    rows = fake.state.records["Contacts"]
    fields = {"Email": {"from": others[0]}, "Phone": {"from": others[3]},
              "Title": {"from": others[2]}, "Mailing_City": {"value": "Lisbon"},
              "Description": {"from": others[1]}}
    expected = {name: rows[c["from"]].get(name) if "from" in c else c["value"]
                for name, c in fields.items()}
    outcome = (await apply_plan(zoho_sandbox, tmp_path, [
        {"group": "g5", "master": master, "others": others, "fields": fields}]))["g5"]
    assert outcome.status == MergeStatus.MERGED, outcome.message
    survivor = rows[master]
    assert {k: survivor.get(k) for k in expected} == expected
    assert all(o not in rows for o in others) and set(others) <= set(fake.state.deleted)
    calls = fake.merge_log
    assert len(calls) == 2 and all(len(c.children) <= 2 for c in calls)
    assert calls[0].fields == {"Email": others[0], "Description": others[1]}
    assert calls[1].fields == {"Phone": others[3], "Title": others[2]}


async def test_files_kept_from_a_child_go_through_data_ids(start_zoho, tmp_path):
    served = start_zoho(files_share=1.0)
    fake = served.fake
    master, child = _ids(fake, 1, 2)
    rows = fake.state.records["Contacts"]
    child_file = rows[child]["Contract_Files"][0]["id"]
    listed = [a["id"] for a in fake.state.attachments_of(master) + fake.state.attachments_of(child)]
    outcome = (await apply_plan(served, tmp_path, [
        {"group": "f", "master": master, "others": [child],
         "attachments": {"keep": [child_file, *listed]}}]))["f"]
    assert outcome.status == MergeStatus.MERGED, outcome.message
    assert [f["id"] for f in rows[master]["Contract_Files"]] == [child_file]
    assert {a["id"] for a in fake.state.attachments_of(master)} == set(listed)


async def test_a_scheduled_merge_is_polled_until_completed(zoho_sandbox, tmp_path):
    fake = zoho_sandbox.fake
    master, child = _ids(fake, 20, 21)
    fake.state.related_counts[child] = 1500  # > 1000 related records: Zoho schedules it
    outcome = (await apply_plan(zoho_sandbox, tmp_path, [
        {"group": "s", "master": master, "others": [child]}]))["s"]
    assert outcome.status == MergeStatus.MERGED, outcome.message
    assert fake.merge_log[0].job_id and child not in fake.state.records["Contacts"]
    assert fake.requests["GET /{module}/{record_id}/actions/merge"] >= 2


async def test_a_lost_merge_answer_is_reconciled_without_merging_again(zoho_sandbox, tmp_path):
    fake = zoho_sandbox.fake
    master, child = _ids(fake, 30, 31)
    fake.faults.add(Fault(FaultKind.DROP_AFTER_APPLY, method="POST", path="actions/merge"))
    plan = [{"group": "d", "master": master, "others": [child],
             "fields": {"Phone": {"from": child}}}]
    first = (await apply_plan(zoho_sandbox, tmp_path, plan))["d"]
    assert first.status == MergeStatus.UNKNOWN
    again = (await apply_plan(zoho_sandbox, tmp_path, plan))["d"]
    assert again.status == MergeStatus.MERGED, again.message
    assert fake.requests[MERGE_ROUTE] == 1 and len(fake.merge_log) == 1


async def test_a_refused_merge_fails_with_zohos_reason_and_nothing_is_lost(zoho_sandbox, tmp_path):
    fake = zoho_sandbox.fake
    master, child = _ids(fake, 40, 41)
    fake.state.locked.add(child)  # in an approval process
    outcome = (await apply_plan(zoho_sandbox, tmp_path, [
        {"group": "l", "master": master, "others": [child]}]))["l"]
    assert outcome.status == MergeStatus.FAILED
    assert "cannot be merged" in outcome.message
    assert child in fake.state.records["Contacts"]

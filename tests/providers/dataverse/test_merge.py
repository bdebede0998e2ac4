"""Dataverse merges end to end through ApplyService: a group of three as two calls with
the chosen values in UpdateContent, verified by reading the deactivated subordinates, and
a lost answer reconciled without merging twice."""

from __future__ import annotations

import httpx
import pytest

from mergedesk.core.models import MergeStatus
from mergedesk.sandbox.faults import Fault, FaultKind
from tests.providers.dataverse.conftest import apply_plan


async def test_a_group_of_three_merges_one_subordinate_per_call(dataverse_sandbox, tmp_path):
    fake = dataverse_sandbox.fake
    master, a, b = (fake.record_id(i) for i in (50, 51, 52))
    rows = fake.rows()
    fields = {"emailaddress1": {"from": a}, "telephone1": {"from": b},
              "jobtitle": {"value": "Chief of Staff"}}
    outcome = (await apply_plan(dataverse_sandbox, tmp_path, [
        {"group": "g", "master": master, "others": [a, b], "fields": fields}]))["g"]
    assert outcome.status == MergeStatus.MERGED, outcome.message
    assert rows[master]["emailaddress1"] == rows[a]["emailaddress1"]
    assert rows[master]["telephone1"] == rows[b]["telephone1"]
    assert rows[master]["jobtitle"] == "Chief of Staff"
    assert [c.subordinate for c in fake.merge_log] == [a, b]
    assert all(rows[x]["_masterid_value"] == master and rows[x]["statecode"] == 1
               for x in (a, b))


async def test_annotations_follow_the_target(start_dataverse, tmp_path):
    served = start_dataverse(notes_share=1.0)
    fake = served.fake
    master, loser = fake.record_id(3), fake.record_id(4)
    outcome = (await apply_plan(served, tmp_path, [
        {"group": "n", "master": master, "others": [loser]}]))["n"]
    assert outcome.status == MergeStatus.MERGED, outcome.message
    owners = [n["_objectid_value"] for n in fake.state.annotations.values()]
    assert owners.count(master) == 2 and loser not in owners


@pytest.mark.parametrize("fault", [
    # The answer never comes back in time although the merge was done.
    Fault(FaultKind.SLOW, method="POST", path="Merge", delay=1.0, apply=True),
    # A gateway error after the merge was done.
    Fault(FaultKind.STATUS, status=502, method="POST", path="Merge", apply=True),
])
async def test_a_lost_merge_answer_is_reconciled_without_merging_again(dataverse_sandbox,
                                                                        tmp_path, fault):
    # (The shared DROP_AFTER_APPLY fault cannot cut Merge's body-less 204: the status
    # line alone is a complete answer, so a timeout and a 502 stand in for it here.)
    fake = dataverse_sandbox.fake
    master, loser = fake.record_id(60), fake.record_id(61)
    fake.faults.add(fault)
    plan = [{"group": "d", "master": master, "others": [loser],
             "fields": {"telephone1": {"from": loser}}}]
    timeout = httpx.Timeout(5.0, read=0.5)
    first = (await apply_plan(dataverse_sandbox, tmp_path, plan, timeout=timeout))["d"]
    assert first.status == MergeStatus.UNKNOWN
    again = (await apply_plan(dataverse_sandbox, tmp_path, plan, timeout=timeout))["d"]
    assert again.status == MergeStatus.MERGED, again.message
    assert len(fake.merge_log) == 1


async def test_a_parent_mismatch_fails_the_merge_with_the_reason(dataverse_sandbox, tmp_path):
    fake = dataverse_sandbox.fake
    master, loser = fake.record_id(70), fake.record_id(71)
    fake.rows()[master]["_parentcustomerid_value"] = "11111111-1111-1111-1111-111111111111"
    fake.rows()[loser]["_parentcustomerid_value"] = "22222222-2222-2222-2222-222222222222"
    outcome = (await apply_plan(dataverse_sandbox, tmp_path, [
        {"group": "p", "master": master, "others": [loser]}], parenting_checks=True))["p"]
    assert outcome.status == MergeStatus.FAILED and "parenting checks" in outcome.message
    assert fake.rows()[loser]["statecode"] == 0


async def test_an_incident_group_writes_chosen_values_in_their_own_step(start_dataverse,
                                                                        tmp_path):
    served = start_dataverse(entity="incidents")
    fake = served.fake
    master, loser = fake.record_id(5), fake.record_id(6)
    outcome = (await apply_plan(served, tmp_path, [
        {"group": "i", "master": master, "others": [loser],
         "fields": {"title": {"from": loser}}}], entity="incidents"))["i"]
    assert outcome.status == MergeStatus.MERGED, outcome.message
    assert fake.rows()[master]["title"] == fake.rows()[loser]["title"]
    assert fake.merge_log[0].update_content == {}  # UpdateContent is ignored for incident
    assert fake.requests["PATCH /{rest:path}"] == 1

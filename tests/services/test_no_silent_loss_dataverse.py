"""Dataverse, through ApplyService against the fake over loopback: the safe defaults keep
every distinct e-mail and phone of three contacts (emailaddress1-3, telephone1-3 and
mobilephone, the rest in the description), a loser's donotemail survives, the owner
conflict (read-only here) is flagged with what to do; a missing privilege and a
parenting-checks conflict stop their group before any write."""

from __future__ import annotations

import pytest

from mergedesk.core.models import MergeStatus
from mergedesk.core.plan import GroupMerge, MergePlan
from mergedesk.core.preflight import FindingKind, open_blockers
from mergedesk.core.rules import resolve
from mergedesk.providers.dataverse import DataverseProvider
from mergedesk.sandbox.faults import Fault, FaultKind
from mergedesk.services.apply import ApplyService
from tests.conftest import serve
from tests.fixtures import no_sleep, run_merges

WRITES = ("POST /{rest:path}", "PATCH /{rest:path}")  # Merge and PATCH: the fake's catch-all
OTHER_OWNER = "5b0e5e2a-0000-4000-8000-0000000000aa"


@pytest.fixture
def dataverse():
    served = serve("dataverse", seed=4, records=30)
    yield served
    served.server.stop()


def client(served, **options) -> DataverseProvider:
    settings = served.settings("dataverse")
    settings = settings.model_copy(update={"options": {**settings.options, **options}})
    return DataverseProvider(settings, sleep=no_sleep)


def writes(served) -> int:
    return sum(served.fake.requests[w] for w in WRITES)


async def read_group(provider, ids):
    records = {rid: await provider.get_record("contacts", rid) for rid in ids}
    defs = {f.api_name: f for f in await provider.field_defs("contacts")}
    return records, defs


async def run(workspace, provider, base_url, *merges: GroupMerge):
    return await run_merges(workspace, "dataverse", provider, base_url, merges, concurrency=1)


async def test_three_contacts_keep_every_email_phone_and_opt_out_owner_waits(
        dataverse, workspace):
    rows, ids = dataverse.fake.rows(), [dataverse.fake.record_id(i) for i in range(3)]
    for n, rid in enumerate(ids):
        rows[rid].update(emailaddress1=f"p{n}@example.org", emailaddress2=f"alt{n}@example.org",
                         emailaddress3=None, telephone1=f"+1415555010{n}",
                         mobilephone=f"+1415555020{n}", telephone2=None, telephone3=None,
                         donotemail=n == 2, description=None, _parentcustomerid_value=None)
    rows[ids[1]]["_ownerid_value"] = OTHER_OWNER
    provider = client(dataverse)
    try:
        records, defs = await read_group(provider, ids)
        out = resolve(list(records.values()), defs)
        merge = GroupMerge(group="g1", master=ids[0], others=tuple(ids[1:]), fields=out.choices)
        service = ApplyService(workspace, sleep=no_sleep)
        found = await service.preflight.review(provider, "c", merge, records, defs)
        (conflict,) = [f for f in found if f.kind == FindingKind.CONFLICT]
        assert conflict.field == "_ownerid_value" and OTHER_OWNER in conflict.message
        # MergeDesk cannot write a Dataverse owner: flagged with what to do, not blocking
        # (no choice could settle it; the Target keeps its own owner).
        assert "make the record with the right Owner the survivor" in conflict.fix
        assert not conflict.blocking and open_blockers(found, merge) == []

        outcome = (await run(workspace, provider, dataverse.base_url, merge))["g1"]
    finally:
        await provider.aclose()

    assert outcome.status == MergeStatus.MERGED, outcome.message
    after = rows[ids[0]]
    slots = [after[k] for k in ("emailaddress1", "emailaddress2", "emailaddress3",
                                "telephone1", "telephone2", "telephone3", "mobilephone")]
    kept = " ".join(str(v) for v in slots) + " " + after["description"]
    for n in range(3):
        for value in (f"p{n}@example.org", f"alt{n}@example.org", f"+1415555010{n}",
                      f"+1415555020{n}"):
            assert value in kept, value
    assert after["emailaddress1"] == "p0@example.org"  # the master's primary stays primary
    assert after["donotemail"] is True  # the loser's opt-out survived
    assert after["_ownerid_value"] != OTHER_OWNER


async def test_a_privilege_refusal_remembered_by_the_service_stops_the_group(
        dataverse, workspace):
    a, b, c, d = (dataverse.fake.record_id(i) for i in range(4))
    dataverse.fake.faults.add(Fault(FaultKind.STATUS, method="POST", path="Merge", status=403,
                                    body={"error": {"code": "0x80040220", "message":
                                          "Principal user is missing prvMergeContact "
                                          "privilege"}}))
    provider = client(dataverse)
    plan = MergePlan(provider="dataverse", entity="contacts", merges=(
        GroupMerge(group="g1", master=a, others=(b,)),
        GroupMerge(group="g2", master=c, others=(d,))))
    service = ApplyService(workspace, sleep=no_sleep)
    try:
        ctx = await service.prepare(provider, dataverse.base_url, plan)
        outcomes = {o.group: o async for o in service.run(ctx, plan.merges, concurrency=1)}
    finally:
        await provider.aclose()
    assert "lacks a privilege" in outcomes["g1"].message
    assert outcomes["g2"].status == MergeStatus.FAILED
    assert "pre-flight" in outcomes["g2"].message and "Merge privilege" in outcomes["g2"].message
    assert "nothing was sent" in outcomes["g2"].message
    assert writes(dataverse) == 1  # only g1's refused Merge
    assert [c.subordinate for c in dataverse.fake.merge_log] == []


async def test_different_parents_with_parenting_checks_are_stopped_before_any_write(
        dataverse, workspace):
    rows = dataverse.fake.rows()
    master, loser = dataverse.fake.record_id(5), dataverse.fake.record_id(6)
    rows[master]["_parentcustomerid_value"] = "9b0e5e2a-0000-4000-8000-000000000001"
    rows[loser]["_parentcustomerid_value"] = "9b0e5e2a-0000-4000-8000-000000000002"
    provider = client(dataverse, parenting_checks=True)
    try:
        outcome = (await run(workspace, provider, dataverse.base_url,
                             GroupMerge(group="p", master=master, others=(loser,))))["p"]
    finally:
        await provider.aclose()
    assert outcome.status == MergeStatus.FAILED
    assert "different Parent and the merge checks parents" in outcome.message
    assert "merge without parenting checks" in outcome.message
    assert writes(dataverse) == 0 and dataverse.fake.merge_log == []

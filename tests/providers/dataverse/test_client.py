"""The Dataverse client against the fake over loopback: metadata, OData paging to the
end, rows and annotations, updates with If-Match, merge errors and service protection."""

from __future__ import annotations

import asyncio
import time

import pytest

from mergedesk.core.steps import MergeStep, StepKind
from mergedesk.providers import errors
from mergedesk.sandbox.faults import Fault, FaultKind
from tests.providers.dataverse.conftest import provider


def step(master: str, loser: str, **extra) -> MergeStep:
    return MergeStep(index=0, kind=StepKind.MERGE, master=master, losers=(loser,), **extra)


async def test_pages_5000_rows_to_the_end_with_maxpagesize_and_next_links(start_dataverse):
    served = start_dataverse(records=5200, notes_share=0.0)
    client = provider(served, page_size=1000)
    pages = [p async for p in client.list_records("contacts")]
    ids = [r.id for p in pages for r in p.records]
    assert len(pages) == 6 and [len(p.records) for p in pages[:5]] == [1000] * 5
    assert sorted(ids) == sorted(served.fake.rows()) and len(set(ids)) == 5200
    assert served.fake.requests["GET /{rest:path}"] >= 6
    await client.aclose()


async def test_inactive_rows_are_not_listed(dataverse_sandbox):
    fake = dataverse_sandbox.fake
    gone = fake.record_id(7)
    fake.rows()[gone]["statecode"] = 1
    client = provider(dataverse_sandbox)
    listed = {r.id async for p in client.list_records("contacts") for r in _records(p)}
    assert gone not in listed and fake.record_id(8) in listed
    await client.aclose()


def _records(page):
    return page.records


async def test_attribute_metadata_decides_what_can_be_picked(dataverse_sandbox):
    client = provider(dataverse_sandbox)
    defs = {f.api_name: f for f in await client.field_defs("contacts")}
    assert defs["emailaddress1"].writable and defs["lastname"].required
    assert not defs["createdon"].writable and not defs["fullname"].writable
    assert "masteridname" not in defs and "statecode" not in defs
    await client.aclose()


async def test_rows_carry_annotations_and_a_missing_row_is_none(start_dataverse):
    served = start_dataverse(notes_share=1.0)
    client = provider(served)
    record = await client.get_record("contacts", served.fake.record_id(2))
    assert len(record.attachments) == 1 and record.attachments[0].name.endswith(".pdf")
    assert await client.get_record("contacts", "00000000-0000-0000-0000-00000000abcd") is None
    await client.aclose()


async def test_update_never_creates_a_missing_row(dataverse_sandbox):
    client = provider(dataverse_sandbox)
    rid = dataverse_sandbox.fake.record_id(3)
    await client.update("contacts", rid, {"jobtitle": "COO"})
    assert dataverse_sandbox.fake.rows()[rid]["jobtitle"] == "COO"
    missing = "00000000-0000-0000-0000-00000000beef"
    with pytest.raises(errors.NotFound):
        await client.update("contacts", missing, {"jobtitle": "COO"})
    assert missing not in dataverse_sandbox.fake.rows()
    with pytest.raises(errors.ValidationFailed) as caught:
        await client.update("contacts", rid, {"fullname": "X"})
    assert "fullname" in caught.value.field_errors
    await client.aclose()


async def test_merge_deactivates_the_subordinate_with_update_content(dataverse_sandbox):
    fake = dataverse_sandbox.fake
    master, loser = fake.record_id(10), fake.record_id(11)
    client = provider(dataverse_sandbox)
    await client.merge("contacts", step(master, loser, values={"telephone1": "+1 555 0100"}))
    call = fake.merge_log[0]
    assert call.update_content == {"telephone1": "+1 555 0100"} and not call.parenting_checks
    gone = await client.get_record("contacts", loser)
    assert not gone.active and gone.merged_into == master
    assert fake.rows()[loser]["merged"] is True
    await client.aclose()


async def test_incident_values_are_patched_first_because_update_content_is_ignored(
        start_dataverse):
    served = start_dataverse(entity="incidents")
    fake = served.fake
    master, loser = fake.record_id(1), fake.record_id(2)
    client = provider(served)
    await client.merge("incidents", step(master, loser, values={"title": "Merged case"}))
    assert fake.rows()[master]["title"] == "Merged case"
    assert fake.merge_log[0].update_content == {}
    assert fake.rows()[loser]["statuscode"] == 2000  # cancelled as "Merged"
    await client.aclose()


async def test_parenting_checks_are_an_option_and_a_mismatch_is_explained(dataverse_sandbox):
    fake = dataverse_sandbox.fake
    master, loser = fake.record_id(20), fake.record_id(21)
    fake.rows()[master]["_parentcustomerid_value"] = "11111111-1111-1111-1111-111111111111"
    fake.rows()[loser]["_parentcustomerid_value"] = "22222222-2222-2222-2222-222222222222"
    client = provider(dataverse_sandbox, parenting_checks=True)
    with pytest.raises(errors.Conflict, match=r"different parents.*parenting checks"):
        await client.merge("contacts", step(master, loser))
    await client.merge("contacts", step(master, loser, options={"parenting_checks": False}))
    assert fake.rows()[loser]["statecode"] == 1
    await client.aclose()


async def test_merging_an_inactive_row_is_a_conflict(dataverse_sandbox):
    fake = dataverse_sandbox.fake
    master, loser = fake.record_id(30), fake.record_id(31)
    fake.rows()[loser]["statecode"] = 1
    client = provider(dataverse_sandbox)
    with pytest.raises(errors.Conflict, match="is deactive"):
        await client.merge("contacts", step(master, loser))
    await client.aclose()


async def test_a_429_with_retry_after_pauses_every_request(dataverse_sandbox):
    dataverse_sandbox.fake.faults.add(Fault(FaultKind.STATUS, status=429, method="GET",
                                            path=r"/contacts\(", headers={"Retry-After": "1"}))
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    client = provider(dataverse_sandbox, sleep=sleep)
    assert await client.get_record("contacts", dataverse_sandbox.fake.record_id(1))
    assert client.pacer.throttled == 1 and 1.0 in slept
    await client.aclose()


async def test_the_client_keeps_the_request_budget_and_is_never_throttled(start_dataverse):
    served = start_dataverse(requests_per_window=30, window=1.0)
    client = provider(served, sleep=asyncio.sleep, requests_per_window=30, window=1.0)
    started = time.monotonic()
    await asyncio.gather(*(client.check_auth() for _ in range(75)))
    assert served.fake.limits.refused == 0 and time.monotonic() - started >= 2.0
    await client.aclose()


async def test_concurrency_stays_under_the_limit(start_dataverse):
    served = start_dataverse(concurrency=4, latency=0.02)
    client = provider(served, concurrency=4)
    await asyncio.gather(*(client.check_auth() for _ in range(40)))
    assert served.fake.limits.refused == 0 and served.fake.limits.peak == 4
    await client.aclose()


async def test_a_5xx_on_merge_is_outcome_unknown_and_not_resent(dataverse_sandbox):
    fake = dataverse_sandbox.fake
    fake.faults.add(Fault(FaultKind.STATUS, status=503, method="POST", path="Merge"))
    client = provider(dataverse_sandbox)
    with pytest.raises(errors.OutcomeUnknown):
        await client.merge("contacts", step(fake.record_id(40), fake.record_id(41)))
    assert fake.requests["POST /{rest:path}"] == 1
    await client.aclose()


async def test_a_wrong_shaped_list_is_a_bad_response(dataverse_sandbox):
    dataverse_sandbox.fake.faults.add(Fault(FaultKind.WRONG_SHAPE, method="GET",
                                            path="/contacts$"))
    client = provider(dataverse_sandbox)
    with pytest.raises(errors.BadResponse, match="row list"):
        [p async for p in client.list_records("contacts")]
    await client.aclose()


async def test_a_long_retry_after_becomes_rate_limited_with_the_wait(dataverse_sandbox):
    dataverse_sandbox.fake.faults.add(Fault(FaultKind.STATUS, status=429, method="GET",
                                            path=r"/contacts\(", headers={"Retry-After": "900"}))
    client = provider(dataverse_sandbox)
    with pytest.raises(errors.RateLimited) as caught:
        await client.get_record("contacts", dataverse_sandbox.fake.record_id(1))
    assert caught.value.retry_after == 900 and "0x80072322" in str(caught.value)
    await client.aclose()

"""The Zoho client against the fake over loopback: metadata, paging past 2,000 records
with field batches, records with files, updates, errors and limits."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from mergedesk.core.models import FieldType
from mergedesk.core.steps import MergeStep, StepKind
from mergedesk.providers import errors
from mergedesk.providers.zoho import mapping
from mergedesk.sandbox.faults import Fault, FaultKind
from tests.providers.zoho.conftest import provider


async def test_lists_5000_records_past_2000_with_batched_fields(start_zoho):
    served = start_zoho(records=5200, extra_fields=45, files_share=0.0)
    client = provider(served)
    pages = [p async for p in client.list_records("contacts")]
    listed = [r for p in pages for r in p.records]
    assert [r.id for r in listed] == sorted(served.fake.state.records["Contacts"], key=int)
    assert all(len(p.records) == 200 for p in pages[:-1])
    wide = listed[4321].fields
    row = served.fake.state.records["Contacts"][listed[4321].id]
    assert wide["Custom_Field_45"] == row["Custom_Field_45"] and wide["Email"] == row["Email"]
    tokens = [f for f in served.fake.requests.snapshot() if f.startswith("GET /{module}")]
    assert tokens and client.token_refreshes == 1
    await client.aclose()


async def test_an_empty_module_answers_204_and_lists_nothing(zoho_sandbox):
    client = provider(zoho_sandbox)
    assert [p async for p in client.list_records("leads")] == []
    await client.aclose()


async def test_field_metadata_marks_read_only_and_file_fields(zoho_sandbox):
    client = provider(zoho_sandbox)
    defs = {f.api_name: f for f in await client.field_defs("contacts")}
    assert defs["Email"].writable and defs["Email"].type == FieldType.EMAIL
    assert not defs["Created_Time"].writable and not defs["Modified_By"].writable
    assert defs["Contract_Files"].type == FieldType.FILE and not defs["Contract_Files"].writable
    assert defs["Last_Name"].required
    await client.aclose()


async def test_a_record_carries_field_files_and_attachments_and_gone_is_none(start_zoho):
    served = start_zoho(files_share=1.0)
    client = provider(served)
    rid = served.fake.record_id(3)
    record = await client.get_record("contacts", rid)
    kinds = sorted((a.field or "list") for a in record.attachments)
    assert kinds == ["Contract_Files", "list"]
    assert "Contract_Files" not in record.fields and "$editable" not in record.fields
    with served.fake.state.lock:
        served.fake.state.records["Contacts"].pop(rid)
    assert await client.get_record("contacts", rid) is None
    await client.aclose()


async def test_update_writes_values_and_a_bad_value_names_the_field(zoho_sandbox):
    client = provider(zoho_sandbox)
    rid = zoho_sandbox.fake.record_id(2)
    await client.update("contacts", rid, {"Title": "Head of Ops"})
    assert zoho_sandbox.fake.state.records["Contacts"][rid]["Title"] == "Head of Ops"
    with pytest.raises(errors.ValidationFailed) as caught:
        await client.update("contacts", rid, {"Email": "not-an-email"})
    assert caught.value.field_errors == {"Email": "invalid data"}
    await client.aclose()


async def test_429_without_retry_after_is_waited_out_and_retried(zoho_sandbox):
    zoho_sandbox.fake.faults.add(Fault(FaultKind.STATUS, status=429, method="GET", count=2))
    client = provider(zoho_sandbox)
    assert await client.get_record("contacts", zoho_sandbox.fake.record_id(1)) is not None
    assert client.pacer.throttled == 2
    await client.aclose()


async def test_the_org_concurrency_cap_is_never_exceeded(start_zoho):
    served = start_zoho(concurrency=3, latency=0.02)
    client = provider(served, concurrency=3)
    ids = [served.fake.record_id(i) for i in range(30)]
    await asyncio.gather(*(client.get_record("contacts", r) for r in ids))
    assert served.fake.limits.refused == 0 and served.fake.limits.peak == 3
    assert client.capabilities.max_concurrency == 3
    await client.aclose()


async def test_a_wrong_shaped_answer_is_a_bad_response(zoho_sandbox):
    zoho_sandbox.fake.faults.add(Fault(FaultKind.WRONG_SHAPE, method="GET", path=r"/Contacts/\d+$"))
    client = provider(zoho_sandbox)
    with pytest.raises(errors.BadResponse, match="record"):
        await client.get_record("contacts", zoho_sandbox.fake.record_id(1))
    await client.aclose()


async def test_a_5xx_on_merge_is_outcome_unknown_and_not_resent(zoho_sandbox):
    fake = zoho_sandbox.fake
    fake.faults.add(Fault(FaultKind.STATUS, status=500, method="POST", path="merge"))
    client = provider(zoho_sandbox)
    step = MergeStep(index=0, kind=StepKind.MERGE, master=fake.record_id(0),
                     losers=(fake.record_id(1),))
    with pytest.raises(errors.OutcomeUnknown):
        await client.merge("contacts", step)
    assert fake.requests["POST /{module}/{record_id}/actions/merge"] == 1
    await client.aclose()


async def test_more_than_two_children_are_refused_before_sending(zoho_sandbox):
    fake = zoho_sandbox.fake
    client = provider(zoho_sandbox)
    step = MergeStep(index=0, kind=StepKind.MERGE, master=fake.record_id(0),
                     losers=tuple(fake.record_id(i) for i in (1, 2, 3)))
    with pytest.raises(errors.ValidationFailed, match="two child"):
        await client.merge("contacts", step)
    assert fake.requests["POST /{module}/{record_id}/actions/merge"] == 0
    await client.aclose()


def _answer(status: int, body: dict, method: str = "POST",
            url: str = "https://www.zohoapis.com/crm/v8/Contacts/1/actions/merge"):
    return httpx.Response(status, json=body, request=httpx.Request(method, url))


@pytest.mark.parametrize(("message", "kind", "words"), [
    ("Master record id is not available", errors.NotFound, "master record does not"),
    ("The data JSON object has reached its limit", errors.ValidationFailed, "two child"),
    ("Reporting_To and Account_Name should belong to the same record", errors.ValidationFailed,
     "same record"),
    ("Only Open Deals can be merged", errors.ValidationFailed, "only open deals"),
    ("Similar ID is already given for merging", errors.ValidationFailed, "given twice"),
    ("Field has already been mentioned for other record in merge", errors.ValidationFailed,
     "more than one record"),
])
def test_documented_merge_errors_get_a_clear_message(message, kind, words):
    code = "NOT_ALLOWED" if "Open Deals" in message or "Reporting" in message else "INVALID_DATA"
    body = {"merge": [{"code": code, "details": {}, "message": message, "status": "error"}]}
    info = mapping.describe_error(_answer(400, body))
    assert words in info.message and (info.kind or errors.ValidationFailed) is kind


def test_scope_mismatch_names_the_scope_from_the_url():
    body = {"code": "OAUTH_SCOPE_MISMATCH", "details": {}, "message": "invalid oauth scope",
            "status": "error"}
    info = mapping.describe_error(_answer(401, body, "GET",
                                          "https://www.zohoapis.com/crm/v8/settings/fields"))
    assert info.kind is errors.PermissionDenied and "ZohoCRM.settings.fields.READ" in info.message

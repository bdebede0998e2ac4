"""The Chatwoot client against the protocol-faithful fake, over real loopback HTTP."""

import httpx
import pytest

from mergedesk.core.steps import MergeStep, StepKind
from mergedesk.providers import errors
from mergedesk.providers.base import ConnectionSettings
from mergedesk.providers.chatwoot import ChatwootProvider
from mergedesk.providers.retry import RetryPolicy
from mergedesk.sandbox.faults import Fault, FaultKind
from tests.fixtures import no_sleep


def client(sandbox, **kw) -> ChatwootProvider:
    return ChatwootProvider(sandbox.settings("chatwoot"), sleep=no_sleep, **kw)


def merge_step(base: int, mergee: int) -> MergeStep:
    return MergeStep(index=0, kind=StepKind.MERGE, master=str(base), losers=(str(mergee),))


async def test_lists_every_resolved_contact_page_by_page(chatwoot_sandbox):
    provider = client(chatwoot_sandbox)
    pages = [page async for page in provider.list_records("contacts")]
    await provider.aclose()
    listed = [r.id for p in pages for r in p.records]
    resolved = chatwoot_sandbox.fake.state.resolved(1)
    assert sorted(listed, key=int) == sorted((str(c["id"]) for c in resolved), key=int)
    assert len(listed) == len(set(listed))
    assert all(len(p.records) == 15 for p in pages[:-1])
    assert pages[0].total == len(resolved)


async def test_wrong_token_is_an_auth_error_with_chatwoots_message(chatwoot_sandbox):
    settings = ConnectionSettings(provider="chatwoot", base_url=chatwoot_sandbox.base_url,
                                  credentials={"token": "not-the-token"})
    provider = ChatwootProvider(settings)
    with pytest.raises(errors.AuthError, match="Invalid Access Token"):
        await provider.check_auth()
    await provider.aclose()


async def test_get_record_reads_labels_and_conversations(chatwoot_sandbox):
    state = chatwoot_sandbox.fake.state
    contact_id = next(iter(state.resolved(1)))["id"]
    provider = client(chatwoot_sandbox)
    record = await provider.get_record("contacts", str(contact_id))
    assert record.fields["labels"] == state.labels.get(contact_id, [])
    assert record.related_counts["conversations"] == len(state.conversations_of(contact_id))
    assert await provider.get_record("contacts", "999999") is None
    await provider.aclose()


async def test_update_writes_attribute_keys_without_replacing_the_others(chatwoot_sandbox):
    state = chatwoot_sandbox.fake.state
    contact = next(iter(state.resolved(1)))
    cid = contact["id"]
    provider = client(chatwoot_sandbox)
    await provider.update("contacts", str(cid), {
        "additional_attributes.city": "Tromsø", "custom_attributes.plan": "gold",
        "labels": ["vip", "renewal"],
    })
    record = await provider.get_record("contacts", str(cid))
    await provider.aclose()
    assert record.fields["additional_attributes.city"] == "Tromsø"
    assert record.fields["custom_attributes.plan"] == "gold"
    assert sorted(record.fields["labels"]) == ["renewal", "vip"]
    before = {k: v for k, v in (contact.get("additional_attributes") or {}).items() if k != "city"}
    assert {k: record.fields.get(f"additional_attributes.{k}") for k in before} == before


async def test_merge_deletes_the_mergee_and_is_sent_once(chatwoot_sandbox):
    fake = chatwoot_sandbox.fake
    base, mergee = [c["id"] for c in fake.state.resolved(1)[:2]]
    provider = client(chatwoot_sandbox)
    await provider.merge("contacts", merge_step(base, mergee))
    assert await provider.get_record("contacts", str(mergee)) is None
    await provider.aclose()
    assert [(m.base, m.mergee) for m in fake.merge_log] == [(base, mergee)]


async def test_dropped_answer_after_a_merge_is_outcome_unknown_not_a_resend(chatwoot_sandbox):
    fake = chatwoot_sandbox.fake
    base, mergee = [c["id"] for c in fake.state.resolved(1)[:2]]
    fake.faults.add(Fault(FaultKind.DROP_AFTER_APPLY, method="POST", path="contact_merge"))
    provider = client(chatwoot_sandbox)
    with pytest.raises(errors.OutcomeUnknown):
        await provider.merge("contacts", merge_step(base, mergee))
    await provider.aclose()
    assert len(fake.merge_log) == 1  # applied once, never re-sent


async def test_read_timeout_after_the_merge_applied_is_outcome_unknown(chatwoot_sandbox):
    fake = chatwoot_sandbox.fake
    base, mergee = [c["id"] for c in fake.state.resolved(1)[:2]]
    fake.faults.add(Fault(FaultKind.SLOW, method="POST", path="contact_merge", delay=2.0))
    provider = client(chatwoot_sandbox, timeout=httpx.Timeout(5.0, read=0.3))
    with pytest.raises(errors.OutcomeUnknown, match="timed out"):
        await provider.merge("contacts", merge_step(base, mergee))
    await provider.aclose()
    assert len(fake.merge_log) == 1


@pytest.mark.parametrize("kind", [FaultKind.WRONG_SHAPE, FaultKind.MALFORMED_JSON])
async def test_wrong_shaped_or_malformed_listing_is_a_bad_response(chatwoot_sandbox, kind):
    chatwoot_sandbox.fake.faults.add(Fault(kind, method="GET", path="/contacts$"))
    provider = client(chatwoot_sandbox)
    with pytest.raises(errors.BadResponse):
        [page async for page in provider.list_records("contacts")]
    await provider.aclose()


async def test_429_storm_without_retry_after_is_ridden_out_with_backoff(chatwoot_sandbox):
    chatwoot_sandbox.fake.faults.add(Fault(FaultKind.STATUS, status=429, method="GET",
                                           path="/contacts$", count=3))
    provider = client(chatwoot_sandbox, policy=RetryPolicy(max_attempts=5))
    info = await provider.check_auth()
    await provider.aclose()
    assert info.tenant == "account 1"


async def test_html_error_page_on_a_merge_is_outcome_unknown(chatwoot_sandbox):
    chatwoot_sandbox.fake.faults.add(Fault(FaultKind.HTML_ERROR, method="POST",
                                           path="contact_merge"))
    base, mergee = [c["id"] for c in chatwoot_sandbox.fake.state.resolved(1)[:2]]
    provider = client(chatwoot_sandbox)
    with pytest.raises(errors.OutcomeUnknown):
        await provider.merge("contacts", merge_step(base, mergee))
    await provider.aclose()
    assert chatwoot_sandbox.fake.merge_log == []  # the fault refused before applying

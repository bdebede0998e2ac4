"""The LeadLex client against the protocol-faithful fake, over real loopback HTTP:
paging, reads, updates that never duplicate notes, merges with Idempotency-Key and
dry_run, the CSV export, rate limits and every error class."""

import asyncio

import httpx
import pytest
from pydantic import SecretStr

from mergedesk.core.steps import MergeStep, StepKind
from mergedesk.providers import errors
from mergedesk.providers.leadlex import LeadLexPacer, client
from mergedesk.providers.retry import RetryPolicy
from mergedesk.sandbox.faults import Fault, FaultKind
from tests.providers.leadlex.conftest import FakeClock, provider_for


def merge_step(master: str, *losers: str, key: str | None = "key-1", overwrite=False) -> MergeStep:
    return MergeStep(index=0, kind=StepKind.MERGE, master=master, losers=losers,
                     idempotency_key=key, options={"overwrite": overwrite})


async def test_pages_to_the_end_of_5200_contacts(start_leadlex):
    served = start_leadlex(records=5200)
    provider = provider_for(served)
    pages = [page async for page in provider.list_records("contacts")]
    await provider.aclose()
    listed = [r.id for p in pages for r in p.records]
    assert len(listed) == len(set(listed)) == 5200 and set(listed) == set(served.fake.contact_ids)
    assert len(pages) == 52 and pages[0].total == 5200
    assert "company_name" in pages[0].records[0].fields


async def test_a_single_contact_reads_company_as_company_name_and_a_retired_one_is_gone(
    leadlex, leadlex_sandbox
):
    a, b = leadlex_sandbox.fake.contact_ids[:2]
    record = await leadlex.get_record("contacts", a)
    row = leadlex_sandbox.fake.state.contacts[a]
    assert record.fields["company_name"] == row["company_name"] and "company" not in record.fields
    assert record.fields["first_name"] == row["first_name"]
    await leadlex.merge("contacts", merge_step(a, b))
    assert await leadlex.get_record("contacts", b) is None


async def test_update_never_sends_notes_so_they_cannot_be_appended_twice(leadlex, leadlex_sandbox):
    fake = leadlex_sandbox.fake
    cid = fake.contact_ids[4]
    notes_before = len(fake.state.notes_of(cid))
    with pytest.raises(errors.ValidationFailed, match="never writes LeadLex notes"):
        await leadlex.update("contacts", cid, {"job_title": "CTO", "notes": "merged"})
    assert fake.requests["PATCH /v1/contacts/{contact_id}"] == 0
    await leadlex.update("contacts", cid, {"job_title": "CTO", "full_name": "Ada Lovelace"})
    row = fake.state.contacts[cid]
    assert (row["job_title"], row["first_name"], row["last_name"]) == ("CTO", "Ada", "Lovelace")
    assert len(fake.state.notes_of(cid)) == notes_before


async def test_a_bad_value_is_refused_by_leadlex_with_its_message(leadlex, leadlex_sandbox):
    cid = leadlex_sandbox.fake.contact_ids[5]
    with pytest.raises(errors.ValidationFailed, match=r"not an email address \[validation_error\]"):
        await leadlex.update("contacts", cid, {"email": "nope"})
    with pytest.raises(errors.ValidationFailed, match="cannot update tags"):
        await leadlex.update("contacts", cid, {"tags": ["x"]})


async def test_dry_run_previews_without_a_key_and_changes_nothing(leadlex, leadlex_sandbox):
    fake = leadlex_sandbox.fake
    a, b, c = fake.contact_ids[:3]
    fake.state.contacts[a]["job_title"] = None
    before = dict(fake.state.contacts[a])
    result = await leadlex.merge("contacts", merge_step(a, b, c, key="real-key"), dry_run=True)
    assert result.state.value == "not_applied" and result.preview is not None
    expected = fake.state.contacts[b]["job_title"] or fake.state.contacts[c]["job_title"]
    assert result.preview["job_title"] == expected
    assert fake.merge_log == [] and fake.state.contacts[a] == before
    # The real merge may then use its key: the dry run did not spend it.
    real = await leadlex.merge("contacts", merge_step(a, b, c, key="real-key"))
    assert real.state.value == "applied"


async def test_a_dropped_answer_is_resent_with_the_same_key_and_merges_once(
    leadlex, leadlex_sandbox
):
    fake = leadlex_sandbox.fake
    a, b = fake.contact_ids[:2]
    fake.faults.add(Fault(FaultKind.DROP_AFTER_APPLY, method="POST", path="/merge$"))
    result = await leadlex.merge("contacts", merge_step(a, b, key="k-drop"))
    assert result.state.value == "applied"
    assert len(fake.merge_log) == 1 and fake.idempotency.replays == 1
    assert fake.requests["POST /v1/contacts/merge"] == 2


async def test_without_a_key_a_dropped_answer_is_unknown_and_not_resent(leadlex, leadlex_sandbox):
    fake = leadlex_sandbox.fake
    a, b = fake.contact_ids[:2]
    fake.faults.add(Fault(FaultKind.DROP_AFTER_APPLY, method="POST", path="/merge$"))
    with pytest.raises(errors.OutcomeUnknown):
        await leadlex.merge("contacts", merge_step(a, b, key=None))
    assert len(fake.merge_log) == 1 and fake.requests["POST /v1/contacts/merge"] == 1


async def test_a_key_still_in_flight_answers_409_and_the_client_waits_for_the_result(
    start_leadlex
):
    served = start_leadlex(merge_delay=0.8)
    fake = served.fake

    async def short_sleep(seconds: float) -> None:
        await asyncio.sleep(min(seconds, 0.3))

    provider = provider_for(served, sleep=short_sleep, timeout=httpx.Timeout(5.0, read=0.25))
    a, b = fake.contact_ids[:2]
    result = await provider.merge("contacts", merge_step(a, b, key="k-slow"))
    await provider.aclose()
    assert result.state.value == "applied"
    assert len(fake.merge_log) == 1 and fake.idempotency.replays == 1
    assert fake.merge_requests >= 3  # first, at least one 409 in flight, then the replay


async def test_a_reused_key_with_another_body_is_a_clear_conflict(leadlex, leadlex_sandbox):
    a, b, c = leadlex_sandbox.fake.contact_ids[:3]
    await leadlex.merge("contacts", merge_step(a, b, key="same"))
    with pytest.raises(errors.Conflict, match=r"reused Idempotency-Key.*merged nothing"):
        await leadlex.merge("contacts", merge_step(a, c, key="same"))
    assert len(leadlex_sandbox.fake.merge_log) == 1


async def test_merge_conflict_is_told_apart_from_a_key_in_flight_and_not_retried(
    leadlex, leadlex_sandbox
):
    fake = leadlex_sandbox.fake
    body = {"error": {"code": "merge_conflict",
                      "message": "Duplicates reference each other in a circular chain"}}
    fake.faults.add(Fault(FaultKind.STATUS, status=409, body=body, method="POST", path="/merge$"))
    a, b = fake.contact_ids[:2]
    with pytest.raises(errors.Conflict, match="circular chain") as caught:
        await leadlex.merge("contacts", merge_step(a, b))
    assert caught.value.vendor_code == "merge_conflict"
    assert fake.requests["POST /v1/contacts/merge"] == 1


async def test_more_than_20_duplicates_is_refused_before_sending(leadlex, leadlex_sandbox):
    ids = leadlex_sandbox.fake.contact_ids[:22]
    with pytest.raises(errors.ValidationFailed, match="1 to 20 duplicates"):
        await leadlex.merge("contacts", merge_step(ids[0], *ids[1:]))
    assert leadlex_sandbox.fake.requests["POST /v1/contacts/merge"] == 0


async def test_merging_a_retired_contact_is_not_found(leadlex, leadlex_sandbox):
    a, b, c = leadlex_sandbox.fake.contact_ids[:3]
    await leadlex.merge("contacts", merge_step(a, b, key="one"))
    with pytest.raises(errors.NotFound, match=f"Contact {b} not found"):
        await leadlex.merge("contacts", merge_step(c, b, key="two"))


@pytest.mark.parametrize(("key_name", "kind", "words"), [
    ("expired_key", errors.AuthError, "Invalid or expired API key"),
    ("read_only_key", errors.PermissionDenied, "Write permission"),
])
async def test_expired_and_read_only_keys_say_what_to_fix(leadlex_sandbox, key_name, kind, words):
    fake = leadlex_sandbox.fake
    settings = leadlex_sandbox.settings("leadlex")
    settings = settings.model_copy(
        update={"credentials": {"api_key": SecretStr(getattr(fake, key_name))}})
    provider = client.LeadLexProvider(settings)
    with pytest.raises(kind, match=words):
        a, b = fake.contact_ids[:2]
        await provider.merge("contacts", merge_step(a, b))
    await provider.aclose()
    assert fake.merge_log == []


async def test_the_plan_is_recognised_from_the_daily_limit_and_requests_are_paced(start_leadlex):
    clock = FakeClock()
    served = start_leadlex(records=1500, plan="starter", clock=clock)
    provider = provider_for(served, sleep=clock.sleep,
                            pacer=LeadLexPacer(clock=clock, sleep=clock.sleep))
    records = [r async for page in provider.list_records("contacts") for r in page.records]
    budget = provider.pacer.budget
    await provider.aclose()
    assert len(records) == 1500
    assert (budget.limit, budget.per_minute, budget.remaining) == (100, 10, 85)
    assert clock.slept >= 60  # the 11th request waited for the minute to pass


async def test_an_unknown_per_minute_limit_is_ridden_out_with_429_and_retry_after(start_leadlex):
    clock = FakeClock()
    served = start_leadlex(records=1500, daily=5000, per_minute=10, clock=clock)
    provider = provider_for(served, sleep=clock.sleep,
                            pacer=LeadLexPacer(clock=clock, sleep=clock.sleep))
    records = [r async for page in provider.list_records("contacts") for r in page.records]
    throttled = provider.pacer.minute.throttled
    await provider.aclose()
    assert len(records) == 1500 and throttled >= 1


async def test_a_spent_daily_budget_is_refused_before_sending_with_the_reset_time(
    start_leadlex
):
    served = start_leadlex(plan="starter")
    served.fake.limits.used_today = 99
    provider = provider_for(served, policy=RetryPolicy(max_attempts=2))
    assert (await provider.budget()).remaining == 0
    sent = served.fake.requests.snapshot()
    with pytest.raises(errors.RateLimited, match=r"daily budget of 100 requests is used up; "
                                                 r"it resets at 00:00 UTC") as caught:
        await provider.get_record("contacts", served.fake.contact_ids[0])
    await provider.aclose()
    assert caught.value.retry_after > 0 and served.fake.requests.snapshot() == sent


async def test_the_export_snapshots_every_contact_in_pages(start_leadlex, monkeypatch):
    served = start_leadlex(records=250)
    monkeypatch.setattr(client, "EXPORT_ROWS", 100)
    provider = provider_for(served)
    records = await provider.export_snapshot()
    await provider.aclose()
    assert sorted(r.id for r in records) == sorted(served.fake.contact_ids)
    assert served.fake.requests["GET /v1/contacts/export"] >= 3
    row = served.fake.state.contacts[records[0].id]
    assert records[0].fields["tags"] == row["tags"]


async def test_the_eleventh_export_in_an_hour_is_rate_limited_with_the_wait(leadlex):
    for _ in range(10):
        await leadlex.export_snapshot()
    with pytest.raises(errors.RateLimited, match="10 calls per hour") as caught:
        await leadlex.export_snapshot()
    assert caught.value.retry_after > 120


@pytest.mark.parametrize("kind", [FaultKind.WRONG_SHAPE, FaultKind.MALFORMED_JSON])
async def test_wrong_shaped_or_malformed_answers_are_bad_responses(leadlex, leadlex_sandbox, kind):
    leadlex_sandbox.fake.faults.add(Fault(kind, method="GET", path="/v1/contacts$"))
    with pytest.raises(errors.BadResponse):
        [page async for page in leadlex.list_records("contacts")]

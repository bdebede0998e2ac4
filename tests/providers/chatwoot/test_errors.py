"""Every class of Chatwoot failure, as the client reports it: the right error type and a
message that says what happened, over real loopback HTTP against the fake."""

from __future__ import annotations

import pytest

from mergedesk.core.steps import MergeStep, StepKind
from mergedesk.providers import errors
from mergedesk.providers.chatwoot import ChatwootProvider
from mergedesk.providers.retry import RetryPolicy
from mergedesk.sandbox.faults import Fault, FaultKind
from tests.providers.chatwoot.conftest import (
    add_contact,
    merge_calls,
    no_sleep,
    provider,
    settings_for,
)


def step(base: str, mergee: str) -> MergeStep:
    return MergeStep(index=0, kind=StepKind.MERGE, master=base, losers=(mergee,))


async def test_a_bad_token_is_an_auth_error_in_chatwoots_words(cw):
    client = ChatwootProvider(settings_for(cw, cw.base_url, "not-the-token"))
    with pytest.raises(errors.AuthError, match=r"^Invalid Access Token \(HTTP 401\)$"):
        await client.check_auth()
    await client.aclose()


async def test_an_account_the_user_is_not_in_is_permission_denied_and_says_why(cw):
    other = cw.base_url.rsplit("/", 1)[0] + "/2"  # exists, but the user is no member
    client = ChatwootProvider(settings_for(cw, other, cw.fake.token))
    with pytest.raises(errors.PermissionDenied) as caught:
        await client.check_auth()
    await client.aclose()
    assert "not authorized to access this account" in str(caught.value)
    assert "not a member of the account in the base URL" in str(caught.value)


async def test_an_unknown_account_is_not_found(cw):
    missing = cw.base_url.rsplit("/", 1)[0] + "/99"
    client = ChatwootProvider(settings_for(cw, missing, cw.fake.token))
    with pytest.raises(errors.NotFound, match="Resource could not be found"):
        await client.check_auth()
    await client.aclose()


async def test_merging_a_contact_that_is_gone_names_both_ids_and_the_account(cw):
    base = add_contact(cw, email="nf@example.com")
    client = provider(cw)
    with pytest.raises(errors.NotFound) as caught:
        await client.merge("contacts", step(base, "987654"))
    await client.aclose()
    assert str(caught.value) == (f"contact {base} or 987654 is not in account 1 "
                                 "(Chatwoot: Resource could not be found) (HTTP 404)")


async def test_writing_an_email_another_contact_holds_is_a_conflict_naming_the_field(cw):
    add_contact(cw, email="taken@example.com")
    mine = add_contact(cw, email="mine@example.com")
    client = provider(cw)
    with pytest.raises(errors.Conflict, match="Email has already been taken"):
        await client.update("contacts", mine, {"email": "Taken@Example.com"})
    await client.aclose()


async def test_an_invalid_phone_is_a_validation_error_per_field(cw):
    mine = add_contact(cw, email="ph@example.com")
    client = provider(cw)
    with pytest.raises(errors.ValidationFailed) as caught:
        await client.update("contacts", mine, {"phone_number": "0044 20 7946"})
    await client.aclose()
    assert caught.value.field_errors == {"phone_number": "Phone number should be in e164 format"}


async def test_a_429_storm_longer_than_the_retries_is_rate_limited_with_a_clear_message(cw):
    cw.fake.faults.add(Fault(FaultKind.STATUS, status=429, count=None))
    client = provider(cw, policy=RetryPolicy(max_attempts=3))
    with pytest.raises(errors.RateLimited) as caught:
        await client.check_auth()
    await client.aclose()
    assert str(caught.value) == ("Chatwoot's rate limit refused the request (Retry later); "
                                 "it names no wait time (HTTP 429)")
    assert caught.value.retry_after is None
    assert client.pacer.throttled == 3  # the pacer saw each refusal and paused everyone


async def test_a_429_on_a_merge_is_retried_because_rack_attack_refused_before_acting(cw):
    base, mergee = add_contact(cw, email="r1@example.com"), add_contact(cw, email="r2@example.com")
    cw.fake.faults.add(Fault(FaultKind.STATUS, status=429, method="POST", path="contact_merge",
                             count=2))
    client = provider(cw)
    result = await client.merge("contacts", step(base, mergee))
    await client.aclose()
    assert result.state == "applied" and merge_calls(cw) == [(int(base), int(mergee))]


async def test_a_5xx_on_a_read_is_retried_then_a_server_error(cw):
    cw.fake.faults.add(Fault(FaultKind.STATUS, status=503, method="GET", count=None))
    client = provider(cw, policy=RetryPolicy(max_attempts=2))
    with pytest.raises(errors.ServerError, match=r"Service Unavailable \(HTTP 503\)"):
        await client.check_auth()
    await client.aclose()
    assert cw.fake.requests["GET /contacts"] == 2


async def test_a_5xx_on_a_merge_is_outcome_unknown_and_never_resent(cw):
    base, mergee = add_contact(cw, email="s1@example.com"), add_contact(cw, email="s2@example.com")
    cw.fake.faults.add(Fault(FaultKind.STATUS, status=500, method="POST", path="contact_merge",
                             apply=True))
    client = provider(cw)
    with pytest.raises(errors.OutcomeUnknown, match="Internal Server Error"):
        await client.merge("contacts", step(base, mergee))
    await client.aclose()
    assert merge_calls(cw) == [(int(base), int(mergee))]


async def test_a_wrong_shaped_contact_is_a_bad_response_naming_the_field(cw):
    rid = add_contact(cw, email="ws@example.com")
    cw.fake.faults.add(Fault(FaultKind.WRONG_SHAPE, method="GET", path=rf"/contacts/{rid}$",
                             body={"payload": {"name": "no id"}}))
    client = provider(cw)
    with pytest.raises(errors.BadResponse,
                       match=r"unexpected contact: payload\.id: Field required"):
        await client.get_record("contacts", rid)
    await client.aclose()


async def test_an_html_error_page_names_its_title_instead_of_dumping_it(cw):
    cw.fake.faults.add(Fault(FaultKind.HTML_ERROR, method="GET", status=502, count=None))
    client = provider(cw, policy=RetryPolicy(max_attempts=2))
    with pytest.raises(errors.ServerError) as caught:
        await client.check_auth()
    await client.aclose()
    assert str(caught.value) == ("HTTP 502 with an HTML page (502 Bad Gateway) instead of a "
                                 "Chatwoot API answer (HTTP 502)")


async def test_a_request_without_a_token_reports_devises_sign_in_message(cw):
    cw.fake.faults.add(Fault(FaultKind.STATUS, status=401, body={
        "errors": ["You need to sign in or sign up before continuing."]}))
    client = provider(cw)
    with pytest.raises(errors.AuthError, match="You need to sign in"):
        await client.check_auth()
    await client.aclose()


async def test_a_400_from_the_merge_lists_each_bad_field(cw):
    cw.fake.faults.add(Fault(FaultKind.STATUS, status=400, method="POST", path="contact_merge",
                             body={"description": "Bad request", "errors": [
                                 {"field": "mergee_contact_id", "message": "must be an integer",
                                  "code": "invalid"}]}))
    client = provider(cw, sleep=no_sleep)
    with pytest.raises(errors.ValidationFailed) as caught:
        await client.merge("contacts", step("1", "2"))
    await client.aclose()
    assert caught.value.field_errors == {"mergee_contact_id": "must be an integer"}
    assert "mergee_contact_id: must be an integer" in str(caught.value)


async def test_a_failed_re_read_after_an_answered_merge_leaves_it_pending_not_failed(cw):
    base, mergee = add_contact(cw, email="c1@example.com"), add_contact(cw, email="c2@example.com")
    cw.fake.faults.add(Fault(FaultKind.STATUS, status=503, method="GET",
                             path=rf"/contacts/{mergee}$", count=None))
    client = provider(cw, policy=RetryPolicy(max_attempts=2))
    result = await client.merge("contacts", step(base, mergee))
    await client.aclose()
    assert result.state == "pending" and result.job_id == f"contact_merge:{base}:{mergee}"
    assert merge_calls(cw) == [(int(base), int(mergee))]

"""Transport rules on edge cases, with httpx.MockTransport standing in for the network.
Provider behaviour against real loopback fakes lives in the per-provider tests."""

import httpx
import pytest

from mergedesk.providers import errors
from mergedesk.providers.redaction import SECRETS
from mergedesk.providers.retry import RetryPolicy
from mergedesk.providers.transport import ErrorInfo, Transport, check_base_url


def describe(response: httpx.Response) -> ErrorInfo:
    body = response.json() if response.headers.get("content-type") == "application/json" else {}
    return ErrorInfo(message=body.get("error", response.text[:50]), vendor_code=body.get("code"))


class Script:
    """Answers requests from a list of responses or exceptions, and counts calls."""

    def __init__(self, *answers):
        self.answers = list(answers)
        self.calls = 0
        self.sleeps: list[float] = []

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.calls += 1
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)

    def transport(self, **kw) -> Transport:
        return Transport(
            "demo", "https://crm.example.com/api", describe,
            http_transport=httpx.MockTransport(self.handler), sleep=self.sleep,
            policy=RetryPolicy(max_attempts=4, jitter=0.0, base_delay=0.1), **kw,
        )


async def test_429_without_retry_after_backs_off_and_retries():
    script = Script(httpx.Response(429, text="Retry later"), httpx.Response(200, json={"ok": 1}))
    assert await script.transport().get_json("x") == {"ok": 1}
    assert script.calls == 2 and script.sleeps == [0.1]


async def test_429_with_retry_after_waits_as_asked():
    script = Script(httpx.Response(429, headers={"Retry-After": "3"}), httpx.Response(200))
    await script.transport().request("POST", "merge", replay_safe=False)
    assert script.sleeps == [3.0]


async def test_a_wait_longer_than_allowed_becomes_rate_limited_with_the_wait():
    script = Script(httpx.Response(429, headers={"Retry-After": "840"}))
    with pytest.raises(errors.RateLimited) as info:
        await script.transport().get_json("x")
    assert info.value.retry_after == 840 and script.calls == 1


async def test_5xx_on_a_merge_is_outcome_unknown_and_not_resent():
    script = Script(httpx.Response(502, text="<html>bad gateway</html>"))
    with pytest.raises(errors.OutcomeUnknown):
        await script.transport().request("POST", "merge", replay_safe=False)
    assert script.calls == 1


async def test_read_timeout_on_a_merge_is_outcome_unknown():
    script = Script(httpx.ReadTimeout("slow"))
    with pytest.raises(errors.OutcomeUnknown, match="timed out"):
        await script.transport().request("POST", "merge", replay_safe=False)
    assert script.calls == 1


async def test_reads_are_retried_after_5xx_and_dropped_connections():
    script = Script(httpx.Response(503), httpx.RemoteProtocolError("dropped"),
                    httpx.Response(200, json=[1]))
    assert await script.transport().get_json("x") == [1]
    assert script.calls == 3


async def test_a_replay_safe_write_that_never_got_an_answer_is_outcome_unknown():
    script = Script(*[httpx.ReadTimeout("slow")] * 3, httpx.Response(503))
    with pytest.raises(errors.OutcomeUnknown):
        await script.transport().request("POST", "merge", replay_safe=True)
    assert script.calls == 4  # resent (it is replay-safe), but any attempt may have landed


async def test_a_read_that_never_got_an_answer_is_a_server_error():
    script = Script(*[httpx.ReadTimeout("slow")] * 4)
    with pytest.raises(errors.ServerError):
        await script.transport().get_json("x")


async def test_connect_errors_are_retried_even_for_merges_then_reported():
    script = Script(*[httpx.ConnectError("refused")] * 4)
    with pytest.raises(errors.ServerError, match="could not be reached"):
        await script.transport().request("POST", "merge", replay_safe=False)
    assert script.calls == 4


@pytest.mark.parametrize(
    ("status", "kind"),
    [(400, errors.ValidationFailed), (401, errors.AuthError), (403, errors.PermissionDenied),
     (404, errors.NotFound), (409, errors.Conflict), (422, errors.ValidationFailed)],
)
async def test_client_errors_map_to_typed_errors_with_the_crm_message(status, kind):
    script = Script(httpx.Response(status, json={"error": "the CRM says no", "code": "E1"}))
    with pytest.raises(kind) as info:
        await script.transport().get_json("x")
    assert info.value.message == "the CRM says no"
    assert info.value.vendor_code == "E1" and info.value.status == status
    assert script.calls == 1


async def test_html_and_non_json_bodies_become_bad_response():
    script = Script(httpx.Response(200, text="<html>login</html>",
                                   headers={"content-type": "text/html"}))
    with pytest.raises(errors.BadResponse, match="not JSON"):
        await script.transport().get_json("x")


async def test_secrets_never_reach_error_messages():
    token = "sk-very-secret-token-123"
    SECRETS.add(token)
    script = Script(httpx.Response(401, json={"error": f"token {token} revoked"}))
    with pytest.raises(errors.AuthError) as info:
        await script.transport().get_json("x")
    assert token not in str(info.value)


@pytest.mark.parametrize(
    ("url", "ok"),
    [("https://crm.example.com/api", True), ("http://127.0.0.1:8000/api", True),
     ("http://localhost:1/x", True), ("http://crm.example.com/api", False),
     ("ftp://x/y", False), ("crm.example.com", False)],
)
def test_plain_http_is_refused_except_on_loopback(url, ok):
    if ok:
        assert check_base_url(url) == url
    else:
        with pytest.raises(errors.ConfigError, match="https"):
            check_base_url(url)

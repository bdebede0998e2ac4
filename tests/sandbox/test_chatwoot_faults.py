"""Every fault kind and the rack-attack limit, as an httpx client sees them over loopback."""

from __future__ import annotations

import json
import logging

import httpx
import pytest

from mergedesk.sandbox.faults import Fault, FaultKind

MERGE = r"/actions/contact_merge$"


def _merge(client: httpx.Client, base: int, mergee: int, **options: object) -> httpx.Response:
    return client.post(
        "/actions/contact_merge",
        json={"base_contact_id": base, "mergee_contact_id": mergee},
        **options,
    )


@pytest.fixture
def pair(make_contact):
    return make_contact(email="base@example.com"), make_contact(email="mergee@example.com")


def test_rate_limit_answers_429_with_plain_retry_later_and_no_retry_after(serve_chatwoot):
    served = serve_chatwoot(rate_limit_per_minute=5)
    with served.client() as client:
        codes = [client.get("/contacts").status_code for _ in range(5)]
        refused = client.get("/contacts")
    assert codes == [200] * 5
    assert refused.status_code == 429
    assert refused.text.strip() == "Retry later"
    assert refused.headers["content-type"].startswith("text/plain")
    assert "retry-after" not in refused.headers
    assert served.fake.requests["GET /contacts"] == 6


def test_search_limit_is_per_account_and_spares_other_endpoints(serve_chatwoot):
    served = serve_chatwoot(search_limit_per_minute=2)
    with served.client() as client:
        codes = [client.get("/contacts/search", params={"q": "a"}).status_code for _ in range(3)]
        assert codes == [200, 200, 429]
        assert client.get("/contacts").status_code == 200


def test_rate_limit_is_off_by_default(chatwoot_http):
    assert {chatwoot_http.get("/contacts").status_code for _ in range(40)} == {200}


def test_status_fault_answers_with_the_vendor_body_and_does_not_merge(
    served_chatwoot, chatwoot_http, pair
):
    served_chatwoot.fake.faults.add("status", status=503, method="POST", path=MERGE)
    r = _merge(chatwoot_http, *pair)
    assert r.status_code == 503
    assert r.json() == {"status": 503, "error": "Service Unavailable"}
    assert pair[1] in served_chatwoot.fake.state.contacts
    assert _merge(chatwoot_http, *pair).status_code == 200  # count=1: the next one passes


def test_429_fault_with_and_without_retry_after(served_chatwoot, chatwoot_http):
    faults = served_chatwoot.fake.faults
    faults.add("status", status=429, headers={"Retry-After": "3"})
    faults.add("status", status=429)
    first, second = chatwoot_http.get("/contacts"), chatwoot_http.get("/contacts")
    assert (first.status_code, first.headers["retry-after"]) == (429, "3")
    assert second.status_code == 429 and "retry-after" not in second.headers
    assert second.text == "Retry later\n"


def test_status_fault_may_apply_the_merge_first(served_chatwoot, chatwoot_http, pair):
    served_chatwoot.fake.faults.add(Fault(FaultKind.STATUS, status=502, path=MERGE, apply=True))
    assert _merge(chatwoot_http, *pair).status_code == 502
    assert pair[1] not in served_chatwoot.fake.state.contacts


def test_slow_fault_times_the_client_out_after_the_merge_was_applied(
    served_chatwoot, chatwoot_http, pair
):
    served_chatwoot.fake.faults.add("slow", delay=2.0, path=MERGE)
    with pytest.raises(httpx.ReadTimeout):
        _merge(chatwoot_http, *pair, timeout=httpx.Timeout(5.0, read=0.3))
    assert pair[1] not in served_chatwoot.fake.state.contacts
    assert served_chatwoot.fake.merge_log == [pair]


def test_slow_fault_without_apply_answers_504_late_and_merges_nothing(
    served_chatwoot, chatwoot_http, pair
):
    served_chatwoot.fake.faults.add("slow", delay=0.3, path=MERGE, apply=False)
    r = _merge(chatwoot_http, *pair)
    assert r.status_code == 504
    assert r.elapsed.total_seconds() >= 0.3
    assert pair[1] in served_chatwoot.fake.state.contacts
    assert served_chatwoot.fake.merge_log == []


def test_drop_after_apply_breaks_the_connection_but_the_merge_happened(
    served_chatwoot, chatwoot_http, pair
):
    served_chatwoot.fake.faults.add("drop_after_apply", method="POST", path=MERGE)
    with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
        _merge(chatwoot_http, *pair)
    assert pair[1] not in served_chatwoot.fake.state.contacts
    assert served_chatwoot.fake.merge_log == [pair]
    assert chatwoot_http.get(f"/contacts/{pair[0]}").status_code == 200  # server still fine


def test_drop_before_apply_breaks_the_connection_and_nothing_changes(
    served_chatwoot, chatwoot_http, pair
):
    served_chatwoot.fake.faults.add("drop_before_apply", path=MERGE)
    with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
        _merge(chatwoot_http, *pair)
    assert pair[1] in served_chatwoot.fake.state.contacts
    assert served_chatwoot.fake.merge_log == []
    assert served_chatwoot.fake.requests["POST /actions/contact_merge"] == 1


def test_deliberate_drops_are_not_logged_as_server_errors(served_chatwoot, chatwoot_http, caplog):
    served_chatwoot.fake.faults.add("drop_before_apply", path="/contacts$")
    with caplog.at_level(logging.WARNING), pytest.raises(httpx.HTTPError):
        chatwoot_http.get("/contacts")
    assert chatwoot_http.get("/contacts").status_code == 200
    assert not [r for r in caplog.records if r.name.startswith("uvicorn")]


def test_malformed_json_answers_200_with_a_body_that_does_not_parse(served_chatwoot, chatwoot_http):
    served_chatwoot.fake.faults.add("malformed_json", path="/contacts$")
    r = chatwoot_http.get("/contacts")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    with pytest.raises(json.JSONDecodeError):
        r.json()


def test_wrong_shape_answers_valid_json_of_another_shape(served_chatwoot, chatwoot_http, pair):
    faults = served_chatwoot.fake.faults
    faults.add("wrong_shape", path="/contacts$")
    faults.add("wrong_shape", path=MERGE, body=[1, 2, 3])
    assert chatwoot_http.get("/contacts").json() == {"unexpected": True}
    assert _merge(chatwoot_http, *pair).json() == [1, 2, 3]
    assert pair[1] not in served_chatwoot.fake.state.contacts  # applied, answered oddly


def test_html_error_answers_a_proxy_page_with_502(served_chatwoot, chatwoot_http):
    served_chatwoot.fake.faults.add("html_error")
    r = chatwoot_http.get("/contacts")
    assert r.status_code == 502
    assert r.headers["content-type"].startswith("text/html")
    assert "<title>502 Bad Gateway</title>" in r.text


def test_revoke_token_makes_this_and_every_later_request_401(served_chatwoot, chatwoot_http):
    assert chatwoot_http.get("/contacts").status_code == 200
    served_chatwoot.fake.faults.add("revoke_token", skip=1)
    assert chatwoot_http.get("/contacts").status_code == 200
    for _ in range(3):
        r = chatwoot_http.get("/contacts/1")
        assert (r.status_code, r.json()) == (401, {"error": "Invalid Access Token"})
    served_chatwoot.fake.faults.clear()
    assert chatwoot_http.get("/contacts").status_code == 200


def test_faults_match_method_and_path_and_log_what_fired(served_chatwoot, chatwoot_http):
    faults = served_chatwoot.fake.faults
    faults.add("status", status=500, method="POST", path="/contacts/filter$", count=2)
    assert chatwoot_http.get("/contacts").status_code == 200
    codes = [
        chatwoot_http.post("/contacts/filter", json={"payload": []}).status_code for _ in range(3)
    ]
    assert codes == [500, 500, 422]
    assert [(f.kind, f.method) for f in faults.fired] == [(FaultKind.STATUS, "POST")] * 2

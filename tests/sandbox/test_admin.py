"""The /_sandbox admin API that drives a sandbox running in another process."""

from __future__ import annotations

import httpx
import pytest


@pytest.fixture
def admin(served_chatwoot):
    with httpx.Client(
        base_url=served_chatwoot.server.root_url + "/_sandbox", headers=served_chatwoot.headers
    ) as client:
        yield client


def test_admin_api_needs_the_sandbox_token(served_chatwoot):
    root = served_chatwoot.server.root_url
    assert httpx.get(f"{root}/_sandbox/state").status_code == 401
    assert httpx.get(f"{root}/_sandbox/state", headers={"api_access_token": "x"}).status_code == 401
    r = httpx.post(f"{root}/_sandbox/faults", json={"kind": "html_error"})
    assert r.status_code == 401
    assert served_chatwoot.fake.faults.pending == []


def test_armed_fault_fires_on_the_vendor_api(admin, chatwoot_http):
    r = admin.post(
        "/faults",
        json={
            "kind": "status",
            "status": 503,
            "path": "/contacts$",
            "headers": {"Retry-After": "9"},
        },
    )
    assert r.status_code == 201
    assert r.json()["armed"][0]["status"] == 503
    hit = chatwoot_http.get("/contacts")
    assert (hit.status_code, hit.headers["retry-after"]) == (503, "9")
    shown = admin.get("/faults").json()
    assert shown["pending"] == []
    assert [f["kind"] for f in shown["fired"]] == ["status"]


def test_a_list_of_specs_arms_several_faults(served_chatwoot, admin):
    specs = [{"kind": "slow", "delay": 0.1}, {"kind": "drop_after_apply", "method": "POST"}]
    assert len(admin.post("/faults", json=specs).json()["armed"]) == 2
    assert [f.kind for f in served_chatwoot.fake.faults.pending] == ["slow", "drop_after_apply"]


def test_bad_fault_specs_answer_422_and_arm_nothing(served_chatwoot, admin):
    for spec in (
        {"kind": "meteor"},
        {"kind": "status"},
        {"kind": "slow", "path": "("},
        {"kind": "slow", "colour": 1},
        [1, 2],
        "not json",
    ):
        body = spec if not isinstance(spec, str) else None
        r = (
            admin.post("/faults", json=body)
            if body is not None
            else admin.post("/faults", content=spec)
        )
        assert r.status_code == 422, spec
        assert r.json()["error"].startswith("bad fault spec")
    assert served_chatwoot.fake.faults.pending == []


def test_delete_clears_faults_and_a_revoked_token(served_chatwoot, admin, chatwoot_http):
    admin.post("/faults", json=[{"kind": "revoke_token"}, {"kind": "html_error"}])
    assert chatwoot_http.get("/contacts").status_code == 401
    assert admin.get("/faults").json()["token_revoked"] is True  # admin still answers
    assert admin.delete("/faults").json() == {"cleared": 1}
    assert chatwoot_http.get("/contacts").status_code == 200


def test_state_merges_and_request_counts_are_dumped(served_chatwoot, admin, chatwoot_http):
    state = admin.get("/state").json()
    assert {c["id"] for c in state["contacts"]} == set(served_chatwoot.fake.state.contacts)
    assert {"accounts", "conversations", "notes", "custom_attribute_definitions"} <= set(state)
    chatwoot_http.post(
        "/actions/contact_merge", json={"base_contact_id": 1, "mergee_contact_id": 2}
    )
    assert admin.get("/merges").json() == {"merges": [{"base": 1, "mergee": 2}]}
    assert admin.get("/requests").json() == {"requests": {"POST /actions/contact_merge": 1}}
    assert 2 not in {c["id"] for c in admin.get("/state").json()["contacts"]}

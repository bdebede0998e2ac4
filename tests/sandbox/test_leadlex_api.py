"""The fake LeadLex speaks the vendor's protocol: keys and permissions, rate-limit
headers on every answer, appended notes, retired duplicates, merge rules, idempotency
and the export, checked with a plain HTTP client."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime

import httpx
import pytest

from mergedesk.sandbox.leadlex import LeadLexFake
from mergedesk.sandbox.server import SandboxServer


def start(**options):
    fake = LeadLexFake(**{"seed": 3, "records": 40, **options})
    server = SandboxServer.for_fake(fake).start()
    client = httpx.Client(base_url=server.base_url,
                          headers={"Authorization": f"Bearer {fake.api_key}"})
    return fake, server, client


@pytest.fixture
def served():
    fake, server, client = start()
    yield fake, client
    client.close()
    server.stop()


def test_every_signed_in_answer_carries_the_daily_budget_and_a_request_id(served):
    _, client = served
    ok = client.get("/v1/contacts", params={"per_page": 1})
    missing = client.get("/v1/contacts/00000000-0000-4000-8000-000000000000")
    for answer in (ok, missing):
        assert answer.headers["x-ratelimit-limit"] == "10000" and "x-request-id" in answer.headers
    assert int(missing.headers["x-ratelimit-remaining"]) == 9998
    midnight = datetime.fromtimestamp(int(ok.headers["x-ratelimit-reset"]), UTC)
    assert (midnight.hour, midnight.minute) == (0, 0)
    assert missing.json()["error"]["code"] == "not_found" and set(missing.json()) == {"error"}


def test_keys_need_read_or_write_permission_and_expire(served):
    fake, client = served
    base = str(client.base_url).rstrip("/")
    expired = httpx.get(base + "/v1/contacts",
                        headers={"Authorization": f"Bearer {fake.expired_key}"})
    assert expired.status_code == 401 and expired.json()["error"]["code"] == "invalid_key"
    reader = {"Authorization": f"Bearer {fake.read_only_key}"}
    assert httpx.get(base + "/v1/contacts", headers=reader).status_code == 200
    refused = httpx.post(base + "/v1/contacts/merge", json={}, headers=reader)
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "insufficient_permissions"


def test_patch_appends_notes_instead_of_replacing_them(served):
    fake, client = served
    cid = fake.contact_ids[0]
    before = len(fake.state.notes_of(cid))
    for _ in range(2):
        assert client.patch(f"/v1/contacts/{cid}", json={"notes": "Called back"}).status_code == 200
    assert len(fake.state.notes_of(cid)) == before + 2


def test_merge_rules_fill_only_overwrite_dry_run_and_retired_duplicates(served):
    fake, client = served
    a, b, c = fake.contact_ids[:3]
    rows = fake.state.contacts
    rows[a]["job_title"], rows[b]["job_title"], rows[c]["job_title"] = "Owner", "CEO", "CFO"
    rows[a]["linkedin_url"], rows[b]["linkedin_url"] = None, "https://linkedin.com/in/b"
    preview = client.post("/v1/contacts/merge", json={
        "primary_id": a, "duplicate_ids": [b, c], "overwrite": True, "dry_run": True}).json()
    assert preview["data"]["primary"]["job_title"] == "CFO"  # overwrite: the last one wins
    assert rows[a]["job_title"] == "Owner" and b in rows  # a dry run changes nothing
    merged = client.post("/v1/contacts/merge", json={"primary_id": a, "duplicate_ids": [b, c]})
    data = merged.json()["data"]
    assert data["primary"]["job_title"] == "Owner"  # fill-only keeps the primary's
    assert data["primary"]["linkedin_url"] == "https://linkedin.com/in/b"
    assert "linkedin_url" in data["fields_populated"] and data["merged_ids"] == [b, c]
    assert client.get(f"/v1/contacts/{b}").status_code == 404


@pytest.mark.parametrize(("body", "status", "code"), [
    ({"primary_id": "P", "duplicate_ids": [f"d{i}" for i in range(21)]}, 400, "validation_error"),
    ({"primary_id": "P", "duplicate_ids": ["P"]}, 400, "validation_error"),
    ({"primary_id": "P", "duplicate_ids": ["nobody"]}, 404, "not_found"),
])
def test_merge_refusals_use_the_documented_codes(served, body, status, code):
    fake, client = served
    body = {**body, "primary_id": fake.contact_ids[0]} if body["primary_id"] == "P" else body
    body["duplicate_ids"] = [fake.contact_ids[0] if d == "P" else d for d in body["duplicate_ids"]]
    refused = client.post("/v1/contacts/merge", json=body)
    assert (refused.status_code, refused.json()["error"]["code"]) == (status, code)


def test_an_idempotency_key_replays_refuses_another_body_and_reports_in_flight():
    fake, server, client = start(merge_delay=0.5)
    try:
        a, b, c = fake.contact_ids[:3]
        key = {"Idempotency-Key": "k1"}
        with httpx.Client(base_url=client.base_url, headers=client.headers) as other:
            first: list[httpx.Response] = []
            worker = threading.Thread(target=lambda: first.append(other.post(
                "/v1/contacts/merge", json={"primary_id": a, "duplicate_ids": [b]}, headers=key)))
            worker.start()
            time.sleep(0.15)  # the first merge is now in flight on the server
            in_flight = client.post("/v1/contacts/merge",
                                    json={"primary_id": a, "duplicate_ids": [b]}, headers=key)
            worker.join()
        again = client.post("/v1/contacts/merge", json={"primary_id": a, "duplicate_ids": [b]},
                            headers=key)
        reused = client.post("/v1/contacts/merge", json={"primary_id": a, "duplicate_ids": [c]},
                             headers=key)
    finally:
        client.close()
        server.stop()
    assert in_flight.status_code == 409
    assert in_flight.json()["error"]["code"] == "idempotency_key_in_use"
    assert again.json() == first[0].json() and len(fake.merge_log) == 1
    assert (reused.status_code, reused.json()["error"]["code"]) == (422, "idempotency_key_reused")


def test_per_minute_limit_answers_429_with_retry_after():
    _, server, client = start(plan="starter")
    try:
        codes = [client.get("/v1/contacts", params={"per_page": 1}).status_code for _ in range(11)]
        refused = client.get("/v1/contacts")
    finally:
        client.close()
        server.stop()
    assert codes == [200] * 10 + [429] and refused.json()["error"]["code"] == "rate_limited"
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    assert refused.headers["x-ratelimit-remaining"] == "90"  # refused requests are not counted


def test_export_streams_csv_with_a_header_row_and_a_limit_of_50000(served):
    _, client = served
    export = client.get("/v1/contacts/export", params={"limit": 5})
    assert export.headers["content-type"].startswith("text/csv")
    assert 'filename="contacts-export.csv"' in export.headers["content-disposition"]
    lines = export.text.splitlines()
    assert lines[0].split(",") == ["id", "full_name", "email", "phone", "job_title",
                                   "company_name", "linkedin_url", "tags", "created_at"]
    assert len(lines) == 6
    too_many = client.get("/v1/contacts/export", params={"limit": 50_001})
    assert too_many.status_code == 400

"""The Zoho fake's own protocol rules, spoken to with plain httpx: the token endpoint,
`fields` and paging rules, 204s, merge validation and the concurrency limit."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from mergedesk.sandbox.server import SandboxServer
from mergedesk.sandbox.zoho import ZohoFake


@pytest.fixture
def zoho():
    fake = ZohoFake(seed_value=2, records=2300, files_share=0.0)
    with SandboxServer.for_fake(fake) as server:
        root = server.root_url
        token = httpx.post(root + "/oauth/v2/token", data={
            "grant_type": "refresh_token", "client_id": fake.client_id,
            "client_secret": fake.client_secret, "refresh_token": fake.refresh_token,
        }).json()["access_token"]
        headers = {"Authorization": f"Zoho-oauthtoken {token}"}
        with httpx.Client(base_url=server.base_url, headers=headers, timeout=10) as client:
            yield fake, client, root


def test_token_errors_come_with_http_200(zoho):
    fake, _, root = zoho
    answer = httpx.post(root + "/oauth/v2/token", data={
        "grant_type": "refresh_token", "client_id": fake.client_id,
        "client_secret": fake.client_secret, "refresh_token": "1000.nope"})
    assert answer.status_code == 200 and answer.json() == {"error": "invalid_code"}


def test_more_than_ten_tokens_in_ten_minutes_are_refused(zoho):
    fake, _, root = zoho
    form = {"grant_type": "refresh_token", "client_id": fake.client_id,
            "client_secret": fake.client_secret, "refresh_token": fake.refresh_token}
    answers = [httpx.post(root + "/oauth/v2/token", data=form) for _ in range(10)]
    assert answers[-1].status_code == 400 and answers[-1].json()["error"] == "Access Denied"


def test_bearer_is_not_zohos_header(zoho):
    _, client, _ = zoho
    token = client.headers["Authorization"].split()[1]
    answer = client.get("/Contacts/1", headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 401 and answer.json()["code"] == "AUTHENTICATION_FAILURE"


def test_listing_needs_fields_and_takes_at_most_50(zoho):
    _, client, _ = zoho
    assert client.get("/Contacts").json()["code"] == "REQUIRED_PARAM_MISSING"
    many = ",".join(f"Custom_{i}" for i in range(51))
    assert client.get("/Contacts", params={"fields": many}).json()["code"] == "LIMIT_EXCEEDED"


def test_page_reaches_2000_records_then_only_page_token(zoho):
    _, client, _ = zoho
    params = {"fields": "Last_Name", "per_page": 200, "sort_order": "asc"}
    tenth = client.get("/Contacts", params={**params, "page": 10}).json()
    assert tenth["info"]["more_records"] and tenth["info"]["next_page_token"]
    refused = client.get("/Contacts", params={**params, "page": 11})
    assert refused.status_code == 400
    both = client.get("/Contacts", params={**params, "page": 10,
                                           "page_token": tenth["info"]["next_page_token"]})
    assert both.status_code == 400
    rest = client.get("/Contacts", params={**params,
                                           "page_token": tenth["info"]["next_page_token"]})
    assert len(rest.json()["data"]) == 200


def test_empty_modules_and_deleted_records_answer_204(zoho):
    fake, client, _ = zoho
    assert client.get("/Leads", params={"fields": "Last_Name"}).status_code == 204
    rid = fake.record_id(1)
    fake.state.records["Contacts"].pop(rid)
    assert client.get(f"/Contacts/{rid}").status_code == 204


@pytest.mark.parametrize(("body", "code", "words"), [
    ({"merge": [{"data": []}]}, "MANDATORY_NOT_FOUND", "Atleast one child"),
    ({"merge": [{"data": [{"id": "C1", "_fields": []}] * 3}]}, "LIMIT_EXCEEDED",
     "data JSON object"),
    ({"merge": [{"data": [{"id": "M", "_fields": []}]}]}, "DUPLICATE_DATA", "Similar ID"),
    ({"merge": [{"data": [{"id": "C1", "_fields": [{"api_name": "Email"}]},
                          {"id": "C2", "_fields": [{"api_name": "Email"}]}]}]},
     "DUPLICATE_DATA", "already been mentioned"),
    ({"merge": [{"data": [{"id": "C1", "_fields": [{"api_name": "Nope"}]}]}]},
     "INVALID_DATA", "valid API names"),
    ({"merge": [{"data": [{"id": "C1", "_fields": [{"api_name": "Contract_Files"}]}]}]},
     "MANDATORY_NOT_FOUND", "_data array"),
])
def test_merge_validation_follows_the_documented_errors(zoho, body, code, words):
    fake, client, _ = zoho
    ids = {"M": fake.record_id(0), "C1": fake.record_id(1), "C2": fake.record_id(2)}
    for entry in body["merge"][0]["data"]:
        entry["id"] = ids.get(entry["id"], entry["id"])
    answer = client.post(f"/Contacts/{ids['M']}/actions/merge", json=body)
    item = answer.json()["merge"][0]
    assert answer.status_code == 400 and item["code"] == code and words in item["message"]
    assert fake.merge_log == []


async def test_calls_beyond_the_org_concurrency_get_429():
    fake = ZohoFake(seed_value=2, records=20, concurrency=2, latency=0.2)
    with SandboxServer.for_fake(fake) as server:
        token = httpx.post(server.root_url + "/oauth/v2/token", data={
            "grant_type": "refresh_token", "client_id": fake.client_id,
            "client_secret": fake.client_secret, "refresh_token": fake.refresh_token,
        }).json()["access_token"]
        async with httpx.AsyncClient(base_url=server.base_url, headers={
                "Authorization": f"Zoho-oauthtoken {token}"}) as client:
            answers = await asyncio.gather(*(client.get(f"/Contacts/{fake.record_id(i)}")
                                             for i in range(5)))
    codes = sorted(a.status_code for a in answers)
    assert codes.count(429) == 3 and "Retry-After" not in answers[-1].headers

"""The fake Pipeliner speaks the vendor's protocol: paging, filters, error shapes, auth
challenge and merge semantics, checked with a plain HTTP client."""

from __future__ import annotations

import httpx
import pytest

from mergedesk.sandbox.pipeliner import PipelinerFake
from mergedesk.sandbox.server import SandboxServer


@pytest.fixture
def served():
    fake = PipelinerFake(seed=2, records=60)
    with SandboxServer.for_fake(fake) as server, httpx.Client(
            base_url=server.base_url, auth=(fake.key, fake.secret)) as client:
        yield fake, client


def test_cursor_pages_cover_everything_and_an_empty_page_has_null_cursors(served):
    fake, client = served
    seen, params = [], {"first": 25}
    while True:
        body = client.get("/entities/Contacts", params=params).json()
        assert body["success"] is True and body["total"] == 60
        seen += [row["id"] for row in body["data"]]
        if not body["page_info"]["has_next_page"]:
            break
        params = {"first": 25, "after": body["page_info"]["end_cursor"]}
    assert seen == fake.state.order["Contacts"]
    empty = client.get("/entities/Contacts", params={"filter[email1]": "nobody@nowhere"}).json()
    assert empty["data"] == [] and empty["page_info"]["end_cursor"] is None
    legacy = client.get("/entities/Contacts", params={"limit": 5, "offset": 0}).json()
    assert "page_info" not in legacy and len(legacy["data"]) == 5


def test_filters_know_pipeliners_operators_only(served):
    fake, client = served
    city = fake.state.rows["Contacts"][fake.record_id(0)]["city"]
    rows = client.get("/entities/Contacts", params={"filter[city]": city.upper(),
                                                    "filter-op[city]": "ieq"}).json()["data"]
    assert rows and {r["city"] for r in rows} == {city}
    refused = client.get("/entities/Contacts", params={"filter[city]": "x",
                                                       "filter-op[city]": "ne"})
    assert refused.status_code == 400 and refused.json()["code"] == 117
    only = client.get("/entities/Contacts", params={"load-only": "email1", "first": 1}).json()
    assert set(only["data"][0]) == {"id", "email1"}


def test_error_shapes_singular_entity_unknown_url_and_missing_credentials(served):
    _, client = served
    singular = client.get("/entities/Contact")
    assert singular.status_code == 404 and singular.json()["code"] == 2006
    assert singular.json()["message"] == "cannot determine entity type from Contact"
    unknown = client.get("/no/such/path")
    assert unknown.status_code == 404 and set(unknown.json()) == {
        "status", "message", "errorcode", "traceback"}
    assert client.post("/entities/Leads/merge", json={}).json()["status"] == 404
    anonymous = httpx.get(str(client.base_url).rstrip("/") + "/entities/Contacts")
    assert anonymous.status_code == 401
    assert anonymous.headers["www-authenticate"] == 'Basic realm="restapi"'


def test_merge_writes_the_master_body_fills_left_out_blanks_and_deletes_secondaries(served):
    fake, client = served
    a, b, c = (fake.record_id(i) for i in range(3))
    rows = fake.state.rows["Contacts"]
    rows[a]["title"], rows[b]["title"], rows[c]["title"] = None, None, "Dr."
    rows[a]["comments"], rows[b]["comments"] = "keep me", "from b"
    answer = client.post("/entities/Contacts/merge", json={
        "master": {"id": a, "position": "Sent", "cf_segment": None},
        "secondary_ids": [b, c]})
    assert answer.status_code == 200 and answer.json()["success"] is True
    merged = answer.json()["data"]
    assert merged["position"] == "Sent" and merged["cf_segment"] is None  # as sent
    assert merged["title"] == "Dr." and merged["comments"] == "keep me"  # Smart Mode
    assert client.get(f"/entities/Contacts/{b}").status_code == 404
    deleted = client.get(f"/entities/Contacts/{b}", params={"include-deleted": "true"}).json()
    assert deleted["data"]["is_deleted"] is True
    assert fake.merges_json() == [{"entity": "Contacts", "master": a, "secondaries": [b, c],
                                   "values": ["cf_segment", "position"]}]


def test_a_rate_limited_space_answers_429_with_retry_after():
    fake = PipelinerFake(seed=2, records=10, rate_limit=(2, 30.0))
    with SandboxServer.for_fake(fake) as server, httpx.Client(
            base_url=server.base_url, auth=(fake.key, fake.secret)) as client:
        codes = [client.get("/entities/Contacts").status_code for _ in range(3)]
        refused = client.get("/entities/Contacts")
    assert codes == [200, 200, 429]
    assert int(refused.headers["retry-after"]) >= 29 and refused.json()["http_status"] == 429

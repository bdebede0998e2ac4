"""The fake Chatwoot's vendor details added for the completed client: merges answered
200 but done later by ContactMergeJob (or never), the filter service's real rules,
memoised listings, a shorter rack-attack window, and the shared admin header."""

from __future__ import annotations

import time

import httpx
import pytest


def _merge(client: httpx.Client, base: int, mergee: int) -> httpx.Response:
    return client.post("/actions/contact_merge",
                       json={"base_contact_id": base, "mergee_contact_id": mergee})


def _filter(client: httpx.Client, *conditions: dict) -> httpx.Response:
    return client.post("/contacts/filter", json={"payload": list(conditions)})


def _wait_for(check, timeout: float = 3.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.02)
    return check()


def test_a_queued_merge_answers_200_with_the_base_as_it_was_then_merges_later(
    served_chatwoot, chatwoot_http, make_contact
):
    fake = served_chatwoot.fake
    base = make_contact(name=None, email="q1@example.com")
    mergee = make_contact(name="Filled Later", email="q2@example.com")
    fake.merge_jobs.arm(delay=0.2)
    r = _merge(chatwoot_http, base, mergee)
    assert r.status_code == 200 and r.json()["name"] is None  # not merged yet
    assert mergee in fake.state.contacts
    assert _wait_for(lambda: mergee not in fake.state.contacts)
    assert fake.state.contacts[base]["name"] == "Filled Later"
    assert [(m.base, m.mergee) for m in fake.merge_log] == [(base, mergee)]


def test_a_job_that_never_succeeds_leaves_both_until_it_is_run(
    served_chatwoot, chatwoot_http, make_contact
):
    fake = served_chatwoot.fake
    base, mergee = make_contact(email="n1@example.com"), make_contact(email="n2@example.com")
    fake.merge_jobs.arm(delay=None)
    assert _merge(chatwoot_http, base, mergee).status_code == 200
    time.sleep(0.1)
    assert mergee in fake.state.contacts and len(fake.merge_jobs.waiting) == 1
    assert fake.merge_jobs.run_waiting() == 1
    assert mergee not in fake.state.contacts and fake.merge_jobs.waiting == []


def test_jobs_are_armed_for_a_count_then_merges_are_immediate_again(
    served_chatwoot, chatwoot_http, make_contact
):
    fake = served_chatwoot.fake
    ids = [make_contact(email=f"c{i}@example.com") for i in range(3)]
    fake.merge_jobs.arm(delay=None, count=1)
    _merge(chatwoot_http, ids[0], ids[1])
    _merge(chatwoot_http, ids[0], ids[2])
    assert ids[1] in fake.state.contacts and ids[2] not in fake.state.contacts


def test_unknown_contacts_answer_404_before_any_job_is_queued(
    served_chatwoot, chatwoot_http, make_contact
):
    fake = served_chatwoot.fake
    fake.merge_jobs.arm(delay=None, count=None)
    r = _merge(chatwoot_http, make_contact(email="u@example.com"), 999_999)
    assert r.status_code == 404 and fake.merge_jobs.waiting == []


def test_a_job_whose_contact_went_meanwhile_just_ends(served_chatwoot, make_contact):
    fake = served_chatwoot.fake
    base, mergee = make_contact(email="g1@example.com"), make_contact(email="g2@example.com")
    fake.merge_jobs.arm(delay=None)
    job = fake.merge_jobs.take(1, base, mergee)
    fake.state.destroy(mergee)
    assert fake.merge_jobs.run(job) is False and fake.merge_jobs.done == []


def test_filter_equal_to_reads_only_the_first_value(chatwoot_http, make_contact):
    a = make_contact(email="first@filter.example")
    b = make_contact(email="second@filter.example")
    body = _filter(chatwoot_http, {"attribute_key": "email", "filter_operator": "equal_to",
                                   "values": ["First@Filter.example", "second@filter.example"]}
                   ).json()
    ids = {c["id"] for c in body["payload"]}
    assert a in ids and b not in ids


def test_filter_puts_a_plus_before_a_phone_number(chatwoot_http, make_contact):
    cid = make_contact(phone_number="+4915112345678", email="ph@filter.example")

    def found(value: str) -> bool:
        body = _filter(chatwoot_http, {"attribute_key": "phone_number",
                                       "filter_operator": "equal_to", "values": [value]}).json()
        return cid in {c["id"] for c in body["payload"]}

    assert found("4915112345678") and not found("+4915112345678")


@pytest.mark.parametrize(("key", "operator"), [("email", "is_present"), ("identifier", "contains"),
                                               ("labels", "contains")])
def test_filter_refuses_operators_filter_keys_yml_does_not_allow(chatwoot_http, key, operator):
    r = _filter(chatwoot_http, {"attribute_key": key, "filter_operator": operator,
                                "values": ["x"]})
    assert r.status_code == 422
    assert r.json()["error"].startswith(f"Invalid operator. The allowed operators for {key}")


def test_filter_refuses_a_condition_without_values(chatwoot_http):
    r = _filter(chatwoot_http, {"attribute_key": "name", "filter_operator": "equal_to",
                                "values": []})
    assert r.status_code == 422 and "Invalid value" in r.json()["error"]


def test_filter_by_labels_and_or_between_conditions(chatwoot_http, make_contact):
    a = make_contact(email="la@filter.example", labels=("alpha",))
    b = make_contact(email="lb@filter.example", labels=("beta",))
    body = _filter(chatwoot_http,
                   {"attribute_key": "labels", "filter_operator": "equal_to",
                    "values": ["alpha"], "query_operator": "OR"},
                   {"attribute_key": "labels", "filter_operator": "equal_to",
                    "values": ["beta"]}).json()
    assert {a, b} <= {c["id"] for c in body["payload"]}


def test_listings_are_memoised_but_see_every_change(served_chatwoot, chatwoot_http,
                                                    make_contact):
    def listed() -> set[int]:
        ids: set[int] = set()
        page = 1
        while True:
            rows = chatwoot_http.get("/contacts", params={"page": page}).json()["payload"]
            ids.update(c["id"] for c in rows)
            if len(rows) < 15:
                return ids
            page += 1

    before = listed()
    added = make_contact(email="memo@example.com")  # straight into the store
    assert listed() == before | {added}
    chatwoot_http.put(f"/contacts/{added}", json={"email": None}).raise_for_status()
    assert added not in listed()  # no email, phone or identifier: no longer listed


def test_a_short_rate_limit_period_refills_after_it(serve_chatwoot):
    served = serve_chatwoot(rate_limit_per_minute=3, rate_limit_period=0.3)
    with served.client() as client:
        assert [client.get("/contacts").status_code for _ in range(4)] == [200, 200, 200, 429]
        time.sleep(0.35)
        assert client.get("/contacts").status_code == 200


def test_the_admin_api_also_takes_the_shared_sandbox_token_header(served_chatwoot):
    root = served_chatwoot.server.root_url
    token = served_chatwoot.fake.token
    assert httpx.get(f"{root}/_sandbox/merges",
                     headers={"x-sandbox-token": token}).status_code == 200
    assert httpx.get(f"{root}/_sandbox/merges",
                     headers={"x-sandbox-token": "wrong"}).status_code == 401
    assert served_chatwoot.fake.record_id(0) == "1"

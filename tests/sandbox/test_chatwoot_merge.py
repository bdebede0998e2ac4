"""POST /actions/contact_merge with Chatwoot's real semantics, over loopback HTTP."""

from __future__ import annotations

import httpx


def _merge(client: httpx.Client, base: object, mergee: object) -> httpx.Response:
    return client.post(
        "/actions/contact_merge", json={"base_contact_id": base, "mergee_contact_id": mergee}
    )


def test_base_values_win_and_the_mergee_only_fills_blanks(
    served_chatwoot, chatwoot_http, make_contact
):
    base = make_contact(name="Ann Lee", email="ann@example.com", phone_number=None, identifier="")
    mergee = make_contact(
        name="Annie L.", email="annie@example.com", phone_number="+33123456789", identifier="crm-5"
    )
    r = _merge(chatwoot_http, base, mergee)
    assert r.status_code == 200
    merged = served_chatwoot.fake.state.contacts[base]
    assert (merged["name"], merged["email"]) == ("Ann Lee", "ann@example.com")
    assert (merged["phone_number"], merged["identifier"]) == ("+33123456789", "crm-5")


def test_attribute_hashes_are_deep_merged_with_base_keys_winning(
    served_chatwoot, chatwoot_http, make_contact
):
    base = make_contact(
        email="b@example.com",
        custom_attributes={"plan": "pro", "nested": {"a": 1}},
        additional_attributes={"city": "Lyon", "social_profiles": {"x": "@b"}},
    )
    mergee = make_contact(
        email="m@example.com",
        custom_attributes={"plan": "free", "seats": 3, "nested": {"a": 2, "b": 2}},
        additional_attributes={
            "city": "Paris",
            "company_name": "Acme",
            "social_profiles": {"x": "@m", "y": "@m"},
        },
    )
    _merge(chatwoot_http, base, mergee).raise_for_status()
    merged = served_chatwoot.fake.state.contacts[base]
    assert merged["custom_attributes"] == {"plan": "pro", "seats": 3, "nested": {"a": 1, "b": 2}}
    assert merged["additional_attributes"] == {
        "city": "Lyon",
        "company_name": "Acme",
        "social_profiles": {"x": "@b", "y": "@m"},
    }


def test_mergee_is_hard_deleted(served_chatwoot, chatwoot_http, make_contact):
    base, mergee = make_contact(email="k1@example.com"), make_contact(email="k2@example.com")
    _merge(chatwoot_http, base, mergee).raise_for_status()
    assert mergee not in served_chatwoot.fake.state.contacts
    r = chatwoot_http.get(f"/contacts/{mergee}")
    assert (r.status_code, r.json()) == (404, {"error": "Resource could not be found"})
    assert (
        chatwoot_http.get("/contacts/search", params={"q": "k2@example.com"}).json()["payload"]
        == []
    )


def test_base_takes_over_the_mergees_unique_email(served_chatwoot, chatwoot_http, make_contact):
    # The mergee is destroyed first, so its email is free when the base is saved.
    base = make_contact(name="Phone only", phone_number="+4915112345678")
    mergee = make_contact(name="Mail only", email="only@example.com")
    body = _merge(chatwoot_http, base, mergee).json()
    assert body["email"] == "only@example.com"
    assert served_chatwoot.fake.state.contacts[base]["email"] == "only@example.com"


def test_labels_of_the_mergee_are_not_carried_over(served_chatwoot, chatwoot_http, make_contact):
    base = make_contact(email="lb@example.com", labels=("vip",))
    mergee = make_contact(email="lm@example.com", labels=("customer", "beta"))
    _merge(chatwoot_http, base, mergee).raise_for_status()
    assert chatwoot_http.get(f"/contacts/{base}/labels").json() == {"payload": ["vip"]}


def test_conversations_notes_and_inboxes_move_to_the_base(served_chatwoot, chatwoot_http):
    state = served_chatwoot.fake.state
    owners = [
        cid
        for cid in state.contacts
        if state.contacts[cid]["account_id"] == 1 and state.conversations_of(cid)
    ]
    base, mergee = owners[0], owners[1]
    before = len(state.conversations_of(base)) + len(state.conversations_of(mergee))
    inboxes = len(state.contact_inboxes_of(base)) + len(state.contact_inboxes_of(mergee))
    with state.lock:
        note_id = state.next_id("notes")
        state.notes[note_id] = {
            "id": note_id,
            "account_id": 1,
            "contact_id": mergee,
            "content": "moved",
            "created_at": 1_700_000_000,
        }
    _merge(chatwoot_http, base, mergee).raise_for_status()
    listed = chatwoot_http.get(f"/contacts/{base}/conversations").json()["payload"]
    assert len(listed) == before
    assert all(c["meta"]["sender"]["id"] == base for c in listed)
    assert len(state.contact_inboxes_of(base)) == inboxes
    assert "moved" in [n["content"] for n in chatwoot_http.get(f"/contacts/{base}/notes").json()]


def test_response_is_the_base_contact_without_a_payload_wrapper(chatwoot_http, make_contact):
    base = make_contact(name="Base", email="rb@example.com")
    mergee = make_contact(name="Mergee", email="rm@example.com")
    body = _merge(chatwoot_http, base, mergee).json()
    assert body["id"] == base and body["name"] == "Base"
    assert "payload" not in body


def test_merging_a_contact_into_itself_answers_200_and_changes_nothing(
    served_chatwoot, chatwoot_http, make_contact
):
    cid = make_contact(name="Solo", email="solo@example.com", labels=("vip",))
    before = dict(served_chatwoot.fake.state.contacts[cid])
    r = _merge(chatwoot_http, cid, cid)
    assert r.status_code == 200 and r.json()["id"] == cid
    assert served_chatwoot.fake.state.contacts[cid] == before


def test_a_contact_of_another_account_answers_404_and_nothing_changes(
    served_chatwoot, chatwoot_http, make_contact
):
    base = make_contact(email="mine@example.com")
    foreign = make_contact(account_id=2, email="theirs@example.com")
    for ids in ((base, foreign), (foreign, base), (base, 987654)):
        r = _merge(chatwoot_http, *ids)
        assert (r.status_code, r.json()) == (404, {"error": "Resource could not be found"})
    assert {base, foreign} <= set(served_chatwoot.fake.state.contacts)


def test_ids_that_are_not_integers_are_refused_before_anything_happens(
    served_chatwoot, chatwoot_http, make_contact
):
    base, mergee = make_contact(email="i1@example.com"), make_contact(email="i2@example.com")
    for bad in ("abc", True, [mergee], {"id": mergee}, 1.5):
        r = _merge(chatwoot_http, base, bad)
        assert r.status_code == 400, bad
        assert r.json()["errors"][0]["field"] == "mergee_contact_id"
    missing = chatwoot_http.post("/actions/contact_merge", json={"base_contact_id": base})
    assert missing.status_code == 404
    broken = chatwoot_http.post(
        "/actions/contact_merge", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert broken.status_code == 400
    assert mergee in served_chatwoot.fake.state.contacts
    assert _merge(chatwoot_http, str(base), str(mergee)).status_code == 200  # Rails casts "12"


def test_merge_log_records_each_call_once(served_chatwoot, chatwoot_http, make_contact):
    a, b, c = (make_contact(email=f"log{n}@example.com") for n in range(3))
    _merge(chatwoot_http, a, b)
    _merge(chatwoot_http, a, c)
    assert served_chatwoot.fake.merge_log == [(a, b), (a, c)]
    assert served_chatwoot.fake.requests["POST /actions/contact_merge"] == 2

"""The fake Chatwoot's REST API over real loopback HTTP: auth, listing, search, filter,
contact updates, labels and metadata, as the vendor answers them."""

from __future__ import annotations

import httpx


def test_missing_token_answers_401_sign_in(served_chatwoot):
    r = httpx.get(served_chatwoot.server.base_url + "/contacts")
    assert r.status_code == 401
    assert r.json() == {"errors": ["You need to sign in or sign up before continuing."]}


def test_bad_token_answers_401_invalid_access_token(served_chatwoot):
    for token in ("not-the-token", "caf\xe9".encode("latin-1")):
        r = httpx.get(
            served_chatwoot.server.base_url + "/contacts", headers={"api_access_token": token}
        )
        assert r.status_code == 401
        assert r.json() == {"error": "Invalid Access Token"}


def test_account_of_another_user_answers_401_and_unknown_account_404(served_chatwoot):
    root, headers = served_chatwoot.server.root_url, served_chatwoot.headers
    other = httpx.get(f"{root}/api/v1/accounts/2/contacts", headers=headers)
    assert other.status_code == 401
    assert other.json() == {"error": "You are not authorized to access this account"}
    missing = httpx.get(f"{root}/api/v1/accounts/99/contacts", headers=headers)
    assert missing.status_code == 404
    assert missing.json() == {"error": "Resource could not be found"}


def test_listing_pages_15_at_a_time_to_the_end_with_the_total_count(
    served_chatwoot, chatwoot_http: httpx.Client
):
    fake = served_chatwoot.fake
    resolved = {c["id"] for c in fake.state.resolved(1)}
    seen: list[int] = []
    page = 1
    while True:
        body = chatwoot_http.get("/contacts", params={"page": page}).json()
        assert body["meta"]["count"] == len(resolved)
        if not body["payload"]:
            break
        assert len(body["payload"]) <= 15
        seen += [c["id"] for c in body["payload"]]
        page += 1
    assert page == -(-len(resolved) // 15) + 1
    assert sorted(seen) == sorted(resolved) and len(seen) == len(set(seen))


def test_current_page_echoes_the_raw_page_parameter(chatwoot_http: httpx.Client):
    assert chatwoot_http.get("/contacts").json()["meta"]["current_page"] == 1
    assert chatwoot_http.get("/contacts", params={"page": 2}).json()["meta"]["current_page"] == "2"


def test_listing_shows_only_contacts_with_email_phone_or_identifier(
    served_chatwoot, chatwoot_http: httpx.Client, make_contact
):
    fake = served_chatwoot.fake
    visitor = make_contact(name="snowy-dawn-421")
    only_identifier = make_contact(name="Ida", identifier="crm-77")
    ids = set()
    for page in range(1, 40):
        payload = chatwoot_http.get("/contacts", params={"page": page}).json()["payload"]
        ids |= {c["id"] for c in payload}
    assert only_identifier in ids
    assert visitor not in ids
    unlisted = [
        c
        for c in fake.state.account_contacts(1)
        if not (c["email"] or c["phone_number"] or c["identifier"])
    ]
    assert len(unlisted) >= 2  # the seed plants anonymous visitors too


def test_contact_json_has_the_vendor_shape(chatwoot_http: httpx.Client):
    contact = chatwoot_http.get("/contacts").json()["payload"][0]
    for key in (
        "id",
        "name",
        "email",
        "phone_number",
        "identifier",
        "thumbnail",
        "blocked",
        "availability_status",
        "additional_attributes",
        "custom_attributes",
        "created_at",
        "contact_inboxes",
    ):
        assert key in contact
    assert isinstance(contact["id"], int) and isinstance(contact["created_at"], int)
    assert contact["phone_number"] is None or contact["phone_number"].startswith("+")
    slim = chatwoot_http.get("/contacts", params={"include_contact_inboxes": "false"}).json()
    assert "contact_inboxes" not in slim["payload"][0]


def test_listing_sorts_with_a_minus_for_descending(served_chatwoot, chatwoot_http: httpx.Client):
    names = [
        c["name"].lower()
        for c in chatwoot_http.get("/contacts", params={"sort": "name"}).json()["payload"]
    ]
    assert names == sorted(names)
    newest = chatwoot_http.get("/contacts", params={"sort": "-created_at"}).json()["payload"]
    stamps = [c["created_at"] for c in newest]
    assert stamps == sorted(stamps, reverse=True)
    assert stamps[0] == max(c["created_at"] for c in served_chatwoot.fake.state.resolved(1))


def test_listing_filters_by_labels(served_chatwoot, chatwoot_http: httpx.Client, make_contact):
    tagged = make_contact(email="tag@example.com", labels=("zz-rare",))
    payload = chatwoot_http.get("/contacts", params={"labels[]": "zz-rare"}).json()["payload"]
    assert [c["id"] for c in payload] == [tagged]


def test_search_with_blank_q_answers_422(chatwoot_http: httpx.Client):
    for params in ({}, {"q": ""}, {"q": "   "}):
        r = chatwoot_http.get("/contacts/search", params=params)
        assert r.status_code == 422
        assert r.json() == {"error": "Specify search string with parameter q"}


def test_search_matches_name_email_phone_and_identifier(chatwoot_http: httpx.Client, make_contact):
    found = make_contact(
        name="Zoë Quintanilla",
        email="zq@example.org",
        phone_number="+4930123456789",
        identifier="ext-991",
    )
    for q in ("quintanilla", "ZQ@EXAMPLE", "30123456", "ext-991"):
        body = chatwoot_http.get("/contacts/search", params={"q": q}).json()
        assert [c["id"] for c in body["payload"]] == [found], q
        assert body["meta"]["has_more"] is False


def test_search_pages_15_at_a_time(served_chatwoot, chatwoot_http: httpx.Client, make_contact):
    for n in range(20):
        make_contact(name=f"Pagetest Person {n}", email=f"p{n}@pt.example")
    first = chatwoot_http.get("/contacts/search", params={"q": "pagetest"}).json()
    second = chatwoot_http.get("/contacts/search", params={"q": "pagetest", "page": 2}).json()
    assert (len(first["payload"]), first["meta"]["has_more"]) == (15, True)
    assert (len(second["payload"]), second["meta"]["has_more"]) == (5, False)


def test_filter_combines_conditions_and_rejects_unknown_keys(
    served_chatwoot, chatwoot_http: httpx.Client, make_contact
):
    fake = served_chatwoot.fake
    a = make_contact(
        name="Filter A",
        email="a@filter.example",
        additional_attributes={"city": "Oslo"},
        custom_attributes={"plan": "pro"},
    )
    b = make_contact(
        name="Filter B", email="b@filter.example", additional_attributes={"city": "Bergen"}
    )
    payload = [
        {
            "attribute_key": "email",
            "filter_operator": "contains",
            "values": ["@filter.example"],
            "query_operator": "AND",
        },
        {
            "attribute_key": "plan",
            "filter_operator": "equal_to",
            "values": ["pro"],
            "query_operator": "OR",
        },
        {"attribute_key": "city", "filter_operator": "equal_to", "values": ["bergen"]},
    ]
    body = chatwoot_http.post("/contacts/filter", json={"payload": payload}).json()
    ids = {c["id"] for c in body["payload"]}
    assert {a, b} <= ids
    assert all(
        fake.state.contacts[i]["custom_attributes"].get("plan") == "pro"
        or fake.state.contacts[i]["additional_attributes"].get("city") == "Bergen"
        for i in ids
    )
    assert body["meta"]["count"] == len(ids)
    bad = chatwoot_http.post(
        "/contacts/filter",
        json={
            "payload": [
                {"attribute_key": "shoe_size", "filter_operator": "equal_to", "values": ["9"]}
            ]
        },
    )
    assert bad.status_code == 422
    assert "Invalid attribute key" in bad.json()["error"]


def test_show_answers_payload_or_404_for_unknown_and_foreign_contacts(
    served_chatwoot, chatwoot_http: httpx.Client, make_contact
):
    foreign = make_contact(account_id=2, email="x@other.example")
    assert chatwoot_http.get("/contacts/1").json()["payload"]["id"] == 1
    for path in ("/contacts/999999", f"/contacts/{foreign}", "/contacts/abc"):
        r = chatwoot_http.get(path)
        assert r.status_code == 404
        assert r.json() == {"error": "Resource could not be found"}


def test_put_merges_attribute_hashes_instead_of_replacing(
    served_chatwoot, chatwoot_http: httpx.Client, make_contact
):
    cid = make_contact(
        name="Ann",
        email="ann@example.com",
        custom_attributes={"plan": "pro", "seats": 5},
        additional_attributes={"city": "Lyon"},
    )
    r = chatwoot_http.put(
        f"/contacts/{cid}",
        json={
            "name": "Ann Lee",
            "custom_attributes": {"seats": 9},
            "additional_attributes": {"company_name": "Acme"},
        },
    )
    assert r.status_code == 200
    contact = r.json()["payload"]
    assert contact["name"] == "Ann Lee"
    assert contact["custom_attributes"] == {"plan": "pro", "seats": 9}
    assert contact["additional_attributes"] == {"city": "Lyon", "company_name": "Acme"}


def test_put_with_a_taken_email_phone_or_identifier_answers_422(
    served_chatwoot, chatwoot_http: httpx.Client, make_contact
):
    fake = served_chatwoot.fake
    make_contact(email="taken@example.com", phone_number="+14155550100", identifier="id-1")
    cid = make_contact(email="mine@example.com")
    r = chatwoot_http.put(f"/contacts/{cid}", json={"email": "TAKEN@example.com"})
    assert r.status_code == 422
    assert r.json() == {"message": "Email has already been taken", "attributes": ["email"]}
    r = chatwoot_http.put(
        f"/contacts/{cid}", json={"phone_number": "+14155550100", "identifier": "id-1"}
    )
    assert r.json()["attributes"] == ["phone_number", "identifier"]
    assert fake.state.contacts[cid]["email"] == "mine@example.com"


def test_put_refuses_a_phone_that_is_not_e164(
    served_chatwoot, chatwoot_http: httpx.Client, make_contact
):
    cid = make_contact(email="e164@example.com")
    r = chatwoot_http.put(f"/contacts/{cid}", json={"phone_number": "(415) 555-0100"})
    assert r.status_code == 422
    assert r.json()["attributes"] == ["phone_number"]


def test_labels_post_replaces_the_whole_list(
    served_chatwoot, chatwoot_http: httpx.Client, make_contact
):
    cid = make_contact(email="l@example.com", labels=("vip", "lead"))
    assert chatwoot_http.get(f"/contacts/{cid}/labels").json() == {"payload": ["vip", "lead"]}
    r = chatwoot_http.post(f"/contacts/{cid}/labels", json={"labels": ["customer"]})
    assert r.json() == {"payload": ["customer"]}
    assert chatwoot_http.get(f"/contacts/{cid}/labels").json() == {"payload": ["customer"]}


def test_custom_attribute_definitions_filter_by_model(chatwoot_http: httpx.Client):
    contact_defs = chatwoot_http.get(
        "/custom_attribute_definitions", params={"attribute_model": 1}
    ).json()
    keys = {d["attribute_key"] for d in contact_defs}
    assert {"plan", "signed_up_at"} <= keys
    assert {d["attribute_model"] for d in contact_defs} == {"contact_attribute"}
    every = chatwoot_http.get("/custom_attribute_definitions").json()
    assert "order_id" in {d["attribute_key"] for d in every}
    assert {"attribute_display_name", "attribute_display_type"} <= set(contact_defs[0])


def test_contact_conversations_and_notes_are_listed(served_chatwoot, chatwoot_http: httpx.Client):
    fake = served_chatwoot.fake
    owner = next(c["contact_id"] for c in fake.state.conversations.values() if c["account_id"] == 1)
    payload = chatwoot_http.get(f"/contacts/{owner}/conversations").json()["payload"]
    assert payload and all(c["meta"]["sender"]["id"] == owner for c in payload)
    noted = next(n["contact_id"] for n in fake.state.notes.values())
    notes = chatwoot_http.get(f"/contacts/{noted}/notes").json()
    assert notes and notes[0]["contact_id"] == noted

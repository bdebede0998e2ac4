"""Search and filter against the Chatwoot fake over loopback: a targeted re-scan of one
contact (find_candidates), free-text search under its own budget, filter payloads."""

from __future__ import annotations

import asyncio
import time

import pytest

from mergedesk.core.models import Record
from mergedesk.providers import errors
from mergedesk.providers.chatwoot import lookup
from tests.providers.chatwoot.conftest import add_contact, provider


async def test_find_candidates_returns_contacts_sharing_email_phone_identifier_or_name(cw):
    me = add_contact(cw, name="Ada Lovelace", email="ada@engine.example",
                     phone_number="+442071234567", identifier="crm-ada")
    by_email = add_contact(cw, name="A. King", email="ADA@engine.example".lower())
    by_phone = add_contact(cw, name="Countess", phone_number="+442071234567")
    by_id = add_contact(cw, name="Someone", identifier="crm-ada")
    by_name = add_contact(cw, name="ada lovelace")  # an anonymous visitor: never listed
    add_contact(cw, name="Charles Babbage", email="charles@engine.example")
    client = provider(cw)
    record = await client.get_record("contacts", me)
    found = await client.find_candidates("contacts", record)
    await client.aclose()
    assert {r.id for r in found} == {by_email, by_phone, by_id, by_name}
    assert cw.fake.requests["POST /contacts/filter"] == 1  # one query, all four keys OR-ed


async def test_find_candidates_of_a_record_without_keys_asks_nothing(cw):
    client = provider(cw)
    assert await client.find_candidates("contacts", Record(id="1", fields={"name": ""})) == []
    await client.aclose()
    assert cw.fake.requests["POST /contacts/filter"] == 0


def test_candidate_payload_sends_phone_digits_and_closes_the_chain():
    record = Record(id="9", fields={"email": " x@y.example ", "phone_number": "+15550001111",
                                    "identifier": None, "name": "X"})
    payload = lookup.candidate_conditions(record)
    assert [(c["attribute_key"], c["values"], c["query_operator"]) for c in payload] == [
        ("email", ["x@y.example"], "OR"), ("phone_number", ["15550001111"], "OR"),
        ("name", ["X"], None)]


async def test_filter_records_pages_through_a_large_result_and_stops_at_the_limit(cw):
    for n in range(40):
        add_contact(cw, name=f"Bulk {n}", email=f"bulk{n}@filter.example")
    client = provider(cw)
    condition = [{"attribute_key": "email", "filter_operator": "contains",
                  "values": ["@filter.example"], "query_operator": None}]
    everything = await client.filter_records("contacts", condition)
    first_20 = await client.filter_records("contacts", condition, limit=20)
    await client.aclose()
    assert len(everything) == 40 and len({r.id for r in everything}) == 40
    assert len(first_20) == 20


async def test_filter_with_a_bad_attribute_is_a_validation_error_in_chatwoots_words(cw):
    client = provider(cw)
    with pytest.raises(errors.ValidationFailed, match="Invalid attribute key - \\[shoe\\]"):
        await client.filter_records("contacts", [
            {"attribute_key": "shoe", "filter_operator": "equal_to", "values": ["9"]}])
    await client.aclose()


async def test_search_finds_by_part_of_a_name_across_pages(cw):
    wanted = {add_contact(cw, name=f"Zebulon Quux {n}", email=f"zq{n}@example.com")
              for n in range(20)}
    client = provider(cw)
    found = await client.search("contacts", "zebulon quux")
    limited = await client.search("contacts", "zebulon quux", limit=15)
    blank = await client.search("contacts", "   ")
    await client.aclose()
    assert {r.id for r in found} == wanted
    assert len(limited) == 15 and blank == []
    assert cw.fake.requests["GET /contacts/search"] == 3  # 2 pages, then 1; blank: none


async def test_search_is_paced_under_its_own_budget_not_the_general_one(cw):
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)
        await asyncio.sleep(seconds)

    for n in range(50):
        add_contact(cw, name=f"Paced Person {n}", email=f"pp{n}@example.com")
    # Counted per second here (as a proxy might): 2 searches per 1 s window.
    client = provider(cw, options={"searches_per_minute": 120, "rate_limit_period": 1},
                      sleep=sleep)
    started = time.monotonic()
    await client.search("contacts", "paced person", limit=60)  # 4 pages = 4 searches
    elapsed = time.monotonic() - started
    searched_waits = list(waits)
    await client.filter_records("contacts", [{"attribute_key": "name", "filter_operator":
                                              "contains", "values": ["paced"]}])
    await client.aclose()
    # 120 a minute is 2 per second: searches 3 and 4 waited for the first two to age.
    assert 0.9 < elapsed < 2.5 and 0.8 < sum(searched_waits) < 2.0
    assert waits == searched_waits  # the filter right after did not wait for search
    assert client.pacer.throttled == 0

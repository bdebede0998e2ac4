"""Listing to the end: 5,000+ contacts over loopback, pages fetched side by side after
the first, and the paging rules on their own (drift, has_more, early stop)."""

from __future__ import annotations

import time

import pytest

from mergedesk.providers.chatwoot import lookup, mapping
from tests.conftest import serve
from tests.providers.chatwoot.conftest import add_contact, provider


@pytest.fixture(scope="module")
def big():
    served = serve("chatwoot", seed=3, records=5600)
    yield served
    served.server.stop()


async def test_lists_more_than_5000_contacts_to_the_end_each_once(big):
    resolved = sorted(str(c["id"]) for c in big.fake.state.resolved(1))
    assert len(resolved) > 5000
    # The fake enforces no limit here, so our own 3000/min pacing is switched off: this
    # measures paging itself (paced, 344 pages take 344 / 50 per s = 7 s).
    client = provider(big, options={"requests_per_minute": 0, "concurrency": 8})
    started = time.monotonic()
    pages = [page async for page in client.list_records("contacts")]
    elapsed = time.monotonic() - started
    await client.aclose()
    listed = [r.id for p in pages for r in p.records]
    assert sorted(listed) == resolved and len(listed) == len(set(listed))
    assert {p.total for p in pages} == {len(resolved)}
    # One request per page, none wasted: ceil(n / 15) list calls.
    assert big.fake.requests["GET /contacts"] == -(-len(resolved) // 15)
    print(f"listed {len(listed)} contacts in {elapsed:.2f} s")


async def test_lists_by_label_with_the_cheap_labels_parameter(big):
    state = big.fake.state
    wanted = {str(c["id"]) for c in state.resolved(1, ["vip", "lead"])}
    assert wanted
    client = provider(big)
    pages = [p async for p in client.list_records("contacts", labels=["vip", "lead"])]
    await client.aclose()
    assert {r.id for p in pages for r in p.records} == wanted


def _body(ids: list[int], count: int | None, **meta) -> mapping.ContactListBody:
    return mapping.ContactListBody(meta={"count": count, **meta},
                                   payload=[mapping.ContactBody(id=i) for i in ids])


async def test_paging_goes_on_past_the_counted_end_while_pages_stay_full():
    rows = list(range(1, 47))  # 46 contacts, but page 1 said 30 (16 added meanwhile)

    async def fetch(number: int) -> mapping.ContactListBody:
        return _body(rows[(number - 1) * 15: number * 15], 30)

    pages = [p async for p in lookup.counted_pages(fetch, width=4)]
    assert [p.number for p in pages] == [1, 2, 3, 4]
    assert [c.id for p in pages for c in p.contacts] == rows


async def test_search_pages_follow_has_more_or_an_old_total_count():
    rows = list(range(1, 41))

    async def newer(number: int) -> mapping.ContactListBody:
        window = rows[(number - 1) * 15: number * 15]
        return _body(window, len(window), has_more=number * 15 < len(rows))

    async def older(number: int) -> mapping.ContactListBody:
        return _body(rows[(number - 1) * 15: number * 15], len(rows))

    for fetch in (newer, older):
        pages = [p async for p in lookup.has_more_pages(fetch)]
        assert [c.id for p in pages for c in p.contacts] == rows


async def test_a_full_last_search_page_with_has_more_false_ends_the_search():
    calls = []

    async def fetch(number: int) -> mapping.ContactListBody:
        calls.append(number)
        return _body(list(range(15)), 15, has_more=False)

    assert len([p async for p in lookup.has_more_pages(fetch)]) == 1
    assert calls == [1]


async def test_contacts_added_during_a_listing_shift_pages_but_are_not_listed_twice(cw):
    client = provider(cw)
    listing = client.list_records("contacts")
    first = await anext(listing)
    add_contact(cw, name="Late", email="late@example.com")  # sorts last: shifts nothing
    rest = [p async for p in listing]
    await client.aclose()
    ids = [r.id for p in (first, *rest) for r in p.records]
    assert len(ids) == len(set(ids))

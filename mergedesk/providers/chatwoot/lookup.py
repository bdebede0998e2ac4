"""Reading many Chatwoot contacts: the paged contact list (once the first page names the
total, the other pages are fetched side by side), contact search and contact filter
payloads. Pure paging logic and payload builders; the HTTP calls are the client's. No Qt.

Vendor facts (chatwoot/chatwoot app/controllers/api/v1/accounts/contacts_controller.rb,
app/services/contacts/filter_service.rb, lib/filters/filter_keys.yml):
- every list is 15 a page (RESULTS_PER_PAGE), not changeable by the client;
- index and filter answer meta.count = the total; newer search answers meta.count = the
  size of this page plus meta.has_more (it fetches one extra row instead of counting);
- filter's equal_to compares with the FIRST value only, case-insensitively, and puts a
  '+' in front of a phone number, so one condition per value, phone digits without '+'."""

from __future__ import annotations

import asyncio
import math
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass

from pydantic import JsonValue

from mergedesk.core.models import Record
from mergedesk.core.values import is_blank
from mergedesk.providers.chatwoot import mapping

PAGE_SIZE = 15
FetchPage = Callable[[int], Awaitable[mapping.ContactListBody]]
# Fields that identify a Chatwoot contact, as filter keys: a candidate duplicate shares one.
_CANDIDATE_KEYS = ("email", "phone_number", "identifier", "name")


@dataclass(frozen=True)
class Page:
    number: int
    contacts: list[mapping.ContactBody]
    total: int | None = None  # index, filter: all matching contacts
    more: bool | None = None  # search: whether another page exists, when it says


async def counted_pages(fetch: FetchPage, width: int) -> AsyncIterator[Page]:
    """Every page of an endpoint whose meta.count is the total (index, filter), in order.

    Page 1 names the total; pages 2..last are then fetched up to `width` at a time
    (a 50,000-contact account is 3,334 pages: one at a time they cost 3,334 round
    trips end to end). If the last planned page is full, contacts were added meanwhile
    and paging goes on one page at a time until a short page."""
    first = await _page(fetch, 1)
    yield first
    if len(first.contacts) < PAGE_SIZE:
        return
    last = math.ceil(first.total / PAGE_SIZE) if first.total else 1
    page = first
    async for page in _ordered(fetch, range(2, last + 1), width):
        yield page
    number = max(page.number, last)
    while len(page.contacts) == PAGE_SIZE:
        number += 1
        page = await _page(fetch, number)
        yield page


async def has_more_pages(fetch: FetchPage) -> AsyncIterator[Page]:
    """Pages of contact search, one after the other, until a short page or one that
    says there is no more."""
    number = 1
    while True:
        page = await _search_page(fetch, number)
        yield page
        if len(page.contacts) < PAGE_SIZE or page.more is False:
            return
        number += 1


def candidate_conditions(record: Record) -> list[dict[str, JsonValue]]:
    """A POST /contacts/filter payload matching any contact that shares the record's
    email, phone number, identifier or exact name (OR-ed; the last has no operator)."""
    conditions: list[dict[str, JsonValue]] = []
    for key in _CANDIDATE_KEYS:
        value = record.fields.get(key)
        if is_blank(value) or not isinstance(value, str):
            continue
        text = value.strip()
        if key == "phone_number":
            text = text.lstrip("+")  # the filter service puts the '+' back itself
        conditions.append({"attribute_key": key, "filter_operator": "equal_to",
                           "values": [text], "query_operator": "OR"})
    if conditions:
        conditions[-1]["query_operator"] = None
    return conditions


def label_conditions(labels: list[str]) -> list[dict[str, JsonValue]]:
    """Contacts tagged with any of `labels` (equal_to reads one value, so one each)."""
    conditions: list[dict[str, JsonValue]] = [
        {"attribute_key": "labels", "filter_operator": "equal_to", "values": [label],
         "query_operator": "OR"}
        for label in labels
    ]
    if conditions:
        conditions[-1]["query_operator"] = None
    return conditions


async def _page(fetch: FetchPage, number: int) -> Page:
    body = await fetch(number)
    return Page(number, body.payload, total=_int_or_none(body.meta.get("count")))


async def _search_page(fetch: FetchPage, number: int) -> Page:
    body = await fetch(number)
    more = body.meta.get("has_more")
    if more is None:  # an older Chatwoot: count is the total, compare with what we saw
        count = _int_or_none(body.meta.get("count"))
        return Page(number, body.payload, more=None if count is None
                    else count > number * PAGE_SIZE)
    return Page(number, body.payload, more=bool(more))


async def _ordered(fetch: FetchPage, numbers: range, width: int) -> AsyncIterator[Page]:
    """Fetch `numbers` with up to `width` requests in flight; yield them in order."""
    todo: Iterator[int] = iter(numbers)
    flying: deque[asyncio.Task[Page]] = deque(
        asyncio.create_task(_page(fetch, n)) for _, n in zip(range(width), todo, strict=False)
    )
    try:
        while flying:
            page = await flying.popleft()
            following = next(todo, None)
            if following is not None:
                flying.append(asyncio.create_task(_page(fetch, following)))
            yield page
    finally:
        for task in flying:
            task.cancel()
        await asyncio.gather(*flying, return_exceptions=True)


def _int_or_none(value: JsonValue) -> int | None:
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None

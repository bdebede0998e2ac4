"""Server-side paging of the fake Dataverse: a page continues after the last primary key
of the one before, named in a paging cookie inside `$skiptoken`, as Dataverse's own
@odata.nextLink does (learn.microsoft.com "Page results using OData"). A page then costs
O(page), and rows deactivated by a merge between two pages never shift the next page."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import quote, unquote

from mergedesk.sandbox.dataverse.state import Refused

Row = dict[str, Any]
# $skiptoken's value, as Dataverse sends it once the nextLink's own encoding is undone:
# `<cookie pagenumber="2" pagingcookie="…" istracking="False" />`, where pagingcookie is
# `<cookie page="1"><contactid last="{GUID}" first="{GUID}" /></cookie>` URL-encoded twice.
_SKIPTOKEN = re.compile(r'^<cookie pagenumber="(?P<page>\d+)" pagingcookie="(?P<inner>[^"]*)" '
                        r'istracking="False" />$')
_LAST = re.compile(r'<(?P<key>\w+) last="\{(?P<last>[0-9a-fA-F-]{36})\}"')


def skiptoken(key: str, page: int, first: str, last: str) -> str:
    """The $skiptoken of the page after `page` (1-based), whose rows ran first..last."""
    inner = (f'<cookie page="{page}"><{key} last="{{{last.upper()}}}" '
             f'first="{{{first.upper()}}}" /></cookie>')
    return (f'<cookie pagenumber="{page + 1}" pagingcookie="{quote(quote(inner, safe=""))}" '
            'istracking="False" />')


def resume_after(token: str | None, key: str) -> tuple[int, str | None]:
    """(page number, last key of the previous page) of a $skiptoken; (1, None) without one.

    Raises:
        Refused: a token this server did not write (a client must pass it unchanged).
    """
    if not token:
        return 1, None
    outer = _SKIPTOKEN.match(token)
    inner = _LAST.search(unquote(unquote(outer["inner"]))) if outer else None
    if outer is None or inner is None or inner["key"] != key:
        raise Refused(400, "0x80060888", "The $skiptoken is not a valid paging cookie.")
    return int(outer["page"]), inner["last"].lower()


class KeyOrder:
    """Each table's primary keys in order, sorted again only when rows were added (the
    fake never deletes a row), so a page starts by bisection instead of a sort."""

    def __init__(self) -> None:
        self._sorted: dict[str, tuple[int, int, list[str]]] = {}  # table -> (id, len, keys)

    def after(self, table: str, rows: dict[str, Row], last: str | None) -> Iterator[str]:
        seen = self._sorted.get(table)
        if seen is None or seen[:2] != (id(rows), len(rows)):
            seen = (id(rows), len(rows), sorted(rows))
            self._sorted[table] = seen
        keys = seen[2]
        start = bisect.bisect_right(keys, last) if last else 0
        return (keys[i] for i in range(start, len(keys)))  # no copy of the rest


def page(rows: dict[str, Row], keys: Iterator[str], wanted: Callable[[Row], bool],
         size: int) -> tuple[list[Row], bool]:
    """Up to `size` wanted rows in key order, and whether any wanted row follows."""
    chunk: list[Row] = []
    for rid in keys:
        row = rows.get(rid)
        if row is None or not wanted(row):
            continue
        if len(chunk) == size:
            return chunk, True
        chunk.append(row)
    return chunk, False

"""Pipeliner's list parameters for any collection: cursor paging (`first` ≤ 100, default
30, `after`, `before`, `last`), the legacy `limit`/`offset` (no `page_info` then),
`filter[field]` with `filter-op[field]`, `order-by` and `load-only`. Pure functions
over rows; errors are `Refused` with the vendor's 400 code 117 envelope."""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Callable, Mapping
from typing import Any

from mergedesk.sandbox.pipeliner import schema
from mergedesk.sandbox.pipeliner.state import Refused

MAX_FIRST = 100
DEFAULT_FIRST = 30
_BRACKET = re.compile(r"^(filter|filter-op)\[(?P<field>[^\]]+)\]$")

_OPS: dict[str, Callable[[Any, str], bool]] = {
    "eq": lambda v, x: _text(v) == x,
    "ieq": lambda v, x: _text(v).lower() == x.lower(),
    "not-eq": lambda v, x: _text(v) != x,
    "not-ieq": lambda v, x: _text(v).lower() != x.lower(),
    "contains": lambda v, x: x in _text(v),
    "icontains": lambda v, x: x.lower() in _text(v).lower(),
    "starts": lambda v, x: _text(v).startswith(x),
    "istarts": lambda v, x: _text(v).lower().startswith(x.lower()),
    "ends": lambda v, x: _text(v).endswith(x),
    "iends": lambda v, x: _text(v).lower().endswith(x.lower()),
    "null": lambda v, x: v is None,
    "not-null": lambda v, x: v is not None,
    "empty": lambda v, x: v in (None, "", []),
    "not-empty": lambda v, x: v not in (None, "", []),
    "gt": lambda v, x: _text(v) > x,
    "gte": lambda v, x: _text(v) >= x,
    "lt": lambda v, x: _text(v) < x,
    "lte": lambda v, x: _text(v) <= x,
    "between": lambda v, x: x.split(",")[0] <= _text(v) <= x.split(",")[-1],
}


def select(rows: list[dict[str, Any]], params: Mapping[str, str]) -> list[dict[str, Any]]:
    """Filter, then order, the rows a list request asks for."""
    filters: dict[str, str] = {}
    ops: dict[str, str] = {}
    for key, value in params.items():
        match = _BRACKET.match(key)
        if match:
            (filters if match.group(1) == "filter" else ops)[match["field"]] = value
    for name, op in ops.items():
        if op not in _OPS:
            raise Refused(
                400,
                schema.invalid(
                    f"Unsupported filter operator '{op}' for field '{name}'. Supported operators: "
                    f"[{', '.join(_OPS)}]."
                ),
            )
    for name, value in filters.items():
        test = _OPS[ops.get(name, "eq")]
        rows = [r for r in rows if test(r.get(name), value)]
    for key in reversed([k.strip() for k in params.get("order-by", "").split(",") if k.strip()]):
        name = key.lstrip("-")
        rows = sorted(
            rows,
            key=lambda r, n=name: (r.get(n) is None, _text(r.get(n))),
            reverse=key.startswith("-"),
        )
    return rows


def window(rows: list[dict[str, Any]], params: Mapping[str, str]) -> dict[str, Any]:
    """The page of `rows` the paging parameters ask for, as the list answer's
    `total`, `page_info` and rows; `page_info` is absent for limit/offset paging."""
    total = len(rows)
    if "limit" in params or "offset" in params:
        offset = _count(params, "offset", 0)
        return {"total": total, "rows": rows[offset : offset + _count(params, "limit", 25)]}
    start, end = 0, total
    if "after" in params:
        start = _position(rows, params["after"]) + 1
    if "before" in params:
        end = _position(rows, params["before"])
    first = _count(params, "first", DEFAULT_FIRST)
    if first > MAX_FIRST:
        raise Refused(400, schema.invalid(f"Parameter 'first' must be at most {MAX_FIRST}."))
    end = min(end, start + first)
    if "last" in params:
        start = max(start, end - _count(params, "last", DEFAULT_FIRST))
    page = rows[start:end]
    info = {
        "start_cursor": cursor(page[0]["id"], start) if page else None,
        "end_cursor": cursor(page[-1]["id"], end - 1) if page else None,
        "has_previous_page": start > 0,
        "has_next_page": end < total,
    }
    return {"total": total, "page_info": info, "rows": page}


def load_only(row: dict[str, Any], params: Mapping[str, str]) -> dict[str, Any]:
    wanted = {f.strip() for f in params.get("load-only", "").split(",") if f.strip()}
    if not wanted:
        return row
    return {k: v for k, v in row.items() if k in wanted or k == "id"}


def cursor(entity_id: str, position: int) -> str:
    """Opaque like the vendor's (base64 of a JSON pair, e.g. '["01", "<uuid>"]')."""
    raw = json.dumps([f"{position:08d}", entity_id]).encode()
    return base64.b64encode(raw).decode()


def _position(rows: list[dict[str, Any]], token: str) -> int:
    """Where a cursor points: the row it names while that row is listed, else (the row
    was deleted since) the slot it had."""
    try:
        slot, entity_id = json.loads(base64.b64decode(token, validate=True))
        slot = int(slot)
    except (binascii.Error, ValueError, TypeError, UnicodeDecodeError):
        raise Refused(400, schema.invalid(f"Invalid cursor '{token}'.")) from None
    for i, row in enumerate(rows):
        if row["id"] == entity_id:
            return i
    return min(slot, len(rows)) - 1


def _count(params: Mapping[str, str], name: str, default: int) -> int:
    raw = params.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise Refused(400, schema.invalid(f"Parameter '{name}' must be an integer.")) from None
    if value < 0:
        raise Refused(400, schema.invalid(f"Parameter '{name}' must not be negative."))
    return value


def _text(value: Any) -> str:
    return "" if value is None else str(value)

"""What counts as an empty value, when two field values are the same, and the moment a
CRM's timestamp names. No I/O."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from pydantic import JsonValue

__all__ = ["JsonValue", "is_blank", "parse_timestamp", "same_value"]


def is_blank(value: Any) -> bool:
    """True for None, "", whitespace-only text and empty lists/dicts: what CRMs treat as unset."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, tuple, dict, set, frozenset)):
        return len(value) == 0
    return False


def same_value(a: Any, b: Any) -> bool:
    """Equality as a CRM round-trip sees it: blanks are equal, lists compare as sets,
    numbers by value, and a nested dict compares key by key with the same rules."""
    if is_blank(a) and is_blank(b):
        return True
    if isinstance(a, dict) and isinstance(b, dict):
        keys = set(a) | set(b)
        return all(same_value(a.get(k), b.get(k)) for k in keys)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return _as_set(a) == _as_set(b)
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b or (a == b and type(a) is type(b))
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return float(a) == float(b)
    return a == b


def parse_timestamp(value: Any) -> datetime | None:
    """A CRM's ISO 8601 text (a trailing "Z" too, which Python 3.10 and older refuse) or
    Unix seconds as a datetime; None for a blank or unreadable value, never an error."""
    if isinstance(value, bool) or is_blank(value):
        return None
    if isinstance(value, (int, float)):
        return datetime.fromtimestamp(value, tz=UTC)
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _as_set(items: list | tuple) -> frozenset:
    return frozenset(repr(i) if isinstance(i, (dict, list)) else i for i in items)

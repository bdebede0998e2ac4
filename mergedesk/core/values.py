"""What counts as an empty value and when two field values are the same. No I/O."""

from __future__ import annotations

from typing import Any

from pydantic import JsonValue

__all__ = ["JsonValue", "is_blank", "same_value"]


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


def _as_set(items: list | tuple) -> frozenset:
    return frozenset(repr(i) if isinstance(i, (dict, list)) else i for i in items)

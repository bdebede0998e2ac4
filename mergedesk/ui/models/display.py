"""How record values and records are summarised as short text for views. No I/O.

Only data formatting lives here (numbers, lists, names); words a translator must see
live in ui.messages."""

from __future__ import annotations

import json
from collections.abc import Iterable

from mergedesk.core.models import Record
from mergedesk.core.values import JsonValue, is_blank

EMPTY = "—"  # an em dash: visible, and impossible to mistake for a real value
_NAME_KEYS = ("name", "full_name", "fullname", "display_name", "contact_name")
_FIRST_KEYS = ("first_name", "firstname", "given_name")
_LAST_KEYS = ("last_name", "lastname", "family_name", "surname")


def value_text(value: JsonValue) -> str:
    """One line of text for a field value; blanks become EMPTY."""
    if is_blank(value):
        return EMPTY
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        return ", ".join(value_text(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return " ".join(str(value).split())  # newlines and runs of spaces on one line


def record_name(record: Record) -> str:
    """The record's person or company name, from whichever name fields the CRM uses."""
    fields = {k.lower(): v for k, v in record.fields.items()}
    for key in _NAME_KEYS:
        if isinstance(fields.get(key), str) and fields[key].strip():
            return fields[key].strip()
    parts = [_first_text(fields, keys) for keys in (_FIRST_KEYS, _LAST_KEYS)]
    return " ".join(p for p in parts if p)


def record_emails(record: Record) -> list[str]:
    """Every email address on the record (fields whose name mentions email)."""
    found: list[str] = []
    for key, value in record.fields.items():
        if "email" not in key.lower():
            continue
        values = value if isinstance(value, list) else [value]
        found.extend(v.strip() for v in values if isinstance(v, str) and v.strip())
    return found


def distinct(items: Iterable[str]) -> list[str]:
    """Items in order, without case-insensitive repeats."""
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        key = item.casefold()
        if item and key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _first_text(fields: dict[str, JsonValue], keys: tuple[str, ...]) -> str:
    for key in keys:
        value = fields.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""

"""How record values and records are summarised as short text for views. No I/O.

Only data formatting lives here (numbers, lists, names); words a translator must see
live in ui.messages."""

from __future__ import annotations

import json
from collections.abc import Iterable

from mergedesk.core.models import FieldDef, FieldType, Record
from mergedesk.core.values import JsonValue, is_blank

EMPTY = "—"  # an em dash: visible, and impossible to mistake for a real value
_NAME_KEYS = ("name", "full_name", "fullname", "display_name", "contact_name")
_FIRST_KEYS = ("first_name", "firstname", "given_name")
_LAST_KEYS = ("last_name", "lastname", "family_name", "surname")
_LOOKUP_KEYS = ("name", "full_name", "display_name", "email", "value", "id")


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
        # A lookup ({"id": …, "name": …}) reads as what it points at.
        for key in _LOOKUP_KEYS:
            if isinstance(value.get(key), str) and value[key].strip():
                return value[key].strip()
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


def group_title(records: Iterable[Record], limit: int = 3) -> str:
    """What the group list shows for a group: its names, then its e-mail addresses."""
    members = list(records)
    names = distinct(record_name(r) for r in members)
    emails = distinct(e for r in members for e in record_emails(r))
    parts = (" / ".join(names[:limit]) + (" …" if len(names) > limit else ""),
             ", ".join(emails[:limit]) + (" …" if len(emails) > limit else ""))
    return " · ".join(p for p in parts if p)


_TRUE = {"1", "true", "yes", "y", "✓", "ja", "oui", "sí", "si", "wahr", "vrai"}
_FALSE = {"0", "false", "no", "n", "✗", "nein", "non", "falsch", "faux"}


def parse_value(text: str, field: FieldDef) -> JsonValue:
    """A value the reviewer typed, as the field's JSON type; blank text clears the field.
    Raises ValueError for text that is not a value of the field's type."""
    text = text.strip()
    if not text:
        return None
    if field.type == FieldType.NUMBER:
        number = float(text.replace(" ", "").replace(",", "."))
        return int(number) if number.is_integer() and not any(c in text for c in ".,eE") \
            else number
    if field.type == FieldType.BOOLEAN:
        if text.lower() in _TRUE:
            return True
        if text.lower() in _FALSE:
            return False
        raise ValueError(text)
    if field.multi_valued or field.type == FieldType.MULTI_PICKLIST:
        return [part.strip() for part in text.split(",") if part.strip()]
    return text

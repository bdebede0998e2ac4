"""Multi-valued fields of a group: every distinct value (after normalising e-mails and
phones with the matching engine's normalisers), spread over the CRM's primary and
secondary slots, what has no slot left over for a note, tags unioned, long text joined.

Pure functions over values; which fields are slots comes from FieldDef.role/slot_of
(each provider's mapping fills them). Writes no normaliser of its own. No Qt, no I/O."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from pydantic import JsonValue

from mergedesk.core.matching.normalise.emails import normalise_email
from mergedesk.core.matching.normalise.phones import PhoneNormaliser
from mergedesk.core.models import FieldDef, FieldRole, FieldType, Record
from mergedesk.core.values import is_blank

DEFAULT_SEPARATOR = "\n\n"
_PHONES: dict[str, PhoneNormaliser] = {}


def value_key(value: JsonValue, kind: FieldType, region: str = "US") -> str:
    """The form two values are compared in: a normalised address or E.164 number, else
    folded text; "" for a blank."""
    if is_blank(value):
        return ""
    text = str(value).strip()
    if kind == FieldType.EMAIL:
        return normalise_email(text).address or text.lower()
    if kind == FieldType.PHONE:
        phones = _PHONES.setdefault(region, PhoneNormaliser(region))
        return phones.e164(text) or "".join(ch for ch in text if ch.isalnum()).lower()
    return " ".join(text.split()).casefold()


def distinct(values: Iterable[JsonValue], kind: FieldType, region: str = "US") -> list[JsonValue]:
    """Non-blank values without repeats (as normalised), each in its first-seen form."""
    seen: dict[str, JsonValue] = {}
    for value in values:
        key = value_key(value, kind, region)
        if key and key not in seen:
            seen[key] = value.strip() if isinstance(value, str) else value
    return list(seen.values())


def union(lists: Iterable[JsonValue]) -> list[JsonValue]:
    """Tags / multi-select values of every record, in first-seen order, no repeats."""
    items: list[JsonValue] = []
    for value in lists:
        for item in value if isinstance(value, list) else ([] if is_blank(value) else [value]):
            if item not in items:
                items.append(item)
    return items


def join_text(texts: Iterable[JsonValue], separator: str = DEFAULT_SEPARATOR) -> str:
    """Distinct non-blank long texts joined by `separator` (the reviewer may pick another)."""
    return separator.join(str(t) for t in distinct(texts, FieldType.LONG_TEXT))


def slots_of(primary: str, fields: dict[str, FieldDef]) -> list[FieldDef]:
    """The secondary slots of `primary`, in metadata order."""
    return [f for f in fields.values()
            if f.role == FieldRole.SLOT and f.slot_of == primary and f.writable]


@dataclass(frozen=True)
class SlotFill:
    """Where a group's distinct values of one kind go: `values` per slot field (blank
    for an emptied slot) and `leftovers`, the values no slot can hold."""

    primary: str
    values: dict[str, JsonValue] = field(default_factory=dict)
    leftovers: tuple[JsonValue, ...] = ()

    @property
    def kept(self) -> list[JsonValue]:
        return [v for v in self.values.values() if not is_blank(v)] + list(self.leftovers)


def fill_slots(primary: FieldDef, fields: dict[str, FieldDef], records: Sequence[Record],
               region: str = "US") -> SlotFill:
    """Spread the distinct values of `primary` and its slots over the records (master
    first): the master's primary value stays primary; then the master's slots, then each
    loser's primary and slots, in order; the rest are leftovers."""
    slots = slots_of(primary.api_name, fields)
    names = [primary.api_name, *(s.api_name for s in slots)]
    found = distinct((r.fields.get(n) for r in records for n in names), primary.type, region)
    values = {name: (found[i] if i < len(found) else None) for i, name in enumerate(names)}
    return SlotFill(primary.api_name, values, tuple(found[len(names):]))


def note_lines(leftovers: dict[str, Sequence[JsonValue]]) -> list[str]:
    """Plain lines for values no slot holds, by field label: "Other e-mails: a, b"."""
    return [f"Other {label} (merged): {', '.join(str(v) for v in values)}"
            for label, values in leftovers.items() if values]


def add_note(text: JsonValue, lines: Sequence[str]) -> str:
    """`text` with the note lines appended once (a line already there is not repeated)."""
    current = "" if is_blank(text) else str(text)
    new = [line for line in lines if line not in current]
    return "\n".join([current, *new]) if current and new else current or "\n".join(new)

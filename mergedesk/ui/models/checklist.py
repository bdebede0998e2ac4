"""Checklists of a group's multi-valued fields: every distinct e-mail or phone (with the
CRM's secondary slots), every tag or multi-select value, every long text, and which of
them the reviewer unticked. Feeds core.rules.resolve with the group's records minus the
unticked values, so the defaults that lose nothing stay core's. No Qt, no I/O."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from mergedesk.core import multivalue as mv
from mergedesk.core.models import FieldDef, FieldRole, FieldType, Record
from mergedesk.core.values import JsonValue, is_blank


class ListKind(StrEnum):
    SLOTS = "slots"  # e-mails, phones: the primary field and its secondary slots
    UNION = "union"  # tags, labels, multi-select picklists: every record's items
    JOIN = "join"  # long text: every distinct text, joined by a separator


@dataclass(frozen=True)
class ListField:
    """One checklist: `items` are the distinct values (master's first), `holders` the
    records that hold each, `members` the fields whose values are items."""

    field: FieldDef
    kind: ListKind
    members: tuple[str, ...]
    items: tuple[JsonValue, ...]
    holders: tuple[frozenset[str], ...]

    @property
    def name(self) -> str:
        return self.field.api_name

    def key(self, item: JsonValue) -> str:
        """How the item is compared (a normalised address or number, folded text)."""
        kind = self.field.type if self.kind == ListKind.SLOTS else FieldType.TEXT
        return mv.value_key(item, FieldType.LONG_TEXT if self.kind == ListKind.JOIN else kind)


def list_kind(definition: FieldDef) -> ListKind | None:
    """Which checklist a field gets, if any (slots are listed under their primary)."""
    if not definition.writable or definition.role in (FieldRole.SLOT, FieldRole.EXTERNAL_ID):
        return None
    if definition.type in (FieldType.EMAIL, FieldType.PHONE):
        return ListKind.SLOTS
    if definition.multi_valued or definition.type == FieldType.MULTI_PICKLIST:
        return ListKind.UNION
    if definition.type == FieldType.LONG_TEXT:
        return ListKind.JOIN
    return None


def list_fields(records: Sequence[Record], defs: Mapping[str, FieldDef],
                shown: Sequence[FieldDef]) -> dict[str, ListField]:
    """The checklists of the fields in `shown`; `records` master first (the order the
    defaults fill slots in)."""
    found: dict[str, ListField] = {}
    for definition in shown:
        kind = list_kind(definition)
        if kind is None:
            continue
        members = (definition.api_name,)
        if kind == ListKind.SLOTS:
            members += tuple(s.api_name for s in mv.slots_of(definition.api_name, dict(defs)))
        values = [r.fields.get(n) for r in records for n in members]
        items = (mv.union(values) if kind == ListKind.UNION
                 else mv.distinct(values, definition.type))
        if not items:
            continue
        bare = ListField(definition, kind, members, tuple(items), ())
        holders = tuple(frozenset(r.id for r in records if _holds(bare, r, item))
                        for item in items)
        found[definition.api_name] = ListField(definition, kind, members, tuple(items),
                                               holders)
    return found


def _holds(checklist: ListField, record: Record, item: JsonValue) -> bool:
    key = checklist.key(item)
    for name in checklist.members:
        value = record.fields.get(name)
        values = value if isinstance(value, list) else [value]
        if any(not is_blank(v) and checklist.key(v) == key for v in values):
            return True
    return False


def without(records: Sequence[Record], lists: Mapping[str, ListField],
            dropped: Mapping[str, frozenset[str]]) -> list[Record]:
    """`records` with the unticked values (keys per checklist) taken out, so that the
    defaults neither keep them nor give them a slot."""
    out = []
    for record in records:
        fields = dict(record.fields)
        for name, keys in dropped.items():
            checklist = lists.get(name)
            if checklist is None or not keys:
                continue
            for member in checklist.members:
                fields[member] = _drop(fields.get(member), checklist, keys)
        out.append(record if fields == record.fields
                   else record.model_copy(update={"fields": fields}))
    return out


def _drop(value: JsonValue, checklist: ListField, keys: frozenset[str]) -> JsonValue:
    if isinstance(value, list):
        kept = [v for v in value if checklist.key(v) not in keys]
        return kept if kept else None
    if is_blank(value) or checklist.key(value) not in keys:
        return value
    return None


# The separators a reviewer can join long texts with; the first is core's default.
SEPARATORS: tuple[str, ...] = (mv.DEFAULT_SEPARATOR, "\n", " · ", " | ")


class Landing(StrEnum):
    """Where a ticked value ends up on the survivor, as the merged preview holds it."""

    SLOT = "slot"  # in a field of its own (the primary or a secondary slot)
    UNION = "union"  # one of the list's items
    JOINED = "joined"  # part of the joined long text
    NOTE = "note"  # in the note on the survivor: the CRM has no slot left for it
    DROPPED = "dropped"  # unticked by the reviewer: it will be lost
    LOST = "lost"  # ticked, yet the preview does not hold it (a typed value replaced it)


def landing(checklist: ListField, index: int, ticked: bool,
            value_of: Callable[[str], JsonValue], note_field: str | None) -> tuple[Landing, str]:
    """Where item `index` lands and in which field; `value_of` reads the preview."""
    if not ticked:
        return Landing.DROPPED, ""
    item = checklist.items[index]
    key = checklist.key(item)
    if checklist.kind == ListKind.SLOTS:
        for member in checklist.members:
            value = value_of(member)
            if not is_blank(value) and checklist.key(value) == key:
                return Landing.SLOT, member
    elif checklist.kind == ListKind.UNION:
        value = value_of(checklist.name)
        values = value if isinstance(value, list) else [value]
        if any(not is_blank(v) and checklist.key(v) == key for v in values):
            return Landing.UNION, checklist.name
    elif str(item).strip() in str(value_of(checklist.name) or ""):
        return Landing.JOINED, checklist.name
    if note_field and str(item).strip() in str(value_of(note_field) or ""):
        return Landing.NOTE, note_field
    return Landing.LOST, ""

"""Field rules and safe defaults for one group: templates of rules (fill blanks, newest,
oldest, longest, from a given record) that serialise to JSON, the defaults that lose
nothing (every distinct e-mail/phone kept in slots or a note, tags unioned, long text
joined, the strictest opt-out/do-not-call/consent, the earliest created date), conflicts
that need the reviewer (owner, status, parent), and the suggested survivor with reasons.

Produces plan choices (core.plan.FieldChoice) and findings (core.preflight.Finding);
never decides a conflict itself. No Qt, no I/O."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, JsonValue

from mergedesk.core import multivalue as mv
from mergedesk.core.master import SURVIVOR_ORDER, Criterion, Reason, facts_of, rank, reasons
from mergedesk.core.models import FieldDef, FieldRole, FieldType, Record, Sensitive
from mergedesk.core.plan import FieldChoice
from mergedesk.core.preflight import Finding, FindingKind
from mergedesk.core.values import is_blank, same_value

MASTER = "master"  # FieldRule.record: the survivor, whichever record that is


class RuleKind(StrEnum):
    FILL_BLANKS = "fill_blanks"  # the master's value, else the first loser's
    NEWEST = "newest"  # from the most recently modified record that has one
    OLDEST = "oldest"  # from the earliest created record that has one
    LONGEST = "longest"
    FROM_RECORD = "from_record"
    JOIN = "join"  # long text: every distinct text, joined by `separator`


class FieldRule(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: RuleKind
    record: str | None = None  # FROM_RECORD: a record id, or "master"
    separator: str | None = None  # JOIN


class RuleTemplate(BaseModel):
    """A saveable set of rules: `default` for plain fields, `fields` per api name.
    Multi-valued and sensitive fields keep their safe defaults unless named here."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(min_length=1)
    default: FieldRule = FieldRule(kind=RuleKind.FILL_BLANKS)
    fields: dict[str, FieldRule] = Field(default_factory=dict)
    separator: str = mv.DEFAULT_SEPARATOR

    def to_json_text(self) -> str:
        return self.model_dump_json(indent=2, exclude_none=True)

    @classmethod
    def from_json_text(cls, text: str | bytes) -> RuleTemplate:
        return cls.model_validate_json(text)


SAFE = RuleTemplate(name="Keep everything (safe defaults)")

# Custom fields named like these are treated as sensitive where the metadata does not say.
_NAMED = (
    (re.compile(r"do.?not.?call|dnc\b|no.?call", re.I), Sensitive.DO_NOT_CALL),
    (re.compile(r"opt.?out|unsubscrib|do.?not.?(e.?mail|contact|bulk)", re.I), Sensitive.OPT_OUT),
    (re.compile(r"consent|gdpr|opt.?in\b", re.I), Sensitive.CONSENT),
)


def sensitive_by_name(api_name: str, kind: FieldType) -> Sensitive | None:
    """For custom checkboxes ("Email opt out", "Do not call") the mappings cannot know."""
    if kind != FieldType.BOOLEAN:
        return None
    return next((s for pattern, s in _NAMED if pattern.search(api_name)), None)


@dataclass
class Defaults:
    """What the defaults chose for a group: plan `choices`, the values each multi-valued
    field keeps (`kept`, for the checklists), note lines and findings (conflicts)."""

    choices: dict[str, FieldChoice] = field(default_factory=dict)
    kept: dict[str, list[JsonValue]] = field(default_factory=dict)
    note: list[str] = field(default_factory=list)
    note_field: str | None = None
    findings: list[Finding] = field(default_factory=list)
    reasons: dict[str, str] = field(default_factory=dict)  # field -> why this value


def resolve(records: Sequence[Record], fields: Mapping[str, FieldDef],
            template: RuleTemplate = SAFE, region: str = "US") -> Defaults:
    """Defaults for a group, `records[0]` being the master."""
    out = Defaults()
    handled = _slots(records, fields, region, out, template)
    for name, definition in fields.items():
        if name in handled or definition.role == FieldRole.NOTE:
            continue
        _resolve_field(definition, records, template, out)
    _notes(records, fields, template, out)
    return out


def _slots(records, fields, region, out: Defaults, template: RuleTemplate) -> set[str]:
    handled: set[str] = set()
    leftovers: dict[str, list[JsonValue]] = {}
    for primary in fields.values():
        if primary.type not in (FieldType.EMAIL, FieldType.PHONE) or primary.role or \
                not primary.writable or primary.api_name in template.fields:
            continue
        fill = mv.fill_slots(primary, dict(fields), records, region)
        handled.update(fill.values)
        out.kept[primary.api_name] = fill.kept
        for name, value in fill.values.items():
            _set(out, records, name, value, "every distinct value kept")
        if fill.leftovers:
            leftovers[primary.display_label] = list(fill.leftovers)
    out.note.extend(mv.note_lines(leftovers))
    return handled


def _resolve_field(definition: FieldDef, records, template: RuleTemplate, out: Defaults):
    name = definition.api_name
    values = [r.fields.get(name) for r in records]
    if definition.sensitive in CONFLICTING:
        _conflict(definition, records, out)
        return
    if not definition.writable and _is_multi(definition):
        _unwritable_list(definition, records, out)
        return
    if not definition.writable or (name in template.fields and _by_rule(
            template.fields[name], definition, records, template, out)):
        return
    if definition.sensitive in (Sensitive.OPT_OUT, Sensitive.DO_NOT_CALL, Sensitive.CONSENT):
        strict = definition.sensitive != Sensitive.CONSENT  # consent: a withdrawal wins
        flags = [v for v in values if isinstance(v, bool)]
        if flags:
            _set(out, records, name, strict if strict in flags else not strict,
                 "the strictest value wins")
    elif definition.sensitive == Sensitive.CREATED:
        dated = [v for v in values if not is_blank(v)]
        if dated:
            _set(out, records, name, min(dated, key=str), "the earliest date is kept")
    elif _is_multi(definition):
        out.kept[name] = mv.union(values)
        _set(out, records, name, out.kept[name], "tags of every record")
    elif definition.type == FieldType.LONG_TEXT:
        out.kept[name] = mv.distinct(values, FieldType.LONG_TEXT)
        _set(out, records, name, mv.join_text(values, template.separator) or None,
             "every distinct text, joined")
    else:
        _by_rule(template.default, definition, records, template, out)


def _is_multi(definition: FieldDef) -> bool:
    return definition.multi_valued or definition.type == FieldType.MULTI_PICKLIST


def _unwritable_list(definition: FieldDef, records, out: Defaults) -> None:
    """Tags the API cannot write (LeadLex): what the master lacks goes to the note."""
    everything = mv.union(r.fields.get(definition.api_name) for r in records)
    out.kept[definition.api_name] = everything
    own = mv.union([records[0].fields.get(definition.api_name)])
    out.note.extend(mv.note_lines({definition.display_label: [
        v for v in everything if v not in own]}))


def _by_rule(rule: FieldRule, definition: FieldDef, records, template, out: Defaults) -> bool:
    name = definition.api_name
    if rule.kind == RuleKind.JOIN:
        joined = mv.join_text((r.fields.get(name) for r in records),
                              rule.separator or template.separator)
        return _set(out, records, name, joined or None, "joined")
    source = pick(rule, name, records)
    if source is not None and source.id != records[0].id:
        out.choices[name] = FieldChoice.model_validate({"from": source.id})
        out.reasons[name] = rule.kind.value.replace("_", " ")
    return True


def pick(rule: FieldRule, name: str, records: Sequence[Record]) -> Record | None:
    """The record whose value `rule` takes (None: nothing to take)."""
    having = [r for r in records if not is_blank(r.fields.get(name))]
    if rule.kind == RuleKind.FROM_RECORD:
        wanted = records[0].id if rule.record in (None, MASTER) else rule.record
        return next((r for r in records if r.id == wanted), None)
    if not having:
        return None
    if rule.kind == RuleKind.NEWEST:
        return max(having, key=lambda r: _when(r.updated_at or r.created_at))
    if rule.kind == RuleKind.OLDEST:
        return min(having, key=lambda r: _when(r.created_at, late=True))
    if rule.kind == RuleKind.LONGEST:
        return max(having, key=lambda r: len(str(r.fields.get(name))))
    return having[0]  # FILL_BLANKS: the master's, else the first loser's


def _when(moment: datetime | None, late: bool = False) -> float:
    return moment.timestamp() if moment else (float("inf") if late else float("-inf"))


def _set(out: Defaults, records, name: str, value: JsonValue, why: str) -> bool:
    """Choose `value` for `name` unless the master already holds it: from the record
    that has it (Zoho can then take it in the merge call), else typed."""
    if same_value(records[0].fields.get(name), value):
        return True
    holder = next((r for r in records if r.fields.get(name) == value), None)
    out.choices[name] = FieldChoice.model_validate(
        {"from": holder.id} if holder is not None and not is_blank(value) else {"value": value})
    out.reasons[name] = why
    return True


def _conflict(definition: FieldDef, records, out: Defaults) -> None:
    found = conflict(definition, records)
    if found is not None:
        out.findings.append(found)


def conflict(definition: FieldDef, records: Sequence[Record]) -> Finding | None:
    """A CONFLICT finding when the records hold different values of an owner, status or
    parent field: blocking until the plan chooses a value for it. One MergeDesk cannot
    write (a Dataverse owner or parent) is flagged without blocking: no choice could
    settle it, the survivor keeps its own, and the fix says to pick the right survivor."""
    name, label = definition.api_name, definition.display_label
    held = {r.id: r.fields.get(name) for r in records if not is_blank(r.fields.get(name))}
    distinct: list[JsonValue] = []
    for value in held.values():
        if not any(same_value(value, d) for d in distinct):
            distinct.append(value)
    if len(distinct) < 2:
        return None
    shown = ", ".join(f"{rid}: {_shown(v)}" for rid, v in held.items())
    fix = f"choose the {label} the survivor keeps" if definition.writable else (
        f"keep the survivor's {label} (MergeDesk cannot write it), or make the record "
        f"with the right {label} the survivor")
    return Finding(kind=FindingKind.CONFLICT, field=name, records=tuple(held),
                   message=f"{label} differs ({shown})", fix=fix,
                   blocking=definition.writable)


CONFLICTING = (Sensitive.OWNER, Sensitive.LIFECYCLE, Sensitive.PARENT)


def conflicts(records: Sequence[Record], fields: Mapping[str, FieldDef]) -> list[Finding]:
    """Every owner / status / parent conflict of a group (`records[0]` need not be the
    master): what the compare view flags and one-key submission waits for."""
    found = (conflict(f, records) for f in fields.values() if f.sensitive in CONFLICTING)
    return [f for f in found if f is not None]


def _shown(value: JsonValue) -> str:
    if isinstance(value, dict):
        return str(value.get("name") or value.get("id") or value)
    return str(value)


def _notes(records, fields: Mapping[str, FieldDef], template, out: Defaults) -> None:
    if not out.note:
        return
    target = next((f for f in fields.values() if f.role == FieldRole.NOTE and f.writable), None)
    if target is None:
        out.findings.append(Finding(kind=FindingKind.NO_SLOT, blocking=False,
                                    message="no field can hold: " + "; ".join(out.note),
                                    fix="copy these values by hand before merging"))
        return
    out.note_field = target.api_name
    joined = mv.join_text((r.fields.get(target.api_name) for r in records), template.separator)
    _set(out, records, target.api_name, mv.add_note(joined, out.note), "values without a slot")


# --- the suggested survivor --------------------------------------------------------------
# One engine (core.master) serves the review window and these defaults.
SurvivorRule = Criterion


class Survivor(BaseModel):
    model_config = ConfigDict(frozen=True)

    master: str
    reasons: tuple[Reason, ...]  # the rules the master wins, strongest first


def suggest_survivor(records: Sequence[Record], fields: Mapping[str, FieldDef]) -> Survivor:
    """The master to suggest and why: linked to integrations first (their ids keep
    working), then most related items, then oldest, then most complete."""
    if not records:
        raise ValueError("no records to choose a survivor from")
    linked = [f.api_name for f in fields.values() if f.role == FieldRole.EXTERNAL_ID]
    facts = [facts_of(r, linked=linked) for r in records]
    best, _ = rank(facts, SURVIVOR_ORDER)
    return Survivor(master=best.record_id, reasons=reasons(facts, best))

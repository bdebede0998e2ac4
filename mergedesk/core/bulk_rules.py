"""Bulk rules: "score >= 0.97, same normalised e-mail, no conflicting values -> merge
into the oldest, fill the blanks" as a saveable, shareable JSON RuleSet, and the
GroupMerge a rule makes of one group, as a hand review would submit it.

Field rules are core.rules' FieldRule templates, resolved by core.rules.resolve as the
review window does; masters are core.master's rules; core.bulk_eval decides which
groups each rule takes. No Qt, no I/O."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import StrEnum
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    JsonValue,
    ValidationError,
    field_validator,
    model_validator,
)

from mergedesk.core import multivalue as mv
from mergedesk.core.capabilities import Capabilities, FileHandling
from mergedesk.core.master import MasterRule, suggest_master
from mergedesk.core.models import DuplicateGroup, FieldDef, FieldRole, FieldType, Record
from mergedesk.core.plan import AttachmentChoice, FieldChoice, GroupMerge
from mergedesk.core.rules import FieldRule, RuleKind, RuleTemplate, resolve
from mergedesk.core.values import is_blank, same_value

ANY_FIELD = "*"  # BulkRule.fields: the rule for every field not named


class RulesError(ValueError):
    """A rules file that cannot be used; `problems` lists `path: message` items."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems) if problems else "invalid rules")


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Conditions(_Model):
    """When a rule takes a group; every condition given must hold."""

    min_score: float | None = Field(default=None, ge=0.0, le=1.0)
    max_score: float | None = Field(default=None, ge=0.0, le=1.0)
    same: tuple[str, ...] = ()  # canonical ("email") or CRM field names, compared normalised
    no_conflicts: bool = False  # no two different non-empty values in any field ...
    conflicts_allowed: tuple[str, ...] = Field(default=(), alias="except")  # ... but these
    min_size: int = Field(default=2, ge=2)
    max_size: int | None = Field(default=None, ge=2)
    entity: str | None = None

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    @model_validator(mode="after")
    def _ranges(self) -> Conditions:
        if self.min_score is not None and self.max_score is not None \
                and self.min_score > self.max_score:
            raise ValueError("min_score is above max_score")
        if self.max_size is not None and self.max_size < self.min_size:
            raise ValueError("max_size is below min_size")
        return self


class MasterKind(StrEnum):
    OLDEST = MasterRule.OLDEST.value
    MOST_COMPLETE = MasterRule.MOST_COMPLETE.value
    MOST_RELATED = MasterRule.MOST_RELATED.value
    FROM_SOURCE = "from_source"  # the record whose `field` holds `value` (a lead source)


class MasterSpec(_Model):
    rule: MasterKind = MasterKind.MOST_COMPLETE
    field: str | None = None
    value: JsonValue = None

    @model_validator(mode="before")
    @classmethod
    def _short_form(cls, data: Any) -> Any:
        return {"rule": data} if isinstance(data, str) else data

    @model_validator(mode="after")
    def _source_named(self) -> MasterSpec:
        if self.rule == MasterKind.FROM_SOURCE and (not self.field or is_blank(self.value)):
            raise ValueError('from_source needs "field" and "value"')
        return self


class BulkRule(_Model):
    name: str = Field(min_length=1)
    enabled: bool = True
    when: Conditions = Field(default_factory=Conditions)
    master: MasterSpec = Field(default_factory=MasterSpec)
    fields: dict[str, FieldRule] = Field(
        default_factory=lambda: {ANY_FIELD: FieldRule(kind=RuleKind.FILL_BLANKS)})
    never_overwrite_non_empty: bool = True

    @field_validator("fields", mode="before")
    @classmethod
    def _short_rules(cls, data: Any) -> Any:
        """"newest" stands for {"kind": "newest"}."""
        if isinstance(data, dict):
            return {k: {"kind": v} if isinstance(v, str) else v for k, v in data.items()}
        return data

    @field_validator("fields")
    @classmethod
    def _no_record_ids(cls, rules: dict[str, FieldRule]) -> dict[str, FieldRule]:
        # Record ids differ in every group: only "master" means something to a bulk rule.
        for name, rule in rules.items():
            if rule.kind == RuleKind.FROM_RECORD and rule.record not in (None, "master"):
                raise ValueError(f'{name}: a bulk rule can only take "from_record" of '
                                 '"master" (record ids differ in every group)')
        return rules

    def template(self) -> RuleTemplate:
        """The core.rules template these field rules make ("*" is its default)."""
        named = {n: r for n, r in self.fields.items() if n != ANY_FIELD}
        return RuleTemplate(name=self.name, default=self.fields.get(ANY_FIELD, _FILL),
                            fields=named)


_FILL = FieldRule(kind=RuleKind.FILL_BLANKS)


class RuleSet(_Model):
    """The shareable rules file: `{"rules": [...]}`, tried in order."""

    version: int = 1
    rules: tuple[BulkRule, ...] = ()

    @field_validator("rules")
    @classmethod
    def _unique_names(cls, rules: tuple[BulkRule, ...]) -> tuple[BulkRule, ...]:
        names = [r.name for r in rules]
        if twice := sorted({n for n in names if names.count(n) > 1}):
            raise ValueError(f"rule names must differ: {', '.join(twice)}")
        return rules

    @classmethod
    def from_json_text(cls, text: str | bytes) -> RuleSet:
        """Parse a rules file; RulesError's problems name each bad item's path."""
        try:
            return cls.model_validate_json(text)
        except ValidationError as exc:
            raise RulesError([_describe(e) for e in exc.errors()]) from None

    def to_json_text(self) -> str:
        return self.model_dump_json(indent=2, exclude_none=True, by_alias=True)


def _describe(error: Any) -> str:
    """`rules[0].when.min_score: ...` from a pydantic error."""
    path = ""
    for part in error.get("loc", ()):
        if isinstance(part, int):
            path += f"[{part}]"
        elif not str(part).startswith(("function-", "json-")):
            path += f".{part}" if path else str(part)
    message = str(error.get("msg", "invalid")).removeprefix("Value error, ")
    return f"{path}: {message}" if path else message


# --- the merge a rule makes of a group ---------------------------------------------------
def choose_master(spec: MasterSpec, records: Sequence[Record]) -> Record | None:
    """The survivor `spec` names (None: no record is from the named source)."""
    pool = list(records)
    rule = MasterRule.OLDEST if spec.rule == MasterKind.FROM_SOURCE else MasterRule(spec.rule)
    if spec.rule == MasterKind.FROM_SOURCE:
        pool = [r for r in records if from_source(r, spec)]
        if not pool:
            return None
    chosen = suggest_master(pool, rule).record_id
    return next(r for r in pool if r.id == chosen)


def from_source(record: Record, spec: MasterSpec) -> bool:
    """The record holds the source `spec` names (text compared without case)."""
    value, wanted = record.fields.get(spec.field or ""), spec.value
    if isinstance(value, str) and isinstance(wanted, str):
        return value.strip().casefold() == wanted.strip().casefold()
    return same_value(value, wanted)


def build_merge(rule: BulkRule, group: DuplicateGroup, records: Sequence[Record],
                fields: Mapping[str, FieldDef], caps: Capabilities | None = None,
                region: str = "US") -> GroupMerge | None:
    """The GroupMerge the review window submits for this master and these rules: the
    defaults of core.rules.resolve (slots, unions, joins, strictest flags) under the
    rule's template, a choice wherever the survivor's value differs from the master's,
    every file kept where the CRM lets us choose, the snapshot of the records as cached.
    None when the rule names a source no record is from."""
    master = choose_master(rule.master, records)
    if master is None:
        return None
    ordered = [master, *(r for r in records if r is not master)]
    template = rule.template()
    defaults = resolve(ordered, _in_play(records, fields), template, region)
    snapshot = {r.id: r.fields for r in ordered}
    choices: dict[str, FieldChoice] = {}
    for name, choice in {**_joined_notes(ordered, fields, defaults.choices, template),
                         **defaults.choices}.items():
        definition = fields.get(name)
        if definition is not None and definition.writable and not same_value(
                choice.resolve(snapshot, name), master.fields.get(name)):
            choices[name] = choice
    if rule.never_overwrite_non_empty:
        choices = _keeping_masters_values(master, choices, fields, snapshot)
    return GroupMerge(
        group=group.id, master=master.id, others=tuple(r.id for r in ordered[1:]),
        fields=choices, attachments=AttachmentChoice(keep=_kept_files(records, caps)),
        snapshot={r.id: dict(r.fields) for r in records})


def _in_play(records: Sequence[Record], fields: Mapping[str, FieldDef]) -> dict[str, FieldDef]:
    """The fields resolve() can choose anything for: those some record fills, and the
    slots, notes, e-mails and phones values may move into. A CRM's hundred empty custom
    fields would only cost time (resolve chooses nothing for a field blank everywhere)."""
    filled = {n for r in records for n, v in r.fields.items() if not is_blank(v)}
    return {n: f for n, f in fields.items()
            if n in filled or f.role in (FieldRole.SLOT, FieldRole.NOTE)
            or f.type in (FieldType.EMAIL, FieldType.PHONE)}


def _joined_notes(records: Sequence[Record], fields: Mapping[str, FieldDef],
                  chosen: Mapping[str, FieldChoice],
                  template: RuleTemplate) -> dict[str, FieldChoice]:
    """core.rules leaves a note field alone when no value needs it; the review window
    joins its texts like any long text (none is lost), and so does a rule."""
    found = {}
    for name, definition in fields.items():
        if definition.role == FieldRole.NOTE and definition.writable and name not in chosen:
            joined = mv.join_text((r.fields.get(name) for r in records), template.separator)
            found[name] = FieldChoice.model_validate({"value": joined or None})
    return found


def _keeping_masters_values(master: Record, choices: dict[str, FieldChoice],
                            fields: Mapping[str, FieldDef],
                            snapshot: Mapping[str, Mapping[str, JsonValue]],
                            ) -> dict[str, FieldChoice]:
    """The choices minus those that would lose a non-empty value of the master: one
    moved to another slot or into the note, added to a list or joined into a text is
    kept; the strictest opt-out or consent (sensitive fields) always wins."""
    merged = {**master.fields, **{n: c.resolve(snapshot, n) for n, c in choices.items()}}
    keeps = [v for n, v in merged.items() if not is_blank(v) and n in fields and (
        fields[n].role == FieldRole.NOTE or fields[n].type in (FieldType.EMAIL, FieldType.PHONE))]
    return {n: c for n, c in choices.items()
            if fields[n].sensitive is not None or is_blank(master.fields.get(n))
            or any(_holds(v, master.fields.get(n)) for v in (merged[n], *keeps))}


def _holds(value: JsonValue, old: JsonValue) -> bool:
    """`value` still holds `old`: the same, a list with all of it, or a text containing it."""
    if same_value(value, old):
        return True
    if isinstance(value, list):
        return all(item in value for item in (old if isinstance(old, list) else [old]))
    return isinstance(value, str) and isinstance(old, str) and old.strip() in value


def _kept_files(records: Sequence[Record], caps: Capabilities | None) -> tuple[str, ...] | None:
    """As the review window does: where files can be chosen, every one stays."""
    if caps is None or caps.files != FileHandling.SELECTABLE_FIELDS:
        return None
    return tuple(a.id for r in records for a in r.attachments if a.field is not None)

"""The reviewed merge plan (`plan.json`): which record survives, where each chosen
value comes from, which files stay. Validation names the path of every bad item. No I/O."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    JsonValue,
    ValidationError,
    model_serializer,
    model_validator,
)

from mergedesk.core.models import FieldDef


class PlanError(ValueError):
    """A plan that cannot be run; `problems` lists `path: message` items."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems) if problems else "invalid plan")


class FieldChoice(BaseModel):
    """A surviving value: taken from one record of the group, or typed by the reviewer."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True,
                              defer_build=True)

    from_record: str | None = Field(default=None, alias="from")
    value: JsonValue = None
    given: bool = Field(default=False, exclude=True)

    @model_validator(mode="before")
    @classmethod
    def _one_source(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            raise ValueError('expected {"from": record_id} or {"value": ...}')
        has_from = "from" in data or "from_record" in data
        if has_from == ("value" in data):
            raise ValueError('give exactly one of "from" or "value"')
        return {**data, "given": "value" in data}

    def resolve(self, records: dict[str, dict[str, JsonValue]], field: str) -> JsonValue:
        if self.given:
            return self.value
        return records[self.from_record or ""].get(field)

    @model_serializer
    def to_json(self) -> dict[str, JsonValue]:
        return {"value": self.value} if self.given else {"from": self.from_record}


class AttachmentChoice(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)
    keep: tuple[str, ...] | None = None  # None: the CRM's default (usually all)


class GroupMerge(BaseModel):
    """One merge of a plan: a master and the records folded into it."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    group: str = Field(min_length=1)
    master: str = Field(min_length=1)
    others: tuple[str, ...] = Field(min_length=1)
    fields: dict[str, FieldChoice] = Field(default_factory=dict)
    attachments: AttachmentChoice = Field(default_factory=AttachmentChoice)
    snapshot: dict[str, dict[str, JsonValue]] | None = None

    @property
    def record_ids(self) -> tuple[str, ...]:
        return (self.master, *self.others)

    @model_validator(mode="after")
    def _consistent(self) -> GroupMerge:
        members = set(self.record_ids)
        problems = []
        if self.master in self.others:
            problems.append(f"master {self.master!r} is also listed in others")
        if len(set(self.others)) != len(self.others):
            problems.append("others lists a record twice")
        for name, choice in self.fields.items():
            if not choice.given and choice.from_record not in members:
                problems.append(
                    f"fields.{name}: value taken from {choice.from_record!r}, "
                    "which is not in this group"
                )
        for rid in self.snapshot or {}:
            if rid not in members:
                problems.append(f"snapshot.{rid}: record is not in this group")
        if problems:
            raise ValueError("; ".join(problems))
        return self


class MergePlan(BaseModel):
    """The `plan.json` contract of DESIGN.md."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    provider: str = Field(min_length=1)
    entity: str = Field(min_length=1)
    reviewed_at: datetime | None = None
    merges: tuple[GroupMerge, ...] = ()

    @model_validator(mode="after")
    def _no_record_twice(self) -> MergePlan:
        seen: dict[str, str] = {}
        for i, merge in enumerate(self.merges):
            for rid in merge.record_ids:
                if rid in seen:
                    raise ValueError(
                        f"merges[{i}]: record {rid!r} is already in group {seen[rid]!r}"
                    )
                seen[rid] = merge.group
        return self

    @classmethod
    def from_json_text(cls, text: str | bytes) -> MergePlan:
        """Parse a plan file; raises PlanError whose problems name each bad item's path."""
        try:
            return cls.model_validate_json(text)
        except ValidationError as exc:
            raise PlanError([_describe(err) for err in exc.errors()]) from None

    def to_json_text(self) -> str:
        return self.model_dump_json(indent=2, exclude_none=True)


def check_fields(plan: MergePlan, field_defs: dict[str, FieldDef]) -> None:
    """Reject fields the CRM does not have or will not let us write."""
    problems = []
    for i, merge in enumerate(plan.merges):
        for name in merge.fields:
            definition = field_defs.get(name)
            if definition is None:
                problems.append(f"merges[{i}].fields.{name}: no such field in {plan.entity}")
            elif not definition.writable:
                problems.append(f"merges[{i}].fields.{name}: field is read-only")
    if problems:
        raise PlanError(problems)


def _describe(error: Any) -> str:
    path = ".".join(str(p) for p in error.get("loc", ()) if p not in ("function-after",))
    message = str(error.get("msg", "invalid")).removeprefix("Value error, ")
    return f"{path}: {message}" if path else message

"""Domain records and groups shared by every layer: Record, FieldDef, Attachment,
DuplicateGroup with Evidence, and MergeOutcome. No Qt, no I/O."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, JsonValue, field_validator

from mergedesk.core.values import is_blank

ENTITIES = ("contacts", "accounts", "leads")


class _Frozen(BaseModel):
    # defer_build: a model's validator is built at its first use, not at import, so
    # the GUI does not build them all before its window shows (bench_startup.py).
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class FieldType(StrEnum):
    TEXT = "text"
    LONG_TEXT = "long_text"
    EMAIL = "email"
    PHONE = "phone"
    URL = "url"
    NUMBER = "number"
    BOOLEAN = "boolean"
    DATE = "date"
    DATETIME = "datetime"
    PICKLIST = "picklist"
    MULTI_PICKLIST = "multi_picklist"
    LOOKUP = "lookup"
    FILE = "file"
    OBJECT = "object"


class FieldRole(StrEnum):
    """What a field is for beyond its type, where merge defaults treat it specially."""

    SLOT = "slot"  # a secondary slot of `slot_of` (Zoho Secondary_Email for Email)
    NOTE = "note"  # free text where values without a slot are kept (a note on the survivor)
    EXTERNAL_ID = "external_id"  # set by an integration (Chatwoot identifier)


class Sensitive(StrEnum):
    """Fields a merge must never resolve silently (core.rules has the defaults)."""

    OPT_OUT = "opt_out"  # true = do not e-mail: true wins
    DO_NOT_CALL = "do_not_call"  # true = do not call: true wins
    CONSENT = "consent"  # true = consent given: false (withdrawn) wins
    OWNER = "owner"
    LIFECYCLE = "lifecycle"  # stage or status
    PARENT = "parent"  # parent account / hierarchy
    CREATED = "created"  # creation date: the earliest is kept where writable


class FieldDef(_Frozen):
    """One field of an entity as the CRM's metadata describes it."""

    api_name: str = Field(min_length=1)
    label: str = ""
    type: FieldType = FieldType.TEXT
    writable: bool = True
    multi_valued: bool = False
    required: bool = False
    unique: bool = False  # the CRM refuses two records with the same value (Chatwoot email)
    custom: bool = False
    role: FieldRole | None = None
    slot_of: str | None = None  # with role SLOT: the primary field this slot extends
    sensitive: Sensitive | None = None

    @property
    def display_label(self) -> str:
        return self.label or self.api_name


class Attachment(_Frozen):
    """A file linked to a record. `field` names the file-upload field that holds it,
    or is None for a file in the record's attachment list."""

    id: str = Field(min_length=1)
    record_id: str
    name: str = ""
    size: int | None = None
    mime_type: str = ""
    created_at: datetime | None = None
    field: str | None = None


class Record(_Frozen):
    """One CRM record as read: ids are strings whatever the CRM uses."""

    id: str = Field(min_length=1)
    entity: str = "contacts"
    fields: dict[str, JsonValue] = Field(default_factory=dict)
    created_at: datetime | None = None
    updated_at: datetime | None = None
    attachments: tuple[Attachment, ...] = ()
    # Items a merge moves to the survivor, by kind ("conversations": 3); where the CRM exposes them.
    related_counts: dict[str, int] = Field(default_factory=dict)
    # False once the CRM deactivated it (Dataverse keeps merged losers, inactive).
    active: bool = True
    merged_into: str | None = None
    # Why the CRM will not merge it now ("in an approval process"); "" when it will.
    locked: str = ""

    @field_validator("id", mode="before")
    @classmethod
    def _id_as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value

    def value(self, field: str) -> JsonValue:
        return self.fields.get(field)

    def filled_count(self) -> int:
        return sum(1 for v in self.fields.values() if not is_blank(v))


class Evidence(_Frozen):
    """Why two records of a group were matched: one field and how strongly."""

    a: str
    b: str
    field: str
    score: float = Field(ge=0.0, le=1.0)


class DuplicateGroup(_Frozen):
    id: str = Field(min_length=1)
    score: float = Field(ge=0.0, le=1.0)
    records: tuple[str, ...] = Field(min_length=2)
    evidence: tuple[Evidence, ...] = ()

    @field_validator("records")
    @classmethod
    def _distinct(cls, ids: tuple[str, ...]) -> tuple[str, ...]:
        if len(set(ids)) != len(ids):
            raise ValueError("a record appears twice in the group")
        return ids


class GroupsFile(_Frozen):
    """The `groups.json` contract of DESIGN.md."""

    provider: str
    entity: str
    groups: tuple[DuplicateGroup, ...] = ()


class MergeStatus(StrEnum):
    MERGED = "merged"
    DRY_RUN = "dry-run"
    STALE = "stale"
    FAILED = "failed"
    UNKNOWN = "unknown"  # outcome not known yet; reconciled by reading the CRM
    SKIPPED = "skipped"


class MergeOutcome(_Frozen):
    """One line of `apply` output: what happened to one merge of a plan."""

    group: str
    status: MergeStatus
    master: str
    merged: tuple[str, ...] = ()
    message: str = ""
    merge_id: int | None = None
    preview: dict[str, JsonValue] | None = None

    def as_json_line(self) -> dict[str, Any]:
        data = self.model_dump(mode="json", exclude_none=True)
        data["merged"] = list(self.merged)
        return data

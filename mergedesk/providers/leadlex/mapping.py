"""LeadLex JSON and CSV <-> Record, the contact fields, and the error envelope
{"error":{"code","message"}}. Shapes from docs.leadlex.com (contacts list/get/update,
export/contacts, bulk/contacts-merge). No Qt, no I/O.

The list and the export name the company `company_name` and the creation time
`created_at`; a single contact names them `company` and `created_date`. Records use
`company_name`, the name PATCH takes."""

from __future__ import annotations

import csv
import io
from typing import Any

import httpx
from pydantic import BaseModel, ConfigDict, Field, JsonValue

from mergedesk.core.models import FieldDef, FieldRole, FieldType, Record
from mergedesk.core.values import parse_timestamp
from mergedesk.providers import errors
from mergedesk.providers.transport import ErrorInfo

# PATCH takes these (and `notes`, which it appends: MergeDesk never sends it as a value).
WRITABLE = ("full_name", "email", "phone", "job_title", "company_name", "linkedin_url")
NOTES = "notes"
# One e-mail and one phone per contact and no writable tags: what a group holds beyond
# them is kept as a new note on the primary. Not a field LeadLex has: written as PATCH
# `notes`, which appends a note (the documented quirk), never read back.
MERGE_NOTE = "merge_note"
FIELDS = (
    FieldDef(api_name="full_name", label="Full name"),
    FieldDef(api_name="first_name", label="First name", writable=False),  # from full_name
    FieldDef(api_name="last_name", label="Last name", writable=False),
    FieldDef(api_name="email", label="Email", type=FieldType.EMAIL),
    FieldDef(api_name="phone", label="Phone", type=FieldType.PHONE),
    FieldDef(api_name="job_title", label="Job title"),
    FieldDef(api_name="company_name", label="Company"),
    FieldDef(api_name="linkedin_url", label="LinkedIn", type=FieldType.URL),
    FieldDef(api_name="tags", label="Tags", type=FieldType.MULTI_PICKLIST, multi_valued=True,
             writable=False),  # the documented PATCH does not take tags
    FieldDef(api_name=MERGE_NOTE, label="New note", type=FieldType.LONG_TEXT,
             role=FieldRole.NOTE),
)
_KNOWN = frozenset(f.api_name for f in FIELDS)
# The codes LeadLex documents for the merge call; anything else on a 409 is the key
# still in flight (IETF Idempotency-Key draft).
MERGE_CONFLICT = "merge_conflict"


class ContactBody(BaseModel):
    """A contact in either shape (list row or single contact)."""

    model_config = ConfigDict(extra="ignore")

    id: str = Field(min_length=1)
    full_name: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None
    phone: str | None = None
    job_title: str | None = None
    company_name: str | None = None
    company: str | None = None
    linkedin_url: str | None = None
    tags: list[JsonValue] | None = None
    created_at: str | None = None
    created_date: str | None = None
    updated_date: str | None = None


class ListMeta(BaseModel):
    model_config = ConfigDict(extra="ignore")

    page: int
    per_page: int
    total: int


class ContactList(BaseModel):
    model_config = ConfigDict(extra="ignore")

    contacts: list[ContactBody]


class ListBody(BaseModel):
    model_config = ConfigDict(extra="ignore")

    data: ContactList
    meta: ListMeta


class ContactEnvelope(BaseModel):
    model_config = ConfigDict(extra="ignore")

    data: ContactBody


class ApiKeyRow(BaseModel):
    """One key of GET /v1/api-keys (docs.leadlex.com api-reference/api-keys/list): its
    `prefix` (first characters of the key) and `permissions` (scope strings such as
    read:contacts, write:contacts). Never the secret."""

    model_config = ConfigDict(extra="ignore")

    prefix: str | None = None
    permissions: list[str] = []


class ApiKeyList(BaseModel):
    api_keys: list[ApiKeyRow]


class ApiKeysBody(BaseModel):
    data: ApiKeyList
    meta: ListMeta


class NoteRow(BaseModel):
    model_config = ConfigDict(extra="ignore")

    content: str | None = None


class NoteList(BaseModel):
    notes: list[NoteRow]


class NotesBody(BaseModel):
    """`GET /v1/contacts/{id}/notes`: the contact's notes, newest first."""

    data: NoteList


# A merge writes contacts: the key's Write permission (docs.leadlex.com/authentication:
# "Write: create, update and delete"), as a scope string on newer keys.
WRITE_SCOPES = frozenset({"write", "write:contacts"})


class MergeData(BaseModel):
    model_config = ConfigDict(extra="ignore")

    primary: ContactBody
    merged_ids: list[str]
    fields_populated: list[str] = []
    counts: dict[str, int] = {}


class MergeBody(BaseModel):
    model_config = ConfigDict(extra="ignore")

    data: MergeData


def to_record(contact: ContactBody) -> Record:
    raw = contact.model_dump(exclude_unset=True)
    fields: dict[str, JsonValue] = {k: v for k, v in raw.items() if k in _KNOWN}
    if "company" in raw and "company_name" not in raw:
        fields["company_name"] = raw["company"]
    return Record(id=contact.id, entity="contacts", fields=fields,
                  created_at=parse_timestamp(contact.created_date or contact.created_at),
                  updated_at=parse_timestamp(contact.updated_date))


def update_body(values: dict[str, JsonValue]) -> dict[str, JsonValue]:
    """A PATCH body; ValidationFailed for notes (LeadLex appends them, so writing them
    would duplicate notes the merge already re-homes) or a field PATCH does not take."""
    refused = sorted(k for k in values if k not in (*WRITABLE, MERGE_NOTE))
    if NOTES in refused:
        raise errors.ValidationFailed(
            "MergeDesk never writes LeadLex notes: a PATCH appends them to the existing ones, "
            "and the merge already moves every duplicate's notes to the primary",
            provider="leadlex", field_errors={NOTES: "appended, never replaced"})
    if refused:
        raise errors.ValidationFailed(
            f"LeadLex cannot update {', '.join(refused)} through the API",
            provider="leadlex", field_errors=dict.fromkeys(refused, "not writable"))
    body = {k: v for k, v in values.items() if k != MERGE_NOTE}
    if values.get(MERGE_NOTE):
        body[NOTES] = values[MERGE_NOTE]
    return body


def parse_export(text: str) -> list[Record]:
    """The CSV of GET /v1/contacts/export (header row first; tags comma-joined)."""
    records = []
    for row in csv.DictReader(io.StringIO(text)):
        if not row.get("id"):
            raise errors.BadResponse("LeadLex sent an export row without an id",
                                     provider="leadlex")
        values: dict[str, Any] = {k: (v or None) for k, v in row.items() if k}
        tags = values.get("tags")
        values["tags"] = [t.strip() for t in tags.split(",") if t.strip()] if tags else []
        records.append(to_record(ContactBody.model_validate(values)))
    return records


def error_code(response: httpx.Response) -> str | None:
    body = _json(response)
    error = body.get("error") if isinstance(body, dict) else None
    return str(error.get("code")) if isinstance(error, dict) and error.get("code") else None


def describe_error(response: httpx.Response) -> ErrorInfo:
    body = _json(response)
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict):
        text = response.text.strip()
        if text.startswith("<"):
            text = f"HTTP {response.status_code} with an HTML page instead of an API answer"
        return ErrorInfo(message=text[:300] or f"HTTP {response.status_code}")
    code = str(error.get("code") or "") or None
    message = str(error.get("message") or "").strip() or f"HTTP {response.status_code}"
    kind, message = _explain(response.status_code, code, message)
    return ErrorInfo(message=message[:1000], vendor_code=code, kind=kind)


def _explain(status: int, code: str | None, message: str):
    if code == "invalid_key" or status == 401:
        return errors.AuthError, (f"LeadLex refused the API key: {message} (workspace keys "
                                  "start with wbk_ and can expire)")
    if code == "insufficient_permissions" or status == 403:
        return errors.PermissionDenied, (f"{message}: give the API key Write permission "
                                         "under Settings > API & Integrations")
    if code == MERGE_CONFLICT:
        return errors.Conflict, f"LeadLex refused the merge: {message}"
    if status == 409:
        return errors.Conflict, f"LeadLex is still processing a request with this key: {message}"
    if status == 422:
        return errors.Conflict, (f"LeadLex refused a reused Idempotency-Key: {message}; "
                                 "this request merged nothing")
    return None, message


def _json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


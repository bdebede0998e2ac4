"""Chatwoot JSON <-> Record and field metadata. Nested attribute hashes are flattened
to dotted fields so each key can be chosen on its own. No Qt, no I/O."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import httpx
from pydantic import BaseModel, ConfigDict, Field, JsonValue

from mergedesk.core.models import FieldDef, FieldType, Record
from mergedesk.providers import errors
from mergedesk.providers.transport import ErrorInfo

NESTED = ("additional_attributes", "custom_attributes")
LABELS = "labels"

STANDARD_FIELDS = (
    FieldDef(api_name="name", label="Name", type=FieldType.TEXT),
    FieldDef(api_name="email", label="Email", type=FieldType.EMAIL, unique=True),
    FieldDef(api_name="phone_number", label="Phone", type=FieldType.PHONE, unique=True),
    FieldDef(api_name="identifier", label="Identifier", type=FieldType.TEXT, unique=True),
    FieldDef(api_name="additional_attributes.company_name", label="Company"),
    FieldDef(api_name="additional_attributes.city", label="City"),
    FieldDef(api_name="additional_attributes.country", label="Country"),
    FieldDef(api_name="additional_attributes.description", label="Description",
             type=FieldType.LONG_TEXT),
    FieldDef(api_name=LABELS, label="Labels", type=FieldType.MULTI_PICKLIST, multi_valued=True),
)

_DISPLAY_TYPES = {
    "text": FieldType.TEXT, "number": FieldType.NUMBER, "currency": FieldType.NUMBER,
    "percent": FieldType.NUMBER, "link": FieldType.URL, "date": FieldType.DATE,
    "list": FieldType.PICKLIST, "checkbox": FieldType.BOOLEAN,
}


class ContactBody(BaseModel):
    """The parts of a Chatwoot contact we rely on; anything else is ignored."""

    model_config = ConfigDict(extra="ignore")

    id: int
    name: str | None = None
    email: str | None = None
    phone_number: str | None = None
    identifier: str | None = None
    additional_attributes: dict[str, JsonValue] | None = None
    custom_attributes: dict[str, JsonValue] | None = None
    created_at: int | float | str | None = None
    last_activity_at: int | float | str | None = None


class ContactListBody(BaseModel):
    meta: dict[str, JsonValue]
    payload: list[ContactBody]


class ContactEnvelope(BaseModel):
    payload: ContactBody


class CreatedContact(BaseModel):
    model_config = ConfigDict(extra="ignore")

    contact: ContactBody


class CreatedEnvelope(BaseModel):
    """contacts/create.json.jbuilder: {"payload": {"contact": {…}, "contact_inbox": {…}}}."""

    payload: CreatedContact


class LabelsBody(BaseModel):
    payload: list[str]


class AttributeDefinition(BaseModel):
    model_config = ConfigDict(extra="ignore")

    attribute_key: str = Field(min_length=1)
    attribute_display_name: str = ""
    attribute_display_type: str = "text"


def to_record(contact: ContactBody, entity: str = "contacts") -> Record:
    raw = contact.model_dump()
    fields: dict[str, JsonValue] = {
        k: raw[k] for k in ("name", "email", "phone_number", "identifier")
    }
    for nested in NESTED:
        for key, value in (raw.get(nested) or {}).items():
            fields[f"{nested}.{key}"] = value
    return Record(
        id=str(contact.id),
        entity=entity,
        fields=fields,
        created_at=_timestamp(contact.created_at),
        updated_at=_timestamp(contact.last_activity_at),
    )


def to_update_body(values: dict[str, JsonValue]) -> dict[str, Any]:
    """A PUT body: Chatwoot merges the attribute hashes into the stored ones, so only
    the keys being changed are sent."""
    body: dict[str, Any] = {}
    for name, value in values.items():
        if name == LABELS:
            continue
        head, _, key = name.partition(".")
        if head in NESTED and key:
            body.setdefault(head, {})[key] = value
        else:
            body[name] = value
    return body


def custom_field(definition: AttributeDefinition) -> FieldDef:
    return FieldDef(
        api_name=f"custom_attributes.{definition.attribute_key}",
        label=definition.attribute_display_name or definition.attribute_key,
        type=_DISPLAY_TYPES.get(definition.attribute_display_type, FieldType.TEXT),
        custom=True,
    )


def describe_error(response: httpx.Response) -> ErrorInfo:
    """Chatwoot answers `{"error": …}`, `{"message": …, "attributes": […]}` or, for the
    rate limiter, the plain text `Retry later`."""
    try:
        body = response.json()
    except ValueError:
        text = response.text.strip()
        if text.startswith("<"):
            text = f"HTTP {response.status_code} with an HTML page instead of an API answer"
        return ErrorInfo(message=text[:300] or f"HTTP {response.status_code}")
    if not isinstance(body, dict):
        return ErrorInfo(message=str(body)[:300])
    message = body.get("error") or body.get("message") or body.get("description") or ""
    attributes = body.get("attributes") or []
    field_errors = {str(a): str(message) for a in attributes if isinstance(a, str)}
    kind = None
    if response.status_code == 401 and "not authorized" in str(message).lower():
        kind = errors.PermissionDenied  # a policy denial, not a bad token
    if response.status_code == 422 and "taken" in str(message).lower():
        kind = errors.Conflict
    return ErrorInfo(message=str(message)[:500], kind=kind, field_errors=field_errors)


def _timestamp(value: int | float | str | None) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)):
        return datetime.fromtimestamp(value, tz=UTC)
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None

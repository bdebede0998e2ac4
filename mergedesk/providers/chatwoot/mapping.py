"""Chatwoot JSON <-> Record and field metadata. Nested attribute hashes are flattened
to dotted fields so each key can be chosen on its own. No Qt, no I/O."""

from __future__ import annotations

import re
from typing import Any

import httpx
from pydantic import BaseModel, ConfigDict, Field, JsonValue

from mergedesk.core.models import FieldDef, FieldRole, FieldType, Record
from mergedesk.core.rules import sensitive_by_name
from mergedesk.core.values import parse_timestamp
from mergedesk.providers import errors
from mergedesk.providers.transport import ErrorInfo, items_of

NESTED = ("additional_attributes", "custom_attributes")
_TITLE = re.compile(r"<title>(.*?)</title>", re.IGNORECASE | re.DOTALL)
LABELS = "labels"

STANDARD_FIELDS = (
    FieldDef(api_name="name", label="Name", type=FieldType.TEXT),
    FieldDef(api_name="email", label="Email", type=FieldType.EMAIL, unique=True),
    FieldDef(api_name="phone_number", label="Phone", type=FieldType.PHONE, unique=True),
    # Set by integrations (the widget's identifier): a contact holding one is their record.
    FieldDef(api_name="identifier", label="Identifier", type=FieldType.TEXT, unique=True,
             role=FieldRole.EXTERNAL_ID),
    FieldDef(api_name="additional_attributes.company_name", label="Company"),
    FieldDef(api_name="additional_attributes.city", label="City"),
    FieldDef(api_name="additional_attributes.country", label="Country"),
    # One e-mail and one phone per contact, no secondary slots: the other values of a
    # group are kept as a note here.
    FieldDef(api_name="additional_attributes.description", label="Description",
             type=FieldType.LONG_TEXT, role=FieldRole.NOTE),
    FieldDef(api_name=LABELS, label="Labels", type=FieldType.MULTI_PICKLIST, multi_valued=True),
)

_CONTACT_MODEL = ("contact_attribute", 1, "1", None)
# attribute_display_type (CustomAttributeDefinition enum). Values are stored as given in
# the custom_attributes jsonb: list = one of attribute_values as text, checkbox = JSON
# true/false, date = the ISO text the dashboard sends; we write back what we read.
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
    # The enum's name ("contact_attribute"); None if a version leaves it out.
    attribute_model: str | int | None = None


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
        created_at=parse_timestamp(contact.created_at),
        updated_at=parse_timestamp(contact.last_activity_at),
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


def custom_fields(definitions: list[AttributeDefinition]) -> list[FieldDef]:
    """Contact custom attributes as fields, each key once. Definitions of another model
    are skipped: without `attribute_model` the index returns every model's
    (with_attribute_model(nil) is `all`), and a conversation attribute is no field of
    a contact."""
    fields: dict[str, FieldDef] = {}
    for definition in definitions:
        if definition.attribute_model not in _CONTACT_MODEL:
            continue
        field = custom_field(definition)
        fields.setdefault(field.api_name, field)
    return list(fields.values())


def custom_field(definition: AttributeDefinition) -> FieldDef:
    kind = _DISPLAY_TYPES.get(definition.attribute_display_type, FieldType.TEXT)
    return FieldDef(
        api_name=f"custom_attributes.{definition.attribute_key}",
        label=definition.attribute_display_name or definition.attribute_key,
        type=kind,
        custom=True,
        # Chatwoot has no opt-out of its own; accounts add a checkbox attribute for it.
        sensitive=sensitive_by_name(definition.attribute_key, kind),
    )


def describe_error(response: httpx.Response) -> ErrorInfo:
    """Chatwoot answers `{"error": …}`, `{"message": …, "attributes": […]}`, devise's
    `{"errors": […]}`, the API docs' `{"description", "errors": [{field, message}]}`, or,
    for the rate limiter, the plain text `Retry later`; a proxy in front may send HTML."""
    try:
        body = response.json()
    except ValueError:
        return ErrorInfo(message=_text_message(response))
    if not isinstance(body, dict):
        return ErrorInfo(message=str(body)[:300])
    message, field_errors = _message_of(body)
    kind = None
    lowered = message.lower()
    if response.status_code == 401 and "not authorized" in lowered:
        kind = errors.PermissionDenied  # a policy or account denial, not a bad token
        if "account" in lowered:
            message += " (the token's user is not a member of the account in the base URL)"
    if response.status_code == 422 and "taken" in lowered:
        kind = errors.Conflict  # another contact holds this email, phone or identifier
    return ErrorInfo(message=message[:500], kind=kind, field_errors=field_errors)


def _message_of(body: dict[str, Any]) -> tuple[str, dict[str, str]]:
    message = body.get("error") or body.get("message") or body.get("description") or ""
    field_errors: dict[str, str] = {}
    for item in items_of(body.get("errors")):
        if isinstance(item, dict) and item.get("field"):
            field_errors[str(item["field"])] = str(item.get("message") or "invalid")
        elif isinstance(item, str) and not message:
            message = item
    for attribute in items_of(body.get("attributes")):
        if isinstance(attribute, str):
            field_errors[attribute] = str(message)
    if field_errors and message in ("", "Bad request"):
        detail = "; ".join(f"{k}: {v}" for k, v in field_errors.items())
        message = f"{message}: {detail}" if message else detail
    return str(message), field_errors


def _text_message(response: httpx.Response) -> str:
    text = response.text.strip()
    status = response.status_code
    if status == 429:
        # rack-attack's plain refusal names no wait: the transport backs off on its own.
        return (f"Chatwoot's rate limit refused the request ({text or 'Retry later'}); "
                "it names no wait time")
    if text.startswith("<"):
        title = _TITLE.search(text)
        what = f" ({title.group(1).strip()[:100]})" if title else ""
        return f"HTTP {status} with an HTML page{what} instead of a Chatwoot API answer"
    return text[:300] or f"HTTP {status}"


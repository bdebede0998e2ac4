"""Pipeliner JSON <-> Record, Field metadata -> FieldDef, files, and the two error shapes
the API answers with. Shapes from Pipeliner's OpenAPI file and recorded answers
(amp-labs/connectors providers/pipeliner/, commit ab4dd22c3). No Qt, no I/O."""

from __future__ import annotations

from typing import Any

import httpx
from pydantic import BaseModel, ConfigDict, Field, JsonValue

from mergedesk.core.models import Attachment, FieldDef, FieldRole, FieldType, Record, Sensitive
from mergedesk.core.rules import sensitive_by_name
from mergedesk.core.values import parse_timestamp
from mergedesk.providers import errors
from mergedesk.providers.transport import ErrorInfo, items_of

ENTITIES = {"contacts": "Contacts", "accounts": "Accounts"}  # paths use plural names
SINGULAR = {"contacts": "Contact", "accounts": "Account"}  # Fields.entity_name
RELATION_KEYS = {"contacts": "contact_id", "accounts": "account_id"}
UNKNOWN_TYPE = 2006  # a singular or unknown entity name in the path
# Kept by the system whatever the metadata says: never offered as a choice.
SYSTEM_FIELDS = frozenset({"id", "created", "modified", "revision", "is_deleted",
                           "is_delete_protected", "formatted_name", "modified_by_user"})
_TYPES = {
    "checkbox": FieldType.BOOLEAN, "currency": FieldType.NUMBER,
    "currency_foreign": FieldType.NUMBER, "float": FieldType.NUMBER,
    "integer": FieldType.NUMBER, "date": FieldType.DATE, "datetime": FieldType.DATETIME,
    "dropdown": FieldType.PICKLIST, "radio": FieldType.PICKLIST,
    "multiselect_checkbox": FieldType.MULTI_PICKLIST, "email": FieldType.EMAIL,
    "phone": FieldType.PHONE, "url": FieldType.URL, "text_area": FieldType.LONG_TEXT,
}


# Fields merge defaults treat specially (Contact and Account schemas of the OpenAPI file):
# email2..5 extend email1 and phone2..5 phone1; comments takes the values no slot holds;
# is_unsubscribed is the e-mail opt-out; owner and parent account are conflicts.
_SLOTS = {f"{stem}{n}": f"{stem}1" for stem in ("email", "phone") for n in range(2, 6)}
_NOTE = "comments"
_SENSITIVE = {"is_unsubscribed": Sensitive.OPT_OUT, "owner_id": Sensitive.OWNER,
              "parent_account_id": Sensitive.PARENT, "created": Sensitive.CREATED}


class PageInfo(BaseModel):
    model_config = ConfigDict(extra="ignore")

    start_cursor: str | None = None
    end_cursor: str | None = None
    has_previous_page: bool = False
    has_next_page: bool


class Row(BaseModel):
    """One entity as listed or read; every other key is a field."""

    model_config = ConfigDict(extra="allow")

    id: str = Field(min_length=1)
    is_deleted: bool = False


class ListBody(BaseModel):
    model_config = ConfigDict(extra="ignore")

    success: bool
    total: int | None = None
    page_info: PageInfo  # absent only with the legacy limit/offset parameters
    data: list[Row]


class EntityBody(BaseModel):
    model_config = ConfigDict(extra="ignore")

    success: bool
    data: Row


class FieldBody(BaseModel):
    model_config = ConfigDict(extra="ignore")

    api_name: str = Field(min_length=1)
    name: str = ""
    type_id: str = "input"
    entity_name: str = ""
    system_readonly: bool = False
    system_required: bool = False
    is_unique: bool = False
    is_deleted: bool = False


class CloudObjectBody(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str
    filename: str = ""
    mime_type: str | None = None
    size: int | None = None
    created: str | None = None


class RelationBody(BaseModel):
    """A CloudObjectRelation read with expand=cloud_object (else the object is a URI)."""

    model_config = ConfigDict(extra="ignore")

    id: str
    cloud_object_id: str
    cloud_object: CloudObjectBody | str | None = None


def field_def(body: FieldBody) -> FieldDef:
    """Read-only, system and sequence fields are shown but cannot be picked."""
    fixed = body.system_readonly or body.api_name in SYSTEM_FIELDS or body.type_id == "sequence"
    kind = _TYPES.get(body.type_id, FieldType.TEXT)
    role = FieldRole.SLOT if body.api_name in _SLOTS else (
        FieldRole.NOTE if body.api_name == _NOTE else None)
    return FieldDef(
        api_name=body.api_name,
        label=body.name or body.api_name,
        type=kind,
        writable=not fixed,
        multi_valued=body.type_id == "multiselect_checkbox",
        required=body.system_required,
        unique=body.is_unique,
        custom=body.api_name.startswith("cf_"),
        role=role, slot_of=_SLOTS.get(body.api_name),
        sensitive=_SENSITIVE.get(body.api_name) or sensitive_by_name(body.api_name, kind),
    )


def to_record(row: Row, entity: str, names: frozenset[str]) -> Record:
    """Fields named in the metadata (`names`), minus system ones; relations as URIs and
    other keys the metadata does not know are left out."""
    data = row.model_dump()
    fields: dict[str, JsonValue] = {
        k: v for k, v in data.items() if k in names and k not in SYSTEM_FIELDS
    }
    return Record(
        id=row.id, entity=entity, fields=fields, active=not row.is_deleted,
        created_at=parse_timestamp(data.get("created")),
        updated_at=parse_timestamp(data.get("modified")),
    )


def to_attachment(relation: RelationBody, record_id: str) -> Attachment:
    cloud = relation.cloud_object if isinstance(relation.cloud_object, CloudObjectBody) else None
    return Attachment(
        id=relation.cloud_object_id, record_id=record_id,
        name=cloud.filename if cloud else "", size=cloud.size if cloud else None,
        mime_type=(cloud.mime_type or "") if cloud else "",
        created_at=parse_timestamp(cloud.created if cloud else None),
    )


def is_unknown_url(response: httpx.Response) -> bool:
    """The web server's 404 for a path the API does not have (wrong base URL or space
    id): {"status":404,"message":…,"errorcode":null,"traceback":null}, no `code`."""
    body = _json(response)
    return response.status_code == 404 and not (isinstance(body, dict) and "code" in body)


def describe_error(response: httpx.Response) -> ErrorInfo:
    """The API's envelope {"success":false,"code","name","message","http_status"} (422
    validation adds field_errors[] and entity_errors[]), or the server's plain shape."""
    body = _json(response)
    if not isinstance(body, dict):
        text = response.text.strip()
        if text.startswith("<"):
            text = f"HTTP {response.status_code} with an HTML page instead of an API answer"
        return ErrorInfo(message=text[:300] or f"HTTP {response.status_code}")
    message = str(body.get("message") or "").strip()
    if "code" not in body:  # the web server's own shape
        return ErrorInfo(message=_plain_message(response, message))
    code = f"{body.get('code')} {body.get('name') or ''}".strip()
    fields = _field_errors(body)
    kind: type[errors.ProviderError] | None = None
    if fields or body.get("name") == "ERROR_ENTITY_VALIDATION":
        kind = errors.ValidationFailed
        message = "Pipeliner rejected the values: " + (
            "; ".join(f"{k}: {v}" for k, v in fields.items()) or message)
    if response.status_code == 403 and response.request.url.path.endswith("/merge"):
        message = (f"Pipeliner refused the merge: {message}. Merging needs the Business or "
                   "Enterprise tier, delete rights for this entity, and ownership of every "
                   "record being merged away (ask the space administrator)")
    return ErrorInfo(message=message[:1000], vendor_code=code, kind=kind, field_errors=fields)


def _plain_message(response: httpx.Response, message: str) -> str:
    if response.status_code == 401:
        return ("Pipeliner refused the API key and secret" + (f" ({message})" if message else "")
                + "; they are shown once, under Administration > Applications")
    if response.status_code == 404:
        return (f"{response.request.url.path} does not exist on this server: check the "
                "service URL and space id")
    return message or f"HTTP {response.status_code}"


def _field_errors(body: dict[str, Any]) -> dict[str, str]:
    found: dict[str, str] = {}
    for item in items_of(body.get("field_errors")):
        if not isinstance(item, dict):
            continue
        name = str(item.get("field_name") or item.get("field_id") or "?")
        texts = [str(e.get("message")) for e in items_of(item.get("errors")) if isinstance(e, dict)]
        found[name] = "; ".join(t for t in texts if t) or str(item.get("name") or "invalid")
    return found


def _json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


"""Zoho CRM v8 JSON <-> Record, FieldDef and Attachment, the merge request body, and
describe_error with a clear message for every documented error. No Qt, no I/O.

Error shapes (zoho/crm-oas v8.0, seed 002): `{"code","details","message","status":"error"}`
at the top level, or per item inside `{"data":[…]}` / `{"merge":[…]}`."""

from __future__ import annotations

from typing import Any

import httpx
from pydantic import BaseModel, ConfigDict, Field, JsonValue, ValidationError

from mergedesk.core.models import Attachment, FieldDef, FieldRole, FieldType, Record, Sensitive
from mergedesk.core.rules import sensitive_by_name
from mergedesk.core.values import parse_timestamp
from mergedesk.providers import errors
from mergedesk.providers.transport import ErrorInfo

FILE_TYPES = frozenset({"fileupload", "imageupload"})
# Types Zoho computes itself or that hold structures the merge API does not take.
_COMPUTED = frozenset({"autonumber", "formula", "rollup_summary", "profileimage", "subform",
                       "multiselectlookup", "multi_module_lookup", "fileupload", "imageupload"})
_TYPES = {
    "text": FieldType.TEXT, "textarea": FieldType.LONG_TEXT, "email": FieldType.EMAIL,
    "phone": FieldType.PHONE, "website": FieldType.URL, "integer": FieldType.NUMBER,
    "bigint": FieldType.NUMBER, "double": FieldType.NUMBER, "currency": FieldType.NUMBER,
    "percent": FieldType.NUMBER, "decimal": FieldType.NUMBER, "boolean": FieldType.BOOLEAN,
    "date": FieldType.DATE, "datetime": FieldType.DATETIME, "picklist": FieldType.PICKLIST,
    "multiselectpicklist": FieldType.MULTI_PICKLIST, "lookup": FieldType.LOOKUP,
    "ownerlookup": FieldType.LOOKUP, "userlookup": FieldType.LOOKUP,
    "fileupload": FieldType.FILE, "imageupload": FieldType.FILE,
}


class FieldMeta(BaseModel):
    """One element of `GET /settings/fields?module=…` that we rely on."""

    model_config = ConfigDict(extra="ignore")

    api_name: str = Field(min_length=1)
    display_label: str = ""
    data_type: str = "text"
    read_only: bool = False
    field_read_only: bool = False
    system_mandatory: bool = False
    custom_field: bool = False
    unique: dict[str, JsonValue] | None = None


class FieldsBody(BaseModel):
    fields: list[FieldMeta]


class Info(BaseModel):
    model_config = ConfigDict(extra="ignore")

    more_records: bool = False
    next_page_token: str | None = None
    page: int | None = None
    count: int | None = None


class RecordList(BaseModel):
    """`GET /{Module}` (and `/{Module}/{id}`): records are open dicts with a string id."""

    data: list[dict[str, JsonValue]]
    info: Info = Field(default_factory=Info)


class AttachmentItem(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str
    File_Name: str | None = None
    Size: str | int | None = None
    Created_Time: str | None = None


class AttachmentList(BaseModel):
    data: list[AttachmentItem]
    info: Info = Field(default_factory=Info)


class ItemAnswer(BaseModel):
    """One element of `{"merge":[…]}` / `{"data":[…]}`: a success or an error."""

    model_config = ConfigDict(extra="ignore")

    code: str
    status: str = ""
    message: str = ""
    details: dict[str, JsonValue] = Field(default_factory=dict)


class MergeAnswer(BaseModel):
    merge: list[ItemAnswer] = Field(min_length=1)


class DataAnswer(BaseModel):
    data: list[ItemAnswer] = Field(min_length=1)


class JobStatus(BaseModel):
    model_config = ConfigDict(extra="ignore")

    job_id: str | None = None
    status: str


class JobAnswer(BaseModel):
    merge: list[JobStatus] = Field(min_length=1)


# Standard fields merge defaults treat specially (Zoho v8 field metadata of Contacts/Leads/
# Accounts/Deals: Secondary_Email, Mobile/Home_Phone/Other_Phone/Asst_Phone, Email_Opt_Out).
_SLOTS = {"Secondary_Email": "Email", "Mobile": "Phone", "Home_Phone": "Phone",
          "Other_Phone": "Phone", "Asst_Phone": "Phone"}
_SENSITIVE = {
    "Email_Opt_Out": Sensitive.OPT_OUT, "Owner": Sensitive.OWNER,
    "Lead_Status": Sensitive.LIFECYCLE, "Stage": Sensitive.LIFECYCLE,
    "Account_Name": Sensitive.PARENT, "Reporting_To": Sensitive.PARENT,
    "Parent_Account": Sensitive.PARENT, "Created_Time": Sensitive.CREATED,
}
_NOTE = "Description"  # values without a slot are kept here


def _roles(meta: FieldMeta, kind: FieldType) -> dict[str, Any]:
    sensitive = _SENSITIVE.get(meta.api_name) or sensitive_by_name(meta.api_name, kind)
    if meta.api_name == "Account_Name" and kind != FieldType.LOOKUP:
        sensitive = None  # the account's own name (Accounts), not a parent
    role = FieldRole.SLOT if meta.api_name in _SLOTS else (
        FieldRole.NOTE if meta.api_name == _NOTE else None)
    return {"role": role, "slot_of": _SLOTS.get(meta.api_name), "sensitive": sensitive}


def field_def(meta: FieldMeta) -> FieldDef:
    computed = meta.data_type in _COMPUTED
    kind = _TYPES.get(meta.data_type, FieldType.TEXT)
    return FieldDef(
        api_name=meta.api_name,
        label=meta.display_label,
        type=kind,
        writable=not (meta.read_only or meta.field_read_only or computed),
        multi_valued=meta.data_type == "multiselectpicklist",
        required=meta.system_mandatory,
        unique=bool(meta.unique),
        custom=meta.custom_field,
        **_roles(meta, kind),
    )


# Record flags that make Zoho refuse a merge ("Record is not allowed for merging").
_LOCKS = (("$locked_for_me", "it is locked"), ("$in_merge", "it is already being merged"),
          ("$review_process", "it is in a review process"))


def lock_reason(raw: dict[str, JsonValue]) -> str:
    reasons = [text for key, text in _LOCKS if raw.get(key) in (True, "true")]
    if raw.get("$approval_state") not in (None, "approved"):
        reasons.append("it is in an approval process")
    return "; ".join(reasons)


def to_record(raw: dict[str, JsonValue], entity: str, file_fields: frozenset[str]) -> Record:
    """A Zoho record: `$`-keys are Zoho's own flags, file fields become attachments."""
    rid = str(raw.get("id") or "")
    fields = {k: v for k, v in raw.items()
              if k != "id" and not k.startswith("$") and k not in file_fields}
    files = tuple(a for name in sorted(file_fields) for a in _field_files(rid, name, raw.get(name)))
    return Record(id=rid, entity=entity, fields=fields, attachments=files,
                  created_at=parse_timestamp(raw.get("Created_Time")),
                  updated_at=parse_timestamp(raw.get("Modified_Time")), locked=lock_reason(raw))


def _field_files(rid: str, field: str, value: JsonValue) -> list[Attachment]:
    if not isinstance(value, list):
        return []
    found = []
    for item in value:
        if isinstance(item, dict) and item.get("id"):
            size = item.get("Size__s")
            found.append(Attachment(
                id=str(item["id"]), record_id=rid, field=field,
                name=str(item.get("File_Name__s") or ""),
                size=int(size) if isinstance(size, (int, str)) and str(size).isdigit() else None,
            ))
    return found


def to_attachment(item: AttachmentItem, record_id: str) -> Attachment:
    size = str(item.Size) if item.Size is not None else ""
    return Attachment(id=item.id, record_id=record_id, name=item.File_Name or "",
                      size=int(size) if size.isdigit() else None,
                      created_at=parse_timestamp(item.Created_Time))


def update_value(value: JsonValue) -> JsonValue:
    """Lookups are written as {"id": …}; Zoho refuses the read form's extra keys on some."""
    if isinstance(value, dict) and "id" in value:
        return {"id": value["id"]}
    return value


def merge_body(losers: tuple[str, ...], value_sources: dict[str, str],
               file_fields: dict[str, list[tuple[str, str]]] | None) -> dict[str, Any]:
    """The `{"merge":[…]}` body. `value_sources` maps field -> the child whose value wins
    (`_fields`). `file_fields` maps a file field to the (record id, file id) pairs to keep
    (None: leave every file field alone, Zoho keeps the master's files). Each field may
    be named once in the whole body (seed 002: "Field has already been mentioned for
    other record in merge"), so files kept from one child only go in that child's
    `_fields`; any other mix is listed, by id, in master_record_fields."""
    children: dict[str, list[dict[str, Any]]] = {rid: [] for rid in losers}
    for name, rid in value_sources.items():
        children[rid].append({"api_name": name})
    master_fields: list[dict[str, Any]] = []
    for name, kept in (file_fields or {}).items():
        owners = {rid for rid, _ in kept}
        ids = [{"id": fid} for _, fid in kept]
        if len(owners) == 1 and next(iter(owners)) in children:
            children[next(iter(owners))].append({"api_name": name, "_data": ids})
        else:
            master_fields.append({"api_name": name, "_data": ids or None})
    entry: dict[str, Any] = {"data": [{"id": rid, "_fields": children[rid]} for rid in losers]}
    if master_fields:
        entry["master_record_fields"] = master_fields
    return {"merge": [entry]}


# --- errors --------------------------------------------------------------------------------
_KINDS: dict[str, type[errors.ProviderError]] = {
    "INVALID_TOKEN": errors.AuthError, "AUTHENTICATION_FAILURE": errors.AuthError,
    "OAUTH_SCOPE_MISMATCH": errors.PermissionDenied, "NO_PERMISSION": errors.PermissionDenied,
    "FEATURE_NOT_SUPPORTED": errors.PermissionDenied, "INVALID_MODULE": errors.NotFound,
    "INVALID_URL_PATTERN": errors.NotFound, "NOT_FOUND": errors.NotFound,
    "DUPLICATE_DATA": errors.Conflict, "ALREADY_SCHEDULED": errors.Conflict,
    "RECORD_LOCKED": errors.Conflict, "RECORD_IN_BLUEPRINT": errors.Conflict,
    "INVALID_DATA": errors.ValidationFailed, "MANDATORY_NOT_FOUND": errors.ValidationFailed,
    "DEPENDENT_FIELD_MISSING": errors.ValidationFailed, "LIMIT_EXCEEDED": errors.ValidationFailed,
    "NOT_ALLOWED": errors.ValidationFailed, "REQUIRED_PARAM_MISSING": errors.ValidationFailed,
    "FILTER_CRITERIA_NOT_SATISFIED": errors.ValidationFailed,
    "EXPECTED_FIELD_MISSING": errors.ValidationFailed, "LIMIT_REACHED": errors.ValidationFailed,
    "TOO_MANY_REQUESTS": errors.RateLimited, "INTERNAL_ERROR": errors.ServerError,
}
# The merge API's documented errors (seed 002), by a fragment of Zoho's message, with the
# documented resolution in plain words.
_HINTS = (
    ("master record id is not available", "the master record does not exist any more"),
    ("merge json array has reached its limit", "one merge per call"),
    ("data json object has reached its limit", "at most two child records per call"),
    ("atleast one child record id", "no child record was given"),
    ("reporting_to and account_name", "Reporting To and Account Name must be taken from "
                                      "the same record"),
    ("not allowed to be merged", "this record cannot be merged (locked, in approval or "
                                 "review, or already scheduled for merging)"),
    ("record is not allowed for merging", "this record cannot be merged (locked, in approval "
                                          "or review)"),
    ("closing date", "do not choose Closing Date: Zoho takes it from the master"),
    ("stage field", "do not choose Stage: Zoho takes it from the chosen Pipeline"),
    ("only open deals", "only open deals can be merged"),
    ("probability and expected revenue", "do not choose Probability or Expected Revenue: "
                                         "Zoho derives them from the Stage"),
    ("similar id is already given", "the same record is given twice (master and child)"),
    ("already been mentioned", "a field is chosen from more than one record"),
    ("_data array is not", "a file field needs the ids of the files to keep"),
    ("maximum limit", "more files than the file field can hold"),
    ("already been scheduled", "the record is already scheduled for merging"),
    ("locked", "the record is locked or in an approval/review process"),
)


def describe_error(response: httpx.Response) -> ErrorInfo:
    try:
        body = response.json()
    except ValueError:
        text = response.text.strip()
        if text.startswith("<"):
            text = f"HTTP {response.status_code} with an HTML page instead of an API answer"
        return ErrorInfo(message=text[:300] or f"HTTP {response.status_code}")
    item = error_item(body)
    if item is None:
        return ErrorInfo(message=str(body)[:300])
    return describe_item(item, response.request, response.status_code)


def error_item(body: Any) -> ItemAnswer | None:
    """The first error element of a top-level or wrapped Zoho error body; None when
    there is none or it has the wrong shape (describe_error then quotes the body)."""
    try:
        return _error_item(body)
    except ValidationError:
        return None


def _error_item(body: Any) -> ItemAnswer | None:
    if isinstance(body, dict):
        for key in ("merge", "data"):
            items = body.get(key)
            if isinstance(items, list):
                for element in items:
                    if isinstance(element, dict) and element.get("status") == "error":
                        return ItemAnswer.model_validate(element)
        if isinstance(body.get("code"), str):
            return ItemAnswer.model_validate(body)
    return None


def describe_item(item: ItemAnswer, request: httpx.Request | None, status: int) -> ErrorInfo:
    message = item.message or item.code
    hint = next((h for frag, h in _HINTS if frag in message.lower()), "")
    field = item.details.get("api_name")
    if item.code == "OAUTH_SCOPE_MISMATCH":
        scope = _scope_named(item, request)
        message = f"the Zoho connection lacks the scope {scope}: sign in again granting it"
    elif item.code == "INVALID_TOKEN":
        message = "Zoho refused the access token (expired or revoked): sign in to Zoho again"
    elif hint:
        message = f"{message}: {hint}"
    if field:
        message = f"{message} (field {field})"
    kind = _KINDS.get(item.code)
    if item.code == "INVALID_DATA" and not field and any(
            s in item.message.lower() for s in ("id given", "given id", "record id")):
        kind = errors.NotFound  # "the id given seems to be invalid": the record is gone
    if status == 429:
        kind = errors.RateLimited
    field_errors = {str(field): item.message} if field else None
    return ErrorInfo(message=message, vendor_code=item.code, kind=kind, field_errors=field_errors)


def _scope_named(item: ItemAnswer, request: httpx.Request | None) -> str:
    listed = item.details.get("permissions")
    if isinstance(listed, list) and listed:
        return " or ".join(str(p) for p in listed)
    if request is None:
        return "that this call needs"
    path = request.url.path.split("/crm/v8/", 1)[-1]
    if path.startswith("settings/fields"):
        return "ZohoCRM.settings.fields.READ"
    if "/Attachments" in path:
        return "ZohoCRM.modules.attachments.ALL"
    module = path.split("/", 1)[0].lower()
    return f"ZohoCRM.modules.{module}.{'READ' if request.method == 'GET' else 'WRITE'}"

"""Dataverse Web API JSON <-> Record, FieldDef and Attachment, the Merge action body, and
describe_error for `{"error":{"code","message"}}` answers. No Qt, no I/O."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import httpx
from pydantic import BaseModel, ConfigDict, Field, JsonValue, ValidationError, model_validator

from mergedesk.core.models import Attachment, FieldDef, FieldRole, FieldType, Record, Sensitive
from mergedesk.core.rules import sensitive_by_name
from mergedesk.providers import errors
from mergedesk.providers.transport import ErrorInfo


@dataclass(frozen=True)
class Table:
    logical: str  # contact
    entity_set: str  # contacts
    key: str  # contactid


TABLES = {
    "contacts": Table("contact", "contacts", "contactid"),
    "accounts": Table("account", "accounts", "accountid"),
    "leads": Table("lead", "leads", "leadid"),
    "incidents": Table("incident", "incidents", "incidentid"),
}
# Columns we read for the merge state: inactive rows (statecode != 0) were merged or
# deactivated; `_masterid_value` names the row a merged one went into.
STATE_COLUMNS = ("statecode", "statuscode", "merged", "_masterid_value")


def state_columns(table: Table) -> tuple[str, ...]:
    """incident has no `merged` column: a merged case is cancelled (statuscode 2000
    "Merged") and names its master case in masterid."""
    if table.logical == "incident":
        return ("statecode", "statuscode", "_masterid_value")
    return STATE_COLUMNS
# Types a plain PATCH/UpdateContent cannot set by logical name (lookups need
# `@odata.bind`; state goes through SetState) or that are computed.
_NOT_WRITABLE = frozenset({"Lookup", "Customer", "Owner", "State", "Status", "Virtual",
                           "Uniqueidentifier", "EntityName", "PartyList", "CalendarRules",
                           "ManagedProperty", "File", "Image"})
_LOOKUPS = frozenset({"Lookup", "Customer", "Owner"})
# Columns merge defaults treat specially (MS Learn, contact/lead/account EntityTypes):
# emailaddress2/3 extend emailaddress1; telephone2/3 and mobilephone extend telephone1;
# description takes values no slot holds; donot* are contact preferences (true = do
# not); owner and parent are conflicts the reviewer settles.
_SLOT, _NOTE = FieldRole.SLOT, FieldRole.NOTE
_ROLES: dict[str, tuple[FieldRole | None, str | None, Sensitive | None]] = {
    "emailaddress2": (_SLOT, "emailaddress1", None),
    "emailaddress3": (_SLOT, "emailaddress1", None),
    "telephone2": (_SLOT, "telephone1", None), "telephone3": (_SLOT, "telephone1", None),
    "mobilephone": (_SLOT, "telephone1", None), "description": (_NOTE, None, None),
    "donotemail": (None, None, Sensitive.OPT_OUT),
    "donotbulkemail": (None, None, Sensitive.OPT_OUT),
    "donotphone": (None, None, Sensitive.DO_NOT_CALL),
    "createdon": (None, None, Sensitive.CREATED),
    "_ownerid_value": (None, None, Sensitive.OWNER),
    "_parentcustomerid_value": (None, None, Sensitive.PARENT),
    "_parentaccountid_value": (None, None, Sensitive.PARENT),
}
_TYPES = {
    "String": FieldType.TEXT, "Memo": FieldType.LONG_TEXT, "Integer": FieldType.NUMBER,
    "BigInt": FieldType.NUMBER, "Decimal": FieldType.NUMBER, "Double": FieldType.NUMBER,
    "Money": FieldType.NUMBER, "Boolean": FieldType.BOOLEAN, "DateTime": FieldType.DATETIME,
    "Picklist": FieldType.PICKLIST, "Lookup": FieldType.LOOKUP, "Customer": FieldType.LOOKUP,
    "Owner": FieldType.LOOKUP,
}


class LocalizedLabel(BaseModel):
    model_config = ConfigDict(extra="ignore")
    Label: str = ""


class LabelSet(BaseModel):
    model_config = ConfigDict(extra="ignore")
    UserLocalizedLabel: LocalizedLabel | None = None


class Requirement(BaseModel):
    model_config = ConfigDict(extra="ignore")
    Value: str = "None"


class AttributeMeta(BaseModel):
    """One row of `EntityDefinitions(LogicalName='…')/Attributes`. `LogicalName` is the
    property the Web API reads: a lookup's value is `_<name>_value` (MS Learn, "Lookup
    properties"), so owner and parent columns are selected and read under that name."""

    model_config = ConfigDict(extra="ignore")

    LogicalName: str = Field(min_length=1)
    AttributeType: str = "String"
    IsValidForUpdate: bool | None = False
    IsValidForRead: bool | None = True
    IsCustomAttribute: bool | None = False
    AttributeOf: str | None = None
    DisplayName: LabelSet | None = None
    RequiredLevel: Requirement | None = None

    @model_validator(mode="after")
    def _lookup_property(self) -> AttributeMeta:
        if self.AttributeType in _LOOKUPS and not self.AttributeOf and \
                not self.LogicalName.startswith("_"):
            self.LogicalName = f"_{self.LogicalName}_value"
        return self


class ValueList(BaseModel):
    """Any OData collection: `value` plus the next link while more pages follow."""

    model_config = ConfigDict(extra="ignore", populate_by_name=True)

    value: list[dict[str, JsonValue]]
    next_link: str | None = Field(default=None, alias="@odata.nextLink")


class AttributeList(BaseModel):
    model_config = ConfigDict(extra="ignore")
    value: list[AttributeMeta]


def readable(meta: AttributeMeta) -> bool:
    """Columns we read into Record.fields: real, readable, not the lookup-name shadows;
    of the lookups only the owner and the parent (the conflicts a merge must show)."""
    if meta.AttributeType in _LOOKUPS:
        return bool(meta.IsValidForRead) and meta.LogicalName in _ROLES
    return bool(meta.IsValidForRead) and not meta.AttributeOf and \
        meta.AttributeType not in ("Virtual", "Uniqueidentifier", "State", "Status",
                                   "EntityName", "PartyList")


def field_def(meta: AttributeMeta) -> FieldDef:
    label = meta.DisplayName.UserLocalizedLabel if meta.DisplayName else None
    required = meta.RequiredLevel.Value if meta.RequiredLevel else "None"
    kind = _TYPES.get(meta.AttributeType, FieldType.TEXT)
    if meta.LogicalName.startswith(("emailaddress", "telephone")) or \
            meta.LogicalName == "mobilephone":
        kind = FieldType.EMAIL if meta.LogicalName.startswith("email") else FieldType.PHONE
    role, slot_of, sensitive = _ROLES.get(meta.LogicalName, (None, None, None))
    return FieldDef(
        api_name=meta.LogicalName,
        label=label.Label if label else "",
        type=kind,
        writable=bool(meta.IsValidForUpdate) and meta.AttributeType not in _NOT_WRITABLE,
        required=required in ("ApplicationRequired", "SystemRequired"),
        custom=bool(meta.IsCustomAttribute),
        role=role, slot_of=slot_of,
        sensitive=sensitive or sensitive_by_name(meta.LogicalName, kind),
    )


def to_record(row: dict[str, JsonValue], table: Table, entity: str,
              columns: tuple[str, ...]) -> Record:
    rid = str(row.get(table.key) or "")
    master = row.get("_masterid_value")
    return Record(
        id=rid, entity=entity,
        fields={c: row.get(c) for c in columns},
        created_at=_time(row.get("createdon")), updated_at=_time(row.get("modifiedon")),
        active=row.get("statecode", 0) == 0,
        merged_into=str(master) if master else None,
    )


def to_attachment(row: dict[str, JsonValue], record_id: str) -> Attachment:
    size = row.get("filesize")
    return Attachment(id=str(row.get("annotationid")), record_id=record_id,
                      name=str(row.get("filename") or row.get("subject") or ""),
                      size=size if isinstance(size, int) else None,
                      mime_type=str(row.get("mimetype") or ""),
                      created_at=_time(row.get("createdon")))


def merge_body(table: Table, master: str, loser: str, values: dict[str, JsonValue],
               parenting_checks: bool) -> dict[str, Any]:
    """The Merge action's parameters; each entity needs its @odata.type (seed 003)."""
    kind = f"Microsoft.Dynamics.CRM.{table.logical}"
    body: dict[str, Any] = {
        "Target": {table.key: master, "@odata.type": kind},
        "Subordinate": {table.key: loser, "@odata.type": kind},
        "PerformParentingChecks": parenting_checks,
    }
    if values:
        body["UpdateContent"] = {**values, "@odata.type": kind}
    return body


def _time(value: JsonValue) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


# --- errors --------------------------------------------------------------------------------
_CODES: dict[str, type[errors.ProviderError]] = {
    "0x80040217": errors.NotFound,  # "… With Id = … Does Not Exist"
    "0x80060891": errors.NotFound,  # "Resource not found for the segment …"
    "0x80040220": errors.PermissionDenied,  # SecLib::CheckPrivilege failed
    "0x80072322": errors.RateLimited,  # number of requests
    "0x80072321": errors.RateLimited,  # combined execution time
    "0x80072326": errors.RateLimited,  # concurrent requests
}
_THROTTLE_WORDS = {
    "0x80072322": "too many requests in 5 minutes",
    "0x80072321": "too much combined execution time in 5 minutes",
    "0x80072326": "too many concurrent requests",
}


class WhoAmIBody(BaseModel):
    """`GET WhoAmI`: the signed-in user (or application user) and its business unit."""

    model_config = ConfigDict(extra="ignore")

    UserId: str
    BusinessUnitId: str | None = None


class RolePrivilege(BaseModel):
    """One entry of RetrieveUserPrivileges' RolePrivileges. PrivilegeName is given by
    current versions; older ones send only PrivilegeId (then the answer tells nothing)."""

    model_config = ConfigDict(extra="ignore")

    PrivilegeId: str | None = None
    PrivilegeName: str | None = None
    Depth: str | int | None = None


class UserPrivileges(BaseModel):
    """`systemusers({id})/Microsoft.Dynamics.CRM.RetrieveUserPrivileges()`."""

    model_config = ConfigDict(extra="ignore")

    RolePrivileges: list[RolePrivilege]


def merge_privileges(table: Table) -> tuple[str, ...]:
    """What the Merge message needs on `table` (learn.microsoft.com "Merge message
    privileges", gg334602): prvMerge, Read/Write/Append/AppendTo/Share of the table and
    Append/Write of activities (the subordinate's activities move to the target)."""
    name = table.logical.capitalize()
    return ("prvMerge", f"prvRead{name}", f"prvWrite{name}", f"prvAppend{name}",
            f"prvAppendTo{name}", f"prvShare{name}", "prvAppendActivity", "prvWriteActivity")


class ErrorBody(BaseModel):
    model_config = ConfigDict(extra="ignore")
    code: str = ""
    message: str = ""


def describe_error(response: httpx.Response) -> ErrorInfo:
    try:
        body = response.json()
    except ValueError:
        text = response.text.strip()
        if response.status_code == 401:
            text = "Dataverse refused the access token (missing, expired or for another org)"
        elif text.startswith("<"):
            text = f"HTTP {response.status_code} with an HTML page instead of an API answer"
        return ErrorInfo(message=text[:300] or f"HTTP {response.status_code}")
    raw = body.get("error") if isinstance(body, dict) else None
    if not isinstance(raw, dict):
        return ErrorInfo(message=str(body)[:300])
    try:
        error = ErrorBody.model_validate(raw)
    except ValidationError:
        return ErrorInfo(message=str(raw)[:300])  # an error body of the wrong shape
    return ErrorInfo(*_explain(error.code.lower(), error.message, response.status_code))


def _explain(code: str, message: str, status: int):
    lowered = message.lower()
    if code in _THROTTLE_WORDS:
        return (f"Dataverse service protection: {_THROTTLE_WORDS[code]}; the client waits "
                f"as asked ({message})", code, errors.RateLimited, None)
    if "parented differently" in lowered or ("parent" in lowered and "merge" in lowered):
        return ("the two records have different parents, so Dataverse refused the merge with "
                f"parenting checks on; turn 'parenting checks' off to merge anyway ({message})",
                code, errors.Conflict, None)
    if "is deactive" in lowered or "inactive" in lowered:
        return (f"a record is inactive (merged or deactivated already): {message}", code,
                errors.Conflict, None)
    if "does not have the privilege" in lowered or "privilege" in lowered:
        return (f"the Dataverse user lacks a privilege for this: {message}", code,
                errors.PermissionDenied, None)
    if status == 412:
        return ("the row does not exist (the update was refused rather than creating it)",
                code, errors.NotFound, None)
    field = _property_named(message)
    kind = _CODES.get(code)
    if kind is None and status == 400:
        kind = errors.ValidationFailed
    return message or f"HTTP {status}", code or None, kind, {field: message} if field else None


def _property_named(message: str) -> str | None:
    """'Invalid property 'foo' was found in entity …' names the offending column."""
    marker = "property '"
    if marker not in message:
        return None
    return message.split(marker, 1)[1].split("'", 1)[0] or None

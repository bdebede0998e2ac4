"""The fake Pipeliner space's field metadata (what `GET /entities/Fields` serves) and the
vendor's error envelopes. Field names, types and flags follow Pipeliner's OpenAPI
file (amp-labs/connectors, providers/pipeliner/openapi/api.json at ab4dd22c3): the
Contact and Account schemas, and Field (api_name, name, type_id, system_readonly,
system_required, is_unique). No state, no HTTP."""

from __future__ import annotations

from typing import Any

# Pipeliner's entity names in paths are plural; the singular is the entity_name that
# field metadata and error messages use.
ENTITY_NAMES = {"Contacts": "Contact", "Accounts": "Account"}
MERGEABLE = frozenset(ENTITY_NAMES)

_RO, _REQ, _UNIQUE = "ro", "req", "unique"


def _field(api_name: str, name: str, type_id: str, *flags: str) -> dict[str, Any]:
    return {
        "api_name": api_name,
        "name": name,
        "type_id": type_id,
        "system_readonly": _RO in flags,
        "system_required": _REQ in flags,
        "is_unique": _UNIQUE in flags,
    }


def _slots(stem: str, name: str, type_id: str) -> tuple[dict[str, Any], ...]:
    """Contacts and Accounts carry email1..email5 and phone1..phone5 (the Contact and
    Account schemas of the OpenAPI file; amp-labs/connectors metadata/schemas.json)."""
    return tuple(_field(f"{stem}{n}", name if n == 1 else f"{name} {n}", type_id)
                 for n in range(1, 6))


_SYSTEM = (
    _field("id", "ID", "input", _RO),
    _field("created", "Created", "datetime", _RO),
    _field("modified", "Modified", "datetime", _RO),
    _field("formatted_name", "Formatted name", "input", _RO),
)
_CONTACT = (
    _field("first_name", "First name", "input"),
    _field("middle_name", "Middle name", "input"),
    _field("last_name", "Last name", "input", _REQ),
    _field("title", "Title", "input"),
    _field("position", "Position", "input"),
    *_slots("email", "Email", "email"),
    *_slots("phone", "Phone", "phone"),
    _field("owner_id", "Owner", "input"),
    _field("is_unsubscribed", "Unsubscribed", "checkbox"),
    _field("quick_account_name", "Account name", "input"),
    _field("address", "Address", "text_area"),
    _field("city", "City", "input"),
    _field("state_province", "State / Province", "input"),
    _field("zip_code", "ZIP code", "input"),
    _field("country", "Country", "input"),
    _field("comments", "Comments", "text_area"),
    _field("cf_segment", "Segment", "dropdown"),
    _field("cf_interests", "Interests", "multiselect_checkbox"),
    _field("cf_linkedin", "LinkedIn", "url"),
    _field("cf_customer_no", "Customer number", "sequence", _RO, _UNIQUE),
)
_ACCOUNT = (
    _field("name", "Name", "input", _REQ),
    *_slots("email", "Email", "email"),
    *_slots("phone", "Phone", "phone"),
    _field("owner_id", "Owner", "input"),
    _field("parent_account_id", "Parent account", "input"),
    _field("is_unsubscribed", "Unsubscribed", "checkbox"),
    _field("home_page", "Home page", "url"),
    _field("address", "Address", "text_area"),
    _field("city", "City", "input"),
    _field("state_province", "State / Province", "input"),
    _field("zip_code", "ZIP code", "input"),
    _field("country", "Country", "input"),
    _field("comments", "Comments", "text_area"),
    _field("cf_segment", "Segment", "dropdown"),
    _field("cf_customer_no", "Customer number", "sequence", _RO, _UNIQUE),
)
FIELDS: dict[str, tuple[dict[str, Any], ...]] = {
    "Contact": _SYSTEM + _CONTACT,
    "Account": _SYSTEM + _ACCOUNT,
}


def writable(entity_name: str) -> dict[str, dict[str, Any]]:
    return {f["api_name"]: f for f in FIELDS[entity_name] if not f["system_readonly"]}


def known(entity_name: str) -> dict[str, dict[str, Any]]:
    return {f["api_name"]: f for f in FIELDS[entity_name]}


# --- error envelopes ---------------------------------------------------------------------
def coded(http_status: int, code: int, name: str, message: str, **extra: Any) -> dict[str, Any]:
    """The API's own error body: {"success":false,"code","name","message","http_status"}."""
    return {
        "code": code,
        "name": name,
        "message": message,
        **extra,
        "http_status": http_status,
        "success": False,
    }


def invalid(message: str) -> dict[str, Any]:
    return coded(400, 117, "ERROR_PARAMETER_INVALID", message)


def unknown_type(name: str) -> dict[str, Any]:
    return coded(404, 2006, "ERROR_UNKNOWN_TYPE", f"cannot determine entity type from {name}")


def entity_not_found(entity_name: str, entity_id: str) -> dict[str, Any]:
    # The OpenAPI file documents a 404 in this envelope for an invalid id but not its
    # code or name; these two are the fake's own.
    return coded(
        404, 2001, "ERROR_ENTITY_NOT_FOUND", f"{entity_name} with id '{entity_id}' does not exist."
    )


def plain(status: int, message: str) -> dict[str, Any]:
    """The web server's shape for unknown URLs (and, in the fake, for authentication):
    {"status":404,"message":"…","errorcode":null,"traceback":null}."""
    return {"status": status, "message": message, "errorcode": None, "traceback": None}


NOT_FOUND_URL = (
    "The requested URL was not found on the server. If you entered the URL "
    "manually please check your spelling and try again."
)


def field_errors(entity_name: str, entity_id: str, problems: dict[str, str]) -> dict[str, Any]:
    """422 ERROR_ENTITY_VALIDATION with one field_errors item per field, as in the vendor
    sample (amp-labs/connectors providers/pipeliner/test/create-entity-validation.json)."""
    items = [
        {
            "field_id": f"fld-{name}",
            "field_name": name,
            "name": "ERROR_FIELD_VALIDATION",
            "code": 40002,
            "errors": [
                {
                    "code": 119 if "null or empty" in text else 40002,
                    "name": "ERROR_PARAMETER_MISSING"
                    if "null or empty" in text
                    else "ERROR_FIELD_VALIDATION",
                    "message": text,
                    "field_id": f"fld-{name}",
                    "field_name": name,
                }
            ],
        }
        for name, text in problems.items()
    ]
    message = "\n" + "\n".join(problems.values())
    return coded(
        422,
        40000,
        "ERROR_ENTITY_VALIDATION",
        message,
        entity_id=entity_id,
        entity_name=entity_name,
        entity_errors=[],
        field_errors=items,
        step_checklist_errors=[],
        entity_index=None,
    )

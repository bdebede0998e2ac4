"""Field metadata of the fake Zoho modules (the shape of GET /settings/fields) and the
seeding of records from the generator: planted duplicates, file-upload fields and
Attachments related lists on some records. No HTTP."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

from mergedesk.sandbox.generator import GeneratedData, generate

ID_BASE = 4876876000000100000  # Zoho ids are 19-digit numbers sent as strings
OWNER = {"name": "Sandbox Admin", "id": "4876876000000022001", "email": "admin@sandbox.test"}
ENTITY_MODULE = {"contacts": "Contacts", "leads": "Leads", "accounts": "Accounts"}
MERGEABLE = ("Leads", "Contacts", "Accounts", "Deals", "Vendors")
FILE_FIELD = "Contract_Files"  # a custom fileupload field on every seeded module
FILE_LIMIT = 5  # its maximum_length

_SYSTEM = (  # read-only fields every module has
    ("Owner", "Owner", "ownerlookup", False),
    ("Created_Time", "Created Time", "datetime", True),
    ("Modified_Time", "Modified Time", "datetime", True),
    ("Created_By", "Created By", "ownerlookup", True),
    ("Modified_By", "Modified By", "ownerlookup", True),
)
_FIELDS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "Contacts": (
        ("First_Name", "First Name", "text"),
        ("Last_Name", "Last Name", "text"),
        ("Email", "Email", "email"),
        ("Secondary_Email", "Secondary Email", "email"),
        ("Phone", "Phone", "phone"),
        ("Mobile", "Mobile", "phone"),
        ("Email_Opt_Out", "Email Opt Out", "boolean"),
        ("Title", "Title", "text"),
        ("Account_Name", "Account Name", "lookup"),
        ("Reporting_To", "Reporting To", "lookup"),
        ("Mailing_City", "Mailing City", "text"),
        ("Mailing_Country", "Mailing Country", "text"),
        ("Mailing_Zip", "Mailing Zip", "text"),
        # A multi-select picklist, as a layout may add one (Zoho's data_type for it).
        ("Interests", "Interests", "multiselectpicklist"),
        ("Description", "Description", "textarea"),
    ),
    "Leads": (
        ("First_Name", "First Name", "text"),
        ("Last_Name", "Last Name", "text"),
        ("Email", "Email", "email"),
        ("Phone", "Phone", "phone"),
        ("Company", "Company", "text"),
        ("Designation", "Title", "text"),
        ("Lead_Status", "Lead Status", "picklist"),
        ("City", "City", "text"),
        ("Country", "Country", "text"),
        ("Zip_Code", "Zip Code", "text"),
        ("Description", "Description", "textarea"),
    ),
    "Accounts": (
        ("Account_Name", "Account Name", "text"),
        ("Website", "Website", "website"),
        ("Phone", "Phone", "phone"),
        ("Industry", "Industry", "picklist"),
        ("Billing_City", "Billing City", "text"),
        ("Billing_Country", "Billing Country", "text"),
        ("Billing_Code", "Billing Code", "text"),
    ),
    "Deals": (
        ("Deal_Name", "Deal Name", "text"),
        ("Stage", "Stage", "picklist"),
        ("Closing_Date", "Closing Date", "date"),
        ("Amount", "Amount", "currency"),
        ("Probability", "Probability (%)", "integer"),
        ("Expected_Revenue", "Expected Revenue", "currency"),
    ),
    "Vendors": (("Vendor_Name", "Vendor Name", "text"), ("Email", "Email", "email")),
}
_MANDATORY = {"Last_Name", "Account_Name", "Deal_Name", "Vendor_Name"}


def field_metadata(module: str, extra_fields: int = 0) -> list[dict[str, Any]]:
    """`fields[]` of GET /settings/fields?module=…, in layout order; `extra_fields` adds
    custom text fields so that a layout can be wider than the 50-field listing cap."""
    rows: list[dict[str, Any]] = []
    for api_name, label, data_type in _FIELDS[module]:
        rows.append(
            _meta(
                api_name,
                label,
                data_type,
                read_only=False,
                mandatory=api_name in _MANDATORY and data_type != "lookup",
            )
        )
    rows.append(
        {
            **_meta(
                FILE_FIELD,
                "Contract Files",
                "fileupload",
                read_only=False,
                mandatory=False,
                custom=True,
            ),
            "length": FILE_LIMIT,
        }
    )
    for i in range(1, extra_fields + 1):
        rows.append(
            _meta(
                f"Custom_Field_{i}",
                f"Custom Field {i}",
                "text",
                read_only=False,
                mandatory=False,
                custom=True,
            )
        )
    for api_name, label, data_type, read_only in _SYSTEM:
        rows.append(_meta(api_name, label, data_type, read_only=read_only, mandatory=False))
    return rows


def _meta(
    api_name: str,
    label: str,
    data_type: str,
    *,
    read_only: bool,
    mandatory: bool,
    custom: bool = False,
) -> dict[str, Any]:
    return {
        "api_name": api_name,
        "display_label": label,
        "field_label": label,
        "data_type": data_type,
        "json_type": "jsonarray"
        if data_type == "fileupload"
        else ("jsonobject" if "lookup" in data_type else "string"),
        "read_only": read_only,
        "field_read_only": read_only,
        "system_mandatory": mandatory,
        "custom_field": custom,
        "visible": True,
        "unique": None,
        "id": str(abs(hash_text(api_name)) % 10**6 + 4876876000000050000),
    }


def hash_text(text: str) -> int:
    """A stable (per process and across processes) small hash, unlike hash()."""
    value = 0
    for char in text:
        value = (value * 131 + ord(char)) % (2**61 - 1)
    return value


def zoho_time(iso: str | None, rng: random.Random | None = None) -> str:
    """'2023-10-22T15:48:09Z' -> Zoho's '2023-10-22T17:48:09+02:00' style (offset kept UTC)."""
    stamp = datetime.fromisoformat((iso or "2024-01-01T00:00:00Z").replace("Z", "+00:00"))
    if rng is not None:
        stamp += timedelta(minutes=rng.randrange(0, 600))
    return stamp.isoformat(timespec="seconds")


def records_for(
    entity: str, count: int, seed: int, extra_fields: int = 0
) -> tuple[GeneratedData, list[dict[str, Any]]]:
    """Generated rows as Zoho records: record i gets id ID_BASE + i."""
    data = generate(entity, count, seed)
    rng = random.Random(f"zoho:{seed}")
    rows = [_row(entity, ID_BASE + i, row, rng, extra_fields) for i, row in enumerate(data.records)]
    return data, rows


def _row(
    entity: str, rid: int, row: dict[str, Any], rng: random.Random, extra_fields: int
) -> dict[str, Any]:
    created = zoho_time(row.get("created_at"))
    common = {
        "id": str(rid),
        "Owner": dict(OWNER),
        "Created_Time": created,
        "Modified_Time": zoho_time(row.get("created_at"), rng),
        "Created_By": dict(OWNER),
        "Modified_By": dict(OWNER),
        FILE_FIELD: [],
        "$approval_state": "approved",
        "$editable": True,
    }
    for i in range(1, extra_fields + 1):
        common[f"Custom_Field_{i}"] = f"v{i}-{rng.randrange(1000)}" if rng.random() < 0.3 else None
    if entity == "accounts":
        return {
            **common,
            "Account_Name": row["name"],
            "Website": row["website"],
            "Phone": row["phone"],
            "Industry": row["industry"],
            "Billing_City": row["city"],
            "Billing_Country": row["country"],
            "Billing_Code": row["postcode"],
        }
    person = {
        "First_Name": row["first_name"],
        "Last_Name": row["last_name"] or "Unknown",
        "Email": row["email"],
        "Phone": row["phone"],
        "Description": row.get("notes"),
    }
    if entity == "leads":
        return {
            **common,
            **person,
            "Company": row["company"],
            "Designation": row["title"],
            "Lead_Status": row.get("status"),
            "City": row["city"],
            "Country": row["country"],
            "Zip_Code": row["postcode"],
        }
    account = (
        {"name": row["company"], "id": str(4876876000000300000 + hash_text(row["company"]) % 10**5)}
        if row["company"]
        else None
    )
    return {
        **common,
        **person,
        "Title": row["title"],
        "Account_Name": account,
        "Reporting_To": None,
        "Mailing_City": row["city"],
        "Mailing_Country": row["country"],
        "Mailing_Zip": row["postcode"],
    }

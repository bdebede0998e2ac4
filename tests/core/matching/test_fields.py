"""Canonical field names, synonyms and dotted paths."""

from __future__ import annotations

import pytest

from mergedesk.core.matching.fields import (
    canonical_of,
    field_paths,
    infer_field_map,
    read_path,
)


@pytest.mark.parametrize(
    ("name", "canonical"),
    [("E-mail", "email"), ("Email Address", "email"), ("Mobile", "phone"),
     ("phone_number", "phone"), ("Company Name", "company"), ("First_Name", "first_name"),
     ("Surname", "last_name"), ("ZIP Code", "postcode"), ("Mailing_City", "city"),
     ("additional_attributes.company_name", "company"), ("emailaddress1", "email"),
     ("Account_Name", "company"), ("Notes", None), ("identifier", None)],
)  # fmt: skip
def test_canonical_of_knows_crm_and_spreadsheet_names(name: str, canonical: str | None) -> None:
    assert canonical_of(name) == canonical


def test_an_accounts_name_is_the_company() -> None:
    assert canonical_of("Name", "accounts") == "company"
    assert canonical_of("Name", "contacts") == "name"


def test_infer_field_map_collects_several_phone_fields() -> None:
    field_map = infer_field_map(["First_Name", "Phone", "Mobile", "Home_Phone", "Other_Phone"])
    assert field_map == {"first_name": "First_Name", "phone": ["Phone", "Mobile", "Home_Phone"]}


def test_chatwoot_contact_fields_map_through_nested_attributes() -> None:
    sample = [{
        "name": "Ann Lee", "email": "ann@x.com", "phone_number": "+14155550123",
        "identifier": "u-1",
        "additional_attributes": {"company_name": "Acme", "city": "Paris", "country": "France"},
    }]  # fmt: skip
    field_map = infer_field_map(field_paths(sample))
    assert field_map == {
        "name": "name", "email": ["email"], "phone": ["phone_number"],
        "company": "additional_attributes.company_name", "city": "additional_attributes.city",
        "country": "additional_attributes.country",
    }  # fmt: skip


def test_lookup_dicts_are_not_expanded() -> None:
    assert field_paths([{"Account_Name": {"name": "Acme", "id": "1"}}]) == ["Account_Name"]


@pytest.mark.parametrize(
    ("path", "value"),
    [("a", 1), ("b.c", 2), ("b.x", None), ("a.c", None), ("x.y", 3), ("missing", None)],
)
def test_read_path(path: str, value: object) -> None:
    fields = {"a": 1, "b": {"c": 2}, "x.y": 3}
    assert read_path(fields, path) == value

"""Canonical field names the engine compares, the synonyms CRMs and spreadsheets use for
them, and reading a (dotted) field path from a record. No Qt, no I/O."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

# Canonical inputs of the engine. email and phone may come from several fields each.
CANONICAL_FIELDS = (
    "first_name", "last_name", "name", "email", "phone", "company", "website",
    "city", "postcode", "country", "address", "birth_date",
)  # fmt: skip
MULTI_VALUED = frozenset({"email", "phone"})
MAX_VALUES = 3  # at most this many source fields per multi-valued canonical field

FieldMap = dict[str, str | list[str]]

_SYNONYMS: dict[str, str] = {
    squashed: canonical
    for canonical, words in {
        "first_name": "firstname first givenname forename vorname prenom fname",
        "last_name": "lastname last surname familyname nachname nom lname",
        "name": "name fullname contactname displayname contact personname",
        "email": """email emailaddress mail email1 email2 email3 email4 email5 emailaddress1
            emailaddress2 emailaddress3 primaryemail workemail businessemail secondaryemail
            personalemail otheremail homeemail emailid""",
        "phone": """phone phonenumber telephone tel phone1 phone2 phone3 phone4 phone5
            telephone1 telephone2 telephone3 mobile mobilephone mobilenumber cell cellphone
            workphone businessphone homephone otherphone directphone handy telefon""",
        "company": """company companyname organization organisation org accountname account
            employer firm firma businessname parentcustomerid parentcustomer""",
        "website": "website web url homepage websiteurl domain site webaddress webpage",
        "city": "city town ort stadt locality mailingcity billingcity address1city",
        "postcode": """postcode postalcode zip zipcode plz postleitzahl mailingzip billingcode
            billingzip mailingcode address1postalcode zippostalcode""",
        "country": "country countrycode mailingcountry billingcountry address1country land",
        "address": """address street streetaddress address1 addressline1 mailingstreet
            billingstreet address1line1 strasse""",
        "birth_date": "birthdate dateofbirth dob birthday geburtsdatum",
    }.items()
    for squashed in words.split()
}
_NON_ALNUM = re.compile(r"[^a-z0-9]")
_PREFIXES = ("additionalattributes", "customattributes", "custom")


def squash(name: str) -> str:
    """Field name reduced for synonym lookup: "E-mail Address" -> "emailaddress"."""
    return _NON_ALNUM.sub("", name.lower())


def canonical_of(path: str, entity: str = "contacts") -> str | None:
    """The canonical field a CRM field or CSV header stands for, or None."""
    squashed = squash(path.rsplit(".", 1)[-1])
    for prefix in _PREFIXES:  # Chatwoot nests fields under additional_attributes
        squashed = squashed.removeprefix(prefix) or squashed
    canonical = _SYNONYMS.get(squashed)
    if entity == "accounts" and canonical == "name":
        return "company"  # an account's "Name" is the company name
    return canonical


def infer_field_map(paths: Iterable[str], entity: str = "contacts") -> FieldMap:
    """Canonical field -> source field(s), guessed from field names in their given order."""
    found: dict[str, list[str]] = {}
    for path in paths:
        canonical = canonical_of(path, entity)
        if canonical is not None:
            found.setdefault(canonical, []).append(path)
    return {
        canonical: sources[:MAX_VALUES] if canonical in MULTI_VALUED else sources[0]
        for canonical, sources in found.items()
    }


def field_paths(sample: Iterable[Mapping[str, Any]]) -> list[str]:
    """Field names of some records, with one level of nested dicts as dotted paths."""
    seen: dict[str, None] = {}
    for fields in sample:
        for key, value in fields.items():
            if isinstance(value, Mapping) and not {"name", "id"} & value.keys():
                seen.update((f"{key}.{inner}", None) for inner in value)
            else:
                seen[key] = None
    return list(seen)


def read_path(fields: Mapping[str, Any], path: str) -> Any:
    """The value at a field name, or at a dotted path into nested dicts; None if absent."""
    if path in fields or "." not in path:
        return fields.get(path)
    value: Any = fields
    for part in path.split("."):
        if not isinstance(value, Mapping):
            return None
        value = value.get(part)
    return value

"""Small builders of core objects for the UI tests (no network)."""

from __future__ import annotations

from mergedesk.core.models import DuplicateGroup, Evidence, Record
from mergedesk.providers.chatwoot.mapping import STANDARD_FIELDS

FIELDS = STANDARD_FIELDS


def contact(rid: str, **fields) -> Record:
    values = {"name": None, "email": None, "phone_number": None, "identifier": None}
    values.update({k.replace("__", "."): v for k, v in fields.items()})
    return Record(id=rid, fields=values)


def group(gid: str, *ids: str, score: float = 0.9) -> DuplicateGroup:
    return DuplicateGroup(id=gid, score=score, records=ids,
                          evidence=(Evidence(a=ids[0], b=ids[1], field="email", score=1.0),))


def ana_group() -> tuple[DuplicateGroup, list[Record]]:
    """Three records of one person: differing names, a blank phone on the first."""
    records = [
        contact("11", name="Ana Núñez", email="ana@example.com",
                additional_attributes__city="Madrid", labels=["vip"]),
        contact("12", name="Ana Nunez", email="ana.nunez@example.com",
                phone_number="+34911222333", labels=["lead"]),
        contact("13", name="A. Núñez", email="ana@example.com",
                additional_attributes__city="Madrid"),
    ]
    return group("g1", "11", "12", "13"), records

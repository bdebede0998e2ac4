"""Fills a PipelinerState from the data generator the way a Pipeliner space looks: UUID
ids, contacts with email1/phone1 and a quick account name, accounts with a home page,
some custom-field values, and files (CloudObjects) linked to about one record in five."""

from __future__ import annotations

import random
import uuid
from typing import Any

from mergedesk.sandbox.generator import GeneratedData, generate
from mergedesk.sandbox.pipeliner.state import PipelinerState

_SEGMENTS = ("SMB", "Mid-market", "Enterprise", None, None)
_FILES = (("proposal.pdf", "application/pdf"), ("contract.docx",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
          ("logo.png", "image/png"), ("notes.txt", "text/plain"))


def populate(state: PipelinerState, seed: int, records: int, entity: str) -> GeneratedData:
    """`records` generated rows of `entity` (contacts or accounts; record i gets
    `state.order[...][i]`), and a quarter as many of the other. Returns the data and
    its truth."""
    rng = random.Random(f"pipeliner:{seed}")
    other = "accounts" if entity == "contacts" else "contacts"
    data = generate(entity, records, seed)
    extra = generate(other, records // 4, seed + 1)
    for generated in (data, extra):
        plural = "Contacts" if generated.entity == "contacts" else "Accounts"
        make = _contact if plural == "Contacts" else _account
        for record in generated.records:
            row = make(record)
            row["id"] = _uuid(rng)
            row["cf_segment"] = rng.choice(_SEGMENTS)
            row["cf_customer_no"] = f"C-{len(state.order[plural]) + 1:06d}"
            state.add(plural, row)
            if rng.random() < 0.2:
                _attach(state, rng, plural, row)
    return data


def _contact(record: dict[str, Any]) -> dict[str, Any]:
    stamp = _stamp(record.get("created_at"))
    return {
        "created": stamp, "modified": stamp,
        "first_name": record.get("first_name"), "middle_name": None,
        "last_name": record.get("last_name"), "title": None, "position": record.get("title"),
        "email1": record.get("email"), "email2": None,
        "phone1": record.get("phone"), "phone2": None,
        "quick_account_name": record.get("company"), "address": None,
        "city": record.get("city"), "state_province": None,
        "zip_code": record.get("postcode"), "country": record.get("country"),
        "comments": record.get("notes"), "cf_linkedin": None,
    }


def _account(record: dict[str, Any]) -> dict[str, Any]:
    stamp = _stamp(record.get("created_at"))
    return {
        "created": stamp, "modified": stamp, "name": record.get("name"), "email1": None,
        "phone1": record.get("phone"), "phone2": None, "home_page": record.get("website"),
        "address": None, "city": record.get("city"), "state_province": None,
        "zip_code": record.get("postcode"), "country": record.get("country"), "comments": None,
    }


def _attach(state: PipelinerState, rng: random.Random, plural: str, row: dict[str, Any]) -> None:
    key = "contact_id" if plural == "Contacts" else "account_id"
    for _ in range(rng.choice((1, 1, 2))):
        filename, mime = rng.choice(_FILES)
        cloud_id, relation_id = _uuid(rng), _uuid(rng)
        state.cloud_objects[cloud_id] = {
            "id": cloud_id, "filename": filename, "mime_type": mime,
            "size": rng.randrange(2_000, 2_000_000), "type": 1, "is_deleted": False,
            "url": f"https://files.example.invalid/{cloud_id}/{filename}",
            "created": row["created"], "modified": row["created"],
        }
        state.relations[relation_id] = {
            "id": relation_id, "cloud_object_id": cloud_id, "contact_id": None,
            "account_id": None, key: row["id"], "is_deleted": False,
            "created": row["created"], "modified": row["created"], "revision": 1,
        }


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _stamp(iso: str | None) -> str:
    # Pipeliner writes timestamps as '2019-02-06 09:15:04.123000+00:00'.
    return (iso or "2019-01-01T00:00:00Z").replace("T", " ").replace("Z", ".000000+00:00")

"""Fills a LeadLexState from the data generator the way a LeadLex workspace looks: UUIDs,
full names with derived first/last names, job titles, LinkedIn URLs for some, tags,
notes as their own rows, and counts of the activities a merge re-homes."""

from __future__ import annotations

import random
import uuid
from typing import Any

from mergedesk.sandbox.generator import GeneratedData, generate
from mergedesk.sandbox.leadlex.state import COUNTED, LeadLexState, split_name


def populate(state: LeadLexState, seed: int, records: int) -> tuple[GeneratedData, list[str]]:
    """`records` generated contacts; returns the data and the contact id of each record."""
    rng = random.Random(f"leadlex:{seed}")
    data = generate("contacts", records, seed)
    ids = []
    for record in data.records:
        row = _contact(record, rng)
        state.contacts[row["id"]] = row
        ids.append(row["id"])
        if record.get("notes"):
            state.add_note(row["id"], record["notes"], created=row["created_date"])
    return data, ids


def _contact(record: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    full = " ".join(p for p in (record.get("first_name"), record.get("last_name")) if p)
    first, last = split_name(full)
    stamp = (record.get("created_at") or "2024-01-01T00:00:00Z").replace("Z", ".000000Z")
    slug = "".join(ch for ch in full.lower().replace(" ", "-") if ch.isalnum() or ch == "-")
    return {
        "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "first_name": first, "last_name": last, "full_name": full or None,
        "email": record.get("email"), "phone": record.get("phone"),
        "job_title": record.get("title"), "company_name": record.get("company"),
        "related_company_id": None,
        "linkedin_url": f"https://linkedin.com/in/{slug}" if slug and rng.random() < 0.4 else None,
        "priority": rng.choice((None, 1, 2, 3)), "tags": list(record.get("labels") or []),
        "custom_fields": {}, "created_date": stamp, "updated_date": stamp,
        "related": {kind: rng.randrange(0, 6) for kind in COUNTED},
    }

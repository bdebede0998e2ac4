"""The data of one fake LeadLex workspace: contacts, their notes, the UUIDs retired by
merges, and the merge and PATCH rules of docs.leadlex.com (contacts/update, bulk
contacts-merge, data-integrity). Thread-safe through `lock`; no HTTP here.

A retired UUID reads as 404 not_found: the merge page says duplicates are "retired" and
the contact object documents no marker for it, so the fake treats them as gone."""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

PATCHABLE = ("full_name", "email", "phone", "job_title", "company_name", "linkedin_url", "notes")
# What a merge folds from duplicates into the primary (first/last name follow full_name).
MERGED = ("full_name", "email", "phone", "job_title", "company_name", "linkedin_url",
          "priority", "tags", "related_company_id")
COUNTED = ("activities", "tasks", "emails", "documents", "list_memberships")


class Refused(Exception):
    """An error answer: status, LeadLex's error code and message."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


@dataclass(frozen=True)
class MergeCall:
    primary: str
    duplicates: tuple[str, ...]
    overwrite: bool
    idempotency_key: str | None


@dataclass
class LeadLexState:
    contacts: dict[str, dict[str, Any]] = field(default_factory=dict)
    notes: dict[str, dict[str, Any]] = field(default_factory=dict)
    retired: dict[str, str] = field(default_factory=dict)  # duplicate -> primary
    merge_log: list[MergeCall] = field(default_factory=list)  # merges applied (not dry runs)
    merging: set[str] = field(default_factory=set)  # contacts in a merge being processed
    lock: threading.RLock = field(default_factory=threading.RLock)

    def contact(self, contact_id: str) -> dict[str, Any]:
        with self.lock:
            row = self.contacts.get(contact_id)
            if row is None:
                raise Refused(404, "not_found", f"Contact {contact_id} not found")
            return row

    def update(self, contact_id: str, body: dict[str, Any]) -> dict[str, Any]:
        unknown = sorted(k for k in body if k not in PATCHABLE)
        if unknown:
            raise Refused(400, "validation_error", f"Unknown field(s): {', '.join(unknown)}")
        email = body.get("email")
        if email not in (None, "") and "@" not in str(email):
            raise Refused(400, "validation_error", f"email: '{email}' is not an email address")
        with self.lock:
            row = self.contact(contact_id)
            changes = {k: v for k, v in body.items() if k != "notes"}
            after = {**row, **changes}
            if not (after.get("full_name") or after.get("email")):
                raise Refused(400, "validation_error", "A contact must have at least one of "
                                                       "first_name / last_name / full_name / email")
            row.update(changes)
            if "full_name" in changes:
                row["first_name"], row["last_name"] = split_name(row["full_name"])
            if body.get("notes"):
                # The documented quirk: `notes` in a PATCH is appended, never replaced.
                self.add_note(contact_id, str(body["notes"]))
            row["updated_date"] = now_iso()
            return row

    def add_note(self, contact_id: str, content: str, created: str | None = None) -> None:
        note_id = str(uuid.uuid4())
        stamp = created or now_iso()
        self.notes[note_id] = {"id": note_id, "contact_id": contact_id, "title": "Note",
                               "content": content, "note_type": "general", "tags": [],
                               "is_pinned": False, "created_date": stamp, "updated_date": None}

    def notes_of(self, contact_id: str) -> list[dict[str, Any]]:
        with self.lock:
            rows = [n for n in self.notes.values() if n["contact_id"] == contact_id]
            return sorted(rows, key=lambda n: n["created_date"], reverse=True)

    def claim(self, ids: list[str]) -> None:
        """Mark contacts as being merged; 409 merge_conflict if another merge has one."""
        with self.lock:
            busy = sorted(i for i in ids if i in self.merging)
            if busy:
                raise Refused(409, "merge_conflict", "Duplicates reference each other in a "
                                                     f"circular chain: {', '.join(busy)} are "
                                                     "already being merged")
            self.merging.update(ids)

    def unclaim(self, ids: list[str]) -> None:
        with self.lock:
            self.merging.difference_update(ids)

    def merge(self, primary_id: str, duplicate_ids: list[str], *, overwrite: bool,
              dry_run: bool, key: str | None) -> dict[str, Any]:
        """Fold the duplicates into the primary in order: fill-only keeps the primary's
        non-empty fields; overwrite lets each duplicate's non-empty value replace them
        (undocumented beyond that; the fake applies duplicates in the order sent, so
        the last non-empty value wins). Returns the answer's `data`."""
        with self.lock:
            primary = self.contact(primary_id)
            duplicates = [self.contact(d) for d in duplicate_ids]
            result, populated = dict(primary), []
            for duplicate in duplicates:
                for name in MERGED:
                    value = duplicate.get(name)
                    if _blank(value) or not (overwrite or _blank(result.get(name))):
                        continue
                    if value != result.get(name):
                        result[name] = value
                        if name not in populated:
                            populated.append(name)
            result["first_name"], result["last_name"] = split_name(result.get("full_name"))
            counts = self._counts(duplicates)
            if not dry_run:
                self._apply(primary, result, duplicates, counts, overwrite, key)
                result = dict(primary)
            return {"primary": result, "merged_ids": list(duplicate_ids),
                    "fields_populated": populated, "counts": counts}

    def _counts(self, duplicates: list[dict[str, Any]]) -> dict[str, int]:
        counts = {"notes": sum(len(self.notes_of(d["id"])) for d in duplicates)}
        counts.update({k: sum(d["related"].get(k, 0) for d in duplicates) for k in COUNTED})
        return counts

    def _apply(self, primary: dict[str, Any], result: dict[str, Any],
               duplicates: list[dict[str, Any]], counts: dict[str, int], overwrite: bool,
               key: str | None) -> None:
        primary.update({k: v for k, v in result.items() if k != "related"})
        primary["updated_date"] = now_iso()
        for kind in COUNTED:
            primary["related"][kind] = primary["related"].get(kind, 0) + counts[kind]
        moving = {d["id"] for d in duplicates}
        for note in self.notes.values():
            if note["contact_id"] in moving:
                note["contact_id"] = primary["id"]  # re-homed
        for duplicate in duplicates:
            self.retired[duplicate["id"]] = primary["id"]
            del self.contacts[duplicate["id"]]
        self.merge_log.append(MergeCall(primary["id"], tuple(d["id"] for d in duplicates),
                                        overwrite, key))


def split_name(full_name: Any) -> tuple[str | None, str | None]:
    """The data-integrity rules: 'Müller, Hans' -> (Hans, Müller); else split on the
    last whitespace ('Jean-Claude van Damme' -> last name 'Damme')."""
    text = str(full_name or "").strip()
    if not text:
        return None, None
    if "," in text:
        last, first = (p.strip() for p in text.split(",", 1))
        return first or None, last or None
    first, _, last = text.rpartition(" ")
    return (first or None, last) if first else (None, last)


def now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _blank(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}

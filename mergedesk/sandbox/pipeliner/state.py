"""The data of one fake Pipeliner space: Accounts and Contacts (soft-deleted, as the API's
`is_deleted` / `include-deleted` show), CloudObjects and the CloudObjectRelations that
link them to records, and the merge logic. Thread-safe through `lock`; no HTTP here."""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from mergedesk.sandbox.pipeliner import schema

_RELATION_KEYS = {"Contacts": "contact_id", "Accounts": "account_id"}


class Refused(Exception):
    """An error answer: `status` and the vendor-shaped `body`."""

    def __init__(self, status: int, body: dict[str, Any]):
        super().__init__(body.get("message"))
        self.status = status
        self.body = body


@dataclass(frozen=True)
class MergeCall:
    entity: str
    master: str
    secondaries: tuple[str, ...]
    values: tuple[str, ...]  # field names the master object carried


@dataclass
class PipelinerState:
    """Rows by plural entity name, each a dict of API fields plus `is_deleted`,
    `owner_id` and `revision`. `user_id` is the API user the keys act as."""

    user_id: str = "00000000-0000-4000-8000-000000000001"
    rows: dict[str, dict[str, dict[str, Any]]] = field(
        default_factory=lambda: {"Contacts": {}, "Accounts": {}}
    )
    order: dict[str, list[str]] = field(default_factory=lambda: {"Contacts": [], "Accounts": []})
    cloud_objects: dict[str, dict[str, Any]] = field(default_factory=dict)
    relations: dict[str, dict[str, Any]] = field(default_factory=dict)
    merge_log: list[MergeCall] = field(default_factory=list)
    lock: threading.RLock = field(default_factory=threading.RLock)

    def add(self, entity: str, row: dict[str, Any]) -> dict[str, Any]:
        with self.lock:
            row.setdefault("is_deleted", False)
            row.setdefault("owner_id", self.user_id)
            row.setdefault("revision", 1)
            self.rows[entity][row["id"]] = row
            self.order[entity].append(row["id"])
            return row

    def live(self, entity: str, include_deleted: bool = False) -> list[dict[str, Any]]:
        with self.lock:
            rows = (self.rows[entity][i] for i in self.order[entity])
            return [r for r in rows if include_deleted or not r["is_deleted"]]

    def get(self, entity: str, entity_id: str, include_deleted: bool = False) -> dict[str, Any]:
        with self.lock:
            row = self.rows[entity].get(entity_id)
            if row is None or (row["is_deleted"] and not include_deleted):
                raise Refused(404, schema.entity_not_found(schema.ENTITY_NAMES[entity], entity_id))
            return row

    def update(self, entity: str, entity_id: str, values: dict[str, Any]) -> dict[str, Any]:
        with self.lock:
            row = self.get(entity, entity_id)
            check_values(entity, entity_id, values, row)
            row.update(values)
            _touch(row)
            return row

    def create(self, entity: str, values: dict[str, Any]) -> dict[str, Any]:
        """POST /entities/{Entity}: the same field checks as an update, every required
        field present; the API assigns the id (a UUID)."""
        noun = schema.ENTITY_NAMES[entity]
        missing = {n: f"Non-null field '{noun}'.{n}' is null or empty." for n, meta in
                   schema.known(noun).items() if meta["system_required"]
                   and not meta["system_readonly"] and _blank(values.get(n))}
        if missing:
            raise Refused(422, schema.field_errors(noun, "", missing))
        check_values(entity, "", values, {})
        stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f+00:00")
        return self.add(entity, {**values, "id": str(uuid.uuid4()), "created": stamp,
                                 "modified": stamp})

    def files_of(self, entity: str, entity_id: str) -> list[dict[str, Any]]:
        key = _RELATION_KEYS[entity]
        with self.lock:
            return [
                r
                for r in self.relations.values()
                if r.get(key) == entity_id and not r["is_deleted"]
            ]

    def merge(
        self,
        entity: str,
        master: dict[str, Any],
        secondary_ids: list[str],
        *,
        tier: str,
        delete_rights: bool,
    ) -> dict[str, Any]:
        """Pipeliner's merge: the master object's fields are written as sent; a field it
        leaves out keeps the master's value or, when blank, takes the first non-blank
        secondary's (the app's Smart Mode); secondaries are deleted and their files'
        relations move to the master."""
        with self.lock:
            master_id = str(master.get("id") or "")
            noun = schema.ENTITY_NAMES[entity]
            _check_rights(tier, delete_rights, noun)
            target = self.get(entity, master_id)
            secondaries = [self.get(entity, sid) for sid in secondary_ids]
            for row in secondaries:
                if row["owner_id"] != self.user_id:
                    raise Refused(
                        403,
                        schema.coded(
                            403,
                            2013,
                            "ERROR_MISSING_RIGHTS",
                            f"Only the owner of {noun} '{row['id']}' can delete it by merging.",
                        ),
                    )
            values = {k: v for k, v in master.items() if k != "id"}
            check_values(entity, master_id, values, target)
            self.merge_log.append(
                MergeCall(entity, master_id, tuple(secondary_ids), tuple(sorted(values)))
            )
            self._fill_blanks(entity, target, values, secondaries)
            target.update(values)
            _touch(target)
            self._retire(entity, master_id, secondaries)
            return target

    def _fill_blanks(
        self,
        entity: str,
        target: dict[str, Any],
        sent: dict[str, Any],
        secondaries: list[dict[str, Any]],
    ) -> None:
        for name in schema.writable(schema.ENTITY_NAMES[entity]):
            if name in sent or not _blank(target.get(name)):
                continue
            for row in secondaries:
                if not _blank(row.get(name)):
                    target[name] = row[name]
                    break

    def _retire(self, entity: str, master_id: str, secondaries: list[dict[str, Any]]) -> None:
        key = _RELATION_KEYS[entity]
        moving = {row["id"] for row in secondaries}
        for relation in self.relations.values():
            if relation.get(key) in moving:
                relation[key] = master_id
                _touch(relation)
        for row in secondaries:
            row["is_deleted"] = True
            _touch(row)

    def dump(self) -> dict[str, Any]:
        with self.lock:
            return {
                "rows": {e: list(rows.values()) for e, rows in self.rows.items()},
                "cloud_objects": list(self.cloud_objects.values()),
                "relations": list(self.relations.values()),
            }


def check_values(entity: str, entity_id: str, values: dict[str, Any], row: dict[str, Any]) -> None:
    """Refuse unknown fields (400), read-only fields, a blank required field or a
    malformed email (422 with one field error each)."""
    noun = schema.ENTITY_NAMES[entity]
    known = schema.known(noun)
    unknown = sorted(k for k in values if k not in known)
    if unknown:
        raise Refused(400, schema.invalid(f"Unknown field(s) for {noun}: {', '.join(unknown)}"))
    problems: dict[str, str] = {}
    for name, value in values.items():
        meta = known[name]
        if meta["system_readonly"]:
            problems[name] = f"Field '{noun}'.{name} is read-only."
        elif meta["system_required"] and _blank(value):
            problems[name] = f"Non-null field '{noun}'[{entity_id}].{name}' is null or empty."
        elif meta["type_id"] == "email" and not _blank(value) and "@" not in str(value):
            problems[name] = f"Value '{value}' of field '{name}' is not a valid email address."
    if problems:
        raise Refused(422, schema.field_errors(noun, entity_id, problems))


def _check_rights(tier: str, delete_rights: bool, noun: str) -> None:
    # The help centre names the preconditions; the API's code and wording for them are
    # not documented, so these refusals are the fake's own.
    if tier not in ("business", "enterprise"):
        raise Refused(
            403,
            schema.coded(
                403,
                2012,
                "ERROR_FEATURE_NOT_ALLOWED",
                f"Merging is not available in the {tier.title()} plan.",
            ),
        )
    if not delete_rights:
        raise Refused(
            403,
            schema.coded(
                403, 2013, "ERROR_MISSING_RIGHTS", f"You do not have the right to delete {noun}."
            ),
        )


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value == []


def _touch(row: dict[str, Any]) -> None:
    row["modified"] = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f+00:00")
    row["revision"] = row.get("revision", 0) + 1

"""The fake Chatwoot's data: accounts, contacts, labels, conversations, notes, contact
inboxes and custom attribute definitions, with the vendor's validations and its real
merge semantics (app/actions/contact_merge_action.rb). In memory, one lock. No HTTP."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

# Contact columns a PUT may change (contacts_controller#permitted_params).
SCALAR_KEYS = ("name", "identifier", "email", "phone_number", "blocked")
HASH_KEYS = ("additional_attributes", "custom_attributes")
# What ContactMergeAction#merge_and_remove_mergee_contact merges; labels are not in it.
MERGED_KEYS = (
    "identifier",
    "name",
    "email",
    "phone_number",
    "additional_attributes",
    "custom_attributes",
)
# Devise.email_regexp, and the Contact model's phone format. The phone pattern has no
# leading anchor in Chatwoot's source, so 'x+14155550123' passes there too.
_EMAIL = re.compile(r"\A[^@\s]+@[^@\s]+\Z")
_PHONE = re.compile(r"\+[1-9]\d{1,14}\Z")


class NotFound(Exception):
    """ActiveRecord::RecordNotFound: the vendor answers 404 'Resource could not be found'."""


class Invalid(Exception):
    """ActiveRecord::RecordInvalid: 422 with the full messages and the attribute names."""

    def __init__(self, errors: list[tuple[str, str]]) -> None:
        self.attributes = [attribute for attribute, _ in errors]
        self.message = ", ".join(message for _, message in errors)
        super().__init__(self.message)


class MergeCall(NamedTuple):
    """One POST /actions/contact_merge the fake handled: compares equal to (base, mergee)."""

    base: int
    mergee: int


def is_blank(value: Any) -> bool:
    """Rails' blank?: nil, false, empty or whitespace-only strings, empty hashes/arrays."""
    if value is None or value is False:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, dict | list) and not value


def deep_merge(into: dict[str, Any], winner: dict[str, Any]) -> dict[str, Any]:
    """ActiveSupport Hash#deep_merge: `winner`'s keys win; nested hashes merge recursively."""
    merged = dict(into)
    for key, value in winner.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


class ChatwootState:
    """Everything the fake stores. Public dicts are for tests to read; take `lock` before
    changing them from outside while the server runs."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.accounts: dict[int, str] = {}
        self.member_of: set[int] = set()  # accounts the token's user belongs to
        self.contacts: dict[int, dict[str, Any]] = {}
        self.labels: dict[int, list[str]] = {}
        self.conversations: dict[int, dict[str, Any]] = {}
        self.notes: dict[int, dict[str, Any]] = {}
        # By contact id: every listed contact shows its inboxes, so they must be cheap to find.
        self.contact_inboxes: dict[int, list[dict[str, Any]]] = {}
        self.inboxes: dict[int, dict[str, Any]] = {}
        self.attribute_definitions: list[dict[str, Any]] = []
        self.merge_log: list[MergeCall] = []
        # Fault for post-merge checks: each merge loses this many of the mergee's
        # conversations instead of moving them (a CRM that drops related items).
        self.lose_conversations_on_merge = 0
        self._ids: dict[str, int] = {}
        # Bumped by every write, so listings can be memoised between writes.
        self.generation = 0
        self._memo: dict[Any, tuple[tuple[int, int], Any]] = {}

    def next_id(self, table: str) -> int:
        with self.lock:
            self._ids[table] = self._ids.get(table, 0) + 1
            return self._ids[table]

    # --- reads ---------------------------------------------------------------------------
    def memoised(self, key: Any, build: Callable[[], Any]) -> Any:
        """`build()`, remembered until the data changes: a write through this class, or
        a contact added or removed directly (tests do that). Rows stay the live dicts,
        so only which rows and their order can be memoised, never their values."""
        with self.lock:
            stamp = (self.generation, len(self.contacts))
            hit = self._memo.get(key)
            if hit is None or hit[0] != stamp:
                hit = (stamp, build())
                self._memo[key] = hit
            return hit[1]

    def contact(self, account_id: int, contact_id: int | None) -> dict[str, Any]:
        """Current.account.contacts.find(id): another account's contact is 'not found'."""
        with self.lock:
            row = self.contacts.get(contact_id) if contact_id is not None else None
            if row is None or row["account_id"] != account_id:
                raise NotFound(f"Couldn't find Contact with 'id'={contact_id}")
            return row

    def account_contacts(self, account_id: int) -> list[dict[str, Any]]:
        with self.lock:
            return [c for c in self.contacts.values() if c["account_id"] == account_id]

    def resolved(self, account_id: int, labels: Iterable[str] = ()) -> list[dict[str, Any]]:
        """Contact.resolved_contacts: a non-empty email, phone_number or identifier; with
        `labels`, only contacts tagged with any of them."""
        wanted = set(labels)
        with self.lock:
            # Spelled out, not any(...) over the keys: this runs for every listed page,
            # and a generator per contact made paging 5,000 contacts CPU-bound.
            rows = [
                c
                for c in self.contacts.values()
                if c["account_id"] == account_id
                and (c["email"] or c["phone_number"] or c["identifier"])
            ]
            if not wanted:
                return rows
            return [c for c in rows if wanted.intersection(self.labels.get(c["id"], ()))]

    def search(self, account_id: int, query: str) -> list[dict[str, Any]]:
        """contacts#search: ILIKE on name, email and phone, LIKE on identifier, or the id."""
        needle = query.strip()
        low = needle.lower()
        with self.lock:
            return [
                c
                for c in self.account_contacts(account_id)
                if any(low in (c[key] or "").lower() for key in ("name", "email", "phone_number"))
                or needle in (c["identifier"] or "")
                or (needle.isdigit() and c["id"] == int(needle))
            ]

    def contact_inboxes_of(self, contact_id: int) -> list[dict[str, Any]]:
        with self.lock:
            return list(self.contact_inboxes.get(contact_id, ()))

    def conversations_of(self, contact_id: int) -> list[dict[str, Any]]:
        with self.lock:
            return [c for c in self.conversations.values() if c["contact_id"] == contact_id]

    def notes_of(self, contact_id: int) -> list[dict[str, Any]]:
        with self.lock:
            return [n for n in self.notes.values() if n["contact_id"] == contact_id]

    # --- writes --------------------------------------------------------------------------
    def update(self, account_id: int, contact_id: int, params: dict[str, Any]) -> dict[str, Any]:
        """contacts#update: scalars replace, the two attribute hashes are MERGED into the
        stored ones; then the model's validations. Raises NotFound or Invalid."""
        with self.lock:
            row = self.contact(account_id, contact_id)
            changes = permitted(params)
            for key in HASH_KEYS:
                if key in changes:
                    changes[key] = {**row[key], **changes[key]}
            self._save(row, changes)
            return row

    def create(self, account_id: int, params: dict[str, Any]) -> dict[str, Any]:
        """contacts#create: `contacts.new(permitted_params).save!` — the same strong
        parameters and validations as an update; a taken email/phone/identifier is 422."""
        with self.lock:
            now = int(time.time())
            row: dict[str, Any] = {
                "id": 0, "account_id": account_id, "name": "", "email": None,
                "phone_number": None, "identifier": None, "blocked": False,
                "additional_attributes": {}, "custom_attributes": {},
                "created_at": now, "updated_at": now, "last_activity_at": None,
            }
            self._save(row, permitted(params))  # raises Invalid before an id is taken
            row["id"] = self.next_id("contacts")
            self.contacts[row["id"]] = row
            return row

    def set_labels(self, account_id: int, contact_id: int, labels: list[str]) -> list[str]:
        """POST /contacts/:id/labels replaces the whole list."""
        with self.lock:
            self.contact(account_id, contact_id)
            self.labels[contact_id] = list(
                dict.fromkeys(label.strip() for label in labels if label.strip())
            )
            self.generation += 1
            return self.labels[contact_id]

    def merge(self, account_id: int, base_id: int | None, mergee_id: int | None) -> dict[str, Any]:
        """ContactMergeAction: both contacts must be in the account (else NotFound);
        base == mergee does nothing. Conversations, notes and contact inboxes move to the
        base; the mergee is destroyed FIRST (so the base can take its unique email or
        phone); then the base gets mergee.compact_blank.deep_merge(base.compact_blank) over
        MERGED_KEYS. Labels are not carried over."""
        with self.lock:
            base = self.contact(account_id, base_id)
            mergee = self.contact(account_id, mergee_id)
            if base["id"] == mergee["id"]:
                return base
            self._lose_conversations(mergee["id"])
            moved = self.contact_inboxes.pop(mergee["id"], [])
            self.contact_inboxes.setdefault(base["id"], []).extend(moved)
            for table in (self.conversations.values(), self.notes.values(), moved):
                for item in table:
                    if item["contact_id"] == mergee["id"]:
                        item["contact_id"] = base["id"]
            # compact_blank is top-level only: a blank value nested in the base's hashes
            # still wins over the mergee's, exactly as in the vendor's code.
            theirs = {k: mergee[k] for k in MERGED_KEYS if not is_blank(mergee[k])}
            ours = {k: base[k] for k in MERGED_KEYS if not is_blank(base[k])}
            self.destroy(mergee["id"])
            self._save(base, deep_merge(theirs, ours))
            return base

    def _lose_conversations(self, contact_id: int) -> None:
        lost = [cid for cid, c in self.conversations.items() if c["contact_id"] == contact_id]
        for cid in lost[: self.lose_conversations_on_merge]:
            del self.conversations[cid]

    def destroy(self, contact_id: int) -> None:
        """Contact#destroy!: its labels (taggings) and contact inboxes go with it."""
        with self.lock:
            del self.contacts[contact_id]
            self.labels.pop(contact_id, None)
            self.contact_inboxes.pop(contact_id, None)
            self.generation += 1

    def _save(self, row: dict[str, Any], changes: dict[str, Any]) -> None:
        candidate = {**row, **changes}
        if isinstance(candidate.get("email"), str):
            candidate["email"] = candidate["email"].lower()  # Contact#prepare_email_attribute
        errors = self._validate(candidate)
        if errors:
            raise Invalid(errors)
        candidate["updated_at"] = int(time.time())
        row.update(candidate)
        self.generation += 1

    def _validate(self, c: dict[str, Any]) -> list[tuple[str, str]]:
        errors: list[tuple[str, str]] = []
        if not is_blank(c["email"]) and not _EMAIL.search(c["email"]):
            errors.append(("email", "Email Invalid email"))
        if not is_blank(c["phone_number"]) and not _PHONE.search(c["phone_number"]):
            errors.append(("phone_number", "Phone number should be in e164 format"))
        others = [
            o
            for o in self.contacts.values()
            if o["account_id"] == c["account_id"] and o["id"] != c["id"]
        ]
        for key, label, fold in (
            ("email", "Email", str.lower),
            ("phone_number", "Phone number", str),
            ("identifier", "Identifier", str),
        ):
            value = c[key]
            if not is_blank(value) and any(o[key] and fold(o[key]) == fold(value) for o in others):
                errors.append((key, f"{label} has already been taken"))
        return errors

    def dump(self) -> dict[str, Any]:
        """A JSON-ready copy of everything, for GET /_sandbox/state."""
        with self.lock:
            return {
                "accounts": [
                    {"id": i, "name": n, "member": i in self.member_of}
                    for i, n in self.accounts.items()
                ],
                "contacts": [
                    dict(c, labels=self.labels.get(c["id"], [])) for c in self.contacts.values()
                ],
                "conversations": list(self.conversations.values()),
                "notes": list(self.notes.values()),
                "contact_inboxes": [ci for rows in self.contact_inboxes.values() for ci in rows],
                "custom_attribute_definitions": list(self.attribute_definitions),
                "merges": [m._asdict() for m in self.merge_log],
            }


def permitted(params: dict[str, Any]) -> dict[str, Any]:
    """Rails strong parameters: unknown keys vanish, scalars become the column's string,
    a hash where a scalar belongs (or the reverse) is dropped without an error."""
    out: dict[str, Any] = {}
    for key in SCALAR_KEYS:
        if key not in params:
            continue
        value = params[key]
        if isinstance(value, dict | list):
            continue
        if key == "blocked":
            out[key] = value in (True, "true", "1", 1, "t")
        else:
            out[key] = value if value is None or isinstance(value, str) else _text(value)
    for key in HASH_KEYS:
        if isinstance(params.get(key), dict):
            out[key] = dict(params[key])
    return out


def _text(value: Any) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else str(value)

"""The fake Dataverse environment's data: account, contact, lead and incident rows with
their attribute metadata, annotations, and the Merge action as Microsoft documents it
(seed 003; learn.microsoft.com "Merge table rows using the Web API"; the merge checks
of markcarrington.dev "MSDyn365 Internals: Merge"). In memory, one lock. No HTTP."""

from __future__ import annotations

import random
import threading
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from mergedesk.sandbox.generator import GeneratedData, generate

TABLES = {"account": ("accounts", "accountid"), "contact": ("contacts", "contactid"),
          "lead": ("leads", "leadid"), "incident": ("incidents", "incidentid")}
ENTITY_TABLE = {"accounts": "account", "contacts": "contact", "leads": "lead",
                "incidents": "incident"}
_PARENT = {"contact": "_parentcustomerid_value", "account": "_parentaccountid_value",
           "lead": "_parentaccountid_value", "incident": "_customerid_value"}
_PERSON = (("firstname", "First Name", "String"), ("lastname", "Last Name", "String"),
           ("emailaddress1", "Email", "String"), ("telephone1", "Business Phone", "String"),
           # The secondary slots and contact preferences of the contact/lead tables
           # (MS Learn, contact EntityType: emailaddress2/3, telephone2/3, mobilephone,
           # donotemail, donotbulkemail, donotphone).
           ("emailaddress2", "Email Address 2", "String"),
           ("emailaddress3", "Email Address 3", "String"),
           ("telephone2", "Home Phone", "String"), ("telephone3", "Telephone 3", "String"),
           ("mobilephone", "Mobile Phone", "String"),
           ("donotemail", "Do not allow Emails", "Boolean"),
           ("donotbulkemail", "Do not allow Bulk Emails", "Boolean"),
           ("donotphone", "Do not allow Phone Calls", "Boolean"),
           ("jobtitle", "Job Title", "String"), ("address1_city", "City", "String"),
           ("address1_country", "Country/Region", "String"),
           ("address1_postalcode", "ZIP/Postal Code", "String"),
           ("description", "Description", "Memo"))
_COLUMNS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "contact": _PERSON,
    "lead": (*_PERSON, ("companyname", "Company Name", "String")),
    "account": (("name", "Account Name", "String"), ("websiteurl", "Website", "String"),
                ("telephone1", "Main Phone", "String"), ("address1_city", "City", "String"),
                ("address1_country", "Country/Region", "String"),
                ("address1_postalcode", "ZIP/Postal Code", "String"),
                ("description", "Description", "Memo")),
    "incident": (("title", "Case Title", "String"), ("description", "Description", "Memo"),
                 ("emailaddress", "Email Address", "String")),
}
_READ_ONLY = (("createdon", "Created On", "DateTime"), ("modifiedon", "Modified On", "DateTime"),
              ("statecode", "Status", "State"), ("statuscode", "Status Reason", "Status"),
              ("masterid", "Master ID", "Lookup"), ("ownerid", "Owner", "Owner"))


class Refused(Exception):
    """A Dataverse error answer: status, code and message."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


@dataclass
class MergeCall:
    table: str
    target: str
    subordinate: str
    update_content: dict[str, Any]
    parenting_checks: bool


@dataclass
class DataverseState:
    rows: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    annotations: dict[str, dict[str, Any]] = field(default_factory=dict)
    merge_log: list[MergeCall] = field(default_factory=list)
    lock: threading.RLock = field(default_factory=threading.RLock)

    def attributes(self, table: str) -> list[dict[str, Any]]:
        rows = [_attr(n, label, kind, update=True) for n, label, kind in _COLUMNS[table]]
        rows += [_attr(n, label, kind, update=False) for n, label, kind in _READ_ONLY]
        rows.append(_attr(TABLES[table][1], "ID", "Uniqueidentifier", update=False))
        rows.append({**_attr("masteridname", "", "Virtual", update=False),
                     "AttributeOf": "masterid"})
        if table != "incident":
            rows.append(_attr("merged", "Merged", "Boolean", update=False))
        if table in ("contact", "lead"):
            rows.append(_attr("fullname", "Full Name", "String", update=False))
        rows.append(_attr(_PARENT[table][1:-6], "Parent", "Customer" if table in (
            "contact", "incident") else "Lookup", update=False))  # read as _<name>_value
        return rows

    def updatable(self, table: str) -> set[str]:
        return {n for n, _, _ in _COLUMNS[table]}

    def readable(self, table: str) -> set[str]:
        names = {a["LogicalName"] for a in self.attributes(table)}
        return names | {"_masterid_value", "_ownerid_value", _PARENT[table]}

    def row(self, table: str, rid: str) -> dict[str, Any]:
        found = self.rows[table].get(rid)
        if found is None:
            raise Refused(404, "0x80040217", f"{table} With Id = {rid} Does Not Exist")
        return found

    def update(self, table: str, rid: str, values: dict[str, Any], *, must_exist: bool) -> None:
        with self.lock:
            if rid not in self.rows[table] and not must_exist:
                self.rows[table][rid] = _blank_row(table, rid)  # PATCH without If-Match upserts
            row = self.row(table, rid)
            state = _state_change(table, rid, row, values)
            self._check_columns(table, {k: v for k, v in values.items() if k not in state})
            row.update(values)
            row.update(state)
            row["modifiedon"] = now_text()

    def merge(self, table: str, target: str, subordinate: str, content: dict[str, Any],
              checks: bool) -> None:
        """Validate, then merge: annotations move to the target, UpdateContent is set on
        it (not for incident), the subordinate is deactivated and points at the target."""
        with self.lock:
            if target == subordinate:
                raise Refused(400, "0x80040203", "Merge cannot be performed on master and "
                              "sub-entities that are identical.")
            master, sub = self.row(table, target), self.row(table, subordinate)
            if master["statecode"] != 0:
                raise Refused(400, "0x80040203", f"master entity:{table}-{target} is deactive")
            if sub["statecode"] != 0:
                raise Refused(400, "0x80040203", f"sub-entity:{table}-{subordinate} is "
                              "deactive")
            parent = _PARENT[table]
            if checks and sub.get(parent) and sub.get(parent) != master.get(parent):
                # Wording as the merge dialog reports it; the error code is our guess.
                raise Refused(400, "0x8004d219", "Unable to merge because sub-entity will be "
                              "parented differently. Perform merge without parenting check "
                              "to proceed.")
            if table != "incident":  # incident: "The UpdateContent parameter data is not used."
                self._check_columns(table, content)
                master.update(content)
            for note in self.annotations.values():
                if note["_objectid_value"] == subordinate:
                    note["_objectid_value"] = target
            self._deactivate(table, sub, target)
            master["modifiedon"] = now_text()
            self.merge_log.append(MergeCall(table, target, subordinate, dict(content), checks))

    def _deactivate(self, table: str, sub: dict[str, Any], target: str) -> None:
        if table == "incident":
            sub.update(statecode=2, statuscode=2000)  # Cancelled / Merged
        else:
            sub.update(statecode=1, statuscode=2, merged=True)
        sub["_masterid_value"] = target
        sub["modifiedon"] = now_text()

    def _check_columns(self, table: str, values: dict[str, Any]) -> None:
        for name in values:
            if name.startswith("@odata"):
                continue
            if name not in self.readable(table):
                raise Refused(400, "0x80060888", f"Invalid property '{name}' was found in "
                              f"entity 'Microsoft.Dynamics.CRM.{table}'.")
            if name not in self.updatable(table):
                raise Refused(400, "0x80048d19", f"The property '{name}' cannot be updated "
                              f"on '{table}'.")


# Valid statuscode values per statecode, the state's default reason first (the
# out-of-the-box option sets; incident 2000 is "Merged").
STATUSES: dict[str, dict[int, tuple[int, ...]]] = {
    "contact": {0: (1,), 1: (2,)}, "account": {0: (1,), 1: (2,)},
    "lead": {0: (1, 2), 1: (3,), 2: (4, 5, 6, 7)},
    "incident": {0: (1, 2, 3, 4), 1: (5, 1000), 2: (6, 2000)},
}
_STATE_NAMES = {"lead": ("Open", "Qualified", "Disqualified"),
                "incident": ("Active", "Resolved", "Canceled")}


def _state_change(table: str, rid: str, row: dict[str, Any],
                  values: dict[str, Any]) -> dict[str, Any]:
    """statecode/statuscode in a PATCH, checked as Dataverse does (learn.microsoft.com
    "Update and delete table rows using the Web API"): a statecode alone gets its
    default reason; a statuscode must belong to the (new or current) state."""
    if "statecode" not in values and "statuscode" not in values:
        return {}
    states = STATUSES[table]
    state = values.get("statecode", row["statecode"])
    if state not in states:
        raise Refused(400, "0x80048408", "State code is invalid or state code is valid but "
                      "status code is invalid for a specified state code.")
    status = values.get("statuscode", states[state][0])
    if status not in states[state]:
        name = _STATE_NAMES.get(table, ("Active", "Inactive"))[state]
        raise Refused(400, "0x80048408", f"{status} is not a valid status code for state code "
                      f"{table.capitalize()}State.{name} on {table} with Id {rid}.")
    return {"statecode": state, "statuscode": status}


def populate(state: DataverseState, entity: str, count: int, seed: int,
             notes_share: float) -> GeneratedData:
    table = ENTITY_TABLE[entity]
    data = generate("contacts" if table == "incident" else entity, count, seed)
    rng = random.Random(f"dataverse:{seed}")
    state.rows = {t: {} for t in TABLES}
    parents = [str(uuid.UUID(int=rng.getrandbits(128))) for _ in range(5)]
    for i, gen in enumerate(data.records):
        rid = row_id(seed, i)
        row = {**_blank_row(table, rid), **_values(table, gen),
               "createdon": gen.get("created_at") or now_text()}
        row[_PARENT[table]] = rng.choice(parents) if rng.random() < 0.5 else None
        state.rows[table][rid] = row
        if rng.random() < notes_share:
            nid = str(uuid.UUID(int=rng.getrandbits(128)))
            state.annotations[nid] = {
                "annotationid": nid, "_objectid_value": rid, "isdocument": True,
                "subject": "Attachment", "filename": f"{rid[:8]}-terms.pdf",
                "filesize": rng.randrange(1000, 500_000), "mimetype": "application/pdf",
                "createdon": row["createdon"]}
    return data


def row_id(seed: int, index: int) -> str:
    return str(uuid.UUID(int=(seed << 64) + index + 1))


def _values(table: str, gen: dict[str, Any]) -> dict[str, Any]:
    if table == "account":
        return {"name": gen["name"], "websiteurl": gen["website"], "telephone1": gen["phone"],
                "address1_city": gen["city"], "address1_country": gen["country"],
                "address1_postalcode": gen["postcode"], "description": gen.get("industry")}
    person = {"firstname": gen["first_name"], "lastname": gen["last_name"],
              "emailaddress1": gen["email"], "telephone1": gen["phone"],
              "jobtitle": gen["title"], "address1_city": gen["city"],
              "address1_country": gen["country"], "address1_postalcode": gen["postcode"],
              "description": gen.get("notes")}
    if table == "incident":
        return {"title": f"Case from {gen['first_name']} {gen['last_name']}",
                "description": gen.get("notes"), "emailaddress": gen["email"]}
    if table == "lead":
        person["companyname"] = gen["company"]
    person["fullname"] = f"{gen['first_name'] or ''} {gen['last_name'] or ''}".strip()
    return person


def _blank_row(table: str, rid: str) -> dict[str, Any]:
    row: dict[str, Any] = {TABLES[table][1]: rid, "statecode": 0, "statuscode": 1,
                           "_masterid_value": None, "modifiedon": now_text(),
                           "_ownerid_value": "5b0e5e2a-0000-4000-8000-000000000001"}
    if table != "incident":
        row["merged"] = False
    return {**row, **{n: None for n, _, _ in _COLUMNS[table]}}


def _attr(name: str, label: str, kind: str, *, update: bool) -> dict[str, Any]:
    return {"LogicalName": name, "AttributeType": kind, "IsValidForUpdate": update,
            "IsValidForRead": True, "IsCustomAttribute": False, "AttributeOf": None,
            "DisplayName": {"UserLocalizedLabel": {"Label": label} if label else None},
            "RequiredLevel": {"Value": "ApplicationRequired" if name in ("lastname", "name",
                                                                         "title")
                              else "None"}}


def now_text() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

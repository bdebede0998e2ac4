"""The fake Zoho org's data: modules with their field metadata, records, the Attachments
related list, locked records, scheduled merge jobs, and the merge action's validation
and effect as Zoho documents them (seed 002; zoho/crm-oas v8.0 find_and_merge.json).
In memory, one lock. No HTTP."""

from __future__ import annotations

import itertools
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from mergedesk.sandbox.zoho.seed import FILE_LIMIT, MERGEABLE

_DEAL_REFUSED = {
    "Closing_Date": "Closing date will be automatically populated based on master record",
    "Stage": "Stage field will be automatically populated based on chosen Pipeline",
    "Probability": "Probability and Expected Revenue fields will be automatically populated "
    "based on chosen Stage",
    "Expected_Revenue": "Probability and Expected Revenue fields will be automatically "
    "populated based on chosen Stage",
}
SCHEDULE_ABOVE = 1000  # "more than 1000 records in any of its related lists" -> SCHEDULED


class MergeRefused(Exception):
    """A documented merge error: the item of `{"merge":[…]}` and the HTTP status."""

    def __init__(
        self, code: str, message: str, details: dict[str, Any] | None = None, status: int = 400
    ) -> None:
        super().__init__(message)
        self.status = status
        self.item = {"code": code, "details": details or {}, "message": message, "status": "error"}


@dataclass
class MergeCall:
    """One merge the fake accepted: what was asked and whether it was scheduled."""

    module: str
    master: str
    children: tuple[str, ...]
    fields: dict[str, str]  # api name -> the record whose value won
    job_id: str | None = None


@dataclass
class Job:
    module: str
    master: str
    plan: dict[str, Any]
    polls_left: int
    status: str = "SCHEDULED"


@dataclass
class ZohoState:
    fields: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    records: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    attachments: dict[str, dict[str, Any]] = field(default_factory=dict)
    related_counts: dict[str, int] = field(default_factory=dict)  # record id -> Notes etc.
    locked: set[str] = field(default_factory=set)
    jobs: dict[str, Job] = field(default_factory=dict)
    merge_log: list[MergeCall] = field(default_factory=list)
    deleted: dict[str, dict[str, Any]] = field(default_factory=dict)  # the recycle bin
    job_polls: int = 2  # status polls a scheduled merge stays RUNNING
    lock: threading.RLock = field(default_factory=threading.RLock)
    _ids: itertools.count = field(default_factory=lambda: itertools.count(4876876000000900001))

    def next_id(self) -> str:
        return str(next(self._ids))

    def field_names(self, module: str) -> dict[str, dict[str, Any]]:
        return {f["api_name"]: f for f in self.fields.get(module, ())}

    def file_fields(self, module: str) -> set[str]:
        return {
            f["api_name"]
            for f in self.fields.get(module, ())
            if f["data_type"] in ("fileupload", "imageupload")
        }

    def attachments_of(self, record_id: str) -> list[dict[str, Any]]:
        return [a for a in self.attachments.values() if a["Parent_Id"]["id"] == record_id]

    # --- writes ----------------------------------------------------------------------------
    def update(self, module: str, record_id: str, values: dict[str, Any]) -> dict[str, Any]:
        """PUT one record: returns the per-record answer item (success or error)."""
        with self.lock:
            row = self.records.get(module, {}).get(record_id)
            if row is None:
                return _error("INVALID_DATA", "the id given seems to be invalid", {"id": record_id})
            known = self.field_names(module)
            for name, value in values.items():
                meta = known.get(name)
                if meta is None:
                    return _error("INVALID_DATA", "invalid data", {"api_name": name})
                if meta["read_only"] or meta["field_read_only"]:
                    return _error(
                        "INVALID_DATA", "Field Edit Permission not given", {"api_name": name}
                    )
                if meta["data_type"] == "email" and value and "@" not in str(value):
                    return _error("INVALID_DATA", "invalid data", {"api_name": name})
            for name, value in values.items():
                row[name] = _written(row.get(name), value)
            row["Modified_Time"] = now_text()
            return {
                "code": "SUCCESS",
                "details": {"id": record_id, "Modified_Time": row["Modified_Time"]},
                "message": "record updated",
                "status": "success",
            }

    def create(self, module: str, values: dict[str, Any]) -> dict[str, Any]:
        """POST /{module} (Insert Records) for one record: the answer item, with the new
        id in details; a missing system-mandatory field is MANDATORY_NOT_FOUND."""
        with self.lock:
            known = self.field_names(module)
            for name, meta in known.items():
                if meta.get("system_mandatory") and not values.get(name):
                    return _error("MANDATORY_NOT_FOUND", "required field not found",
                                  {"api_name": name, "json_path": f"$.data[0].{name}"})
            bad = [n for n in values if n not in known or known[n]["read_only"]]
            if bad:
                return _error("INVALID_DATA", "invalid data", {"api_name": bad[0]})
            rid, now = self.next_id(), now_text()
            self.records[module][rid] = {**_copy(values), "id": rid, "Created_Time": now,
                                         "Modified_Time": now}
            return {"code": "SUCCESS", "details": {"id": rid, "Created_Time": now,
                                                   "Modified_Time": now},
                    "message": "record added", "status": "success"}

    def merge(self, module: str, master_id: str, body: Any) -> tuple[dict[str, Any], MergeCall]:
        """Validate and run (or schedule) one merge; raises MergeRefused."""
        with self.lock:
            plan = self._plan(module, master_id, body)
            children = tuple(plan["children"])
            call = MergeCall(module, master_id, children, dict(plan["sources"]))
            if any(self.related_counts.get(c, 0) > SCHEDULE_ABOVE for c in children):
                job_id = self.next_id()
                self.jobs[job_id] = Job(module, master_id, plan, self.job_polls)
                self.locked.update(children)
                call.job_id = job_id
                self.merge_log.append(call)
                return (
                    {
                        "code": "SCHEDULED",
                        "details": {"job_id": job_id},
                        "message": "The records have been scheduled for merge",
                        "status": "success",
                    },
                    call,
                )
            self._apply(module, master_id, plan)
            self.merge_log.append(call)
            return (
                {
                    "code": "SUCCESS",
                    "details": {"id": master_id},
                    "message": "The records have been merged successfully",
                    "status": "success",
                },
                call,
            )

    def job_status(self, module: str, master_id: str, job_id: str) -> dict[str, Any] | None:
        """One status poll; the job runs after `job_polls` polls (or complete_jobs())."""
        with self.lock:
            job = self.jobs.get(job_id)
            if job is None or job.master != master_id or job.module != module:
                return None
            if job.status in ("SCHEDULED", "RUNNING"):
                job.polls_left -= 1
                job.status = "RUNNING"
                if job.polls_left <= 0:
                    self._finish(job)
            return {"job_id": job_id, "status": job.status}

    def complete_jobs(self) -> None:
        with self.lock:
            for job in self.jobs.values():
                if job.status in ("SCHEDULED", "RUNNING"):
                    self._finish(job)

    def _finish(self, job: Job) -> None:
        self.locked.difference_update(job.plan["children"])
        self._apply(job.module, job.master, job.plan)
        job.status = "COMPLETED"

    def _apply(self, module: str, master_id: str, plan: dict[str, Any]) -> None:
        rows = self.records[module]
        master = rows[master_id]
        for name, source in plan["sources"].items():
            master[name] = _copy(rows[source].get(name))
        for name, files in plan["files"].items():
            master[name] = files
        for child in plan["children"]:
            for attachment in self.attachments_of(child):  # related lists move to the master
                attachment["Parent_Id"] = {"id": master_id, "name": attachment["Parent_Id"]["name"]}
            self.related_counts[master_id] = self.related_counts.get(
                master_id, 0
            ) + self.related_counts.pop(child, 0)
            self.deleted[child] = rows.pop(child)
        master["Modified_Time"] = now_text()

    # --- validation, in the documented order ------------------------------------------------
    def _plan(self, module: str, master_id: str, body: Any) -> dict[str, Any]:
        if module not in MERGEABLE or module not in self.records:
            raise MergeRefused(
                "INVALID_MODULE",
                "The module name given seems to be invalid",
                {"resource_path_index": 0},
            )
        entries = body.get("merge") if isinstance(body, dict) else None
        if not isinstance(entries, list) or not entries:
            raise MergeRefused(
                "MANDATORY_NOT_FOUND",
                "required field not found",
                {"api_name": "merge", "json_path": "$.merge"},
            )
        if len(entries) > 1:
            raise MergeRefused(
                "LIMIT_EXCEEDED",
                "The merge JSON array has reached its limit",
                {"api_name": "merge", "json_path": "$.merge", "maximum_length": 1},
            )
        rows = self.records[module]
        if master_id not in rows:
            raise MergeRefused(
                "INVALID_DATA", "Master record id is not available", {"resource_path_index": 1}
            )
        entry = entries[0] if isinstance(entries[0], dict) else {}
        children = self._children(rows, master_id, entry.get("data"))
        plan: dict[str, Any] = {"children": children, "sources": {}, "files": {}}
        named: set[str] = set()
        for i, child in enumerate(entry.get("data") or []):
            for j, spec in enumerate(child.get("_fields") or []):
                path = f"$.merge[0].data[{i}]._fields[{j}]"
                self._pick(module, plan, named, spec, children[i], path, master_id)
        for j, spec in enumerate(entry.get("master_record_fields") or []):
            path = f"$.merge[0].master_record_fields[{j}]"
            self._pick(module, plan, named, spec, master_id, path, master_id, master=True)
        self._same_record_rule(module, plan, master_id)
        return plan

    def _children(self, rows: dict[str, Any], master_id: str, data: Any) -> list[str]:
        if not isinstance(data, list) or not data:
            raise MergeRefused(
                "MANDATORY_NOT_FOUND",
                "Atleast one child record id is required to be merged",
                {"api_name": "data", "json_path": "$.merge[0].data"},
            )
        if len(data) > 2:
            raise MergeRefused(
                "LIMIT_EXCEEDED",
                "The data JSON object has reached its limit",
                {"api_name": "data", "json_path": "$.merge[0].data", "maximum_length": 2},
            )
        ids: list[str] = []
        for i, child in enumerate(data):
            path = f"$.merge[0].data[{i}]"
            cid = str(child.get("id") or "") if isinstance(child, dict) else ""
            if not cid:
                raise MergeRefused(
                    "MANDATORY_NOT_FOUND",
                    "The ID of the child record is empty",
                    {"api_name": "id", "json_path": path + ".id"},
                )
            if cid == master_id or cid in ids:
                raise MergeRefused(
                    "DUPLICATE_DATA",
                    "Similar ID is already given for merging",
                    {"api_name": "id", "json_path": path + ".id"},
                )
            if cid not in rows:
                raise MergeRefused(
                    "INVALID_DATA",
                    "the id given seems to be invalid",
                    {"api_name": "id", "json_path": path + ".id"},
                )
            if cid in self.locked or master_id in self.locked:
                raise MergeRefused(
                    "NOT_ALLOWED",
                    "Record is not allowed for merging",
                    {"api_name": "id", "json_path": path + ".id"},
                )
            if not isinstance(child.get("_fields"), list):
                raise MergeRefused(
                    "MANDATORY_NOT_FOUND",
                    "required field not found",
                    {"api_name": "_fields", "json_path": path + "._fields"},
                )
            ids.append(cid)
        return ids

    def _pick(self, module, plan, named, spec, source, path, master_id, master=False) -> None:
        name = spec.get("api_name") if isinstance(spec, dict) else None
        if not name:
            raise MergeRefused(
                "MANDATORY_NOT_FOUND",
                "The API names in the field JSON array cannot be empty",
                {"api_name": "api_name", "json_path": path},
            )
        if name not in self.field_names(module):
            raise MergeRefused(
                "INVALID_DATA",
                "Specify the valid API names in the fields JSON array.",
                {"api_name": name, "json_path": path},
            )
        if name in named:
            raise MergeRefused(
                "DUPLICATE_DATA",
                "Field has already been mentioned for other record in merge",
                {"api_name": name, "json_path": path},
            )
        named.add(name)
        if module == "Deals" and name in _DEAL_REFUSED:
            raise MergeRefused(
                "NOT_ALLOWED", _DEAL_REFUSED[name], {"api_name": name, "json_path": path}
            )
        if name in self.file_fields(module):
            plan["files"][name] = self._files(module, plan, master_id, spec, name, path, master)
        elif not master:
            plan["sources"][name] = source

    def _files(self, module, plan, master_id, spec, name, path, master) -> list[dict[str, Any]]:
        if "_data" not in spec:
            whose = "master" if master else "child"
            raise MergeRefused(
                "MANDATORY_NOT_FOUND",
                f"The _data array is not mentioned for the {whose} record",
                {"api_name": name, "json_path": path},
            )
        if spec["_data"] is None:
            return []  # "'_data': null -> all the files of that field are deleted"
        rows = self.records[module]
        pool = {
            str(f.get("id")): f
            for rid in (master_id, *plan["children"])
            for f in rows[rid].get(name) or []
        }
        chosen = []
        for k, item in enumerate(spec["_data"]):
            fid = str(item.get("id") or "") if isinstance(item, dict) else ""
            if fid not in pool:
                raise MergeRefused(
                    "INVALID_DATA",
                    "invalid data",
                    {"api_name": "id", "json_path": f"{path}._data[{k}].id"},
                )
            chosen.append(dict(pool[fid]))
        if len(chosen) > FILE_LIMIT:
            raise MergeRefused(
                "LIMIT_EXCEEDED",
                "The total number of given files cannot be more than the maximum limit",
                {"api_name": name, "json_path": path + "._data", "maximum_length": FILE_LIMIT},
            )
        return chosen

    def _same_record_rule(self, module: str, plan: dict[str, Any], master_id: str) -> None:
        if module != "Contacts":
            return
        # Our reading of the documented rule: a Reporting To contact belongs to its
        # account, so a non-blank Reporting To must come from the Account Name's record.
        sources = plan["sources"]
        reporter = sources.get("Reporting_To", master_id)
        reporting = self.records[module][reporter].get("Reporting_To")
        if reporting and reporter != sources.get("Account_Name", master_id):
            raise MergeRefused(
                "NOT_ALLOWED",
                "Reporting_To and Account_Name should belong to the same record",
                {"api_name": "Reporting_To"},
            )


def _error(code: str, message: str, details: dict[str, Any]) -> dict[str, Any]:
    return {"code": code, "details": details, "message": message, "status": "error"}


def _written(current: Any, value: Any) -> Any:
    """Zoho stores a lookup written as {"id": …}; it answers {"name", "id"} afterwards."""
    if isinstance(value, dict) and "id" in value and isinstance(current, dict):
        return {**current, **value} if current.get("id") == value["id"] else dict(value)
    return _copy(value)


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return dict(value)
    if isinstance(value, list):
        return [dict(v) if isinstance(v, dict) else v for v in value]
    return value


def now_text() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")

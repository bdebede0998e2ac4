"""Pre-flight checks of one reviewed merge, in plain language, as typed findings: what
would make the CRM refuse it (read-only fields, parent/hierarchy rules, unique values held
elsewhere, locked or closed records, missing permission or tier), what needs the
reviewer's decision (conflicts), per-call caps, and what will move / what did not arrive.

Pure: the records, field metadata and facts the service read are passed in; nothing here
sends or reads anything. A blocking finding means no request is sent for the group."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, JsonValue

from mergedesk.core.capabilities import Capabilities
from mergedesk.core.models import FieldDef, Record, Sensitive
from mergedesk.core.plan import GroupMerge
from mergedesk.core.values import is_blank


class FindingKind(StrEnum):
    PERMISSION = "permission"  # a scope, privilege or tier the connection lacks
    PARENT = "parent"  # hierarchy rules (Zoho Reporting_To, Dataverse parenting checks)
    UNIQUE = "unique"  # a value for a unique field another record already holds
    LOCKED = "locked"  # the CRM will not merge this record now (approval, lock, job)
    CLOSED = "closed"  # closed deals cannot be merged (Zoho)
    READ_ONLY = "read_only"
    CALL_CAP = "call_cap"  # more records than one call takes: several calls, not atomic
    CONFLICT = "conflict"  # owner / status / parent differ: the reviewer must choose
    NO_SLOT = "no_slot"  # values with neither a slot nor a note field
    RELATED_MISSING = "related_missing"  # after the merge: related items that did not arrive


class Finding(BaseModel):
    """One thing the reviewer must know: `message` says what, `fix` what to change."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: FindingKind
    message: str
    fix: str = ""
    field: str | None = None
    records: tuple[str, ...] = ()
    blocking: bool = True

    def text(self) -> str:
        return f"{self.message} — {self.fix}" if self.fix else self.message


def open_blockers(findings: Iterable[Finding], merge: GroupMerge,
                  decided: Iterable[str] = ()) -> list[Finding]:
    """Findings that still stop the group: a conflict is settled once the reviewer chose
    a value for its field (the choice is in the plan) or, for a field MergeDesk cannot
    write (a Dataverse owner), once the reviewer confirmed the survivor's own value:
    `decided` names those fields."""
    settled = set(merge.fields) | set(decided)
    return [f for f in findings if f.blocking
            and not (f.kind == FindingKind.CONFLICT and f.field in settled)]


def check_read_only(merge: GroupMerge, fields: Mapping[str, FieldDef]) -> list[Finding]:
    """A choice for a field the CRM will not let us write; keeping the survivor's own
    value (how a read-only owner conflict is settled) writes nothing and passes."""
    return [
        Finding(kind=FindingKind.READ_ONLY, field=name,
                message=f"{fields[name].display_label} is read-only in the CRM",
                fix=f"drop the choice for {fields[name].display_label}; the survivor keeps "
                    "its own value")
        for name, choice in merge.fields.items()
        if name in fields and not fields[name].writable
        and (choice.given or choice.from_record != merge.master)
    ]


def check_call_cap(merge: GroupMerge, caps: Capabilities) -> list[Finding]:
    """Not a refusal: the planner splits the merge; the reviewer should know it is then
    several calls, and a failure half-way leaves some records merged."""
    cap = caps.max_losers_per_call
    if len(merge.others) <= cap:
        return []
    calls = -(-len(merge.others) // cap)
    return [Finding(kind=FindingKind.CALL_CAP, blocking=False,
                    message=f"{caps.display_name} merges at most {cap + 1} records per call: "
                            f"this group takes {calls} calls, one after the other",
                    fix="split the group if the merges must all happen or none")]


def check_unique(targets: Mapping[str, JsonValue], merge: GroupMerge,
                 fields: Mapping[str, FieldDef],
                 holders: Mapping[tuple[str, str], str]) -> list[Finding]:
    """`holders` maps (field, value as the CRM compares it) to a record that holds it;
    a holder outside the group makes the CRM refuse the write (Chatwoot email/phone)."""
    members = set(merge.record_ids)
    found = []
    for name, value in targets.items():
        definition = fields.get(name)
        if definition is None or not definition.unique or is_blank(value):
            continue
        holder = holders.get((name, str(value).strip().lower()))
        if holder and holder not in members:
            found.append(Finding(
                kind=FindingKind.UNIQUE, field=name, records=(holder,),
                message=f"{definition.display_label} {value!r} already belongs to record "
                        f"{holder}, outside this group: the CRM keeps it unique",
                fix=f"choose another {definition.display_label}, or add {holder} to the group"))
    return found


def check_locked(records: Sequence[Record]) -> list[Finding]:
    return [Finding(kind=FindingKind.LOCKED, records=(r.id,),
                    message=f"record {r.id} cannot be merged now: {r.locked}",
                    fix="finish or cancel the approval/lock in the CRM, or leave the record "
                        "out of the group")
            for r in records if r.locked]


CLOSED_STAGES = frozenset({"closed won", "closed lost", "closed-won", "closed-lost"})


def check_closed(records: Sequence[Record], fields: Mapping[str, FieldDef]) -> list[Finding]:
    """Zoho merges only open deals (seed 002: "only open deals can be merged")."""
    stages = [n for n, f in fields.items() if f.sensitive == Sensitive.LIFECYCLE]
    return [Finding(kind=FindingKind.CLOSED, records=(r.id,), field=name,
                    message=f"record {r.id} is closed ({r.fields[name]}): only open deals "
                            "can be merged",
                    fix="reopen it in the CRM or leave it out of the group")
            for r in records if r.entity == "deals" for name in stages
            if str(r.fields.get(name) or "").lower() in CLOSED_STAGES]


def check_permission(caps: Capabilities, refusal: str | None) -> list[Finding]:
    """What the connection was last refused (a scope, privilege or tier), named with
    what the CRM needs for a merge."""
    if not refusal:
        return []
    return [Finding(kind=FindingKind.PERMISSION, message=refusal,
                    fix=NEEDS.get(caps.provider, "ask an administrator for merge rights"))]


# What each CRM requires for a merge (PROVIDERS.md; vendor docs cited there).
NEEDS = {
    "zoho": "sign in again granting ZohoCRM.modules.ALL (merge needs the module's "
            "READ, UPDATE and DELETE scopes)",
    "dataverse": "the user needs the Merge privilege plus Write, Delete, Append and "
                 "AppendTo on the table (a Sales role)",
    "pipeliner": "merging needs the Business or Enterprise tier and delete rights",
    "chatwoot": "use an administrator's access token for this account",
    # Keys carry read, write and/or Lexi permission (PROVIDERS.md §5); merging writes.
    "leadlex": "use an API key with Write permission (Settings > API & Integrations)",
}


def check_zoho_parent(merge: GroupMerge, records: Mapping[str, Record]) -> list[Finding]:
    """Zoho: Reporting To and Account Name must come from the same record when the
    Reporting To source has one (seed 002, "Reporting_To and Account_Name")."""
    source = _source(merge, "Reporting_To")
    if is_blank(records[source].fields.get("Reporting_To")) or \
            _source(merge, "Account_Name") == source:
        return []
    return [Finding(kind=FindingKind.PARENT, field="Account_Name", records=(source,),
                    message="Zoho needs Reporting To and Account Name from the same record",
                    fix=f"take Account Name from record {source} too, or Reporting To from "
                        f"the record Account Name comes from")]


def check_dataverse_parent(records: Sequence[Record], fields: Mapping[str, FieldDef],
                           parenting_checks: bool) -> list[Finding]:
    """Dataverse Merge with PerformParentingChecks refuses records whose parent accounts
    differ (MS Learn, Merge action)."""
    if not parenting_checks:
        return []
    found = []
    for name in (n for n, f in fields.items() if f.sensitive == Sensitive.PARENT):
        parents = {str(r.fields.get(name)) for r in records if not is_blank(r.fields.get(name))}
        if len(parents) > 1:
            found.append(Finding(kind=FindingKind.PARENT, field=name,
                                 records=tuple(r.id for r in records),
                                 message=f"the records have different {fields[name].display_label}"
                                         " and the merge checks parents",
                                 fix=f"give them one {fields[name].display_label} first, or "
                                     "merge without parenting checks"))
    return found


def _source(merge: GroupMerge, name: str) -> str:
    choice = merge.fields.get(name)
    return choice.from_record if choice and not choice.given and choice.from_record \
        else merge.master


# --- what will move ------------------------------------------------------------------------
def will_move(records: Sequence[Record]) -> dict[str, dict[str, int]]:
    """Related items per record and kind, as the CRM counted them (the "will move" view)."""
    return {r.id: dict(r.related_counts) for r in records}


def expected_related(snapshots: Iterable[Record]) -> dict[str, int]:
    total: dict[str, int] = {}
    for record in snapshots:
        for kind, count in record.related_counts.items():
            total[kind] = total.get(kind, 0) + count
    return total


def missing_related(snapshots: Iterable[Record], survivor: Record) -> list[Finding]:
    """Related items the survivor should hold after the merge and does not: per kind,
    the sum over the pre-merge snapshots against the survivor's re-count."""
    found = []
    for kind, expected in expected_related(snapshots).items():
        have = survivor.related_counts.get(kind)
        if have is not None and have < expected:
            found.append(Finding(
                kind=FindingKind.RELATED_MISSING, field=kind, records=(survivor.id,),
                message=f"{expected - have} of {expected} {kind} did not arrive on "
                        f"{survivor.id} (it holds {have})",
                fix="look for them in the CRM (a deleted record's items may be in its "
                    "recycle bin); MergeDesk's journal keeps the snapshots"))
    return found

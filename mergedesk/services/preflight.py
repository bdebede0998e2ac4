"""Pre-flight of one merge: reads what the pure checks of core.preflight need (holders of
unique values, the provider's parenting-check setting, what the connection may do as the
CRM tells it up front, the connection's last refusal) and runs them, so that a group the
CRM would refuse is stopped before any write.

Reads only; never sends an update or a merge. No Qt."""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import JsonValue

from mergedesk.core import preflight as checks
from mergedesk.core.capabilities import Capabilities
from mergedesk.core.models import FieldDef, Record
from mergedesk.core.plan import GroupMerge
from mergedesk.core.preflight import Finding
from mergedesk.core.rules import conflicts
from mergedesk.core.steps import plan_steps
from mergedesk.core.values import is_blank, same_value
from mergedesk.providers import errors
from mergedesk.providers.base import PermissionCheck, Provider, merge_permissions


class Preflight:
    """One per connection session: remembers the last permission refusal, so later
    groups are stopped with the reason instead of being refused one by one."""

    def __init__(self) -> None:
        self.refusals: dict[str, str] = {}
        self.permissions: dict[tuple[str, str], PermissionCheck] = {}

    async def permission(self, provider: Provider, conn: str, entity: str) -> PermissionCheck:
        """What the CRM says up front about merging `entity` on this connection, asked
        once per connection and entity. A failed read is "unknown" (the first refused
        merge will then say it), never a reason to stop the group."""
        key = (conn, entity)
        if key not in self.permissions:
            try:
                self.permissions[key] = await merge_permissions(provider, entity)
            except errors.ProviderError:
                self.permissions[key] = PermissionCheck()
        return self.permissions[key]

    def remember(self, conn: str, exc: errors.ProviderError) -> None:
        if isinstance(exc, errors.PermissionDenied):
            self.refusals[conn] = str(exc)

    def remember_text(self, conn: str, message: str) -> None:
        """From an outcome message: the runner reports the refusal as text."""
        lowered = message.lower()
        if any(word in lowered for word in ("scope", "privilege", "permission", "tier",
                                            "not authorized", "forbidden")):
            self.refusals[conn] = message

    async def review(self, provider: Provider, conn: str, merge: GroupMerge,
                     records: Mapping[str, Record],
                     fields: Mapping[str, FieldDef]) -> list[Finding]:
        """Everything to show on a reviewed group before it is submitted: its owner,
        status and parent conflicts, then what the CRM would refuse of the values the
        plan writes. `checks.open_blockers(found, merge)` is what still stops it (a
        conflict is settled once the plan chooses that field). Reads only."""
        group = [records[rid] for rid in merge.record_ids if rid in records]
        gone = tuple(rid for rid in merge.record_ids if rid not in records)
        if gone:  # nothing to plan against: say which records are missing
            return [*conflicts(group, fields), Finding(
                kind=checks.FindingKind.LOCKED, records=gone,
                message=f"record {', '.join(gone)} could not be read (deleted or merged "
                        "elsewhere)", fix="scan again, or leave it out of the group")]
        planned = plan_steps(merge, dict(records), provider.capabilities, dict(fields))
        crm = await self.check(provider, conn, merge, records, fields, planned.targets)
        return [*conflicts(group, fields), *crm]

    async def check(self, provider: Provider, conn: str, merge: GroupMerge,
                    records: Mapping[str, Record], fields: Mapping[str, FieldDef],
                    targets: Mapping[str, JsonValue]) -> list[Finding]:
        caps = provider.capabilities
        group = [records[rid] for rid in merge.record_ids if rid in records]
        entity = group[0].entity if group else ""
        granted = await self.permission(provider, conn, entity) if group else PermissionCheck()
        found = [
            *(lacking(caps, granted)
              or checks.check_permission(caps, self.refusals.get(conn))),
            *checks.check_read_only(merge, fields),
            *checks.check_locked(group),
            *checks.check_closed(group, fields),
            *checks.check_call_cap(merge, caps),
        ]
        if caps.provider == "zoho":
            found += checks.check_zoho_parent(merge, records)
        if caps.provider == "dataverse":
            parenting = bool(getattr(provider, "_parenting_checks", False))
            found += checks.check_dataverse_parent(group, fields, parenting)
        holders = await unique_holders(provider, merge, records, fields, targets)
        return found + checks.check_unique(targets, merge, fields, holders)


def lacking(caps: Capabilities, granted: PermissionCheck) -> list[Finding]:
    """A blocking finding when the CRM said up front that the connection lacks a scope,
    privilege or key permission the merge needs, in the CRM's words and plain advice."""
    if not granted.missing:
        return []
    return [Finding(kind=checks.FindingKind.PERMISSION,
                    message=f"{caps.display_name} would refuse this merge: the connection lacks "
                            f"{', '.join(granted.missing)} (checked before any call, from "
                            f"{granted.source})",
                    fix=granted.advice or checks.NEEDS.get(caps.provider, ""))]


async def unique_holders(provider: Provider, merge: GroupMerge,
                         records: Mapping[str, Record], fields: Mapping[str, FieldDef],
                         targets: Mapping[str, JsonValue]) -> dict[tuple[str, str], str]:
    """Who already holds each new value of a unique field: only values no record of the
    group holds are looked up, through the CRM's search where it has one (Chatwoot)."""
    search = getattr(provider, "search", None)
    found: dict[tuple[str, str], str] = {}
    for name, value in targets.items():
        definition = fields.get(name)
        if search is None or definition is None or not definition.unique or is_blank(value):
            continue
        if any(same_value(records[r].fields.get(name), value)
               for r in merge.record_ids if r in records):
            continue
        for hit in await search(records[merge.master].entity, str(value)):
            if same_value(str(hit.fields.get(name) or "").lower(), str(value).lower()):
                found[(name, str(value).strip().lower())] = hit.id
    return found

"""The fake's security roles, as far as merging needs them: the privileges the signed-in
user holds (all of them unless a test takes some away), the RetrieveUserPrivileges
function that reports them, and the Merge action's privilege check.

Privileges per table are Microsoft's "Merge message privileges" list (learn.microsoft.com,
Dynamics CRM developer guide gg334602): prvMerge, Read/Write/Append/AppendTo/Share of the
table, Append/Write of activities. Never imports mergedesk.providers."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from typing import Any

from mergedesk.sandbox.dataverse.state import TABLES, Refused

USER_PRIVILEGES = re.compile(
    r"^systemusers\((?P<id>[0-9a-fA-F-]{36})\)/Microsoft\.Dynamics\.CRM\."
    r"RetrieveUserPrivileges(\(\))?$")


def merge_privileges(table: str) -> tuple[str, ...]:
    name = table.capitalize()
    return ("prvMerge", f"prvRead{name}", f"prvWrite{name}", f"prvAppend{name}",
            f"prvAppendTo{name}", f"prvShare{name}", "prvAppendActivity", "prvWriteActivity")


ALL_PRIVILEGES = frozenset(p for t in TABLES for p in (
    *merge_privileges(t), f"prvCreate{t.capitalize()}", f"prvDelete{t.capitalize()}"))


def held(privileges: Iterable[str] | None) -> frozenset[str]:
    """The user's privileges: every one the fake knows unless `privileges` names them."""
    return ALL_PRIVILEGES if privileges is None else frozenset(privileges)


def role_privileges(privileges: frozenset[str], business_unit: str) -> dict[str, Any]:
    """RetrieveUserPrivilegesResponse: RolePrivileges[] with Depth, PrivilegeId,
    BusinessUnitId and PrivilegeName (newer versions name each privilege)."""
    return {"@odata.context": "$metadata#Microsoft.Dynamics.CRM."
                              "RetrieveUserPrivilegesResponse",
            "RolePrivileges": [
                {"Depth": "Global", "BusinessUnitId": business_unit, "PrivilegeName": name,
                 "PrivilegeId": str(uuid.uuid5(uuid.NAMESPACE_OID, name))}
                for name in sorted(privileges)]}


def check_merge(privileges: frozenset[str], table: str, user_id: str) -> None:
    """Refuses the Merge action as Dataverse's access check does when a privilege is
    missing: 403, code 0x80040220, naming the first one."""
    for name in merge_privileges(table):
        if name not in privileges:
            raise Refused(403, "0x80040220", f"Principal user (Id={user_id}, type=8) is "
                          f"missing {name} privilege")

"""What stands between a reviewed group and a merge that loses nothing: the flagged
fields (safe defaults for opt-outs, consent and creation dates; owner, status and parent
conflicts the reviewer must settle) and the pre-flight findings that need no call to
the CRM (core.preflight). No Qt, no I/O: the service runs the same checks again, with
the reads they need, before anything is sent."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from mergedesk.core import preflight as checks
from mergedesk.core.models import Sensitive
from mergedesk.core.preflight import Finding, FindingKind
from mergedesk.ui.models.choices import MergeChoices

SAFE_DEFAULTS = frozenset({Sensitive.OPT_OUT, Sensitive.DO_NOT_CALL, Sensitive.CONSENT,
                           Sensitive.CREATED})


class FlagKind(StrEnum):
    SAFE_DEFAULT = "safe_default"  # chosen for the reviewer, can be overridden
    CONFLICT = "conflict"  # the reviewer must choose; blocks submission until then


@dataclass(frozen=True)
class Flag:
    field: str
    kind: FlagKind
    sensitive: Sensitive
    decided: bool  # a conflict the reviewer settled, or a safe default overridden


def flags(choices: MergeChoices) -> dict[str, Flag]:
    """The flagged fields among those whose records differ, by api name."""
    found: dict[str, Flag] = {}
    conflicts = choices.conflicts()
    for definition in choices.fields:
        name, sensitive = definition.api_name, definition.sensitive
        if sensitive is None or not choices.differs(name) or not definition.writable:
            continue
        if name in conflicts:  # two or more values: a blank owner is no conflict
            found[name] = Flag(name, FlagKind.CONFLICT, sensitive, choices.decided(name))
        elif sensitive in SAFE_DEFAULTS:
            found[name] = Flag(name, FlagKind.SAFE_DEFAULT, sensitive, choices.decided(name))
    return found


def findings(choices: MergeChoices, extra: Sequence[Finding] = ()) -> list[Finding]:
    """Everything pre-flight knows without asking the CRM, plus `extra` (findings of a
    check that read the CRM), conflicts first."""
    merge = choices.to_group_merge(snapshot=False)
    records = list(choices.records)
    defs = {f.api_name: f for f in choices.fields}
    for name in merge.fields:
        definition = choices.definition(name)
        if definition is not None:
            defs[name] = definition
    found = [*choices.defaults.findings,
             *checks.check_read_only(merge, defs),
             *checks.check_locked(records),
             *checks.check_closed(records, defs),
             *checks.check_call_cap(merge, choices.caps)]
    if choices.caps.provider == "zoho" and "Reporting_To" in defs:
        found += checks.check_zoho_parent(merge, {r.id: r for r in records})
    found += [f for f in extra if f not in found]
    return sorted(found, key=lambda f: (f.kind != FindingKind.CONFLICT, not f.blocking))


def blockers(choices: MergeChoices, extra: Sequence[Finding] = ()) -> list[Finding]:
    """The findings that stop the group now: unsettled conflicts and refusals."""
    return checks.open_blockers(findings(choices, extra),
                                choices.to_group_merge(snapshot=False))

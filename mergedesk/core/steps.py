"""Turn one reviewed GroupMerge into the CRM calls that produce it (MergeSteps), and the
values the survivor must hold afterwards (targets, which verification checks). No I/O.

Every strategy is planned by simulating the survivor's fields call by call, so that a
value the merge itself would set wrong is fixed by an update step instead of lost."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, JsonValue

from mergedesk.core.capabilities import Capabilities, ValuesVia
from mergedesk.core.models import FieldDef, Record
from mergedesk.core.plan import GroupMerge
from mergedesk.core.values import is_blank, same_value


class StepKind(StrEnum):
    UPDATE = "update"
    MERGE = "merge"


class MergeStep(BaseModel):
    """One CRM call of a merge, as journalled before it is sent."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    index: int = Field(ge=0)
    kind: StepKind
    master: str
    losers: tuple[str, ...] = ()
    # UPDATE: the values written. MERGE: the values this call carries (master body,
    # UpdateContent), for strategies whose call takes them.
    values: dict[str, JsonValue] = Field(default_factory=dict)
    # MERGE via CHILD_FIELDS: field -> the loser whose value wins (Zoho data[]._fields).
    value_sources: dict[str, str] = Field(default_factory=dict)
    keep_attachments: tuple[str, ...] | None = None
    options: dict[str, JsonValue] = Field(default_factory=dict)
    idempotency_key: str | None = None


class StepPlan(BaseModel):
    model_config = ConfigDict(frozen=True)

    steps: tuple[MergeStep, ...]
    targets: dict[str, JsonValue]


def target_values(
    merge: GroupMerge,
    records: dict[str, Record],
    fields: dict[str, FieldDef],
    caps: Capabilities,
) -> dict[str, JsonValue]:
    """The survivor's value of every writable field after the merge: the reviewer's
    choice, else what the CRM's own merge leaves there (the master's value, with blanks
    filled from the losers where the CRM fills blanks)."""
    values = {rid: records[rid].fields for rid in merge.record_ids}
    natural = dict(records[merge.master].fields)
    for group in chunks(merge.others, caps.max_losers_per_call):
        natural = simulate_merge(natural, [records[r] for r in group], caps)
    targets: dict[str, JsonValue] = {}
    for name in _field_names(records, merge, fields):
        if name in merge.fields:
            targets[name] = merge.fields[name].resolve(values, name)
        elif name in natural:
            targets[name] = natural[name]
    return targets


def plan_steps(
    merge: GroupMerge,
    records: dict[str, Record],
    caps: Capabilities,
    fields: dict[str, FieldDef],
) -> StepPlan:
    """Plan the calls for `merge` under `caps`; `records` are the fresh re-reads."""
    targets = target_values(merge, records, fields, caps)
    planner = _PLANNERS[caps.values_via]
    steps = planner(merge, records, caps, fields, targets)
    numbered = tuple(s.model_copy(update={"index": i}) for i, s in enumerate(steps))
    return StepPlan(steps=numbered, targets=targets)


def chunks(items: tuple[str, ...], size: int) -> list[tuple[str, ...]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def simulate_merge(
    state: dict[str, JsonValue], losers: list[Record], caps: Capabilities
) -> dict[str, JsonValue]:
    """The survivor's fields after one merge call that carries no chosen values."""
    after = dict(state)
    if not caps.fills_blanks:
        return after
    for loser in losers:
        for name, value in loser.fields.items():
            if name in caps.not_carried or is_blank(value):
                continue
            if caps.keyed_fill_prefixes and name.startswith(caps.keyed_fill_prefixes):
                after.setdefault(name, value)  # deep merge: a present key wins, even blank
                continue
            current = after.get(name)
            if isinstance(current, dict) and isinstance(value, dict):
                after[name] = {**value, **{k: v for k, v in current.items() if not is_blank(v)}}
            elif is_blank(current):
                after[name] = value
    return after


def _differences(
    state: dict[str, JsonValue], targets: dict[str, JsonValue]
) -> dict[str, JsonValue]:
    return {k: v for k, v in targets.items() if not same_value(state.get(k), v)}


def _plan_update_around(merge, records, caps, fields, targets) -> list[MergeStep]:
    """Chatwoot: write chosen values before merging (the base's values win), except
    values a loser still holds in a unique field (the CRM would refuse the duplicate)
    and blanks (the merge would refill them): those are written after the merges."""
    loser_values = {
        name: [records[r].fields.get(name) for r in merge.others] for name in targets
    }
    pre = {
        k: v
        for k, v in _differences(records[merge.master].fields, _chosen(merge, targets)).items()
        if not is_blank(v)
        and not (
            fields.get(k, FieldDef(api_name=k)).unique
            and any(same_value(v, lv) for lv in loser_values[k])
        )
    }
    return _update_then_merge(merge, records, caps, targets, pre)


def _plan_carried_in_call(merge, records, caps, fields, targets) -> list[MergeStep]:
    """Dataverse (UpdateContent): the first call carries every value that differs from
    the survivor's; later calls carry none."""
    carried = _differences(records[merge.master].fields, _chosen(merge, targets))
    first = chunks(merge.others, caps.max_losers_per_call)[0]
    return _update_then_merge(
        merge, records, caps, targets, {},
        per_call=lambda group: {"values": carried if group == first else {}},
    )


# Dataverse tables whose Merge ignores UpdateContent (seed 003: "Merge behavior for
# incident ... The UpdateContent parameter data is not used").
UPDATE_CONTENT_IGNORED = frozenset({"incidents"})


def _plan_update_content(merge, records, caps, fields, targets) -> list[MergeStep]:
    """Dataverse: UpdateContent carries the chosen values (the first call), except for
    tables whose merge ignores it: there the values are written by an update first, a
    journalled step of its own, and the merges carry none."""
    master = records[merge.master]
    if master.entity not in UPDATE_CONTENT_IGNORED:
        return _plan_carried_in_call(merge, records, caps, fields, targets)
    pre = _differences(master.fields, _chosen(merge, targets))
    return _update_then_merge(merge, records, caps, targets, pre)


def _plan_child_fields(merge, records, caps, fields, targets) -> list[MergeStep]:
    """Zoho: a field whose chosen value comes from a child is named in that child's
    `_fields`; typed values and cleared fields are written to the master first."""
    sources = {
        name: choice.from_record
        for name, choice in merge.fields.items()
        if not choice.given and choice.from_record in merge.others
    }
    pre = {
        k: v
        for k, v in _differences(records[merge.master].fields, _chosen(merge, targets)).items()
        if k not in sources
    }
    return _update_then_merge(
        merge, records, caps, targets, pre,
        per_call=lambda group: {
            "value_sources": {k: rid for k, rid in sources.items() if rid in group}
        },
    )


def _update_then_merge(
    merge: GroupMerge,
    records: dict[str, Record],
    caps: Capabilities,
    targets: dict[str, JsonValue],
    pre: dict[str, JsonValue],
    per_call: Callable[[tuple[str, ...]], dict[str, Any]] | None = None,
) -> list[MergeStep]:
    """The shape most CRMs share: an update writing `pre` first (if any), the merge
    calls in chunks the CRM accepts (each with what `per_call` adds: carried values or
    Zoho value sources), then an update for whatever the simulated survivor still lacks."""
    master = records[merge.master]
    steps: list[MergeStep] = []
    state = dict(master.fields)
    if pre:
        steps.append(MergeStep(index=0, kind=StepKind.UPDATE, master=master.id, values=pre))
        state.update(pre)
    for group in chunks(merge.others, caps.max_losers_per_call):
        extra = per_call(group) if per_call else {}
        steps.append(_merge_step(merge, group, **extra))
        state.update(extra.get("values", {}))
        sources = extra.get("value_sources", {})
        state.update({k: records[rid].fields.get(k) for k, rid in sources.items()})
        state = simulate_merge(state, [records[r] for r in group], caps)
    return steps + _fixup(master.id, state, targets)


def _plan_master_body(merge, records, caps, fields, targets) -> list[MergeStep]:
    """Pipeliner: every call's `master` object carries every value the reviewer picked,
    even one equal to the master's (what the merge does with fields left out of `master`
    is undocumented, PROVIDERS.md §1), plus every other target the merge would have to
    produce; a blank the merge might still refill is cleared after."""
    master = records[merge.master]
    carried = {
        k: v for k, v in targets.items()
        if k in merge.fields or not same_value(master.fields.get(k), v)
    }
    return _update_then_merge(
        merge, records, caps, targets, {}, per_call=lambda group: {"values": dict(carried)}
    )


def _plan_fill_or_overwrite(merge, records, caps, fields, targets) -> list[MergeStep]:
    """LeadLex: a merge call either fills the primary's blanks from the duplicates in
    order (fill-only, the default) or lets their non-blank values overwrite it. Both
    modes are simulated, each with the duplicates as given and ordered by the reviewer's
    picks; the plan with the fewest calls wins (fill-only on a tie). Values neither mode
    produces are PATCHed onto the primary first where the merge then keeps them, and
    written after the merges otherwise."""
    candidates = [
        _fill_or_overwrite_steps(merge, records, caps, targets, overwrite, order)
        for overwrite in (False, True)
        for order in _loser_orders(merge, overwrite)
    ]
    return min(candidates, key=len)  # min() keeps the first of equals: fill-only


def simulate_fill_or_overwrite(
    state: dict[str, JsonValue], losers: list[Record], overwrite: bool
) -> dict[str, JsonValue]:
    """The primary's fields after one LeadLex merge call: each duplicate in turn fills
    a blank (fill-only) or replaces the value (overwrite) with its own non-blank one."""
    after = dict(state)
    for loser in losers:
        for name, value in loser.fields.items():
            if not is_blank(value) and (overwrite or is_blank(after.get(name))):
                after[name] = value
    return after


def _loser_orders(merge: GroupMerge, overwrite: bool) -> list[tuple[str, ...]]:
    """The losers as given, and sorted so the one most values are picked from comes
    where its values win: first for fill-only, last for overwrite."""
    picks = {rid: 0 for rid in merge.others}
    for choice in merge.fields.values():
        if not choice.given and choice.from_record in picks:
            picks[choice.from_record] += 1
    ordered = tuple(sorted(merge.others, key=lambda r: picks[r], reverse=not overwrite))
    return [merge.others] if ordered == merge.others else [merge.others, ordered]


def _fill_or_overwrite_steps(merge, records, caps, targets, overwrite, order) -> list[MergeStep]:
    groups = chunks(order, caps.max_losers_per_call)

    def after_merges(state: dict[str, JsonValue]) -> dict[str, JsonValue]:
        for group in groups:
            state = simulate_fill_or_overwrite(state, [records[r] for r in group], overwrite)
        return state

    master = records[merge.master]
    natural = after_merges(dict(master.fields))
    pre = {k: v for k, v in _differences(natural, targets).items() if not is_blank(v)}
    # A value written first survives only where no duplicate overwrites it.
    kept = after_merges({**master.fields, **pre})
    pre = {k: v for k, v in pre.items() if same_value(kept.get(k), v)}
    steps: list[MergeStep] = []
    if pre:
        steps.append(MergeStep(index=0, kind=StepKind.UPDATE, master=master.id, values=pre))
    options: dict[str, JsonValue] = {"overwrite": overwrite}
    steps.extend(_merge_step(merge, group, options=options) for group in groups)
    return steps + _fixup(master.id, after_merges({**master.fields, **pre}), targets)


def _chosen(merge: GroupMerge, targets: dict[str, JsonValue]) -> dict[str, JsonValue]:
    """Only the reviewer's choices need writing: other targets are what the merge
    itself produces (see target_values)."""
    return {k: v for k, v in targets.items() if k in merge.fields}


def _merge_step(merge: GroupMerge, losers: tuple[str, ...], **extra) -> MergeStep:
    return MergeStep(
        index=0,
        kind=StepKind.MERGE,
        master=merge.master,
        losers=losers,
        keep_attachments=merge.attachments.keep,
        **extra,
    )


def _fixup(master_id: str, state: dict, targets: dict) -> list[MergeStep]:
    rest = _differences(state, targets)
    if not rest:
        return []
    return [MergeStep(index=0, kind=StepKind.UPDATE, master=master_id, values=rest)]


def _field_names(records: dict[str, Record], merge: GroupMerge, fields: dict[str, FieldDef]):
    """Writable fields of the group, in metadata order then first appearance."""
    names: dict[str, None] = {}
    for name, definition in fields.items():
        if definition.writable:
            names[name] = None
    for rid in merge.record_ids:
        for name in records[rid].fields:
            if name not in fields:
                names[name] = None
    names.update(dict.fromkeys(merge.fields))
    return list(names)


_PLANNERS = {
    ValuesVia.UPDATE_AROUND: _plan_update_around,
    ValuesVia.MASTER_BODY: _plan_master_body,
    ValuesVia.UPDATE_CONTENT: _plan_update_content,
    ValuesVia.CHILD_FIELDS: _plan_child_fields,
    ValuesVia.FILL_OR_OVERWRITE: _plan_fill_or_overwrite,
}

"""The merged record as the CRM will really produce it, and what the merge loses.
Notes are data (kind, field, records, values); the UI words them. No Qt, no I/O."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, JsonValue

from mergedesk.core.capabilities import Capabilities, FileHandling, LoserFate
from mergedesk.core.models import FieldDef, Record
from mergedesk.core.plan import GroupMerge
from mergedesk.core.steps import StepKind, plan_steps
from mergedesk.core.values import is_blank, same_value


class NoteKind(StrEnum):
    LOSERS_DELETED = "losers_deleted"
    LOSERS_DEACTIVATED = "losers_deactivated"
    LOSERS_RETIRED = "losers_retired"
    VALUE_DROPPED = "value_dropped"  # a loser's non-blank value that will not survive
    NOT_CARRIED = "not_carried"  # the CRM's merge drops this field from losers
    FILES_DROPPED = "files_dropped"
    CHAINED = "chained"  # more records than one call takes: several calls in a row


class PreviewNote(BaseModel):
    model_config = ConfigDict(frozen=True)

    kind: NoteKind
    field: str | None = None
    records: tuple[str, ...] = ()
    values: tuple[JsonValue, ...] = ()
    count: int = 0


class MergePreview(BaseModel):
    model_config = ConfigDict(frozen=True)

    values: dict[str, JsonValue]
    notes: tuple[PreviewNote, ...]
    calls: int

    @property
    def warnings(self) -> tuple[PreviewNote, ...]:
        return tuple(n for n in self.notes if n.kind in _WARNINGS)


_WARNINGS = {NoteKind.VALUE_DROPPED, NoteKind.NOT_CARRIED, NoteKind.FILES_DROPPED}
_FATE_NOTE = {
    LoserFate.DELETED: NoteKind.LOSERS_DELETED,
    LoserFate.DEACTIVATED: NoteKind.LOSERS_DEACTIVATED,
    LoserFate.RETIRED: NoteKind.LOSERS_RETIRED,
}


def preview_merge(
    merge: GroupMerge,
    records: dict[str, Record],
    caps: Capabilities,
    fields: dict[str, FieldDef],
) -> MergePreview:
    """The survivor after every planned call, and notes on what is lost or changed."""
    plan = plan_steps(merge, records, caps, fields)
    notes = [PreviewNote(kind=_FATE_NOTE[caps.loser_fate], records=merge.others)]
    merge_calls = sum(1 for s in plan.steps if s.kind == StepKind.MERGE)
    if merge_calls > 1:
        notes.append(PreviewNote(kind=NoteKind.CHAINED, count=merge_calls))
    notes.extend(_dropped_values(merge, records, caps, plan.targets))
    notes.extend(_dropped_files(merge, records, caps))
    return MergePreview(values=plan.targets, notes=tuple(notes), calls=len(plan.steps))


def _dropped_values(merge, records, caps, targets) -> list[PreviewNote]:
    notes = []
    for name, target in targets.items():
        lost = [
            (rid, records[rid].fields.get(name))
            for rid in merge.others
            if not is_blank(records[rid].fields.get(name))
            and not _survives(records[rid].fields.get(name), target)
        ]
        if not lost:
            continue
        kind = NoteKind.NOT_CARRIED if name in caps.not_carried else NoteKind.VALUE_DROPPED
        notes.append(PreviewNote(kind=kind, field=name, records=tuple(r for r, _ in lost),
                                 values=tuple(v for _, v in lost)))
    return notes


def _survives(value: JsonValue, target: JsonValue) -> bool:
    """A loser's value survives if the target holds it (or, for lists, all of it)."""
    if isinstance(value, list) and isinstance(target, list):
        return all(any(same_value(v, t) for t in target) for v in value)
    return same_value(value, target)


def _dropped_files(merge, records, caps) -> list[PreviewNote]:
    if caps.files == FileHandling.NONE or merge.attachments.keep is None:
        return []
    keep = set(merge.attachments.keep)
    dropped = [a for rid in merge.record_ids for a in records[rid].attachments
               if a.id not in keep]
    if not dropped:
        return []
    return [PreviewNote(kind=NoteKind.FILES_DROPPED, records=tuple(a.id for a in dropped),
                        values=tuple(a.name for a in dropped), count=len(dropped))]

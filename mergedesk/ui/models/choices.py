"""MergeChoices: the reviewer's decisions for one group (the master, whose value of each
field survives or a typed value, which files stay), the merged preview they produce and
the GroupMerge they submit. No Qt: CompareModel shows it; the undo stack replays its
ChoicesState snapshots."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from mergedesk.core.capabilities import Capabilities, FileHandling
from mergedesk.core.master import MasterRule, MasterSuggestion, suggest_master
from mergedesk.core.models import Attachment, FieldDef, Record
from mergedesk.core.plan import AttachmentChoice, FieldChoice, GroupMerge
from mergedesk.core.preview import MergePreview, preview_merge
from mergedesk.core.values import JsonValue, is_blank, same_value


@dataclass(frozen=True)
class ChoicesState:
    """Everything the reviewer decided on a group, as one value (for undo and for coming
    back to a group later)."""

    master: str
    chosen: Mapping[str, str] = field(default_factory=dict)
    picked: frozenset[str] = frozenset()
    custom: Mapping[str, JsonValue] = field(default_factory=dict)
    keep: frozenset[str] | None = None


class MergeChoices:
    """Defaults: the master is the record the rule prefers (unless given); each field
    keeps the master's value, or the first non-blank value of the others when the
    master's is blank. Values picked or typed by hand stay when the master changes."""

    def __init__(self, group_id: str, records: Sequence[Record], fields: Sequence[FieldDef],
                 caps: Capabilities, master: str | None = None,
                 rule: MasterRule = MasterRule.MOST_COMPLETE):
        if len(records) < 2:
            raise ValueError("a merge needs at least two records")
        self.group_id = group_id
        self.records = tuple(records)
        self.record_ids = tuple(r.id for r in self.records)
        self.caps = caps
        self.fields = tuple(rows_for(self.records, fields))
        self._by_id = {r.id: r for r in self.records}
        self._defs = {f.api_name: f for f in self.fields}
        self.suggestion: MasterSuggestion = suggest_master(
            self.records, rule, [f.api_name for f in self.fields])
        self.master = master if master in self._by_id else self.suggestion.record_id
        self._chosen: dict[str, str] = {}
        self._picked: set[str] = set()
        self._custom: dict[str, JsonValue] = {}
        self._differs = {f.api_name: self._compute_differs(f.api_name) for f in self.fields}
        self.attachments: tuple[Attachment, ...] = tuple(
            a for r in self.records for a in r.attachments)
        # Where the reviewer may choose files, every file stays unless unticked: a lost
        # file is worse than one too many. Elsewhere the CRM decides (keep is None).
        self._keep: set[str] | None = (
            {a.id for a in self.attachments if self.selectable(a)}
            if caps.files == FileHandling.SELECTABLE_FIELDS else None)
        self.preview: MergePreview | None = None
        self._reset_defaults()

    def record(self, record_id: str) -> Record:
        return self._by_id[record_id]

    def differs(self, api_name: str) -> bool:
        return self._differs.get(api_name, False)

    def chosen(self, api_name: str) -> str:
        """The record whose value survives ("" when the reviewer typed one)."""
        if api_name in self._custom:
            return ""
        return self._chosen.get(api_name, self.master)

    def custom(self, api_name: str) -> JsonValue:
        return self._custom.get(api_name)

    def is_custom(self, api_name: str) -> bool:
        return api_name in self._custom

    def choose(self, api_name: str, record_id: str) -> bool:
        """Keep `record_id`'s value of the field; False for read-only or unknown ones."""
        definition = self._defs.get(api_name)
        if definition is None or not definition.writable or record_id not in self._by_id:
            return False
        self._custom.pop(api_name, None)
        self._chosen[api_name] = record_id
        self._picked.add(api_name)
        self._refresh_preview()
        return True

    def set_custom(self, api_name: str, value: JsonValue) -> bool:
        """Keep a value the reviewer typed (writable fields only)."""
        definition = self._defs.get(api_name)
        if definition is None or not definition.writable:
            return False
        self._custom[api_name] = value
        self._picked.add(api_name)
        self._refresh_preview()
        return True

    def set_master(self, record_id: str) -> bool:
        if record_id not in self._by_id or record_id == self.master:
            return False
        self.master = record_id
        self._reset_defaults()
        return True

    # Files
    def selectable(self, attachment: Attachment) -> bool:
        """Whether the reviewer may choose to keep or drop this file in this CRM: Zoho's
        file-upload fields (master_record_fields); every other file follows the CRM."""
        return self.caps.files == FileHandling.SELECTABLE_FIELDS and attachment.field is not None

    def kept(self, attachment: Attachment) -> bool:
        """Whether the file survives the merge."""
        if self._keep is None or not self.selectable(attachment):
            return self.caps.files != FileHandling.NONE
        return attachment.id in self._keep

    def set_kept(self, attachment_id: str, keep: bool) -> bool:
        found = next((a for a in self.attachments if a.id == attachment_id), None)
        if found is None or self._keep is None or not self.selectable(found):
            return False
        (self._keep.add if keep else self._keep.discard)(attachment_id)
        self._refresh_preview()
        return True

    # The result
    def preview_value(self, api_name: str) -> JsonValue:
        """The survivor's value after the merge (read-only fields keep the master's)."""
        if self.preview is not None and api_name in self.preview.values:
            return self.preview.values[api_name]
        return self.record(self.master).value(api_name)

    def changes_master(self, api_name: str) -> bool:
        """The merge gives the master a different value for this field."""
        return not same_value(self.preview_value(api_name),
                              self.record(self.master).value(api_name))

    def to_group_merge(self, group_id: str | None = None, *,
                       snapshot: bool = True) -> GroupMerge:
        """A choice for every field whose surviving value differs from the master's, the
        files to keep where the CRM lets us choose, and a snapshot of every record as the
        reviewer saw it (left out for previews: validating it is most of their cost)."""
        master = self.record(self.master)
        fields = {}
        for definition in self.fields:
            name = definition.api_name
            if not definition.writable:
                continue
            if name in self._custom:
                if not same_value(self._custom[name], master.value(name)):
                    fields[name] = FieldChoice.model_validate({"value": self._custom[name]})
                continue
            source = self.chosen(name)
            if not same_value(self.record(source).value(name), master.value(name)):
                fields[name] = FieldChoice.model_validate({"from": source})
        keep = None if self._keep is None else tuple(
            a.id for a in self.attachments if self.kept(a))
        return GroupMerge(
            group=group_id or self.group_id,
            master=self.master,
            others=tuple(r for r in self.record_ids if r != self.master),
            fields=fields,
            attachments=AttachmentChoice(keep=keep),
            snapshot={r.id: dict(r.fields) for r in self.records} if snapshot else None,
        )

    # Undo
    def state(self) -> ChoicesState:
        return ChoicesState(self.master, dict(self._chosen), frozenset(self._picked),
                            dict(self._custom),
                            None if self._keep is None else frozenset(self._keep))

    def restore(self, state: ChoicesState) -> None:
        """Go back to a state of this group (ids that are gone are ignored)."""
        self.master = state.master if state.master in self._by_id else self.master
        self._picked = {n for n in state.picked if n in self._defs}
        self._chosen = {n: r for n, r in state.chosen.items() if r in self._by_id}
        self._custom = {n: v for n, v in state.custom.items() if n in self._defs}
        if state.keep is not None and self._keep is not None:
            self._keep = {a.id for a in self.attachments if a.id in state.keep}
        self._reset_defaults()

    def _compute_differs(self, api_name: str) -> bool:
        first, *rest = (r.value(api_name) for r in self.records)
        return any(not same_value(first, v) for v in rest)

    def _reset_defaults(self) -> None:
        master = self.record(self.master)
        for definition in self.fields:
            name = definition.api_name
            if name in self._picked:
                continue
            source = self.master
            if is_blank(master.value(name)):
                source = next((r.id for r in self.records if not is_blank(r.value(name))),
                              self.master)
            self._chosen[name] = source
        self._refresh_preview()

    def _refresh_preview(self) -> None:
        merge = self.to_group_merge(self.group_id or "group", snapshot=False)
        self.preview = preview_merge(merge, self._by_id, self.caps, self._defs)


def rows_for(records: Sequence[Record], fields: Sequence[FieldDef]) -> list[FieldDef]:
    """The fields worth a row: those with a value on some record, in metadata order,
    then fields the metadata does not know (shown by api name, read-only)."""
    def filled(name: str) -> bool:
        return any(not is_blank(r.value(name)) for r in records)

    known = {f.api_name for f in fields}
    rows = [f for f in fields if filled(f.api_name)]
    extra: dict[str, None] = {}
    for record in records:
        extra.update((k, None) for k in record.fields if k not in known and filled(k))
    rows.extend(FieldDef(api_name=k, label=_label_of(k), writable=False) for k in extra)
    return rows


def _label_of(api_name: str) -> str:
    """A readable label for a field the metadata does not describe:
    "additional_attributes.country_code" -> "Country code"."""
    return api_name.rsplit(".", 1)[-1].replace("_", " ").strip().capitalize() or api_name

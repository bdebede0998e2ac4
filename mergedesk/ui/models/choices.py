"""MergeChoices: the reviewer's decisions for one group (the master, whose value of each
field survives or a typed value, which values of a checklist stay, which files stay),
the merged preview they produce and the GroupMerge they submit. No Qt: CompareModel
shows it; the undo stack replays its ChoicesState snapshots."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from mergedesk.core import multivalue as mv
from mergedesk.core import rules
from mergedesk.core.capabilities import Capabilities, FileHandling
from mergedesk.core.master import MasterRule, MasterSuggestion, suggest_master
from mergedesk.core.models import Attachment, FieldDef, FieldRole, Record
from mergedesk.core.plan import AttachmentChoice, FieldChoice, GroupMerge
from mergedesk.core.preflight import Finding, FindingKind
from mergedesk.core.preview import MergePreview, preview_merge
from mergedesk.core.values import JsonValue, is_blank, same_value
from mergedesk.ui.models import checklist
from mergedesk.ui.models.checklist import ListKind


@dataclass(frozen=True)
class ChoicesState:
    """Everything the reviewer decided on a group, as one value (for undo and for coming
    back to a group later)."""

    master: str
    chosen: Mapping[str, str] = field(default_factory=dict)
    picked: frozenset[str] = frozenset()
    custom: Mapping[str, JsonValue] = field(default_factory=dict)
    keep: frozenset[str] | None = None
    dropped: Mapping[str, frozenset[str]] = field(default_factory=dict)  # unticked keys
    separators: Mapping[str, str] = field(default_factory=dict)  # long text joins
    template: rules.RuleTemplate | None = None  # field rules applied (None: safe defaults)


class MergeChoices:
    """Defaults are core.rules.resolve's (nothing lost: every distinct value in a slot,
    the union or a note; the strictest opt-out; the earliest date; else the master's
    value, or the first other one where the master's is blank), on the records minus the
    values the reviewer unticked. The master is the record the rule prefers (unless
    given). Values picked or typed by hand stay when the master changes; owner, status
    and parent conflicts stay open until the reviewer picks a value."""

    def __init__(self, group_id: str, records: Sequence[Record], fields: Sequence[FieldDef],
                 caps: Capabilities, master: str | None = None,
                 rule: MasterRule = MasterRule.MOST_COMPLETE):
        if len(records) < 2:
            raise ValueError("a merge needs at least two records")
        self.group_id = group_id
        self.records = tuple(records)
        self.record_ids = tuple(r.id for r in self.records)
        self.caps = caps
        rows = rows_for(self.records, fields)
        # Every field the CRM describes (empty slots too: the defaults fill them).
        self._all = {f.api_name: f for f in (*fields, *rows)}
        self.lists = checklist.list_fields(self.records, self._all, rows)
        slotted = {m for c in self.lists.values() for m in c.members[1:]}
        self.fields = tuple(f for f in rows if f.api_name not in slotted)
        self._by_id = {r.id: r for r in self.records}
        self._defs = {f.api_name: f for f in self.fields}
        # Ties go to the record an integration knows (its id keeps working).
        linked = [n for n, f in self._all.items() if f.role == FieldRole.EXTERNAL_ID]
        self.suggestion: MasterSuggestion = suggest_master(
            self.records, rule, [f.api_name for f in self.fields], linked=linked)
        self.master = master if master in self._by_id else self.suggestion.record_id
        self._chosen: dict[str, str] = {}
        self._given: dict[str, JsonValue] = {}  # defaults no record holds (joined, union)
        self._picked: set[str] = set()
        self._custom: dict[str, JsonValue] = {}
        self._dropped: dict[str, frozenset[str]] = {}
        self._separators: dict[str, str] = {}
        self.template: rules.RuleTemplate = rules.SAFE
        self.defaults = rules.Defaults()
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

    def definition(self, api_name: str) -> FieldDef | None:
        return self._all.get(api_name)

    def differs(self, api_name: str) -> bool:
        return self._differs.get(api_name, False)

    def chosen(self, api_name: str) -> str:
        """The record whose value survives ("" when typed, or when the default is a
        value no single record holds: a union, a join, a slot's new value)."""
        if api_name in self._custom or (api_name in self._given and
                                        api_name not in self._picked):
            return ""
        return self._chosen.get(api_name, self.master)

    def custom(self, api_name: str) -> JsonValue:
        return self._custom.get(api_name)

    def is_custom(self, api_name: str) -> bool:
        return api_name in self._custom

    def decided(self, api_name: str) -> bool:
        """The reviewer picked or typed this field's value (a conflict is then settled)."""
        return api_name in self._picked

    def choose(self, api_name: str, record_id: str) -> bool:
        """Keep `record_id`'s value of the field; False for read-only or unknown ones."""
        definition = self._defs.get(api_name)
        if definition is None or not definition.writable or record_id not in self._by_id:
            return False
        self._custom.pop(api_name, None)
        self._chosen[api_name] = record_id
        self._picked.add(api_name)
        self._reset_defaults()
        return True

    def set_custom(self, api_name: str, value: JsonValue) -> bool:
        """Keep a value the reviewer typed (writable fields only)."""
        definition = self._defs.get(api_name)
        if definition is None or not definition.writable:
            return False
        self._custom[api_name] = value
        self._picked.add(api_name)
        self._reset_defaults()
        return True

    def set_master(self, record_id: str) -> bool:
        if record_id not in self._by_id or record_id == self.master:
            return False
        self.master = record_id
        self._reset_defaults()
        return True

    # Checklists
    def ticked(self, api_name: str, index: int) -> bool:
        found = self.lists.get(api_name)
        return found is not None and found.key(found.items[index]) not in \
            self._dropped.get(api_name, frozenset())

    def set_ticked(self, api_name: str, index: int, keep: bool) -> bool:
        """Keep or drop one value of a checklist; the defaults follow."""
        found = self.lists.get(api_name)
        if found is None or not 0 <= index < len(found.items) or \
                self.ticked(api_name, index) == keep:
            return False
        key = found.key(found.items[index])
        keys = self._dropped.get(api_name, frozenset())
        self._dropped[api_name] = keys - {key} if keep else keys | {key}
        self._reset_defaults()
        return True

    def landing(self, api_name: str, index: int) -> tuple[checklist.Landing, str]:
        """Where item `index` of a checklist lands on the survivor, and in which field."""
        return checklist.landing(self.lists[api_name], index, self.ticked(api_name, index),
                                 self.preview_value, self.defaults.note_field)

    def separator(self, api_name: str) -> str:
        return self._separators.get(api_name, self.template.separator)

    def set_template(self, template: rules.RuleTemplate) -> bool:
        """Apply a saved template of field rules; values picked by hand stay."""
        if template == self.template:
            return False
        self.template = template
        self._reset_defaults()
        return True

    def set_separator(self, api_name: str, separator: str) -> bool:
        found = self.lists.get(api_name)
        if found is None or found.kind != ListKind.JOIN or separator == self.separator(
                api_name):
            return False
        self._separators[api_name] = separator
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
        """A choice for every field whose surviving value differs from the master's (and
        for every conflict the reviewer settled, even on the master's own value: the
        plan records the decision), the files to keep where the CRM lets us choose, and
        a snapshot of every record as the reviewer saw it (left out for previews:
        validating it is most of their cost)."""
        master = self.record(self.master)
        fields = {}
        for definition in self._all.values():
            name = definition.api_name
            if not definition.writable:
                continue
            value, source = self._surviving(name)
            settled = name in self.conflicts() and name in self._picked
            if settled or not same_value(value, master.value(name)):
                fields[name] = FieldChoice.model_validate(
                    {"from": source} if source else {"value": value})
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

    def conflicts(self) -> dict[str, Finding]:
        """Owner, status and parent fields whose records disagree, by field."""
        return {f.field: f for f in self.defaults.findings
                if f.kind == FindingKind.CONFLICT and f.field}

    def ordered(self) -> list[Record]:
        """The records master first (the order the defaults fill slots in)."""
        return [self.record(self.master), *(r for r in self.records if r.id != self.master)]

    # Undo
    def state(self) -> ChoicesState:
        return ChoicesState(self.master, dict(self._chosen), frozenset(self._picked),
                            dict(self._custom),
                            None if self._keep is None else frozenset(self._keep),
                            dict(self._dropped), dict(self._separators), self.template)

    def restore(self, state: ChoicesState) -> None:
        """Go back to a state of this group (ids that are gone are ignored)."""
        self.master = state.master if state.master in self._by_id else self.master
        self._picked = {n for n in state.picked if n in self._defs}
        self._chosen = {n: r for n, r in state.chosen.items() if r in self._by_id}
        self._custom = {n: v for n, v in state.custom.items() if n in self._defs}
        self._dropped = {n: k for n, k in state.dropped.items() if n in self.lists}
        self._separators = {n: s for n, s in state.separators.items() if n in self.lists}
        self.template = state.template or rules.SAFE
        if state.keep is not None and self._keep is not None:
            self._keep = {a.id for a in self.attachments if a.id in state.keep}
        self._reset_defaults()

    def _compute_differs(self, api_name: str) -> bool:
        found = self.lists.get(api_name)
        if found is not None:  # a checklist differs when some record lacks some item
            return any(len(h) < len(self.records) for h in found.holders)
        first, *rest = (r.value(api_name) for r in self.records)
        return any(not same_value(first, v) for v in rest)

    def _surviving(self, name: str) -> tuple[JsonValue, str]:
        """The value the reviewer's choices give `name`, and the record it is taken from
        ("" for a value no record holds as it stands)."""
        if name in self._custom:
            return self._custom[name], ""
        if name in self._given and name not in self._picked:
            return self._given[name], ""
        source = self._chosen.get(name, self.master)
        return self.record(source).value(name), source

    def _reset_defaults(self) -> None:
        records = self.ordered()
        trimmed = checklist.without(records, self.lists, self._dropped)
        # The note field is joined with the template's separator (core.rules._notes).
        note = next((n for n, f in self._all.items()
                     if f.role == FieldRole.NOTE and f.writable), "")
        template = self.template.model_copy(update={
            "separator": self.separator(note), "fields": {
                **self.template.fields,
                **{n: rules.FieldRule(kind=rules.RuleKind.JOIN, separator=s)
                   for n, s in self._separators.items() if n != note}}})
        self.defaults = rules.resolve(trimmed, self._all, template)
        self._given = {}
        for name, definition in self._all.items():
            if name in self._picked or not definition.writable:
                continue
            self._chosen[name] = self.master
            choice = self.defaults.choices.get(name)
            if choice is None:
                continue
            source = next((r for r in trimmed if r.id == choice.from_record), None) \
                if choice.from_record else None
            if source is not None and same_value(
                    source.value(name), self.record(source.id).value(name)):
                self._chosen[name] = source.id
            else:  # unticked values were taken out of that record: write what is left
                self._given[name] = source.value(name) if source is not None else choice.value
        self._join_notes(trimmed)
        self._refresh_preview()

    def _join_notes(self, trimmed: Sequence[Record]) -> None:
        """core leaves the note field alone when no value needs it; its texts are a
        checklist like any long text, so they are joined too (none is lost)."""
        for name, found in self.lists.items():
            if found.kind != ListKind.JOIN or name in self._picked or \
                    name in self.defaults.choices:
                continue
            joined = mv.join_text((r.value(name) for r in trimmed), self.separator(name))
            if not same_value(joined or None, self.record(self.master).value(name)):
                self._given[name] = joined or None

    def _refresh_preview(self) -> None:
        merge = self.to_group_merge(self.group_id or "group", snapshot=False)
        self.preview = preview_merge(merge, self._by_id, self.caps, self._all)


def rows_for(records: Sequence[Record], fields: Sequence[FieldDef]) -> list[FieldDef]:
    """The fields worth a row: those with a value on some record, and the note field
    (values without a slot may go there: the reviewer sees what it will say), in
    metadata order, then fields the metadata does not know (by api name, read-only)."""
    def filled(name: str) -> bool:
        return any(not is_blank(r.value(name)) for r in records)

    known = {f.api_name for f in fields}
    rows = [f for f in fields
            if filled(f.api_name) or (f.role == FieldRole.NOTE and f.writable)]
    extra: dict[str, None] = {}
    for record in records:
        extra.update((k, None) for k in record.fields if k not in known and filled(k))
    rows.extend(FieldDef(api_name=k, label=_label_of(k), writable=False) for k in extra)
    return rows


def _label_of(api_name: str) -> str:
    """A readable label for a field the metadata does not describe:
    "additional_attributes.country_code" -> "Country code"."""
    return api_name.rsplit(".", 1)[-1].replace("_", " ").strip().capitalize() or api_name

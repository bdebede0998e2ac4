"""MergeChoices: the reviewer's decisions for one group (the master, and whose value of
each field survives), the merged preview they produce, and the GroupMerge they submit.
No Qt: CompareModel shows it; an undo stack can later replay it."""

from __future__ import annotations

from collections.abc import Sequence

from mergedesk.core.capabilities import Capabilities
from mergedesk.core.models import FieldDef, Record
from mergedesk.core.plan import FieldChoice, GroupMerge
from mergedesk.core.preview import MergePreview, preview_merge
from mergedesk.core.values import JsonValue, is_blank, same_value


class MergeChoices:
    """Defaults: the first record is master (unless given); each field keeps the
    master's value, or the first non-blank value of the others when the master's is
    blank. Values picked by hand stay when the master changes."""

    def __init__(self, group_id: str, records: Sequence[Record], fields: Sequence[FieldDef],
                 caps: Capabilities, master: str | None = None):
        if len(records) < 2:
            raise ValueError("a merge needs at least two records")
        self.group_id = group_id
        self.records = tuple(records)
        self.caps = caps
        self.fields = tuple(rows_for(self.records, fields))
        self._by_id = {r.id: r for r in self.records}
        self.master = master if master in self._by_id else self.records[0].id
        self._chosen: dict[str, str] = {}
        self._picked: set[str] = set()
        self._differs = {f.api_name: self._compute_differs(f.api_name) for f in self.fields}
        self.preview: MergePreview | None = None
        self._reset_defaults()

    @property
    def record_ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.records)

    def record(self, record_id: str) -> Record:
        return self._by_id[record_id]

    def differs(self, api_name: str) -> bool:
        return self._differs.get(api_name, False)

    def chosen(self, api_name: str) -> str:
        return self._chosen.get(api_name, self.master)

    def choose(self, api_name: str, record_id: str) -> bool:
        """Keep `record_id`'s value of the field; False for read-only or unknown ones."""
        field = next((f for f in self.fields if f.api_name == api_name), None)
        if field is None or not field.writable or record_id not in self._by_id:
            return False
        self._chosen[api_name] = record_id
        self._picked.add(api_name)
        self._refresh_preview()
        return True

    def set_master(self, record_id: str) -> bool:
        if record_id not in self._by_id or record_id == self.master:
            return False
        self.master = record_id
        self._reset_defaults()
        return True

    def preview_value(self, api_name: str) -> JsonValue:
        """The survivor's value after the merge (read-only fields keep the master's)."""
        if self.preview is not None and api_name in self.preview.values:
            return self.preview.values[api_name]
        return self.record(self.master).value(api_name)

    def changes_master(self, api_name: str) -> bool:
        """The merge gives the master a different value for this field."""
        return not same_value(self.preview_value(api_name),
                              self.record(self.master).value(api_name))

    def to_group_merge(self, group_id: str | None = None) -> GroupMerge:
        """A choice for every field whose surviving value differs from the master's,
        and a snapshot of every record as the reviewer saw it."""
        master = self.record(self.master)
        fields = {}
        for field in self.fields:
            source = self.chosen(field.api_name)
            value = self.record(source).value(field.api_name)
            if field.writable and not same_value(value, master.value(field.api_name)):
                fields[field.api_name] = FieldChoice.model_validate({"from": source})
        return GroupMerge(
            group=group_id or self.group_id,
            master=self.master,
            others=tuple(r for r in self.record_ids if r != self.master),
            fields=fields,
            snapshot={r.id: dict(r.fields) for r in self.records},
        )

    def _compute_differs(self, api_name: str) -> bool:
        first, *rest = (r.value(api_name) for r in self.records)
        return any(not same_value(first, v) for v in rest)

    def _reset_defaults(self) -> None:
        master = self.record(self.master)
        for field in self.fields:
            name = field.api_name
            if name in self._picked:
                continue
            source = self.master
            if is_blank(master.value(name)):
                source = next((r.id for r in self.records if not is_blank(r.value(name))),
                              self.master)
            self._chosen[name] = source
        self._refresh_preview()

    def _refresh_preview(self) -> None:
        merge = self.to_group_merge(self.group_id or "group")
        defs = {f.api_name: f for f in self.fields}
        self.preview = preview_merge(merge, self._by_id, self.caps, defs)


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

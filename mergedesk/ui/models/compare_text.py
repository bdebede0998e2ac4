"""The compare table's words: record titles, tooltips, and why the master is the master.
Strings use the fixed context "CompareModel" (the model that shows them)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from mergedesk.core.master import MasterRule, MasterSuggestion
from mergedesk.core.models import FieldDef, Record
from mergedesk.core.values import JsonValue
from mergedesk.ui.locale_format import short_date
from mergedesk.ui.models.display import value_text


def _t(text: str) -> str:
    return QCoreApplication.translate("CompareModel", text)


def rule_label(rule: MasterRule) -> str:
    return {
        MasterRule.MOST_COMPLETE: _t("Most complete"),
        MasterRule.OLDEST: _t("Oldest"),
        MasterRule.MOST_RELATED: _t("Most related items"),
    }[rule]


def master_reason(suggestion: MasterSuggestion, master: str, fields: int) -> str:
    """Why `master` is the master: the rule that chose it and the fact that decided, or
    that the reviewer chose it."""
    if master != suggestion.record_id:
        return _t("Master #{id}: your choice (the rules suggest #{suggested})").format(
            id=master, suggested=suggestion.record_id)
    facts = suggestion.of(master)
    rule = suggestion.decided_by
    if rule == MasterRule.MOST_COMPLETE:
        detail = _t("most complete, {filled} of {total} fields filled").format(
            filled=facts.filled, total=fields)
    elif rule == MasterRule.OLDEST and facts.created_at is not None:
        detail = _t("oldest, created {date}").format(date=short_date(facts.created_at))
    elif rule == MasterRule.MOST_RELATED:
        detail = _t("most related items ({count})").format(count=facts.related)
    else:
        detail = _t("the records tie on every rule: the first one")
    if rule is not None and rule != suggestion.rule:
        detail = _t("{detail} ({rule}: a tie)").format(detail=detail,
                                                       rule=rule_label(suggestion.rule))
    return _t("Master #{id}: {detail}").format(id=master, detail=detail)


def record_title(section: int, record: Record, name: str) -> str:
    """"2  Ana Núñez" over "#12"; the master's header is bold with a star (and says so to
    screen readers and in its tooltip), so long CRM ids are not cut short."""
    name = name or _t("(no name)")
    return f"{section + 1}  {name}\n#{record.id}"


def record_accessible(section: int, record: Record, name: str, is_master: bool) -> str:
    name = name or _t("(no name)")
    template = _t("Record {n}, {name}, #{id}, master") if is_master else _t(
        "Record {n}, {name}, #{id}")
    return template.format(n=section + 1, name=name, id=record.id)


def record_tooltip(record: Record, is_master: bool) -> str:
    lines = [_t("Record {id}").format(id=record.id)]
    if record.created_at:
        lines.append(_t("Created {date}").format(date=short_date(record.created_at)))
    lines.extend(f"{kind}: {count}" for kind, count in sorted(record.related_counts.items()))
    lines.append(_t("Filled fields: {n}").format(n=record.filled_count()))
    if record.attachments:
        lines.append(_t("Files: {n}").format(n=len(record.attachments)))
    lines.append(_t("Master: this record survives") if is_master
                 else _t("Press M or click here to make it the master"))
    return "\n".join(lines)


def cell_tooltip(record: Record | None, value: JsonValue, marked: bool, typed: bool) -> str:
    text = value_text(value)
    if record is None:
        if typed:
            return _t("After the merge: {value} (typed by you; F2 to change)").format(value=text)
        return _t("After the merge: {value} (F2 or E to type another value)").format(value=text)
    if marked:
        return _t("{value} (this value is kept)").format(value=text)
    return text


def field_tooltip(field: FieldDef, differs: bool) -> str:
    lines = [field.api_name]
    if differs:
        lines.append(_t("The records differ here."))
    if not field.writable:
        lines.append(_t("Read-only: the master's value stays."))
    return "\n".join(lines)


def preview_title(crm: str) -> str:
    return _t("Merged preview\nas {crm} will keep it").format(crm=crm)


def preview_tooltip() -> str:
    return _t("The record as the CRM will hold it after the merge")


def kept_description() -> str:
    return _t("kept")


# What an edit did, for the Edit menu's "Undo …" and "Redo …".
def edit_pick(field: str, record_id: str) -> str:
    return _t("keep {field} of #{id}").format(field=field, id=record_id)


def edit_typed(field: str) -> str:
    return _t("type {field}").format(field=field)


def edit_master(record_id: str) -> str:
    return _t("make #{id} the master").format(id=record_id)


def edit_file(attachment_id: str, keep: bool) -> str:
    template = _t("keep file {id}") if keep else _t("drop file {id}")
    return template.format(id=attachment_id)

"""The compare table's words: record titles, tooltips, and why the master is the master.
Strings use the fixed context "CompareModel" (the model that shows them)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from mergedesk.core.master import Criterion, MasterRule, MasterSuggestion
from mergedesk.core.models import FieldDef, Record, Sensitive
from mergedesk.core.values import JsonValue
from mergedesk.ui.locale_format import short_date
from mergedesk.ui.models.checklist import SEPARATORS, Landing
from mergedesk.ui.models.display import value_text
from mergedesk.ui.models.safeguards import Flag, FlagKind

WARNING = "#d98a1c"  # the amber of the icon set: readable on light and dark bases


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
    elif suggestion.decided_by_criterion == Criterion.LINKED:
        detail = _t("linked to an integration (it holds an id one set)")
    else:
        detail = _t("the records tie on every rule: the first one")
    if (rule is not None and rule != suggestion.rule) or \
            suggestion.decided_by_criterion == Criterion.LINKED:
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


def edit_tick(field: str, value: str, keep: bool) -> str:
    template = _t("keep {value} in {field}") if keep else _t("drop {value} from {field}")
    return template.format(value=value, field=field)


def edit_template(name: str) -> str:
    return _t("apply the field rules “{name}”").format(name=name)


def edit_separator(field: str) -> str:
    return _t("join {field} differently").format(field=field)


# Checklists of multi-valued fields
def separator_label(separator: str) -> str:
    return {
        SEPARATORS[0]: _t("a blank line"),
        SEPARATORS[1]: _t("a line break"),
        SEPARATORS[2]: _t("a dot ( · )"),
        SEPARATORS[3]: _t("a bar ( | )"),
    }.get(separator, repr(separator))


def landing(where: Landing, field: str) -> str:
    """The preview column of a checklist value: where it lands on the survivor, short
    enough for a narrow column (the tooltip says more)."""
    if where == Landing.SLOT:
        return _t("→ {field}").format(field=field)
    if where == Landing.UNION:
        return _t("→ {field} (union)").format(field=field)
    if where == Landing.JOINED:
        return _t("→ joined into {field}").format(field=field)
    if where == Landing.NOTE:
        return _t("→ note on the survivor")
    if where == Landing.DROPPED:
        return _t("Dropped: will be lost")
    return _t("Not kept: will be lost")


def landing_detail(where: Landing, field: str, separator: str) -> str:
    """The tooltip of a checklist value's preview cell."""
    if where == Landing.SLOT:
        return _t("Kept in {field} of the survivor").format(field=field)
    if where == Landing.UNION:
        return _t("Kept: {field} holds the values of every record").format(field=field)
    if where == Landing.JOINED:
        return _t("Kept: joined into {field}, after {separator}").format(
            field=field, separator=separator_label(separator))
    if where == Landing.NOTE:
        return _t("Kept in a note on the survivor ({field}): the CRM has no free slot "
                  "for it").format(field=field)
    if where == Landing.DROPPED:
        return _t("You unticked it: the merge will lose it")
    return _t("The merged record will not hold it (a value you typed replaced it)")


def item_tooltip(detail: str, ticked: bool) -> str:
    hint = _t("Space or a click drops it") if ticked else _t("Space or a click keeps it")
    return f"{detail}\n{hint}"


def row_accessible(field: FieldDef, item: int) -> str:
    if item < 0:
        return field.display_label
    return _t("{field}, value {n}").format(field=field.display_label, n=item + 1)


# Flags: safe defaults and conflicts
def flag_icon(flag: Flag) -> str:
    if flag.kind == FlagKind.SAFE_DEFAULT:
        return "safe-default"
    return "chosen" if flag.decided else "status-warning"


def flag_badge(flag: Flag) -> str:
    """The badge's word: what kind of flag, at a glance."""
    if flag.kind == FlagKind.SAFE_DEFAULT:
        return _t("Overridden") if flag.decided else _t("Safe default")
    return _t("Decided") if flag.decided else _t("Decide")


def flag_reason(flag: Flag, field: FieldDef) -> str:
    """One line: why the value was chosen, or what the reviewer must do."""
    label = field.display_label
    if flag.kind == FlagKind.CONFLICT:
        if flag.decided:
            return _t("{field}: your choice is recorded in the plan").format(field=label)
        return {
            Sensitive.OWNER: _t("{field}: the records have different owners; choose the one "
                                "the survivor keeps (1–9 on the row)"),
            Sensitive.LIFECYCLE: _t("{field}: the records are at different stages; choose "
                                    "the one the survivor keeps (1–9 on the row)"),
        }.get(flag.sensitive, _t("{field}: the records have different parents; choose the "
                                 "one the survivor keeps (1–9 on the row)")).format(field=label)
    if flag.decided:
        return _t("{field}: you overrode the safe default").format(field=label)
    return {
        Sensitive.OPT_OUT: _t("{field}: an opt-out on any record is kept (the strictest "
                              "value wins); pick another value to override"),
        Sensitive.DO_NOT_CALL: _t("{field}: a do-not-call on any record is kept (the "
                                  "strictest value wins); pick another value to override"),
        Sensitive.CONSENT: _t("{field}: a withdrawn consent on any record is kept; pick "
                              "another value to override"),
    }.get(flag.sensitive, _t("{field}: the earliest date is kept; pick another value to "
                             "override")).format(field=label)

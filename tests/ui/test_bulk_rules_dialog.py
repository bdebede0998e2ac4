"""The Bulk rules dialog: rules edited, loaded and saved, counts per rule, a sample side
by side with the merged result, approval into the merge queue; and, on the real window
over the Chatwoot sandbox, approved merges run through the window's queue."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from mergedesk.core.bulk_eval import BulkInputs, evaluate
from mergedesk.core.bulk_rules import RuleSet
from mergedesk.core.models import DuplicateGroup, FieldDef, FieldType, Record
from mergedesk.ui.models.queue import QueueState
from mergedesk.ui.review.bulk_rules_dialog import BulkRulesDialog
from mergedesk.ui.tasks import TaskRunner

FIELDS = {f.api_name: f for f in (
    FieldDef(api_name="Last_Name"), FieldDef(api_name="Email", type=FieldType.EMAIL),
    FieldDef(api_name="Phone", type=FieldType.PHONE), FieldDef(api_name="Title"))}
RULES = {"rules": [
    {"name": "same email", "when": {"min_score": 0.95, "same": ["email"],
                                    "no_conflicts": True}, "master": "oldest"},
    {"name": "others", "when": {"min_score": 0.5}, "master": "most_complete"},
]}


def inputs(pairs: int = 12) -> BulkInputs:
    records, groups = {}, []
    for n in range(pairs):
        a = Record(id=f"{n}a", fields={"Last_Name": "Ng", "Email": f"ann{n}@x.com",
                                       "Phone": None, "Title": "CTO"},
                   created_at=datetime(2020, 1, 1, tzinfo=UTC))
        b = Record(id=f"{n}b", fields={"Last_Name": "Ng", "Email": f"ANN{n}@x.com",
                                       "Phone": "+14155550100", "Title": "CTO" if n % 3
                                       else "CEO"}, created_at=datetime(2021, 1, 1, tzinfo=UTC))
        records.update({a.id: a, b.id: b})
        groups.append((DuplicateGroup(id=f"g{n}", score=0.99, records=(a.id, b.id)), "open"))
    return BulkInputs(entity="contacts", groups=groups, records=records, fields=FIELDS)


@pytest.fixture
def dialog(qtbot, qloop):
    data, submitted = inputs(), []

    async def run(rules: RuleSet):
        return evaluate(rules, data)

    def submit(items):
        submitted.extend(items)
        return len(items)

    tasks = TaskRunner()
    shown = BulkRulesDialog(run, submit, tasks, text=json.dumps(RULES, indent=2))
    qtbot.addWidget(shown)
    shown.submitted = submitted  # type: ignore[attr-defined]
    shown.show()
    return shown


def count(qtbot, dialog):
    with qtbot.waitSignal(dialog.evaluated, timeout=10_000):
        qtbot.mouseClick(dialog.evaluate_button, Qt.MouseButton.LeftButton)


def test_counts_each_rule_and_shows_a_sample_with_the_merged_result(qtbot, dialog):
    count(qtbot, dialog)
    rows = {dialog.counts.item(r, 0).text(): dialog.counts.item(r, 1).text()
            for r in range(dialog.counts.rowCount())}
    assert rows == {"same email": "8", "others": "4"}  # titles differ in 4 of 12
    tables = dialog.sample.tables
    assert len(tables) == 5
    first = tables[0]
    headers = [first.horizontalHeaderItem(c).text() for c in range(first.columnCount())]
    assert headers[0].endswith("a (master)") and headers[-1] == "Merged"
    phone = [first.verticalHeaderItem(r).text() for r in range(first.rowCount())].index("Phone")
    merged = first.item(phone, first.columnCount() - 1)
    assert merged.text() == "+14155550100" and merged.font().bold()  # filled from the other
    assert dialog.approve_button.isEnabled() and "12" in dialog.approve_button.text()


def test_another_rule_and_another_sample_show_other_groups(qtbot, dialog):
    count(qtbot, dialog)
    shown = lambda: [t.horizontalHeaderItem(0).text() for t in dialog.sample.tables]  # noqa: E731
    first = shown()
    dialog.counts.selectRow(1)
    others = shown()
    assert len(first) == 5 and len(others) == 4 and not set(first) & set(others)
    dialog.counts.selectRow(0)
    assert shown() == first  # the same seed: the same sample
    qtbot.mouseClick(dialog.resample_button, Qt.MouseButton.LeftButton)
    assert len(shown()) == 5 and shown() != first


def test_malformed_rules_show_the_bad_items_path_and_count_nothing(qtbot, dialog):
    dialog.editor.setPlainText('{"rules": [{"name": "x", "when": {"max_size": 1}}]}')
    qtbot.mouseClick(dialog.evaluate_button, Qt.MouseButton.LeftButton)
    assert "rules[0].when.max_size" in dialog.problems.text()
    assert dialog.evaluation is None and not dialog.approve_button.isEnabled()


def test_editing_the_rules_drops_the_counts_until_counted_again(qtbot, dialog):
    count(qtbot, dialog)
    dialog.editor.insertPlainText(" ")
    assert dialog.evaluation is None and not dialog.approve_button.isEnabled()


def test_approve_hands_every_merge_to_the_queue_once(qtbot, dialog):
    count(qtbot, dialog)
    with qtbot.waitSignal(dialog.approved, timeout=10_000) as signal:
        qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    assert signal.args == [12]
    groups = [merge.group for _, merge in dialog.submitted]
    assert sorted(groups) == sorted(f"g{n}" for n in range(12))
    assert {rule.name for rule, _ in dialog.submitted} == {"same email", "others"}
    assert not dialog.approve_button.isEnabled()  # approved once; count again for more


def test_rules_are_saved_normalised_and_loaded_back(qtbot, dialog, tmp_path):
    path = tmp_path / "rules.json"
    assert dialog.save(path)
    saved = RuleSet.from_json_text(path.read_text())
    assert [r.name for r in saved.rules] == ["same email", "others"]
    dialog.editor.setPlainText("{}")
    dialog.load(path)
    assert RuleSet.from_json_text(dialog.editor.toPlainText()) == saved
    dialog.editor.setPlainText("not json")
    assert not dialog.save(tmp_path / "bad.json") and not (tmp_path / "bad.json").exists()


def test_on_the_window_approved_merges_run_through_its_merge_queue(qtbot, desk):
    window = desk.window
    with qtbot.waitSignal(window.groups_loaded, timeout=60_000):
        window.start_scan()  # caches the records the rules look at
    assert window.actions.bulk_rules.isEnabled()
    dialog = window.show_bulk_rules()
    dialog.editor.setPlainText(json.dumps({"rules": [
        {"name": "pairs", "when": {"max_size": 2, "min_score": 0.5}, "master": "oldest"}]}))
    count(qtbot, dialog)
    taken = dialog.evaluation.total
    assert taken > 0
    with qtbot.waitSignal(dialog.approved, timeout=10_000):
        dialog.approve()
    items = window.queue.model.items()
    assert len(items) == taken and {i.title for i in items} == {"pairs"}
    qtbot.waitUntil(lambda: window.queue.count(QueueState.DONE) == taken, timeout=60_000)
    assert all(i.outcome.status == "merged" for i in items), [i.outcome for i in items]
    assert desk.fake.requests["POST /actions/contact_merge"] == taken
    # The history dock refreshes a moment after merges: not after the store is closed.
    qtbot.waitUntil(lambda: not window.history_panel._pending.isActive()
                    and not window.tasks.running("history-read"), timeout=10_000)


@pytest.mark.parametrize("master", ["oldest", "most_complete", "most_related"])
@pytest.mark.parametrize("second_email", ["ana@x.com", "ana.n@y.com"])
def test_a_rule_merges_a_group_exactly_as_the_review_window_would(master, second_email):
    """The same master rule and the window's defaults (fill blanks, slots or a note for
    other e-mails, tags unioned, notes joined): the same GroupMerge, snapshot included."""
    from mergedesk.core.bulk_rules import build_merge
    from mergedesk.core.master import MasterRule
    from mergedesk.providers.chatwoot import CAPABILITIES
    from mergedesk.providers.chatwoot.mapping import STANDARD_FIELDS
    from mergedesk.ui.models.choices import MergeChoices

    a = Record(id="1", fields={"name": "Ana Núñez", "email": "ana@x.com", "phone_number": None,
                               "additional_attributes.company_name": "Acme", "labels": ["vip"],
                               "additional_attributes.description": "met at the fair"},
               created_at=datetime(2020, 1, 1, tzinfo=UTC), related_counts={"notes": 1})
    b = Record(id="2", fields={"name": "Ana Nunez", "email": second_email,
                               "phone_number": "+14155550100", "labels": ["lead"],
                               "additional_attributes.city": "Paris",
                               "additional_attributes.description": "called twice"},
               created_at=datetime(2021, 1, 1, tzinfo=UTC), related_counts={"notes": 4})
    hand = MergeChoices("g", [a, b], list(STANDARD_FIELDS), CAPABILITIES,
                        rule=MasterRule(master)).to_group_merge()
    rule = RuleSet.model_validate({"rules": [{"name": "r", "master": master,
                                              "never_overwrite_non_empty": False}]}).rules[0]
    bulk = build_merge(rule, DuplicateGroup(id="g", score=1.0, records=("1", "2")), [a, b],
                       {f.api_name: f for f in STANDARD_FIELDS}, CAPABILITIES)
    assert bulk == hand


def test_groups_waiting_in_the_queue_are_not_taken_again(qtbot, desk):
    window = desk.window
    with qtbot.waitSignal(window.groups_loaded, timeout=60_000):
        window.start_scan()
    window.queue.hold_seconds = 600  # held: still waiting when counted again
    dialog = window.show_bulk_rules()
    dialog.editor.setPlainText(json.dumps({"rules": [{"name": "all"}]}))
    count(qtbot, dialog)
    taken = dialog.evaluation.total
    with qtbot.waitSignal(dialog.approved, timeout=10_000):
        dialog.approve()
    count(qtbot, dialog)
    assert taken > 0 and dialog.evaluation.total == 0
    assert window.queue.cancel_pending() == taken
    assert desk.fake.requests["POST /actions/contact_merge"] == 0


def test_empty_fields_and_slots_merge_as_the_review_window_would():
    """Zoho-like metadata: a hundred empty custom fields, an e-mail only in a secondary
    slot, tags and a note: still the window's GroupMerge."""
    from mergedesk.core.bulk_rules import build_merge
    from mergedesk.core.master import MasterRule
    from mergedesk.core.models import FieldRole, Sensitive
    from mergedesk.providers.zoho import CAPABILITIES
    from mergedesk.ui.models.choices import MergeChoices

    defs = [FieldDef(api_name="Last_Name"), FieldDef(api_name="Email", type=FieldType.EMAIL),
            FieldDef(api_name="Secondary_Email", type=FieldType.EMAIL, role=FieldRole.SLOT,
                     slot_of="Email"),
            FieldDef(api_name="Phone", type=FieldType.PHONE),
            FieldDef(api_name="Tag", type=FieldType.MULTI_PICKLIST, multi_valued=True),
            FieldDef(api_name="Email_Opt_Out", type=FieldType.BOOLEAN,
                     sensitive=Sensitive.OPT_OUT),
            FieldDef(api_name="Description", type=FieldType.LONG_TEXT, role=FieldRole.NOTE),
            *(FieldDef(api_name=f"Custom_{n}", custom=True) for n in range(100))]
    a = Record(id="1", fields={"Last_Name": "Ng", "Email": None, "Secondary_Email": "a@x.com",
                               "Tag": ["vip"], "Email_Opt_Out": False},
               created_at=datetime(2020, 1, 1, tzinfo=UTC))
    b = Record(id="2", fields={"Last_Name": "Ng", "Email": "b@y.com", "Phone": "+4930123456",
                               "Email_Opt_Out": True, "Description": "old note"},
               created_at=datetime(2021, 1, 1, tzinfo=UTC))
    hand = MergeChoices("g", [a, b], defs, CAPABILITIES,
                        rule=MasterRule.OLDEST).to_group_merge()
    rule = RuleSet.model_validate({"rules": [{"name": "r", "master": "oldest"}]}).rules[0]
    bulk = build_merge(rule, DuplicateGroup(id="g", score=1.0, records=("1", "2")), [a, b],
                       {f.api_name: f for f in defs}, CAPABILITIES)
    assert bulk.model_dump() == hand.model_dump()
    assert bulk.fields["Email_Opt_Out"].from_record == "2"  # the strictest flag, kept


def test_a_field_the_crm_does_not_have_is_shown_as_a_problem(qtbot, dialog):
    dialog.editor.setPlainText(json.dumps({"rules": [{"name": "x",
                                                      "when": {"same": ["Emial"]}}]}))
    qtbot.mouseClick(dialog.evaluate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Emial" in dialog.problems.text(), timeout=10_000)
    assert "rules[0].when.same" in dialog.problems.text() and dialog.evaluation is None

"""Multi-valued fields as checklists in the compare view: every distinct value ticked by
default (normalised: no repeats), where each lands (slot, union, joined, note), unticking
drops it and says so, Space toggles the focused value, long texts join with a chosen
separator, and the flags (safe defaults, conflicts) with their reasons."""

from PySide6.QtCore import Qt

from mergedesk.core.models import FieldDef, FieldRole, FieldType, Record, Sensitive
from mergedesk.providers.zoho.client import CAPABILITIES as ZOHO
from mergedesk.ui.models.compare import CompareModel, FlagRole, ItemRole
from mergedesk.ui.models.safeguards import FlagKind
from mergedesk.ui.review.review_panel import ReviewPanel

FIELDS = [
    FieldDef(api_name="Last_Name", label="Last Name"),
    FieldDef(api_name="Email", label="Email", type=FieldType.EMAIL),
    FieldDef(api_name="Secondary_Email", label="Secondary Email", type=FieldType.EMAIL,
             role=FieldRole.SLOT, slot_of="Email"),
    FieldDef(api_name="Phone", label="Phone", type=FieldType.PHONE),
    FieldDef(api_name="Mobile", label="Mobile", type=FieldType.PHONE, role=FieldRole.SLOT,
             slot_of="Phone"),
    FieldDef(api_name="Tag", label="Tag", type=FieldType.MULTI_PICKLIST, multi_valued=True),
    FieldDef(api_name="Email_Opt_Out", label="Email Opt Out", type=FieldType.BOOLEAN,
             sensitive=Sensitive.OPT_OUT),
    FieldDef(api_name="Owner", label="Owner", type=FieldType.LOOKUP, sensitive=Sensitive.OWNER),
    FieldDef(api_name="Description", label="Description", type=FieldType.LONG_TEXT,
             role=FieldRole.NOTE),
]
KIM, LEE = {"id": "u1", "name": "Kim"}, {"id": "u2", "name": "Lee"}


def records() -> list[Record]:
    """Three records of one person: a second e-mail and phone each (one repeated in
    another spelling), tags that overlap, an opt-out and another owner on a loser."""
    return [
        Record(id="1", fields={"Last_Name": "Ng", "Email": "ng@example.com",
                               "Phone": "+1 415 555 0100", "Tag": ["vip"],
                               "Email_Opt_Out": False, "Owner": KIM,
                               "Description": "Met at the fair"}),
        Record(id="2", fields={"Last_Name": "Ng", "Email": "ng@work.example",
                               "Secondary_Email": "NG@example.com", "Phone": "(415) 555-0111",
                               "Tag": ["lead", "vip"], "Email_Opt_Out": True, "Owner": LEE},
               related_counts={"conversations": 4, "notes": 2}),
        Record(id="3", fields={"Last_Name": "Ng", "Email": "ng@home.example",
                               "Mobile": "+14155550122", "Tag": ["x"], "Owner": KIM,
                               "Description": "Prefers phone calls"},
               related_counts={"conversations": 1}),
    ]


def _model(recs=None) -> CompareModel:
    model = CompareModel()
    model.set_group("g1", recs or records(), FIELDS, ZOHO, master="1")
    return model


def _preview(model: CompareModel, name: str, offset: int = 0) -> str:
    return model.index(model.row_of(name) + offset, model.preview_column).data()


def test_checklists_list_every_distinct_value_once_ticked_by_default(qtmodeltester):
    model = _model()
    qtmodeltester.check(model, force_py=True)
    emails = model.row_of("Email")
    values = [model.index(emails + i, model.preview_column).data(Qt.ItemDataRole.CheckStateRole)
              for i in range(3)]
    assert values == [Qt.CheckState.Checked] * 3
    # NG@example.com is ng@example.com: one row, held by records 1 and 2.
    assert [model.index(emails, c).data() for c in range(3)] == [
        "ng@example.com", "ng@example.com", ""]
    assert model.index(emails + 2, 0).data(ItemRole) == 2
    assert model.index(model.row_of("Last_Name"), 0).data(ItemRole) == -1  # a field row
    assert model.row_of("Secondary_Email") == -1  # slots are part of the Email checklist
    assert model.choices.lists["Tag"].items == ("vip", "lead", "x")


def test_preview_column_shows_where_each_kept_value_lands():
    model = _model()
    assert _preview(model, "Email") == "→ Email"
    assert _preview(model, "Email", 1) == "→ Secondary Email"
    assert _preview(model, "Email", 2) == "→ note on the survivor"
    note_cell = model.index(model.row_of("Email") + 2, model.preview_column)
    assert note_cell.data(Qt.ItemDataRole.ToolTipRole).startswith(
        "Kept in a note on the survivor (Description)")
    assert _preview(model, "Phone", 1) == "→ Mobile"
    assert _preview(model, "Phone", 2) == "→ note on the survivor"
    assert _preview(model, "Tag") == "→ Tag (union)"
    merge = model.to_group_merge()
    assert merge.fields["Secondary_Email"].value == "ng@work.example"
    assert merge.fields["Tag"].value == ["vip", "lead", "x"]
    note = merge.fields["Description"].value
    assert "ng@home.example" in note and "+14155550122" in note
    assert "Met at the fair" in note and "Prefers phone calls" in note  # both texts joined


def test_unticking_drops_a_value_and_the_preview_warns_of_the_loss(qtbot):
    model = _model()
    third = model.row_of("Email") + 2
    with qtbot.waitSignal(model.edited) as edited:
        assert model.setData(model.index(third, model.preview_column),
                             Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert edited.args[2] == "drop ng@home.example from Email"
    cell = model.index(third, model.preview_column)
    assert cell.data() == "Dropped: will be lost"
    assert cell.data(Qt.ItemDataRole.ForegroundRole).name() == "#d98a1c"
    merge = model.to_group_merge()
    assert "ng@home.example" not in merge.fields["Description"].value
    # Undo brings it back.
    model.restore_state(edited.args[0])
    assert "ng@home.example" in model.to_group_merge().fields["Description"].value


def test_space_toggles_the_focused_value_and_the_notes_say_it_is_dropped(qtbot):
    panel = ReviewPanel(CompareModel())
    qtbot.addWidget(panel)
    model = panel.compare_view.compare_model()
    model.set_group("g1", records(), FIELDS, ZOHO, master="1")
    view = panel.compare_view
    panel.show()
    view.setFocus()
    lead = model.row_of("Tag") + 1
    view.setCurrentIndex(model.index(lead, 1))
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert model.to_group_merge().fields["Tag"].value == ["vip", "x"]
    assert "Tag: you dropped lead; they will be lost." in panel.notes.warnings()
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert model.to_group_merge().fields["Tag"].value == ["vip", "lead", "x"]
    assert not any("lead" in w for w in panel.notes.warnings())
    # A click on a value row toggles it too.
    rect = view.visualRect(model.index(lead, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert model.to_group_merge().fields["Tag"].value == ["vip", "x"]


def test_long_text_joins_with_the_separator_chosen(qtbot):
    panel = ReviewPanel(CompareModel())
    qtbot.addWidget(panel)
    model = panel.compare_view.compare_model()
    model.set_group("g1", records(), FIELDS, ZOHO, master="1")
    panel.show()
    assert not panel.options.join_with.isVisible()
    panel.compare_view.setCurrentIndex(model.index(model.row_of("Description"), 0))
    assert panel.options.join_with.isVisible()
    assert panel.options.join_label.text() == "Join the texts of Description &with:"
    panel.options.join_with.setCurrentIndex(2)
    panel.options.join_with.activated.emit(2)
    note = model.to_group_merge().fields["Description"].value
    assert note.startswith("Met at the fair · Prefers phone calls")
    assert _preview(model, "Description") == "→ joined into Description"
    tip = model.index(model.row_of("Description"), model.preview_column).data(
        Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Kept: joined into Description, after a dot ( · )")


def test_opt_out_on_a_loser_survives_with_a_badge_and_a_reason_and_can_be_overridden():
    model = _model()
    row = model.row_of("Email_Opt_Out")
    flag = model.index(row, 0).data(FlagRole)
    assert flag.kind == FlagKind.SAFE_DEFAULT and not flag.decided
    assert model.choices.preview_value("Email_Opt_Out") is True
    tip = model.headerData(row, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole)
    assert "an opt-out on any record is kept (the strictest value wins)" in tip
    assert not model.headerData(row, Qt.Orientation.Vertical,
                                Qt.ItemDataRole.DecorationRole).isNull()
    assert model.choose(row, "1")  # the reviewer overrides: the master's "no opt-out"
    assert model.choices.preview_value("Email_Opt_Out") is False
    assert model.index(row, 0).data(FlagRole).decided


def test_owner_conflict_is_flagged_and_blocks_until_decided(qtbot):
    panel = ReviewPanel(CompareModel())
    qtbot.addWidget(panel)
    model = panel.compare_view.compare_model()
    model.set_group("g1", records(), FIELDS, ZOHO, master="1")
    panel.show()
    owner = model.row_of("Owner")
    assert model.index(owner, 0).data(FlagRole).kind == FlagKind.CONFLICT
    assert any(line.startswith("Decide: Owner: the records have different owners")
               for line in panel.checks.lines())
    assert not panel.confirm_merge()
    assert panel.banner_text().startswith("Not merged yet: decide Owner first")
    assert panel.compare_view.currentIndex().row() == owner  # the cursor went there
    qtbot.keyClick(panel.compare_view, Qt.Key.Key_1)  # keep the master's owner
    assert panel.confirm_merge()
    # The decision is in the plan even though it is the master's own value.
    assert model.to_group_merge().fields["Owner"].from_record == "1"
    assert any(line.startswith("Decided: Owner") for line in panel.checks.lines())


def test_will_move_sums_the_other_records_related_items(qtbot):
    panel = ReviewPanel(CompareModel())
    qtbot.addWidget(panel)
    model = panel.compare_view.compare_model()
    model.set_group("g1", records(), FIELDS, ZOHO, master="1")
    assert panel.notes.will_move_summary() == (
        "Will move to the survivor: 5 conversations, 2 notes")
    assert "#3 brings: 1 conversation" in panel.notes.will_move_lines()
    model.set_master("2")  # record 2's own items stay; 1 and 3 bring theirs
    assert panel.notes.will_move_summary() == "Will move to the survivor: 1 conversation"


def test_differences_only_hides_rows_where_every_record_agrees(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    panel = ReviewPanel(CompareModel())
    qtbot.addWidget(panel)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    panel.set_settings(settings)
    model = panel.compare_view.compare_model()
    model.set_group("g1", records(), FIELDS, ZOHO, master="1")
    panel.options.apply_differences_only()  # as show_group does
    view = panel.compare_view
    assert not panel.actions.differences_only.isChecked()  # few fields: off by default
    assert not view.isRowHidden(model.row_of("Last_Name"))
    panel.actions.differences_only.trigger()  # the reviewer turns it on: remembered
    assert view.isRowHidden(model.row_of("Last_Name"))  # "Ng" everywhere
    assert not view.isRowHidden(model.row_of("Owner"))
    assert settings.value("review/differences_only") == "on"
    panel.actions.differences_only.trigger()
    assert settings.value("review/differences_only") == "off"
    settings.remove("review/differences_only")
    many = [FieldDef(api_name=f"f{i}", label=f"F{i}") for i in range(25)]
    wide = [r.model_copy(update={"fields": {**r.fields, **{f"f{i}": "same" for i in range(25)}}})
            for r in records()]
    model.set_group("g2", wide, [*FIELDS, *many], ZOHO, master="1")
    panel.options.apply_differences_only()
    assert panel.actions.differences_only.isChecked()  # many fields: on by default
    assert view.isRowHidden(model.row_of("f3"))


def test_w_swaps_the_master(qtbot):
    panel = ReviewPanel(CompareModel())
    qtbot.addWidget(panel)
    model = panel.compare_view.compare_model()
    model.set_group("g1", records()[:2], FIELDS, ZOHO, master="1")
    panel._loaded = True
    panel._on_model_choices_changed()  # as show_group does
    panel.actions.swap_master.trigger()
    assert model.master == "2"
    panel.actions.swap_master.trigger()
    assert model.master == "1"


def test_f1_sheet_lists_swap_master_and_differences_only(qtbot):
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMainWindow

    from mergedesk.ui.dialogs.cheat_sheet import CheatSheetDialog
    from mergedesk.ui.review.actions import ReviewActions, ReviewMenus

    window = QMainWindow()
    qtbot.addWidget(window)
    actions = ReviewActions(window)
    menus = ReviewMenus(window, actions, QAction(window), QAction(window), [])
    sheet = CheatSheetDialog(menus.all(), window)
    qtbot.addWidget(sheet)
    text = sheet.text.toPlainText()
    assert "W\nSwap master" in text
    assert "Ctrl+Shift+D" in text and "Differences only" in text
    assert "Space ticks or unticks the value under the cursor" in text
    assert actions.differences_only in menus.view.actions()


def test_zoho_parent_rule_is_checked_before_submission(qtbot):
    parent = [FieldDef(api_name="Account_Name", label="Account Name", type=FieldType.LOOKUP,
                       sensitive=Sensitive.PARENT),
              FieldDef(api_name="Reporting_To", label="Reporting To", type=FieldType.LOOKUP,
                       sensitive=Sensitive.PARENT)]
    acme, globex = {"id": "a1", "name": "Acme"}, {"id": "a2", "name": "Globex"}
    boss, chief = {"id": "c1", "name": "Boss"}, {"id": "c2", "name": "Chief"}
    group = [Record(id="1", fields={"Last_Name": "Ng", "Account_Name": acme,
                                    "Reporting_To": boss}),
             Record(id="2", fields={"Last_Name": "Ng", "Account_Name": globex,
                                    "Reporting_To": chief})]
    panel = ReviewPanel(CompareModel())
    qtbot.addWidget(panel)
    model = panel.compare_view.compare_model()
    model.set_group("g1", group, [*FIELDS, *parent], ZOHO, master="1")
    panel.show()
    model.choose(model.row_of("Account_Name"), "1")
    model.choose(model.row_of("Reporting_To"), "2")  # Zoho refuses: two sources
    assert not panel.confirm_merge()
    assert panel.banner_text().startswith("Not merged: pre-flight says")
    assert "Zoho needs Reporting To and Account Name from the same record: take both from " \
        "one record." in panel.checks.lines()
    model.choose(model.row_of("Account_Name"), "2")
    assert panel.confirm_merge()


def test_a_tie_goes_to_the_record_an_integration_knows_and_the_reason_says_so():
    from mergedesk.providers.chatwoot import CAPABILITIES as CHATWOOT
    from tests.ui.factories import FIELDS as CHATWOOT_FIELDS
    from tests.ui.factories import contact

    group = [contact("1", name="Ana", email="a@example.com", phone_number="+34911222333"),
             contact("2", name="Ana", email="a@example.com", identifier="crm-42")]
    model = CompareModel()
    model.set_group("g1", group, CHATWOOT_FIELDS, CHATWOOT)
    assert model.master == "2"
    assert model.master_reason() == (
        "Master #2: linked to an integration (it holds an id one set) (Most complete: a tie)")


def test_a_conflict_on_a_field_the_crm_will_not_let_us_write_is_shown_without_blocking(qtbot):
    read_only = [f.model_copy(update={"writable": False}) if f.api_name == "Owner" else f
                 for f in FIELDS]
    panel = ReviewPanel(CompareModel())
    qtbot.addWidget(panel)
    model = panel.compare_view.compare_model()
    model.set_group("g1", records(), read_only, ZOHO, master="1")
    assert "Owner: the records differ and the CRM does not let MergeDesk write it; the " \
        "master keeps its own. Make the record with the right one the master (M or W)." \
        in panel.checks.lines()
    assert panel.confirm_merge()  # nothing the reviewer could pick would settle it

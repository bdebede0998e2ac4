"""CompareModel: fields x records with the merged preview; picks, typed values, the
master and its reason, read-only fields, undo states."""

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette

from mergedesk.core.master import MasterRule
from mergedesk.core.models import FieldDef, FieldType, Record
from mergedesk.core.preview import NoteKind
from mergedesk.providers.chatwoot import CAPABILITIES
from mergedesk.ui.models.compare import ChosenRole, CompareModel, DiffersRole, TypedRole
from mergedesk.ui.models.display import EMPTY, parse_value, value_text
from tests.ui.factories import FIELDS, ana_group


def _model() -> CompareModel:
    g, records = ana_group()
    model = CompareModel()
    model.set_group(g.id, records, FIELDS, CAPABILITIES)
    return model


def _column(model: CompareModel, api_name: str) -> list[str]:
    row = model.row_of(api_name)
    return [model.index(row, c).data() for c in range(model.columnCount())]


def test_compare_model_passes_qtmodeltester(qtmodeltester):
    model = _model()
    qtmodeltester.check(model, force_py=True)
    model.choose(model.row_of("name"), "12")
    model.set_master("13")
    model.clear()


def test_rows_are_fields_with_a_value_and_columns_are_records_plus_preview():
    model = _model()
    labels = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    # Blank everywhere: hidden. E-mails, phones and labels are checklists, one row per
    # distinct value, the field's label on the first.
    # The note field is shown although blank: the second e-mail goes there.
    assert labels == ["Name", "Email", "", "Phone", "City", "Description", "Labels", ""]
    assert model.columnCount() == 4
    preview = model.headerData(3, Qt.Orientation.Horizontal)
    assert preview == "Merged preview\nas Chatwoot will keep it"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "1  Ana Núñez\n#11"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "2  Ana Nunez\n#12"
    master = model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.AccessibleTextRole)
    assert master == "Record 1, Ana Núñez, #11, master"
    assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.FontRole).bold()


def test_blank_values_show_an_em_dash_in_grey():
    model = _model()
    city = model.row_of("additional_attributes.city")
    cell = model.index(city, 1)
    assert cell.data() == EMPTY
    grey = QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
    assert cell.data(Qt.ItemDataRole.ForegroundRole) == grey


def test_defaults_keep_the_masters_value_or_the_first_filled_one():
    model = _model()
    assert model.chosen(model.row_of("name")) == "11"
    assert model.chosen(model.row_of("phone_number")) == "12"  # master's phone is blank
    merge = model.to_group_merge()
    assert merge.master == "11" and merge.others == ("12", "13")
    assert merge.fields["phone_number"].from_record == "12"
    assert merge.snapshot["12"]["phone_number"] == "+34911222333"
    assert model.choices.preview_value("phone_number") == "+34911222333"
    assert _column(model, "phone_number")[-1] == "→ Phone"
    # Nothing lost by default: Chatwoot has one e-mail slot, so the second address goes
    # into the note (description); the labels of every record are unioned.
    assert "ana.nunez@example.com" in merge.fields["additional_attributes.description"].value
    note = _column(model, "additional_attributes.description")
    assert note[:3] == [EMPTY] * 3 and "ana.nunez@example.com" in note[-1]
    assert model.needs_row(model.row_of("additional_attributes.description"))
    assert merge.fields["labels"].value == ["vip", "lead"]


def test_choosing_a_value_changes_the_preview_and_the_group_merge(qtbot):
    model = _model()
    name = model.row_of("name")
    with qtbot.waitSignal(model.choices_changed):
        assert model.choose(name, "12")
    assert _column(model, "name")[-1] == "Ana Nunez"
    assert model.index(name, 1).data(ChosenRole) is True
    assert model.index(name, 0).data(ChosenRole) is False
    assert model.index(name, 1).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(name, 0).data(DiffersRole) is True
    merge = model.to_group_merge("g1")
    assert merge.fields["name"].from_record == "12"
    # Choosing the master's own value again removes the choice from the plan.
    model.choose(name, "11")
    assert "name" not in model.to_group_merge().fields


def test_labels_are_unioned_although_chatwoot_does_not_carry_them_in_a_merge():
    model = _model()
    kinds = {n.kind: n for n in model.notes()}
    assert kinds[NoteKind.LOSERS_DELETED].records == ("12", "13")
    assert NoteKind.NOT_CARRIED not in kinds  # written around the merge instead
    assert model.choices.preview_value("labels") == ["vip", "lead"]
    # Unticking one drops it from the survivor.
    lead = model.row_of("labels") + 1
    assert model.set_ticked(lead, False)
    assert model.choices.preview_value("labels") == ["vip"]
    assert model.index(lead, model.preview_column).data() == "Dropped: will be lost"


def test_set_master_moves_defaults_but_keeps_hand_picked_values(qtbot):
    model = _model()
    model.choose(model.row_of("name"), "12")
    with qtbot.waitSignal(model.headerDataChanged):
        assert model.set_master("13")
    assert model.master == "13"
    assert model.headerData(2, Qt.Orientation.Horizontal,
                            Qt.ItemDataRole.AccessibleTextRole).endswith("#13, master")
    merge = model.to_group_merge()
    assert merge.others == ("11", "12")
    assert merge.fields["name"].from_record == "12"  # picked by hand: kept
    city = model.row_of("additional_attributes.city")
    assert model.chosen(city) == "13"  # a default: follows the master
    assert not model.set_master("99")


def test_a_typed_value_survives_instead_of_any_records(qtbot):
    model = _model()
    name = model.row_of("name")
    preview = model.index(name, model.preview_column)
    assert model.flags(preview) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(name, 0)) & Qt.ItemFlag.ItemIsEditable
    with qtbot.waitSignal(model.edited) as edited:
        assert model.setData(preview, "Ana María Núñez")
    before, after, text = edited.args
    assert before.custom == {} and after.custom == {"name": "Ana María Núñez"}
    assert text == "type Name"
    assert preview.data() == "Ana María Núñez" and preview.data(TypedRole)
    assert model.chosen(name) == ""  # no record's value is kept
    assert model.to_group_merge().fields["name"].model_dump() == {"value": "Ana María Núñez"}
    model.choose(name, "12")  # picking a record again replaces the typed value
    assert model.to_group_merge().fields["name"].from_record == "12"


def test_text_that_is_no_value_of_the_field_is_refused(qtbot):
    g, records = ana_group()
    fields = [*FIELDS, FieldDef(api_name="age", label="Age", type=FieldType.NUMBER)]
    records = [records[0].model_copy(update={"fields": {**records[0].fields, "age": 40}}),
               *records[1:]]
    model = CompareModel()
    model.set_group(g.id, records, fields, CAPABILITIES)
    age = model.row_of("age")
    with qtbot.waitSignal(model.value_rejected) as rejected:
        assert not model.set_custom(age, "forty")
    assert rejected.args == ["Age", "forty"]
    assert model.set_custom(age, "41")
    assert model.to_group_merge().fields["age"].value == 41


def test_undo_states_restore_picks_and_master():
    model = _model()
    start = model.state()
    model.choose(model.row_of("email"), "12")
    model.set_master("13")
    model.restore_state(start)
    assert model.master == "11" and model.chosen(model.row_of("email")) == "11"


def test_read_only_fields_are_never_marked_as_a_choice():
    g, records = ana_group()
    stamped = [r.model_copy(update={"fields": {**r.fields, "created": f"2024-0{i}-01"}})
               for i, r in enumerate(records, 1)]
    fields = [*FIELDS, FieldDef(api_name="created", label="Created", writable=False)]
    model = CompareModel()
    model.set_group(g.id, stamped, fields, CAPABILITIES)
    row = model.row_of("created")
    assert not model.index(row, 0).data(Qt.ItemDataRole.DecorationRole)
    assert not model.headerData(row, Qt.Orientation.Vertical, Qt.ItemDataRole.DecorationRole)
    assert not model.choose(row, "12")


def test_the_default_master_follows_the_rule_and_says_why():
    g, records = ana_group()
    dated = [r.model_copy(update={"created_at": datetime(2020 + i, 1, 1, tzinfo=UTC)})
             for i, r in enumerate(reversed(records))]
    dated = list(reversed(dated))  # 13 is the oldest record
    model = CompareModel()
    model.set_group(g.id, dated, FIELDS, CAPABILITIES, rule=MasterRule.OLDEST)
    assert model.master == "13"
    assert model.master_reason() == "Master #13: oldest, created 2020-01-01"
    model.set_group(g.id, dated, FIELDS, CAPABILITIES)
    assert model.master == "12"  # most complete: 11 and 12 tie, 12 is older
    assert model.master_reason() == (
        "Master #12: oldest, created 2021-01-01 (Most complete: a tie)")
    model.set_master("11")
    assert model.master_reason() == "Master #11: your choice (the rules suggest #12)"
    model.set_group(g.id, records, FIELDS, CAPABILITIES, rule=MasterRule.MOST_RELATED)
    assert model.master_reason() == (
        "Master #11: the records tie on every rule: the first one")


def test_lookups_read_as_what_they_point_at_and_typed_text_parses_by_type():
    assert value_text({"id": "77", "name": "Acme Ltd"}) == "Acme Ltd"
    assert value_text({"id": "77"}) == "77"
    number = FieldDef(api_name="n", type=FieldType.NUMBER)
    assert parse_value("1,5", number) == 1.5 and parse_value("12", number) == 12
    assert parse_value("ja", FieldDef(api_name="b", type=FieldType.BOOLEAN)) is True
    tags = FieldDef(api_name="t", type=FieldType.MULTI_PICKLIST)
    assert parse_value("a, b,", tags) == ["a", "b"]
    assert parse_value("  ", FieldDef(api_name="x")) is None
    assert Record(id="1").filled_count() == 0

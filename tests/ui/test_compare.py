from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette

from mergedesk.core.preview import NoteKind
from mergedesk.providers.chatwoot import CAPABILITIES
from mergedesk.ui.models.compare import ChosenRole, CompareModel, DiffersRole
from mergedesk.ui.models.display import EMPTY
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
    assert labels == ["Name", "Email", "Phone", "City", "Labels"]  # blank everywhere: hidden
    assert model.columnCount() == 4
    preview = model.headerData(3, Qt.Orientation.Horizontal)
    assert preview == "Merged preview\nas Chatwoot will keep it"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "1  Ana Núñez\n#11 · master"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "2  Ana Nunez\n#12"


def test_blank_values_show_an_em_dash_in_grey():
    model = _model()
    phone = model.row_of("phone_number")
    cell = model.index(phone, 2)
    assert cell.data() == EMPTY
    grey = QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
    assert cell.data(Qt.ItemDataRole.ForegroundRole) == grey


def test_defaults_keep_the_masters_value_or_the_first_filled_one():
    model = _model()
    assert model.chosen(model.row_of("name")) == "11"
    assert model.chosen(model.row_of("phone_number")) == "12"  # master's phone is blank
    merge = model.to_group_merge()
    assert merge.master == "11" and merge.others == ("12", "13")
    assert {k: c.from_record for k, c in merge.fields.items()} == {"phone_number": "12"}
    assert merge.snapshot["12"]["phone_number"] == "+34911222333"
    assert _column(model, "phone_number")[-1] == "+34911222333"


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


def test_preview_notes_say_chatwoot_drops_the_labels_of_merged_records():
    model = _model()
    kinds = {n.kind: n for n in model.notes()}
    assert kinds[NoteKind.LOSERS_DELETED].records == ("12", "13")
    assert kinds[NoteKind.NOT_CARRIED].field == "labels"
    assert kinds[NoteKind.NOT_CARRIED].values == (["lead"],)
    # Keeping record 12's labels moves the loss to the master's labels.
    model.choose(model.row_of("labels"), "12")
    assert _column(model, "labels")[-1] == "lead"


def test_set_master_moves_defaults_but_keeps_hand_picked_values(qtbot):
    model = _model()
    model.choose(model.row_of("email"), "12")
    with qtbot.waitSignal(model.headerDataChanged):
        assert model.set_master("13")
    assert model.master == "13"
    assert model.headerData(2, Qt.Orientation.Horizontal).endswith("#13 · master")
    merge = model.to_group_merge()
    assert merge.others == ("11", "12")
    assert merge.fields["email"].from_record == "12"  # picked by hand: kept
    assert model.chosen(model.row_of("name")) == "13"  # a default: follows the master
    assert not model.set_master("99")

from PySide6.QtCore import QPoint, Qt

from mergedesk.providers.chatwoot import CAPABILITIES
from mergedesk.ui.models.compare import CompareModel
from mergedesk.ui.models.group_list import GroupRow
from mergedesk.ui.review.review_panel import ReviewPanel
from tests.ui.factories import FIELDS, ana_group


def _panel(qtbot) -> tuple[ReviewPanel, CompareModel]:
    g, records = ana_group()
    model = CompareModel()
    panel = ReviewPanel(model)
    qtbot.addWidget(panel)
    model.set_group(g.id, records, FIELDS, CAPABILITIES)
    panel.show_group(GroupRow(group=g, names=("Ana Núñez",)))
    panel.resize(900, 500)
    panel.show()
    qtbot.waitExposed(panel)
    return panel, model


def test_number_keys_pick_record_n_for_the_current_field(qtbot):
    panel, model = _panel(qtbot)
    view = panel.compare_view
    view.setFocus()
    name = model.row_of("name")
    view.setCurrentIndex(model.index(name, 0))
    qtbot.keyClick(view, Qt.Key.Key_3)
    assert model.chosen(name) == "13"
    assert model.index(name, model.preview_column).data() == "A. Núñez"
    # The cursor moved on to the next field whose values differ (email).
    assert view.currentIndex().row() == model.row_of("email")
    qtbot.keyClick(view, Qt.Key.Key_9)  # no ninth record: nothing happens
    assert model.chosen(model.row_of("email")) == "11"


def test_m_makes_the_current_columns_record_master(qtbot):
    panel, model = _panel(qtbot)
    view = panel.compare_view
    view.setFocus()
    view.setCurrentIndex(model.index(0, 1))
    qtbot.keyClick(view, Qt.Key.Key_M)
    assert model.master == "12"
    view.setCurrentIndex(model.index(0, model.preview_column))
    qtbot.keyClick(view, Qt.Key.Key_M)  # the preview column is no record
    assert model.master == "12"


def test_clicking_a_cell_keeps_its_value_and_a_header_picks_the_master(qtbot):
    panel, model = _panel(qtbot)
    view = panel.compare_view
    city = model.row_of("additional_attributes.city")
    rect = view.visualRect(model.index(model.row_of("email"), 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert model.chosen(model.row_of("email")) == "12"
    assert model.to_group_merge().fields["email"].from_record == "12"
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(2) + header.sectionSize(2) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, 5))
    assert model.master == "13"
    assert model.chosen(city) == "13"


def test_ctrl_return_triggers_merge(qtbot):
    panel, _ = _panel(qtbot)
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    panel.compare_view.setFocus()
    assert panel.merge_action.isEnabled()
    with qtbot.waitSignal(panel.merge_action.triggered, timeout=2000):
        qtbot.keyClick(panel.compare_view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_preview_notes_are_shown_under_the_table(qtbot):
    panel, _ = _panel(qtbot)
    notes = panel._notes.text()
    assert "Chatwoot deletes #12, #13 once merged into the master." in notes
    assert "Labels: Chatwoot does not carry this field in a merge" in notes

"""The review panel on its own: keyboard picks, typing a value, the master by key,
click and header, the notes under the table, the evidence per pair."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLineEdit

from mergedesk.core.review import GroupStatus
from mergedesk.providers.chatwoot import CAPABILITIES
from mergedesk.store.group_query import GroupListing
from mergedesk.ui.models.compare import CompareModel
from mergedesk.ui.review.review_panel import ReviewPanel
from tests.ui.factories import FIELDS, ana_group


def _panel(qtbot) -> tuple[ReviewPanel, CompareModel]:
    g, records = ana_group()
    model = CompareModel()
    panel = ReviewPanel(model)
    qtbot.addWidget(panel)
    model.set_group(g.id, records, FIELDS, CAPABILITIES)
    listing = GroupListing(1, g.id, g.score, len(g.records), "Ana Núñez", "open", g.records)
    panel.show_group(listing, g, GroupStatus.OPEN)
    panel.resize(900, 600)
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
    # The cursor moved on to the next single-choice field whose values differ (city;
    # e-mails and phones are checklists, ticked with Space).
    city = model.row_of("additional_attributes.city")
    assert view.currentIndex().row() == city
    qtbot.keyClick(view, Qt.Key.Key_9)  # no ninth record: nothing happens
    assert model.chosen(city) == "11"


def test_m_makes_the_current_columns_record_master(qtbot):
    panel, model = _panel(qtbot)
    view = panel.compare_view
    view.setFocus()
    view.setCurrentIndex(model.index(0, 1))
    qtbot.keyClick(view, Qt.Key.Key_M)
    assert model.master == "12"
    assert panel._master.text().startswith("Master #12: your choice")
    view.setCurrentIndex(model.index(0, model.preview_column))
    qtbot.keyClick(view, Qt.Key.Key_M)  # the preview column is no record
    assert model.master == "12"


def test_e_types_a_value_into_the_merged_preview(qtbot):
    panel, model = _panel(qtbot)
    view = panel.compare_view
    view.setFocus()
    city = model.row_of("additional_attributes.city")
    view.setCurrentIndex(model.index(city, 1))
    qtbot.keyClick(view, Qt.Key.Key_E)
    editor = view.findChild(QLineEdit)
    assert editor is not None and view.currentIndex().column() == model.preview_column
    editor.selectAll()
    qtbot.keyClicks(editor, "Sevilla")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Qt commits on the next turn of the loop
    qtbot.waitUntil(lambda: model.index(city, model.preview_column).data() == "Sevilla")
    assert model.to_group_merge().fields["additional_attributes.city"].value == "Sevilla"


def test_space_keeps_the_value_under_the_cursor(qtbot):
    panel, model = _panel(qtbot)
    view = panel.compare_view
    view.setFocus()
    email = model.row_of("email")
    view.setCurrentIndex(model.index(email, 1))
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert model.chosen(email) == "12"


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
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert model.master == "13"
    assert model.chosen(city) == "13"


def test_notes_under_the_table_warn_what_is_lost(qtbot):
    panel, _ = _panel(qtbot)
    notes = panel.notes.text()
    assert "Chatwoot deletes #12, #13 once merged into the master." in notes
    assert any(w.startswith("Name:") and "will not survive" in w
               for w in panel.notes.warnings())
    # The second e-mail goes into the note: no warning says it is lost.
    assert not any("ana.nunez@example.com" in w for w in panel.notes.warnings())
    assert not panel.notes._dry_button.isVisibleTo(panel)  # Chatwoot has no dry run


def test_why_matched_lists_each_pair_with_its_fields(qtbot):
    panel, _ = _panel(qtbot)
    evidence = panel.evidence
    assert evidence.rowCount() == 1
    assert evidence.index(0, 0).data() == "#11 ↔ #12"
    assert evidence.headerData(1, Qt.Orientation.Horizontal) == "email"
    assert evidence.index(0, 1).data() == "100%"
    assert "matched on email" in panel._subtitle.text()


def test_chatwoot_groups_have_no_files_to_choose(qtbot):
    panel, _ = _panel(qtbot)
    assert panel.attachments.rowCount() == 0
    assert panel.files._rule.text() == "Chatwoot records have no files."
    assert panel.tabs.tabText(1) == "Files"

"""The files of a group: what each CRM lets the reviewer choose (Zoho's file fields),
the Keep checkboxes by mouse and Space, the preview of a file, and what is lost."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from mergedesk.core.models import Attachment, DuplicateGroup, Evidence, FieldDef, Record
from mergedesk.core.preview import NoteKind
from mergedesk.core.review import GroupStatus
from mergedesk.providers.pipeliner import CAPABILITIES as PIPELINER
from mergedesk.providers.zoho import CAPABILITIES as ZOHO
from mergedesk.store.group_query import GroupListing
from mergedesk.ui.dialogs.file_details import FileDetailsDialog
from mergedesk.ui.models.attachments import KEEP, NAME, SIZE, AttachmentModel
from mergedesk.ui.models.compare import CompareModel
from mergedesk.ui.review.review_panel import FILES_TAB, ReviewPanel

FIELDS = [FieldDef(api_name="Last_Name", label="Last Name"),
          FieldDef(api_name="Email", label="Email")]


def _records() -> list[Record]:
    when = datetime(2024, 3, 1, tzinfo=UTC)
    return [
        Record(id="101", fields={"Last_Name": "Ng", "Email": "ng@acme.com"}, attachments=(
            Attachment(id="f1", record_id="101", name="Ng-contract.pdf", size=120_000,
                       field="Contract_Files"),
            Attachment(id="a1", record_id="101", name="notes.txt", size=900,
                       mime_type="text/plain", created_at=when))),
        Record(id="102", fields={"Last_Name": "Ng", "Email": None}, attachments=(
            Attachment(id="f2", record_id="102", name="Ng-old-contract.pdf", size=88_000,
                       field="Contract_Files"),)),
    ]


def _compare(caps) -> CompareModel:
    model = CompareModel()
    model.set_group("g1", _records(), FIELDS, caps)
    return model


def test_attachment_model_passes_qtmodeltester(qtmodeltester):
    model = AttachmentModel(_compare(ZOHO))
    qtmodeltester.check(model, force_py=True)


def test_zoho_file_fields_are_chosen_and_losses_are_warned():
    compare = _compare(ZOHO)
    files = AttachmentModel(compare)
    rows = {files.index(r, NAME).data(): r for r in range(files.rowCount())}
    assert set(rows) == {"Ng-contract.pdf  (Contract_Files)", "notes.txt",
                         "Ng-old-contract.pdf  (Contract_Files)"}
    old = rows["Ng-old-contract.pdf  (Contract_Files)"]
    notes = rows["notes.txt"]
    assert files.index(old, SIZE).data() == "85.94 KiB"
    assert files.flags(files.index(old, KEEP)) & Qt.ItemFlag.ItemIsEnabled
    assert not files.flags(files.index(notes, KEEP)) & Qt.ItemFlag.ItemIsEnabled  # follows
    assert files.kept_count() == 3  # nothing is lost unless the reviewer says so
    assert compare.to_group_merge().attachments.keep == ("f1", "a1", "f2")
    assert files.toggle(old)
    assert files.index(old, KEEP).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert compare.to_group_merge().attachments.keep == ("f1", "a1")
    dropped = [n for n in compare.notes() if n.kind == NoteKind.FILES_DROPPED]
    assert dropped and dropped[0].values == ("Ng-old-contract.pdf",)
    assert not files.toggle(notes)  # Zoho moves related-list attachments regardless


@pytest.mark.parametrize("caps", [PIPELINER])
def test_crms_that_move_every_file_show_them_all_kept_and_fixed(caps):
    compare = _compare(caps)
    files = AttachmentModel(compare)
    assert files.rowCount() == 3 and files.kept_count() == 3
    assert not any(files.flags(files.index(r, KEEP)) & Qt.ItemFlag.ItemIsEnabled
                   for r in range(3))
    assert compare.to_group_merge().attachments.keep is None  # the CRM decides
    assert files.rule_text() == "Pipeliner CRM moves every file to the master."


def test_space_toggles_and_enter_previews_a_file_in_the_panel(qtbot):
    compare = _compare(ZOHO)
    panel = ReviewPanel(compare)
    qtbot.addWidget(panel)
    group = DuplicateGroup(id="g1", score=0.9, records=("101", "102"),
                           evidence=(Evidence(a="101", b="102", field="last_name", score=1.0),))
    panel.show_group(GroupListing(1, "g1", 0.9, 2, "", "open", group.records), group,
                     GroupStatus.OPEN)
    panel.show_tab(FILES_TAB)
    panel.resize(900, 600)
    panel.show()
    qtbot.waitExposed(panel)
    table = panel.files.table
    table.setFocus()
    last = panel.attachments.rowCount() - 1
    table.setCurrentIndex(panel.attachments.index(last, NAME))
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert panel.tabs.tabText(FILES_TAB) == "Files (2 of 3 kept)"
    qtbot.keyClick(table, Qt.Key.Key_Return)
    (dialog,) = panel.files.findChildren(FileDetailsDialog)
    assert "Ng-old-contract.pdf" in dialog.windowTitle()
    labels = {w.accessibleName(): w.text() for w in dialog.findChildren(QLabel)
              if w.accessibleName()}
    assert labels["After the merge"] == "removed" and labels["Record"] == "#102"

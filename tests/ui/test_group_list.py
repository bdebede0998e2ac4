"""The group list over the store: a virtual model read a page at a time, sorted,
filtered and searched in SQL, with statuses decided here shown at once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from mergedesk.core.models import DuplicateGroup, Record
from mergedesk.core.review import GroupStatus
from mergedesk.services.workspace import Workspace
from mergedesk.store.group_query import GroupQuery, GroupReader, GroupSort
from mergedesk.ui.models.group_list import (
    SCORE,
    STATUS,
    SUMMARY,
    GroupIdRole,
    GroupListModel,
    StatusRole,
)
from mergedesk.ui.models.group_pages import PAGE, GroupPages
from mergedesk.ui.review.group_panel import GroupListPanel
from mergedesk.ui.review.titles import fill_titles
from mergedesk.ui.tasks import TaskRunner

CONN = "chatwoot|http://127.0.0.1:1/api/v1/accounts/1|contacts"
TIMEOUT = 10_000


def _groups(count: int) -> list[tuple[DuplicateGroup, str]]:
    return [(DuplicateGroup(id=f"g{n:04d}", score=round(0.5 + (n % 50) / 100, 2),
                            records=(f"{n}a", f"{n}b", *([f"{n}c"] if n % 3 == 0 else []))),
             f"person {n} p{n}@example.com") for n in range(count)]


@pytest.fixture
def store(tmp_path):
    workspace = Workspace.open(tmp_path / "ws")
    workspace.groups.replace_groups(CONN, _groups(300))
    yield workspace
    workspace.close()


@pytest.fixture
def panel(qtbot, qloop, store):
    model = GroupListModel()
    panel = GroupListPanel(model, TaskRunner())
    qtbot.addWidget(panel)
    panel.resize(600, 400)
    panel.show()
    with qtbot.waitSignal(panel.ordered, timeout=TIMEOUT):
        panel.set_source(store.db, CONN)
    return panel


def test_model_passes_qtmodeltester_in_both_ways_to_a_row(qtmodeltester, store):
    reader = GroupReader(store.db)
    model = GroupListModel()
    model.set_pages(GroupPages(reader, CONN, GroupQuery(), reader.count(CONN, GroupQuery())))
    qtmodeltester.check(model, force_py=True)
    model.set_pages(GroupPages(reader, CONN, GroupQuery(), order=reader.order(CONN,
                                                                              GroupQuery())))
    qtmodeltester.check(model, force_py=True)
    reader.close()


def test_rows_come_a_page_at_a_time_and_paint_from_the_store(panel):
    model = panel.model
    assert model.rowCount() == 300 and model.pages.ordered
    top = model.index(0, SCORE)
    assert top.data() == "99%" and model.index(0, 1).data() in ("2", "3")
    assert model.index(0, SUMMARY).data().startswith("#")  # no title yet: record ids
    assert model.index(0, STATUS).data() == "To review"
    deep = model.index(299, 0).data(GroupIdRole)
    assert deep and model.row_of(deep) == 299
    assert len(model.pages._pages) <= 3 and PAGE == 64  # only the pages looked at


def test_header_click_sorts_in_sql_and_keeps_the_selection(qtbot, panel):
    panel.select_group("g0010")
    header = panel.table.horizontalHeader()
    with qtbot.waitSignal(panel.ordered, timeout=TIMEOUT):
        header.setSortIndicator(1, Qt.SortOrder.DescendingOrder)
    assert panel.query.sort == GroupSort.SIZE
    assert panel.model.index(0, 1).data() == "3"
    assert panel.current_group_id() == "g0010"


def test_search_and_status_filter_run_in_sql(qtbot, panel, store):
    store.groups.set_status(CONN, "g0042", "skipped")
    with qtbot.waitSignal(panel.ordered, timeout=TIMEOUT):
        qtbot.keyClicks(panel._search, "p42@")
    assert [panel.model.index(r, 0).data(GroupIdRole)
            for r in range(panel.model.rowCount())] == ["g0042"]
    with qtbot.waitSignal(panel.ordered, timeout=TIMEOUT):
        panel._search.clear()
    with qtbot.waitSignal(panel.ordered, timeout=TIMEOUT):
        panel._filter.setCurrentIndex(5)  # Skipped
    assert panel.model.rowCount() == 1
    assert panel.model.index(0, 0).data(StatusRole) == GroupStatus.SKIPPED


def test_status_changes_show_at_once_and_merging_survives_a_requery(qtbot, panel):
    model = panel.model
    gid = model.index(3, 0).data(GroupIdRole)
    model.set_status(gid, GroupStatus.MERGING)
    assert model.index(3, STATUS).data() == "Merging…"
    with qtbot.waitSignal(panel.ordered, timeout=TIMEOUT):
        panel.refresh()
    assert model.status(gid) == GroupStatus.MERGING


def test_next_to_review_skips_decided_groups(panel):
    model = panel.model
    first, second, third = (model.index(r, 0).data(GroupIdRole) for r in range(3))
    model.set_status(second, GroupStatus.NOT_DUPLICATES)
    panel.select_group(first)
    assert panel.select_next_to_review(first)
    assert panel.current_group_id() == third
    assert panel.select_relative(-1) and panel.current_group_id() == second


def test_titles_are_filled_from_the_cached_records(qtbot, qloop, panel, store):
    store.cache.replace_records(CONN, [
        Record(id="0a", fields={"name": "Ann Lee", "email": "ann@lee.io"}),
        Record(id="0b", fields={"name": "Ann Li", "email": "ann@lee.io"})])
    task = qloop.create_task(fill_titles(store, CONN, lambda _n: panel.model.reload_rows()))
    qtbot.waitUntil(task.done, timeout=TIMEOUT)
    row = panel.model.row_of("g0000")
    assert panel.model.index(row, SUMMARY).data() == "Ann Lee / Ann Li · ann@lee.io"


def test_column_widths_survive_in_settings(qtbot, panel, tmp_path):
    header = panel.table.horizontalHeader()
    header.resizeSection(SCORE, 91)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("columns", header.saveState())
    header.resizeSection(SCORE, 40)
    header.restoreState(settings.value("columns"))
    assert header.sectionSize(SCORE) == 91


def test_rows_of_an_inactive_window_are_not_painted_as_disabled(panel):
    """A window in the background paints its rows in the Inactive colours; the
    Disabled ones (grey) are for a disabled list only."""
    palette = panel.table.palette()
    palette.setColor(QPalette.ColorGroup.Active, QPalette.ColorRole.Text, QColor("#0000ff"))
    palette.setColor(QPalette.ColorGroup.Inactive, QPalette.ColorRole.Text, QColor("#00ff00"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#ff0000"))
    delegate = panel.table.itemDelegate()
    delegate.refresh_style()  # forget the colours of the palette it painted with

    def colours(state: QStyle.StateFlag) -> set[str]:
        """The inks of the painted text: each non-white pixel by its strongest channel."""
        image = QImage(300, 24, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        option = QStyleOptionViewItem()
        option.rect = QRect(0, 0, 300, 24)
        option.state = state
        option.palette = palette
        option.fontMetrics = panel.table.fontMetrics()
        painter = QPainter(image)
        delegate.paint(painter, option, panel.model.index(1, SUMMARY))
        painter.end()
        inks = set()
        for x in range(300):
            for y in range(24):
                pixel = QColor(image.pixel(x, y))
                channels = {"red": pixel.red(), "green": pixel.green(), "blue": pixel.blue()}
                if min(channels.values()) < 200:  # not the white background
                    inks.add(max(channels, key=channels.__getitem__))
        return inks

    assert colours(QStyle.StateFlag.State_Enabled) == {"green"}  # not the active window
    assert colours(QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Active) == {"blue"}
    assert colours(QStyle.StateFlag.State_None) == {"red"}  # a disabled list

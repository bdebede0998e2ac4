from PySide6.QtCore import Qt

from mergedesk.ui.models.group_list import (
    STATUS,
    SUMMARY,
    GroupFilterProxy,
    GroupIdRole,
    GroupListModel,
    StatusRole,
    group_rows,
)
from mergedesk.ui.models.status import GroupStatus
from tests.ui.factories import ana_group, contact, group


def _model(qtbot=None) -> GroupListModel:
    g1, records = ana_group()
    g2 = group("g2", "21", "22", score=0.7)
    others = [contact("21", name="Bo Li", email="bo@li.cn"),
              contact("22", name="Bo Lee", email="bo@li.cn")]
    by_id = {r.id: r for r in records + others}
    model = GroupListModel()
    model.set_groups(group_rows([(g1, "open"), (g2, "merged")], by_id))
    return model


def test_group_list_model_passes_qtmodeltester(qtmodeltester):
    model = _model()
    qtmodeltester.check(model, force_py=True)


def test_group_rows_summarise_distinct_names_and_emails():
    model = _model()
    summary = model.index(0, SUMMARY).data()
    assert "Ana Núñez / Ana Nunez …" in summary
    assert "ana@example.com, ana.nunez@example.com" in summary
    assert model.index(1, STATUS).data() == "Merged"
    assert model.index(1, 0).data(StatusRole) == GroupStatus.MERGED


def test_unknown_stored_status_counts_as_open():
    g, records = ana_group()
    rows = group_rows([(g, "something-new")], {r.id: r for r in records})
    assert rows[0].status is GroupStatus.OPEN


def test_set_status_emits_data_changed_for_that_row_only(qtbot):
    model = _model()
    with qtbot.waitSignal(model.dataChanged) as blocker:
        model.set_status("g1", GroupStatus.FAILED)
    top, bottom = blocker.args[0], blocker.args[1]
    assert (top.row(), bottom.row()) == (0, 0)
    assert (top.column(), bottom.column()) == (0, 3)
    assert model.index(0, STATUS).data() == "Failed"
    assert model.status_counts()[GroupStatus.FAILED] == 1


def test_filter_proxy_by_text_and_status(qtmodeltester):
    model = _model()
    proxy = GroupFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy, force_py=True)
    proxy.set_text_filter("  NUNEZ ")
    assert [proxy.index(r, 0).data(GroupIdRole) for r in range(proxy.rowCount())] == ["g1"]
    proxy.set_text_filter("bo li.cn")  # every word must match
    assert proxy.rowCount() == 1 and proxy.index(0, 0).data(GroupIdRole) == "g2"
    proxy.set_text_filter("")
    proxy.set_status_filter({GroupStatus.OPEN})
    assert [proxy.index(r, 0).data(GroupIdRole) for r in range(proxy.rowCount())] == ["g1"]
    model.set_status("g2", GroupStatus.OPEN)  # the dynamic filter follows status changes
    assert proxy.rowCount() == 2
    proxy.set_status_filter(None)
    assert proxy.rowCount() == 2


def test_proxy_sorts_by_score_numerically():
    model = _model()
    proxy = GroupFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    assert proxy.index(0, 0).data(GroupIdRole) == "g2"
    assert proxy.index(0, 0).data() == "70%"

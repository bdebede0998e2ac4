"""The group list refreshes live: another reviewer's claim and decision show after one
poll of the store's change counter, with who holds the group (both backends)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from mergedesk.core.models import DuplicateGroup
from mergedesk.store.backend import open_database
from mergedesk.store.cache import GroupStore
from mergedesk.store.claims import TeamReview
from mergedesk.store.group_query import GroupQuery, GroupReader
from mergedesk.ui.models.group_list import STATUS, GroupListModel
from mergedesk.ui.models.group_pages import GroupPages

CONN = "sandbox|http://127.0.0.1:1|contacts"


@pytest.fixture(params=["sqlite", "postgres"])
def location(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "shared.sqlite3"), None
    server = request.getfixturevalue("pg_server")
    return server.schema_url(f"live_{id(request)}"), server.password


def test_another_reviewers_claim_and_decision_show_after_a_poll(qtbot, location):
    url, password = location
    mine = open_database(url, actor="ana", password=password)
    GroupStore(mine).replace_groups(CONN, [
        (DuplicateGroup(id=f"g{n}", score=0.9 - n / 100, records=(f"{n}a", f"{n}b")), "")
        for n in range(5)])
    reader = GroupReader(mine)
    model = GroupListModel()
    model.set_pages(GroupPages(reader, CONN, GroupQuery(), reader.count(CONN, GroupQuery())))
    status = model.index(0, STATUS)
    assert model.data(status, Qt.ItemDataRole.DisplayRole) == "To review"
    assert model.poll_changes() is False  # the first poll only learns the counter

    theirs = open_database(url, actor="ben", password=password)  # another workstation
    team = TeamReview(theirs)
    claim = team.claim_next_group(CONN, "ben")
    assert model.poll_changes() is True
    assert model.data(status, Qt.ItemDataRole.DisplayRole) == "To review · ben"
    assert model.poll_changes() is False
    team.decide(claim, "not_duplicates")
    with qtbot.waitSignal(model.dataChanged, timeout=5000):  # the model's own timer
        pass
    assert model.data(status, Qt.ItemDataRole.DisplayRole) == "Not duplicates"
    reader.close()
    theirs.close()
    mine.close()

"""Two review windows (two reviewers, one team workspace on the real PostgreSQL test
server, one Chatwoot sandbox): the group one reviewer holds is read-only for the other,
who sees who holds it and until when, cannot decide it, moves on with J to a group
nobody holds, and gets the group once the first reviewer's window gives it back. A hold
lost to another reviewer is said plainly and nothing is decided."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt

from mergedesk.core.models import MergeStatus
from mergedesk.core.review import GroupStatus
from mergedesk.providers import registry
from mergedesk.services.apply import ApplyService
from mergedesk.services.scan import ScanService
from mergedesk.services.workspace import Workspace, save_workspace_password
from mergedesk.store.claims import TeamReview
from mergedesk.ui.connection import Connection
from mergedesk.ui.review.main_window import MainWindow
from mergedesk.ui.review.window_settings import HOLD_KEY
from tests.ui.conftest import planted_groups

TIMEOUT = 15_000


@dataclass
class Reviewer:
    name: str
    window: MainWindow
    workspace: Workspace
    connection: Connection

    @property
    def key(self) -> str:
        return self.connection.key

    def shown(self) -> str:
        return self.window.review_panel.group_id

    def banner(self) -> str:
        return self.window.review_panel.banner_text()


@pytest.fixture
def team(qtbot, qloop, tmp_path, chatwoot_sandbox, pg_server, request) -> Iterator[
        tuple[Reviewer, Reviewer, list]]:
    url = pg_server.schema_url(f"team_review_{abs(hash(request.node.name)) % 10**8}")
    save_workspace_password(url, pg_server.password)
    reviewers: list[Reviewer] = []
    for name in ("ana", "ben"):
        workspace = Workspace.open(url=url, reviewer=name)
        settings = QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat)
        settings.setValue(HOLD_KEY, 0)
        window = MainWindow(workspace, ScanService(workspace), ApplyService(workspace),
                            settings)
        qtbot.addWidget(window)
        provider = registry.create(chatwoot_sandbox.settings("chatwoot"))
        connection = Connection(provider, chatwoot_sandbox.server.base_url, "contacts",
                                "Chatwoot sandbox")
        window.set_connection(connection)
        reviewers.append(Reviewer(name, window, workspace, connection))
    groups = planted_groups(chatwoot_sandbox.fake)
    reviewers[0].workspace.groups.replace_groups(reviewers[0].key, [(g, "") for g in groups])
    try:
        yield reviewers[0], reviewers[1], groups
    finally:
        for reviewer in reviewers:
            if shiboken6.isValid(reviewer.window) and reviewer.window.isVisible():
                reviewer.window.close()
                qtbot.waitUntil(lambda r=reviewer: not r.window.isVisible(), timeout=TIMEOUT)
            closing = qloop.create_task(reviewer.connection.provider.aclose())
            qtbot.waitUntil(closing.done)
            reviewer.workspace.close()


def open_first(qtbot, reviewer: Reviewer) -> str:
    reviewer.window.show()
    qtbot.waitExposed(reviewer.window)
    with qtbot.waitSignal(reviewer.window.group_shown, timeout=TIMEOUT) as shown:
        reviewer.window.show_stored_groups()
    return shown.args[0]


def holder_of(reviewer: Reviewer, group_id: str) -> str | None:
    team = TeamReview(reviewer.workspace.db)
    return next((name for name in ("ana", "ben", "cy")
                 if any(c.group_id == group_id for c in team.held(reviewer.key, name))), None)


def status_in_store(reviewer: Reviewer, group_id: str) -> str:
    reviewer.window.decisions.flush()  # the store's writes run on a thread of their own
    return reviewer.workspace.groups.group(reviewer.key, group_id)[1]


def test_the_second_reviewer_sees_who_holds_the_group_and_gets_it_after_release(
        qtbot, team):
    ana, ben, groups = team
    first = open_first(qtbot, ana)
    assert first == groups[0].id
    assert holder_of(ana, first) == "ana"
    assert ana.window.actions.skip.isEnabled() and ana.banner() == ""

    ana.window.groups.poll_changes()  # as the 2 s poll does
    assert open_first(qtbot, ben) == first  # the same list, the same first group
    qtbot.waitUntil(lambda: "Held by ana until" in ben.banner(), timeout=TIMEOUT)
    assert "read only" in ben.banner()
    actions = ben.window.actions
    assert not actions.merge.isEnabled() and not actions.skip.isEnabled()
    assert not actions.not_duplicates.isEnabled()
    ben.window.flow.skip()  # the key is dead too: nothing is written
    ben.window.flow.not_duplicates()
    assert status_in_store(ben, first) == "open" and holder_of(ben, first) == "ana"

    # J: the next group nobody holds (claim_next_group), not ana's.
    with qtbot.waitSignal(ben.window.group_shown, timeout=TIMEOUT) as shown:
        actions.next_group.trigger()
    second = shown.args[0]
    assert second != first and holder_of(ben, second) == "ben"
    assert actions.skip.isEnabled() and ben.banner() == ""

    # Ana closes her window: her group is given back at once, and ben gets it.
    ana.window.close()
    qtbot.waitUntil(lambda: holder_of(ben, first) is None, timeout=TIMEOUT)
    with qtbot.waitSignal(ben.window.group_shown, timeout=TIMEOUT):
        ben.window.group_panel.select_group(first)
    assert holder_of(ben, first) == "ben" and holder_of(ben, second) is None  # moved on
    assert ben.banner() == "" and actions.merge.isEnabled()

    # A decision goes through the hold: written, journalled as ben's, group released.
    with qtbot.waitSignal(ben.window.group_shown, timeout=TIMEOUT):
        ben.window.flow.not_duplicates()
    assert status_in_store(ben, first) == GroupStatus.NOT_DUPLICATES.value
    assert holder_of(ben, first) is None
    assert ben.window.review_panel.group_id not in ("", first)  # the next one, held
    assert holder_of(ben, ben.shown()) == "ben"


def test_a_lost_hold_is_said_plainly_and_nothing_is_decided(qtbot, team):
    ana, _ben, _groups = team
    first = open_first(qtbot, ana)
    # Ana's workstation stalled past her lease, and cy took the group over.
    with ana.workspace.db.transaction() as sql:
        sql.execute("UPDATE groups SET lease_until = 0 WHERE id = ?", (first,))
        sql.execute("UPDATE record_claims SET lease_until = 0 WHERE group_id = ?", (first,))
    cy = TeamReview(ana.workspace.db)
    assert cy.claim_group(ana.key, first, "cy") is not None
    messages: list[str] = []
    ana.window.decisions.told.connect(messages.append)

    ana.window.flow.skip()

    assert status_in_store(ana, first) == "open"
    assert any("no longer yours" in m for m in messages)
    qtbot.waitUntil(lambda: "Held by cy until" in ana.banner(), timeout=TIMEOUT)
    assert not ana.window.actions.skip.isEnabled()


def test_a_merge_keeps_the_hold_until_it_ends_and_is_journalled_as_the_reviewers(
        qtbot, team):
    ana, _ben, _groups = team
    first = open_first(qtbot, ana)
    view = ana.window.review_panel.compare_view
    view.setFocus()
    with qtbot.waitSignal(ana.window.merge_finished, timeout=TIMEOUT) as finished:
        qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert finished.args[0] == first and finished.args[1].status == MergeStatus.MERGED
    assert status_in_store(ana, first) == GroupStatus.MERGED.value
    assert holder_of(ana, first) is None  # released once merged
    (entry,) = ana.workspace.journal.history(limit=None)
    assert entry.group_id == first and entry.actor == "ana"
    assert holder_of(ana, ana.shown()) == "ana"  # moved on to a group it now holds


def test_the_hold_is_renewed_while_open_and_a_lost_renewal_is_said(qtbot, team):
    ana, _ben, _groups = team
    first = open_first(qtbot, ana)
    team_review = TeamReview(ana.workspace.db)
    (before,) = team_review.held(ana.key, "ana")
    ana.window.claims._on_renewal_timeout()  # as its QTimer does, a third of a lease
    qtbot.waitUntil(lambda: team_review.held(ana.key, "ana")[0].lease_until
                    > before.lease_until, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not ana.window.tasks.running("renew-claims"), timeout=TIMEOUT)
    with ana.workspace.db.transaction() as sql:  # stalled past the lease; cy took over
        sql.execute("UPDATE groups SET lease_until = 0 WHERE id = ?", (first,))
        sql.execute("UPDATE record_claims SET lease_until = 0 WHERE group_id = ?", (first,))
    assert team_review.claim_group(ana.key, first, "cy") is not None
    messages: list[str] = []
    ana.window.decisions.told.connect(messages.append)
    ana.window.claims._on_renewal_timeout()
    qtbot.waitUntil(lambda: any("no longer yours" in m for m in messages), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: "Held by cy until" in ana.banner(), timeout=TIMEOUT)

"""GroupClaims: on a team workspace the review window holds the group on screen for its
reviewer (store.claims.TeamReview): claimed when selected, the lease renewed while it is
open, released when the reviewer moves on or closes the window; a group being merged
stays held until its merge ends. A group another reviewer holds is shown read-only with
who holds it and until when. On this workstation's own store (SQLite) it does nothing.

Every database call runs on one worker thread, in order, so a slow team server never
freezes the window; the worker records what it claimed itself, so a selection that
moved on before its claim came back still gets that claim released."""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QDateTime, QLocale, QObject, QTimer, Signal

from mergedesk.core.review import GroupStatus
from mergedesk.services.workspace import Workspace
from mergedesk.store.claims import DEFAULT_LEASE, Claim, ClaimLost
from mergedesk.store.group_query import GroupReader
from mergedesk.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Holder:
    """Another reviewer's hold on a group: who, and until when (epoch seconds)."""

    reviewer: str
    until: float | None  # None: some of its records are held, not the group itself

    def until_text(self) -> str:
        """The lease's end as the locale writes a time of day (14:05)."""
        if self.until is None:
            return ""
        if QLocale().language() == QLocale.Language.C:
            return datetime.fromtimestamp(self.until).strftime("%H:%M")
        moment = QDateTime.fromSecsSinceEpoch(int(self.until))
        return QLocale().toString(moment.time(), QLocale.FormatType.ShortFormat)


class GroupClaims(QObject):
    lost = Signal(str)  # a group this reviewer held was taken over (its lease ran out)

    def __init__(self, workspace: Workspace, tasks: TaskRunner, parent: QObject | None = None,
                 *, lease: float = DEFAULT_LEASE):
        super().__init__(parent)
        self.active = workspace.shared
        self.reviewer = workspace.db.actor
        self._team = workspace.team
        self._db = workspace.db
        self._reader: GroupReader | None = None  # created on the worker thread
        self._tasks = tasks
        self._lease = lease
        self._conn = ""
        self._claims: dict[str, Claim] = {}  # held by this reviewer: on screen or merging
        self._merging: set[str] = set()  # held until their merge ends
        self._holders: dict[str, Holder] = {}  # groups another reviewer holds
        self._worker = ThreadPoolExecutor(1, thread_name_prefix="claims") if self.active \
            else None
        # Renewed three times per lease: one slow renewal never lets it run out.
        self._renewal = QTimer(self, interval=max(1000, int(lease * 1000 / 3)))
        self._renewal.timeout.connect(self._on_renewal_timeout)
        if self.active:
            self._renewal.start()

    # What the window asks
    def holds(self, group_id: str) -> bool:
        """Whether this reviewer may decide the group (always, on a workstation store)."""
        return not self.active or group_id in self._claims

    def holder(self, group_id: str) -> Holder | None:
        return self._holders.get(group_id)

    def set_connection(self, conn: str) -> None:
        if self.active and conn != self._conn:
            self._merging.clear()
            if self._claims:
                self._tasks.start("claims", self._call(self._release_except, None))
            self._conn = conn

    async def acquire(self, group_id: str) -> Holder | None:
        """Hold `group_id` (the reviewer opened it), giving back the group held before;
        None when this reviewer holds it now, else who holds it (or its records)."""
        if not self.active:
            return None
        return await self._call(self._acquire, self._conn, group_id)

    async def next_group(self) -> str | None:
        """Hold the best group nobody holds (claim_next_group); its id, or None."""
        if not self.active:
            return None
        return await self._call(self._next, self._conn)

    def may_decide(self, group_id: str) -> bool:
        """Renew the hold right before a decision (one quick UPDATE): False when it is
        lost, so that a group is never decided by two reviewers."""
        claim = self._claims.get(group_id)
        if not self.active:
            return True
        if claim is None:
            return False
        try:
            self._claims[group_id] = self._team.renew(claim, self._lease)
        except ClaimLost:
            self._claims.pop(group_id, None)
            return False
        return True

    def decided(self, conn: str, group_id: str, status: GroupStatus) -> bool:
        """Write a decision under the hold (TeamReview.decide: status, journal and release
        at once); False when no hold covers it and the caller writes it as usual."""
        claim = self._claims.get(group_id)
        if not self.active or claim is None or claim.conn != conn:
            return False
        self._claims.pop(group_id, None)
        self._merging.discard(group_id)
        try:
            self._team.decide(claim, status.value)
        except ClaimLost:
            self.lost.emit(group_id)
        return True

    def merging(self, group_id: str) -> None:
        """A merge of the group was submitted: keep holding it until it ends."""
        if group_id in self._claims:
            self._merging.add(group_id)

    def merge_ended(self, group_id: str) -> None:
        self._merging.discard(group_id)

    async def close(self) -> None:
        """Give back every group held (the window closes); merges keep their records."""
        if self._worker is None:
            return
        self._renewal.stop()
        self._merging.clear()
        try:
            await self._call(self._release_except, None)
            await self._call(self._close_reader)
        except Exception:  # the server is away: the leases run out by themselves
            log.warning("could not release the groups held", exc_info=True)
        self._worker.shutdown(wait=False)
        self._worker = None

    # On the worker thread
    async def _call(self, function, *args):
        if self._worker is None:
            return None
        return await asyncio.get_running_loop().run_in_executor(self._worker, function, *args)

    def _acquire(self, conn: str, group_id: str) -> Holder | None:
        self._release_except(group_id)
        claim = self._team.claim_group(conn, group_id, self.reviewer, self._lease)
        if claim is not None:
            self._claims[group_id] = claim
            self._holders.pop(group_id, None)
            return None
        holder = self._find_holder(conn, group_id)
        self._holders[group_id] = holder
        return holder

    def _next(self, conn: str) -> str | None:
        claim = self._team.claim_next_group(conn, self.reviewer, self._lease)
        if claim is None:
            return None
        self._claims[claim.group_id] = claim
        return claim.group_id

    def _find_holder(self, conn: str, group_id: str) -> Holder:
        """Who holds the group now (read afresh: the list may be a poll behind) and
        until when; when nobody holds the group itself, another reviewer holds some of
        its records."""
        if self._reader is None:  # its own connection, used on this thread only
            self._reader = GroupReader(self._db)
        rowid = self._reader.rowid_of(conn, group_id)
        rows = self._reader.rows([rowid]) if rowid is not None else []
        name = rows[0].claimed_by if rows else None
        if name and name != self.reviewer:
            for claim in self._team.held(conn, name):
                if claim.group_id == group_id:
                    return Holder(name, claim.lease_until)
        return Holder("", None)

    def _close_reader(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None

    def _release_except(self, keep: str | None) -> None:
        for group_id, claim in list(self._claims.items()):
            if group_id != keep and group_id not in self._merging:
                self._claims.pop(group_id, None)
                self._team.release(claim)

    def _renew_all(self) -> list[str]:
        lost = []
        for group_id, claim in list(self._claims.items()):
            try:
                self._claims[group_id] = self._team.renew(claim, self._lease)
            except ClaimLost:
                self._claims.pop(group_id, None)
                lost.append(group_id)
        return lost

    # Renewal
    def _on_renewal_timeout(self) -> None:
        if self._claims and not self._tasks.running("renew-claims"):
            self._tasks.start("renew-claims", self._renew())

    async def _renew(self) -> None:
        try:
            lost = await self._call(self._renew_all) or []
        except Exception:  # the server is away for a moment: the next renewal retries
            log.warning("could not renew the groups held", exc_info=True)
            return
        for group_id in lost:
            self.lost.emit(group_id)

"""The reviewer's decisions as QUndoCommands: value and master picks, skip, not
duplicates, splitting a record out, and submitting a merge. Each command holds what it
needs to do and undo itself and acts through the ReviewDesk (review.decisions)."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from mergedesk.core.models import DuplicateGroup
from mergedesk.core.plan import GroupMerge
from mergedesk.core.review import GroupStatus
from mergedesk.ui.models.choices import ChoicesState


class ReviewDesk(Protocol):
    """What the commands act on (implemented by DecisionController)."""

    def apply_choices(self, group_id: str, state: ChoicesState) -> None: ...

    def apply_status(self, conn: str, group_id: str, status: GroupStatus) -> None: ...

    def apply_pairs(self, conn: str, pairs: list[tuple[str, str]], different: bool) -> None: ...

    def apply_split(self, conn: str, old: DuplicateGroup, new: DuplicateGroup, title: str,
                    *, status: GroupStatus) -> None: ...

    def enqueue(self, group_id: str, title: str, merge: GroupMerge,
                before: GroupStatus) -> None: ...

    def withdraw(self, group_id: str) -> bool: ...

    def tell(self, text: str) -> None: ...

    def reveal(self, group_id: str) -> None: ...


def _t(text: str) -> str:
    return QCoreApplication.translate("ReviewCommands", text)


class ChoicesCommand(QUndoCommand):
    """A pick the compare view already made; undo and redo replay the states."""

    def __init__(self, desk: ReviewDesk, group_id: str, before: ChoicesState,
                 after: ChoicesState, text: str):
        super().__init__(text)
        self._desk, self._group = desk, group_id
        self._before, self._after = before, after
        self._done = True  # push() calls redo(): the edit is already on screen

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._desk.apply_choices(self._group, self._after)

    def undo(self) -> None:
        self._desk.apply_choices(self._group, self._before)


class StatusCommand(QUndoCommand):
    """Skip or Not duplicates (which also remembers every pair of the group as
    different, so no scan suggests them again until undone)."""

    def __init__(self, desk: ReviewDesk, conn: str, group_id: str, records: tuple[str, ...],
                 title: str, before: GroupStatus, after: GroupStatus):
        label = (_t("not duplicates: {group}") if after == GroupStatus.NOT_DUPLICATES
                 else _t("skip {group}"))
        super().__init__(label.format(group=title or group_id))
        self._desk, self._conn, self._group = desk, conn, group_id
        self._before, self._after = before, after
        ids = sorted(records)
        self._pairs = [(a, b) for i, a in enumerate(ids) for b in ids[i + 1:]]

    def redo(self) -> None:
        if self._after == GroupStatus.NOT_DUPLICATES:
            self._desk.apply_pairs(self._conn, self._pairs, different=True)
        self._desk.apply_status(self._conn, self._group, self._after)

    def undo(self) -> None:
        if self._after == GroupStatus.NOT_DUPLICATES:
            self._desk.apply_pairs(self._conn, self._pairs, different=False)
        self._desk.apply_status(self._conn, self._group, self._before)
        self._desk.reveal(self._group)  # undone: decide again


class SplitCommand(QUndoCommand):
    """Take one record out of a group: the rest stays a group (a new id), and the record
    is remembered as different from each of them."""

    def __init__(self, desk: ReviewDesk, conn: str, old: tuple[DuplicateGroup, str],
                 new: tuple[DuplicateGroup, str], record_id: str, status: GroupStatus):
        super().__init__(_t("split #{record} out of {group}").format(record=record_id,
                                                                     group=old[0].id))
        self._desk, self._conn = desk, conn
        self._old, self._new, self._status = old, new, status  # (group, title) each
        self._pairs = [(record_id, other) for other in new[0].records]

    def redo(self) -> None:
        self._desk.apply_pairs(self._conn, self._pairs, different=True)
        self._desk.apply_split(self._conn, self._old[0], *self._new, status=self._status)

    def undo(self) -> None:
        self._desk.apply_pairs(self._conn, self._pairs, different=False)
        self._desk.apply_split(self._conn, self._new[0], *self._old, status=self._status)


class SubmitCommand(QUndoCommand):
    """A merge handed to the queue. Undo takes it back while it waits; once sent to the
    CRM it cannot be undone here (History can restore it afterwards)."""

    def __init__(self, desk: ReviewDesk, conn: str, group_id: str, title: str,
                 merge: GroupMerge, before: GroupStatus):
        super().__init__(_t("merge {group}").format(group=title or group_id))
        self._desk, self._conn, self._group = desk, conn, group_id
        self._title, self._merge, self._before = title, merge, before

    def redo(self) -> None:
        self._desk.enqueue(self._group, self._title, self._merge, self._before)

    def undo(self) -> None:
        if self._desk.withdraw(self._group):
            self._desk.apply_status(self._conn, self._group, self._before)
            self._desk.reveal(self._group)
            return
        # Sent already: nothing to take back. Obsolete drops the command from the stack.
        self.setObsolete(True)
        self._desk.tell(_t("The merge of {group} was sent to the CRM already; "
                           "History can restore it.").format(group=self._title or self._group))

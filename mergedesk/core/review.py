"""The review status of a duplicate group: what the reviewer decided and what came of
it. The store keeps it as text; the UI words it. No Qt, no I/O.

MERGING exists only while a merge of the group is queued or in flight and is never
written: after a crash the journal, not this status, says what happened."""

from __future__ import annotations

from enum import StrEnum

from mergedesk.core.models import MergeStatus


class GroupStatus(StrEnum):
    OPEN = "open"
    MERGING = "merging"
    MERGED = "merged"
    FAILED = "failed"
    STALE = "stale"  # records changed since review: look at it again
    UNKNOWN = "unknown"  # the merge's outcome was lost; reconciled by reading the CRM
    NOT_DUPLICATES = "not_duplicates"
    SKIPPED = "skipped"

    @classmethod
    def parse(cls, text: str) -> GroupStatus:
        """A stored status; anything unknown (an older or newer app) counts as open."""
        try:
            return cls(text)
        except ValueError:
            return cls.OPEN

    @classmethod
    def from_outcome(cls, status: MergeStatus) -> GroupStatus:
        return _FROM_OUTCOME[status]

    @property
    def to_review(self) -> bool:
        """Still needs a decision from the reviewer."""
        return self in (GroupStatus.OPEN, GroupStatus.SKIPPED, GroupStatus.STALE)

    @property
    def can_submit(self) -> bool:
        """A merge may be submitted (not already merged, dismissed or in flight)."""
        return self not in (GroupStatus.MERGED, GroupStatus.MERGING, GroupStatus.UNKNOWN)

    @property
    def persisted(self) -> bool:
        return self is not GroupStatus.MERGING


TO_REVIEW = frozenset(s for s in GroupStatus if s.to_review)

_FROM_OUTCOME = {
    MergeStatus.MERGED: GroupStatus.MERGED,
    MergeStatus.DRY_RUN: GroupStatus.OPEN,
    MergeStatus.STALE: GroupStatus.STALE,
    MergeStatus.FAILED: GroupStatus.FAILED,
    MergeStatus.UNKNOWN: GroupStatus.UNKNOWN,
    MergeStatus.SKIPPED: GroupStatus.SKIPPED,
}

"""Which record of a group should survive by default: the most complete, the oldest or
the one with the most related items, the other two rules breaking ties. Returns the
facts that decided, so the UI can say why. No Qt, no I/O."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from mergedesk.core.models import Record
from mergedesk.core.values import is_blank


class MasterRule(StrEnum):
    MOST_COMPLETE = "most_complete"
    OLDEST = "oldest"
    MOST_RELATED = "most_related"


@dataclass(frozen=True)
class MasterFacts:
    """What the rules know of one record."""

    record_id: str
    filled: int  # fields with a value, of those compared
    created_at: datetime | None
    related: int  # conversations, deals, notes ... the CRM counted


@dataclass(frozen=True)
class MasterSuggestion:
    record_id: str
    rule: MasterRule  # the rule asked for
    decided_by: MasterRule | None  # None: every rule tied, the group's first record won
    facts: tuple[MasterFacts, ...]  # per record, in group order

    def of(self, record_id: str) -> MasterFacts:
        return next(f for f in self.facts if f.record_id == record_id)


_NEVER = datetime.max


def _key(rule: MasterRule) -> Callable[[MasterFacts], object]:
    """Smaller is better, so that every rule sorts the same way."""
    if rule == MasterRule.MOST_COMPLETE:
        return lambda f: -f.filled
    if rule == MasterRule.OLDEST:
        # Unknown creation dates lose; aware and naive datetimes compare as naive UTC.
        return lambda f: f.created_at.replace(tzinfo=None) if f.created_at else _NEVER
    return lambda f: -f.related


def facts_of(record: Record, fields: Sequence[str] | None = None) -> MasterFacts:
    names = record.fields if fields is None else fields
    filled = sum(1 for name in names if not is_blank(record.fields.get(name)))
    return MasterFacts(record.id, filled, record.created_at, sum(record.related_counts.values()))


def suggest_master(records: Sequence[Record], rule: MasterRule = MasterRule.MOST_COMPLETE,
                   fields: Sequence[str] | None = None) -> MasterSuggestion:
    """The record `rule` prefers, ties broken by the other rules in their usual order,
    then by group order. `fields` limits "complete" to the fields compared."""
    if not records:
        raise ValueError("no records to choose a master from")
    facts = tuple(facts_of(r, fields) for r in records)
    order = [rule, *(r for r in MasterRule if r != rule)]
    candidates = list(facts)
    for current in order:
        key = _key(current)
        best = min(key(f) for f in candidates)  # type: ignore[type-var]
        narrowed = [f for f in candidates if key(f) == best]
        if len(narrowed) == 1:
            return MasterSuggestion(narrowed[0].record_id, rule, current, facts)
        candidates = narrowed
    return MasterSuggestion(candidates[0].record_id, rule, None, facts)

"""Which record of a group should survive by default, and why: the one piece both the
review window (suggest_master, one rule the reviewer picked first) and the safe
defaults (rules.suggest_survivor: linked to integrations, most related items, oldest,
most complete) use. Returns the facts and the criteria that decided, so the UI can say
why. No Qt, no I/O."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from mergedesk.core.models import Record
from mergedesk.core.values import is_blank


class Criterion(StrEnum):
    """Everything a survivor can be preferred for."""

    LINKED = "linked_to_integrations"  # holds an id an integration set: its links keep working
    MOST_RELATED = "most_related"
    OLDEST = "oldest"
    MOST_COMPLETE = "most_complete"


class MasterRule(StrEnum):
    """The rules the reviewer can put first (the review window's menu)."""

    MOST_COMPLETE = "most_complete"
    OLDEST = "oldest"
    MOST_RELATED = "most_related"


# The safe defaults' order: an integration's id first (its links keep working), then
# what moves least, then age, then completeness.
SURVIVOR_ORDER = (Criterion.LINKED, Criterion.MOST_RELATED, Criterion.OLDEST,
                  Criterion.MOST_COMPLETE)


@dataclass(frozen=True)
class MasterFacts:
    """What the rules know of one record."""

    record_id: str
    filled: int  # fields with a value, of those compared
    created_at: datetime | None
    related: int  # conversations, deals, notes ... the CRM counted
    linked: int = 0  # integration ids it holds (fields with role EXTERNAL_ID)


class Reason(BaseModel):
    """One criterion the suggested record wins outright, with the fact that shows it."""

    model_config = ConfigDict(frozen=True)

    rule: Criterion
    detail: str


@dataclass(frozen=True)
class MasterSuggestion:
    record_id: str
    rule: MasterRule  # the rule asked for
    decided_by: MasterRule | None  # None: every rule tied, the group's first record won
    facts: tuple[MasterFacts, ...]  # per record, in group order
    reasons: tuple[Reason, ...] = ()  # every criterion the suggestion wins outright
    decided_by_criterion: Criterion | None = None  # also LINKED, which is no MasterRule

    def of(self, record_id: str) -> MasterFacts:
        return next(f for f in self.facts if f.record_id == record_id)


_NEVER = datetime.max


def _key(rule: Criterion | MasterRule) -> Callable[[MasterFacts], object]:
    """Smaller is better, so that every rule sorts the same way."""
    rule = Criterion(rule.value)
    if rule == Criterion.MOST_COMPLETE:
        return lambda f: -f.filled
    if rule == Criterion.OLDEST:
        # Unknown creation dates lose; aware and naive datetimes compare as naive UTC.
        return lambda f: f.created_at.replace(tzinfo=None) if f.created_at else _NEVER
    if rule == Criterion.LINKED:
        return lambda f: -f.linked
    return lambda f: -f.related


def facts_of(record: Record, fields: Sequence[str] | None = None,
             linked: Sequence[str] = ()) -> MasterFacts:
    names = record.fields if fields is None else fields
    filled = sum(1 for name in names if not is_blank(record.fields.get(name)))
    ids = sum(1 for name in linked if not is_blank(record.fields.get(name)))
    return MasterFacts(record.id, filled, record.created_at,
                       sum(record.related_counts.values()), ids)


def rank(facts: Sequence[MasterFacts],
         order: Sequence[Criterion]) -> tuple[MasterFacts, Criterion | None]:
    """The best record under `order` (each criterion breaks the previous one's ties,
    then group order) and the criterion that decided (None: all tied)."""
    candidates = list(facts)
    for criterion in order:
        key = _key(criterion)
        best = min(key(f) for f in candidates)  # type: ignore[type-var]
        candidates = [f for f in candidates if key(f) == best]
        if len(candidates) == 1:
            return candidates[0], criterion
    return candidates[0], None


def reasons(facts: Sequence[MasterFacts], winner: MasterFacts,
            order: Sequence[Criterion] = SURVIVOR_ORDER) -> tuple[Reason, ...]:
    """The criteria `winner` wins outright (strictly better than every other record)."""
    found = []
    for criterion in order:
        key = _key(criterion)
        if all(key(winner) < key(f) for f in facts if f is not winner):  # type: ignore[operator]
            found.append(Reason(rule=criterion, detail=detail(criterion, winner)))
    return tuple(found)


def detail(criterion: Criterion, facts: MasterFacts) -> str:
    if criterion == Criterion.MOST_RELATED:
        return f"{facts.related} related items"
    if criterion == Criterion.OLDEST:
        return f"created {facts.created_at:%Y-%m-%d}" if facts.created_at else "oldest"
    if criterion == Criterion.MOST_COMPLETE:
        return f"{facts.filled} fields filled"
    return "has an id an integration set"


def suggest_master(records: Sequence[Record], rule: MasterRule = MasterRule.MOST_COMPLETE,
                   fields: Sequence[str] | None = None, *,
                   linked: Sequence[str] = ()) -> MasterSuggestion:
    """The record `rule` prefers, ties broken by a link to integrations (the `linked`
    fields), then by the other rules in their usual order, then by group order.
    `fields` limits "complete" to the fields compared."""
    if not records:
        raise ValueError("no records to choose a master from")
    facts = tuple(facts_of(r, fields, linked) for r in records)
    order = [Criterion(rule.value), Criterion.LINKED,
             *(Criterion(r.value) for r in MasterRule if r != rule)]
    winner, decided = rank(facts, order)
    as_rule = MasterRule(decided.value) if decided and decided != Criterion.LINKED else None
    return MasterSuggestion(winner.record_id, rule, as_rule, facts,
                            reasons(facts, winner, order), decided)

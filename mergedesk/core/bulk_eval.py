"""Which groups each bulk rule takes: every group still open is offered to the enabled
rules in order and taken by the first whose conditions hold and that leaves nothing a
pre-flight check would stop. Decided, "not duplicates", claimed and conflicting groups
are never taken. The GroupMerges are built on demand (a sample, or as a batch is
submitted): counting 100,000 groups must take well under two seconds. No Qt, no I/O."""

from __future__ import annotations

import random
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from mergedesk.core import multivalue as mv
from mergedesk.core import preflight, rules
from mergedesk.core.bulk_keys import SameKeys
from mergedesk.core.bulk_rules import (
    ANY_FIELD,
    BulkRule,
    MasterKind,
    RulesError,
    RuleSet,
    build_merge,
    from_source,
)
from mergedesk.core.capabilities import Capabilities
from mergedesk.core.matching.engine import paused_gc
from mergedesk.core.matching.fields import CANONICAL_FIELDS
from mergedesk.core.models import DuplicateGroup, FieldDef, FieldType, Record
from mergedesk.core.plan import GroupMerge
from mergedesk.core.review import GroupStatus
from mergedesk.core.values import is_blank, same_value

TAKEABLE = frozenset({GroupStatus.OPEN})  # anything else was decided or is in flight


class Skip(StrEnum):
    """Why no rule took a group."""

    DECIDED = "decided"  # merged, not duplicates, skipped, in flight, or claimed
    NOT_DUPLICATES = "not_duplicates"  # a pair of it was marked different
    NOT_CACHED = "not_cached"  # a record is missing from the cache of the last scan
    BLOCKED = "blocked"  # a rule matched, but a pre-flight check stops the merge
    NO_RULE = "no_rule"


@dataclass
class BulkInputs:
    """What evaluation reads: the store's groups with their status, the cached records
    by id, the entity's field metadata, and (optionally) the CRM's capabilities."""

    entity: str
    groups: Sequence[tuple[DuplicateGroup, str]]
    records: Mapping[str, Record]
    fields: Mapping[str, FieldDef]
    caps: Capabilities | None = None
    not_duplicates: Collection[frozenset[str]] = ()
    excluded: Collection[str] = ()  # group ids held by someone else (team claims)
    field_map: Mapping[str, str | list[str]] | None = None
    region: str = "US"


@dataclass
class RuleResult:
    rule: BulkRule
    groups: list[DuplicateGroup] = field(default_factory=list)  # taken, in store order
    blocked: dict[str, str] = field(default_factory=dict)  # group id -> first blocker


@dataclass
class Evaluation:
    """What the rules take; `merge()` builds the GroupMerge of a taken group."""

    inputs: BulkInputs
    results: list[RuleResult]
    skipped: dict[Skip, int]

    def counts(self) -> dict[str, int]:
        return {r.rule.name: len(r.groups) for r in self.results}

    @property
    def total(self) -> int:
        return sum(len(r.groups) for r in self.results)

    def result(self, name: str) -> RuleResult:
        return next(r for r in self.results if r.rule.name == name)

    def merge(self, rule: BulkRule, group: DuplicateGroup) -> GroupMerge:
        records = [self.inputs.records[rid] for rid in group.records]
        merge = build_merge(rule, group, records, self.inputs.fields, self.inputs.caps,
                            self.inputs.region)
        assert merge is not None, "evaluation took a group its rule cannot build"
        return merge

    def merges(self, limit: int | None = None) -> Iterator[tuple[BulkRule, GroupMerge]]:
        """Every taken group's merge, rule by rule, built as iterated."""
        count = 0
        for result in self.results:
            for group in result.groups:
                if limit is not None and count >= limit:
                    return
                count += 1
                yield result.rule, self.merge(result.rule, group)

    def sample(self, name: str, size: int, seed: int = 0) -> list[GroupMerge]:
        """A seeded random sample of the groups rule `name` takes, in store order."""
        result = self.result(name)
        picked = sorted(random.Random(seed).sample(range(len(result.groups)),
                                                   min(size, len(result.groups))))
        return [self.merge(result.rule, result.groups[i]) for i in picked]


def evaluate(rules: RuleSet, inputs: BulkInputs) -> Evaluation:
    """Offer every takeable group to the enabled rules in order (see module doc).
    Raises RulesError naming a field no rule can mean (a typo takes no group silently)."""
    active = [r for r in rules.rules if r.enabled and r.when.entity in (None, inputs.entity)]
    results = [RuleResult(r) for r in active]
    skipped = dict.fromkeys(Skip, 0)
    with paused_gc():  # no cycles made; collector passes over the records cost more
        judge = _Judge(inputs, results, skipped)
        candidates = judge.candidates()
        check_names(rules, inputs, judge.keys)
        for group, rules_left in candidates:
            skip = judge.offer(group, rules_left)
            if skip is not None:
                skipped[skip] += 1
    return Evaluation(inputs, results, skipped)


class _Judge:
    """Evaluates groups against rules, cheap conditions first."""

    def __init__(self, inputs: BulkInputs, results: list[RuleResult],
                 skipped: dict[Skip, int]):
        self._in = inputs
        self._results = results
        self._skipped = skipped
        self._records = inputs.records
        self._excluded = frozenset(inputs.excluded)
        self._pairs = frozenset(inputs.not_duplicates)
        self._marked = frozenset(rid for pair in self._pairs for rid in pair)
        # Score and size bounds per rule, None as infinity: compared inline, per group.
        inf = float("inf")
        self._bounds = [(r, _or(r.rule.when.min_score, -inf), _or(r.rule.when.max_score, inf),
                         r.rule.when.min_size, _or(r.rule.when.max_size, inf)) for r in results]
        self._allowed = {id(r): frozenset(r.rule.when.conflicts_allowed) for r in results}
        # Never settled by a rule, whatever `except` says: who owns a record, its stage
        # and its parent are the reviewer's call (core.rules: blocking conflicts).
        self._always = frozenset(n for n, f in inputs.fields.items()
                                 if f.sensitive in rules.CONFLICTING)
        self._zoho = inputs.caps is not None and inputs.caps.provider == "zoho"
        self._keys: SameKeys | None = None

    def candidates(self) -> list[tuple[DuplicateGroup, list[RuleResult]]]:
        """Takeable groups with the rules whose score and size conditions they meet."""
        found = []
        for group, status in self._in.groups:
            skip = self._takeable(group, status)
            if skip is not None:
                self._skipped[skip] += 1
                continue
            score, size = group.score, len(group.records)
            fitting = [r for r, low, high, least, most in self._bounds
                       if low <= score <= high and least <= size <= most]
            if fitting:
                found.append((group, fitting))
            else:
                self._skipped[Skip.NO_RULE] += 1
        # Only the records of these groups are normalised (a connection may hold millions).
        members = {rid: self._records[rid] for group, _ in found for rid in group.records}
        self._keys = SameKeys(self._in.fields, self._in.field_map, self._in.entity, members,
                              self._in.region)
        return found

    @property
    def keys(self) -> SameKeys:
        assert self._keys is not None, "candidates() makes the keys"
        return self._keys

    def _takeable(self, group: DuplicateGroup, status: str) -> Skip | None:
        if status not in TAKEABLE or group.id in self._excluded:
            return Skip.DECIDED
        ids = group.records
        if not self._marked.isdisjoint(ids) and any(
                frozenset((a, b)) in self._pairs for i, a in enumerate(ids) for b in ids[i + 1:]):
            return Skip.NOT_DUPLICATES
        for rid in ids:
            if rid not in self._records:
                return Skip.NOT_CACHED
        return None

    def offer(self, group: DuplicateGroup, results: list[RuleResult]) -> Skip | None:
        assert self._keys is not None
        records = [self._records[rid] for rid in group.records]
        conflicts = _conflicting(records, self._in.fields)
        blocker = self._record_blocker(records, conflicts & self._always)
        matched = False
        for result in results:
            when, master = result.rule.when, result.rule.master
            if when.no_conflicts and conflicts and conflicts - self._allowed[id(result)]:
                continue
            if when.same and not self._keys.same(when.same, records):
                continue
            if master.rule == MasterKind.FROM_SOURCE and not any(
                    from_source(r, master) for r in records):
                continue
            matched = True
            found = blocker or self._merge_blocker(result.rule, group, records)
            if found is None:
                result.groups.append(group)
                return None
            result.blocked[group.id] = found
            if blocker:  # the records' own: every other rule would meet it too
                break
        return Skip.BLOCKED if matched else Skip.NO_RULE

    def _record_blocker(self, records: list[Record], conflicts: frozenset[str]) -> str | None:
        """Pre-flight checks on the records alone (the apply service runs them all again,
        with the CRM's answers, before it sends anything)."""
        locked = any(r.locked for r in records)
        if not conflicts and not locked and self._in.entity != "deals":
            return None  # the usual case, without building lists
        found = [c for c in (rules.conflict(self._in.fields[n], records) for n in conflicts)
                 if c is not None]
        if locked:
            found += preflight.check_locked(records)
        if self._in.entity == "deals":
            found += preflight.check_closed(records, self._in.fields)
        return found[0].text() if found else None

    def _merge_blocker(self, rule: BulkRule, group: DuplicateGroup,
                       records: list[Record]) -> str | None:
        """Checks on the merge itself: only Zoho's parent rule has one, and only for
        groups where someone reports to someone."""
        if not self._zoho or all(is_blank(r.fields.get("Reporting_To")) for r in records):
            return None
        merge = build_merge(rule, group, records, self._in.fields, self._in.caps,
                            self._in.region)
        assert merge is not None
        found = preflight.check_zoho_parent(merge, {r.id: r for r in records})
        blockers = preflight.open_blockers(found, merge)
        return blockers[0].text() if blockers else None


def check_names(rules: RuleSet, inputs: BulkInputs, keys: SameKeys) -> None:
    """Every field a rule names exists (in the metadata, or as a canonical field some
    CRM field stands for); RulesError with each bad name's path otherwise."""
    if not inputs.fields:
        return  # nothing to check against
    problems = []
    for i, rule in enumerate(rules.rules):
        for name in rule.when.same:
            if not keys.sources(name) or (name not in CANONICAL_FIELDS
                                          and name not in inputs.fields):
                problems.append(f"rules[{i}].when.same: no field of {inputs.entity} is "
                                f"{name!r}")
        named = [("when.except", n) for n in rule.when.conflicts_allowed] + [
            ("fields", n) for n in rule.fields if n != ANY_FIELD]
        problems += [f"rules[{i}].{where}: no field of {inputs.entity} is {name!r}"
                     for where, name in named if name not in inputs.fields]
    if problems:
        raise RulesError(problems)


def _or(value: float | None, default: float) -> float:
    return default if value is None else value


def _conflicting(records: Sequence[Record], fields: Mapping[str, FieldDef]) -> frozenset[str]:
    """Fields where two records hold different non-empty values, compared as the merge
    defaults compare them (core.multivalue.value_key: e-mails and phones normalised, text
    without case or extra spaces; other values by core.values.same_value). Comprehensions
    over raw values settle most fields at C speed; only differing ones are looked at."""
    seen = {k: v for k, v in records[0].fields.items() if v is not None and v != ""}
    found: set[str] = set()
    for record in records[1:]:
        other = record.fields
        for name in [k for k, v in other.items()
                     if v is not None and v != "" and seen.get(k, v) != v]:
            prior, value = seen[name], other[name]
            if is_blank(prior):
                seen[name] = value
            elif not is_blank(value) and _differ(prior, value, fields.get(name)):
                found.add(name)
        seen = {**{k: v for k, v in other.items() if v is not None and v != ""}, **seen}
    return frozenset(found) if found else _NONE


def _differ(a: Any, b: Any, definition: FieldDef | None) -> bool:
    if isinstance(a, str) and isinstance(b, str):
        if a.casefold() == b.casefold():  # the usual difference; no key differs by case
            return False
        kind = definition.type if definition is not None else FieldType.TEXT
        return mv.value_key(a, kind) != mv.value_key(b, kind)
    return not same_value(a, b)


_NONE: frozenset[str] = frozenset()

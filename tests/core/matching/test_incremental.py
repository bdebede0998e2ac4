"""Incremental rescans agree with full scans and keep "not duplicates" out."""

from __future__ import annotations

import pytest

from mergedesk.core.matching import IncrementalMatcher, find_groups
from mergedesk.core.models import Record
from tests.core.matching.conftest import records
from tests.core.matching.datamaker import make


def _records_of(result) -> list[tuple[str, ...]]:  # type: ignore[no-untyped-def]
    return [g.records for g in result.groups]


def test_update_gives_what_a_full_scan_of_the_new_state_gives() -> None:
    data = make("contacts", 2500, seed=9)
    first, later = data.records[:1800], data.records[1800:]
    removed = {first[3].id, first[10].id, first[11].id}
    edited = [Record(id=first[20].id, fields={**first[20].fields, "email": "new@example.org"})]
    matcher = IncrementalMatcher("contacts")
    matcher.scan(first)
    result = matcher.update(changed=[*later, *edited], removed=removed)
    final = [edited[0] if r.id == edited[0].id else r for r in data.records if r.id not in removed]
    assert _records_of(result) == _records_of(find_groups(final))


def test_an_edit_that_makes_records_differ_splits_their_group() -> None:
    ann = {"first_name": "Ann", "last_name": "Lee", "email": "ann@acme.com"}
    matcher = IncrementalMatcher()
    assert _records_of(matcher.scan(records(ann, ann))) == [("r1", "r2")]
    bob = Record(id="r2", fields={"first_name": "Bob", "last_name": "Stone", "email": "b@x.org"})
    assert matcher.update(changed=[bob]).groups == []


def test_merged_away_records_leave_their_groups() -> None:
    ann = {"first_name": "Ann", "last_name": "Lee", "email": "ann@acme.com"}
    matcher = IncrementalMatcher()
    matcher.scan(records(ann, ann, ann))
    assert _records_of(matcher.update(removed={"r2", "r3"})) == []


def test_not_duplicates_never_come_back() -> None:
    ann = {"first_name": "Ann", "last_name": "Lee", "email": "ann@acme.com"}
    matcher = IncrementalMatcher()
    matcher.scan(records(ann, ann), excluded_pairs=[frozenset({"r1", "r2"})])
    assert matcher.exclude([]).groups == []
    third = Record(id="r3", fields=ann)
    assert _records_of(matcher.update(changed=[third])) == [("r1", "r3")]
    assert _records_of(matcher.exclude([frozenset({"r1", "r3"})])) == [("r2", "r3")]


def test_update_before_scan_is_refused() -> None:
    with pytest.raises(RuntimeError, match=r"scan\(\)"):
        IncrementalMatcher().update(removed={"r1"})


def test_only_groups_a_change_touches_are_clustered_again() -> None:
    data = make("contacts", 1500, seed=5)
    matcher = IncrementalMatcher("contacts")
    before = matcher.scan(data.records).groups
    touched = before[0]
    edited = Record(id=touched.records[0], fields={"first_name": "Zed", "email": "z@q.org"})
    after = matcher.update(changed=[edited]).groups
    untouched = [g for g in before if g is not touched]
    assert all(any(g is h for h in after) for g in untouched)  # the same objects, kept
    assert touched not in after


def _reclustered_in_full(matcher: IncrementalMatcher):  # type: ignore[no-untyped-def]
    matcher._dirty.update(range(len(matcher._alive)))  # every component counts as changed
    return matcher.exclude([])


def test_partial_reclustering_equals_reclustering_everything_with_its_notes() -> None:
    data = make("contacts", 3000, seed=11)
    live = [r.id for r in data.records[:2000]]
    matcher = IncrementalMatcher("contacts")
    matcher.scan(data.records[:2000], excluded_pairs=[frozenset({"r2", "r3"})])
    for step in range(3):
        batch = data.records[2000 + 300 * step : 2300 + 300 * step]
        removed = set(live[step * 7 : step * 7 + 5])
        edited = [Record(id=live[100 + step], fields={"first_name": "Zed", "email": "z@q.org"})]
        result = matcher.update(changed=[*batch, *edited], removed=removed)
        full = _reclustered_in_full(matcher)
        assert _records_of(result) == _records_of(full) and result.notes == full.notes
        assert [g.evidence for g in result.groups] == [g.evidence for g in full.groups]
    pair = frozenset(result.groups[0].records[:2])
    result = matcher.exclude([pair])
    full = _reclustered_in_full(matcher)
    assert _records_of(result) == _records_of(full) and result.notes == full.notes
    assert any("not followed" in note for note in full.notes)

"""find_groups end to end: quality on planted duplicates, bad input, progress, cancel,
exclusions, determinism and the field map."""

from __future__ import annotations

import gc
import random
from typing import Any

import pytest

from mergedesk.core.matching import MatchSettings, ScanCancelled, find_groups
from mergedesk.core.matching.groups import group_id
from mergedesk.core.models import Record
from tests.core.matching.conftest import records
from tests.core.matching.datamaker import make, pairwise_f1


@pytest.mark.parametrize("entity", ["contacts", "accounts"])
@pytest.mark.parametrize("seed", [11, 12])
def test_planted_duplicates_score_f1_of_at_least_095(entity: str, seed: int) -> None:
    data = make(entity, 4000, seed=seed)
    result = find_groups(data.records, entity)
    quality = pairwise_f1([g.records for g in result.groups], data.truth_pairs())
    assert quality["f1"] >= 0.95, quality


def test_leads_use_the_person_rules_plus_the_company() -> None:
    data = make("contacts", 1500, seed=3)
    quality = pairwise_f1([g.records for g in find_groups(data.records, "leads").groups],
                          data.truth_pairs())  # fmt: skip
    assert quality["f1"] >= 0.95, quality


ANN = {"first_name": "Ann", "last_name": "Lee", "email": "ann.lee@acme.com"}


def test_groups_carry_ids_scores_and_evidence() -> None:
    rows = records(ANN, {**ANN, "email": "ANN.LEE@acme.com", "phone": "415 555 0123"},
                   {"first_name": "Bob", "last_name": "Stone"})  # fmt: skip
    (group,) = find_groups(rows).groups
    assert group.id == group_id(("r1", "r2")) and group.records == ("r1", "r2")
    assert 0.75 <= group.score <= 1.0
    fields = {(e.a, e.b, e.field): e.score for e in group.evidence}
    assert fields[("r1", "r2", "email")] == 1.0
    assert fields[("r1", "r2", "first_name")] == 1.0


@pytest.mark.parametrize(
    ("rows", "note"),
    [
        ([], "fewer than two records"),
        ([{"email": "a@b.com"}], "fewer than two records"),
        ([{"shoe": "42"}, {"shoe": "42"}], "no field to compare"),
    ],
)
def test_bad_input_gives_a_clear_note(rows: list[dict[str, Any]], note: str) -> None:
    result = find_groups(records(*rows))
    assert result.groups == [] and any(note in n for n in result.notes)


def test_ten_thousand_identical_records_give_a_bounded_result_and_a_note() -> None:
    rows = [Record(id=str(i), fields=dict(ANN, phone="415 555 0123")) for i in range(10_000)]
    result = find_groups(rows)
    assert result.groups == []
    assert any("email:ann.lee@acme.com" in n and "10,000 records" in n for n in result.notes)


def test_repeated_ids_are_dropped_with_a_note() -> None:
    rows = [Record(id="1", fields=ANN), Record(id="1", fields=ANN), Record(id="2", fields=ANN)]
    result = find_groups(rows)
    assert [g.records for g in result.groups] == [("1", "2")]
    assert any("appears more than once" in n for n in result.notes)


def test_progress_rises_to_one_and_cancel_stops_the_scan() -> None:
    data = make("contacts", 300, seed=2)
    seen: list[float] = []
    find_groups(data.records, progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == 1.0
    with pytest.raises(ScanCancelled):
        find_groups(data.records, cancel=lambda: len(seen) > 0, progress=seen.append)


def test_a_scan_restores_the_collector_and_leaves_its_results_in_the_oldest_generation(
) -> None:  # fmt: skip
    data = make("contacts", 300, seed=2)
    result = find_groups(data.records)
    assert gc.isenabled() and gc.get_freeze_count() == 0
    # Promoted at once: no young collection walks a million evidence items after a scan.
    assert any(item is result.groups[0] for item in gc.get_objects(generation=2))
    gc.disable()
    find_groups(data.records)
    assert not gc.isenabled()
    gc.enable()


def test_a_scan_leaves_objects_frozen_on_purpose_frozen() -> None:
    gc.freeze()  # as the app does with its start-up objects
    try:
        find_groups(make("contacts", 300, seed=2).records)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_excluded_pairs_never_come_back() -> None:
    rows = records(ANN, ANN, ANN)
    assert [g.records for g in find_groups(rows).groups] == [("r1", "r2", "r3")]
    result = find_groups(rows, excluded_pairs=[frozenset({"r1", "r3"})])
    assert all({"r1", "r3"} - set(g.records) for g in result.groups)


def test_the_same_records_give_the_same_groups() -> None:
    data = make("contacts", 1500, seed=4)
    assert find_groups(data.records).groups == find_groups(list(data.records)).groups


def test_record_order_does_not_change_which_records_are_grouped() -> None:
    # Window neighbours in big blocks may differ with the order; the groups may not.
    data = make("contacts", 1500, seed=4)
    shuffled = list(data.records)
    random.Random(1).shuffle(shuffled)
    assert [g.records for g in find_groups(shuffled).groups] == [
        g.records for g in find_groups(data.records).groups
    ]


def test_chatwoot_contacts_match_through_nested_fields() -> None:
    def contact(rid: str, name: str, phone: str) -> Record:
        return Record(id=rid, fields={
            "name": name, "email": None, "phone_number": phone, "identifier": None,
            "additional_attributes": {"company_name": "Acme", "city": "Lyon"},
        })  # fmt: skip

    rows = [contact("1", "Ann Lee", "+33612345678"), contact("2", "ann lee", "+33612345678"),
            contact("3", "Bob Stone", "+33699999999")]  # fmt: skip
    result = find_groups(rows)
    assert [g.records for g in result.groups] == [("1", "2")]
    assert result.field_map["company"] == "additional_attributes.company_name"


def test_an_explicit_field_map_wins() -> None:
    rows = records({"Mail": "a@x.com", "Nom": "Lee"}, {"Mail": "a@x.com", "Nom": "Lee"})
    settings = MatchSettings.for_entity("contacts", field_map={"email": "Mail", "last_name": "Nom"})
    assert len(find_groups(rows, settings=settings).groups) == 1


@pytest.mark.parametrize("entity", ["contacts", "accounts", "leads"])
def test_the_sandbox_generator_data_also_scores_f1_of_at_least_095(entity: str) -> None:
    generator = pytest.importorskip("mergedesk.sandbox.generator")
    data = generator.generate(entity, 3000, seed=5)
    rows = [Record(id=str(i), entity=entity, fields=f) for i, f in enumerate(data.records)]
    truth = {frozenset((str(a), str(b))) for group in data.truth
             for a in group for b in group if a < b}  # fmt: skip
    quality = pairwise_f1([g.records for g in find_groups(rows, entity).groups], truth)
    assert quality["f1"] >= 0.95, quality

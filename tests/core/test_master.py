"""The default master: each rule, tie-breaking by the other rules, and the facts why."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from mergedesk.core.master import Criterion, MasterRule, Reason, suggest_master
from mergedesk.core.models import Record


def rec(rid: str, filled: int, year: int | None = None, related: int = 0) -> Record:
    return Record(id=rid, fields={f"f{i}": "x" for i in range(filled)} | {"blank": None},
                  created_at=datetime(year, 1, 1, tzinfo=UTC) if year else None,
                  related_counts={"conversations": related} if related else {})


@pytest.mark.parametrize(("rule", "winner"), [
    (MasterRule.MOST_COMPLETE, "a"),
    (MasterRule.OLDEST, "b"),
    (MasterRule.MOST_RELATED, "c"),
])
def test_each_rule_prefers_its_record(rule: MasterRule, winner: str) -> None:
    records = [rec("a", 5, 2022, 1), rec("b", 3, 2019, 2), rec("c", 4, 2021, 9)]
    suggestion = suggest_master(records, rule)
    assert suggestion.record_id == winner and suggestion.decided_by == rule


def test_ties_fall_to_the_next_rule_and_say_so() -> None:
    records = [rec("a", 4, 2022), rec("b", 4, 2018), rec("c", 2, 2010)]
    suggestion = suggest_master(records)
    assert suggestion.record_id == "b" and suggestion.decided_by == MasterRule.OLDEST
    assert suggestion.of("b").filled == 4 and suggestion.of("c").filled == 2


def test_unknown_dates_lose_and_a_full_tie_keeps_group_order() -> None:
    assert suggest_master([rec("a", 1), rec("b", 1, 2020)], MasterRule.OLDEST).record_id == "b"
    tie = suggest_master([rec("a", 1), rec("b", 1)])
    assert tie.record_id == "a" and tie.decided_by is None


def test_complete_counts_only_the_fields_compared() -> None:
    records = [rec("a", 5), Record(id="b", fields={"f0": "x", "extra": "y"})]
    assert suggest_master(records, fields=["f0", "extra"]).record_id == "b"


def test_a_link_to_integrations_breaks_ties_and_every_outright_win_is_a_reason() -> None:
    linked = Record(id="b", fields={"f0": "x", "ext": "id-7"})
    records = [Record(id="a", fields={"f0": "x", "f1": "y"}), linked]
    suggestion = suggest_master(records, fields=["f0"], linked=["ext"])
    assert suggestion.record_id == "b" and suggestion.decided_by is None
    assert suggestion.decided_by_criterion == Criterion.LINKED
    assert [r.rule for r in suggestion.reasons] == [Criterion.LINKED]
    oldest = suggest_master([rec("a", 1, 2022, 3), rec("b", 2, 2019, 1)], MasterRule.OLDEST)
    assert [r.rule for r in oldest.reasons] == [Criterion.OLDEST, Criterion.MOST_COMPLETE]
    assert oldest.reasons[0].detail == "created 2019-01-01"


def test_the_review_window_and_the_safe_defaults_share_one_engine() -> None:
    from mergedesk.core import rules

    assert rules.SurvivorRule is Criterion and rules.Reason is Reason

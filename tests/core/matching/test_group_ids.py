"""Group ids are stable: the same records give the same id in any scan, so decisions and
merge outcomes stay with their group when a re-scan finds it again."""

from __future__ import annotations

from mergedesk.core.matching import find_groups
from mergedesk.core.matching.groups import group_id
from tests.core.matching.conftest import records

ANN = {"first_name": "Ann", "last_name": "Lee", "email": "ann.lee@acme.com"}
BOB = {"first_name": "Bob", "last_name": "Stone", "email": "bob@stone.io"}


def test_group_id_depends_on_the_record_set_only() -> None:
    assert group_id(["r2", "r10"]) == group_id(("r10", "r2"))
    assert group_id(["r1", "r2"]) != group_id(["r1", "r3"])
    assert group_id(["a", "b"]).startswith("g") and len(group_id(["a", "b"])) == 17


def test_a_rescan_gives_a_surviving_group_its_old_id() -> None:
    first = find_groups(records(ANN, ANN, BOB, BOB)).groups
    # A new pair appears before the old ones: positional numbering would shift ids.
    second = find_groups(records(BOB, BOB, ANN, ANN)).groups
    assert {g.id: g.records for g in first} == {g.id: g.records for g in second}
    assert len({g.id for g in first}) == 2

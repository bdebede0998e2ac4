"""Group ids are stable: the same records give the same id in any scan, so decisions and
merge outcomes stay with their group when a re-scan finds it again."""

from __future__ import annotations

from mergedesk.core.matching import find_groups
from mergedesk.core.matching.groups import group_id
from mergedesk.core.models import Record
from tests.core.matching.conftest import records

ANN = {"first_name": "Ann", "last_name": "Lee", "email": "ann.lee@acme.com"}
BOB = {"first_name": "Bob", "last_name": "Stone", "email": "bob@stone.io"}
CAT = {"first_name": "Cat", "last_name": "Moss", "email": "cat.moss@moss.org"}


def test_group_id_depends_on_the_record_set_only() -> None:
    assert group_id(["r2", "r10"]) == group_id(("r10", "r2"))
    assert group_id(["r1", "r2"]) != group_id(["r1", "r3"])
    assert group_id(["a", "b"]).startswith("g") and len(group_id(["a", "b"])) == 17


def test_a_rescan_gives_a_surviving_group_its_old_id() -> None:
    old = records(ANN, ANN, BOB, BOB)
    first = {g.id: g.records for g in find_groups(old).groups}
    # A new pair sorts before the old ones: numbering by position would shift every id.
    new = [Record(id="r0", fields=CAT), Record(id="r9", fields=CAT)]
    second = {g.id: g.records for g in find_groups([*new, *old]).groups}
    assert len(first) == 2 and len(second) == 3
    assert first.items() <= second.items()
    assert second[group_id(["r0", "r9"])] == ("r0", "r9")

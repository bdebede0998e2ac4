"""The group list's store: statuses kept across re-scans, counts kept by triggers, and
pages, orderings and searches in SQL (store.group_query)."""

from __future__ import annotations

import pytest

from mergedesk.core.models import DuplicateGroup, Evidence
from mergedesk.store.cache import GroupStore
from mergedesk.store.group_query import GroupQuery, GroupReader, GroupSort

CONN = "chatwoot|http://127.0.0.1:1/api/v1/accounts/1|contacts"


def group(gid: str, *records: str, score: float = 0.9) -> DuplicateGroup:
    return DuplicateGroup(id=gid, score=score, records=records,
                          evidence=(Evidence(a=records[0], b=records[1], field="email",
                                             score=1.0),))


@pytest.fixture
def store(open_store) -> GroupStore:
    return GroupStore(open_store("store"))  # SQLite and PostgreSQL (tests/store/conftest.py)


@pytest.fixture
def reader(store) -> GroupReader:
    reader = GroupReader(store._db)
    yield reader
    reader.close()


def fill(store: GroupStore) -> None:
    store.replace_groups(CONN, [
        (group("ga", "1", "2", score=0.7), "Ann Lee ann@acme.com"),
        (group("gb", "3", "4", "5", score=0.9), "Bob Stone bob@stone.io"),
        (group("gc", "6", "7", score=0.8), "Cat Moss cat@moss.org"),
        (group("gd", "8", "9", score=0.8), "Dan Ray dan@ray.net"),
    ])


def ids(listings) -> list[str]:
    return [row.id for row in listings]


def test_a_rescan_keeps_decisions_of_groups_found_again_but_not_merged(store, reader):
    fill(store)
    store.set_status(CONN, "ga", "skipped")
    store.set_status(CONN, "gb", "merged")
    store.set_status(CONN, "gc", "failed")
    store.replace_groups(CONN, [(group("ga", "1", "2"), ""), (group("gb", "3", "4", "5"), ""),
                                (group("ge", "10", "11"), "")])
    statuses = {g.id: s for g, s in store.groups(CONN)}
    assert statuses == {"ga": "skipped", "gb": "open", "ge": "open"}
    assert reader.status_counts(CONN) == {"skipped": 1, "open": 2}


def test_counts_follow_inserts_deletes_and_status_changes(store, reader):
    fill(store)
    assert reader.count(CONN, GroupQuery()) == 4
    store.set_status(CONN, "gb", "not_duplicates")
    assert reader.count(CONN, GroupQuery(statuses=frozenset({"open"}))) == 3
    assert reader.count(CONN, GroupQuery(statuses=frozenset({"not_duplicates"}))) == 1
    assert reader.count(CONN, GroupQuery.search("ann")) is None  # words need a scan
    store.replace_groups(CONN, [])
    assert reader.count(CONN, GroupQuery()) == 0


@pytest.mark.parametrize(("query", "expected"), [
    (GroupQuery(), ["gb", "gc", "gd", "ga"]),
    (GroupQuery(descending=False), ["ga", "gd", "gc", "gb"]),
    (GroupQuery(sort=GroupSort.SIZE), ["gb", "gc", "gd", "ga"]),
    (GroupQuery(sort=GroupSort.TITLE, descending=False), ["ga", "gb", "gd", "gc"]),
    (GroupQuery(sort=GroupSort.STATUS, descending=False), ["gc", "gd", "gb", "ga"]),
    (GroupQuery.search("MOSS"), ["gc"]),
    (GroupQuery.search("acme ann"), ["ga"]),
    (GroupQuery.search("7"), ["gc"]),  # a record id
    (GroupQuery(statuses=frozenset({"open"})), ["gc", "gd"]),
    (GroupQuery(statuses=frozenset({"open", "skipped"}), sort=GroupSort.SIZE), ["gc", "gd", "ga"]),
])
def test_orders_sort_filter_and_search_in_sql(store, reader, query, expected):
    fill(store)
    store.set_titles(CONN, {"ga": "Ann", "gb": "Ann B", "gc": "Zed", "gd": "Dan"})
    store.set_status(CONN, "ga", "skipped")
    store.set_status(CONN, "gb", "not_duplicates")
    order = reader.order(CONN, query)
    assert ids(reader.rows(order)) == expected
    if query.indexed:
        assert ids(reader.page(CONN, query, 0, 10)) == expected
        assert ids(reader.page(CONN, query, 1, 2)) == expected[1:3]


def test_rows_come_back_in_the_order_asked_with_what_the_list_shows(store, reader):
    fill(store)
    store.set_titles(CONN, {"gb": "Bob Stone · bob@stone.io"})
    gb, ga = reader.rowid_of(CONN, "gb"), reader.rowid_of(CONN, "ga")
    first, second = reader.rows([gb, ga, 9999])
    assert (first.id, first.title, first.size, first.records) == (
        "gb", "Bob Stone · bob@stone.io", 3, ("3", "4", "5"))
    assert second.id == "ga" and second.score == 0.7 and second.status == "open"
    with pytest.raises(ValueError):
        reader.page(CONN, GroupQuery.search("ann"), 0, 10)


def test_untitled_groups_are_walked_in_batches_and_titled(store):
    fill(store)
    batch = store.untitled(CONN, limit=3)
    assert [gid for _, gid, _ in batch] == ["ga", "gb", "gc"]
    store.set_titles(CONN, {gid: gid.upper() for _, gid, _ in batch})
    rest = store.untitled(CONN, after=batch[-1][0])
    assert [(gid, records) for _, gid, records in rest] == [("gd", ("8", "9"))]
    assert store.untitled(CONN, after=0) == rest


def test_splitting_a_record_out_replaces_the_group_and_undo_puts_it_back(store, reader):
    fill(store)
    original = dict(store.groups(CONN))
    smaller = group("gb2", "3", "4", score=0.9)
    store.replace_group(CONN, "gb", smaller, "open", "Bob")
    store.mark_pairs(CONN, [("5", "3"), ("5", "4")])
    assert store.group(CONN, "gb") is None and store.group(CONN, "gb2")[0].records == ("3", "4")
    assert {frozenset({"3", "5"}), frozenset({"4", "5"})} <= store.not_duplicate_pairs(CONN)
    assert reader.count(CONN, GroupQuery()) == 4
    old = next(g for g in original if g.id == "gb")
    store.replace_group(CONN, "gb2", old, "skipped")
    store.unmark_pairs(CONN, [("5", "3"), ("5", "4")])
    assert store.group(CONN, "gb") == (old, "skipped") and store.group(CONN, "gb2") is None
    assert store.not_duplicate_pairs(CONN) == set()
    assert reader.status_counts(CONN) == {"open": 3, "skipped": 1}


def test_the_reader_reads_one_group_with_its_evidence(store, reader):
    fill(store)
    found, status = reader.group(CONN, "gb")
    assert found.records == ("3", "4", "5") and found.evidence[0].field == "email"
    assert status == "open" and reader.group(CONN, "nope") is None


def test_rescans_write_in_short_transactions_and_drop_what_they_did_not_find(
        store, reader, monkeypatch):
    from mergedesk.core.models import Record
    from mergedesk.store import cache

    monkeypatch.setattr(cache, "CHUNK", 3)
    monkeypatch.setattr(cache, "_SPAN", 4)
    groups = [(group(f"g{n}", f"{n}a", f"{n}b"), "") for n in range(10)]
    store.replace_groups(CONN, groups)
    store.set_status(CONN, "g2", "skipped")
    store.replace_groups(CONN, groups[2:8])
    assert sorted(g.id for g, _ in store.groups(CONN)) == [f"g{n}" for n in range(2, 8)]
    assert reader.status_counts(CONN) == {"open": 5, "skipped": 1}
    records = cache.RecordCache(store._db)
    records.replace_records(CONN, [Record(id=str(n)) for n in range(7)])
    records.replace_records(CONN, [Record(id=str(n), fields={"v": n}) for n in range(2, 9)])
    assert [(r.id, r.fields) for r in records.records(CONN)][:1] == [("2", {"v": 2})]
    assert sorted(int(r.id) for r in records.records(CONN)) == list(range(2, 9))

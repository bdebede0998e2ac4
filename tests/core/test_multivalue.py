"""Distinct values after normalising, spread over slots, leftovers for a note."""

from __future__ import annotations

from mergedesk.core import multivalue as mv
from mergedesk.core.models import FieldDef, FieldRole, FieldType, Record

EMAIL = FieldDef(api_name="Email", type=FieldType.EMAIL)
SECOND = FieldDef(api_name="Secondary_Email", type=FieldType.EMAIL, role=FieldRole.SLOT,
                  slot_of="Email")
FIELDS = {"Email": EMAIL, "Secondary_Email": SECOND}


def rec(rid: str, **fields) -> Record:
    return Record(id=rid, fields=fields)


def test_distinct_normalises_emails_and_phones_keeping_the_first_form():
    assert mv.distinct(["Ann@X.com", "ann@x.com ", None, "bob@x.com"], FieldType.EMAIL) == [
        "Ann@X.com", "bob@x.com"]
    assert mv.distinct(["(415) 555-0123", "+1 415 555 0123", "020 7946 0123"],
                       FieldType.PHONE) == ["(415) 555-0123", "020 7946 0123"]


def test_fill_slots_keeps_the_master_primary_and_leaves_the_rest_for_a_note():
    records = [rec("1", Email="a@x.com", Secondary_Email="A@x.com"),
               rec("2", Email="b@x.com", Secondary_Email="c@x.com"),
               rec("3", Email="d@x.com")]
    fill = mv.fill_slots(EMAIL, FIELDS, records)
    assert fill.values == {"Email": "a@x.com", "Secondary_Email": "b@x.com"}
    assert fill.leftovers == ("c@x.com", "d@x.com")
    assert len(fill.kept) == 4


def test_union_and_join_keep_every_distinct_item_once():
    assert mv.union([["vip", "b2b"], None, ["b2b", "lead"], "solo"]) == [
        "vip", "b2b", "lead", "solo"]
    assert mv.join_text(["one", " one", "two", None], " | ") == "one | two"


def test_add_note_does_not_repeat_a_line():
    once = mv.add_note("hello", ["Other Email (merged): x@y.com"])
    assert mv.add_note(once, ["Other Email (merged): x@y.com"]) == once
    assert once.endswith("x@y.com") and once.startswith("hello")

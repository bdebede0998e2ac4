"""Bulk rules: the JSON file (and its errors), which groups each rule takes, and the
GroupMerge it makes of them."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from mergedesk.core.bulk_eval import BulkInputs, Skip, evaluate
from mergedesk.core.bulk_rules import RulesError, RuleSet, build_merge
from mergedesk.core.models import (
    Attachment,
    DuplicateGroup,
    FieldDef,
    FieldRole,
    FieldType,
    Record,
    Sensitive,
)
from mergedesk.core.rules import RuleTemplate, resolve

EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "bulk_rules.example.json"
FIELDS = {f.api_name: f for f in (
    FieldDef(api_name="Last_Name"),
    FieldDef(api_name="Email", type=FieldType.EMAIL),
    FieldDef(api_name="Secondary_Email", type=FieldType.EMAIL, role=FieldRole.SLOT,
             slot_of="Email"),
    FieldDef(api_name="Phone", type=FieldType.PHONE),
    FieldDef(api_name="Title"),
    FieldDef(api_name="Lead_Source"),
    FieldDef(api_name="Tags", type=FieldType.MULTI_PICKLIST, multi_valued=True),
    FieldDef(api_name="Owner", type=FieldType.LOOKUP, sensitive=Sensitive.OWNER),
    FieldDef(api_name="Created_By", writable=False),
    FieldDef(api_name="Description", type=FieldType.LONG_TEXT, role=FieldRole.NOTE),
)}
RULE = {"name": "same email, high score",
        "when": {"min_score": 0.97, "same": ["email"], "no_conflicts": True, "max_size": 3},
        "master": "oldest", "fields": {"*": "fill_blanks", "Phone": "newest"}}


def day(n: int) -> datetime:
    return datetime(2024, 1, n, tzinfo=UTC)


def rec(rid: str, created: int, updated: int | None = None, **fields) -> Record:
    return Record(id=rid, fields=fields, created_at=day(created),
                  updated_at=day(updated or created))


def inputs(*groups, status="open", **extra) -> BulkInputs:
    records = {r.id: r for g in groups for r in g[1]}
    found = [(DuplicateGroup(id=gid, score=score, records=tuple(r.id for r in members)),
              status) for gid, members, score in ((g[0], g[1], g[2]) for g in groups)]
    return BulkInputs(entity="contacts", groups=found, records=records, fields=FIELDS, **extra)


def rules(*items: dict) -> RuleSet:
    return RuleSet.model_validate({"rules": list(items)})


def pair(gid="g1", score=0.99, **second):
    a = rec(f"{gid}a", 1, Last_Name="Ng", Email="Ann.Ng@Example.com", Phone=None,
            Title="CTO")
    b = rec(f"{gid}b", 5, **{"Last_Name": "Ng", "Email": "ann.ng@example.com",
                             "Phone": "+14155550100", "Title": "CTO", **second})
    return (gid, [a, b], score)


# --- the file --------------------------------------------------------------------------
def test_the_example_file_parses_and_round_trips():
    parsed = RuleSet.from_json_text(EXAMPLE.read_text())
    assert parsed.rules[0].when.min_score == 0.97
    assert RuleSet.from_json_text(parsed.to_json_text()) == parsed
    assert "except" in parsed.to_json_text() or not any(
        r.when.conflicts_allowed for r in parsed.rules)


@pytest.mark.parametrize(("text", "path"), [
    ('{"rules": [{"name": "x", "when": {"min_score": 1.5}}]}', "rules[0].when.min_score"),
    ('{"rules": [{"name": "x", "fields": {"Phone": "loudest"}}]}', "rules[0].fields.Phone"),
    ('{"rules": [{"name": "x", "wehn": {}}]}', "rules[0].wehn"),
    ('{"rules": [{"name": "x", "master": "tallest"}]}', "rules[0].master"),
    ('{"rules": [{"name": "x", "master": {"rule": "from_source"}}]}', "rules[0].master"),
    ('{"rules": [{"name": "x", "fields": {"Phone": {"kind": "from_record", "record": "7"}}}]}',
     "rules[0].fields"),
    ('{"rules": [{"name": "x", "when": {"min_size": 4, "max_size": 3}}]}', "rules[0].when"),
    ('{"rules": [{"name": "x"}, {"name": "x"}]}', "rules: rule names must differ"),
])
def test_a_malformed_rules_file_names_the_bad_item(text, path):
    with pytest.raises(RulesError) as caught:
        RuleSet.from_json_text(text)
    assert any(p.startswith(path) for p in caught.value.problems), caught.value.problems


def test_text_that_is_not_json_is_a_rules_error():
    with pytest.raises(RulesError, match="JSON"):
        RuleSet.from_json_text('{"rules": [')


# --- which groups a rule takes ----------------------------------------------------------
def test_same_normalised_email_and_no_conflicts_takes_the_group():
    result = evaluate(rules(RULE), inputs(pair()))
    assert result.counts() == {"same email, high score": 1}


def test_a_different_email_score_or_size_leaves_the_group():
    other = pair("g2", Email="someone@else.com")
    low = pair("g3", score=0.9)
    four = ("g4", [*pair("g4")[1], *(rec(f"g4{x}", 9, Email="ann.ng@example.com")
                                     for x in "cd")], 0.99)
    result = evaluate(rules(RULE), inputs(other, low, four))
    assert result.total == 0 and result.skipped[Skip.NO_RULE] == 3


def test_a_conflicting_value_stops_no_conflicts_unless_the_field_is_excepted():
    group = pair(Title="CEO")
    assert evaluate(rules(RULE), inputs(group)).total == 0
    allowed = {**RULE, "when": {**RULE["when"], "except": ["Title"]}}
    assert evaluate(rules(allowed), inputs(group)).total == 1


def test_an_owner_conflict_is_never_taken_even_when_excepted():
    group = pair(Owner={"id": "u2", "name": "Kim"})
    group[1][0] = group[1][0].model_copy(update={"fields": {**group[1][0].fields,
                                                            "Owner": {"id": "u1"}}})
    loose = {"name": "loose", "when": {"except": ["Owner"]}}
    result = evaluate(rules(loose), inputs(group))
    assert result.total == 0 and result.skipped[Skip.BLOCKED] == 1
    assert "Owner differs" in result.result("loose").blocked["g1"]


@pytest.mark.parametrize("status", ["merged", "not_duplicates", "skipped", "unknown",
                                    "stale"])
def test_decided_groups_are_never_taken(status):
    result = evaluate(rules(RULE), inputs(pair(), status=status))
    assert result.total == 0 and result.skipped[Skip.DECIDED] == 1


def test_not_duplicate_pairs_claimed_and_uncached_groups_are_never_taken():
    marked = evaluate(rules(RULE), inputs(pair(), not_duplicates={frozenset(("g1a", "g1b"))}))
    claimed = evaluate(rules(RULE), inputs(pair(), excluded={"g1"}))
    data = inputs(pair())
    del data.records["g1b"]
    missing = evaluate(rules(RULE), data)
    assert marked.skipped[Skip.NOT_DUPLICATES] == 1 and claimed.skipped[Skip.DECIDED] == 1
    assert missing.skipped[Skip.NOT_CACHED] == 1
    assert marked.total == claimed.total == missing.total == 0


def test_a_locked_record_blocks_the_group():
    group = pair()
    group[1][1] = group[1][1].model_copy(update={"locked": "in an approval process"})
    result = evaluate(rules(RULE), inputs(group))
    assert result.total == 0 and "approval" in result.result(RULE["name"]).blocked["g1"]


def test_the_first_matching_rule_takes_a_group_and_disabled_rules_take_none():
    broad = {"name": "broad", "when": {"min_score": 0.5}}
    off = {**RULE, "name": "off", "enabled": False}
    result = evaluate(rules(off, RULE, broad), inputs(pair(), pair("g2", Title="CEO")))
    assert result.counts() == {"same email, high score": 1, "broad": 1}


def test_a_rule_for_another_entity_takes_nothing():
    accounts = {**RULE, "when": {**RULE["when"], "entity": "accounts"}}
    assert evaluate(rules(accounts), inputs(pair())).counts() == {}


def test_same_phone_compares_numbers_not_text():
    a = rec("p1", 1, Phone="(415) 555-0100", Last_Name="Ng")
    b = rec("p2", 2, Phone="+1 415 555 0100", Last_Name="NG")
    c = rec("p3", 1, Phone="415 555 0199", Last_Name="Ng")
    d = rec("p4", 2, Phone="+1 415 555 0100", Last_Name="Ng")
    rule = {"name": "phone", "when": {"same": ["phone", "last_name"]}}
    result = evaluate(rules(rule), inputs(("g1", [a, b], 0.9), ("g2", [c, d], 0.9)))
    assert [g.id for g in result.result("phone").groups] == ["g1"]


# --- the merge a rule makes ---------------------------------------------------------------
def test_the_merge_takes_the_oldest_master_fills_blanks_and_takes_the_newest_phone():
    result = evaluate(rules(RULE), inputs(pair()))
    (_, merge), = list(result.merges())
    assert merge.master == "g1a" and merge.others == ("g1b",)
    assert merge.fields["Phone"].from_record == "g1b"
    assert set(merge.fields) == {"Phone"}  # same e-mail, title: nothing to choose
    assert merge.snapshot == {r.id: r.fields for r in pair()[1]}


def test_the_merge_is_what_core_rules_resolve_makes_for_a_reviewer():
    a = rec("a", 1, Email="a@x.com", Tags=["vip"], Title=None, Created_By="u9")
    b = rec("b", 3, Email="b@x.com", Tags=["lead"], Title="CTO", Created_By="u8")
    rule = {"name": "all", "master": "oldest"}
    merge = build_merge(rules(rule).rules[0], DuplicateGroup(id="g", score=1, records=("a", "b")),
                        [a, b], FIELDS)
    defaults = resolve([a, b], FIELDS, RuleTemplate(name="review"))
    expected = {n for n, c in defaults.choices.items()}
    assert set(merge.fields) == expected == {"Secondary_Email", "Tags", "Title"}
    assert merge.fields["Tags"].value == ["vip", "lead"]
    assert "Created_By" not in merge.fields  # read-only: never chosen


def test_never_overwrite_keeps_the_masters_value_and_newest_may_replace_it():
    a = rec("a", 1, 1, Title="CTO")
    b = rec("b", 2, 9, Title="CEO")
    group = DuplicateGroup(id="g", score=1, records=("a", "b"))
    keep = rules({"name": "k", "master": "oldest", "fields": {"Title": "newest"}}).rules[0]
    replace = keep.model_copy(update={"never_overwrite_non_empty": False})
    assert "Title" not in build_merge(keep, group, [a, b], FIELDS).fields
    assert build_merge(replace, group, [a, b], FIELDS).fields["Title"].from_record == "b"


def test_master_from_a_source_and_none_when_no_record_is_from_it():
    a = rec("a", 1, Lead_Source="Trade show")
    b = rec("b", 2, Lead_Source="web ")
    group = DuplicateGroup(id="g", score=1, records=("a", "b"))
    rule = rules({"name": "web", "master": {"rule": "from_source", "field": "Lead_Source",
                                            "value": "Web"}}).rules[0]
    assert build_merge(rule, group, [a, b], FIELDS).master == "b"
    other = [a, rec("b", 2, Lead_Source="Referral")]
    assert build_merge(rule, group, other, FIELDS) is None
    assert evaluate(RuleSet(rules=(rule,)), inputs(("g", other, 1.0))).total == 0


def test_zoho_keeps_every_file_field_as_the_review_window_does():
    from mergedesk.core.capabilities import FileHandling
    from mergedesk.providers.zoho import CAPABILITIES

    assert CAPABILITIES.files == FileHandling.SELECTABLE_FIELDS
    a = rec("a", 1).model_copy(update={"attachments": (
        Attachment(id="f1", record_id="a", field="Photo"), Attachment(id="f2", record_id="a"))})
    merge = build_merge(rules({"name": "x"}).rules[0],
                        DuplicateGroup(id="g", score=1, records=("a", "b")),
                        [a, rec("b", 2)], FIELDS, CAPABILITIES)
    assert merge.attachments.keep == ("f1",)


def test_a_seeded_sample_is_repeatable_and_from_the_rules_groups():
    groups = [pair(f"g{i}") for i in range(30)]
    result = evaluate(rules(RULE), inputs(*groups))
    first = [m.group for m in result.sample(RULE["name"], 5, seed=4)]
    assert first == [m.group for m in result.sample(RULE["name"], 5, seed=4)]
    assert len(set(first)) == 5 and first != [m.group for m in
                                              result.sample(RULE["name"], 5, seed=5)]
    assert len(result.sample(RULE["name"], 100)) == 30


def test_merges_stop_at_the_limit():
    result = evaluate(rules(RULE), inputs(*(pair(f"g{i}") for i in range(5))))
    assert len(list(result.merges(limit=3))) == 3


def test_the_example_in_the_brief_is_valid():
    text = json.dumps({"rules": [RULE | {"never_overwrite_non_empty": True}]})
    assert RuleSet.from_json_text(text).rules[0].fields["Phone"].kind == "newest"


def test_the_same_text_that_is_no_email_is_not_the_same_email():
    a = rec("n1", 1, Email="n/a", Last_Name="Ng")
    b = rec("n2", 2, Email="N/A", Last_Name="Ng")
    c = rec("n3", 1, Email="Ann@Example.com", Secondary_Email="ann@home.net")
    d = rec("n4", 2, Email="ann@home.net")
    rule = {"name": "email", "when": {"same": ["email"]}}
    result = evaluate(rules(rule), inputs(("g1", [a, b], 0.9), ("g2", [c, d], 0.9)))
    assert [g.id for g in result.result("email").groups] == ["g2"]  # any of the slots


def test_a_field_no_crm_field_stands_for_is_an_error_naming_it():
    typo = {"name": "t", "when": {"same": ["emial"], "except": ["Titel"]},
            "fields": {"Phnoe": "newest"}}
    with pytest.raises(RulesError) as caught:
        evaluate(rules(RULE, typo), inputs(pair()))
    assert caught.value.problems == [
        "rules[1].when.same: no field of contacts is 'emial'",
        "rules[1].when.except: no field of contacts is 'Titel'",
        "rules[1].fields: no field of contacts is 'Phnoe'"]
    website = {"name": "w", "when": {"same": ["website"]}}  # canonical, but no such field
    with pytest.raises(RulesError, match="'website'"):
        evaluate(rules(website), inputs(pair()))

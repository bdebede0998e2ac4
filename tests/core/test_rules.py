"""Safe defaults, templates and the suggested survivor."""

from __future__ import annotations

from datetime import UTC, datetime

from mergedesk.core.models import FieldDef, FieldRole, FieldType, Record, Sensitive
from mergedesk.core.plan import GroupMerge
from mergedesk.core.preflight import FindingKind, open_blockers
from mergedesk.core.rules import (
    FieldRule,
    RuleKind,
    RuleTemplate,
    SurvivorRule,
    conflicts,
    resolve,
    sensitive_by_name,
    suggest_survivor,
)

FIELDS = {f.api_name: f for f in (
    FieldDef(api_name="Email", type=FieldType.EMAIL),
    FieldDef(api_name="Secondary_Email", type=FieldType.EMAIL, role=FieldRole.SLOT,
             slot_of="Email"),
    FieldDef(api_name="Phone", type=FieldType.PHONE),
    FieldDef(api_name="Tags", type=FieldType.MULTI_PICKLIST, multi_valued=True),
    FieldDef(api_name="Email_Opt_Out", type=FieldType.BOOLEAN, sensitive=Sensitive.OPT_OUT),
    FieldDef(api_name="Consent", type=FieldType.BOOLEAN, sensitive=Sensitive.CONSENT),
    FieldDef(api_name="Owner", type=FieldType.LOOKUP, sensitive=Sensitive.OWNER),
    FieldDef(api_name="Title"),
    FieldDef(api_name="Description", type=FieldType.LONG_TEXT, role=FieldRole.NOTE),
    FieldDef(api_name="crm_id", role=FieldRole.EXTERNAL_ID),
)}


def day(n: int) -> datetime:
    return datetime(2024, 1, n, tzinfo=UTC)


def group() -> list[Record]:
    return [
        Record(id="1", created_at=day(5), updated_at=day(9), fields={
            "Email": "a@x.com", "Phone": "+14155550100", "Tags": ["vip"],
            "Email_Opt_Out": False, "Consent": True, "Owner": {"id": "u1", "name": "Ann"},
            "Title": "CEO"}),
        Record(id="2", created_at=day(2), updated_at=day(3), fields={
            "Email": "b@x.com", "Secondary_Email": "A@X.com", "Phone": "(415) 555-0101",
            "Tags": ["b2b"], "Email_Opt_Out": True, "Consent": False,
            "Owner": {"id": "u2", "name": "Bob"}, "Title": "Chief"}),
        Record(id="3", created_at=day(4), updated_at=day(12), fields={
            "Email": "c@x.com", "Phone": "4155550102", "Tags": ["vip", "lead"],
            "Title": "Boss", "Description": "met at fair", "crm_id": "ext-9"}),
    ]


def test_defaults_lose_nothing_and_take_the_strictest_values():
    out = resolve(group(), FIELDS)
    assert out.choices["Secondary_Email"].resolve({}, "") == "b@x.com"
    assert out.choices["Tags"].value == ["vip", "b2b", "lead"]
    assert out.choices["Email_Opt_Out"].from_record == "2"  # the opt-out survives
    assert out.choices["Consent"].from_record == "2"  # a withdrawal wins
    note = out.choices["Description"].value
    assert "c@x.com" in note and "(415) 555-0101" in note and "4155550102" in note
    assert "met at fair" in note and out.note_field == "Description"
    assert sorted(out.kept["Email"]) == ["a@x.com", "b@x.com", "c@x.com"]
    assert "Title" not in out.choices  # fill blanks: the master's value stays


def test_an_owner_conflict_blocks_until_the_reviewer_chooses():
    out = resolve(group(), FIELDS)
    (conflict,) = [f for f in out.findings if f.kind == FindingKind.CONFLICT]
    assert conflict.field == "Owner" and "Ann" in conflict.message and "Bob" in conflict.message
    undecided = GroupMerge(group="g", master="1", others=("2", "3"))
    assert open_blockers(out.findings, undecided) == [conflict]
    decided = undecided.model_copy(update={"fields": {"Owner": out.choices.get(
        "Owner") or _from("2")}})
    assert open_blockers(out.findings, decided) == []


def _from(rid: str):
    from mergedesk.core.plan import FieldChoice
    return FieldChoice.model_validate({"from": rid})


def test_templates_serialise_and_apply_newest_oldest_longest_from_record():
    template = RuleTemplate(name="mine", default=FieldRule(kind=RuleKind.NEWEST),
                            fields={"Phone": FieldRule(kind=RuleKind.FROM_RECORD, record="2")})
    again = RuleTemplate.from_json_text(template.to_json_text())
    assert again == template
    assert resolve(group(), FIELDS, again).choices["Title"].from_record == "3"
    oldest = RuleTemplate(name="o", default=FieldRule(kind=RuleKind.OLDEST))
    assert resolve(group(), FIELDS, oldest).choices["Title"].from_record == "2"
    longest = RuleTemplate(name="l", default=FieldRule(kind=RuleKind.LONGEST))
    assert resolve(group(), FIELDS, longest).choices["Title"].from_record == "2"
    assert resolve(group(), FIELDS, again).choices["Phone"].from_record == "2"


def test_the_survivor_comes_with_its_reasons():
    records = group()
    suggestion = suggest_survivor(records, FIELDS)
    assert suggestion.master == "3"
    assert [r.rule for r in suggestion.reasons] == [SurvivorRule.LINKED]
    counted = [r.model_copy(update={"related_counts": {"notes": 5 if r.id == "2" else 0}})
               for r in records]
    counted[2] = counted[2].model_copy(update={"fields": {}})
    suggestion = suggest_survivor(counted, FIELDS)
    assert suggestion.master == "2"
    assert {r.rule for r in suggestion.reasons} == {SurvivorRule.MOST_RELATED,
                                                    SurvivorRule.OLDEST,
                                                    SurvivorRule.MOST_COMPLETE}


def test_custom_checkboxes_named_like_opt_outs_are_sensitive():
    assert sensitive_by_name("custom_attributes.email_opt_out", FieldType.BOOLEAN) == \
        Sensitive.OPT_OUT
    assert sensitive_by_name("Do_Not_Call", FieldType.BOOLEAN) == Sensitive.DO_NOT_CALL
    assert sensitive_by_name("Do_Not_Call", FieldType.TEXT) is None


def test_tags_the_crm_cannot_write_go_to_the_note():
    fields = {**FIELDS, "Tags": FIELDS["Tags"].model_copy(update={"writable": False})}
    out = resolve(group(), fields)
    assert "Tags" not in out.choices and out.kept["Tags"] == ["vip", "b2b", "lead"]
    note = out.choices["Description"].value
    assert "Tags (merged): b2b, lead" in note and "vip" not in note.split("Tags")[1]


def test_conflicts_name_every_differing_owner_and_read_only_ones_say_what_to_do():
    assert [f.field for f in conflicts(group(), FIELDS)] == ["Owner"]
    read_only = {"Owner": FIELDS["Owner"].model_copy(update={"writable": False})}
    (found,) = conflicts(group(), read_only)
    assert "cannot write it" in found.fix and found.records == ("1", "2")
    assert not found.blocking  # no choice could settle it: flagged, not a dead end
    assert conflicts(group()[2:], FIELDS) == []

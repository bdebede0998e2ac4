import json

import pytest

from mergedesk.core.models import FieldDef
from mergedesk.core.plan import MergePlan, PlanError, check_fields


def plan_text(**merge) -> str:
    base = {"group": "g1", "master": "r1", "others": ["r2", "r3"]}
    return json.dumps({"provider": "zoho", "entity": "contacts",
                       "reviewed_at": "2026-11-25T10:00:00Z", "merges": [{**base, **merge}]})


def test_design_example_plan_parses():
    plan = MergePlan.from_json_text(plan_text(
        fields={"Phone": {"from": "r3"}, "Title": {"value": "CTO"}},
        attachments={"keep": ["a7", "a9"]},
        snapshot={"r1": {"Last_Name": "Ng", "Phone": None}, "r2": {}, "r3": {}},
    ))
    merge = plan.merges[0]
    assert merge.fields["Phone"].from_record == "r3"
    assert merge.fields["Title"].given and merge.fields["Title"].value == "CTO"
    assert merge.attachments.keep == ("a7", "a9")


def test_plan_round_trips_through_json():
    plan = MergePlan.from_json_text(plan_text(fields={"Phone": {"from": "r3"},
                                                      "Title": {"value": None}}))
    again = MergePlan.from_json_text(plan.to_json_text())
    assert again == plan
    assert json.loads(plan.to_json_text())["merges"][0]["fields"]["Title"] == {"value": None}


@pytest.mark.parametrize(
    ("merge", "expected"),
    [
        ({"master": "r2"}, "master 'r2' is also listed in others"),
        ({"fields": {"Phone": {"from": "r9"}}}, "fields.Phone: value taken from 'r9'"),
        ({"fields": {"Phone": {"from": "r2", "value": 1}}}, 'exactly one of "from" or "value"'),
        ({"fields": {"Phone": "r2"}}, "merges.0.fields.Phone"),
        ({"others": []}, "merges.0.others"),
        ({"snapshot": {"r7": {}}}, "snapshot.r7: record is not in this group"),
        ({"master": 12}, "merges.0.master"),
    ],
)
def test_bad_plans_are_rejected_with_the_path_of_the_bad_item(merge, expected):
    with pytest.raises(PlanError) as info:
        MergePlan.from_json_text(plan_text(**merge))
    assert expected in str(info.value)


@pytest.mark.parametrize("text", ["", "{", "[]", '{"provider": "zoho"}', "null", '"x"'])
def test_malformed_plan_files_give_a_plan_error(text):
    with pytest.raises(PlanError):
        MergePlan.from_json_text(text)


def test_a_record_in_two_merges_is_rejected():
    data = json.loads(plan_text())
    data["merges"].append({"group": "g2", "master": "r3", "others": ["r4"]})
    with pytest.raises(PlanError, match="already in group 'g1'"):
        MergePlan.from_json_text(json.dumps(data))


def test_unknown_and_read_only_fields_are_rejected_against_metadata():
    plan = MergePlan.from_json_text(plan_text(fields={"Nope": {"value": 1},
                                                      "Created": {"from": "r2"}}))
    defs = {"Created": FieldDef(api_name="Created", writable=False)}
    with pytest.raises(PlanError) as info:
        check_fields(plan, defs)
    assert info.value.problems == [
        "merges[0].fields.Nope: no such field in contacts",
        "merges[0].fields.Created: field is read-only",
    ]

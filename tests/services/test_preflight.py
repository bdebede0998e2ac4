"""Against the Chatwoot and Zoho fakes over loopback: the safe defaults keep every
distinct e-mail and phone (in slots or a note), union tags, keep a loser's opt-out and
flag an owner conflict; each pre-flight failure stops its group before any write."""

from __future__ import annotations

import pytest

from mergedesk.core.models import MergeStatus
from mergedesk.core.plan import GroupMerge, MergePlan
from mergedesk.core.preflight import FindingKind, open_blockers
from mergedesk.core.rules import resolve
from mergedesk.providers import registry
from mergedesk.services.apply import ApplyService
from tests.conftest import serve
from tests.services.conftest import listed, no_sleep

CW_MERGES, CW_UPDATES = "POST /actions/contact_merge", "PUT /contacts/{id}"
ZOHO_MERGE, ZOHO_UPDATE = "POST /{module}/{record_id}/actions/merge", "PUT /{module}/{record_id}"


@pytest.fixture
async def zoho():
    served = serve("zoho", seed=5, records=30)
    client = registry.create(served.settings("zoho"), sleep=no_sleep)
    yield served, client
    await client.aclose()
    served.server.stop()


async def group_of(provider, ids, entity="contacts"):
    records = [await provider.get_record(entity, rid) for rid in ids]
    defs = {f.api_name: f for f in await provider.field_defs(entity)}
    return records, defs


async def apply(workspace, provider, base_url, name, merge: GroupMerge):
    plan = MergePlan(provider=name, entity="contacts", merges=(merge,))
    service = ApplyService(workspace, sleep=no_sleep)
    ctx = await service.prepare(provider, base_url, plan)
    (outcome,) = [o async for o in service.run(ctx, plan.merges)]
    return outcome


def with_defaults(records, out) -> GroupMerge:
    return GroupMerge(group="g1", master=records[0].id,
                      others=tuple(r.id for r in records[1:]), fields=out.choices)


async def test_chatwoot_three_contacts_keep_every_email_phone_tag_and_opt_out(
        sandbox, provider, workspace):
    ids = listed(sandbox, 3)
    state = sandbox.fake.state
    with state.lock:
        state.attribute_definitions.append({**state.attribute_definitions[0], "id": 99,
            "attribute_display_name": "Email opt out", "attribute_display_type": "checkbox",
            "attribute_key": "email_opt_out", "attribute_values": []})
        for n, rid in enumerate(ids):
            row = state.contacts[int(rid)]
            row["email"], row["phone_number"] = f"person{n}@example.org", f"+1415555010{n}"
            row["custom_attributes"] = {**(row.get("custom_attributes") or {}),
                                        "email_opt_out": n == 2}
            state.labels[int(rid)] = [["vip"], ["b2b"], ["vip", "lead"]][n]
        state.generation += 1
    records, defs = await group_of(provider, ids)
    out = resolve(records, defs)
    assert out.note_field == "additional_attributes.description"

    outcome = await apply(workspace, provider, sandbox.base_url, "chatwoot",
                          with_defaults(records, out))

    assert outcome.status == MergeStatus.MERGED, outcome.message
    survivor = await provider.get_record("contacts", ids[0])
    note = survivor.fields["additional_attributes.description"]
    assert survivor.fields["email"] == "person0@example.org"
    assert "person1@example.org" in note and "person2@example.org" in note
    assert "+14155550101" in note and "+14155550102" in note
    assert sorted(survivor.fields["labels"]) == ["b2b", "lead", "vip"]
    assert survivor.fields["custom_attributes.email_opt_out"] is True


async def test_zoho_three_contacts_fill_slots_note_opt_out_and_owner_conflict(
        zoho, workspace):
    served, provider = zoho
    ids = [served.fake.record_id(i) for i in range(3)]
    rows = served.fake.state.records["Contacts"]
    for n, rid in enumerate(ids):
        rows[rid].update(Email=f"p{n}@example.org", Secondary_Email=f"alt{n}@example.org",
                         Phone=f"+4930123456{n}", Mobile=f"+4917012345{n}",
                         Email_Opt_Out=n == 1, Reporting_To=None, Description=None,
                         Account_Name=rows[ids[0]]["Account_Name"])
    rows[ids[2]]["Owner"] = {"id": "4876876000000022999", "name": "Other Rep"}
    records, defs = await group_of(provider, ids)
    out = resolve(records, defs)
    (conflict,) = [f for f in out.findings if f.kind == FindingKind.CONFLICT]
    assert conflict.field == "Owner" and "Other Rep" in conflict.message
    merge = with_defaults(records, out)
    assert open_blockers(out.findings, merge) == [conflict]  # one-key submit waits
    decided = merge.model_copy(update={"fields": {**merge.fields}})  # reviewer keeps master's
    decided = GroupMerge.model_validate({**decided.model_dump(), "fields": {
        **decided.model_dump()["fields"], "Owner": {"from": ids[0]}}})
    assert open_blockers(out.findings, decided) == []

    outcome = await apply(workspace, provider, served.base_url, "zoho", decided)

    assert outcome.status == MergeStatus.MERGED, outcome.message
    after = rows[ids[0]]
    kept = {after["Email"], after["Secondary_Email"]}
    assert kept == {"p0@example.org", "alt0@example.org"}
    for n in (1, 2):
        assert f"p{n}@example.org" in after["Description"]
        assert f"alt{n}@example.org" in after["Description"]
        assert f"+4917012345{n}" in after["Description"]
    assert after["Email_Opt_Out"] is True
    assert after["Owner"]["name"] == "Sandbox Admin"


async def test_chatwoot_unique_email_held_outside_the_group_is_stopped(
        sandbox, provider, workspace):
    master, mergee, outsider = listed(sandbox, 3)
    taken = sandbox.fake.state.contacts[int(outsider)]["email"]
    assert taken
    merge = GroupMerge.model_validate({"group": "g1", "master": master, "others": [mergee],
                                       "fields": {"email": {"value": taken}}})

    outcome = await apply(workspace, provider, sandbox.base_url, "chatwoot", merge)

    assert outcome.status == MergeStatus.FAILED
    assert f"already belongs to record {outsider}" in outcome.message
    assert "nothing was sent" in outcome.message
    assert sandbox.fake.requests[CW_MERGES] == 0 and sandbox.fake.requests[CW_UPDATES] == 0


async def test_zoho_reporting_to_from_another_record_than_account_name_is_stopped(
        zoho, workspace):
    served, provider = zoho
    master, child = served.fake.record_id(0), served.fake.record_id(1)
    served.fake.state.records["Contacts"][child]["Reporting_To"] = {
        "id": served.fake.record_id(5), "name": "Boss"}
    merge = GroupMerge.model_validate({"group": "g1", "master": master, "others": [child],
                                       "fields": {"Reporting_To": {"from": child}}})

    outcome = await apply(workspace, provider, served.base_url, "zoho", merge)

    assert outcome.status == MergeStatus.FAILED
    assert "Reporting To and Account Name from the same record" in outcome.message
    assert served.fake.requests[ZOHO_MERGE] == 0 and served.fake.requests[ZOHO_UPDATE] == 0


async def test_zoho_locked_record_and_read_only_choice_are_stopped(zoho, workspace):
    served, provider = zoho
    master, child, other = (served.fake.record_id(i) for i in range(3))
    served.fake.state.records["Contacts"][child]["$approval_state"] = "approval_process_pending"
    locked = GroupMerge.model_validate({"group": "g1", "master": master, "others": [child]})
    outcome = await apply(workspace, provider, served.base_url, "zoho", locked)
    assert outcome.status == MergeStatus.FAILED and "approval process" in outcome.message

    read_only = GroupMerge.model_validate({"group": "g2", "master": master, "others": [other],
                                           "fields": {"Created_Time": {"from": other}}})
    service = ApplyService(workspace, sleep=no_sleep)
    defs = {f.api_name: f for f in await provider.field_defs("contacts")}
    records = {r: await provider.get_record("contacts", r) for r in (master, other)}
    findings = await service.preflight.check(provider, "conn", read_only, records, defs, {})
    assert [f.kind for f in findings] == [FindingKind.READ_ONLY]
    assert served.fake.requests[ZOHO_MERGE] == 0 and served.fake.requests[ZOHO_UPDATE] == 0


async def test_a_permission_refusal_stops_the_next_groups_before_any_call(
        sandbox, provider, workspace):
    a, b, c, d = listed(sandbox, 4)
    plan = MergePlan(provider="chatwoot", entity="contacts", merges=(
        GroupMerge(group="g1", master=a, others=(b,)),
        GroupMerge(group="g2", master=c, others=(d,))))
    service = ApplyService(workspace, sleep=no_sleep)
    ctx = await service.prepare(provider, sandbox.base_url, plan)
    service.preflight.refusals[ctx.conn] = "Chatwoot refused: you are not authorized"

    outcomes = [o async for o in service.run(ctx, plan.merges)]

    assert {o.status for o in outcomes} == {MergeStatus.FAILED}
    assert all("administrator" in o.message for o in outcomes)
    assert sandbox.fake.requests[CW_MERGES] == 0

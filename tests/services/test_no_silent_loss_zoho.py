"""Zoho against the fake over loopback, through ApplyService: three contacts keep every
e-mail, phone and interest (a multi-select) with a loser's opt-out while the owner
conflict waits for the reviewer; a token without the module's write scope stops every
group before any call, a closed deal stops its group, and a group larger than one call
takes is reported before anything is sent. (tests/services/test_preflight.py has the
Reporting To / Account Name, locked and read-only cases.)"""

from __future__ import annotations

from mergedesk.core.models import MergeStatus
from mergedesk.core.plan import FieldChoice, GroupMerge
from mergedesk.core.preflight import FindingKind, open_blockers
from mergedesk.core.rules import resolve
from mergedesk.providers import registry
from mergedesk.services.apply import ApplyService
from tests.fixtures import no_sleep, run_merges, starter_fixture

MERGE, UPDATE = "POST /{module}/{record_id}/actions/merge", "PUT /{module}/{record_id}"
READ_ONLY_SCOPES = ("ZohoCRM.modules.contacts.READ", "ZohoCRM.settings.fields.READ",
                    "ZohoCRM.modules.attachments.ALL")
_COMMON = ("Owner", "Created_Time", "Modified_Time", "Created_By", "Modified_By",
           "Contract_Files", "$approval_state", "$editable")


start = starter_fixture("zoho", seed=5, records=30)


async def run(workspace, served, entity: str, *merges: GroupMerge):
    provider = registry.create(served.settings("zoho"), sleep=no_sleep)
    try:
        return await run_merges(workspace, "zoho", provider, served.base_url, merges, entity,
                                concurrency=1)
    finally:
        await provider.aclose()


def writes(served) -> int:
    return served.fake.requests[MERGE] + served.fake.requests[UPDATE]


async def test_a_missing_write_scope_stops_every_group_before_any_call(start, workspace):
    served = start(scopes=READ_ONLY_SCOPES)
    a, b, c, d = (served.fake.record_id(i) for i in range(4))

    outcomes = await run(workspace, served, "contacts",
                         GroupMerge(group="g1", master=a, others=(b,)),
                         GroupMerge(group="g2", master=c, others=(d,)))

    # The token's scopes told it up front (services.preflight): even g1 sends nothing.
    for group in ("g1", "g2"):
        assert outcomes[group].status == MergeStatus.FAILED
        assert outcomes[group].message.startswith("pre-flight: ")
        assert "sign in to Zoho again and grant it" in outcomes[group].message
    assert served.fake.requests[MERGE] == 0 and served.fake.requests[UPDATE] == 0


async def test_a_closed_deal_is_stopped_before_any_call(start, workspace):
    served = start()  # the fake seeds no deals: two are added the way it stores records
    state, contact = served.fake.state, served.fake.state.records["Contacts"]
    common = {k: contact[served.fake.record_id(0)][k] for k in _COMMON}
    master, closed = state.next_id(), state.next_id()
    for rid, stage in ((master, "Negotiation/Review"), (closed, "Closed Won")):
        state.records["Deals"][rid] = {**common, "id": rid, "Deal_Name": f"Deal {rid}",
                                       "Stage": stage}

    outcomes = await run(workspace, served, "deals",
                         GroupMerge(group="d", master=master, others=(closed,)))

    assert outcomes["d"].status == MergeStatus.FAILED
    assert f"record {closed} is closed (Closed Won): only open deals can be merged" in \
        outcomes["d"].message
    assert "reopen it in the CRM or leave it out of the group" in outcomes["d"].message
    assert writes(served) == 0


async def test_a_group_larger_than_one_call_is_reported_before_any_call(start, workspace):
    served = start()
    ids = [served.fake.record_id(i) for i in range(5)]
    merge = GroupMerge(group="big", master=ids[0], others=tuple(ids[1:]))
    provider = registry.create(served.settings("zoho"), sleep=no_sleep)
    try:
        records = {rid: await provider.get_record("contacts", rid) for rid in ids}
        defs = {f.api_name: f for f in await provider.field_defs("contacts")}
        found = await ApplyService(workspace, sleep=no_sleep).preflight.review(
            provider, "c", merge, records, defs)
    finally:
        await provider.aclose()

    (cap,) = [f for f in found if f.kind == FindingKind.CALL_CAP]
    assert cap.message == ("Zoho CRM merges at most 3 records per call: this group takes 2 "
                           "calls, one after the other")
    assert cap not in open_blockers(found, merge)  # told, not stopped: the planner splits it
    assert writes(served) == 0


async def test_three_contacts_keep_every_email_phone_interest_and_opt_out(start, workspace):
    served = start()
    ids = [served.fake.record_id(i) for i in range(3)]
    rows = served.fake.state.records["Contacts"]
    for n, rid in enumerate(ids):
        rows[rid].update(Email=f"p{n}@example.org", Secondary_Email=f"alt{n}@example.org",
                         Phone=f"+4930123456{n}", Mobile=f"+4917012345{n}",
                         Email_Opt_Out=n == 2, Reporting_To=None, Description=None,
                         Account_Name=rows[ids[0]]["Account_Name"],
                         Interests=[["Golf"], ["Sailing"], ["Golf", "Chess"]][n])
    rows[ids[1]]["Owner"] = {"id": "4876876000000022999", "name": "Other Rep"}
    provider = registry.create(served.settings("zoho"), sleep=no_sleep)
    try:
        records = {rid: await provider.get_record("contacts", rid) for rid in ids}
        defs = {f.api_name: f for f in await provider.field_defs("contacts")}
        out = resolve(list(records.values()), defs)
        merge = GroupMerge(group="g1", master=ids[0], others=tuple(ids[1:]), fields=out.choices)
        found = await ApplyService(workspace, sleep=no_sleep).preflight.review(
            provider, "c", merge, records, defs)
    finally:
        await provider.aclose()
    (conflict,) = open_blockers(found, merge)
    assert conflict.field == "Owner" and "Other Rep" in conflict.message
    keep = FieldChoice.model_validate({"from": ids[0]})
    decided = merge.model_copy(update={"fields": {**merge.fields, "Owner": keep}})
    assert open_blockers(found, decided) == []

    outcome = (await run(workspace, served, "contacts", decided))["g1"]

    assert outcome.status == MergeStatus.MERGED, outcome.message
    after = rows[ids[0]]
    held = " ".join(str(after[k]) for k in ("Email", "Secondary_Email", "Phone", "Mobile",
                                             "Description"))
    for n in range(3):
        for value in (f"p{n}@example.org", f"alt{n}@example.org", f"+4930123456{n}",
                      f"+4917012345{n}"):
            assert value in held, value
    assert sorted(after["Interests"]) == ["Chess", "Golf", "Sailing"]
    assert after["Email_Opt_Out"] is True
    assert after["Owner"]["name"] != "Other Rep"


async def test_a_record_that_cannot_be_read_is_a_blocker_not_a_crash(start, workspace):
    served = start()
    master, gone = served.fake.record_id(0), "4876876000009999999"
    provider = registry.create(served.settings("zoho"), sleep=no_sleep)
    try:
        records = {master: await provider.get_record("contacts", master)}
        defs = {f.api_name: f for f in await provider.field_defs("contacts")}
        merge = GroupMerge(group="g", master=master, others=(gone,))
        found = await ApplyService(workspace, sleep=no_sleep).preflight.review(
            provider, "c", merge, records, defs)
    finally:
        await provider.aclose()
    (blocker,) = open_blockers(found, merge)
    assert blocker.records == (gone,) and "could not be read" in blocker.message

"""Pipeliner, through ApplyService against the fake over loopback: the safe defaults keep
every distinct e-mail and phone of three contacts (email1..5 / phone1..5, the rest in
comments), union a multi-select, keep a loser's unsubscribe, and an owner conflict
blocks until decided; a space below the Business tier stops the next group before any
call."""

from __future__ import annotations

from mergedesk.core.models import MergeStatus
from mergedesk.core.plan import FieldChoice, GroupMerge
from mergedesk.core.preflight import FindingKind, open_blockers
from mergedesk.core.rules import resolve
from mergedesk.providers.pipeliner import PipelinerProvider
from mergedesk.services.apply import ApplyService
from tests.fixtures import no_sleep, run_merges, starter_fixture

MERGES, UPDATES = "POST /entities/{entity}/merge", "PATCH /entities/{entity}/{entity_id}"
OTHER_OWNER = "00000000-0000-4000-8000-0000000000aa"


start = starter_fixture("pipeliner", seed=5, records=30)


async def run(workspace, provider, base_url, *merges: GroupMerge):
    return await run_merges(workspace, "pipeliner", provider, base_url, merges, concurrency=1)


async def test_three_contacts_keep_every_email_phone_interest_and_unsubscribe(start, workspace):
    served = start()
    ids = [served.fake.record_id(i) for i in range(3)]
    rows = served.fake.state.rows["Contacts"]
    for n, rid in enumerate(ids):
        rows[rid].update(email1=f"p{n}@example.org", email2=f"alt{n}@example.org",
                         phone1=f"+4930123456{n}", phone2=f"+4917012345{n}",
                         is_unsubscribed=n == 1, comments=None,
                         cf_interests=[["golf"], ["sailing"], ["golf", "chess"]][n])
    rows[ids[0]]["owner_id"] = OTHER_OWNER  # losers stay the caller's: it deletes them
    provider = PipelinerProvider(served.settings("pipeliner"), sleep=no_sleep)
    try:
        records = {rid: await provider.get_record("contacts", rid) for rid in ids}
        defs = {f.api_name: f for f in await provider.field_defs("contacts")}
        out = resolve(list(records.values()), defs)
        merge = GroupMerge(group="g1", master=ids[0], others=tuple(ids[1:]), fields=out.choices)
        found = await ApplyService(workspace, sleep=no_sleep).preflight.review(
            provider, "c", merge, records, defs)
        (conflict,) = open_blockers(found, merge)
        assert conflict.kind == FindingKind.CONFLICT and conflict.field == "owner_id"
        keep = FieldChoice.model_validate({"from": ids[0]})  # the reviewer keeps the master's
        decided = merge.model_copy(update={"fields": {**merge.fields, "owner_id": keep}})
        assert open_blockers(found, decided) == []

        outcomes = await run(workspace, provider, served.base_url, decided)
    finally:
        await provider.aclose()

    assert outcomes["g1"].status == MergeStatus.MERGED, outcomes["g1"].message
    after = rows[ids[0]]
    held = " ".join(str(after.get(f"{k}{i}")) for k in ("email", "phone") for i in range(1, 6))
    held += " " + after["comments"]
    for n in range(3):
        for value in (f"p{n}@example.org", f"alt{n}@example.org", f"+4930123456{n}",
                      f"+4917012345{n}"):
            assert value in held, value
    assert after["email1"] == "p0@example.org"
    assert sorted(after["cf_interests"]) == ["chess", "golf", "sailing"]
    assert after["is_unsubscribed"] is True
    assert after["owner_id"] == OTHER_OWNER


async def test_below_the_business_tier_the_next_group_is_stopped_before_any_call(
        start, workspace):
    served = start(tier="professional")
    a, b, c, d = (served.fake.record_id(i) for i in range(4))
    provider = PipelinerProvider(served.settings("pipeliner"), sleep=no_sleep)
    try:
        outcomes = await run(workspace, provider, served.base_url,
                                GroupMerge(group="g1", master=a, others=(b,)),
                                GroupMerge(group="g2", master=c, others=(d,)))
    finally:
        await provider.aclose()

    assert "Business or Enterprise tier" in outcomes["g1"].message
    assert outcomes["g2"].status == MergeStatus.FAILED
    assert outcomes["g2"].message.startswith("pre-flight: ")
    assert "merging needs the Business or Enterprise tier" in outcomes["g2"].message
    assert served.fake.requests[MERGES] == 1  # g1's refused call; none for g2
    assert served.fake.requests[UPDATES] == 0

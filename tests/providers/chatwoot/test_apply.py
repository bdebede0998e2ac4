"""Whole merges through the real ApplyService against the Chatwoot fake over loopback:
groups of 2, 5 and 25 (N-1 pairwise calls), chosen values from non-master records,
labels, merges Chatwoot finishes in the background, and lost answers."""

from __future__ import annotations

import itertools

import pytest

from mergedesk.core.models import MergeStatus
from mergedesk.core.plan import GroupMerge
from mergedesk.core.preview import NoteKind, preview_merge
from mergedesk.sandbox.faults import Fault, FaultKind
from tests.providers.chatwoot.conftest import (
    add_contact,
    apply_plan,
    contact,
    labels_of,
    merge_calls,
    no_sleep,
    provider,
)

_PHONES = itertools.count(5_550_000_000)


def make_group(served, size: int, tag: str) -> list[str]:
    return [
        add_contact(served, name=f"Person {tag}", email=f"{tag}.{i}@example.com",
                    phone_number=f"+1{next(_PHONES)}",
                    custom_attributes={"plan": ("free", "starter", "pro")[i % 3]},
                    additional_attributes={"city": f"City {i}"}, labels=(f"l{i}",))
        for i in range(size)
    ]


@pytest.mark.parametrize("size", [2, 5, 25])
async def test_a_group_of_n_is_n_minus_1_merges_and_keeps_values_picked_from_mergees(
    cw, workspace, size
):
    ids = make_group(cw, size, f"g{size}")
    master, others = ids[0], ids[1:]
    email_from, phone_from, last = others[0], others[min(1, len(others) - 1)], others[-1]
    merge = {"group": "g", "master": master, "others": others, "fields": {
        # email and phone are unique: they can only be written once the mergee is gone
        "email": {"from": email_from}, "phone_number": {"from": phone_from},
        "name": {"value": "Chosen Name"}, "custom_attributes.plan": {"from": last},
        "additional_attributes.city": {"from": last}, "labels": {"from": last},
    }}
    expected = {"email": contact(cw, email_from)["email"],
                "phone_number": contact(cw, phone_from)["phone_number"],
                "plan": contact(cw, last)["custom_attributes"]["plan"],
                "city": contact(cw, last)["additional_attributes"]["city"]}

    outcomes = await apply_plan(cw, workspace, [merge])

    assert outcomes["g"].status == MergeStatus.MERGED, outcomes["g"].message
    survivor = contact(cw, master)
    assert (survivor["email"], survivor["phone_number"], survivor["name"]) == (
        expected["email"], expected["phone_number"], "Chosen Name")
    assert survivor["custom_attributes"]["plan"] == expected["plan"]
    assert survivor["additional_attributes"]["city"] == expected["city"]
    assert labels_of(cw, master) == [f"l{size - 1}"]
    assert all(contact(cw, rid) is None for rid in others)
    calls = merge_calls(cw)
    assert sorted(calls) == sorted((int(master), int(o)) for o in others)  # each exactly once


async def test_labels_kept_as_the_union_end_on_the_base(cw, workspace):
    base = add_contact(cw, email="lb1@example.com", labels=("vip",))
    mergee = add_contact(cw, email="lb2@example.com", labels=("renewal", "emea"))
    outcomes = await apply_plan(cw, workspace, [{
        "group": "g", "master": base, "others": [mergee],
        "fields": {"labels": {"value": ["vip", "renewal", "emea"]}}}])
    assert outcomes["g"].status == MergeStatus.MERGED, outcomes["g"].message
    assert sorted(labels_of(cw, base)) == ["emea", "renewal", "vip"]


async def test_labels_not_chosen_are_lost_with_the_mergee_and_the_preview_says_so(cw, workspace):
    base = add_contact(cw, email="ln1@example.com", labels=("vip",))
    mergee = add_contact(cw, email="ln2@example.com", labels=("renewal",))
    client = provider(cw)
    records = {rid: await client.get_record("contacts", rid) for rid in (base, mergee)}
    fields = {f.api_name: f for f in await client.field_defs("contacts")}
    merge = GroupMerge(group="g", master=base, others=(mergee,))
    preview = preview_merge(merge, records, client.capabilities, fields)
    lost = [n for n in preview.notes if n.kind == NoteKind.NOT_CARRIED]
    assert [(n.field, n.records, n.values) for n in lost] == [
        ("labels", (mergee,), (["renewal"],))]

    outcomes = await apply_plan(cw, workspace, [merge.model_dump(by_alias=True)], client=client)
    await client.aclose()
    assert outcomes["g"].status == MergeStatus.MERGED, outcomes["g"].message
    assert labels_of(cw, base) == ["vip"]


async def test_a_merge_finished_later_by_chatwoots_job_is_waited_for_then_verified(cw, workspace):
    ids = make_group(cw, 3, "bg")
    cw.fake.merge_jobs.arm(delay=0.3, count=None)  # answered 200, merged 0.3 s later
    outcomes = await apply_plan(cw, workspace, [{
        "group": "g", "master": ids[0], "others": ids[1:],
        "fields": {"email": {"from": ids[2]}}}])
    assert outcomes["g"].status == MergeStatus.MERGED, outcomes["g"].message
    assert contact(cw, ids[0])["email"] == "bg.2@example.com"
    assert len(cw.fake.merge_jobs.done) == 2 and len(merge_calls(cw)) == 2


async def test_a_merge_job_that_never_finishes_is_unknown_then_reconciled_without_resending(
    cw, workspace
):
    base, mergee = make_group(cw, 2, "nv")
    merge = {"group": "g", "master": base, "others": [mergee],
             "fields": {"email": {"from": mergee}}}
    cw.fake.merge_jobs.arm(delay=None)
    first = await apply_plan(cw, workspace, [merge], sleep=no_sleep)
    assert first["g"].status == MergeStatus.UNKNOWN
    assert "not finished" in first["g"].message
    assert contact(cw, mergee) is not None and contact(cw, base)["email"] == "nv.0@example.com"

    waiting = await apply_plan(cw, workspace, [merge], sleep=no_sleep)
    assert waiting["g"].status == MergeStatus.UNKNOWN and "nothing re-sent" in waiting["g"].message

    assert cw.fake.merge_jobs.run_waiting() == 1  # the job finally succeeds
    settled = await apply_plan(cw, workspace, [merge], sleep=no_sleep)
    assert settled["g"].status == MergeStatus.MERGED, settled["g"].message
    assert contact(cw, base)["email"] == "nv.1@example.com"  # the update after the merge ran
    assert merge_calls(cw) == [(int(base), int(mergee))]


async def test_a_lost_answer_after_the_merge_is_reconciled_by_reading_never_resent(
    cw, workspace
):
    ids = make_group(cw, 3, "lost")
    merge = {"group": "g", "master": ids[0], "others": ids[1:],
             "fields": {"name": {"from": ids[2]}}}
    cw.fake.faults.add(Fault(FaultKind.DROP_AFTER_APPLY, method="POST", path="contact_merge"))
    first = await apply_plan(cw, workspace, [merge])
    assert first["g"].status == MergeStatus.UNKNOWN
    assert len(merge_calls(cw)) == 1

    second = await apply_plan(cw, workspace, [merge])
    assert second["g"].status == MergeStatus.MERGED, second["g"].message
    assert sorted(merge_calls(cw)) == [(int(ids[0]), int(ids[1])), (int(ids[0]), int(ids[2]))]
    assert all(contact(cw, rid) is None for rid in ids[1:])


async def test_many_groups_merge_side_by_side_each_call_sent_once(cw, workspace):
    groups = [make_group(cw, 3, f"m{n}") for n in range(8)]
    merges = [{"group": f"g{n}", "master": g[0], "others": g[1:],
               "fields": {"email": {"from": g[1]}}} for n, g in enumerate(groups)]
    outcomes = await apply_plan(cw, workspace, merges, concurrency=4)
    assert {o.status for o in outcomes.values()} == {MergeStatus.MERGED}
    calls = merge_calls(cw)
    assert len(calls) == len(set(calls)) == 16

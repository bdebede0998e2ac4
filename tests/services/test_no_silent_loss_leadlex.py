"""LeadLex, through ApplyService against the fake over loopback. LeadLex holds one e-mail
and one phone per contact and its API cannot write tags: the safe defaults keep every
other e-mail, phone and tag of three contacts in a new note on the primary (PATCH
`notes` appends one). It documents no owner or opt-out field, so there is no conflict
to flag. A key without write permission stops every group before any call."""

from __future__ import annotations

from pydantic import SecretStr

from mergedesk.core.models import MergeStatus
from mergedesk.core.plan import GroupMerge
from mergedesk.core.preflight import open_blockers
from mergedesk.core.rules import resolve
from mergedesk.providers.leadlex import LeadLexProvider
from mergedesk.providers.leadlex.mapping import MERGE_NOTE
from mergedesk.services.apply import ApplyService
from tests.conftest import serve
from tests.fixtures import no_sleep, run_merges

MERGES, UPDATES = "POST /v1/contacts/merge", "PATCH /v1/contacts/{contact_id}"


async def run(workspace, provider, base_url, *merges: GroupMerge):
    return await run_merges(workspace, "leadlex", provider, base_url, merges, concurrency=1)


async def test_three_contacts_keep_every_email_phone_and_tag_in_a_note(workspace):
    served = serve("leadlex", seed=5, records=30)
    state = served.fake.state
    ids = list(state.contacts)[:3]
    for n, rid in enumerate(ids):
        state.contacts[rid].update(email=f"p{n}@example.org", phone=f"+1415555010{n}",
                                   tags=[["vip"], ["b2b"], ["vip", "lead"]][n])
    provider = LeadLexProvider(served.settings("leadlex"), sleep=no_sleep)
    try:
        records = {rid: await provider.get_record("contacts", rid) for rid in ids}
        defs = {f.api_name: f for f in await provider.field_defs("contacts")}
        out = resolve(list(records.values()), defs)
        assert out.note_field == MERGE_NOTE
        merge = GroupMerge(group="g1", master=ids[0], others=tuple(ids[1:]), fields=out.choices)
        found = await ApplyService(workspace, sleep=no_sleep).preflight.review(
            provider, "c", merge, records, defs)
        assert open_blockers(found, merge) == []

        outcome = (await run(workspace, provider, served.base_url, merge))["g1"]
    finally:
        await provider.aclose()
        served.server.stop()

    assert outcome.status == MergeStatus.MERGED, outcome.message
    after = state.contacts[ids[0]]
    assert after["email"] == "p0@example.org" and after["tags"] == ["vip"]
    (note,) = [n["content"] for n in state.notes_of(ids[0]) if "(merged)" in n["content"]]
    for value in ("p1@example.org", "p2@example.org", "+14155550101", "+14155550102"):
        assert value in note, value
    assert "Tags (merged): b2b, lead" in note


async def test_a_key_without_write_permission_stops_every_group_before_any_call(workspace):
    served = serve("leadlex", seed=5, records=30)
    a, b, c, d = list(served.fake.state.contacts)[:4]
    settings = served.settings("leadlex")
    read_only = settings.model_copy(update={"credentials": {
        name: SecretStr(served.fake.read_only_key) for name in settings.credentials}})
    provider = LeadLexProvider(read_only, sleep=no_sleep)
    try:
        outcomes = await run(workspace, provider, served.base_url,
                             GroupMerge(group="g1", master=a, others=(b,)),
                             GroupMerge(group="g2", master=c, others=(d,)))
    finally:
        await provider.aclose()
        served.server.stop()

    # The key list told it up front (services.preflight): even g1 sends nothing.
    for group in ("g1", "g2"):
        assert outcomes[group].status == MergeStatus.FAILED
        assert outcomes[group].message.startswith("pre-flight: ")
        assert "no Write permission" in outcomes[group].message
    assert served.fake.requests[MERGES] == 0 and served.fake.requests[UPDATES] == 0

"""The apply service's journal calls run on a thread of their own (a GUI loop never waits
for a FULL commit), still each committed before the CRM call it describes, and the
steps' progress is reported on the loop as they are sent."""

from __future__ import annotations

import threading

from mergedesk.core.models import MergeStatus
from mergedesk.core.plan import GroupMerge, MergePlan
from mergedesk.services.apply import ApplyService
from mergedesk.store.journal import StepState
from tests.services.conftest import listed, no_sleep


async def test_journal_writes_leave_the_loop_yet_land_before_each_call(
    sandbox, workspace, provider, monkeypatch
):
    loop_thread = threading.get_ident()
    events: list[tuple[str, object, int]] = []
    journal = workspace.journal
    for name in ("begin", "set_step", "finish"):
        real = getattr(journal, name)

        def spy(*args, _real=real, _name=name, **kwargs):
            state = args[2] if _name == "set_step" else None
            events.append((_name, state, threading.get_ident()))
            return _real(*args, **kwargs)

        monkeypatch.setattr(journal, name, spy)
    sent_merge = provider.merge

    async def merge_call(entity, step):
        merge_id = max(m.id for m in journal.history(details=False))
        states = [s.state for s in journal.get(merge_id).steps]
        events.append(("call", tuple(states), threading.get_ident()))
        return await sent_merge(entity, step)

    monkeypatch.setattr(provider, "merge", merge_call)
    base, mergee = listed(sandbox, 2)
    merge = GroupMerge(group="g1", master=base, others=(mergee,))
    service = ApplyService(workspace, sleep=no_sleep)
    ctx = await service.prepare(provider, sandbox.base_url, MergePlan(
        provider="chatwoot", entity="contacts", merges=(merge,)))
    heard: list[tuple[int, int, bool]] = []
    outcome = await service.apply_one(ctx, merge, progress=lambda done, total, step: heard.append(
        (done, total, step is not None and threading.get_ident() == loop_thread)))

    assert outcome.status == MergeStatus.MERGED, outcome.message
    writes = [e for e in events if e[0] != "call"]
    assert {name for name, _, _ in writes} == {"begin", "set_step", "finish"}
    assert all(thread != loop_thread for _, _, thread in writes)
    (call,) = [e for e in events if e[0] == "call"]
    assert call[1][-1] == StepState.SENT  # committed and read back before the call
    assert call[2] == loop_thread  # the CRM call itself stays on the loop
    total = heard[0][1]
    assert heard == [*[(n, total, True) for n in range(total)], (total, total, False)]

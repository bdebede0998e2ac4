"""The journal lock between processes, over loopback against the Chatwoot fake: while
another MergeDesk process holds a journal, applying, settling and restoring from it
send nothing and say why; once that process is gone (even killed), it works again;
within one process, merges side by side share the lock."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest

from mergedesk.core.models import MergeStatus
from mergedesk.core.plan import GroupMerge, MergePlan
from mergedesk.services.apply import ApplyService
from mergedesk.services.journal_lock import JournalBusy, lock_path
from mergedesk.services.recovery import RecoveryService
from mergedesk.services.restore import RestoreService
from mergedesk.store.journal import StepState
from tests.services.conftest import listed, merge, no_sleep
from tests.services.test_recovery import MERGES, journal_merge, merge_step, service
from tests.test_cli import run_cli

HOLDER = """
import sys
from pathlib import Path
from mergedesk.services.journal_lock import journal_lock
from mergedesk.services.workspace import Workspace

workspace = Workspace.open(Path(sys.argv[1]))
with journal_lock(workspace, "apply merges"):
    print("held", flush=True)
    sys.stdin.read()  # until the test closes our stdin, or kills us
"""


@pytest.fixture
def holder(workspace) -> Iterator[subprocess.Popen]:
    """Another MergeDesk process holding this workspace's journal."""
    folder = str(workspace.db.path.parent)
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, folder], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.wait(timeout=10)


def writes(sandbox) -> int:
    return sum(n for k, n in sandbox.fake.requests.snapshot().items() if not k.startswith("GET"))


async def test_a_merge_while_another_process_holds_the_journal_sends_nothing(
    sandbox, workspace, provider, holder
):
    base, mergee = listed(sandbox, 2)
    group = GroupMerge.model_validate({"group": "g1", "master": base, "others": [mergee]})
    plan = MergePlan(provider="chatwoot", entity="contacts", merges=(group,))
    service = ApplyService(workspace, sleep=no_sleep)
    ctx = await service.prepare(provider, sandbox.base_url, plan)

    # One merge, as the window's queue sends it: a failed outcome that says why.
    outcome = await service.apply_one(ctx, group)
    assert outcome.status == MergeStatus.FAILED
    assert f"another MergeDesk process (pid {holder.pid})" in outcome.message
    assert "nothing was sent" in outcome.message
    # A batch, as `mergedesk apply` runs it: refused before its first merge.
    with pytest.raises(JournalBusy, match="cannot apply merges"):
        [o async for o in service.run(ctx, plan.merges)]
    assert writes(sandbox) == 0 and workspace.journal.history() == []
    # A dry run sends nothing and needs no lock.
    (dry,) = [o async for o in service.run(ctx, plan.merges, dry_run=True)]
    assert dry.status == MergeStatus.DRY_RUN


async def test_settling_and_restoring_wait_for_the_other_process(sandbox, workspace, provider):
    base, mergee, c, d = listed(sandbox, 4)
    restorable = (await merge(workspace, provider, sandbox.base_url, c, [d], group="r")).merge_id
    merge_id = await journal_merge(workspace, provider, sandbox, base, mergee)
    workspace.journal.set_step(merge_id, merge_step(workspace, merge_id), StepState.SENT)
    merges = sandbox.fake.requests[MERGES]
    folder = str(workspace.db.path.parent)
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, folder], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "held"
        with pytest.raises(JournalBusy, match="cannot settle open merges: another"):
            await service(workspace, sandbox).settle_all()
        with pytest.raises(JournalBusy, match="cannot restore a merge"):
            await RestoreService(workspace).restore(provider, restorable)
        assert sandbox.fake.requests[MERGES] == merges
        assert [e.id for e in workspace.journal.open_merges()] == [merge_id]
    finally:
        proc.kill()  # SIGKILL: the OS drops its lock, nothing is left held
        proc.wait(timeout=10)

    report = await service(workspace, sandbox).settle_all()
    assert [o.status for o in report.outcomes] == [MergeStatus.MERGED]
    assert (await RestoreService(workspace).restore(provider, restorable)).status == "restored"


async def test_merges_side_by_side_in_one_process_share_the_lock(sandbox, workspace, provider):
    a, b, c, d = listed(sandbox, 4)
    outcomes = [await merge(workspace, provider, sandbox.base_url, x, [y], group=f"g{x}")
                for x, y in ((a, b), (c, d))]
    assert [o.status for o in outcomes] == [MergeStatus.MERGED] * 2
    recovery = RecoveryService(workspace)
    assert await recovery.settle_connection(provider, sandbox.base_url, "contacts") == []
    assert lock_path(workspace).parent == workspace.db.path.parent


def test_cli_apply_says_another_process_holds_the_journal(sandbox, workspace, holder,
                                                          tmp_path):
    base, mergee = listed(sandbox, 2)
    plan = tmp_path / "plan.json"
    plan.write_text('{"provider": "chatwoot", "entity": "contacts", "merges": [{"group": '
                    f'"g1", "master": "{base}", "others": ["{mergee}"]}}]}}')
    result = run_cli("apply", str(plan), "--provider", "chatwoot", "--base-url",
                     sandbox.base_url, env=sandbox.credentials)
    assert result.returncode != 0
    assert f"another MergeDesk process (pid {holder.pid})" in result.stderr
    assert writes(sandbox) == 0

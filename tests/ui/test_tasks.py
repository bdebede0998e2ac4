import asyncio

from mergedesk.ui.tasks import TaskRunner


async def _ok() -> None:
    await asyncio.sleep(0)


async def _boom() -> None:
    await asyncio.sleep(0)
    raise RuntimeError("boom")


async def _forever(unwound: list[str]) -> None:
    try:
        await asyncio.Event().wait()
    finally:
        unwound.append("done")


def test_finished_after_success_and_failed_with_the_exception(qtbot, qloop):
    runner = TaskRunner()
    with qtbot.waitSignal(runner.finished) as done:
        runner.start("ok", _ok())
    assert done.args == ["ok"]
    finished: list[str] = []
    runner.finished.connect(finished.append)
    with qtbot.waitSignal(runner.failed) as failed:
        runner.start("bad", _boom())
    name, exc = failed.args
    assert name == "bad" and isinstance(exc, RuntimeError)
    assert finished == ["bad"]  # after failed, so busy indicators clear in one place


def test_cancel_all_awaits_tasks_and_reports_no_failure(qtbot, qloop):
    runner = TaskRunner()
    unwound: list[str] = []
    failures: list[str] = []
    runner.failed.connect(lambda name, _: failures.append(name))
    runner.start("wait", _forever(unwound))
    assert runner.running("wait")
    closing = qloop.create_task(runner.cancel_all())
    qtbot.waitUntil(closing.done)
    assert unwound == ["done"]
    assert not runner.running() and failures == []

"""Merges that Chatwoot answers 200 but performs later, for the fake Chatwoot.

Newer versions of ContactMergesController#create rescue an error raised by the merge,
queue ContactMergeJob and still render the base contact with 200 (create.json.jbuilder
renders @base_contact as it was). The merge then happens when the job runs, or never if
it keeps failing. Tests arm this here; no HTTP in this module."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from mergedesk.sandbox.chatwoot.state import ChatwootState, NotFound


@dataclass(frozen=True)
class QueuedMerge:
    """One merge handed to the background job instead of being done in the request."""

    account_id: int
    base: int
    mergee: int
    delay: float | None  # seconds until the job succeeds; None: it never does by itself


@dataclass
class _Armed:
    delay: float | None
    left: int | None  # merge requests still to queue; None: every one


class MergeJobs:
    """Which merge requests go to the background job, and the jobs still waiting.
    Thread-safe: the server thread queues and runs jobs, tests arm and read."""

    def __init__(self, state: ChatwootState) -> None:
        self._state = state
        self._lock = threading.Lock()
        self._armed: list[_Armed] = []
        self.waiting: list[QueuedMerge] = []
        self.done: list[QueuedMerge] = []

    def arm(self, delay: float | None, count: int | None = 1) -> None:
        """The next `count` merge requests (None: all from now on) are answered 200 and
        performed `delay` seconds later (None: only when `run_waiting()` is called)."""
        if count is not None and count < 1:
            raise ValueError("count must be >= 1, or None for every merge request")
        if delay is not None and delay < 0:
            raise ValueError("delay must be >= 0, or None for a job that never succeeds")
        with self._lock:
            self._armed.append(_Armed(delay, count))

    def take(self, account_id: int, base: int, mergee: int) -> QueuedMerge | None:
        """The queued job for this request if one is armed (and counts it), else None."""
        with self._lock:
            if not self._armed:
                return None
            armed = self._armed[0]
            if armed.left is not None:
                armed.left -= 1
                if armed.left == 0:
                    self._armed.pop(0)
            job = QueuedMerge(account_id, base, mergee, armed.delay)
            self.waiting.append(job)
            return job

    def run(self, job: QueuedMerge) -> bool:
        """Perform one queued merge now, as ContactMergeJob would. False if it failed
        (a contact is gone, e.g. merged meanwhile): the job simply ends."""
        with self._lock:
            if job not in self.waiting:
                return False
            self.waiting.remove(job)
        try:
            self._state.merge(job.account_id, job.base, job.mergee)
        except NotFound:
            return False
        with self._lock:
            self.done.append(job)
        return True

    def run_waiting(self) -> int:
        """Run every job still waiting (the job finally succeeding); how many merged."""
        with self._lock:
            jobs = list(self.waiting)
        return sum(self.run(job) for job in jobs)

    def clear(self) -> None:
        with self._lock:
            self._armed.clear()
            self.waiting.clear()
            self.done.clear()

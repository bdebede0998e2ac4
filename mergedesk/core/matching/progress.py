"""Progress reporting and cancellation for long scans. No Qt, no I/O."""

from __future__ import annotations

from collections.abc import Callable


class ScanCancelled(Exception):
    """The caller's cancel() returned True; the scan stopped without a result."""


class Progress:
    """Reports a monotonic fraction in [0, 1] and checks for cancellation at each step.

    `span(start, end)` gives a child whose 0..1 maps onto start..end of this one.
    """

    def __init__(self, report: Callable[[float], None] | None = None,
                 cancel: Callable[[], bool] | None = None,
                 start: float = 0.0, end: float = 1.0) -> None:  # fmt: skip
        self._report, self._cancel = report, cancel
        self._start, self._end = start, end
        self._last = -1.0

    def at(self, fraction: float) -> None:
        """Report `fraction` of this span done; raises ScanCancelled if asked to stop."""
        if self._cancel is not None and self._cancel():
            raise ScanCancelled("scan cancelled")
        value = self._start + (self._end - self._start) * min(max(fraction, 0.0), 1.0)
        if self._report is not None and value > self._last:
            self._last = value
            self._report(value)

    def span(self, start: float, end: float) -> Progress:
        width = self._end - self._start
        return Progress(self._report, self._cancel,
                        self._start + width * start, self._start + width * end)  # fmt: skip

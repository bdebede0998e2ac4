"""A guard against a PySide6 6.12 bug on Python 3.11: a Python data() or headerData()
override that returns None, reading an empty QVariant back into Python, and a bool
signal (QAction.triggered, QAbstractButton.clicked, visibilityChanged ...) reaching a
Python slot drop one reference to None, True or False too many. Python 3.12 made these
immortal; on 3.11 a count reaches zero after a few thousand such calls and the process
aborts ("none_dealloc", "bool_dealloc") — which a review window used for hours would
surely reach. This gives them counts they cannot exhaust, as 3.12 does. Measured in
tests/ui/test_refcount.py."""

from __future__ import annotations

import ctypes
import sys

IMMORTAL = 1 << 60


def keep_none_alive() -> None:
    """Idempotent; a no-op where these are immortal already (3.12 and later)."""
    if sys.version_info >= (3, 12):
        return
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every object in a release build of CPython 3.11.
        count = ctypes.c_ssize_t.from_address(id(singleton))
        if count.value < IMMORTAL // 2:
            count.value += IMMORTAL

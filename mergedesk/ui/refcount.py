"""A guard against a PySide6 6.12 bug on Python 3.11: a Python data() or headerData()
override that returns None, and reading an empty QVariant back into Python, can drop one
reference to None too many. Python 3.12 made None immortal; on 3.11 its count reaches
zero after a few thousand such calls and the process aborts ("none_dealloc"), which a
review window painting for hours would surely reach. This gives None a count it cannot
exhaust, as 3.12 does. Measured in tests/ui/test_refcount.py."""

from __future__ import annotations

import ctypes
import sys

IMMORTAL = 1 << 60


def keep_none_alive() -> None:
    """Idempotent; a no-op where None is immortal already (3.12 and later)."""
    if sys.version_info >= (3, 12):
        return
    # ob_refcnt is the first field of every object in a release build of CPython 3.11.
    count = ctypes.c_ssize_t.from_address(id(None))
    if count.value < IMMORTAL // 2:
        count.value += IMMORTAL

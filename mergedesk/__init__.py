"""MergeDesk: merge duplicate CRM records by hand, safely.

`mergedesk.__version__` is read from the package metadata when first asked for, not at
import: importlib.metadata (and the email package it loads) is not worth ~30 ms before
the window shows, which does not need the version (PEP 562 module __getattr__)."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("mergedesk")
    except PackageNotFoundError:  # running from a source tree that was never installed
        found = "0.0.0"
    globals()["__version__"] = found  # asked once: later reads find the plain attribute
    return found

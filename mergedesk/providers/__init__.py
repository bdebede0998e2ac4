"""CRM clients behind one Provider protocol, on one shared httpx transport. No Qt.

Each provider package names its public classes lazily (PEP 562, `lazy_exports`): the
GUI imports a provider's small modules (its sign-in regions, say) before its window
shows, and must not pull the client, httpx and the matching engine in with them
(start-up is measured by tests/benchmarks/bench_startup.py)."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def lazy_exports(package: str, homes: dict[str, str]) -> Callable[[str], Any]:
    """A module `__getattr__` for `package` that imports each name in `homes` (name ->
    submodule) on first use, then keeps it as a plain attribute of the package."""
    namespace = importlib.import_module(package).__dict__

    def __getattr__(name: str) -> Any:
        if name not in homes:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{homes[name]}"), name)
        namespace[name] = value
        return value

    return __getattr__

"""Counts a fake CRM's requests per method and route template, so tests can assert that
a merge was sent exactly once. Thread-safe: the server thread counts, tests read."""

from __future__ import annotations

import threading
from collections import Counter

from starlette.routing import Match, Route
from starlette.types import Scope


class RequestCounter:
    """Requests per 'METHOD /route/template' (relative to the vendor prefix). Thread-safe."""

    def __init__(self, routes: list[Route], prefix: str = "") -> None:
        self._routes = routes
        self._prefix = prefix
        self._lock = threading.Lock()
        self._counts: Counter[str] = Counter()

    def count(self, scope: Scope) -> None:
        template = scope["path"]
        for route in self._routes:
            match, _ = route.matches(scope)
            if match is Match.FULL:
                template = route.path
                break
        template = template.removeprefix(self._prefix) or "/"
        with self._lock:
            self._counts[f"{scope['method']} {template}"] += 1

    def snapshot(self) -> dict[str, int]:
        with self._lock:
            return dict(self._counts)

    def __getitem__(self, key: str) -> int:
        with self._lock:
            return self._counts[key]

    def clear(self) -> None:
        with self._lock:
            self._counts.clear()

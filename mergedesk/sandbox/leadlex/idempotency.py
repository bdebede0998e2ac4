"""The Idempotency-Key store of the fake LeadLex. The vendor promises only "same key ->
same result within 24 hours"; the rest follows the IETF draft
(draft-ietf-httpapi-idempotency-key-header): a key reused with a different request
body answers 422, a key whose first request is still being processed answers 409.
Only successful answers are kept; a refused request frees its key. Thread-safe."""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

TTL = 24 * 3600.0
IN_USE = "idempotency_key_in_use"  # 409: the first request with this key is still running
REUSED = "idempotency_key_reused"  # 422: the key came back with another request body


class KeyRefused(Exception):
    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


@dataclass
class _Entry:
    fingerprint: str
    created: float
    done: bool = False
    status: int = 0
    body: dict[str, Any] | None = None


class IdempotencyStore:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._entries: dict[str, _Entry] = {}
        self.replays = 0

    def begin(self, key: str, request: Any) -> tuple[int, dict[str, Any]] | None:
        """None: a new key, now in flight (call finish or release). Else the stored
        (status, body) to answer again. Raises KeyRefused for 409 and 422."""
        fingerprint = _fingerprint(request)
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and self._clock() - entry.created > TTL:
                entry = None
            if entry is None:
                self._entries[key] = _Entry(fingerprint, self._clock())
                return None
            if entry.fingerprint != fingerprint:
                raise KeyRefused(422, REUSED, "This Idempotency-Key was already used with a "
                                              "different request body")
            if not entry.done:
                raise KeyRefused(409, IN_USE, "A request with this Idempotency-Key is still "
                                              "being processed; retry later")
            self.replays += 1
            assert entry.body is not None
            return entry.status, entry.body

    def finish(self, key: str, status: int, body: dict[str, Any]) -> None:
        with self._lock:
            entry = self._entries[key]
            entry.done, entry.status, entry.body = True, status, body

    def release(self, key: str) -> None:
        with self._lock:
            self._entries.pop(key, None)


def _fingerprint(request: Any) -> str:
    return hashlib.sha256(json.dumps(request, sort_keys=True).encode()).hexdigest()

"""Fault injection shared by every sandbox CRM: what can go wrong with one request
(`Fault`) and the queue of faults a test arms (`FaultPlan`). Vendor-neutral: each fake
supplies its own error bodies; injection.py applies a plan to an ASGI app.

The plan is read by the server thread and written by test threads, so every access goes
through one lock."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class FaultKind(StrEnum):
    STATUS = "status"  # answer `status` (+ body, headers) instead of the vendor
    SLOW = "slow"  # hold the answer `delay` seconds (client read timeouts)
    DROP_AFTER_APPLY = "drop_after_apply"  # do the work, then cut the connection mid-answer
    DROP_BEFORE_APPLY = "drop_before_apply"  # cut the connection, work not done
    MALFORMED_JSON = "malformed_json"  # 200 with a truncated JSON body
    WRONG_SHAPE = "wrong_shape"  # valid JSON of the wrong shape
    HTML_ERROR = "html_error"  # a proxy's HTML error page, 502 by default
    REVOKE_TOKEN = "revoke_token"  # the token is invalid from this request on


# Whether the vendor's action runs by default: faults that model a broken answer to a
# request the server did handle apply it; faults that model a refusal do not.
_APPLIES_BY_DEFAULT = {
    FaultKind.STATUS: False,
    FaultKind.SLOW: True,
    FaultKind.DROP_AFTER_APPLY: True,
    FaultKind.DROP_BEFORE_APPLY: False,
    FaultKind.MALFORMED_JSON: True,
    FaultKind.WRONG_SHAPE: True,
    FaultKind.HTML_ERROR: False,
    FaultKind.REVOKE_TOKEN: True,
}
_FIXED_APPLY = {FaultKind.DROP_AFTER_APPLY: True, FaultKind.DROP_BEFORE_APPLY: False}


@dataclass(frozen=True, eq=False)
class Fault:
    """One fault, fired on matching requests.

    Matches requests whose method equals `method` ("*" for any) and whose URL path
    contains a match of the regex `path`. It lets `skip` matching requests through, then
    fires on the next `count` (None: on every one from then on).

    `apply` says whether the vendor's action still happens (None: the kind's default;
    fixed for the two drop kinds). For `slow`, True means the action is done at once
    and only the answer is held back `delay` seconds; False means nothing is done and,
    after the delay, a 504 answers. `status`, `body` and `headers` override what is sent
    (`body` None: the fake's vendor-shaped error body for that status).
    """

    kind: FaultKind
    method: str = "*"
    path: str = ".*"
    count: int | None = 1
    skip: int = 0
    status: int | None = None
    body: Any = None
    headers: Mapping[str, str] = field(default_factory=dict)
    delay: float = 0.0
    apply: bool | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", FaultKind(self.kind))  # ValueError on unknown kinds
        object.__setattr__(self, "method", self.method.upper())
        object.__setattr__(self, "headers", dict(self.headers))
        try:
            re.compile(self.path)  # fail when the fault is armed, not on the next request
        except re.error as exc:
            raise ValueError(f"bad path pattern {self.path!r}: {exc}") from exc
        if self.count is not None and self.count < 1:
            raise ValueError("count must be >= 1, or None for every matching request")
        if self.skip < 0 or self.delay < 0:
            raise ValueError("skip and delay must be >= 0")
        if self.kind is FaultKind.STATUS and self.status is None:
            raise ValueError("a 'status' fault needs a status")
        if self.status is not None and not 100 <= self.status <= 599:
            raise ValueError(f"status {self.status} is not an HTTP status")
        if self.kind in _FIXED_APPLY and self.apply not in (None, _FIXED_APPLY[self.kind]):
            raise ValueError(f"{self.kind} fixes apply={_FIXED_APPLY[self.kind]}")

    @property
    def applies(self) -> bool:
        """Whether the vendor's action runs when this fault fires."""
        if self.kind in _FIXED_APPLY:
            return _FIXED_APPLY[self.kind]
        return _APPLIES_BY_DEFAULT[self.kind] if self.apply is None else self.apply

    @classmethod
    def from_dict(cls, spec: Mapping[str, Any]) -> Fault:
        """Build from the JSON spec of `POST /_sandbox/faults`; ValueError names the bad key."""
        unknown = set(spec) - set(cls.__dataclass_fields__)
        if unknown:
            raise ValueError(f"unknown fault keys: {', '.join(sorted(unknown))}")
        if "kind" not in spec:
            raise ValueError("a fault needs a 'kind'")
        try:
            return cls(**spec)
        except TypeError as exc:  # e.g. a string where a number belongs
            raise ValueError(str(exc)) from exc

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": str(self.kind),
            "method": self.method,
            "path": self.path,
            "count": self.count,
            "skip": self.skip,
            "status": self.status,
            "body": self.body,
            "headers": dict(self.headers),
            "delay": self.delay,
            "apply": self.applies,
        }

    def matches(self, method: str, path: str) -> bool:
        return self.method in ("*", method.upper()) and re.search(self.path, path) is not None


@dataclass(frozen=True)
class FiredFault:
    """One entry of the plan's log: which fault answered which request, and when."""

    kind: FaultKind
    method: str
    path: str
    at: float  # time.time()
    fault: Fault

    def to_dict(self) -> dict[str, Any]:
        return {"kind": str(self.kind), "method": self.method, "path": self.path, "at": self.at}


@dataclass
class _Armed:
    fault: Fault
    to_skip: int
    left: int | None


class FaultPlan:
    """Queued faults plus the token-revocation flag. Thread-safe.

    When several armed faults match a request, the first in queue order whose `skip` is
    used up fires; every matching fault counts the request against its `skip`, so
    `skip=N` always means "fire on the (N+1)th matching request"."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._armed: list[_Armed] = []
        self._fired: list[FiredFault] = []
        self._token_revoked = False

    def add(self, fault: Fault | FaultKind | str, **spec: Any) -> Fault:
        """Arm a fault: `add(Fault(...))` or `add("status", status=503, path="merge")`."""
        if not isinstance(fault, Fault):
            fault = Fault(FaultKind(fault), **spec)
        elif spec:
            raise TypeError("pass either a Fault or a kind with keyword arguments")
        with self._lock:
            self._armed.append(_Armed(fault, fault.skip, fault.count))
        return fault

    def extend(self, faults: Iterable[Fault]) -> None:
        for fault in faults:
            self.add(fault)

    def clear(self) -> None:
        """Forget queued faults, the log and any token revocation."""
        with self._lock:
            self._armed.clear()
            self._fired.clear()
            self._token_revoked = False

    def take(self, method: str, path: str) -> Fault | None:
        """The fault that answers this request, if any; counts and logs it. Called once
        per request by the injector."""
        with self._lock:
            chosen: Fault | None = None
            for armed in self._armed:
                if not armed.fault.matches(method, path):
                    continue
                if armed.to_skip > 0:
                    armed.to_skip -= 1
                elif chosen is None:
                    chosen = armed.fault
                    if armed.left is not None:
                        armed.left -= 1
            self._armed = [a for a in self._armed if a.left is None or a.left > 0]
            if chosen is not None:
                self._fired.append(
                    FiredFault(chosen.kind, method.upper(), path, time.time(), chosen)
                )
                if chosen.kind is FaultKind.REVOKE_TOKEN:
                    self._token_revoked = True
            return chosen

    @property
    def pending(self) -> list[Fault]:
        with self._lock:
            return [armed.fault for armed in self._armed]

    @property
    def fired(self) -> list[FiredFault]:
        with self._lock:
            return list(self._fired)

    @property
    def token_revoked(self) -> bool:
        with self._lock:
            return self._token_revoked

    def revoke_token(self) -> None:
        with self._lock:
            self._token_revoked = True

"""Protocol-faithful fake CRMs served over real loopback HTTP, plus the seeded generator
of duplicate data they are filled with. Used by the tests, the demo mode and the
`mergedesk sandbox` command. Imports mergedesk.core at most; never mergedesk.providers.

`SANDBOXES[provider](seed, records, entity, token, **options)` builds a fake with `.app`,
`.base_path`, `.credentials()`, `.faults`, `.requests`, `.state_json()`, `.merges_json()`."""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Callable
from types import FrameType
from typing import TYPE_CHECKING, Any, Protocol

from starlette.types import ASGIApp

from mergedesk.sandbox.counter import RequestCounter
from mergedesk.sandbox.faults import FaultPlan

if TYPE_CHECKING:
    from mergedesk.sandbox.server import SandboxServer


class SandboxFake(Protocol):
    """What every fake CRM offers (the admin API and SandboxServer rely on it)."""

    app: ASGIApp
    faults: FaultPlan
    requests: RequestCounter

    @property
    def base_path(self) -> str: ...

    def credentials(self) -> dict[str, str]: ...

    def state_json(self) -> dict[str, Any]: ...

    def merges_json(self) -> list[dict[str, Any]]: ...


class SandboxFactory(Protocol):
    def __call__(
        self,
        seed: int = 0,
        records: int = 200,
        entity: str = "contacts",
        token: str | None = None,
        **options: Any,
    ) -> SandboxFake: ...


def _chatwoot(
    seed: int = 0,
    records: int = 200,
    entity: str = "contacts",
    token: str | None = None,
    **options: Any,
) -> SandboxFake:
    # Imported on use, so `import mergedesk.sandbox.generator` stays free of web servers.
    from mergedesk.sandbox import chatwoot

    return chatwoot.create(seed=seed, records=records, entity=entity, token=token, **options)


def _zoho(seed: int = 0, records: int = 200, entity: str = "contacts",
          token: str | None = None, **options: Any) -> SandboxFake:
    from mergedesk.sandbox import zoho

    return zoho.create(seed=seed, records=records, entity=entity, token=token, **options)


def _pipeliner(seed: int = 0, records: int = 200, entity: str = "contacts",
               token: str | None = None, **options: Any) -> SandboxFake:
    from mergedesk.sandbox import pipeliner

    return pipeliner.create(seed=seed, records=records, entity=entity, token=token, **options)


def _leadlex(seed: int = 0, records: int = 200, entity: str = "contacts",
             token: str | None = None, **options: Any) -> SandboxFake:
    from mergedesk.sandbox import leadlex

    return leadlex.create(seed=seed, records=records, entity=entity, token=token, **options)


def _dataverse(seed: int = 0, records: int = 200, entity: str = "contacts",
               token: str | None = None, **options: Any) -> SandboxFake:
    from mergedesk.sandbox import dataverse

    return dataverse.create(seed=seed, records=records, entity=entity, token=token, **options)


SANDBOXES: dict[str, SandboxFactory] = {
    "chatwoot": _chatwoot,
    "zoho": _zoho,
    "dataverse": _dataverse,
    "pipeliner": _pipeliner,
    "leadlex": _leadlex,
}


def serve_forever(
    provider: str,
    port: int = 0,
    seed: int = 0,
    records: int = 200,
    out: Callable[[str], Any] = print,
    *,
    entity: str = "contacts",
    token: str | None = None,
    stop: threading.Event | None = None,
) -> None:
    """Serve `provider`'s fake on 127.0.0.1:`port` until SIGINT/SIGTERM (or `stop` is set).

    Writes the base URL as the first line, then one `MERGEDESK_…=value` line per
    credential, and flushes, so a shell or a test can read them before the first
    request. The token is random per run unless `token` is given. Raises KeyError for
    an unknown provider, ValueError for an entity the provider lacks."""
    if provider not in SANDBOXES:
        raise KeyError(f"no sandbox for {provider!r}; known: {', '.join(sorted(SANDBOXES))}")
    from mergedesk.sandbox.server import SandboxServer

    fake = SANDBOXES[provider](seed=seed, records=records, entity=entity, token=token)
    stop = stop or threading.Event()
    with SandboxServer.for_fake(fake, port=port) as server:
        out(server.base_url)
        for name, value in server.credentials.items():
            out(f"{name}={value}")
        sys.stdout.flush()
        restore = _stop_on_signals(stop)
        try:
            while not stop.wait(0.2):  # a timed wait lets the signal handlers run
                pass
        finally:
            restore()


def _stop_on_signals(stop: threading.Event) -> Callable[[], None]:
    """Make SIGINT/SIGTERM set `stop`; returns a function restoring the old handlers.
    Outside the main thread signals cannot be caught, so only `stop` ends the loop."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None

    def handler(signum: int, frame: FrameType | None) -> None:
        stop.set()

    wanted = [signal.SIGINT, signal.SIGTERM]
    previous = {sig: signal.signal(sig, handler) for sig in wanted}

    def restore() -> None:
        for sig, old in previous.items():
            signal.signal(sig, old)

    return restore


def __getattr__(name: str) -> Any:
    # SandboxServer is re-exported lazily: importing uvicorn is only needed to serve.
    if name == "SandboxServer":
        from mergedesk.sandbox.server import SandboxServer

        return SandboxServer
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["SANDBOXES", "SandboxFactory", "SandboxFake", "SandboxServer", "serve_forever"]

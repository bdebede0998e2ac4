"""Serves any ASGI app under uvicorn in a background thread on 127.0.0.1 — real HTTP on
loopback for tests, the demo mode and `mergedesk sandbox`. Never binds another interface."""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from collections.abc import Mapping
from types import TracebackType
from typing import Protocol

import uvicorn
from starlette.types import ASGIApp

from mergedesk.sandbox.injection import QuietDropFilter

HOST = "127.0.0.1"  # sandboxes hold fake data and a token printed to a terminal: loopback only


class ServableFake(Protocol):
    """What SandboxServer.for_fake needs from a fake CRM."""

    app: ASGIApp
    base_path: str

    def credentials(self) -> dict[str, str]: ...


class SandboxServer:
    """uvicorn on 127.0.0.1 in a daemon thread. `port=0` picks a free port: the socket is
    bound here and handed to uvicorn, so there is no window in which another process
    could take the port. Usable as a context manager; start() returns once the server
    accepts connections."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        base_path: str = "",
        credentials: Mapping[str, str] | None = None,
        port: int = 0,
    ) -> None:
        self._app = app
        self._base_path = base_path
        self._credentials = dict(credentials or {})
        self._requested_port = port
        self._socket: socket.socket | None = None
        self._port: int | None = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None

    @classmethod
    def for_fake(cls, fake: ServableFake, port: int = 0) -> SandboxServer:
        return cls(fake.app, base_path=fake.base_path, credentials=fake.credentials(), port=port)

    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("the sandbox server is not started")
        return self._port

    @property
    def root_url(self) -> str:
        """http://127.0.0.1:PORT — where the /_sandbox admin endpoints live."""
        return f"http://{HOST}:{self.port}"

    @property
    def base_url(self) -> str:
        """The API root up to and including the tenant, as DESIGN.md's --base-url."""
        return self.root_url + self._base_path

    @property
    def credentials(self) -> dict[str, str]:
        """Environment-variable name → value, e.g. {'MERGEDESK_CHATWOOT_TOKEN': '…'}."""
        return dict(self._credentials)

    def start(self, timeout: float = 10.0) -> SandboxServer:
        if self._thread is not None:
            raise RuntimeError("the sandbox server is already started")
        _quiet_deliberate_drops()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        if os.name != "nt":  # on Windows SO_REUSEADDR would let another process share the port
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        # Accepted sockets inherit this. asyncio only sets TCP_NODELAY itself when the socket
        # was made with proto=IPPROTO_TCP; without it every answer (start, then body) waits
        # out the client's 40 ms delayed ACK: ~42 ms a request instead of ~1 ms.
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        try:
            sock.bind((HOST, self._requested_port))
        except OSError:
            sock.close()
            raise
        self._socket = sock
        self._port = int(sock.getsockname()[1])
        config = uvicorn.Config(
            self._app,
            log_config=None,
            log_level="warning",
            access_log=False,
            lifespan="off",
            http="h11",
            timeout_graceful_shutdown=1,
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._serve, name=f"sandbox:{self.port}", daemon=True
        )
        self._thread.start()
        self._wait_until_started(timeout)
        return self

    def _serve(self) -> None:
        assert self._server is not None and self._socket is not None
        try:
            # Not in the main thread, uvicorn installs no signal handlers of its own.
            self._server.run(sockets=[self._socket])
        except BaseException as exc:  # surfaced by start() instead of dying silently
            self._error = exc

    def _wait_until_started(self, timeout: float) -> None:
        assert self._server is not None and self._thread is not None
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if self._error is not None or not self._thread.is_alive():
                self.stop()
                raise RuntimeError("the sandbox server failed to start") from self._error
            if time.monotonic() > deadline:
                self.stop()
                raise TimeoutError(f"the sandbox server did not start within {timeout} s")
            time.sleep(0.01)

    def stop(self) -> None:
        """Stops serving and frees the port; requests in flight get about a second."""
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
        if self._socket is not None:
            self._socket.close()
        self._server, self._thread, self._socket = None, None, None

    def __enter__(self) -> SandboxServer:
        return self.start() if self._thread is None else self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def _quiet_deliberate_drops() -> None:
    error_log = logging.getLogger("uvicorn.error")
    if not any(isinstance(f, QuietDropFilter) for f in error_log.filters):
        error_log.addFilter(QuietDropFilter())

"""ASGI middleware that applies a FaultPlan to a fake CRM's requests (and has them
counted), plus the logging filter that keeps deliberate connection drops quiet.

Dropping a connection under uvicorn: the app announces a Content-Length larger than what
it sends, then raises; uvicorn closes the transport and the client sees the body end
early (httpx.RemoteProtocolError). Before any response start uvicorn would answer a 500
instead, so the start is always sent first."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable, Mapping
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mergedesk.sandbox.counter import RequestCounter
from mergedesk.sandbox.faults import Fault, FaultKind, FaultPlan

ADMIN_PREFIX = "/_sandbox"
# A vendor's error for a status: (body, content type). Supplied by each fake.
VendorError = Callable[[int], tuple[bytes, str]]

NGINX_PAGE = (
    "<html>\r\n<head><title>{status} {reason}</title></head>\r\n<body>\r\n"
    "<center><h1>{status} {reason}</h1></center>\r\n<hr><center>nginx</center>\r\n"
    "</body>\r\n</html>\r\n"
)
_REASONS = {
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Temporarily Unavailable",
    504: "Gateway Time-out",
}


class DeliberateDrop(Exception):
    """Raised after a partial response so that uvicorn cuts the connection."""


class QuietDropFilter(logging.Filter):
    """Drops uvicorn's 'Exception in ASGI application' records caused by DeliberateDrop."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], DeliberateDrop))


class FaultInjector:
    """Wraps a fake's ASGI app: counts each request, then lets the plan's fault (if any)
    answer it. Admin requests under /_sandbox are neither counted nor faulted."""

    def __init__(
        self,
        app: ASGIApp,
        plan: FaultPlan,
        vendor_error: VendorError,
        counter: RequestCounter | None = None,
    ) -> None:
        self.app = app
        self.plan = plan
        self.vendor_error = vendor_error
        self.counter = counter

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith(ADMIN_PREFIX):
            await self.app(scope, receive, send)
            return
        if self.counter is not None:
            self.counter.count(scope)
        fault = self.plan.take(scope["method"], scope["path"])
        if fault is None or fault.kind is FaultKind.REVOKE_TOKEN:
            await self.app(scope, receive, send)  # a revoked token is the app's to refuse
            return
        captured = await self._run_app(scope, receive) if fault.applies else None
        await _ANSWERS[fault.kind](self, fault, captured, send)

    async def _run_app(self, scope: Scope, receive: Receive) -> _Captured:
        captured = _Captured()
        await self.app(scope, receive, captured.send)
        return captured

    async def _status(self, fault: Fault, captured: _Captured | None, send: Send) -> None:
        status = fault.status or 500
        body, content_type = self._body(fault, status)
        await _respond(send, status, body, content_type, fault.headers)

    async def _slow(self, fault: Fault, captured: _Captured | None, send: Send) -> None:
        await asyncio.sleep(fault.delay)
        if captured is not None:
            await captured.replay(send)
        else:  # nothing was done: answer like a proxy whose upstream never replied
            await _respond(send, 504, *self._body(fault, 504), fault.headers)

    async def _drop(self, fault: Fault, captured: _Captured | None, send: Send) -> None:
        status, headers, body = captured.parts() if captured else (200, [], b"")
        headers = [(k, v) for k, v in headers if k.lower() != b"content-length"]
        # Announce more than will ever come, send half, then break the connection.
        headers.append((b"content-length", str(len(body) + 1024).encode()))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        if body:
            await send(
                {"type": "http.response.body", "body": body[: len(body) // 2], "more_body": True}
            )
        raise DeliberateDrop(f"sandbox fault {fault.kind}")

    async def _malformed(self, fault: Fault, captured: _Captured | None, send: Send) -> None:
        status, _, body = captured.parts() if captured else (200, [], b"")
        # Cut a real answer mid-value, so it starts like valid JSON and then breaks.
        broken = body[: max(1, len(body) // 2)] if len(body) > 2 else b'{"payload": [{"id": '
        await _respond(
            send, fault.status or status, broken, "application/json; charset=utf-8", fault.headers
        )

    async def _wrong_shape(self, fault: Fault, captured: _Captured | None, send: Send) -> None:
        status = fault.status or (captured.parts()[0] if captured else 200)
        body = {"unexpected": True} if fault.body is None else fault.body
        await _respond(
            send,
            status,
            json.dumps(body).encode(),
            "application/json; charset=utf-8",
            fault.headers,
        )

    async def _html(self, fault: Fault, captured: _Captured | None, send: Send) -> None:
        status = fault.status or 502
        if fault.body is not None:
            page = str(fault.body)
        else:
            page = NGINX_PAGE.format(status=status, reason=_REASONS.get(status, "Error"))
        await _respond(send, status, page.encode(), "text/html", fault.headers)

    def _body(self, fault: Fault, status: int) -> tuple[bytes, str]:
        if fault.body is None:
            return self.vendor_error(status)
        if isinstance(fault.body, str):
            return fault.body.encode(), "text/plain; charset=utf-8"
        return json.dumps(fault.body).encode(), "application/json; charset=utf-8"


_ANSWERS: dict[FaultKind, Callable[[FaultInjector, Fault, Any, Send], Any]] = {
    FaultKind.STATUS: FaultInjector._status,
    FaultKind.SLOW: FaultInjector._slow,
    FaultKind.DROP_AFTER_APPLY: FaultInjector._drop,
    FaultKind.DROP_BEFORE_APPLY: FaultInjector._drop,
    FaultKind.MALFORMED_JSON: FaultInjector._malformed,
    FaultKind.WRONG_SHAPE: FaultInjector._wrong_shape,
    FaultKind.HTML_ERROR: FaultInjector._html,
}


class _Captured:
    """The messages an app sent, held back so a fault can alter, delay or cut them."""

    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def send(self, message: Message) -> None:
        self.messages.append(message)

    def parts(self) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
        start = next(m for m in self.messages if m["type"] == "http.response.start")
        body = b"".join(
            m.get("body", b"") for m in self.messages if m["type"] == "http.response.body"
        )
        return start["status"], list(start.get("headers", [])), body

    async def replay(self, send: Send) -> None:
        for message in self.messages:
            await send(message)


async def _respond(
    send: Send, status: int, body: bytes, content_type: str, extra: Mapping[str, str]
) -> None:
    """A complete response; `extra` headers win, except a Content-Length that would lie."""
    named = {k.lower(): str(v) for k, v in extra.items() if k.lower() != "content-length"}
    named.setdefault("content-type", content_type)
    headers = [(k.encode(), v.encode()) for k, v in named.items()]
    headers.append((b"content-length", str(len(body)).encode()))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})

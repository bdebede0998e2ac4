"""The one HTTP transport every CRM client uses: explicit timeouts, verified TLS from the
system trust store, retries only where safe, typed errors with secrets redacted. No Qt.

Retry rules (STYLE.md): nothing reached the server -> retry; 429 -> wait as asked and
retry; the request may have been applied (read timeout, dropped connection, 5xx) ->
retry only if replay-safe, else raise OutcomeUnknown for reconciliation to settle."""

from __future__ import annotations

import asyncio
import json
import logging
import ssl
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol
from urllib.parse import urlsplit

import httpx
import truststore

from mergedesk.providers import errors
from mergedesk.providers.redaction import redact
from mergedesk.providers.retry import RetryPolicy, retry_delay, server_delay

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = httpx.Timeout(connect=5.0, read=30.0, write=30.0, pool=5.0)
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
REQUEST_ID_HEADERS = ("x-request-id", "x-ms-service-request-id", "x-zoho-request-id", "request-id")
_REPLAY_SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "PUT"}
_READ_METHODS = {"GET", "HEAD", "OPTIONS"}
_MAY_HAVE_APPLIED = (httpx.ReadTimeout, httpx.WriteTimeout, httpx.RemoteProtocolError,
                     httpx.ReadError, httpx.WriteError)
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


@dataclass(frozen=True)
class ErrorInfo:
    """What a CRM said in an error answer: its message, its code, and optionally the
    error class that fits better than the one the status implies."""

    message: str
    vendor_code: str | None = None
    kind: type[errors.ProviderError] | None = None
    field_errors: Mapping[str, str] | None = None


ErrorDescriber = Callable[[httpx.Response], ErrorInfo]


class Pacer(Protocol):
    """Client-side rate limiting: waits before a request, learns from each answer."""

    async def acquire(self) -> None: ...

    def observe(self, response: httpx.Response) -> None: ...


def items_of(value: Any) -> list[Any]:
    """The list a CRM error body promises, or [] when a hostile or broken body sends
    something else there (describe_error must never crash on a body)."""
    return value if isinstance(value, list) else []


def check_base_url(url: str) -> str:
    """Refuse plain http except to loopback sandboxes (DESIGN.md)."""
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return url.rstrip("/")
    if parts.scheme == "http" and parts.hostname in LOOPBACK_HOSTS:
        return url.rstrip("/")
    raise errors.ConfigError(
        f"refusing base URL {url!r}: use https:// (plain http only for 127.0.0.1 sandboxes)"
    )


def tls_context() -> ssl.SSLContext:
    """Certificates checked against the operating system's trust store; never disabled."""
    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


class Transport:
    """An httpx.AsyncClient bound to one CRM connection, with the retry rules above."""

    def __init__(
        self,
        provider: str,
        base_url: str,
        describe_error: ErrorDescriber,
        *,
        auth: httpx.Auth | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        policy: RetryPolicy | None = None,
        max_concurrency: int = 4,
        pacer: Pacer | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        http_transport: httpx.AsyncBaseTransport | None = None,
    ):
        self.provider = provider
        self.base_url = check_base_url(base_url)
        self._describe_error = describe_error
        self._policy = policy or RetryPolicy()
        self._sleep = sleep
        self._pacer = pacer
        self._slots = asyncio.Semaphore(max_concurrency)
        self._client = httpx.AsyncClient(
            base_url=self.base_url + "/",
            auth=auth,
            headers=dict(headers or {}),
            timeout=timeout,
            verify=tls_context(),
            transport=http_transport,
            follow_redirects=False,
            trust_env=False,  # a proxy from the environment must not see CRM tokens
        )

    async def aclose(self) -> None:
        await self._client.aclose()

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json_body: Any = None,
        headers: Mapping[str, str] | None = None,
        replay_safe: bool | None = None,
        expect: tuple[int, ...] = (),
    ) -> httpx.Response:
        """Send one request with the retry rules; return a 2xx (or `expect`ed) response."""
        safe = method.upper() in _REPLAY_SAFE_METHODS if replay_safe is None else replay_safe
        writes = method.upper() not in _READ_METHODS
        url = path.lstrip("/")
        for attempt in range(1, self._policy.max_attempts + 1):
            last = attempt == self._policy.max_attempts
            try:
                response = await self._send(method, url, params, json_body, headers)
            except _NOT_SENT as exc:
                if last:
                    raise self._unreachable(exc) from exc
                await self._backoff(attempt, {})
                continue
            except _MAY_HAVE_APPLIED as exc:
                if not safe or (last and writes):
                    # A write resent until we gave up may have landed on any attempt.
                    raise self._unknown(method, path, exc) from exc
                if last:
                    raise self._unreachable(exc) from exc
                await self._backoff(attempt, {})
                continue
            except httpx.HTTPError as exc:  # anything else httpx raises: not retried
                raise errors.ServerError(
                    redact(f"{method} {path} failed: {exc!r}"), provider=self.provider
                ) from exc
            if response.is_success or response.status_code in expect:
                return response
            if not await self._should_retry(response, attempt, safe, writes, method, path):
                raise self.error_for(response)
        raise AssertionError("unreachable: the loop returns or raises")  # pragma: no cover

    async def get_json(self, path: str, **kw: Any) -> Any:
        return self.json_of(await self.request("GET", path, **kw))

    def json_of(self, response: httpx.Response) -> Any:
        """The body as JSON, or BadResponse naming what came instead."""
        try:
            return response.json()
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            kind = response.headers.get("content-type", "no content type")
            raise errors.BadResponse(
                f"{self.provider} answered {response.request.method} "
                f"{response.request.url.path} with a body that is not JSON ({kind})",
                provider=self.provider,
                status=response.status_code,
                request_id=_request_id(response),
            ) from exc

    def error_for(self, response: httpx.Response) -> errors.ProviderError:
        """The typed error for a non-success answer, with the CRM's own message."""
        try:
            info = self._describe_error(response)
        except Exception:  # a hostile body must not hide the status behind a parse error
            info = ErrorInfo(message=_short_text(response))
        kind = info.kind or _kind_for_status(response.status_code)
        extra: dict[str, Any] = {}
        if kind is errors.ValidationFailed:
            extra["field_errors"] = dict(info.field_errors or {})
        if kind is errors.RateLimited:
            extra["retry_after"] = _retry_after(response)
        return kind(
            redact(info.message or f"HTTP {response.status_code}"),
            provider=self.provider,
            status=response.status_code,
            vendor_code=info.vendor_code,
            request_id=_request_id(response),
            **extra,
        )

    async def _send(self, method, url, params, json_body, headers) -> httpx.Response:
        async with self._slots:
            if self._pacer is not None:
                await self._pacer.acquire()
            started = time.monotonic()
            response = await self._client.request(
                method, url, params=params, json=json_body, headers=headers
            )
            if self._pacer is not None:
                self._pacer.observe(response)
        log.info(
            "%s %s %s -> %s in %.0f ms (request id %s)",
            self.provider, method, "/" + url.split("?")[0], response.status_code,
            (time.monotonic() - started) * 1000, _request_id(response) or "-",
        )
        return response

    async def _should_retry(self, response, attempt, safe, writes, method, path) -> bool:
        status = response.status_code
        if attempt >= self._policy.max_attempts:
            if status >= 500 and (writes or not safe):
                raise self._unknown(method, path, self.error_for(response))
            return False
        if status == 429:
            delay = retry_delay(response.headers, attempt, self._policy, _now())
            if delay is None:  # the CRM asks for a longer wait than one call may take
                return False
            await self._sleep(delay)
            return True
        if status >= 500:
            if not safe:
                raise self._unknown(method, path, self.error_for(response))
            await self._backoff(attempt, response.headers)
            return True
        return False

    async def _backoff(self, attempt: int, headers: Mapping[str, str]) -> None:
        delay = retry_delay(headers, attempt, self._policy, _now())
        await self._sleep(self._policy.max_delay if delay is None else delay)

    def _unknown(self, method: str, path: str, cause: Exception) -> errors.OutcomeUnknown:
        return errors.OutcomeUnknown(
            redact(f"{method} {path}: no reliable answer ({_describe_cause(cause)}); "
                   "it may have been applied"),
            provider=self.provider,
            status=getattr(cause, "status", None),
        )

    def _unreachable(self, exc: Exception) -> errors.ServerError:
        return errors.ServerError(
            redact(f"{self.provider} could not be reached at {self.base_url}: "
                   f"{_describe_cause(exc)}"),
            provider=self.provider,
        )


def _kind_for_status(status: int) -> type[errors.ProviderError]:
    if status == 401:
        return errors.AuthError
    if status == 403:
        return errors.PermissionDenied
    if status in (404, 410):
        return errors.NotFound
    if status == 409:
        return errors.Conflict
    if status in (400, 422):
        return errors.ValidationFailed
    if status == 429:
        return errors.RateLimited
    if status >= 500:
        return errors.ServerError
    return errors.ProviderError


def _retry_after(response: httpx.Response) -> float | None:
    return server_delay(response.headers, _now())


def _request_id(response: httpx.Response) -> str | None:
    for name in REQUEST_ID_HEADERS:
        if name in response.headers:
            return response.headers[name][:100]
    return None


def _short_text(response: httpx.Response) -> str:
    text = response.text.strip()
    if text.startswith("<"):
        return f"HTTP {response.status_code} with an HTML page instead of an API answer"
    return text[:300] or f"HTTP {response.status_code}"


def _describe_cause(exc: Exception) -> str:
    if isinstance(exc, errors.ProviderError):
        return str(exc)
    if isinstance(exc, httpx.TimeoutException):
        return "timed out"
    if isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError)):
        return "connection dropped"
    return type(exc).__name__


def _now() -> datetime:
    return datetime.now(UTC)

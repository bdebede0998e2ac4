"""The one error family every provider raises. Messages keep the CRM's own words,
redacted; no bare httpx error escapes a provider. No Qt."""

from __future__ import annotations


class ProviderError(Exception):
    """A CRM call failed. `message` is the CRM's own (redacted) explanation."""

    def __init__(
        self,
        message: str,
        *,
        provider: str = "",
        status: int | None = None,
        vendor_code: str | None = None,
        request_id: str | None = None,
    ):
        super().__init__(message)
        self.message = message
        self.provider = provider
        self.status = status
        self.vendor_code = vendor_code
        self.request_id = request_id

    def __str__(self) -> str:
        parts = [self.message]
        if self.vendor_code:
            parts.append(f"[{self.vendor_code}]")
        if self.status:
            parts.append(f"(HTTP {self.status})")
        return " ".join(parts)


class ConfigError(ProviderError):
    """The connection settings cannot work (plain-http URL, missing credential)."""


class AuthError(ProviderError):
    """The credentials were refused: wrong, expired or revoked."""


class PermissionDenied(ProviderError):
    """Signed in, but not allowed to do this (role, scope, plan tier)."""


class NotFound(ProviderError):
    """The record (or endpoint) does not exist, or no longer does."""


class Conflict(ProviderError):
    """The CRM refused because of the state of other data (duplicate value, in-flight key)."""


class ValidationFailed(ProviderError):
    """The CRM rejected what we sent; `field_errors` maps field -> the CRM's message."""

    def __init__(self, message: str, *, field_errors: dict[str, str] | None = None, **kw):
        super().__init__(message, **kw)
        self.field_errors = field_errors or {}


class RateLimited(ProviderError):
    """The CRM asks us to wait longer than we are willing to wait inside one call."""

    def __init__(self, message: str, *, retry_after: float | None = None, **kw):
        super().__init__(message, **kw)
        self.retry_after = retry_after


class ServerError(ProviderError):
    """The CRM failed (5xx) or could not be reached, and the request was not applied."""


class BadResponse(ProviderError):
    """The CRM answered with a body we cannot read; the message names what was wrong."""


class OutcomeUnknown(ProviderError):
    """The request may or may not have been applied (timeout, dropped connection, 5xx on a
    write). Never re-send blindly: record it and read the CRM to learn what happened."""

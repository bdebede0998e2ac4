"""Keep secrets out of every log line and exception text. No Qt.

The set of known secrets is process-wide on purpose: logging is process-wide, and a
handler installed anywhere must scrub a token that any client holds."""

from __future__ import annotations

import logging
import re
import threading

_HEADER_PATTERNS = [
    re.compile(r"(?i)(authorization[\"']?\s*[:=]\s*[\"']?)(bearer|basic|zoho-oauthtoken)?\s*[^\s\"',}]+"),
    re.compile(r"(?i)(api_access_token[\"']?\s*[:=]\s*[\"']?)[^\s\"',}]+"),
    re.compile(r"(?i)((?:access|refresh)_token[\"']?\s*[:=]\s*[\"']?)[^\s\"',}&]+"),
    re.compile(r"(?i)((?:client_secret|api_key|password)[\"']?\s*[:=]\s*[\"']?)[^\s\"',}&]+"),
]
MASK = "***"


class SecretSet:
    """Secrets to mask wherever text leaves a client."""

    def __init__(self) -> None:
        self._values: set[str] = set()
        self._lock = threading.Lock()

    def add(self, value: str | None) -> None:
        # Very short values would mask ordinary words; real tokens are long.
        if value and len(value) >= 6:
            with self._lock:
                self._values.add(value)

    def redact(self, text: str) -> str:
        with self._lock:
            values = sorted(self._values, key=len, reverse=True)
        for value in values:
            text = text.replace(value, MASK)
        for pattern in _HEADER_PATTERNS:
            text = pattern.sub(lambda m: m.group(1) + MASK, text)
        return text


SECRETS = SecretSet()


def redact(text: str) -> str:
    return SECRETS.redact(text)


class RedactingFilter(logging.Filter):
    """Rewrites each record's final message with secrets masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        record.msg, record.args = cleaned, None
        return True

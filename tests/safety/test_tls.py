"""TLS is always verified against the system trust store, and no code path turns
verification off: checked on the transport itself and by reading every module."""

from __future__ import annotations

import asyncio
import re
import ssl
from pathlib import Path

import mergedesk
from mergedesk.providers.transport import Transport, tls_context

PACKAGE = Path(mergedesk.__file__).parent
_DISABLING = re.compile(r"verify\s*=\s*False|CERT_NONE|check_hostname\s*=\s*False|"
                        r"_create_unverified_context|PYTHONHTTPSVERIFY")


def test_the_tls_context_requires_a_valid_certificate_and_host_name():
    context = tls_context()
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname


def test_every_transport_verifies_with_that_context():
    transport = Transport("chatwoot", "https://chat.example.com/api/v1/accounts/1",
                          lambda response: None)
    try:
        pool = transport._client._transport._pool  # httpx -> httpcore connection pool
        assert pool._ssl_context.verify_mode == ssl.CERT_REQUIRED
    finally:
        asyncio.run(transport.aclose())


def test_no_module_can_switch_verification_off():
    offenders = [f"{path.relative_to(PACKAGE)}:{n}" for path in PACKAGE.rglob("*.py")
                 for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if _DISABLING.search(line)]
    assert offenders == []

"""Pipeliner's HTTP Basic credentials (the space's API key as user name, its secret as
password) and the check of the space's service URL. No Qt."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import httpx

from mergedesk.providers.errors import ConfigError
from mergedesk.providers.redaction import SECRETS

PROVIDER = "pipeliner"
REGIONS = ("us-east", "eu-central", "ca-central", "ap-southeast")
_VENDOR_HOST = re.compile(r"^(?P<region>[a-z0-9-]+)\.api\.pipelinersales\.com$")
_SPACE_PATH = re.compile(r"/rest/spaces/(?P<space>[^/]+)/?$")


def basic_auth(key: str | None, secret: str | None) -> httpx.BasicAuth:
    """Both values are shown once, when the space's application is created."""
    missing = [name for name, value in (("KEY", key), ("SECRET", secret)) if not value]
    if missing:
        names = " and ".join(f"MERGEDESK_PIPELINER_{m}" for m in missing)
        raise ConfigError(
            f"no Pipeliner API {' and '.join(m.lower() for m in missing)}: set {names} or "
            "save them in the connection (Administration > Applications > Show API Access)",
            provider=PROVIDER,
        )
    SECRETS.add(key)
    SECRETS.add(secret)
    return httpx.BasicAuth(str(key), str(secret))


def space_of(base_url: str) -> str:
    """The space id at the end of the service URL; ConfigError naming what is wrong
    (an unknown region, or a URL that does not end in /rest/spaces/<space id>)."""
    parts = urlsplit(base_url)
    vendor = _VENDOR_HOST.match(parts.hostname or "")
    if vendor and vendor["region"] not in REGIONS:
        raise ConfigError(
            f"unknown Pipeliner region {vendor['region']!r} in {base_url!r}; the service URL "
            f"starts with one of {', '.join(REGIONS)}", provider=PROVIDER)
    space = _SPACE_PATH.search(parts.path)
    if space is None:
        raise ConfigError(
            f"{base_url!r} is not a Pipeliner service URL: it should end with "
            "/api/v100/rest/spaces/<space id>, as shown with the space's API keys",
            provider=PROVIDER)
    return space["space"]

"""Opening a saved connection: its secrets from the keyring (or the environment), the
provider built by the registry, and a first authenticated call, so a wrong token is
said at once. Plain async code: the window runs it through its TaskRunner."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping

from pydantic import SecretStr

from mergedesk.providers import registry
from mergedesk.providers.base import AccountInfo, ConnectionSettings, Provider
from mergedesk.ui.connect.profiles import ConnectionProfile
from mergedesk.ui.connection import Connection

# Records a page where the client chooses: each page is parsed on the GUI's loop, and
# Dataverse's default of 5,000 would hold it for a second (tests/benchmarks/bench_ui.py).
PAGE_SIZES = {"dataverse": "100"}


def settings_for(profile: ConnectionProfile,
                 secrets: Mapping[str, SecretStr]) -> ConnectionSettings:
    options = dict(profile.options)
    if profile.provider in PAGE_SIZES:
        options.setdefault("page_size", PAGE_SIZES[profile.provider])
    return ConnectionSettings(provider=profile.provider, base_url=profile.base_url.rstrip("/"),
                              credentials=dict(secrets), options=options)


async def try_connection(settings: ConnectionSettings) -> AccountInfo:
    """Connect, sign in, read one thing, close: the connection dialog's Test button."""
    provider = registry.create(settings)
    try:
        return await provider.check_auth()
    finally:
        await provider.aclose()


async def open_profile(profile: ConnectionProfile) -> Connection:
    """A connected provider for `profile`; raises the provider's errors (AuthError …)."""
    from mergedesk.services import credentials  # the keyring: not before the window shows

    spec = registry.spec(profile.provider)
    # The keyring may talk to a desktop service: not on the GUI thread.
    secrets = await asyncio.to_thread(credentials.load, spec, profile.name)
    provider: Provider = registry.create(settings_for(profile, secrets))
    try:
        await provider.check_auth()
    except BaseException:
        await provider.aclose()
        raise
    return Connection(provider, profile.base_url.rstrip("/"), profile.entity, profile.name)

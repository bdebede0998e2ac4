"""Browser sign-ins the connection dialog offers: Zoho (OAuth with PKCE on a loopback
redirect) and Dataverse (Entra ID through msal, its tokens in an encrypted cache file).
Plain async code; the dialog runs it through its TaskRunner."""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass, field
from pathlib import Path

from mergedesk.services.workspace import data_dir


@dataclass(frozen=True)
class SignedIn:
    """What a sign-in adds to the form: secrets, non-secret options, maybe the URL."""

    user: str = ""
    secrets: dict[str, str] = field(default_factory=dict)
    options: dict[str, str] = field(default_factory=dict)
    base_url: str = ""


async def zoho(client_id: str, client_secret: str, data_centre: str) -> SignedIn:
    """Zoho's consent page in the browser; the grant's refresh token and servers."""
    # Loaded on sign-in: the zoho package brings httpx and the field rules with it.
    from mergedesk.providers.zoho import auth as zoho_auth

    grant = await zoho_auth.sign_in(client_id, client_secret, data_centre=data_centre or "com")
    return SignedIn(secrets=grant.credentials(), base_url=grant.base_url)


def token_cache_path(profile: str) -> Path:
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "-", profile).strip("-") or "default"
    return data_dir() / "tokens" / f"dataverse-{safe}.bin"


async def dataverse(profile: str, base_url: str, tenant_id: str, client_id: str) -> SignedIn:
    """A person's sign-in in the browser; the provider later reads the cached tokens."""
    # msal loads in a third of a second: only when someone signs in to Dataverse.
    from mergedesk.providers.dataverse import auth as dataverse_auth

    path = token_cache_path(profile)
    cache, _encrypted = await asyncio.to_thread(dataverse_auth.token_cache, path)
    app, _http = await asyncio.to_thread(dataverse_auth.public_app, base_url, tenant_id or None,
                                         client_id, cache)
    user = await dataverse_auth.sign_in_interactive(app, base_url)
    return SignedIn(user=user, options={"token_cache": str(path), "account": user})

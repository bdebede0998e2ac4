"""Credentials from the environment (MERGEDESK_<PROVIDER>_<NAME>) or a secret store —
the OS keyring, or the passphrase-encrypted file the user chose where there is no
keyring (services.secrets_store) — never from plain files or settings. No Qt."""

from __future__ import annotations

import os
from collections.abc import Mapping

from pydantic import SecretStr

from mergedesk.providers.redaction import SECRETS
from mergedesk.providers.registry import ProviderSpec
from mergedesk.services.secrets_store import (
    KEYRING_SERVICE,
    KeyringStore,
    SecretStore,
    check_size,
)

__all__ = ["KEYRING_SERVICE", "forget", "load", "save"]


def _key(profile: str, name: str) -> str:
    return f"{profile}/{name}"


def load(
    spec: ProviderSpec, profile: str | None = None, environ: Mapping[str, str] | None = None,
    store: SecretStore | None = None,
) -> dict[str, SecretStr]:
    """Each credential from the environment first, then the profile in the store."""
    env = os.environ if environ is None else environ
    store = store or KeyringStore()
    found: dict[str, SecretStr] = {}
    for name in spec.credential_names:
        value = env.get(spec.env_var(name))
        if not value and profile:
            value = store.get(_key(profile, name))
        if value:
            SECRETS.add(value)
            found[name] = SecretStr(value)
    return found


def save(profile: str, credentials: Mapping[str, str], store: SecretStore | None = None) -> None:
    """Store a profile's secrets; raises ConfigError (NoKeyringService, SecretTooLarge)
    before anything is written if one of them cannot be stored."""
    for name, value in credentials.items():
        check_size(name, value)
    store = store or KeyringStore()
    for name, value in credentials.items():
        SECRETS.add(value)
        store.set(_key(profile, name), value)


def forget(profile: str, names: tuple[str, ...], store: SecretStore | None = None) -> None:
    store = store or KeyringStore()
    for name in names:
        store.delete(_key(profile, name))

"""Credentials from the environment (MERGEDESK_<PROVIDER>_<NAME>) or the OS keyring,
never from files or settings. No Qt."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping

import keyring
import keyring.errors
from pydantic import SecretStr

from mergedesk.providers.errors import ConfigError
from mergedesk.providers.redaction import SECRETS
from mergedesk.providers.registry import ProviderSpec

KEYRING_SERVICE = "MergeDesk"


def _key(profile: str, name: str) -> str:
    return f"{profile}/{name}"


def load(
    spec: ProviderSpec, profile: str | None = None, environ: Mapping[str, str] | None = None
) -> dict[str, SecretStr]:
    """Each credential from the environment first, then the keyring profile."""
    env = os.environ if environ is None else environ
    found: dict[str, SecretStr] = {}
    for name in spec.credential_names:
        value = env.get(spec.env_var(name))
        if not value and profile:
            value = _keyring_get(_key(profile, name))
        if value:
            SECRETS.add(value)
            found[name] = SecretStr(value)
    return found


def save(profile: str, credentials: Mapping[str, str]) -> None:
    for name, value in credentials.items():
        try:
            keyring.set_password(KEYRING_SERVICE, _key(profile, name), value)
        except keyring.errors.KeyringError as exc:
            raise ConfigError(
                f"the system keyring refused to store the {name}: {exc}. "
                "Nothing was written to disk."
            ) from exc


def forget(profile: str, names: tuple[str, ...]) -> None:
    for name in names:
        with contextlib.suppress(keyring.errors.PasswordDeleteError):
            keyring.delete_password(KEYRING_SERVICE, _key(profile, name))


def _keyring_get(key: str) -> str | None:
    try:
        return keyring.get_password(KEYRING_SERVICE, key)
    except keyring.errors.KeyringError:
        return None  # no keyring service: the caller reports the missing credential

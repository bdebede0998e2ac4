"""Where credentials are kept: the OS keyring, or — only when the OS has no keyring
service and the user explicitly chose it — a file encrypted with a key derived from a
passphrase (scrypt + Fernet). Never plain text, never settings, never the journal.
No Qt.

Windows' Credential Manager holds at most CRED_MAX_CREDENTIAL_BLOB_SIZE = 2,560 bytes
per credential, and keyring stores the secret as UTF-16 (1,280 characters; see
jaraco/keyring#540): store refresh tokens and keys, never big blobs."""

from __future__ import annotations

import base64
import contextlib
import json
import os
import secrets as random_bytes
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import keyring
import keyring.errors
from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from mergedesk.providers.errors import ConfigError
from mergedesk.providers.redaction import SECRETS

KEYRING_SERVICE = "MergeDesk"
MAX_SECRET_BYTES = 2560  # Windows' CRED_MAX_CREDENTIAL_BLOB_SIZE, counted in UTF-16
# OWASP's scrypt minimum (N=2^17, r=8, p=1: about 128 MiB, a fraction of a second);
# the parameters are written into the file, so they can rise later.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1
FILE_FORMAT = "mergedesk-secrets/1"


class NoKeyringService(ConfigError):
    """The OS offers no keyring; the message offers the explicit alternative."""


class SecretTooLarge(ConfigError):
    """A secret above what every OS keyring can hold."""


class WrongPassphrase(ConfigError):
    """The encrypted secrets file did not open with this passphrase."""


@dataclass(frozen=True)
class KeyringStatus:
    usable: bool
    backend: str
    reason: str = ""


class SecretStore(Protocol):
    kind: str

    def get(self, key: str) -> str | None: ...

    def set(self, key: str, value: str) -> None: ...

    def delete(self, key: str) -> None: ...


def keyring_status() -> KeyringStatus:
    """Whether the OS keyring can hold secrets. keyring falls back to its `fail`
    backend when no service runs (a bare Linux desktop without Secret Service), and
    keyrings.alt would write plain or weakly protected files: neither counts."""
    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if name.startswith(("keyring.backends.fail", "keyring.backends.null")):
        return KeyringStatus(False, name, "this system has no keyring service running "
                                          "(e.g. GNOME Keyring or KWallet on Linux)")
    if name.startswith("keyrings.alt"):
        return KeyringStatus(False, name, "the only keyring found stores secrets in a "
                                          "file without OS protection")
    if name.startswith("keyring.backends.chainer") and not getattr(backend, "backends", ()):
        return KeyringStatus(False, name, "no usable keyring backend was found")
    return KeyringStatus(True, name)


def check_size(name: str, value: str) -> None:
    size = len(value.encode("utf-16-le"))
    if size > MAX_SECRET_BYTES:
        raise SecretTooLarge(
            f"the {name} is {size} bytes as the OS stores it; keyrings hold at most "
            f"{MAX_SECRET_BYTES} (Windows). Store a refresh token or key, not a token cache.")


class KeyringStore:
    """The OS keyring (Keychain, Windows Credential Manager, Secret Service)."""

    kind = "keyring"

    def __init__(self, service: str = KEYRING_SERVICE):
        self._service = service

    def get(self, key: str) -> str | None:
        try:
            return keyring.get_password(self._service, key)
        except keyring.errors.KeyringError:
            return None  # no service: the caller reports the missing credential

    def set(self, key: str, value: str) -> None:
        check_size(key, value)
        status = keyring_status()
        if not status.usable:
            raise no_keyring_error(status)
        try:
            keyring.set_password(self._service, key, value)
        except keyring.errors.KeyringError as exc:
            raise ConfigError(f"the system keyring refused to store the {key}: {exc}. "
                              "Nothing was written to disk.") from exc

    def delete(self, key: str) -> None:
        # Not there (PasswordDeleteError) or no service: nothing to delete either way.
        with contextlib.suppress(keyring.errors.KeyringError):
            keyring.delete_password(self._service, key)


class EncryptedFileStore:
    """Secrets in one file, encrypted with Fernet under a key scrypt derives from the
    user's passphrase. Opening checks the passphrase; writes are atomic and 0600."""

    kind = "encrypted_file"

    def __init__(self, path: Path, passphrase: str, *, n: int = SCRYPT_N):
        if not passphrase:
            raise ConfigError("an encrypted secrets file needs a passphrase")
        self.path = path
        self._passphrase = passphrase
        self._n = n
        self._salt = random_bytes.token_bytes(16)
        self._values: dict[str, str] = {}
        if path.exists():
            self._load()

    def get(self, key: str) -> str | None:
        value = self._values.get(key)
        SECRETS.add(value)
        return value

    def set(self, key: str, value: str) -> None:
        check_size(key, value)  # the same limit everywhere: a profile may move to Windows
        self._values[key] = value
        self._save()

    def delete(self, key: str) -> None:
        if self._values.pop(key, None) is not None:
            self._save()

    def _fernet(self, salt: bytes, n: int, r: int, p: int) -> Fernet:
        key = Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(self._passphrase.encode())
        return Fernet(base64.urlsafe_b64encode(key))

    def _load(self) -> None:
        try:
            header = json.loads(self.path.read_text(encoding="utf-8"))
            if header.get("format") != FILE_FORMAT:
                raise ValueError("unknown format")
            salt = base64.b64decode(header["salt"])
            n, r, p = int(header["n"]), int(header["r"]), int(header["p"])
            token = header["token"].encode()
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ConfigError(f"{self.path} is not a MergeDesk secrets file") from exc
        try:
            plain = self._fernet(salt, n, r, p).decrypt(token)
        except InvalidToken:
            raise WrongPassphrase(f"the passphrase does not open {self.path}") from None
        self._salt, self._n, self._values = salt, n, json.loads(plain)

    def _save(self) -> None:
        token = self._fernet(self._salt, self._n, SCRYPT_R, SCRYPT_P).encrypt(
            json.dumps(self._values).encode())
        header = {"format": FILE_FORMAT, "kdf": "scrypt", "salt": base64.b64encode(
            self._salt).decode(), "n": self._n, "r": SCRYPT_R, "p": SCRYPT_P,
            "token": token.decode()}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        part = self.path.with_name(self.path.name + ".part")
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(header, out)
        part.replace(self.path)


def no_keyring_error(status: KeyringStatus) -> NoKeyringService:
    return NoKeyringService(
        f"cannot store secrets: {status.reason}. Start your desktop's keyring service, or "
        "choose an encrypted secrets file protected by a passphrase (nothing is ever "
        "written in plain text).")


def choose_store(encrypted_file: Path | None = None, passphrase: str | None = None
                 ) -> SecretStore:
    """The OS keyring when it works; otherwise the encrypted file, but only when the user
    chose it by giving a passphrase; otherwise NoKeyringService saying what to do."""
    status = keyring_status()
    if status.usable:
        return KeyringStore()
    if encrypted_file is not None and passphrase:
        return EncryptedFileStore(encrypted_file, passphrase)
    raise no_keyring_error(status)

"""Secrets: the OS keyring when there is one; otherwise an explicit, passphrase-encrypted
file — never plain text — and nothing above the Windows credential size."""

from __future__ import annotations

import os
import stat

import keyring
import keyring.backends.fail
import pytest

from mergedesk.providers.registry import spec
from mergedesk.services import credentials
from mergedesk.services.secrets_store import (
    MAX_SECRET_BYTES,
    EncryptedFileStore,
    KeyringStore,
    NoKeyringService,
    SecretTooLarge,
    WrongPassphrase,
    choose_store,
    keyring_status,
)
from mergedesk.services.workspace import data_dir

TOKEN = "cw-token-7f3a9c2e5b1d8f4a"
FAST_N = 2**10  # the file format keeps n; tests need not pay for the real cost


@pytest.fixture
def no_keyring_service():
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    yield
    keyring.set_keyring(previous)


def files_containing(folder, needle: str) -> list[str]:
    found = []
    for root, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(root, name)
            with open(path, "rb") as handle:
                if needle.encode() in handle.read():
                    found.append(path)
    return found


def test_the_in_memory_keyring_counts_as_a_keyring_and_holds_the_profile(_isolated):
    assert keyring_status().usable
    credentials.save("work", {"token": TOKEN})
    assert _isolated.store[("MergeDesk", "work/token")] == TOKEN
    loaded = credentials.load(spec("chatwoot"), "work", environ={})
    assert loaded["token"].get_secret_value() == TOKEN
    credentials.forget("work", ("token",))
    assert credentials.load(spec("chatwoot"), "work", environ={}) == {}


def test_without_a_keyring_service_saving_says_so_and_writes_nothing(no_keyring_service):
    status = keyring_status()
    assert not status.usable and "no keyring service" in status.reason
    with pytest.raises(NoKeyringService, match="encrypted secrets file"):
        credentials.save("work", {"token": TOKEN})
    with pytest.raises(NoKeyringService):
        choose_store()
    assert not data_dir().exists() or files_containing(data_dir(), TOKEN) == []


def test_the_encrypted_file_is_the_explicit_choice_and_holds_no_plain_text(
    no_keyring_service, tmp_path
):
    path = tmp_path / "secrets.enc"
    store = choose_store(path, "correct horse battery staple")
    assert isinstance(store, EncryptedFileStore)
    store = EncryptedFileStore(path, "correct horse battery staple", n=FAST_N)
    credentials.save("work", {"token": TOKEN}, store=store)

    assert files_containing(tmp_path, TOKEN) == [] and files_containing(tmp_path, "work") == []
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    reopened = EncryptedFileStore(path, "correct horse battery staple")
    loaded = credentials.load(spec("chatwoot"), "work", environ={}, store=reopened)
    assert loaded["token"].get_secret_value() == TOKEN
    with pytest.raises(WrongPassphrase):
        EncryptedFileStore(path, "wrong passphrase")


def test_a_secret_above_the_windows_limit_is_refused_before_anything_is_stored(_isolated):
    at_limit = "x" * (MAX_SECRET_BYTES // 2)  # UTF-16: two bytes a character
    credentials.save("p", {"token": at_limit})
    with pytest.raises(SecretTooLarge, match="2560"):
        credentials.save("p", {"key": "k" * 8, "token": at_limit + "x"})
    assert ("MergeDesk", "p/key") not in _isolated.store


def test_environment_credentials_win_over_the_store_and_are_registered_for_redaction():
    from mergedesk.providers.redaction import redact

    KeyringStore().set("p/token", "from-the-keyring-123")
    env = {"MERGEDESK_CHATWOOT_TOKEN": "from-the-environment-456"}
    loaded = credentials.load(spec("chatwoot"), "p", environ=env)
    assert loaded["token"].get_secret_value() == "from-the-environment-456"
    assert redact("token from-the-environment-456 used") == "token *** used"

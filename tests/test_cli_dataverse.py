"""The CLI tests of test_cli_zoho.py, run against the Dataverse fake (service principal
credentials from the environment, msal against the fake's Entra endpoints)."""

from __future__ import annotations

import pytest

from tests.test_cli_zoho import (
    served,
    test_apply_merges_and_a_lost_answer_is_settled_without_a_second_merge,
    test_scan_reads_every_record_with_env_credentials,
)

__all__ = ["test_apply_merges_and_a_lost_answer_is_settled_without_a_second_merge",
           "test_scan_reads_every_record_with_env_credentials"]


@pytest.fixture
def sandbox():
    started = served("dataverse")
    yield started
    started.server.stop()

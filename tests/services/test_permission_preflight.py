"""Pre-flight of permissions over loopback: with a scope, privilege or key permission
taken away in the fake, every group is stopped before any call with the reason in plain
words, and the fake counts no merge and no update, not even for the first group. The
CRM is asked once per connection and entity. Chatwoot and Pipeliner expose nothing to
ask (see providers): their groups are still stopped only after a first refusal."""

from __future__ import annotations

import pytest
from pydantic import SecretStr

from mergedesk.core.models import MergeStatus
from mergedesk.core.plan import GroupMerge, MergePlan
from mergedesk.providers import registry
from mergedesk.sandbox.dataverse.security import ALL_PRIVILEGES
from mergedesk.services.apply import ApplyService
from mergedesk.services.workspace import Workspace
from tests.conftest import serve


async def _no_sleep(_seconds: float) -> None:
    return None


@pytest.fixture
def workspace():
    opened = Workspace.open()
    yield opened
    opened.close()


async def run_two_groups(workspace, served, name: str, settings=None):
    """Two groups of two records through ApplyService; the outcomes by group."""
    ids = [served.fake.record_id(i) for i in range(4)]
    plan = MergePlan(provider=name, entity="contacts", merges=(
        GroupMerge(group="g1", master=ids[0], others=(ids[1],)),
        GroupMerge(group="g2", master=ids[2], others=(ids[3],))))
    provider = registry.create(settings or served.settings(name), sleep=_no_sleep)
    try:
        service = ApplyService(workspace, sleep=_no_sleep)
        ctx = await service.prepare(provider, served.base_url, plan)
        return {o.group: o async for o in service.run(ctx, plan.merges, concurrency=1)}
    finally:
        await provider.aclose()


def assert_stopped(outcomes, *words: str) -> None:
    for outcome in outcomes.values():
        assert outcome.status == MergeStatus.FAILED
        assert outcome.message.startswith("pre-flight: "), outcome.message
        assert "nothing was sent" in outcome.message
        for word in words:
            assert word in outcome.message, outcome.message


async def test_zoho_token_without_the_write_scope(workspace):
    served = serve("zoho", seed=5, records=12, scopes=(
        "ZohoCRM.modules.contacts.READ", "ZohoCRM.settings.fields.READ",
        "ZohoCRM.modules.attachments.ALL"))
    try:
        outcomes = await run_two_groups(workspace, served, "zoho")
    finally:
        served.server.stop()
    assert_stopped(outcomes, "lacks ZohoCRM.modules.contacts.WRITE",
                   "sign in to Zoho again and grant it")
    assert served.fake.requests["POST /{module}/{record_id}/actions/merge"] == 0
    assert served.fake.requests["PUT /{module}/{record_id}"] == 0


async def test_dataverse_user_without_the_merge_privilege(workspace):
    served = serve("dataverse", seed=4, records=12,
                   privileges=ALL_PRIVILEGES - {"prvMerge", "prvAppendToContact"})
    try:
        outcomes = await run_two_groups(workspace, served, "dataverse")
    finally:
        served.server.stop()
    assert_stopped(outcomes, "prvMerge, prvAppendToContact", "ask an administrator")
    assert served.fake.merge_log == []
    assert served.fake.requests["POST /{rest:path}"] == 0  # Merge is the only POST
    assert served.fake.requests["PATCH /{rest:path}"] == 0


async def test_leadlex_key_without_write_permission_is_asked_once(workspace):
    served = serve("leadlex", seed=5, records=12)
    settings = served.settings("leadlex").model_copy(
        update={"credentials": {"api_key": SecretStr(served.fake.read_only_key)}})
    try:
        outcomes = await run_two_groups(workspace, served, "leadlex", settings)
    finally:
        served.server.stop()
    assert_stopped(outcomes, "lacks write:contacts", "no Write permission")
    assert served.fake.requests["POST /v1/contacts/merge"] == 0
    assert served.fake.requests["PATCH /v1/contacts/{contact_id}"] == 0
    assert served.fake.requests["GET /v1/api-keys"] == 1  # cached for the second group


async def test_with_the_permissions_the_merge_goes_ahead(workspace):
    served = serve("leadlex", seed=5, records=12)
    try:
        outcomes = await run_two_groups(workspace, served, "leadlex")
    finally:
        served.server.stop()
    assert {o.status for o in outcomes.values()} == {MergeStatus.MERGED}
    assert served.fake.requests["POST /v1/contacts/merge"] == 2

"""The Pipeliner client against the protocol-faithful fake, over real loopback HTTP:
paging, metadata, files, updates, merges and every error class."""

import httpx
import pytest

from mergedesk.core.models import FieldType
from mergedesk.core.steps import MergeStep, StepKind
from mergedesk.providers import errors
from mergedesk.providers.base import ConnectionSettings
from mergedesk.providers.pipeliner import PipelinerProvider
from mergedesk.sandbox.faults import Fault, FaultKind
from tests.providers.pipeliner.conftest import provider_for


def merge_step(master: str, *losers: str, **values) -> MergeStep:
    return MergeStep(index=0, kind=StepKind.MERGE, master=master, losers=losers, values=values)


def contact_ids(served, n: int, start: int = 0) -> list[str]:
    return [served.fake.record_id(i) for i in range(start, start + n)]


async def test_pages_to_the_end_of_5200_contacts_in_pages_of_100(start_pipeliner):
    served = start_pipeliner(records=5200)
    provider = provider_for(served)
    pages = [page async for page in provider.list_records("contacts")]
    await provider.aclose()
    listed = [r.id for p in pages for r in p.records]
    assert len(listed) == len(set(listed)) == 5200
    assert set(listed) == set(served.fake.state.order["Contacts"])
    assert all(len(p.records) == 100 for p in pages[:-1]) and pages[0].total == 5200
    assert served.fake.requests["GET /entities/{entity}"] == 52 + 1  # + the metadata page


async def test_field_metadata_marks_system_read_only_and_sequence_fields_unpickable(pipeliner):
    defs = {d.api_name: d for d in await pipeliner.field_defs("contacts")}
    assert not any(defs[n].writable for n in ("id", "created", "modified", "formatted_name",
                                              "cf_customer_no"))
    assert defs["last_name"].required and defs["last_name"].writable
    assert defs["email1"].type == FieldType.EMAIL and defs["comments"].type == FieldType.LONG_TEXT
    assert defs["cf_segment"].custom and defs["cf_segment"].type == FieldType.PICKLIST
    accounts = {d.api_name for d in await pipeliner.field_defs("accounts")}
    assert {"name", "home_page"} <= accounts and "first_name" not in accounts


async def test_records_carry_only_metadata_fields_and_files_from_cloud_object_relations(
    pipeliner, pipeliner_sandbox
):
    state = pipeliner_sandbox.fake.state
    relation = next(iter(state.relations.values()))
    record = await pipeliner.get_record("contacts", relation["contact_id"])
    assert "owner" not in record.fields and "id" not in record.fields  # a URI, and system
    assert record.fields["cf_segment"] == state.rows["Contacts"][record.id]["cf_segment"]
    cloud = state.cloud_objects[relation["cloud_object_id"]]
    assert (cloud["id"], cloud["filename"], cloud["size"]) in {
        (a.id, a.name, a.size) for a in record.attachments}
    assert await pipeliner.get_record("contacts", "00000000-0000-4000-8000-00000000ffff") is None


async def test_update_writes_fields_and_a_blank_required_field_fails_per_field(
    pipeliner, pipeliner_sandbox
):
    rid = pipeliner_sandbox.fake.record_id(3)
    await pipeliner.update("contacts", rid, {"position": "CFO", "cf_segment": "Enterprise"})
    row = pipeliner_sandbox.fake.state.rows["Contacts"][rid]
    assert (row["position"], row["cf_segment"]) == ("CFO", "Enterprise")
    with pytest.raises(errors.ValidationFailed) as caught:
        await pipeliner.update("contacts", rid, {"last_name": "", "email1": "not-an-email"})
    assert set(caught.value.field_errors) == {"last_name", "email1"}
    assert "null or empty" in caught.value.field_errors["last_name"]
    assert caught.value.vendor_code == "40000 ERROR_ENTITY_VALIDATION"
    assert "last_name:" in str(caught.value) and "(HTTP 422)" in str(caught.value)


@pytest.mark.parametrize("size", [2, 5, 25])
async def test_merge_takes_master_and_every_secondary_in_one_call(
    pipeliner, pipeliner_sandbox, size
):
    fake = pipeliner_sandbox.fake
    ids = contact_ids(pipeliner_sandbox, size, start=10)
    last = fake.state.rows["Contacts"][ids[-1]]
    picked = {"position": last["position"], "city": last["city"], "cf_segment": "SMB"}
    result = await pipeliner.merge("contacts", merge_step(ids[0], *ids[1:], **picked))
    assert result.state.value == "applied"
    assert [(c.master, c.secondaries) for c in fake.merge_log] == [(ids[0], tuple(ids[1:]))]
    survivor = await pipeliner.get_record("contacts", ids[0])
    assert {k: survivor.fields[k] for k in picked} == picked
    assert [await pipeliner.get_record("contacts", i) for i in ids[1:]] == [None] * (size - 1)


async def test_files_of_secondaries_follow_the_master(pipeliner, pipeliner_sandbox):
    state = pipeliner_sandbox.fake.state
    with_files = [r["contact_id"] for r in state.relations.values() if r["contact_id"]]
    master = next(i for i in state.order["Contacts"] if i not in with_files)
    secondary = with_files[0]
    before = {a.id for a in await pipeliner.attachments("contacts", secondary)}
    await pipeliner.merge("contacts", merge_step(master, secondary))
    assert before and before <= {a.id for a in await pipeliner.attachments("contacts", master)}


@pytest.mark.parametrize(("options", "words"), [
    ({"tier": "starter"}, "Starter plan"),
    ({"delete_rights": False}, "right to delete"),
])
async def test_a_refused_merge_says_tier_delete_rights_and_ownership(
    start_pipeliner, options, words
):
    served = start_pipeliner(**options)
    provider = provider_for(served)
    a, b = contact_ids(served, 2)
    with pytest.raises(errors.PermissionDenied) as caught:
        await provider.merge("contacts", merge_step(a, b))
    await provider.aclose()
    text = str(caught.value)
    assert words in text and "Business or Enterprise tier" in text and "ownership" in text
    assert served.fake.merge_log == []


async def test_merging_away_a_record_someone_else_owns_is_refused(pipeliner, pipeliner_sandbox):
    a, b = contact_ids(pipeliner_sandbox, 2)
    pipeliner_sandbox.fake.state.rows["Contacts"][b]["owner_id"] = "someone-else"
    with pytest.raises(errors.PermissionDenied, match="Only the owner"):
        await pipeliner.merge("contacts", merge_step(a, b))


async def test_a_read_only_field_in_the_master_body_fails_per_field(pipeliner, pipeliner_sandbox):
    a, b = contact_ids(pipeliner_sandbox, 2)
    with pytest.raises(errors.ValidationFailed) as caught:
        await pipeliner.merge("contacts", merge_step(a, b, cf_customer_no="X-1"))
    assert "read-only" in caught.value.field_errors["cf_customer_no"]
    assert pipeliner_sandbox.fake.merge_log == []


async def test_wrong_secret_is_an_auth_error_that_says_where_keys_come_from(pipeliner_sandbox):
    settings = ConnectionSettings(
        provider="pipeliner", base_url=pipeliner_sandbox.base_url,
        credentials={"key": pipeliner_sandbox.fake.key, "secret": "not-the-secret"})
    provider = PipelinerProvider(settings)
    with pytest.raises(errors.AuthError, match="refused the API key and secret"):
        await provider.check_auth()
    await provider.aclose()


@pytest.mark.parametrize(("url", "words"), [
    ("https://eu-west.api.pipelinersales.com/api/v100/rest/spaces/s1", "unknown Pipeliner region"),
    ("https://eu-central.api.pipelinersales.com/api/v100/rest", "/rest/spaces/<space id>"),
])
def test_a_base_url_that_cannot_be_a_space_is_refused_before_any_call(url, words):
    settings = ConnectionSettings(provider="pipeliner", base_url=url,
                                  credentials={"key": "k" * 8, "secret": "s" * 8})
    with pytest.raises(errors.ConfigError, match=words):
        PipelinerProvider(settings)


async def test_missing_secret_is_named_before_any_call():
    settings = ConnectionSettings(provider="pipeliner",
                                  base_url="http://127.0.0.1:9/api/v100/rest/spaces/s1",
                                  credentials={"key": "k" * 8})
    with pytest.raises(errors.ConfigError, match="MERGEDESK_PIPELINER_SECRET"):
        PipelinerProvider(settings)


async def test_a_wrong_space_id_is_a_config_error_not_a_missing_record(pipeliner_sandbox):
    settings = pipeliner_sandbox.settings("pipeliner").model_copy(
        update={"base_url": pipeliner_sandbox.base_url.replace("sandbox_space_1", "other")})
    provider = PipelinerProvider(settings)
    with pytest.raises(errors.ConfigError, match="check the service URL and space id"):
        await provider.get_record("contacts", pipeliner_sandbox.fake.record_id(0))
    await provider.aclose()


async def test_invalid_parameter_and_unknown_type_keep_pipeliners_code(pipeliner):
    transport = pipeliner._transport
    invalid = r"at most 100\. \[117 ERROR_PARAMETER_INVALID\]"
    with pytest.raises(errors.ValidationFailed, match=invalid):
        await transport.get_json("entities/Contacts", params={"first": 500})
    with pytest.raises(errors.NotFound) as caught:
        await transport.get_json("entities/Contact")
    assert caught.value.vendor_code == "2006 ERROR_UNKNOWN_TYPE"


async def test_429_with_retry_after_is_waited_out_and_the_listing_completes(start_pipeliner):
    served = start_pipeliner(records=450, rate_limit=(3, 60.0))
    waits: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        waits.append(seconds)
        served.fake.app.app.limiter.reset()  # the window has passed

    provider = provider_for(served, sleep=fake_sleep)
    records = [r async for page in provider.list_records("contacts") for r in page.records]
    await provider.aclose()
    assert len(records) == 450 and waits and all(w >= 1 for w in waits)


async def test_dropped_merge_answer_is_outcome_unknown_and_not_resent(pipeliner, pipeliner_sandbox):
    fake = pipeliner_sandbox.fake
    a, b = contact_ids(pipeliner_sandbox, 2)
    fake.faults.add(Fault(FaultKind.DROP_AFTER_APPLY, method="POST", path="/merge$"))
    with pytest.raises(errors.OutcomeUnknown):
        await pipeliner.merge("contacts", merge_step(a, b))
    assert len(fake.merge_log) == 1 and fake.requests["POST /entities/{entity}/merge"] == 1


async def test_a_5xx_on_merge_is_outcome_unknown_and_a_5xx_on_read_is_retried(
    pipeliner, pipeliner_sandbox
):
    fake = pipeliner_sandbox.fake
    a, b = contact_ids(pipeliner_sandbox, 2)
    fake.faults.add(Fault(FaultKind.STATUS, status=503, method="GET", path="/Contacts/"))
    assert await pipeliner.get_record("contacts", a) is not None
    fake.faults.add(Fault(FaultKind.HTML_ERROR, method="POST", path="/merge$"))
    with pytest.raises(errors.OutcomeUnknown):
        await pipeliner.merge("contacts", merge_step(a, b))


@pytest.mark.parametrize("kind", [FaultKind.WRONG_SHAPE, FaultKind.MALFORMED_JSON])
async def test_wrong_shaped_or_malformed_listing_is_a_bad_response(pipeliner, pipeliner_sandbox,
                                                                    kind):
    pipeliner_sandbox.fake.faults.add(Fault(kind, method="GET", path="/entities/Contacts$"))
    with pytest.raises(errors.BadResponse):
        [page async for page in pipeliner.list_records("contacts")]


async def test_read_timeout_is_retried_for_reads(pipeliner_sandbox):
    pipeliner_sandbox.fake.faults.add(Fault(FaultKind.SLOW, method="GET", path="/Contacts/",
                                            delay=1.0))
    provider = provider_for(pipeliner_sandbox, timeout=httpx.Timeout(5.0, read=0.3))
    assert await provider.get_record("contacts", pipeliner_sandbox.fake.record_id(1))
    await provider.aclose()


async def test_accounts_page_read_and_merge_like_contacts(pipeliner, pipeliner_sandbox):
    state = pipeliner_sandbox.fake.state
    listed = [r async for page in pipeliner.list_records("accounts") for r in page.records]
    assert {r.id for r in listed} == set(state.order["Accounts"]) and "name" in listed[0].fields
    a, b = state.order["Accounts"][:2]
    await pipeliner.merge("accounts", merge_step(a, b, home_page="https://example.org"))
    survivor = await pipeliner.get_record("accounts", a)
    assert survivor.fields["home_page"] == "https://example.org"
    assert await pipeliner.get_record("accounts", b) is None
    with pytest.raises(errors.ConfigError, match="not 'leads'"):
        await pipeliner.field_defs("leads")

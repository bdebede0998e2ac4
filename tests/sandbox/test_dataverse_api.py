"""The Dataverse fake's own protocol rules, spoken to with plain httpx: Entra discovery
and tokens, OData paging, If-Match, the Merge action and service protection."""

from __future__ import annotations

from urllib.parse import unquote

import httpx
import pytest

from mergedesk.sandbox.dataverse import DataverseFake
from mergedesk.sandbox.server import SandboxServer

ODATA = {"OData-MaxVersion": "4.0", "OData-Version": "4.0", "Accept": "application/json"}


def _token(fake: DataverseFake, root: str) -> str:
    answer = httpx.post(f"{root}/{fake.tenant_id}/oauth2/v2.0/token", data={
        "grant_type": "client_credentials", "client_id": fake.entra.client_id,
        "client_secret": fake.entra.client_secret, "scope": f"{root}/.default"})
    return answer.json()["access_token"]


@pytest.fixture
def dataverse():
    fake = DataverseFake(seed_value=3, records=130, notes_share=0.0)
    with SandboxServer.for_fake(fake) as server:
        headers = {**ODATA, "Authorization": f"Bearer {_token(fake, server.root_url)}"}
        with httpx.Client(base_url=server.base_url, headers=headers, timeout=10) as client:
            yield fake, client, server.root_url


def test_discovery_advertises_https_endpoints_like_entra(dataverse):
    fake, _, root = dataverse
    config = httpx.get(f"{root}/{fake.tenant_id}/v2.0/.well-known/openid-configuration").json()
    assert config["token_endpoint"].startswith("https://127.0.0.1:")
    bad = httpx.post(f"{root}/{fake.tenant_id}/oauth2/v2.0/token", data={
        "grant_type": "client_credentials", "client_id": fake.entra.client_id,
        "client_secret": "wrong", "scope": f"{root}/.default"})
    assert bad.status_code == 401 and "AADSTS7000215" in bad.json()["error_description"]


def test_no_token_is_401_with_www_authenticate(dataverse):
    _, client, _ = dataverse
    answer = client.get("/WhoAmI", headers={"Authorization": ""})
    assert answer.status_code == 401 and "Bearer" in answer.headers["WWW-Authenticate"]


def test_maxpagesize_pages_follow_next_links_to_the_end(dataverse):
    fake, client, _ = dataverse
    prefer = {"Prefer": "odata.maxpagesize=50"}
    page = client.get("/contacts", params={"$select": "lastname"}, headers=prefer)
    seen = [r["contactid"] for r in page.json()["value"]]
    assert page.headers["Preference-Applied"] == "odata.maxpagesize=50"
    while "@odata.nextLink" in page.json():
        page = client.get(page.json()["@odata.nextLink"], headers=prefer)
        seen += [r["contactid"] for r in page.json()["value"]]
    assert sorted(seen) == sorted(fake.rows())


def test_next_link_carries_a_paging_cookie_after_the_last_key(dataverse):
    """As Dataverse: $skiptoken is `<cookie pagenumber=… pagingcookie=…>` naming the
    page's last key; a page resumes after it, so rows a merge deactivates between two
    pages of `statecode eq 0` shift nothing and none is skipped."""
    fake, client, _ = dataverse
    prefer = {"Prefer": "odata.maxpagesize=50"}
    query = {"$select": "lastname", "$filter": "statecode eq 0"}
    first = client.get("/contacts", params=query, headers=prefer).json()
    link = httpx.URL(first["@odata.nextLink"])
    token = link.params["$skiptoken"]
    last = first["value"][-1]["contactid"]
    assert token.startswith('<cookie pagenumber="2" pagingcookie="')
    assert f'<contactid last="{{{last.upper()}}}"' in unquote(unquote(token))
    for row in first["value"][:10]:  # merged away while the scan reads on
        fake.rows()[row["contactid"]]["statecode"] = 1
    second = client.get(first["@odata.nextLink"], headers=prefer).json()
    ids = sorted(fake.rows())
    assert [r["contactid"] for r in second["value"]] == ids[50:100]
    assert 'pagenumber="3"' in httpx.URL(second["@odata.nextLink"]).params["$skiptoken"]


def test_a_skiptoken_it_did_not_write_is_refused(dataverse):
    _, client, _ = dataverse
    answer = client.get("/contacts", params={"$skiptoken": "50"})
    assert answer.status_code == 400 and answer.json()["error"]["code"] == "0x80060888"


def test_patch_with_if_match_never_creates_a_row(dataverse):
    fake, client, _ = dataverse
    missing = "00000000-0000-0000-0000-0000000000aa"
    answer = client.patch(f"/contacts({missing})", json={"jobtitle": "x"},
                          headers={"If-Match": "*"})
    assert answer.status_code == 404 and answer.json()["error"]["code"] == "0x80040217"
    assert missing not in fake.rows()


def test_merge_needs_odata_types_and_deactivates_the_subordinate(dataverse):
    fake, client, _ = dataverse
    target, sub = fake.record_id(1), fake.record_id(2)
    untyped = {"Target": {"contactid": target}, "Subordinate": {"contactid": sub},
               "PerformParentingChecks": False}
    assert client.post("/Merge", json=untyped).status_code == 400
    kind = "Microsoft.Dynamics.CRM.contact"
    typed = {"Target": {"contactid": target, "@odata.type": kind},
             "Subordinate": {"contactid": sub, "@odata.type": kind},
             "UpdateContent": {"jobtitle": "Boss", "@odata.type": kind},
             "PerformParentingChecks": False}
    assert client.post("/Merge", json=typed).status_code == 204
    row = client.get(f"/contacts({sub})").json()
    assert row["statecode"] == 1 and row["merged"] is True and row["_masterid_value"] == target
    again = client.post("/Merge", json=typed)
    assert "is deactive" in again.json()["error"]["message"]


def test_service_protection_answers_429_with_retry_after():
    fake = DataverseFake(seed_value=3, records=10, requests_per_window=5, window=30.0)
    with SandboxServer.for_fake(fake) as server:
        headers = {**ODATA, "Authorization": f"Bearer {_token(fake, server.root_url)}"}
        with httpx.Client(base_url=server.base_url, headers=headers) as client:
            answers = [client.get("/WhoAmI") for _ in range(6)]
    refused = answers[-1]
    assert [a.status_code for a in answers[:5]] == [200] * 5 and refused.status_code == 429
    assert refused.json()["error"]["code"] == "0x80072322"
    assert 1 <= int(refused.headers["Retry-After"]) <= 30

"""Which providers exist, how each is built, and which credentials it takes. No Qt.

A provider's client is named by its import path and imported only when one is created:
the GUI lists the CRMs (names, credentials) before its window shows, without loading
httpx, pydantic models and the mapping code of five clients."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mergedesk.providers.base import ConnectionSettings, Provider


@dataclass(frozen=True)
class ProviderSpec:
    name: str
    display_name: str
    factory: str  # "module:Class", called as Class(settings, **transport_options)
    credential_names: tuple[str, ...]  # read from MERGEDESK_<PROVIDER>_<NAME> or the keyring
    base_url_example: str

    def env_var(self, credential: str) -> str:
        return f"MERGEDESK_{self.name.upper()}_{credential.upper()}"

    def create(self, settings: ConnectionSettings, **transport_options) -> Provider:
        module, _, attribute = self.factory.partition(":")
        provider_class = getattr(importlib.import_module(module), attribute)
        return provider_class(settings, **transport_options)


PROVIDERS: dict[str, ProviderSpec] = {
    "chatwoot": ProviderSpec(
        "chatwoot", "Chatwoot",
        "mergedesk.providers.chatwoot.client:ChatwootProvider", ("token",),
        "https://chat.example.com/api/v1/accounts/3",
    ),
    "zoho": ProviderSpec(
        "zoho", "Zoho CRM", "mergedesk.providers.zoho.client:ZohoProvider",
        ("client_id", "client_secret", "refresh_token", "accounts_url"),
        "https://www.zohoapis.com/crm/v8",
    ),
    "dataverse": ProviderSpec(
        "dataverse", "Dataverse", "mergedesk.providers.dataverse.client:DataverseProvider",
        ("token", "tenant_id", "client_id", "client_secret"),
        "https://org.api.crm.dynamics.com/api/data/v9.2",
    ),
    "pipeliner": ProviderSpec(
        "pipeliner", "Pipeliner CRM",
        "mergedesk.providers.pipeliner.client:PipelinerProvider", ("key", "secret"),
        "https://us-east.api.pipelinersales.com/api/v100/rest/spaces/SPACE",
    ),
    "leadlex": ProviderSpec(
        "leadlex", "LeadLex",
        "mergedesk.providers.leadlex.client:LeadLexProvider", ("api_key",),
        "https://data.leadlex.com/functions/v1/api-gateway",
    ),
}


def spec(name: str) -> ProviderSpec:
    try:
        return PROVIDERS[name]
    except KeyError:
        known = ", ".join(sorted(PROVIDERS))
        raise KeyError(f"unknown provider {name!r} (known: {known})") from None


def create(settings: ConnectionSettings, **transport_options) -> Provider:
    return spec(settings.provider).create(settings, **transport_options)

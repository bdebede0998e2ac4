"""Which providers exist, how each is built, and which credentials it takes. No Qt."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from mergedesk.providers.base import ConnectionSettings, Provider


@dataclass(frozen=True)
class ProviderSpec:
    name: str
    display_name: str
    factory: Callable[..., Provider]
    credential_names: tuple[str, ...]  # read from MERGEDESK_<PROVIDER>_<NAME> or the keyring
    base_url_example: str

    def env_var(self, credential: str) -> str:
        return f"MERGEDESK_{self.name.upper()}_{credential.upper()}"


def _chatwoot(settings: ConnectionSettings, **kw) -> Provider:
    from mergedesk.providers.chatwoot import ChatwootProvider

    return ChatwootProvider(settings, **kw)


def _zoho(settings: ConnectionSettings, **kw) -> Provider:
    from mergedesk.providers.zoho import ZohoProvider

    return ZohoProvider(settings, **kw)


def _pipeliner(settings: ConnectionSettings, **kw) -> Provider:
    from mergedesk.providers.pipeliner import PipelinerProvider

    return PipelinerProvider(settings, **kw)


def _leadlex(settings: ConnectionSettings, **kw) -> Provider:
    from mergedesk.providers.leadlex import LeadLexProvider

    return LeadLexProvider(settings, **kw)


def _dataverse(settings: ConnectionSettings, **kw) -> Provider:
    from mergedesk.providers.dataverse import DataverseProvider

    return DataverseProvider(settings, **kw)


PROVIDERS: dict[str, ProviderSpec] = {
    "chatwoot": ProviderSpec(
        "chatwoot", "Chatwoot", _chatwoot, ("token",),
        "https://chat.example.com/api/v1/accounts/3",
    ),
    "zoho": ProviderSpec(
        "zoho", "Zoho CRM", _zoho,
        ("client_id", "client_secret", "refresh_token", "accounts_url"),
        "https://www.zohoapis.com/crm/v8",
    ),
    "dataverse": ProviderSpec(
        "dataverse", "Dataverse", _dataverse,
        ("token", "tenant_id", "client_id", "client_secret"),
        "https://org.api.crm.dynamics.com/api/data/v9.2",
    ),
    "pipeliner": ProviderSpec(
        "pipeliner", "Pipeliner CRM", _pipeliner, ("key", "secret"),
        "https://us-east.api.pipelinersales.com/api/v100/rest/spaces/SPACE",
    ),
    "leadlex": ProviderSpec(
        "leadlex", "LeadLex", _leadlex, ("api_key",),
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
    return spec(settings.provider).factory(settings, **transport_options)

"""What the connection dialog asks for each CRM: its regions or data centres, the parts
of its API address (account, space, organisation), its credentials (which are secret),
and how a base URL is built from them. Words use the context "ConnectDialog"."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from mergedesk.core.models import ENTITIES
from mergedesk.providers.pipeliner.auth import REGIONS as PIPELINER_REGIONS
from mergedesk.providers.zoho.auth import DATA_CENTRES


def _t(text: str) -> str:
    return QCoreApplication.translate("ConnectDialog", text)


@dataclass(frozen=True)
class Secret:
    name: str  # registry credential name
    label: Callable[[], str]
    secret: bool = True
    hint: Callable[[], str] = lambda: ""


@dataclass(frozen=True)
class ProviderForm:
    provider: str
    regions: tuple[tuple[str, str], ...]  # (code, name) choices; empty: none to choose
    region_label: Callable[[], str]
    tenant_label: Callable[[], str]  # "" when the address has no tenant part
    build_url: Callable[[str, str], str]  # (region, tenant) -> base URL
    secrets: tuple[Secret, ...]
    sign_in: str = ""  # "zoho" / "dataverse": the dialog offers a browser sign-in

    def entities(self) -> list[str]:
        """The entities this CRM can merge: the canonical ones first, in the usual order."""
        caps = importlib.import_module(f"mergedesk.providers.{self.provider}").CAPABILITIES
        return ([e for e in ENTITIES if e in caps.mergeable]
                + sorted(set(caps.mergeable) - set(ENTITIES)))


# Names are marked for lupdate here and translated where the dialog shows them (_t).
_ZOHO_NAMES = {
    "com": QT_TRANSLATE_NOOP("ConnectDialog", "United States"),
    "eu": QT_TRANSLATE_NOOP("ConnectDialog", "Europe"),
    "in": QT_TRANSLATE_NOOP("ConnectDialog", "India"),
    "com.au": QT_TRANSLATE_NOOP("ConnectDialog", "Australia"),
    "com.cn": QT_TRANSLATE_NOOP("ConnectDialog", "China"),
    "jp": QT_TRANSLATE_NOOP("ConnectDialog", "Japan"),
    "ca": QT_TRANSLATE_NOOP("ConnectDialog", "Canada"),
    "sa": QT_TRANSLATE_NOOP("ConnectDialog", "Saudi Arabia"),
}
# Dataverse regions by the host's crmN label (learn.microsoft.com "Datacenter regions").
_DATAVERSE_REGIONS = (
    ("crm", QT_TRANSLATE_NOOP("ConnectDialog", "North America")),
    ("crm2", QT_TRANSLATE_NOOP("ConnectDialog", "South America")),
    ("crm3", QT_TRANSLATE_NOOP("ConnectDialog", "Canada")),
    ("crm4", QT_TRANSLATE_NOOP("ConnectDialog", "Europe")),
    ("crm5", QT_TRANSLATE_NOOP("ConnectDialog", "Asia Pacific")),
    ("crm6", QT_TRANSLATE_NOOP("ConnectDialog", "Australia")),
    ("crm7", QT_TRANSLATE_NOOP("ConnectDialog", "Japan")),
    ("crm8", QT_TRANSLATE_NOOP("ConnectDialog", "India")),
    ("crm11", QT_TRANSLATE_NOOP("ConnectDialog", "United Kingdom")),
    ("crm12", QT_TRANSLATE_NOOP("ConnectDialog", "France")),
    ("crm16", QT_TRANSLATE_NOOP("ConnectDialog", "Germany")),
    ("crm17", QT_TRANSLATE_NOOP("ConnectDialog", "Switzerland")),
    ("crm15", QT_TRANSLATE_NOOP("ConnectDialog", "United Arab Emirates")),
)


def _chatwoot_url(region: str, tenant: str) -> str:
    return f"https://app.chatwoot.com/api/v1/accounts/{tenant or 'ACCOUNT'}"


def _zoho_url(region: str, tenant: str) -> str:
    centre = DATA_CENTRES.get(region or "com", DATA_CENTRES["com"])
    return f"{centre.api_domain}/crm/v8"


def _dataverse_url(region: str, tenant: str) -> str:
    return f"https://{tenant or 'ORG'}.api.{region or 'crm'}.dynamics.com/api/data/v9.2"


def _pipeliner_url(region: str, tenant: str) -> str:
    return (f"https://{region or 'us-east'}.api.pipelinersales.com/api/v100/rest/spaces/"
            f"{tenant or 'SPACE'}")


def _leadlex_url(region: str, tenant: str) -> str:
    return "https://data.leadlex.com/functions/v1/api-gateway"


FORMS: dict[str, ProviderForm] = {
    "chatwoot": ProviderForm(
        "chatwoot", (), lambda: "", lambda: _t("Account id"), _chatwoot_url,
        (Secret("token", lambda: _t("Access token"),
                hint=lambda: _t("Profile settings → Access token")),)),
    "zoho": ProviderForm(
        "zoho", tuple((c, _ZOHO_NAMES.get(c, c)) for c in DATA_CENTRES),
        lambda: _t("Data centre"), lambda: "", _zoho_url,
        (Secret("client_id", lambda: _t("Client id"), secret=False),
         Secret("client_secret", lambda: _t("Client secret")),
         Secret("refresh_token", lambda: _t("Refresh token"),
                hint=lambda: _t("Filled in by Sign in with Zoho")),
         Secret("accounts_url", lambda: _t("Accounts server"), secret=False,
                hint=lambda: _t("Empty: the data centre's own")),),
        sign_in="zoho"),
    "dataverse": ProviderForm(
        "dataverse", _DATAVERSE_REGIONS, lambda: _t("Region"),
        lambda: _t("Environment (org name)"), _dataverse_url,
        (Secret("tenant_id", lambda: _t("Tenant id"), secret=False),
         Secret("client_id", lambda: _t("Application (client) id"), secret=False),
         Secret("client_secret", lambda: _t("Client secret"),
                hint=lambda: _t("Only for a service principal; empty to sign in as you")),
         Secret("token", lambda: _t("Bearer token"),
                hint=lambda: _t("Optional: a token you got elsewhere")),),
        sign_in="dataverse"),
    "pipeliner": ProviderForm(
        "pipeliner", tuple((r, r) for r in PIPELINER_REGIONS), lambda: _t("Region"),
        lambda: _t("Space id"), _pipeliner_url,
        (Secret("key", lambda: _t("API key"), secret=False),
         Secret("secret", lambda: _t("API secret")),)),
    "leadlex": ProviderForm(
        "leadlex", (), lambda: "", lambda: "", _leadlex_url,
        (Secret("api_key", lambda: _t("Workspace API key")),)),
}

"""Microsoft Dataverse (Dynamics 365): msal sign-in, OData paging, and the Merge action,
one subordinate per call, the subordinate deactivated rather than deleted.

The names below load on first use (mergedesk.providers.lazy_exports)."""

from typing import TYPE_CHECKING

from mergedesk.providers import lazy_exports

if TYPE_CHECKING:
    from mergedesk.providers.dataverse.client import CAPABILITIES, DataverseProvider

__all__ = ["CAPABILITIES", "DataverseProvider"]
__getattr__ = lazy_exports(__name__, dict.fromkeys(__all__, "client"))

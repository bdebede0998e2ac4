"""Microsoft Dataverse (Dynamics 365): msal sign-in, OData paging, and the Merge action,
one subordinate per call, the subordinate deactivated rather than deleted."""

from mergedesk.providers.dataverse.client import CAPABILITIES, DataverseProvider

__all__ = ["CAPABILITIES", "DataverseProvider"]

"""Pipeliner CRM: Accounts and Contacts of one space, merged master + secondaries in one call.

The names below load on first use (mergedesk.providers.lazy_exports)."""

from typing import TYPE_CHECKING

from mergedesk.providers import lazy_exports

if TYPE_CHECKING:
    from mergedesk.providers.pipeliner.client import CAPABILITIES, PipelinerProvider

__all__ = ["CAPABILITIES", "PipelinerProvider"]
__getattr__ = lazy_exports(__name__, dict.fromkeys(__all__, "client"))

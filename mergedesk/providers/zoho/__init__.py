"""Zoho CRM v8: OAuth sign-in per data centre, modules listed by field batches, and
merges of a master with up to two children per call, chained for larger groups.

The names below load on first use (mergedesk.providers.lazy_exports)."""

from typing import TYPE_CHECKING

from mergedesk.providers import lazy_exports

if TYPE_CHECKING:
    from mergedesk.providers.zoho.client import CAPABILITIES, ZohoProvider

__all__ = ["CAPABILITIES", "ZohoProvider"]
__getattr__ = lazy_exports(__name__, dict.fromkeys(__all__, "client"))

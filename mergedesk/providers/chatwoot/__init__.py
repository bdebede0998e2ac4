"""Chatwoot: contacts of one account, merged pairwise through actions/contact_merge.

The names below load on first use (mergedesk.providers.lazy_exports)."""

from typing import TYPE_CHECKING

from mergedesk.providers import lazy_exports

if TYPE_CHECKING:
    from mergedesk.providers.chatwoot.client import CAPABILITIES, ChatwootProvider

__all__ = ["CAPABILITIES", "ChatwootProvider"]
__getattr__ = lazy_exports(__name__, dict.fromkeys(__all__, "client"))

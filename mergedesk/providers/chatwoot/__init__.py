"""Chatwoot: contacts of one account, merged pairwise through actions/contact_merge."""

from mergedesk.providers.chatwoot.client import CAPABILITIES, ChatwootProvider

__all__ = ["CAPABILITIES", "ChatwootProvider"]

"""Pipeliner CRM: Accounts and Contacts of one space, merged master + secondaries in one call."""

from mergedesk.providers.pipeliner.client import CAPABILITIES, PipelinerProvider

__all__ = ["CAPABILITIES", "PipelinerProvider"]

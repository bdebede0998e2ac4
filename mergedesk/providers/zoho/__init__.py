"""Zoho CRM v8: OAuth sign-in per data centre, modules listed by field batches, and
merges of a master with up to two children per call, chained for larger groups."""

from mergedesk.providers.zoho.client import CAPABILITIES, ZohoProvider

__all__ = ["CAPABILITIES", "ZohoProvider"]

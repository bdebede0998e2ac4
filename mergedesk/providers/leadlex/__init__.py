"""LeadLex: contacts of one workspace, merged up to 20 duplicates per call with an
Idempotency-Key, fill-only or overwrite."""

from mergedesk.providers.leadlex.client import CAPABILITIES, LeadLexProvider
from mergedesk.providers.leadlex.pacing import LeadLexPacer, RateBudget

__all__ = ["CAPABILITIES", "LeadLexPacer", "LeadLexProvider", "RateBudget"]

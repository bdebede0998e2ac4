"""LeadLex: contacts of one workspace, merged up to 20 duplicates per call with an
Idempotency-Key, fill-only or overwrite.

The names below load on first use (mergedesk.providers.lazy_exports)."""

from typing import TYPE_CHECKING

from mergedesk.providers import lazy_exports

if TYPE_CHECKING:
    from mergedesk.providers.leadlex.client import CAPABILITIES, LeadLexProvider
    from mergedesk.providers.leadlex.pacing import LeadLexPacer, RateBudget

__all__ = ["CAPABILITIES", "LeadLexPacer", "LeadLexProvider", "RateBudget"]
__getattr__ = lazy_exports(__name__, {
    "CAPABILITIES": "client", "LeadLexProvider": "client",
    "LeadLexPacer": "pacing", "RateBudget": "pacing",
})

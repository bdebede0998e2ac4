"""Whether a CRM's request budget for today can finish a batch of merges, checked before
the batch starts, so the user hears it up front instead of after half the merges. Only
providers that report a budget offer `budget()` (LeadLex, from X-RateLimit-*); for the
others the check answers None. No Qt."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from mergedesk.core.capabilities import Capabilities
from mergedesk.core.plan import GroupMerge
from mergedesk.providers.base import Provider


@dataclass(frozen=True)
class BudgetCheck:
    """What a batch needs against what the CRM still allows until `reset_at`."""

    crm: str
    merges: int
    requests: int  # the batch's calls at most
    remaining: int | None
    reset_at: datetime | None
    fits: int  # merges, in plan order, that the remaining budget covers

    @property
    def enough(self) -> bool:
        return self.fits == self.merges

    def message(self) -> str:
        left = "an unknown number of" if self.remaining is None else str(self.remaining)
        text = f"This batch needs up to {self.requests} {self.crm} requests; {left} are left"
        if self.reset_at is not None:
            text += f" until {self.reset_at:%H:%M} UTC"
        if self.enough:
            return text + "."
        return (f"{text}: only {self.fits} of {self.merges} merges can run now; the rest "
                "would stop at the limit. Run the rest after the reset, or split the batch.")


def requests_for(merge: GroupMerge, caps: Capabilities) -> int:
    """ApplyService's calls for one merge, at most: a read of every record, an update
    before and after the merge calls, the merge calls, and the verifying reads."""
    reads = len(merge.record_ids)
    calls = math.ceil(len(merge.others) / caps.max_losers_per_call)
    return reads + 1 + calls + 1 + reads


async def check_budget(provider: Provider, merges: Sequence[GroupMerge]) -> BudgetCheck | None:
    """None when the provider reports no budget; otherwise how much of the batch fits."""
    budget_of: Any = getattr(provider, "budget", None)
    if not callable(budget_of):
        return None
    budget = await budget_of()
    caps = provider.capabilities
    needs = [requests_for(m, caps) for m in merges]
    fits, used = 0, 0
    for need in needs:
        if budget.remaining is not None and used + need > budget.remaining:
            break
        used, fits = used + need, fits + 1
    return BudgetCheck(crm=caps.display_name, merges=len(needs), requests=sum(needs),
                       remaining=budget.remaining, reset_at=budget.reset_at, fits=fits)

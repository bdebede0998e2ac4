"""Post-merge re-count of related items, shared by every path that settles a merge as
merged (ApplyService after its own calls or a reconciled lost answer, RecoveryService at
start-up): reads the survivor once, reports what the snapshots counted but the survivor
does not hold, and journals it with the merge so History can warn. It never changes the
merge's status (the merge itself stands) and sends nothing to the CRM. No Qt."""

from __future__ import annotations

from mergedesk.core.models import MergeOutcome
from mergedesk.core.preflight import missing_related
from mergedesk.providers import errors
from mergedesk.providers.base import Provider
from mergedesk.services.journal_io import OffLoopJournal
from mergedesk.store.journal import MergeEntry


async def recount_merge(provider: Provider, journal: OffLoopJournal, entry: MergeEntry,
                        outcome: MergeOutcome) -> MergeOutcome:
    """Related items the snapshots counted that the survivor does not hold now (after
    any async job finished): reported on the outcome and journalled with the merge
    (History shows it), the merge itself stands."""
    survivor = None
    try:
        survivor = await provider.get_record(entry.entity, entry.master)
    except errors.ProviderError as exc:  # the merge stands; only the re-count is missing
        outcome = outcome.model_copy(update={
            "message": f"related items not re-counted: {exc}"})
    lost = missing_related(entry.snapshots.values(), survivor) if survivor else []
    if lost:
        text = "; ".join(f.text() for f in lost)
        outcome = outcome.model_copy(update={"message": (
            f"{outcome.message}; " if outcome.message else "") + f"merged, but {text}"})
    await journal.note_recount(entry.id, survivor, outcome.message)
    return outcome

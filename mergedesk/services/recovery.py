"""Start-up and pre-apply recovery: every merge the journal still holds open (the app
died, an answer was lost) is settled by reading its CRM, connection by connection.
Nothing is re-sent blindly: a step whose outcome is unknown is only sent again once
reading the CRM proved it never took effect. A merge whose calls never started is
closed as "nothing changed", not started behind the user's back. No Qt."""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from mergedesk.core.models import MergeOutcome, MergeStatus
from mergedesk.providers import errors, registry
from mergedesk.providers.base import ConnectionSettings, Provider
from mergedesk.services.journal_io import OffLoopJournal
from mergedesk.services.journal_lock import journal_lock
from mergedesk.services.reconcile import Reconciler, StepRunner
from mergedesk.services.recount import recount_merge
from mergedesk.services.workspace import Workspace
from mergedesk.store.journal import MergeEntry, MergeState, StepState

log = logging.getLogger(__name__)
Sleep = Callable[[float], Awaitable[None]]
# Builds a provider for a journalled connection (provider name, base URL); may raise
# ProviderError (no credentials, refused URL) and may be a coroutine function.
Connector = Callable[[str, str], Provider | Awaitable[Provider]]


@dataclass(frozen=True)
class OpenConnection:
    provider: str
    base_url: str
    entity: str
    merges: tuple[int, ...]


class Unreachable(BaseModel):
    """A connection whose open merges could not be settled now; they stay open."""

    model_config = ConfigDict(frozen=True)

    provider: str
    base_url: str
    entity: str
    open_merges: tuple[int, ...]
    reason: str


class RecoveryReport(BaseModel):
    model_config = ConfigDict(frozen=True)

    outcomes: tuple[MergeOutcome, ...] = ()
    unreachable: tuple[Unreachable, ...] = ()

    @property
    def still_open(self) -> int:
        unknown = sum(1 for o in self.outcomes if o.status == MergeStatus.UNKNOWN)
        return unknown + sum(len(u.open_merges) for u in self.unreachable)


def default_connector(profile: str | None = None) -> Connector:
    """Credentials from the environment or the keyring profile, as the CLI uses them."""

    def connect(provider: str, base_url: str) -> Provider:
        from mergedesk.services import credentials  # the keyring: only when connecting

        try:
            spec = registry.spec(provider)
        except KeyError as exc:  # a journal written by a build that had this CRM
            raise errors.ConfigError(str(exc.args[0]), provider=provider) from None
        settings = ConnectionSettings(provider=spec.name, base_url=base_url,
                                      credentials=credentials.load(spec, profile))
        return registry.create(settings)

    return connect


class RecoveryService:
    """Settles open merges; the app calls settle_all() on launch, apply calls
    settle_connection() before sending anything new."""

    def __init__(self, workspace: Workspace, connect: Connector | None = None, *,
                 sleep: Sleep = asyncio.sleep):
        self._workspace = workspace
        self._connect = connect or default_connector()
        self._sleep = sleep

    def open_connections(self) -> list[OpenConnection]:
        """Open merges grouped by CRM tenant and entity, oldest connection first."""
        grouped: dict[tuple[str, str, str], list[int]] = {}
        for entry in self._workspace.journal.open_merges():
            key = (entry.provider, entry.base_url, entry.entity)
            grouped.setdefault(key, []).append(entry.id)
        return [OpenConnection(p, u, e, tuple(ids)) for (p, u, e), ids in grouped.items()]

    async def settle_all(self) -> RecoveryReport:
        """Raises JournalBusy (nothing read or sent) while another process holds the
        journal."""
        with journal_lock(self._workspace, "settle open merges"):
            return await self._settle_all()

    async def _settle_all(self) -> RecoveryReport:
        outcomes: list[MergeOutcome] = []
        unreachable: list[Unreachable] = []
        for conn in self.open_connections():
            try:
                provider = await self._provider(conn)
            except errors.ProviderError as exc:
                unreachable.append(_unreachable(conn, str(exc)))
                continue
            try:
                outcomes += await self.settle_connection(provider, conn.base_url, conn.entity)
            finally:
                await provider.aclose()
        return RecoveryReport(outcomes=tuple(outcomes), unreachable=tuple(unreachable))

    async def settle_connection(
        self, provider: Provider, base_url: str, entity: str
    ) -> list[MergeOutcome]:
        """Settle the open merges of one connection, oldest first, one at a time (a
        later merge may depend on an earlier one's survivor). Raises JournalBusy while
        another process holds the journal."""
        with journal_lock(self._workspace, "settle open merges"):
            return await self._settle_connection(provider, base_url, entity)

    async def _settle_connection(
        self, provider: Provider, base_url: str, entity: str
    ) -> list[MergeOutcome]:
        journal = self._workspace.journal
        runner = StepRunner(provider, entity, OffLoopJournal(journal), sleep=self._sleep)
        outcomes = []
        for entry in journal.open_merges():
            if (entry.provider, entry.base_url.rstrip("/"), entry.entity) != (
                provider.capabilities.provider, base_url.rstrip("/"), entity
            ):
                continue
            outcome = self._close_unstarted(entry) or await self._settle(runner, entry)
            log.info("recovery: merge #%s (%s) %s", entry.id, entry.group_id, outcome.status)
            outcomes.append(outcome)
        return outcomes

    async def _settle(self, runner: StepRunner, entry: MergeEntry) -> MergeOutcome:
        """Reconcile by reading; a merge settled as merged is re-counted like one applied
        now, so History warns about related items that did not arrive."""
        outcome = await Reconciler(runner).settle(entry)
        if outcome.status != MergeStatus.MERGED:
            return outcome
        return await recount_merge(runner.provider, runner.journal, entry, outcome)

    def _close_unstarted(self, entry: MergeEntry) -> MergeOutcome | None:
        """Every step still `intent`: the journal is written before each call, so no call
        was made. Close it as failed rather than start it now, unreviewed."""
        if any(item.state != StepState.INTENT for item in entry.steps):
            return None
        message = ("interrupted before any call was made; nothing changed in the CRM. "
                   "Apply the plan again to merge")
        self._workspace.journal.finish(entry.id, MergeState.FAILED, message)
        return MergeOutcome(group=entry.group_id, status=MergeStatus.FAILED,
                            master=entry.master, message=message, merge_id=entry.id)

    async def _provider(self, conn: OpenConnection) -> Provider:
        made = self._connect(conn.provider, conn.base_url)
        return await made if inspect.isawaitable(made) else made


def _unreachable(conn: OpenConnection, reason: str) -> Unreachable:
    return Unreachable(provider=conn.provider, base_url=conn.base_url, entity=conn.entity,
                       open_merges=conn.merges, reason=reason)

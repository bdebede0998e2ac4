"""ReviewFlow: the keyboard-first review loop. Loads the selected group's fresh records
into the compare view (with the picks made there before), carries out the decision
actions through the DecisionController, moves on to the next group to review, and keeps
every action enabled exactly when it can act."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QObject, Signal

from mergedesk.core.master import MasterRule
from mergedesk.core.review import GroupStatus
from mergedesk.providers import errors
from mergedesk.services.history import recount, summary
from mergedesk.services.workspace import Workspace
from mergedesk.store.group_query import GroupListing
from mergedesk.ui import messages
from mergedesk.ui.connection import Connection
from mergedesk.ui.models.compare import CompareModel
from mergedesk.ui.models.display import group_title, value_text
from mergedesk.ui.review.actions import ReviewActions
from mergedesk.ui.review.decisions import DecisionController
from mergedesk.ui.review.dry_run import dry_run
from mergedesk.ui.review.group_panel import GroupListPanel
from mergedesk.ui.review.loader import GroupLoader
from mergedesk.ui.review.review_panel import NOTES_TAB, ReviewPanel
from mergedesk.ui.review.team_claims import GroupClaims, Holder
from mergedesk.ui.tasks import TaskRunner

_BANNER_KIND = {GroupStatus.MERGED: "success", GroupStatus.FAILED: "error",
                GroupStatus.STALE: "warning", GroupStatus.UNKNOWN: "warning"}


class ReviewFlow(QObject):
    group_shown = Signal(str)  # the compare view shows fresh records of this group

    def __init__(self, workspace: Workspace, groups: GroupListPanel, review: ReviewPanel,
                 compare: CompareModel, decisions: DecisionController,
                 actions: ReviewActions, tasks: TaskRunner, parent: QObject | None = None,
                 *, claims: GroupClaims | None = None):
        super().__init__(parent)
        self._workspace = workspace
        self._claims = claims or GroupClaims(workspace, tasks, self)
        self._groups, self._review, self._compare = groups, review, compare
        self._decisions, self._actions, self._tasks = decisions, actions, tasks
        self._connection: Connection | None = None
        self._loader: GroupLoader | None = None
        self._load_task: asyncio.Task[None] | None = None
        self._outcomes: dict[str, tuple[str, str]] = {}  # last merge banner (text, kind)
        self.rule = MasterRule.MOST_COMPLETE
        a = actions
        a.merge.triggered.connect(self.merge)
        a.not_duplicates.triggered.connect(self.not_duplicates)
        a.skip.triggered.connect(self.skip)
        a.split.triggered.connect(self.split)
        a.master.triggered.connect(lambda: review.compare_view.make_current_master())
        a.edit_value.triggered.connect(self._edit_value)
        a.dry_run.triggered.connect(self._on_dry_run_triggered)
        a.next_group.triggered.connect(self._on_next_group_triggered)
        a.previous_group.triggered.connect(lambda: groups.select_relative(-1))
        for number, action in enumerate(a.picks, start=1):
            action.triggered.connect(lambda _c=False, n=number: self._pick(n))
        groups.group_selected.connect(self._on_groups_group_selected)
        decisions.status_changed.connect(self._on_decisions_status_changed)
        decisions.merge_finished.connect(self._on_decisions_merge_finished)
        decisions.group_replaced.connect(self._on_decisions_group_replaced)
        decisions.show_group.connect(self._on_decisions_show_group)
        compare.choices_changed.connect(self.update_actions)
        self._claims.lost.connect(self._on_claims_lost)
        self.update_actions()

    def set_connection(self, connection: Connection | None) -> None:
        self._connection = connection
        self._claims.set_connection(connection.key if connection else "")
        self._loader = GroupLoader(connection.provider, connection.entity) if connection \
            else None
        self._outcomes.clear()
        self._compare.clear()
        self._review.show_placeholder()
        self.update_actions()

    # Loading the selected group
    def _on_groups_group_selected(self, group_id: str) -> None:
        if self._load_task is not None and not self._load_task.done():
            self._load_task.cancel()
        listing = self._groups.current_listing()
        if not group_id or listing is None or self._loader is None:
            self._compare.clear()
            self._review.show_placeholder()
            self.update_actions()
            return
        self._review.show_loading(listing, self._status(listing))
        self._load_task = self._tasks.start("load", self._load(listing))
        self.update_actions()

    async def _load(self, listing: GroupListing) -> None:
        assert self._loader is not None and self._connection is not None
        reader = self._groups.reader  # its own connection: never waits for a scan's writes
        found = reader.group(self._connection.key, listing.id) if reader else None
        if found is None:
            self._review.show_error(self.tr("This group is no longer in the list."))
            return
        group = found[0]
        # Team workspace: hold the group before reading it (another reviewer may have it).
        holder = await self._claims.acquire(listing.id)
        self.update_actions()
        loaded = await self._loader.load(group)
        if len(loaded.records) < 2:
            self._compare.clear()
            self._review.show_error(self.tr(
                "Fewer than two records of this group are left in {crm}: nothing to merge."
            ).format(crm=self._connection.crm))
            return
        self._compare.set_group(listing.id, loaded.records, loaded.fields,
                                self._connection.provider.capabilities, rule=self.rule,
                                state=self._decisions.remembered(listing.id))
        self._review.show_group(listing, group, self._status(listing), loaded.missing)
        self._show_outcome(listing.id)
        if holder is not None:
            self._review.set_banner(self._held_text(holder), "warning")
        self.update_actions()
        self.group_shown.emit(listing.id)

    def reload(self) -> None:
        """Read the current group again (e.g. the default-master rule changed)."""
        self._on_groups_group_selected(self._groups.current_group_id())

    def on_load_failed(self, exc: BaseException) -> None:
        self._review.show_error(self.tr("Could not read this group: {error}").format(
            error=messages.error_text(exc)))
        self.update_actions()

    # Decisions
    def merge(self) -> None:
        listing = self._review.listing
        if listing is None or not self._can_merge(listing) or not self._review.confirm_merge():
            return  # confirm_merge says what to decide first
        if not self._claims.may_decide(listing.id):
            self._lost(listing.id)
            return
        merge = self._compare.to_group_merge(listing.id)
        self._claims.merging(listing.id)  # held until the merge ends
        self._decisions.merge(listing.id, self._title(listing), merge, self._status(listing))
        self._next(listing.id)

    def not_duplicates(self) -> None:
        listing = self._decidable()
        if listing is not None and self._still_held(listing.id):
            self._decisions.not_duplicates(listing.id, listing.records, self._title(listing),
                                           self._status(listing))
            self._next(listing.id)

    def skip(self) -> None:
        listing = self._decidable()
        if listing is not None and self._still_held(listing.id):
            self._decisions.skip(listing.id, listing.records, self._title(listing),
                                 self._status(listing))
            self._next(listing.id)

    def split(self) -> None:
        """Take the current column's record out of the group on screen."""
        listing = self._decidable()
        record_id = self._review.compare_view.current_record_id()
        if listing is None or not record_id or not self._review.loaded:
            return
        rest = [r for r in self._compare.records if r.id != record_id]
        self._decisions.split(listing.id, record_id, (listing.title, group_title(rest)))

    def _next(self, group_id: str) -> None:
        if self._claims.active:  # the next group nobody holds, wherever it is listed
            self._tasks.start("claim-next", self._claim_next(group_id))
            return
        if not self._groups.select_next_to_review(group_id):
            self._review.set_status(self._groups.model.status(group_id) or GroupStatus.OPEN)
            self.update_actions()

    def _on_next_group_triggered(self) -> None:
        if self._claims.active:
            self._tasks.start("claim-next", self._claim_next(self._groups.current_group_id()))
        else:
            self._groups.select_relative(1)

    async def _claim_next(self, group_id: str) -> None:
        next_id = await self._claims.next_group()
        if next_id is None:
            self._decisions.tell(self.tr(
                "No group is left to review: the others are decided or held by other "
                "reviewers."))
            if group_id:
                self._review.set_status(self._groups.model.status(group_id) or GroupStatus.OPEN)
            self.update_actions()
        elif not self._groups.select_group(next_id):
            self._decisions.tell(self.tr(
                "The next group to review is not listed here: show “To review” or clear the "
                "search."))

    # Team workspace: holds
    def _still_held(self, group_id: str) -> bool:
        if self._claims.may_decide(group_id):
            return True
        self._lost(group_id)
        return False

    def _lost(self, group_id: str) -> None:
        self._decisions.tell(self.tr(
            "This group is no longer yours: your hold on it ran out and another reviewer "
            "took it over. Nothing was decided; it was read again."))
        self._groups.model.reload_rows()  # the list names who holds it now
        if self._review.group_id == group_id:
            self.reload()

    def _on_claims_lost(self, group_id: str) -> None:
        self._lost(group_id)

    def _held_text(self, holder: Holder) -> str:
        if holder.until is not None:
            return self.tr("Held by {reviewer} until {time}: read only, it cannot be "
                           "submitted from here.").format(reviewer=holder.reviewer,
                                                          time=holder.until_text())
        return self.tr("Another reviewer holds this group or some of its records: read "
                       "only, it cannot be submitted from here.")

    def _pick(self, number: int) -> None:
        if self._review.loaded:
            self._review.compare_view.pick(number)

    def _edit_value(self) -> None:
        if self._review.loaded:
            self._review.compare_view.edit_current_value()

    # Dry run (LeadLex)
    def _on_dry_run_triggered(self) -> None:
        caps = self._compare.capabilities
        if not self._review.loaded or caps is None or not caps.dry_run:
            return
        self._review.show_tab(NOTES_TAB)
        self._review.notes.show_dry_run(self.tr("Asking {crm}…").format(crm=caps.display_name),
                                        True)
        self._tasks.start("dry-run", self._dry_run())

    async def _dry_run(self) -> None:
        connection, choices, loader = self._connection, self._compare.choices, self._loader
        assert connection is not None and choices is not None and loader is not None
        crm = connection.crm
        try:
            defs = {f.api_name: f for f in await loader.field_defs()}
            result = await dry_run(connection.provider, connection.entity,
                                   choices.to_group_merge(), dict(zip(
                                       choices.record_ids, choices.records, strict=True)),
                                   defs, dict(choices.preview.values if choices.preview else {}))
        except errors.ProviderError as exc:
            self._review.notes.show_dry_run(messages.error_text(exc), False)
            return
        if not result.differences:
            self._review.notes.show_dry_run(self.tr(
                "{crm}'s dry run agrees with this preview; nothing was changed.").format(crm=crm),
                True)
            return
        details = "; ".join(
            self.tr("{field}: {crm} gives “{theirs}”, the preview “{ours}”").format(
                field=self._compare.field_label(name), crm=crm,
                theirs=value_text(theirs), ours=value_text(ours))
            for name, (theirs, ours) in result.differences.items())
        self._review.notes.show_dry_run(self.tr("{crm}'s dry run differs — {details}").format(
            crm=crm, details=details), False)

    # State
    def update_actions(self, *_args: object) -> None:
        listing = self._review.listing
        status = self._status(listing) if listing else None
        decidable = listing is not None and status is not None and status not in (
            GroupStatus.MERGED, GroupStatus.MERGING, GroupStatus.UNKNOWN) \
            and self._claims.holds(listing.id)
        loaded = self._review.loaded and self._compare.group_id == (listing.id if listing
                                                                     else "")
        a = self._actions
        a.merge.setEnabled(bool(listing) and loaded and self._can_merge(listing))
        a.not_duplicates.setEnabled(decidable)
        a.skip.setEnabled(decidable)
        a.split.setEnabled(decidable and loaded and len(self._compare.record_ids) > 2)
        mine = listing is not None and self._claims.holds(listing.id)  # else read-only
        for action in (a.master, a.edit_value, *a.picks):
            action.setEnabled(loaded and mine)
        caps = self._compare.capabilities
        a.dry_run.setEnabled(loaded and caps is not None and caps.dry_run)
        if caps is not None:
            a.dry_run.setText(self.tr("&Dry run in {crm}").format(crm=caps.display_name))

    def _decidable(self) -> GroupListing | None:
        listing = self._review.listing
        return listing if listing is not None and self._actions.skip.isEnabled() else None

    def _can_merge(self, listing: GroupListing) -> bool:
        return (self._review.loaded and self._compare.group_id == listing.id
                and self._status(listing).can_submit and self._claims.holds(listing.id))

    def _status(self, listing: GroupListing) -> GroupStatus:
        return self._groups.model.status_of(listing)

    def _title(self, listing: GroupListing) -> str:
        """Who the group is about, for the queue and the undo menu: its names."""
        if self._review.loaded and self._compare.group_id == listing.id:
            names = group_title(self._compare.records).split(" · ")[0]
            if names:
                return names
        return listing.title.split(" · ")[0] if listing.title else listing.id

    def _show_outcome(self, group_id: str) -> None:
        status = self._groups.model.status(group_id)
        if status == GroupStatus.MERGING:
            self._review.set_banner(self.tr(
                "This group is being merged in the background."), "info")
        elif group_id in self._outcomes:
            self._review.set_banner(*self._outcomes[group_id])

    def _on_decisions_status_changed(self, group_id: str, status: GroupStatus) -> None:
        if self._review.group_id == group_id:
            self._review.set_status(status)
            if status == GroupStatus.OPEN:
                self._review.clear_banner()
        self.update_actions()

    def _on_decisions_merge_finished(self, item) -> None:
        self._claims.merge_ended(item.group_id)
        banner = self._banner(item)
        if item.status is not None:
            self._outcomes[item.group_id] = banner
        if self._review.group_id == item.group_id:
            self._review.set_banner(*banner)

    def _banner(self, item) -> tuple[str, str]:
        """A merge whose re-count (journalled with it) found related items missing, or
        could not re-count, is amber with what did not arrive: never a green success."""
        kind = _BANNER_KIND.get(item.status, "info")
        merge_id = item.outcome.merge_id if item.outcome else None
        entry = self._workspace.journal.get(merge_id) if kind == "success" and merge_id \
            else None
        if entry is None or not summary(entry).warning:
            return item.text, kind
        missing = [r for r in recount(entry) if r.missing]
        if not missing:
            return item.text, "warning"
        items = ", ".join(self.tr("{missing} of {expected} {kind}").format(
            missing=r.missing, expected=r.expected, kind=r.kind) for r in missing)
        return self.tr("Merged into {survivor}, but not everything arrived there: {items} "
                       "did not. The journal keeps the records as they were; see the "
                       "History.").format(survivor=entry.master, items=items), "warning"

    def _on_decisions_group_replaced(self, old_id: str, new_id: str) -> None:
        self._groups.refresh(select=new_id)

    def _on_decisions_show_group(self, group_id: str) -> None:
        self._groups.select_group(group_id)

"""ReviewActions: every command of the review window as a QAction with its shortcut,
and the menus that show them (a menu shows each shortcut, the F1 cheat sheet lists
them). Keyboard first: a confirmed default group is one Ctrl+Enter away."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from mergedesk.ui.icons import icon

PICKS = range(1, 10)


def _action(parent: QObject, name: str = "", *keys: str | QKeySequence.StandardKey,
            checkable: bool = False) -> QAction:
    action = QAction(icon(name) if name else QIcon(), "", parent)
    sequences = [QKeySequence(k) for k in keys]
    if sequences:
        action.setShortcuts(sequences)
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.setCheckable(checkable)
    return action


class ReviewActions(QObject):
    """The actions only; the window connects them and decides when each is enabled."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        std = QKeySequence.StandardKey
        self.connect = _action(self, "connect", "Ctrl+O")
        self.scan = _action(self, "scan", std.Refresh)
        self.quit = _action(self, "quit", std.Quit)
        self.find = _action(self, "", std.Find)
        self.merge = _action(self, "merge", "Ctrl+Return", "Ctrl+Enter")
        self.not_duplicates = _action(self, "not-duplicates", "N")
        self.skip = _action(self, "skip", "S")
        self.split = _action(self, "split", "X")
        self.master = _action(self, "master", "M")
        self.swap_master = _action(self, "master", "W")
        self.edit_value = _action(self, "typed", "E")
        self.dry_run = _action(self, "dry-run", "D")
        self.next_group = _action(self, "", "J")
        self.previous_group = _action(self, "", "K")
        self.picks = [_action(self, "", str(n)) for n in PICKS]
        self.show_notes = _action(self, "", "Alt+1")
        self.show_files = _action(self, "file", "Alt+2")
        self.show_evidence = _action(self, "", "Alt+3")
        self.differences_only = _action(self, "differs", "Ctrl+Shift+D", checkable=True)
        self.send_now = _action(self, "queue", "Ctrl+Shift+Return")
        self.cancel_pending = _action(self, "cancel")
        self.cheat_sheet = _action(self, "keyboard", std.HelpContents)
        self.about = _action(self)
        self.bulk_rules = _action(self, "queue", "Ctrl+Shift+B")
        self.team_audit = _action(self, "history")
        self.retranslate()

    def retranslate(self) -> None:
        tr = self.tr
        texts = {
            self.connect: (tr("&Connect to a CRM…"), tr("Choose or set up a CRM connection")),
            self.scan: (tr("&Scan for duplicates"),
                        tr("Read every record again and find duplicate groups")),
            self.quit: (tr("&Quit"), ""),
            self.find: (tr("&Search groups"), tr("Search names, emails and record ids")),
            self.merge: (tr("&Merge group"), tr("Merge the records into the master")),
            self.not_duplicates: (tr("&Not duplicates"), tr(
                "Remember that these records are different; never suggest them again")),
            self.skip: (tr("S&kip"), tr("Decide later")),
            self.split: (tr("S&plit record out"), tr(
                "Take the current column's record out of this group")),
            self.master: (tr("Make &master"), tr("The current column's record survives")),
            self.swap_master: (tr("S&wap master"), tr(
                "The next record of the group survives instead of the master")),
            self.edit_value: (tr("&Type a value…"), tr(
                "Type the value the merged record keeps for the current field")),
            self.dry_run: (tr("&Dry run in the CRM"), tr(
                "Ask the CRM what this merge would produce, without changing anything")),
            self.next_group: (tr("Ne&xt group"), ""),
            self.previous_group: (tr("&Previous group"), ""),
            self.show_notes: (tr("What the merge &does"), ""),
            self.show_files: (tr("&Files"), ""),
            self.show_evidence: (tr("&Why matched"), ""),
            self.differences_only: (tr("&Differences only"), tr(
                "Hide the fields where every record agrees and nothing needs a look")),
            self.send_now: (tr("Send held merges &now"), tr(
                "Skip the undo delay of the merges waiting in the queue")),
            self.cancel_pending: (tr("&Cancel merges not sent"), ""),
            self.cheat_sheet: (tr("&Keyboard shortcuts"), ""),
            self.about: (tr("&About MergeDesk"), ""),
            self.bulk_rules: (tr("&Bulk rules…"), tr(
                "Merge the groups that clear-cut rules take, after a look at a sample")),
            self.team_audit: (tr("&Team audit…"), tr(
                "Groups merged, rejected and restored per reviewer and day")),
        }
        for action, (text, tip) in texts.items():
            action.setText(text)
            action.setToolTip(_with_shortcut(tip or text.replace("&", ""), action))
            action.setStatusTip(tip)
        for number, action in enumerate(self.picks, start=1):
            action.setText(tr("Keep value of record {n}").format(n=number))

    def decision_actions(self) -> tuple[QAction, ...]:
        return (self.merge, self.not_duplicates, self.skip, self.split)


def _with_shortcut(text: str, action: QAction) -> str:
    shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    return f"{text} ({shortcut})" if shortcut else text


class ReviewMenus:
    """The menu bar of the review window."""

    def __init__(self, window: QMainWindow, actions: ReviewActions, undo: QAction, redo: QAction,
                 docks: list[QAction]):
        bar = window.menuBar()
        a = actions
        self.file = self._menu(bar, a.connect, a.scan, None, a.quit)
        self.edit = self._menu(bar, undo, redo, None, a.find)
        self.review = self._menu(bar, a.merge, a.not_duplicates, a.skip, a.split, None,
                                 a.master, a.swap_master, a.edit_value, a.dry_run, None,
                                 a.next_group, a.previous_group, None, a.bulk_rules,
                                 a.team_audit)
        self.picks = QMenu(window)
        for action in a.picks:
            self.picks.addAction(action)
        self.review.insertMenu(a.next_group, self.picks)
        self.review.insertSeparator(a.next_group)
        self.view = self._menu(bar, a.differences_only, None, a.show_notes, a.show_files,
                               a.show_evidence, None, *docks)
        self.queue = self._menu(bar, a.send_now, a.cancel_pending)
        self.help = self._menu(bar, a.cheat_sheet, None, a.about)
        self.retranslate()

    @staticmethod
    def _menu(bar, *items: QAction | None) -> QMenu:
        menu = bar.addMenu("")
        for item in items:
            if item is None:
                menu.addSeparator()
            else:
                menu.addAction(item)
        return menu

    def retranslate(self) -> None:
        def tr(text: str) -> str:
            return QCoreApplication.translate("ReviewMenus", text)

        self.file.setTitle(tr("&File"))
        self.edit.setTitle(tr("&Edit"))
        self.review.setTitle(tr("&Review"))
        self.picks.setTitle(tr("&Keep a record's value"))
        self.view.setTitle(tr("&View"))
        self.queue.setTitle(tr("&Queue"))
        self.help.setTitle(tr("&Help"))

    def all(self) -> list[QMenu]:
        return [self.file, self.edit, self.review, self.view, self.queue, self.help]

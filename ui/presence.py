"""This console's presence on cases, and the others' (issue 10 §4; the rule in
services.presence): the case the queue shows is "viewing", an action dialog on one case is
that action; both are refreshed every `HEARTBEAT` and on every change. Who else is on the
shown case is written above the detail's buttons and in the dialog, and the queue marks
every case another console is on (● before its number, who in the tooltip) — a warning,
never a lock. Everything goes through `Operations`; a failed write is tried again at the next
heartbeat (the TTL covers a console that went away).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QDialog, QLabel

from ui.labels import action_label
from workstation.services.presence import HEARTBEAT, VIEWING, Presence

if TYPE_CHECKING:
    from ui.actions.controller import ActionController
    from ui.context import AppContext
    from ui.feed import ChangeFollower
    from ui.models.case_table import CaseTableModel
    from ui.panels.detail import DetailPanel


SETTLE_MS = 600


class PresenceTracker(QObject):
    def __init__(self, ctx: AppContext, queue: CaseTableModel, detail: DetailPanel,
                 actions: ActionController, follower: ChangeFollower,
                 parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._ctx = ctx
        self._queue = queue
        self._detail = detail
        self._case: int | None = None
        self._activity = VIEWING
        self._dialog: QDialog | None = None
        self.others: list[Presence] = []  # the other consoles on the shown case
        self._timer = QTimer(self)
        self._timer.setInterval(int(HEARTBEAT.total_seconds() * 1000))
        self._timer.timeout.connect(self._push)
        self._timer.start()
        # A dispatcher walking the queue with the arrow keys is on no case: only where the
        # selection rests for a moment is told (one write, not one a key).
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._push)
        actions.dialog_opened.connect(self._dialog_opened)
        follower.topics_changed.connect(self._topics)

    def show_case(self, case_id: int) -> None:
        """The queue's current case (negative: none)."""
        self._case = case_id if case_id >= 0 else None
        if self._dialog is None:
            self._activity = VIEWING
        self._show([])  # the others on the previous case are not on this one
        self._settle.start()

    def stop(self) -> None:
        """The window closes: this console is on no case any more."""
        self._timer.stop()
        self._settle.stop()
        self._case = None
        self._push()

    # -- what this console does --------------------------------------------------------

    def _dialog_opened(self, dialog: QDialog) -> None:
        cases = getattr(dialog, "cases", None)
        if not cases or len(cases) != 1 or not hasattr(dialog, "action"):
            return
        self._dialog = dialog
        self._case, self._activity = cases[0].id, str(dialog.action)
        dialog.finished.connect(self._dialog_closed)
        self._push()
        self._warn(dialog)

    def _dialog_closed(self, _result: int) -> None:
        self._dialog = None
        self._activity = VIEWING
        self._push()

    def _push(self) -> None:
        ws, actor = self._ctx.ws, self._ctx.actor
        case, activity = self._case, self._activity
        self._ctx.ops.run(lambda: ws.touch_presence(actor, case, activity), self._pushed,
                          lambda message, exc: None,  # the next heartbeat tries again
                          description="presence", owner=self)  # fmt: skip

    def _pushed(self, _: object) -> None:
        self._refresh()

    # -- what the others do ------------------------------------------------------------

    def _topics(self, topics: frozenset[str]) -> None:
        if "presence" in topics:
            self._refresh()

    def _refresh(self) -> None:
        ws = self._ctx.ws
        self._ctx.ops.run(lambda: ws.presence_on(None), self._loaded,
                          lambda message, exc: None, description="presence",
                          owner=self)  # fmt: skip

    def _loaded(self, rows: list[Presence]) -> None:
        me = (self._ctx.account.username, self._ctx.ws.settings.workstation_name)
        others = [p for p in rows if (p.username, p.workstation) != me]
        by_case: dict[int, list[Presence]] = {}
        for p in others:
            by_case.setdefault(p.case_id, []).append(p)
        self._queue.set_presence({i: self.describe(ps) for i, ps in by_case.items()})
        self._show(by_case.get(self._case, []) if self._case is not None else [])

    def _show(self, others: list[Presence]) -> None:
        self.others = others
        _set(self._detail.presence, self.describe(others))
        if self._dialog is not None:
            self._warn(self._dialog)

    def _warn(self, dialog: QDialog) -> None:
        label = getattr(dialog, "presence", None)
        if isinstance(label, QLabel):
            _set(label, self.describe(self.others))

    def describe(self, others: list[Presence]) -> str:
        """"值班长 张三（席位-2）正在派遣此案件" — one line per other console."""
        lines = []
        for p in others:
            who = self.tr("%1（%2）").replace("%1", p.name).replace("%2", p.workstation)
            if p.editing:
                lines.append(self.tr("⚠ %1正在「%2」此案件，请避免重复操作")
                             .replace("%1", who).replace("%2", action_label(p.activity)))
            else:
                lines.append(self.tr("%1也在查看此案件").replace("%1", who))
        return "\n".join(lines)


def _set(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))

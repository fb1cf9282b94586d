"""Action controller: one QAction (with shortcut) per user action, enabled by the selection.

Contract with the main window:
- `actions` (dict action name → QAction) for menus; `toolbar_actions()` for a toolbar
  (None = separator); `help_action` (F1, Ctrl+/) opens the shortcuts list;
- `set_selection(list)`; `trigger(action: str, case_ids: list[int])`;
  `merge(duplicate_id, original_id)` (confirmed by the caller, runs at once) and
  `merge_dialog(duplicate_id, original_id)` (asks first); `on_cases_changed(list)` (the
  change feed's rows);
- signal `cases_updated(list)`: the `CaseSummary` objects an action returned, so views
  update at once (the change feed confirms them shortly after);
- signal `message(str)`: the confirmation or error shown in the status bar.

Enabling: when the selection changes the keys follow the transition table for the cases'
states and the user's role at once (no dead key press), then the exact answer of
`ws.allowed_actions` (guards included) replaces it; the service re-checks every action.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QToolBar, QWidget

from ui.actions.case_dialogs import (
    ApprovalDialog,
    MergeDialog,
    ReclassifyDialog,
    SupervisorDialog,
)
from ui.actions.dialogs import ActionDialog, FileDialog
from ui.actions.dispatch import BulkDispatchDialog, DispatchDialog
from ui.actions.jobs import ActionItem, BatchResult, Outcome, perform
from ui.actions.revisit import RevisitDialog
from ui.actions.shortcuts import (
    APPROVALS,
    APPROVE,
    HELP_SHORTCUTS,
    REJECT,
    REJECTIONS,
    REQUEST_LABELS,
    SPEC_BY_KEY,
    SPECS,
    ShortcutsDialog,
    predict,
    request_kind,
    role_can,
    tr,
)
from ui.actions.text_dialogs import (
    EscalationReplyDialog,
    ReasonDialog,
    TextDialog,
    VerifyDialog,
)
from ui.context import AppContext
from ui.labels import action_label, state_label
from workstation.services.dto import CaseSummary

log = logging.getLogger("ui.actions")

# Concrete approval actions (as the detail panel names them) map to the generic keys.
GENERIC = {**dict.fromkeys(APPROVALS.values(), APPROVE),
           **dict.fromkeys(REJECTIONS.values(), REJECT)}  # fmt: skip
# Toolbar: the loop's main steps, in order.
TOOLBAR = ("file", "dispatch", None, "request_verification", "send_for_check", "check_pass",
           None, "remind", "escalate", APPROVE, None, "void")  # fmt: skip
MESSAGE_MS = 10_000


def _when(value: datetime | None) -> str:
    return value.strftime("%m-%d %H:%M") if value is not None else ""


class ActionController(QObject):
    cases_updated = Signal(list)
    message = Signal(str)
    allowed_loaded = Signal()  # the exact answer for the current selection is applied
    dialog_opened = Signal(object)

    def __init__(self, ctx: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self._ctx = ctx
        self._window = window
        self._selection: list[CaseSummary] = []
        self._known: dict[int, CaseSummary] = {}  # freshest summaries seen, by id
        self._allowed: dict[int, set[str]] | None = None  # exact answer; None while asked
        self._generation = 0  # bumps on every selection change; stale answers are dropped
        self._asking = False
        self._ask_again = False
        self.dialog: ActionDialog | ShortcutsDialog | None = None  # the last one opened
        # Where the keyboard is after every dialog, whatever opened it (the queue's table;
        # set by the main window). None: back to wherever the focus was.
        self.home: QWidget | None = None
        self.actions: dict[str, QAction] = {}
        for spec in SPECS:
            action = QAction(tr(spec.text), self)
            action.setObjectName(f"action_{spec.key}")
            action.setShortcuts(spec.key_sequences())
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            tip = self.tr("%1（%2）：%3").replace("%1", tr(spec.text))
            tip = tip.replace("%2", spec.shortcut_text()).replace("%3", tr(spec.tip))
            action.setToolTip(tip)
            action.setStatusTip(tr(spec.tip))
            action.setEnabled(False)
            # What the role can never do is not offered at all (the menu stays short).
            action.setVisible(role_can(spec, ctx.role))
            action.triggered.connect(lambda _=False, key=spec.key: self._triggered(key))
            self.actions[spec.key] = action
        self.help_action = QAction(self.tr("快捷键一览"), self)
        self.help_action.setObjectName("action_shortcuts")
        self.help_action.setShortcuts([QKeySequence(s) for s in HELP_SHORTCUTS])
        self.help_action.setToolTip(self.tr("快捷键一览（F1）"))
        self.help_action.triggered.connect(self.show_shortcuts)
        # Registered on the window too: the keys then work even where no menu shows them.
        window.addActions([*self.actions.values(), self.help_action])
        self.message.connect(self._show_message)

    # -- selection and enabling ----------------------------------------------------------

    @property
    def selection(self) -> list[CaseSummary]:
        return list(self._selection)

    @property
    def exact(self) -> bool:
        """Whether the keys reflect the services' answer (not only the transition table)."""
        return self._allowed is not None

    def set_selection(self, cases: list[CaseSummary]) -> None:
        self._selection = list(cases)
        self._remember(self._selection)
        self._generation += 1
        self._allowed = None
        self._update_enabled()
        self._ask_allowed()

    def on_cases_changed(self, rows: list[CaseSummary]) -> None:
        """Changed cases (own actions, the change feed): keep the selection current."""
        self._remember(rows)
        by_id = {r.id: r for r in rows}
        if not any(c.id in by_id for c in self._selection):
            return
        self.set_selection([by_id.get(c.id, c) for c in self._selection])

    def _remember(self, rows: Sequence[CaseSummary]) -> None:
        for row in rows:
            known = self._known.get(row.id)
            if known is None or known.version <= row.version:
                self._known[row.id] = row

    def _ask_allowed(self) -> None:
        if not self._selection:
            return
        if self._asking:
            self._ask_again = True  # one query at a time; the newest selection wins
            return
        self._asking = True
        generation, ids = self._generation, [c.id for c in self._selection]
        ws, actor = self._ctx.ws, self._ctx.actor

        def answered(allowed: dict[int, tuple[str, ...]]) -> None:
            self._asking = False
            if generation == self._generation:
                self._allowed = {i: set(allowed.get(i, ())) for i in ids}
                self._update_enabled()
                self.allowed_loaded.emit()
            if self._ask_again:
                self._ask_again = False
                self._ask_allowed()

        def failed(message: str, exc: BaseException) -> None:
            self._asking = False
            self._ask_again = False
            log.warning("allowed actions: %s", message)

        self._ctx.ops.run(lambda: ws.allowed_actions(ids, actor), answered, failed,
                          description="allowed actions")  # fmt: skip

    def allowed_for(self, case: CaseSummary) -> set[str]:
        if self._allowed is not None and case.id in self._allowed:
            return self._allowed[case.id]
        return predict(case, self._ctx.role)

    def is_allowed(self, key: str, cases: Sequence[CaseSummary]) -> bool:
        spec = SPEC_BY_KEY[key]
        if not cases or (len(cases) > 1 and not spec.bulk):
            return False
        return all(any(a in self.allowed_for(c) for a in spec.domain_actions) for c in cases)

    def _update_enabled(self) -> None:
        for key, action in self.actions.items():
            action.setEnabled(action.isVisible() and self.is_allowed(key, self._selection))
        # 批准/驳回 say which request they decide on when one case is selected.
        kind = request_kind(self._selection[0]) if len(self._selection) == 1 else None
        for key, verb in ((APPROVE, self.tr("批准%1")), (REJECT, self.tr("驳回%1"))):
            what = tr(REQUEST_LABELS[kind]) if kind else self.tr("申请")
            if kind and kind != "self_handled":
                what = self.tr("%1申请").replace("%1", what)
            self.actions[key].setText(verb.replace("%1", what))

    def toolbar_actions(self) -> list[QAction | None]:
        return [self.actions[k] if k else None for k in TOOLBAR]

    def build_toolbar(self, parent: QWidget) -> QToolBar:
        bar = QToolBar(self.tr("案件操作"), parent)
        bar.setObjectName("actionToolBar")  # saveState() needs a name
        for action in self.toolbar_actions():
            if action is None:
                bar.addSeparator()
            else:
                bar.addAction(action)
        return bar

    # -- triggering ----------------------------------------------------------------------

    def _triggered(self, key: str) -> None:
        self.trigger(key, [c.id for c in self._selection])

    def trigger(self, action: str, case_ids: list[int]) -> None:
        """Open the action's dialog for these cases (selection, detail panel, reminders)."""
        if not case_ids:
            self.message.emit(self.tr("请先选择案件"))
            return
        known = [self._known.get(i) for i in case_ids]
        if all(c is not None for c in known):
            self._open(action, [c for c in known if c is not None])
            return
        ws, actor = self._ctx.ws, self._ctx.actor
        self._ctx.ops.run(lambda: ws.cases_by_ids(case_ids, actor),
                          lambda rows: self._fetched(action, case_ids, rows),
                          lambda message, exc: self.message.emit(message),
                          description="load cases for an action", owner=self)  # fmt: skip

    def _fetched(self, action: str, case_ids: list[int], rows: list[CaseSummary]) -> None:
        self._remember(rows)
        if len(rows) != len(case_ids):
            self.message.emit(self.tr("找不到所选案件，请刷新后重试"))
            return
        self._open(action, rows)

    def merge(self, duplicate_id: int, original_id: int) -> None:
        """合并 with a known original, already confirmed by the caller (the detail panel's
        duplicate list asks first): merge now; the result or error goes to the status bar
        (a conflict also to a message box)."""

        def run(cases: list[CaseSummary]) -> None:
            self._submit(None, [ActionItem(cases[0], "merge", {"original": str(original_id)})])

        self._with_cases([duplicate_id], run)

    def merge_dialog(self, duplicate_id: int, original_id: int) -> None:
        """合并 with the original prefilled, confirmed in the merge dialog (Enter)."""
        original = self._known.get(original_id)

        def open_with(cases: list[CaseSummary]) -> None:
            number = original.case_no if original else str(original_id)
            self._show_dialog(MergeDialog(self._ctx, cases[0], number, self._window))

        self._with_cases([duplicate_id], open_with)

    def _with_cases(self, ids: list[int], then: Callable[[list[CaseSummary]], None]) -> None:
        known = [self._known.get(i) for i in ids]
        if all(c is not None for c in known):
            then([c for c in known if c is not None])
            return
        ws, actor = self._ctx.ws, self._ctx.actor

        def fetched(rows: list[CaseSummary]) -> None:
            self._remember(rows)
            if len(rows) == len(ids):
                then(rows)
            else:
                self.message.emit(self.tr("找不到所选案件，请刷新后重试"))

        self._ctx.ops.run(lambda: ws.cases_by_ids(ids, actor), fetched,
                          lambda message, exc: self.message.emit(message),
                          description="load cases for an action", owner=self)  # fmt: skip

    def _open(self, action: str, cases: list[CaseSummary]) -> None:
        key = GENERIC.get(action, action)
        if key not in SPEC_BY_KEY:
            self.message.emit(self.tr("未知的操作：{action}").format(action=action))
            return
        spec = SPEC_BY_KEY[key]
        if len(cases) > 1 and not spec.bulk:
            self.message.emit(
                self.tr("“{action}”一次只能处理一件案件").format(action=tr(spec.text))
            )
            return
        dialog = self._dialog_for(key, cases)
        if dialog is not None:
            self._show_dialog(dialog)

    def _dialog_for(self, key: str, cases: list[CaseSummary]) -> ActionDialog | None:
        ctx, w, case = self._ctx, self._window, cases[0]
        title = tr(SPEC_BY_KEY[key].text)
        ok = self.tr("{action}（Enter）").format(action=title)
        if key == "file":
            return FileDialog(ctx, case, w)
        if key == "dispatch":
            return DispatchDialog(ctx, case, w) if len(cases) == 1 \
                else BulkDispatchDialog(ctx, cases, w)  # fmt: skip
        if key in ("request_verification", "send_for_check"):
            return SupervisorDialog(ctx, key, case, title=title, parent=w)
        if key == "verify":
            return VerifyDialog(ctx, case, w)
        if key in (APPROVE, REJECT):
            return ApprovalDialog(ctx, case, approve=key == APPROVE, parent=w)
        if key == "merge":
            return MergeDialog(ctx, case, parent=w)
        if key == "reclassify":
            return ReclassifyDialog(ctx, case, w)
        if key == "revisit":
            return RevisitDialog(ctx, case, w)
        if key in ("void", "check_fail", "request_return", "request_suspension", "reopen"):
            comment = key == "check_fail"  # the check's reason travels as its comment
            return ReasonDialog(ctx, key, cases, title=title, ok_text=ok,
                                key="comment" if comment else "reason", parent=w)  # fmt: skip
        if key == "request_extension":
            return ReasonDialog(ctx, key, cases, title=title, ok_text=ok, extra=True, parent=w)
        if key == "escalate":
            return ReasonDialog(ctx, key, cases, title=title, ok_text=ok,
                                label=self.tr("督办意见"), parent=w)  # fmt: skip
        if key == "escalation_reply":
            return EscalationReplyDialog(ctx, case, title=title, ok_text=ok, parent=w)
        texts = {
            "remind": (self.tr("催办内容"), "message", self.tr("请尽快处置"), False, ""),
            "note": (self.tr("备注内容"), "text", "", True, ""),
            "feedback": (self.tr("处置结果"), "result", self.tr("已处置"), False, ""),
            "check_pass": (self.tr("核查意见（可选）"), "comment", "", False,
                           self.tr("监督员现场核查：问题已解决。确认后案件结案。")),
            "restore": (self.tr("说明（可选）"), "note", "", False,
                        self.tr("恢复处置后，处置期限按挂账时剩余的时限继续计算。")),
        }  # fmt: skip
        label, param, text, required, explanation = texts[key]
        return TextDialog(ctx, key, cases, title=title, ok_text=ok, label=label, key=param,
                          text=text, required=required, explanation=explanation,
                          parent=w)  # fmt: skip

    def _show_dialog(self, dialog: ActionDialog | ShortcutsDialog) -> None:
        if isinstance(dialog, ActionDialog):
            dialog.submitted.connect(lambda items, d=dialog: self._submit(d, items))
        # The keyboard path goes on in the queue once the dialog closes, even when a
        # detail-panel button or the menu opened it.
        focus = self.home if self.home is not None else QApplication.focusWidget()
        dialog.finished.connect(lambda _: self._refocus(focus))
        self.dialog = dialog
        dialog.open()
        self.dialog_opened.emit(dialog)

    def _refocus(self, widget: QWidget | None) -> None:
        # Window managers usually re-activate the main window when a dialog closes; not
        # all platforms do (offscreen, some tiling WMs), and a dead key after Enter would
        # break the keyboard path.
        if widget is not None and shiboken6.isValid(widget) and widget.isVisible():
            widget.window().activateWindow()
            widget.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def show_shortcuts(self) -> None:
        self._show_dialog(ShortcutsDialog(self._ctx.role, self._window))

    # -- running -------------------------------------------------------------------------

    def _submit(self, dialog: ActionDialog | None, items: list[ActionItem]) -> None:
        ws, actor = self._ctx.ws, self._ctx.actor
        self._ctx.ops.run(lambda: perform(ws, actor, items),
                          lambda result: self._finished(dialog, result),
                          lambda message, exc: self._failed(dialog, message),
                          description=f"{items[0].action} ×{len(items)}", owner=self)  # fmt: skip

    def _finished(self, dialog: ActionDialog | None, result: BatchResult) -> None:
        updated = result.updated
        if updated:
            self.on_cases_changed(updated)
            self.cases_updated.emit(updated)
        succeeded, failed = result.succeeded, result.failed
        if succeeded:
            self.message.emit(self._confirmation(succeeded, len(failed)))
        open_dialog = dialog if dialog is not None and dialog.is_open() else None
        if not failed:
            if open_dialog is not None:
                open_dialog.succeeded()
            return
        if open_dialog is not None:
            open_dialog.show_outcomes(result)
        else:  # no dialog (any more): the error must still reach the user
            self._warn("\n".join(f"{o.item.case.case_no}：{o.error}" for o in failed))

    def _failed(self, dialog: ActionDialog | None, message: str) -> None:
        if dialog is not None and dialog.is_open():
            dialog.failed(message)
        else:
            self._warn(message)

    def _warn(self, message: str) -> None:
        self.message.emit(message.replace("\n", self.tr("；")))
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("操作未完成"), message,
                          QMessageBox.StandardButton.Ok, self._window)  # fmt: skip
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _show_message(self, text: str) -> None:
        if isinstance(self._window, QMainWindow):
            self._window.statusBar().showMessage(text, MESSAGE_MS)

    def _confirmation(self, done: list[Outcome], failed: int) -> str:
        """The status-bar sentence for what just happened, e.g. "案件 X 已派遣至 Y，期限 …"."""
        action = done[0].item.action
        if len(done) > 1 or failed:
            label = tr(SPEC_BY_KEY[GENERIC.get(action, action)].text)
            text = self.tr("已{action} %n 件案件", "", len(done)).format(action=label)
            if failed:
                text += self.tr("，{n} 件失败").format(n=failed)
            return text
        o = done[0]
        c = o.result
        assert c is not None
        kind = tr(REQUEST_LABELS.get(o.item.case.pending_request or "", ""))
        templates = {
            "file": self.tr("案件 {no} 已立案（{category}），请派遣（F3）"),
            "dispatch": self.tr("案件 {no} 已派遣至 {unit}，期限 {deadline}"),
            "void": self.tr("案件 {no} 已作废"),
            "request_verification": self.tr("案件 {no} 已派发核实给监督员 {who}"),
            "verify": self.tr("案件 {no} 核实属实，待立案") if c.state == "reported"
            else self.tr("案件 {no} 核实不属实，已作废"),
            "send_for_check": self.tr("案件 {no} 已派发核查给监督员 {who}"),
            "check_pass": self.tr("案件 {no} 核查通过，已结案"),
            "check_fail": self.tr("案件 {no} 核查不通过，已退回 {unit} 返工（第 {rework} 次）"),
            "feedback": self.tr("案件 {no} 已反馈处置结果，待核查"),
            "remind": self.tr("已催办案件 {no}（{who}），累计催办 {reminds} 次"),
            "escalate": self.tr("案件 {no} 已督办，列为重点案件"),
            "escalation_reply": self.tr("已回复案件 {no} 的督办"),
            "merge": self.tr("案件 {no} 已作为重复案件并入 {original}"),
            "reclassify": self.tr("案件 {no} 已重新分类为 {category}"),
            "note": self.tr("已为案件 {no} 添加备注"),
            "restore": self.tr("案件 {no} 已恢复处置，新期限 {deadline}"),
            "approve_extension": self.tr("已批准案件 {no} 延期，新期限 {deadline}"),
            "approve_return": self.tr("已批准案件 {no} 回退，待重新派遣"),
            "approve_suspension": self.tr("已批准案件 {no} 挂账"),
            "approve_self_handled": self.tr("已批准案件 {no} 先行处置，案件已结案"),
            "reject_self_handled": self.tr("已驳回案件 {no} 的先行处置，请按立案流程处理"),
            "reopen": self.tr("案件 {no} 已重新打开，当前状态：{state}"),
        }  # fmt: skip
        if action.startswith("reject_") and action not in templates:
            template = self.tr("已驳回案件 {no} 的{kind}申请")
        elif action.startswith("request_") and action not in templates:
            template = self.tr("案件 {no} 的{kind}申请已提交，等待值班长审批")
            kind = tr(REQUEST_LABELS.get(c.pending_request or "", ""))
        else:
            template = templates.get(action, self.tr("案件 {no} 已{action}"))
        return template.format(
            no=c.case_no, category=c.category_name, unit=c.unit_name,
            state=state_label(c.state),
            deadline=_when(c.deadline), reminds=c.remind_count, rework=c.rework_count,
            who=o.detail or self.tr("（本网格监督员）"), kind=kind,
            original=o.original.case_no if o.original else "",
            action=action_label(action),
        )  # fmt: skip

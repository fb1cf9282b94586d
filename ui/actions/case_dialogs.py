"""Action dialogs that choose something: a supervisor, the original case of a duplicate, a
category, an approval."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from ui.actions.category_picker import CategoryPicker
from ui.actions.dialogs import ActionDialog
from ui.actions.jobs import (
    SELF_HANDLED,
    CasePreview,
    RequestInfo,
    SupervisorChoice,
    preview_case,
    request_info,
    supervisor_choice,
)
from ui.actions.shortcuts import (
    APPROVALS,
    REJECTIONS,
    REQUEST_LABELS,
    request_kind,
    tr,
)
from ui.actions.text_dialogs import COMMON_REASONS, ReasonField
from ui.context import AppContext
from ui.labels import state_label
from workstation.services.dto import CaseSummary

# ------------------------------------------------------------------------------ people


class SupervisorDialog(ActionDialog):
    """派发核实 / 派发核查: to the grid's own supervisor by default, or another one."""

    def __init__(self, ctx: AppContext, action: str, case: CaseSummary, *, title: str,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(ctx, action, [case], title, self.tr("派发（Enter）"), parent)
        self.supervisor = QComboBox(self)
        self.supervisor.setObjectName("supervisor")
        self.supervisor.addItem(self.tr("本网格监督员（正在加载…）"), None)
        self.form.addRow(self.tr("监督员"), self.supervisor)
        self.finish_layout()
        self.supervisor.setFocus()
        ws, grid, lon, lat = ctx.ws, case.grid_code, case.lon, case.lat
        self.load(lambda: supervisor_choice(ws, grid, lon, lat), self._loaded,
                  "load supervisors")  # fmt: skip

    def _loaded(self, choice: SupervisorChoice) -> None:
        self.supervisor.clear()
        for s in choice.supervisors:
            street = choice.street_names.get(s.street_code, "")
            label = f"{s.code}　{s.name}　{street}"
            if s.username == choice.default:
                nearest = choice.why == "nearest"
                label += self.tr("（最近的在岗监督员）") if nearest else self.tr("（本网格监督员）")
            self.supervisor.addItem(label, s.username)
        if choice.default is not None:
            self.supervisor.setCurrentIndex(self.supervisor.findData(choice.default))
            if choice.why == "nearest":
                self.show_info(self.tr("本网格监督员不在岗，已推荐最近的在岗监督员"))
        else:
            self.show_info(self.tr("本网格没有负责的监督员，请指定"))
            self.supervisor.setCurrentIndex(-1)

    def params(self) -> dict[str, Any] | None:
        username = self.supervisor.currentData()
        if username is None and self.supervisor.count() > 1:
            self.show_error(self.tr("请选择监督员"))
            return None
        # Before the list arrives the service picks the grid's own supervisor itself.
        return {"supervisor": username} if username else {}


# ------------------------------------------------------------------------------ merge


class MergeDialog(ActionDialog):
    """合并: the selected report is a duplicate of an original given by its case number."""

    def __init__(self, ctx: AppContext, case: CaseSummary, original: str = "",
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(ctx, "merge", [case], self.tr("合并重复案件"),
                         self.tr("合并（Enter）"), parent)  # fmt: skip
        self.original = QLineEdit(original, self)
        self.original.setObjectName("originalCase")
        self.original.setPlaceholderText(self.tr("原案件的案件编号（13 位）或序号"))
        self.preview = QLabel(self)
        self.preview.setObjectName("originalPreview")
        self.preview.setWordWrap(True)
        explanation = QLabel(self.tr("合并后本案件作废（重复上报），其记录并入原案件。"), self)
        explanation.setWordWrap(True)
        self.form.addRow(explanation)
        self.form.addRow(self.tr("原案件"), self.original)
        self.form.addRow("", self.preview)
        self.finish_layout()
        # Look the original up once typing pauses, not on every keystroke.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._lookup)
        self.original.textChanged.connect(lambda _: self._timer.start())
        self.original.setFocus()
        if original:
            self._lookup()

    def _lookup(self) -> None:
        text = self.original.text().strip()
        if not text:
            self.preview.clear()
            return
        if not text.isdigit():
            self.preview.setText(self.tr("案件编号应为数字"))
            return
        ws, actor = self._ctx.ws, self._ctx.actor
        self.load(lambda: preview_case(ws, actor, text), lambda p: self._show(text, p),
                  "look up the original case")  # fmt: skip

    def _show(self, text: str, preview: CasePreview) -> None:
        if text != self.original.text().strip():
            return  # the user typed on
        c = preview.case
        if c is None:
            self.preview.setText(preview.error or self.tr("未找到案件 {ref}").format(ref=text))
            return
        self.preview.setText(f"{c.case_no}　{state_label(c.state)}　{c.category_name}　"
                             f"{c.address} {c.description}".strip())  # fmt: skip

    def params(self) -> dict[str, Any] | None:
        text = self.original.text().strip()
        if not text.isdigit():
            self.show_error(self.tr("请填写原案件的案件编号"))
            return None
        return {"original": text}


# ------------------------------------------------------------------------------ reclassify


class ReclassifyDialog(ActionDialog):
    def __init__(self, ctx: AppContext, case: CaseSummary, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "reclassify", [case], self.tr("重新分类"),
                         self.tr("确定（Enter）"), parent)  # fmt: skip
        self.picker = CategoryPicker(self, exclude=case.category_code)
        name = case.category_name or self.tr("未分类")
        current = QLabel(f"{case.category_code or ''} {name}", self)
        self.form.addRow(self.tr("当前类别"), current)
        self.form.addRow(self.tr("新的类别"), self.picker)
        self.finish_layout()
        self.picker.search.setFocus()
        self.load_reference(lambda ref: self.picker.set_catalog(ref.catalog))

    def params(self) -> dict[str, Any] | None:
        code = self.picker.current_code()
        if not code:
            self.show_error(self.tr("请选择新的问题类别"))
            return None
        return {"category_code": code}


# ------------------------------------------------------------------------------ approvals


class ApprovalDialog(ActionDialog):
    """批准 / 驳回 a unit's request (延期/回退/挂账) or a 先行处置 report, showing its reason."""

    def __init__(self, ctx: AppContext, case: CaseSummary, *, approve: bool,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        kind = request_kind(case) or ""
        table = APPROVALS if approve else REJECTIONS
        verb = self.tr("批准") if approve else self.tr("驳回")
        super().__init__(ctx, table.get(kind, "approve" if approve else "reject"), [case],
                         self.tr("{verb}申请").format(verb=verb),
                         self.tr("{verb}（Enter）").format(verb=verb), parent)  # fmt: skip
        self._approve = approve
        self._kind = kind
        self._info: RequestInfo | None = None
        box = QGroupBox(self.tr("待审批的申请"), self)
        info = QFormLayout(box)
        self.kind_label = QLabel(tr(REQUEST_LABELS.get(kind, "")) or self.tr("（正在加载…）"), box)
        self.kind_label.setObjectName("requestKind")
        self.by_label = QLabel(box)
        self.reason_label = QLabel(box)
        self.reason_label.setObjectName("requestReason")
        self.reason_label.setWordWrap(True)
        info.addRow(self.tr("申请类型"), self.kind_label)
        info.addRow(self.tr("申请人"), self.by_label)
        info.addRow(self.tr("申请理由"), self.reason_label)
        self.form.addRow(box)
        self.extra: QLineEdit | None = None
        self.comment: QLineEdit | None = None
        self.reason: ReasonField | None = None
        if approve:
            if kind == "extension":
                self.extra = QLineEdit(self)
                self.extra.setObjectName("extensionLength")
                self.form.addRow(self.tr("批准延期时长"), self.extra)
            self.comment = QLineEdit(self)
            self.comment.setObjectName("approvalComment")
            self.form.addRow(self.tr("审批意见（可选）"),
                             self.with_phrases(self.comment, "approve"))  # fmt: skip
        else:
            reasons = COMMON_REASONS["reject_self_handled" if kind == SELF_HANDLED else "reject"]
            self.reason = ReasonField(reasons, self)
            self.reason.attach(self.phrase_button(self.reason.detail, "reject"))
            required = kind == SELF_HANDLED  # the domain requires it only there
            self.form.addRow(self.tr("驳回理由") if required else self.tr("驳回理由（可选）"),
                             self.reason)  # fmt: skip
        self.finish_layout()
        (self.comment or self.reason or self.ok_button).setFocus()
        ws, actor = ctx.ws, ctx.actor
        self.load(lambda: request_info(ws, actor, case.id), self._loaded, "load the request")

    def _loaded(self, info: RequestInfo | None) -> None:
        self._info = info
        if info is None:
            self.kind_label.setText(self.tr("（没有待审批的申请）"))
            self.show_error(self.tr("该案件没有待审批的申请，请刷新后重试"))
            return
        self._kind = info.kind
        self.action = (APPROVALS if self._approve else REJECTIONS)[info.kind]
        kind = tr(REQUEST_LABELS[info.kind])
        if info.extra:
            kind += self.tr("　申请延长 {extra}").format(extra=info.extra)
        self.kind_label.setText(kind)
        when = info.requested_at.strftime("%m-%d %H:%M") if info.requested_at else ""
        # A unit's account is named after the unit: say it once.
        who = (
            [info.unit_name]
            if info.requested_by == info.unit_name
            else [info.unit_name, info.requested_by]
        )
        self.by_label.setText("　".join(p for p in (*who, when) if p))
        reason = info.reason + (f"（{info.note}）" if info.note else "")
        self.reason_label.setText(reason or self.tr("（未填写）"))
        if self.extra is not None and not self.extra.text():
            self.extra.setText(info.extra)

    def params(self) -> dict[str, Any] | None:
        if self.action not in APPROVALS.values() and self.action not in REJECTIONS.values():
            self.show_error(self.tr("该案件没有待审批的申请，请刷新后重试"))
            return None
        out: dict[str, Any] = {}
        if self.extra is not None and self.extra.text().strip():
            out["extra"] = self.extra.text().strip()
        if self.comment is not None and self.comment.text().strip():
            out["comment"] = self.comment.text().strip()
        if self.reason is not None:
            text = self.reason.text()
            if not text and self._kind == SELF_HANDLED:
                self.show_error(self.tr("请选择或填写驳回理由"))
                return None
            if text:
                out["comment"] = text
        return out

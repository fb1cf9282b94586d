"""The action table (names, texts, shortcuts) and the shortcuts help dialog (F1, Ctrl+/).

Shortcut scheme: the closed loop's main steps sit on function keys in loop order, like a
CAD console (F2 立案 → F3 派遣 → F6 派发核查 → F7 核查通过), Shift+Fn is the "negative"
of the same step (Shift+F7 核查不通过, Shift+F9 驳回); side actions use Ctrl+letter.
Kept free for the main window: F5 / Ctrl+R 刷新 (QKeySequence.Refresh), Ctrl+F 搜索,
Ctrl+Q 退出, Ctrl+C / Ctrl+A in the table; F10 opens the menu bar on some desktops.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.lifecycle import INTERNAL_ACTIONS, RULES, Action, CaseState, RequestKind
from workstation.domain.roles import Role
from workstation.services.dto import CaseSummary

CONTEXT = "ActionController"  # translation context of the strings marked below


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    """Marks `text` for translation under `context`; `tr()` translates it where shown.

    (PySide6's own marker is typed as returning `object`.) lupdate needs literal
    arguments, so every call spells the context out.
    """
    return text


def tr(text: str) -> str:
    """Translate a string marked with QT_TRANSLATE_NOOP("ActionController", …)."""
    return QCoreApplication.translate(CONTEXT, text)


APPROVE = "approve"  # one key for 批准 any request: the case's pending request decides which
REJECT = "reject"

APPROVALS: dict[str, str] = {
    RequestKind.EXTENSION.value: Action.APPROVE_EXTENSION.value,
    RequestKind.RETURN.value: Action.APPROVE_RETURN.value,
    RequestKind.SUSPENSION.value: Action.APPROVE_SUSPENSION.value,
    "self_handled": Action.APPROVE_SELF_HANDLED.value,
}
REJECTIONS: dict[str, str] = {
    RequestKind.EXTENSION.value: Action.REJECT_EXTENSION.value,
    RequestKind.RETURN.value: Action.REJECT_RETURN.value,
    RequestKind.SUSPENSION.value: Action.REJECT_SUSPENSION.value,
    "self_handled": Action.REJECT_SELF_HANDLED.value,
}
REQUEST_LABELS: dict[str, str] = {
    RequestKind.EXTENSION.value: QT_TRANSLATE_NOOP("ActionController", "延期"),
    RequestKind.RETURN.value: QT_TRANSLATE_NOOP("ActionController", "回退"),
    RequestKind.SUSPENSION.value: QT_TRANSLATE_NOOP("ActionController", "挂账"),
    "self_handled": QT_TRANSLATE_NOOP("ActionController", "先行处置"),
}


@dataclass(frozen=True, slots=True)
class ActionSpec:
    key: str  # the controller's name: a domain Action value, or APPROVE / REJECT
    text: str  # Chinese source text (translated at run time)
    shortcuts: tuple[str, ...]
    tip: str
    bulk: bool = False  # may act on a multi-selection
    covers: tuple[str, ...] = ()  # the domain actions behind it; default: (key,)

    @property
    def domain_actions(self) -> tuple[str, ...]:
        return self.covers or (self.key,)

    def key_sequences(self) -> list[QKeySequence]:
        return [QKeySequence(s) for s in self.shortcuts]

    def shortcut_text(self) -> str:
        native = QKeySequence.SequenceFormat.NativeText
        return " / ".join(k.toString(native) for k in self.key_sequences())


def _spec(key: str, text: str, shortcuts: str, tip: str, *, bulk: bool = False,
          covers: Iterable[str] = ()) -> ActionSpec:  # fmt: skip
    return ActionSpec(key, text, tuple(shortcuts.split(" ")), tip, bulk, tuple(covers))


SPECS: tuple[ActionSpec, ...] = (
    _spec(
        "file",
        QT_TRANSLATE_NOOP("ActionController", "立案"),
        "F2",
        QT_TRANSLATE_NOOP(
            "ActionController", "为选中的上报立案：按代码或名称选择问题类别，确认网格与紧急程度"
        ),
    ),
    _spec(
        "dispatch",
        QT_TRANSLATE_NOOP("ActionController", "派遣"),
        "F3",
        QT_TRANSLATE_NOOP(
            "ActionController",
            "派遣至责任单位（按“类别 × 区域”规则推荐，Enter 接受）；多选时各派至其推荐单位",
        ),
        bulk=True,
    ),
    _spec(
        "request_verification",
        QT_TRANSLATE_NOOP("ActionController", "派发核实"),
        "F4",
        QT_TRANSLATE_NOOP(
            "ActionController", "非监督员上报的问题，派监督员到现场核实（默认本网格监督员）"
        ),
    ),
    _spec(
        "verify",
        QT_TRANSLATE_NOOP("ActionController", "录入核实结果"),
        "Shift+F4",
        QT_TRANSLATE_NOOP("ActionController", "录入监督员的现场核实结果：属实转待立案，不属实作废"),
    ),
    _spec(
        "send_for_check",
        QT_TRANSLATE_NOOP("ActionController", "派发核查"),
        "F6",
        QT_TRANSLATE_NOOP(
            "ActionController", "单位已反馈处置结果：派监督员核查（默认本网格监督员）"
        ),
    ),
    _spec(
        "check_pass",
        QT_TRANSLATE_NOOP("ActionController", "核查通过（结案）"),
        "F7",
        QT_TRANSLATE_NOOP("ActionController", "录入核查结果：问题已解决，结案"),
    ),
    _spec(
        "check_fail",
        QT_TRANSLATE_NOOP("ActionController", "核查不通过（返工）"),
        "Shift+F7",
        QT_TRANSLATE_NOOP(
            "ActionController", "录入核查结果：问题未解决，退回单位返工（需说明原因）"
        ),
    ),
    _spec(
        "remind",
        QT_TRANSLATE_NOOP("ActionController", "催办"),
        "F8",
        QT_TRANSLATE_NOOP("ActionController", "催促处置单位尽快处置，记录催办次数；可多选"),
        bulk=True,
    ),
    _spec(
        APPROVE,
        QT_TRANSLATE_NOOP("ActionController", "批准申请"),
        "F9",
        QT_TRANSLATE_NOOP("ActionController", "批准单位的延期、回退、挂账申请，或监督员的先行处置"),
        covers=APPROVALS.values(),
    ),
    _spec(
        REJECT,
        QT_TRANSLATE_NOOP("ActionController", "驳回申请"),
        "Shift+F9",
        QT_TRANSLATE_NOOP("ActionController", "驳回单位的延期、回退、挂账申请，或监督员的先行处置"),
        covers=REJECTIONS.values(),
    ),
    _spec(
        "escalate",
        QT_TRANSLATE_NOOP("ActionController", "督办"),
        "Ctrl+D",
        QT_TRANSLATE_NOOP(
            "ActionController", "督办：填写督办意见，列为重点案件，等待处置单位回复；可多选"
        ),
        bulk=True,
    ),
    _spec(
        "escalation_reply",
        QT_TRANSLATE_NOOP("ActionController", "督办回复"),
        "Ctrl+Shift+D",
        QT_TRANSLATE_NOOP("ActionController", "处置单位回复督办：说明处置情况，督办即告办结"),
    ),
    _spec(
        "void",
        QT_TRANSLATE_NOOP("ActionController", "作废"),
        "Ctrl+Del",
        QT_TRANSLATE_NOOP(
            "ActionController", "作废（不予立案）：重复上报、不属于受理范围、现场未发现问题等"
        ),
    ),
    _spec(
        "note",
        QT_TRANSLATE_NOOP("ActionController", "备注"),
        "Ctrl+M",
        QT_TRANSLATE_NOOP("ActionController", "为案件添加备注"),
    ),
    _spec(
        "merge",
        QT_TRANSLATE_NOOP("ActionController", "合并重复案件"),
        "Ctrl+Shift+M",
        QT_TRANSLATE_NOOP("ActionController", "把选中的重复上报并入原案件（按案件编号选择原案件）"),
    ),
    _spec(
        "reclassify",
        QT_TRANSLATE_NOOP("ActionController", "重新分类"),
        "Ctrl+L",
        QT_TRANSLATE_NOOP("ActionController", "更正问题类别（按代码或名称查找）"),
    ),
    _spec(
        "restore",
        QT_TRANSLATE_NOOP("ActionController", "恢复处置"),
        "Ctrl+H",
        QT_TRANSLATE_NOOP("ActionController", "挂账案件恢复处置，按挂账时剩余的时限继续计时"),
    ),
    _spec(
        "feedback",
        QT_TRANSLATE_NOOP("ActionController", "处置反馈"),
        "Ctrl+Shift+E",
        QT_TRANSLATE_NOOP("ActionController", "处置单位反馈已处置，转待核查"),
    ),
    _spec(
        "request_return",
        QT_TRANSLATE_NOOP("ActionController", "申请回退"),
        "Ctrl+Shift+T",
        QT_TRANSLATE_NOOP("ActionController", "不属于本单位职责：申请回退，由值班长审批"),
    ),
    _spec(
        "request_extension",
        QT_TRANSLATE_NOOP("ActionController", "申请延期"),
        "Ctrl+Shift+Y",
        QT_TRANSLATE_NOOP("ActionController", "无法按期处置：申请延期，由值班长审批"),
    ),
    _spec(
        "request_suspension",
        QT_TRANSLATE_NOOP("ActionController", "申请挂账"),
        "Ctrl+Shift+P",
        QT_TRANSLATE_NOOP(
            "ActionController", "短期内无法处置（工程、季节原因）：申请挂账，由值班长审批"
        ),
    ),
    _spec(
        "revisit",
        QT_TRANSLATE_NOOP("ActionController", "回访"),
        "Ctrl+Shift+V",
        QT_TRANSLATE_NOOP(
            "ActionController",
            "结案后回访市民（热线、来访、上级平台的上报）：满意、基本满意、不满意或未回访",
        ),
    ),
    _spec(
        "reopen",
        QT_TRANSLATE_NOOP("ActionController", "重新打开"),
        "Ctrl+Shift+O",
        QT_TRANSLATE_NOOP("ActionController", "重新打开已结案或已作废的案件（管理员，需说明原因）"),
    ),
)
SPEC_BY_KEY: dict[str, ActionSpec] = {s.key: s for s in SPECS}
HELP_SHORTCUTS = ("F1", "Ctrl+/")
CALENDAR_SHORTCUT = "Ctrl+Shift+K"  # 管理 → 工作日历 (administrator)
REVISIT_LIST_SHORTCUT = "Ctrl+Shift+R"  # 案件 → 待回访 (who may call citizens back)
STATS_SHORTCUT = "Ctrl+Shift+S"  # 统计分析 (every role)
HISTORY_SHORTCUT = "Ctrl+Shift+F"  # 案件检索 over every case (every role)
ESCALATION_LIST_SHORTCUT = "Ctrl+Shift+G"  # 案件 → 督办件 (open escalations, oldest first)
HANDOVER_SHORTCUT = "Ctrl+Shift+H"  # 系统 → 交接班 (the centre's desks)
SWITCH_USER_SHORTCUT = "Ctrl+Shift+L"  # 系统 → 注销 / 切换用户
QUIT_SHORTCUT = "Ctrl+Q"  # 系统 → 退出, asked first (spelled out: not every platform binds Quit)

# Keys the main window and the queue use; the action shortcuts must never take them.
RESERVED = (
    QKeySequence.StandardKey.Refresh,
    QKeySequence.StandardKey.Find,
    QKeySequence.StandardKey.Quit,
    QKeySequence.StandardKey.Copy,
    QKeySequence.StandardKey.SelectAll,
    QKeySequence.StandardKey.HelpContents,
)


def role_can(spec: ActionSpec, role: Role) -> bool:
    """Whether the role may ever perform the action (else it is not offered at all)."""
    return any(role in RULES[Action(a)].roles for a in spec.domain_actions)


def request_kind(case: CaseSummary) -> str | None:
    """The request waiting for approval on this case, if any."""
    if case.pending_request:
        return case.pending_request
    if case.self_handled and case.state == CaseState.REPORTED:
        return "self_handled"
    return None


def predict(case: CaseSummary, role: Role) -> set[str]:
    """Actions the transition table allows for this state and role, before the exact answer.

    It enables the keys at once when the selection moves (no dead key press while the
    background query runs); the exact answer from the services (guards included) follows
    within milliseconds and the service re-checks every action anyway.
    """
    state = CaseState(case.state)
    out = {
        a.value
        for a, rule in RULES.items()
        if state in rule.sources and role in rule.roles and a not in INTERNAL_ACTIONS
    }
    # Approvals only exist for the pending request's kind; that is in the summary already.
    kind = request_kind(case)
    for table in (APPROVALS, REJECTIONS):
        out -= {a for k, a in table.items() if k != kind}
    return out


class ShortcutsDialog(QDialog):
    """Every action key the signed-in role has, and the fastest keyboard path."""

    def __init__(self, role: Role, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("快捷键一览"))
        native = QKeySequence.SequenceFormat.NativeText
        rows = [(s.shortcut_text(), tr(s.text), tr(s.tip)) for s in SPECS if role_can(s, role)]
        rows += [
            (QKeySequence(QKeySequence.StandardKey.Refresh).toString(native), self.tr("刷新"),
             self.tr("重新加载案件队列")),
            (QKeySequence(QKeySequence.StandardKey.Find).toString(native), self.tr("搜索"),
             self.tr("搜索案件编号、地址、描述、处置单位")),
            (self.tr("↑ ↓ Home End / Space"), self.tr("选择案件"),
             self.tr("在队列中移动并选中案件，Space 选中当前行；Shift/Ctrl 加方向键或点击可多选")),
            ("Enter / Esc", self.tr("确认 / 取消"), self.tr("在对话框中接受（如推荐单位）或取消")),
            ("N", self.tr("下一件新到案件"), self.tr("跳到并选中下一件新到（高亮）的案件")),
            ("Ctrl+1 … Ctrl+9, Ctrl+0", self.tr("按环节筛选"),
             self.tr("待受理、待核实、待立案、待派遣、处置中、待核查、挂账、超期、重点；0 全部")),
            (QKeySequence(SWITCH_USER_SHORTCUT).toString(native), self.tr("注销 / 切换用户"),
             self.tr("保存本人的布局与筛选，回到登录")),
            (QKeySequence(QUIT_SHORTCUT).toString(native), self.tr("退出"), self.tr("退出前确认")),
            (" / ".join(HELP_SHORTCUTS), self.tr("快捷键一览"), self.tr("显示本说明")),
        ]  # fmt: skip
        rows.append((QKeySequence(HISTORY_SHORTCUT).toString(native), self.tr("案件检索"),
                     self.tr("检索全部历史案件（含已结案、已作废），选中即在详情中查看")))
        rows.append((QKeySequence(ESCALATION_LIST_SHORTCUT).toString(native), self.tr("督办件"),
                     self.tr("在队列中列出待处置单位回复的督办，等待最久的在前")))  # fmt: skip
        if role is not Role.UNIT:
            rows.append((QKeySequence(HANDOVER_SHORTCUT).toString(native), self.tr("交接班"),
                         self.tr("本班交接单：生成、填写交接事项、确认接班、导出PDF")))  # fmt: skip
        rows.append((QKeySequence(STATS_SHORTCUT).toString(native), self.tr("统计分析"),
                     self.tr("图表、考核评价表与绩效目标；点击图中的柱或表中的数字列出其案件")))
        if role in RULES[Action.REVISIT].roles:
            rows.append((QKeySequence(REVISIT_LIST_SHORTCUT).toString(native), self.tr("待回访"),
                         self.tr("在队列中列出近 7 天结案、尚未回访的市民上报")))  # fmt: skip
        if role is Role.ADMIN:
            rows.append((QKeySequence(CALENDAR_SHORTCUT).toString(native), self.tr("工作日历"),
                         self.tr("节假日、调休工作日、办公时段与环节时限")))  # fmt: skip
        # A grid of plain labels: it sizes itself exactly (a rich-text table in one QLabel
        # under-reports its height and the rows below overlap).
        self.table = QWidget(self)
        self.table.setObjectName("shortcutsTable")
        grid = QGridLayout(self.table)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(4)
        for row, (keys, title, tip) in enumerate(rows):
            key_label = QLabel(keys, self.table)
            font = key_label.font()
            font.setBold(True)
            key_label.setFont(font)
            grid.addWidget(key_label, row, 0)
            grid.addWidget(QLabel(title, self.table), row, 1)
            grid.addWidget(QLabel(tip, self.table), row, 2)
        grid.setColumnStretch(2, 1)
        self.rows = rows
        path = QLabel(self)
        path.setObjectName("keyboardPath")
        path.setWordWrap(True)
        if role_can(SPEC_BY_KEY["file"], role) and role_can(SPEC_BY_KEY["dispatch"], role):
            path.setText(self.tr("最快流程：登录后光标在队列首行（最新上报），Space 选中 → F2 立案"
                                 "（类别已预填）→ Enter → F3 派遣（已选中推荐单位）→ Enter；"
                                 "处理其他案件时新到的上报：N 跳转并选中"))  # fmt: skip
        elif role_can(SPEC_BY_KEY["dispatch"], role):
            path.setText(self.tr("最快流程：Ctrl+4 显示待派遣 → Space 选中 → F3 派遣"
                                 "（已选中推荐单位）→ Enter"))  # fmt: skip
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(path)
        layout.addWidget(buttons)

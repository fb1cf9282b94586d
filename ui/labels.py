"""The core's Chinese words in the user's language: the one place the UI translates them.

`workstation/` knows no Qt and speaks Chinese: state, source, action, role, priority and
request labels, time limits ("3 工作日") and `DomainError` sentences. Every view that shows
one of them passes it through a function here. Without a translator (the Chinese
interface) each function returns its input unchanged; the rules stay in the domain, this
module only translates words.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from workstation.domain.attachments import AttachmentKind
from workstation.domain.calendar import LimitUnit, TimeLimit
from workstation.domain.case import Stage
from workstation.domain.catalog import CategoryKind
from workstation.domain.clock import ClockLevel
from workstation.domain.lifecycle import (
    Action,
    CaseState,
    Priority,
    RequestKind,
    Satisfaction,
    Source,
)
from workstation.domain.roles import Role
from workstation.domain.units import UnitKind

# Spelled out at each call: lupdate reads translate("Context", "literal") only.
translate = QCoreApplication.translate

def _marked(*texts: object) -> tuple[str, ...]:
    """Texts marked with QT_TRANSLATE_NOOP (typed `object` by PySide's stubs)."""
    return tuple(str(t) for t in texts)


# Every label the core returns, marked for lupdate (a test checks none is missing). One
# context per kind of label: the same word names a state and an action (上报), or a state
# and a request (挂账), and English needs a different word for each.
STATES = _marked(
    QT_TRANSLATE_NOOP("CaseState", "上报"),
    QT_TRANSLATE_NOOP("CaseState", "核实中"),
    QT_TRANSLATE_NOOP("CaseState", "已立案"),
    QT_TRANSLATE_NOOP("CaseState", "已派遣"),
    QT_TRANSLATE_NOOP("CaseState", "待核查"),
    QT_TRANSLATE_NOOP("CaseState", "挂账"),
    QT_TRANSLATE_NOOP("CaseState", "已结案"),
    QT_TRANSLATE_NOOP("CaseState", "已作废"),
)
ACTIONS = _marked(
    QT_TRANSLATE_NOOP("CaseAction", "上报"),
    QT_TRANSLATE_NOOP("CaseAction", "派发核实"),
    QT_TRANSLATE_NOOP("CaseAction", "核实反馈"),
    QT_TRANSLATE_NOOP("CaseAction", "立案"),
    QT_TRANSLATE_NOOP("CaseAction", "作废"),
    QT_TRANSLATE_NOOP("CaseAction", "派遣"),
    QT_TRANSLATE_NOOP("CaseAction", "处置反馈"),
    QT_TRANSLATE_NOOP("CaseAction", "申请回退"),
    QT_TRANSLATE_NOOP("CaseAction", "批准回退"),
    QT_TRANSLATE_NOOP("CaseAction", "驳回回退"),
    QT_TRANSLATE_NOOP("CaseAction", "申请延期"),
    QT_TRANSLATE_NOOP("CaseAction", "批准延期"),
    QT_TRANSLATE_NOOP("CaseAction", "驳回延期"),
    QT_TRANSLATE_NOOP("CaseAction", "申请挂账"),
    QT_TRANSLATE_NOOP("CaseAction", "批准挂账"),
    QT_TRANSLATE_NOOP("CaseAction", "驳回挂账"),
    QT_TRANSLATE_NOOP("CaseAction", "恢复处置"),
    QT_TRANSLATE_NOOP("CaseAction", "派发核查"),
    QT_TRANSLATE_NOOP("CaseAction", "核查通过（结案）"),
    QT_TRANSLATE_NOOP("CaseAction", "核查不通过（返工）"),
    QT_TRANSLATE_NOOP("CaseAction", "批准先行处置结案"),
    QT_TRANSLATE_NOOP("CaseAction", "驳回先行处置"),
    QT_TRANSLATE_NOOP("CaseAction", "催办"),
    QT_TRANSLATE_NOOP("CaseAction", "督办"),
    QT_TRANSLATE_NOOP("CaseAction", "督办回复"),
    QT_TRANSLATE_NOOP("CaseAction", "合并为重复案件"),
    QT_TRANSLATE_NOOP("CaseAction", "并入重复案件"),
    QT_TRANSLATE_NOOP("CaseAction", "重新分类"),
    QT_TRANSLATE_NOOP("CaseAction", "备注"),
    QT_TRANSLATE_NOOP("CaseAction", "重新打开"),
    QT_TRANSLATE_NOOP("CaseAction", "重算期限"),
    QT_TRANSLATE_NOOP("CaseAction", "回访"),
)
SOURCES = _marked(
    QT_TRANSLATE_NOOP("CaseSource", "监督员上报"),
    QT_TRANSLATE_NOOP("CaseSource", "12345热线"),
    QT_TRANSLATE_NOOP("CaseSource", "12319热线"),
    QT_TRANSLATE_NOOP("CaseSource", "来访"),
    QT_TRANSLATE_NOOP("CaseSource", "上级平台"),
)
ROLES = _marked(
    QT_TRANSLATE_NOOP("Role", "受理员"),
    QT_TRANSLATE_NOOP("Role", "值班长"),
    QT_TRANSLATE_NOOP("Role", "派遣员"),
    QT_TRANSLATE_NOOP("Role", "处置单位"),
    QT_TRANSLATE_NOOP("Role", "管理员"),
    QT_TRANSLATE_NOOP("Role", "监督员"),
)
REQUESTS = _marked(  # inside sentences ("延期申请"): lower case in English
    QT_TRANSLATE_NOOP("RequestKind", "回退"),
    QT_TRANSLATE_NOOP("RequestKind", "延期"),
    QT_TRANSLATE_NOOP("RequestKind", "挂账"),
)
PRIORITIES = _marked(
    QT_TRANSLATE_NOOP("Priority", "紧急"),
    QT_TRANSLATE_NOOP("Priority", "一般"),
)
WORDS = _marked(
    # Satisfaction
    QT_TRANSLATE_NOOP("DomainLabels", "满意"),
    QT_TRANSLATE_NOOP("DomainLabels", "基本满意"),
    QT_TRANSLATE_NOOP("DomainLabels", "不满意"),
    QT_TRANSLATE_NOOP("DomainLabels", "未回访"),
    # Stage
    QT_TRANSLATE_NOOP("DomainLabels", "核实"),
    QT_TRANSLATE_NOOP("DomainLabels", "立案"),
    QT_TRANSLATE_NOOP("DomainLabels", "派遣"),
    QT_TRANSLATE_NOOP("DomainLabels", "处置"),
    QT_TRANSLATE_NOOP("DomainLabels", "核查"),
    # ClockLevel
    QT_TRANSLATE_NOOP("DomainLabels", "正常"),
    QT_TRANSLATE_NOOP("DomainLabels", "即将超期"),
    QT_TRANSLATE_NOOP("DomainLabels", "超期"),
    # CategoryKind, UnitKind, AttachmentKind
    QT_TRANSLATE_NOOP("DomainLabels", "部件"),
    QT_TRANSLATE_NOOP("DomainLabels", "事件"),
    QT_TRANSLATE_NOOP("DomainLabels", "职能部门"),
    QT_TRANSLATE_NOOP("DomainLabels", "公用事业单位"),
    QT_TRANSLATE_NOOP("DomainLabels", "街道办事处"),
    QT_TRANSLATE_NOOP("DomainLabels", "处置前"),
    QT_TRANSLATE_NOOP("DomainLabels", "处置后"),
    QT_TRANSLATE_NOOP("DomainLabels", "其他"),
    # The fields the domain's "请填写…" and "…无效" sentences name.
    QT_TRANSLATE_NOOP("DomainLabels", "问题描述"),
    QT_TRANSLATE_NOOP("DomainLabels", "案件号"),
    QT_TRANSLATE_NOOP("DomainLabels", "案件编号"),
    QT_TRANSLATE_NOOP("DomainLabels", "作废原因"),
    QT_TRANSLATE_NOOP("DomainLabels", "处置单位"),
    QT_TRANSLATE_NOOP("DomainLabels", "处置时限"),
    QT_TRANSLATE_NOOP("DomainLabels", "申请理由"),
    QT_TRANSLATE_NOOP("DomainLabels", "延期时长"),
    QT_TRANSLATE_NOOP("DomainLabels", "核查监督员"),
    QT_TRANSLATE_NOOP("DomainLabels", "驳回理由"),
    QT_TRANSLATE_NOOP("DomainLabels", "原案件"),
    QT_TRANSLATE_NOOP("DomainLabels", "重复案件"),
    QT_TRANSLATE_NOOP("DomainLabels", "新的问题类别"),
    QT_TRANSLATE_NOOP("DomainLabels", "重新打开的原因"),
    QT_TRANSLATE_NOOP("DomainLabels", "重算原因"),
    QT_TRANSLATE_NOOP("DomainLabels", "回访结果"),
    QT_TRANSLATE_NOOP("DomainLabels", "经度"),
    QT_TRANSLATE_NOOP("DomainLabels", "纬度"),
    QT_TRANSLATE_NOOP("DomainLabels", "应为如 8 工作时、3 工作日、2 小时、30 分钟"),
    # The recommendation's reason (workstation/domain/units.py).
    QT_TRANSLATE_NOOP("DomainLabels", "所有类别"),
    QT_TRANSLATE_NOOP("DomainLabels", "全区"),
)

# Which table holds the labels of which domain enum (the test that keeps them complete).
TABLES: dict[str, tuple[type[enum.Enum], ...]] = {
    "CaseState": (CaseState,),
    "CaseAction": (Action,),
    "CaseSource": (Source,),
    "Role": (Role,),
    "RequestKind": (RequestKind,),
    "Priority": (Priority,),
    "DomainLabels": (Satisfaction, Stage, ClockLevel, CategoryKind, UnitKind, AttachmentKind),
}
# Where a word of unknown kind is looked up, in this order (a generic word first).
_CONTEXTS = ("DomainLabels", "Role", "CaseSource", "CaseAction", "CaseState", "RequestKind",
             "Priority")  # fmt: skip


def domain_text(chinese: str, context: str | None = None) -> str:
    """One Chinese word of the core (a label, a field name) in the user's language; from
    one context, or the first that translates it."""
    if not chinese:
        return chinese
    for name in (context,) if context else _CONTEXTS:
        text = translate(name, chinese)
        if text != chinese:
            return text
    return chinese


def _label(kind: type[enum.StrEnum], context: str, value: object) -> str:
    """An enum's label by its value (or the label itself, as a DTO carries it)."""
    try:
        label = str(kind(str(value)).label)  # type: ignore[attr-defined]
    except ValueError:
        label = str(value)
    return domain_text(label, context)


def state_label(state: str) -> str:
    """"dispatched" (or its label 已派遣) → the state's name for the user."""
    return _label(CaseState, "CaseState", state)


def action_label(action: str) -> str:
    return _label(Action, "CaseAction", action)


def source_label(source: str) -> str:
    return _label(Source, "CaseSource", source)


def role_label(role: str) -> str:
    return _label(Role, "Role", role)


def request_label(kind: str) -> str:
    return _label(RequestKind, "RequestKind", kind)


def priority_label(priority: str) -> str:
    return _label(Priority, "Priority", priority)


def word_label(label: str) -> str:
    """A label of another domain enum (部件, 职能部门, 处置前 …)."""
    return domain_text(label, "DomainLabels")


class LimitTexts(QObject):
    """The numerus forms of the limits' units (lupdate marks plurals only in `tr`)."""

    def counted(self, value: int, unit: LimitUnit) -> str:
        if unit is LimitUnit.WORK_DAYS:
            return self.tr("%n 工作日", "", value)
        if unit is LimitUnit.WORK_HOURS:
            return self.tr("%n 工作时", "", value)
        if unit is LimitUnit.NATURAL_HOURS:
            return self.tr("%n 自然小时", "", value)
        return self.tr("%n 分钟", "", value)


@cache
def _limit_texts() -> LimitTexts:
    # One for the process, made on first use; tr() may be called from any thread.
    return LimitTexts()


def _decimal(unit: LimitUnit) -> str:
    return {
        LimitUnit.WORK_DAYS: translate("DomainLabels", "%1 工作日"),
        LimitUnit.WORK_HOURS: translate("DomainLabels", "%1 工作时"),
        LimitUnit.NATURAL_HOURS: translate("DomainLabels", "%1 自然小时"),
        LimitUnit.NATURAL_MINUTES: translate("DomainLabels", "%1 分钟"),
    }[unit]


def limit_text(limit: str | TimeLimit | None) -> str:
    """A time limit as the domain writes it ("3 工作日", "2 工作时", "30 分钟"), translated;
    text that is not a limit comes back unchanged."""
    if limit is None:
        return ""
    text = str(limit)
    try:
        parsed = limit if isinstance(limit, TimeLimit) else TimeLimit.parse(text)
    except ValueError:
        return text
    template = _decimal(parsed.unit)
    if "%1" not in template or template == _DECIMAL_SOURCES[parsed.unit]:
        return text  # no translation (the Chinese interface): exactly what the domain said
    value = parsed.value
    if isinstance(value, int) or value.is_integer():
        return _limit_texts().counted(int(value), parsed.unit)
    return template.replace("%1", str(value))


_DECIMAL_SOURCES = {LimitUnit.WORK_DAYS: "%1 工作日", LimitUnit.WORK_HOURS: "%1 工作时",
                    LimitUnit.NATURAL_HOURS: "%1 自然小时", LimitUnit.NATURAL_MINUTES: "%1 分钟"}
# The domain's sentences that name a limit inside other words ("（延长 1 工作日）").
_LIMIT_IN_TEXT = re.compile(r"\d+(?:\.\d+)?\s*(?:工作日|工作时|自然小时|分钟)")


def limits_in(text: str) -> str:
    """Every time limit inside a longer text translated, the rest left as it is."""
    return _LIMIT_IN_TEXT.sub(lambda m: limit_text(m.group(0)), text) if text else text


# ------------------------------------------------------------------------------ errors

# The sentences of `DomainError` and its subclasses (workstation/domain/case.py, the
# services, the repositories) as templates: %1 … %4 stand for the values the core put in.
# A message that matches none is shown as the core wrote it.
ERROR_TEMPLATES = _marked(
    QT_TRANSLATE_NOOP("DomainErrors", "%1 处于『%2』，不能%3"),
    QT_TRANSLATE_NOOP("DomainErrors", "%1无权%2（仅限%3）"),
    QT_TRANSLATE_NOOP("DomainErrors", "%1 不属于本单位，不能%2"),
    QT_TRANSLATE_NOOP("DomainErrors", "%1 不属于本单位"),
    QT_TRANSLATE_NOOP("DomainErrors", "%1 已被他人修改，请刷新后重试"),
    QT_TRANSLATE_NOOP("DomainErrors", "%1 已被 %2 于 %3 %4，请刷新后重试"),
    QT_TRANSLATE_NOOP("DomainErrors", "请填写%1"),
    QT_TRANSLATE_NOOP("DomainErrors", "%1填写有误：%2"),
    QT_TRANSLATE_NOOP("DomainErrors", "%1不是数字：%2"),
    QT_TRANSLATE_NOOP("DomainErrors", "%1无效：%2"),
    QT_TRANSLATE_NOOP("DomainErrors", "坐标须同时给出经度和纬度"),
    QT_TRANSLATE_NOOP("DomainErrors", "坐标 %1 不在本区的单元网格内，请核对位置"),
    QT_TRANSLATE_NOOP("DomainErrors", "无效的位置：%1"),
    # Not errors, but the core's sentences too: why a unit is recommended.
    QT_TRANSLATE_NOOP("DomainErrors", "责任规则：%1 · %2 → %3"),
    QT_TRANSLATE_NOOP("DomainErrors", "无匹配责任规则，按属地原则派至%1"),
    QT_TRANSLATE_NOOP("DomainErrors", "案件 %1 不存在"),
    QT_TRANSLATE_NOOP("DomainErrors", "单元网格 %1 不存在"),
    QT_TRANSLATE_NOOP("DomainErrors", "监督员 %1 不存在"),
    QT_TRANSLATE_NOOP("DomainErrors", "附件 %1 不存在"),
    QT_TRANSLATE_NOOP("DomainErrors", "未知的问题类别：%1"),
    QT_TRANSLATE_NOOP("DomainErrors", "未知的处置单位：%1"),
    QT_TRANSLATE_NOOP("DomainErrors", "无效的案件号：%1"),
    QT_TRANSLATE_NOOP("DomainErrors", "网格 %1 没有匹配的责任单位，也找不到所属街道办事处"),
    QT_TRANSLATE_NOOP("DomainErrors", "账号或密码错误，或账号已停用"),
    QT_TRANSLATE_NOOP("DomainErrors", "账号 %1 不存在或已停用"),
    # The database's failures (workstation.persistence.problems), the driver's line last.
    QT_TRANSLATE_NOOP("DomainErrors", "数据库操作超时，已取消，未写入任何内容（%1）"),
    QT_TRANSLATE_NOOP("DomainErrors", "数据库事务空闲超时，已取消，未写入任何内容（%1）"),
    QT_TRANSLATE_NOOP("DomainErrors", "无法连接数据库：服务器没有在限定时间内应答（%1）"),
    QT_TRANSLATE_NOOP("DomainErrors", "无法连接数据库（%1）"),
    QT_TRANSLATE_NOOP("DomainErrors", "数据库正忙（另一个程序正在写入），请稍后重试（%1）"),
    QT_TRANSLATE_NOOP("DomainErrors", "数据库错误：%1"),
    QT_TRANSLATE_NOOP("DomainErrors", "数据库的结构版本（%1）比本程序新（本程序为 %2）：它已由更新版本的工作站升级，请改用新版工作站；本版本不会读写或降级它"),  # noqa: E501
    QT_TRANSLATE_NOOP("DomainErrors", "数据库结构未初始化或版本不符，请先运行 workstation db upgrade（%1）"),  # noqa: E501
    QT_TRANSLATE_NOOP("DomainErrors", "案件已存在，不能重复上报"),
    QT_TRANSLATE_NOOP("DomainErrors", "%1需要一个已存在的案件"),
    QT_TRANSLATE_NOOP("DomainErrors", "只有监督员上报的问题可以先行处置"),
    QT_TRANSLATE_NOOP("DomainErrors", "%1 的核实任务不是派给你的"),
    QT_TRANSLATE_NOOP("DomainErrors", "%1 的核查任务不是派给你的"),
    QT_TRANSLATE_NOOP("DomainErrors", "%1 为先行处置上报，请批准或驳回先行处置"),
    QT_TRANSLATE_NOOP("DomainErrors", "%1 来自%2，需先经监督员核实才能立案"),
    QT_TRANSLATE_NOOP("DomainErrors", "%1 立案需要选择问题类别"),
    QT_TRANSLATE_NOOP("DomainErrors", "%1 立案需要确定所在单元网格"),
    QT_TRANSLATE_NOOP("DomainErrors", "%1 已立案，作废需值班长批准"),
    QT_TRANSLATE_NOOP("DomainErrors", "%1 已立案，合并作废需值班长批准"),
    QT_TRANSLATE_NOOP("DomainErrors", "%1 有待审批的%2申请，请先等待值班长处理"),
    QT_TRANSLATE_NOOP("DomainErrors", "%1 已有待审批的%2申请"),
    QT_TRANSLATE_NOOP("DomainErrors", "%1 没有待审批的%2申请"),
    QT_TRANSLATE_NOOP("DomainErrors", "%1 尚未派发核查，不能录入核查结果"),
    QT_TRANSLATE_NOOP("DomainErrors", "核查不通过需要说明原因"),
    QT_TRANSLATE_NOOP("DomainErrors", "%1 不是先行处置上报"),
    QT_TRANSLATE_NOOP("DomainErrors", "%1 尚未派发%2，请先派发%2"),
    QT_TRANSLATE_NOOP("DomainErrors", "%1 已在督办中，等待处置单位回复"),
    QT_TRANSLATE_NOOP("DomainErrors", "请填写督办意见"),
    QT_TRANSLATE_NOOP("DomainErrors", "%1 没有待回复的督办"),
    QT_TRANSLATE_NOOP("DomainErrors", "请填写督办回复"),
    QT_TRANSLATE_NOOP("DomainErrors", "%1 不能与自身合并"),
    QT_TRANSLATE_NOOP("DomainErrors", "不能把案件与自身合并"),
    QT_TRANSLATE_NOOP("DomainErrors", "%1 已结束，不能作为原案件"),
    QT_TRANSLATE_NOOP("DomainErrors", "%1 已是该类别"),
    QT_TRANSLATE_NOOP("DomainErrors", "备注内容不能为空"),
    QT_TRANSLATE_NOOP("DomainErrors", "%1 由监督员上报，没有需要回访的市民"),
    QT_TRANSLATE_NOOP("DomainErrors", "%1 已回访（%2），不能重复回访"),
    QT_TRANSLATE_NOOP("DomainErrors", "回访结果应为%1之一"),
    QT_TRANSLATE_NOOP("DomainErrors", "市民不满意时请记录不满意的原因"),
    QT_TRANSLATE_NOOP("DomainErrors", "请使用上报功能登记新问题"),
    QT_TRANSLATE_NOOP("DomainErrors", "请选择要并入的原案件"),
    QT_TRANSLATE_NOOP("DomainErrors", "案件缺少类别或网格，无法推荐处置单位"),
    QT_TRANSLATE_NOOP("DomainErrors", "没有加载单元网格数据"),
    QT_TRANSLATE_NOOP("DomainErrors", "%1 不是监督员，不能上报位置"),
    QT_TRANSLATE_NOOP("DomainErrors", "%1只能%2本单位的案件"),
    QT_TRANSLATE_NOOP("DomainErrors", "稍后提醒的时间必须晚于现在"),
    QT_TRANSLATE_NOOP("DomainErrors", "%1账号未关联处置单位，无权%2"),
    QT_TRANSLATE_NOOP("DomainErrors", "%1无权%2"),
    QT_TRANSLATE_NOOP("DomainErrors", "无法识别的时限：%1（%2）"),
    QT_TRANSLATE_NOOP("DomainErrors", "时限必须大于 0：%1（%2）"),
)
# A case as the domain names it in its sentences (`Case.label`).
_CASE = re.compile(r"^案件 (\S+)$")
_LIST = "、"


@cache
def _pattern(template: str) -> re.Pattern[str]:
    """The template as a regular expression: each %N one lazy group (a repeated %N, a
    back-reference), anchored at both ends."""
    seen: list[str] = []
    out = []
    for part in re.split(r"(%\d)", template):
        if re.fullmatch(r"%\d", part):
            if part in seen:
                out.append(f"(?P={_group(part)})")
            else:
                seen.append(part)
                out.append(f"(?P<{_group(part)}>.+?)")
        else:
            out.append(re.escape(part))
    return re.compile("^" + "".join(out) + "$", re.DOTALL)


def _group(placeholder: str) -> str:
    return "v" + placeholder[1:]


# The kind of the labels some templates carry, where the word alone is ambiguous
# (挂账: the state, or the request).
_HINTS: dict[str, dict[str, str]] = {
    "%1 处于『%2』，不能%3": {"v2": "CaseState", "v3": "CaseAction"},
    "%1无权%2（仅限%3）": {"v1": "Role", "v2": "CaseAction", "v3": "Role"},
    "%1 不属于本单位，不能%2": {"v2": "CaseAction"},
    "%1 已被 %2 于 %3 %4，请刷新后重试": {"v4": "CaseAction"},
    "%1需要一个已存在的案件": {"v1": "CaseAction"},
    "%1 来自%2，需先经监督员核实才能立案": {"v2": "CaseSource"},
    "%1 有待审批的%2申请，请先等待值班长处理": {"v2": "RequestKind"},
    "%1 已有待审批的%2申请": {"v2": "RequestKind"},
    "%1 没有待审批的%2申请": {"v2": "RequestKind"},
    "%1只能%2本单位的案件": {"v1": "Role"},
    "%1账号未关联处置单位，无权%2": {"v1": "Role"},
    "%1无权%2": {"v1": "Role"},
}


def _value(text: str, context: str | None = None) -> str:
    """A value the core put into a sentence: a label, a list of labels, a case, a limit."""
    word = domain_text(text, context)
    if word != text:
        return word
    case = _CASE.match(text)
    if case is not None:
        return translate("DomainErrors", "案件 %1").replace("%1", case.group(1))
    if _LIMIT_IN_TEXT.fullmatch(text.strip()):
        return limit_text(text.strip())
    nested = error_text(text)  # a sentence inside a sentence ("延期时长填写有误：…")
    if nested != text:
        return nested
    if _LIST in text:
        parts = [_value(p, context) for p in text.split(_LIST)]
        return translate("DomainErrors", "、").join(parts)
    return text


def _english(templates: Iterable[str]) -> bool:
    return any(translate("DomainErrors", t) != t for t in templates)


def error_text(message: str) -> str:
    """A `DomainError` sentence (or another sentence of the core) in the user's language;
    unchanged in Chinese, and when no template matches (the core's words beat none)."""
    if not message or not _english(ERROR_TEMPLATES[:1]):
        return message
    if "\n" in message:  # several errors, one a line (a batch, a form)
        return "\n".join(error_text(line) for line in message.split("\n"))
    for template in ERROR_TEMPLATES:
        match = _pattern(template).match(message)
        if match is None:
            continue
        out = translate("DomainErrors", template)
        hints = _HINTS.get(template, {})
        for name, value in match.groupdict().items():
            out = out.replace("%" + name[1:], _value(value, hints.get(name)))
        return out
    return message

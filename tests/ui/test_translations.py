"""The English translation: complete, up to date with the sources, and shown by the window."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator

from ui import i18n, labels
from ui.app import install_translations
from ui.main_window import MainWindow
from ui.models.queue_rows import STAGE_ORDER, Stage
from ui.operations import user_message
from ui.widgets.detail_actions import PRIMARY, SECONDARY
from workstation.domain.attachments import AttachmentKind
from workstation.domain.errors import DomainError, PermissionDenied

TS = i18n.ts_file("en")
# %1 … %9 and %n (Qt), {name} (str.format); the same set on both sides of a message.
PLACEHOLDER = re.compile(r"%(?:\d|n)|\{[a-z_]*\}")
CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]")
# Chinese kept on purpose: what the user types to search the (Chinese) catalogue.
KEEPS_CHINESE = {"输入类别代码或名称查找，如 0102、E0102、井盖"}


def _messages(path: Path) -> dict[tuple[str, str, str], ET.Element]:
    """(context, source, disambiguation) → <message>, for every message of a .ts file."""
    out: dict[tuple[str, str, str], ET.Element] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            out[key] = message
    return out


def _translations(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


def test_every_message_is_translated_and_finished() -> None:
    messages = _messages(TS)
    assert len(messages) > 500
    problems = []
    for (context, source, _), message in messages.items():
        translation = message.find("translation")
        assert translation is not None
        texts = _translations(message)
        if translation.get("type") is not None:
            problems.append(f"{context}: {source!r} is {translation.get('type')}")
        if message.get("numerus") == "yes" and len(texts) != 2:  # English: one, other
            problems.append(f"{context}: {source!r} needs 2 plural forms, has {len(texts)}")
        for text in texts:
            if not text.strip():
                problems.append(f"{context}: {source!r} has no translation")
            elif sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(source)):
                problems.append(f"{context}: {source!r} → {text!r} changes the placeholders")
            elif "&" in source and re.sub(r"[^&]", "", source) != re.sub(r"[^&]", "", text):
                problems.append(f"{context}: {source!r} → {text!r} loses the accelerator")
            elif CJK.search(text) and source not in KEEPS_CHINESE:
                problems.append(f"{context}: {source!r} → {text!r} is still Chinese")
    assert not problems, "\n".join(problems)


def test_domain_labels_shown_through_tr_are_marked() -> None:
    """The action buttons and photo groups translate the domain's Chinese labels."""
    contexts = {(context, source) for context, source, _ in _messages(TS)}
    missing = [a.label for a in PRIMARY + SECONDARY if ("ActionBar", a.label) not in contexts]
    missing += [k.label for k in AttachmentKind if ("PhotoStrip", k.label) not in contexts]
    assert not missing


def test_ts_is_up_to_date_with_the_sources(tmp_path: Path) -> None:
    lupdate = i18n._tool("lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed: cannot rescan the sources")
    copy = tmp_path / TS.name
    shutil.copyfile(TS, copy)
    result = subprocess.run([lupdate, *i18n.lupdate_arguments("en", copy)],
                            capture_output=True, text=True, timeout=120)  # fmt: skip
    assert result.returncode == 0, result.stderr
    before, after = _messages(TS), _messages(copy)
    new = sorted(set(after) - set(before))
    gone = sorted(set(before) - set(after))
    unfinished = sorted(k for k, m in after.items() if m.find("translation").get("type"))
    hint = "run `python -m ui.i18n update` and translate the new messages"
    assert not new, f"messages missing from {TS.name} ({hint}): {new}"
    assert not gone, f"messages no longer in the sources ({hint}): {gone}"
    assert not unfinished, f"unfinished after lupdate ({hint}): {unfinished}"


def test_compiled_qm_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "user_cache_path", lambda *args, **kwargs: tmp_path)
    qm = i18n.compiled_qm("en")
    if qm is None:
        pytest.skip("pyside6-lrelease is not installed: cannot build the .qm")
    assert qm.parent == tmp_path
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("MainWindow", "提醒中心") == "Reminders"
    assert i18n.compiled_qm("en") == qm  # up to date: not rebuilt


@pytest.fixture
def english(qapp, tmp_path, monkeypatch) -> Iterator[list[QTranslator]]:
    """The English interface for one test; Chinese again afterwards for the others."""
    monkeypatch.setattr(i18n, "user_cache_path", lambda *args, **kwargs: tmp_path)
    locale = QLocale()
    translators = install_translations(qapp, "en")
    try:
        if not any(t.filePath().endswith("workstation_en.qm") for t in translators):
            pytest.skip("the English .qm could not be built (pyside6-lrelease missing)")
        yield translators
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
        QLocale.setDefault(locale)


def test_main_window_shows_english(qtbot, english, ws, ctx_for, qsettings) -> None:
    window = MainWindow(ctx_for("leader"), qsettings)
    qtbot.addWidget(window)

    title = window.windowTitle()
    assert title.startswith("Grid Dispatch Workstation — Chenggong Sub-centre · ")
    assert title.endswith(" (Demo mode)")
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&System", "&Cases", "&View", "&Statistics", "&Help"]
    docks = [window.detail_dock, window.reminder_dock, window.map_dock, window.supervisor_dock]
    assert [d.windowTitle() for d in docks] == [
        "Case details", "Reminders", "Grid map", "Field supervisors"
    ]  # fmt: skip
    model = window.queue.model
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert headers == [
        "Case no.", "Reported", "Source", "Category", "Subdistrict/Community",
        "Address/description", "Status", "Time left", "Handling unit", "Key", "Reminders",
        "Grid cell",
    ]  # fmt: skip
    bar = window.queue.stage_bar
    labels = [bar.button(stage).text().rsplit(" ", 1)[0] for stage in STAGE_ORDER]
    assert labels == [
        "Intake", "Verifying", "To file", "To dispatch", "Handling", "To check", "Suspended",
        "Overdue", "Key", "Closed today", "All",
    ][: len(STAGE_ORDER)]  # fmt: skip
    assert bar.button(Stage.ALL).text() == "All 0"
    # Everything the UI itself says is English (names and data from the database are not).
    shown = [*menus, *headers, *labels, *(d.windowTitle() for d in docks)]
    assert not [text for text in shown if CJK.search(text)]
    actions = window.actions.actions
    assert (actions["file"].text(), actions["approve"].text()) == ("File", "Approve request")
    # 批准/驳回 name the pending request: the words are put together per language.
    cell = ws.reference.cells[ws.reference.supervisors["jdy001"].patrol_cells[0]]
    case = ws.report(ws.actor("jdy001"), description="井盖破损", lon=cell.lon, lat=cell.lat,
                     category_code="C0102")  # fmt: skip
    window.actions.set_selection([replace(case, pending_request="extension")])
    assert actions["approve"].text() == "Approve extension request"
    assert actions["reject"].text() == "Reject extension request"


# -- the core's Chinese words (ui/labels.py) ---------------------------------------------------

HAN = re.compile(r"[\u4e00-\u9fff]")


def test_every_domain_label_is_in_its_table() -> None:
    """A new state, action, role … in the domain must be marked for translation too."""
    tables = {"CaseState": labels.STATES, "CaseAction": labels.ACTIONS,
              "CaseSource": labels.SOURCES, "Role": labels.ROLES,
              "RequestKind": labels.REQUESTS, "Priority": labels.PRIORITIES,
              "DomainLabels": labels.WORDS}  # fmt: skip
    missing = [(context, member.label) for context, kinds in labels.TABLES.items()
               for kind in kinds for member in kind if member.label not in tables[context]]
    assert not missing
    contexts = {(context, source) for context, source, _ in _messages(TS)}
    unmarked = [(c, s) for c, texts in tables.items() for s in texts if (c, s) not in contexts]
    unmarked += [("DomainErrors", t) for t in labels.ERROR_TEMPLATES
                 if ("DomainErrors", t) not in contexts]  # fmt: skip
    assert not unmarked


ERRORS = [
    "案件 2026112500001 处于『已立案』，不能派发核实",
    "受理员无权派遣（仅限值班长、派遣员）",
    "案件 2026112500001 不属于本单位，不能申请延期",
    "案件 2026112500001 已被 dispatcher 于 10:21 派遣，请刷新后重试",
    "请填写作废原因",
    "坐标须同时给出经度和纬度",
    "经度无效：999",
    "案件 2026112500001 有待审批的挂账申请，请先等待值班长处理",
    "延期时长填写有误：无法识别的时限：'abc'（应为如 8 工作时、3 工作日、2 小时、30 分钟）",
]


def test_domain_words_are_unchanged_in_chinese(qapp) -> None:
    assert labels.state_label("dispatched") == "已派遣"
    assert labels.source_label("hotline_12345") == "12345热线"
    assert labels.action_label("request_verification") == "派发核实"
    assert labels.role_label("leader") == labels.role_label("值班长") == "值班长"
    assert labels.request_label("suspension") == "挂账"
    assert [labels.limit_text(t) for t in ("1 工作日", "3工作日", "2 工作时", "30 分钟")] == [
        "1 工作日", "3工作日", "2 工作时", "30 分钟"]  # fmt: skip
    assert [labels.error_text(m) for m in ERRORS] == ERRORS
    assert user_message(PermissionDenied(ERRORS[1])) == ERRORS[1]


def test_domain_words_are_english(english) -> None:
    assert labels.state_label("dispatched") == "Dispatched"
    assert labels.state_label("suspended") == "Suspended"
    assert labels.request_label("suspension") == "suspension"  # 挂账, the request
    assert labels.state_label("reported") == "Reported"
    assert labels.action_label("report") == "Report"  # 上报, the action
    assert labels.source_label("hotline_12345") == "12345 hotline"
    assert labels.role_label("leader") == "Shift leader"
    assert labels.limit_text("1 工作日") == "1 working day"
    assert labels.limit_text("3 工作日") == "3 working days"
    assert labels.limit_text("2 工作时") == "2 working hours"
    assert labels.limit_text("1.5 工作日") == "1.5 working days"
    assert labels.limit_text("30 分钟") == "30 minutes"
    assert labels.limit_text("4 自然小时") == "4 hours"
    assert labels.limits_in("（延长 1 工作日）") == "（延长 1 working day）"
    english_errors = [labels.error_text(m) for m in ERRORS]
    assert not [m for m in english_errors if HAN.search(m)]
    assert english_errors[0] == (
        "Case 2026112500001 is “Filed”: “Send for verification” is not possible in this state")
    assert english_errors[1] == (
        "The role Call-taker may not “Dispatch” (only: Shift leader, Dispatcher)")
    # What the operations helper hands to every view: the same English sentence.
    assert user_message(PermissionDenied(ERRORS[1])) == english_errors[1]
    assert labels.error_text("一句没有模板的话") == "一句没有模板的话"  # the core's words, not none


def test_queue_detail_and_title_show_domain_words_in_english(qtbot, english, ws, ctx_for,
                                                             qsettings) -> None:  # fmt: skip
    from ui.panels.detail import CaseDetailPanel

    cell = ws.reference.cells[ws.reference.supervisors["jdy001"].patrol_cells[0]]
    case = ws.report(ws.actor("jdy001"), description="井盖破损", lon=cell.lon, lat=cell.lat,
                     category_code="C0102")  # fmt: skip
    ws.act(ws.actor("leader"), case.id, "file")
    case = ws.act(ws.actor("dispatcher"), case.id, "dispatch")

    # Errors as the core raises them today (the templates follow its sentences).
    for username, action in (("leader", "file"), ("acceptor", "remind")):
        with pytest.raises(DomainError) as raised:
            ws.act(ws.actor(username), case.id, action)
        message = user_message(raised.value)
        assert message != str(raised.value)
        assert not HAN.search(message), message

    window = MainWindow(ctx_for("leader"), qsettings)
    qtbot.addWidget(window)
    assert "Shift leader" in window.windowTitle()
    assert not HAN.search(window.windowTitle().replace(window._ctx.account.display_name, ""))

    queue = window.queue
    with qtbot.waitSignal(queue.cases_loaded, timeout=10_000):
        queue.reload()
    model = queue.model
    row = model.row_of(case.id)
    state = model.index(row, model.column("state")).data()
    source = model.index(row, model.column("source")).data()
    assert (state, source) == ("Dispatched", "Supervisor report")

    panel = CaseDetailPanel(ctx_for("leader"))
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.load_finished, timeout=10_000):
        panel.show_case(case.id)
    assert panel.header.markers[0] == "Dispatched"
    assert panel.fields.text("Source") == "Supervisor report"
    assert "Field supervisor" in panel.fields.text("Reported by")
    titles = [e.plain_text().split(" | ")[0] for e in panel.timeline.entries]
    assert titles == ["Dispatch", "File", "Report"]
    dispatch = panel.timeline.entries[0].plain_text()
    assert "Dispatcher" in dispatch
    assert "Filed → Dispatched" in dispatch
    assert not HAN.search(panel.deadlines.bars[0].title.text())  # "Handling limit (… days)"


def test_queue_and_timeline_keep_chinese_without_a_translator(qtbot, ws, ctx_for) -> None:
    from ui.panels.detail import CaseDetailPanel
    from ui.panels.queue import QueuePanel

    cell = ws.reference.cells[ws.reference.supervisors["jdy001"].patrol_cells[0]]
    case = ws.report(ws.actor("jdy001"), description="井盖破损", lon=cell.lon, lat=cell.lat,
                     category_code="C0102")  # fmt: skip
    queue = QueuePanel(ctx_for("leader"))
    qtbot.addWidget(queue)
    with qtbot.waitSignal(queue.cases_loaded, timeout=10_000):
        queue.reload()
    row = queue.model.row_of(case.id)
    cells = [queue.model.index(row, queue.model.column(k)).data() for k in ("state", "source")]
    assert cells == [case.state_label, case.source_label] == ["上报", "监督员上报"]
    panel = CaseDetailPanel(ctx_for("leader"))
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.load_finished, timeout=10_000):
        panel.show_case(case.id)
    assert panel.header.markers[0] == "上报"
    assert panel.timeline.entries[0].plain_text().startswith("上报 | ")
    assert "（监督员）" in panel.timeline.entries[0].plain_text()

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

from ui import i18n
from ui.app import install_translations
from ui.main_window import MainWindow
from ui.models.queue_rows import STAGE_ORDER, Stage
from ui.widgets.detail_actions import PRIMARY, SECONDARY
from workstation.domain.attachments import AttachmentKind

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

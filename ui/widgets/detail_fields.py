"""Case header (number, state badge, markers), the field grid and the deadline bars."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QLabel,
    QProgressBar,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.labels import (
    limit_text,
    request_label,
    role_label,
    source_label,
    state_label,
    word_label,
)
from ui.widgets.detail_data import DetailBundle, Timing
from ui.widgets.detail_style import (
    KEY_COLOUR,
    LATE_COLOUR,
    OK_COLOUR,
    STATE_COLOURS,
    WARN_COLOUR,
    chip,
    esc,
    fmt_dt,
    fmt_span,
    fmt_working,
    secondary_colour,
)

SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse
LINKS = Qt.TextInteractionFlag.LinksAccessibleByMouse | SELECTABLE


# Spelled out at each call: lupdate reads translate("Context", "literal") only.
translate = QCoreApplication.translate


def wrapping_label(parent: QWidget, text: str = "", *, rich: bool = True) -> QLabel:
    """A selectable label that wraps at any width (Ignored: the layout decides the width)."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(LINKS if rich else SELECTABLE)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    label.setSizePolicy(wrapping_policy())
    return label


def wrapping_policy() -> QSizePolicy:
    """Width from the layout, height from the width: a fresh policy drops QLabel's
    height-for-width flag, and without it wrapped text gets a guessed, too-tall height."""
    policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    return policy


def _parenthesised(text: str) -> str:
    """ "（值班长）" — in brackets, full-width ones in Chinese."""
    return translate("CaseDetail", "（%1）").replace("%1", text)


def case_link(case_id: int, case_no: str) -> str:
    return f'<a href="case:{case_id}">{esc(case_no)}</a>'


# ------------------------------------------------------------------------------ header


class CaseHeader(QWidget):
    """Case number, state badge, priority, 督办 and overdue markers, category line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailHeader")
        self.case_no = QLabel(self)
        self.case_no.setObjectName("detailCaseNo")
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.case_no.setFont(font)
        self.case_no.setTextInteractionFlags(SELECTABLE)
        self.badges = wrapping_label(self)
        self.badges.setObjectName("detailBadges")
        self.subtitle = wrapping_label(self)
        self.subtitle.setObjectName("detailSubtitle")
        self.markers: list[str] = []  # the badges' texts, in order
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.case_no)
        layout.addWidget(self.badges)
        layout.addWidget(self.subtitle)

    def clear(self, message: str) -> None:
        self.case_no.setText(message)
        self.badges.clear()
        self.markers = []
        self.subtitle.clear()
        self.badges.hide()
        self.subtitle.hide()

    def show_bundle(self, b: DetailBundle) -> None:
        s = b.detail.summary
        self.case_no.setText(s.case_no)
        marks: list[tuple[str, str, str]] = [
            (state_label(s.state), STATE_COLOURS.get(s.state, "#616161"), "#ffffff")
        ]
        if s.priority == "urgent":
            marks.append((translate("CaseDetail", "紧急"), KEY_COLOUR, "#ffffff"))
        if s.is_key:
            marks.append((translate("CaseDetail", "督办"), "#ffffff", KEY_COLOUR))
        if any(t.overdue and t.running for t in b.timings):
            marks.append((translate("CaseDetail", "超期"), LATE_COLOUR, "#ffffff"))
        elif any(t.warning and t.running for t in b.timings):
            marks.append((translate("CaseDetail", "即将超期"), WARN_COLOUR, "#3e2723"))
        if s.pending_request and b.pending is not None:
            marks.append(
                (translate("CaseDetail", "待审批：") + request_label(b.pending.kind),
                 "#5e35b1", "#ffffff")
            )
        if s.self_handled:
            marks.append((translate("CaseDetail", "先行处置"), "#00695c", "#ffffff"))
        if s.rework_count:
            marks.append(
                (
                    translate("CaseDetail", "返工 %1").replace("%1", str(s.rework_count)),
                    "#8d6e63",
                    "#ffffff",
                )
            )
        self.markers = [text for text, _, _ in marks]
        chips = [chip(text, bg, fg) for text, bg, fg in marks]
        self.badges.setText(" ".join(chips))
        self.badges.setToolTip(state_label(s.state))
        muted = secondary_colour(self)
        category = (
            f"{word_label(b.category.kind_label)} / {b.category.major_name} / {b.category.name}"
            if b.category
            else translate("CaseDetail", "未分类")
        )
        place = " / ".join(p for p in (s.street_name, s.community_name) if p)
        line = f"<b>{esc(category)}</b>"
        if place:
            line += f'<br><span style="color:{muted};">{esc(place)}</span>'
        self.subtitle.setText(line)
        self.badges.show()
        self.subtitle.show()


# ------------------------------------------------------------------------------ fields


def case_fields(b: DetailBundle, muted: str = "#888888") -> list[tuple[str, str]]:
    """Every field of the case as (label, rich-text value) rows, in reading order."""
    s = b.detail.summary
    d = b.detail
    rows: list[tuple[str, str]] = []

    def add(label: str, value: str, *, always: bool = False) -> None:
        if value or always:
            rows.append((label, value or "—"))

    add(translate("CaseDetail", "来源"), esc(source_label(s.source)), always=True)
    who = esc(b.reporter)
    if b.reporter_role:
        role = role_label(b.reporter_role)
        who += f'<span style="color:{muted};">{esc(_parenthesised(role))}</span>'
    add(translate("CaseDetail", "上报人"), who, always=True)
    ago = translate("CaseDetail", "（%1前）").replace("%1", fmt_span(b.now - s.reported_at))
    add(translate("CaseDetail", "上报时间"),
        f'{esc(fmt_dt(s.reported_at))}<span style="color:{muted};">{esc(ago)}</span>',
        always=True)  # fmt: skip
    if b.category:
        c = b.category
        add(translate("CaseDetail", "类别"),
            f"{esc(word_label(c.kind_label))} · {esc(c.major_code)} {esc(c.major_name)} · "
            f"{esc(c.minor_code)} {esc(c.name)}"
            f'<span style="color:{muted};">{esc(_parenthesised(c.code))}</span>')  # fmt: skip
    else:
        add(
            translate("CaseDetail", "类别"),
            esc(s.category_code or translate("CaseDetail", "未分类")),
            always=True,
        )
    add(
        translate("CaseDetail", "紧急程度"),
        esc(
            translate("CaseDetail", "紧急")
            if s.priority == "urgent"
            else translate("CaseDetail", "一般")
        ),
    )
    area = " / ".join(p for p in (s.street_name, s.community_name) if p)
    add(translate("CaseDetail", "街道/社区"), esc(area), always=True)
    add(translate("CaseDetail", "网格"), esc(s.grid_code or ""), always=True)
    add(translate("CaseDetail", "地址"), esc(s.address), always=True)
    if s.lon is not None and s.lat is not None:
        add(translate("CaseDetail", "坐标"), f"{s.lon:.6f}, {s.lat:.6f}")
    add(translate("CaseDetail", "描述"), esc(s.description), always=True)
    if d.verified or s.source != "supervisor":
        add(
            translate("CaseDetail", "核实"),
            esc(
                translate("CaseDetail", "已核实")
                if d.verified
                else translate("CaseDetail", "未核实")
            ),
        )
    unit = esc(s.unit_name)
    if s.unit and s.unit_name != s.unit:
        unit += f'<span style="color:{muted};">{esc(_parenthesised(s.unit))}</span>'
    add(translate("CaseDetail", "处置单位"), unit, always=True)
    # The handling clock has its own bar below; the row is for a case without one.
    if (s.handling_limit or s.deadline) and not any(t.stage == "handling" for t in b.timings):
        limit = esc(limit_text(s.handling_limit))
        if s.deadline:
            limit += esc(translate("CaseDetail", "，截止 ") + fmt_dt(s.deadline))
        add(translate("CaseDetail", "处置时限"), limit)
    counts = [
        (translate("CaseDetail", "返工"), s.rework_count),
        (translate("CaseDetail", "催办"), s.remind_count),
        (translate("CaseDetail", "延期"), d.extension_count),
        (translate("CaseDetail", "回退"), d.return_count),
    ]
    add(translate("CaseDetail", "计数"),
        " · ".join(f"{esc(name)} <b>{n}</b>" if n else
                   f'<span style="color:{muted};">{esc(name)} 0</span>' for name, n in counts),
        always=True)  # fmt: skip
    if b.pending is not None:
        p = b.pending
        text = f"<b>{esc(request_label(p.kind))}</b>"
        if p.extra:
            text += esc(translate("CaseDetail", "（延长 %1）").replace("%1", limit_text(p.extra)))
        if p.reason:
            text += "<br>" + esc(translate("CaseDetail", "理由：")) + esc(p.reason)
        if p.by:
            when = fmt_dt(p.at) if p.at else ""
            text += f'<br><span style="color:{muted};">{esc(p.by)} {esc(when)}</span>'
        add(translate("CaseDetail", "待审批申请"), text)
    if b.check_supervisor:
        add(translate("CaseDetail", "核查监督员"), esc(b.check_supervisor))
    if s.closed_at:
        add(translate("CaseDetail", "结案时间"), esc(fmt_dt(s.closed_at)))
    if d.merged_into is not None:
        add(
            translate("CaseDetail", "已并入"),
            case_link(d.merged_into, b.merged_into_no or str(d.merged_into)),
        )
    if d.void_reason:
        add(translate("CaseDetail", "作废原因"), esc(d.void_reason))
    if b.duplicate_nos:
        add(
            translate("CaseDetail", "并入的重复案件"),
            "、".join(case_link(i, no) for i, no in b.duplicate_nos),
        )
    return rows


class FieldGrid(QWidget):
    """Label / value rows; values wrap and are selectable; case numbers are links.

    One rich-text table in one label rather than a grid of labels: the cells share a
    baseline (a value in Latin digits next to a Chinese name would otherwise sit a few
    pixels higher, the fonts' ascents differ) and a selection can span several fields.
    """

    link_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailFields")
        self.label = wrapping_label(self)
        self.label.setObjectName("detailFieldsText")
        self.label.linkActivated.connect(self.link_activated)
        self.rows: list[tuple[str, str]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)

    def set_rows(self, rows: Sequence[tuple[str, str]]) -> None:
        self.rows = list(rows)
        muted = secondary_colour(self)
        cells = "".join(
            f'<tr><td align="right" valign="baseline" style="color:{muted}; white-space:pre;">'
            f'{esc(label)}</td><td valign="baseline">{value}</td></tr>'
            for label, value in rows
        )
        self.label.setText(f'<table cellspacing="0" cellpadding="3" width="100%">{cells}</table>')

    def text(self, label: str) -> str:
        """The plain text of one value (tests, copy)."""
        from PySide6.QtGui import QTextDocument

        value = dict(self.rows).get(label)
        if value is None:
            return ""
        doc = QTextDocument()
        doc.setHtml(value)
        return doc.toPlainText()

    def labels(self) -> list[str]:
        return [label for label, _ in self.rows]


# ------------------------------------------------------------------------------ deadlines


STAGE_TITLES = {
    "handling": QT_TRANSLATE_NOOP("CaseDetail", "处置时限"),
    "verify": QT_TRANSLATE_NOOP("CaseDetail", "核实时限"),
    "file": QT_TRANSLATE_NOOP("CaseDetail", "立案时限"),
    "dispatch": QT_TRANSLATE_NOOP("CaseDetail", "派遣时限"),
    "check": QT_TRANSLATE_NOOP("CaseDetail", "核查时限"),
}


def timing_colour(t: Timing) -> str:
    if t.overdue:
        return LATE_COLOUR
    if t.warning:
        return WARN_COLOUR
    return OK_COLOUR


def timing_text(t: Timing) -> str:
    """截止 … · 已用 85% · 剩余 1 工作时 10 分 (or 已超期 …, or why the clock stopped)."""

    def span(seconds: float) -> str:
        if t.working:
            return fmt_working(seconds, t.seconds_per_workday)
        from datetime import timedelta

        return fmt_span(timedelta(seconds=seconds))

    parts = [
        translate("CaseDetail", "截止 ") + fmt_dt(t.deadline),
        translate("CaseDetail", "已用 %1%").replace("%1", str(round(t.fraction * 100))),
    ]
    if t.overdue:
        parts.append(translate("CaseDetail", "已超期 ") + span(-t.remaining_s))
    elif t.running:
        parts.append(translate("CaseDetail", "剩余 ") + span(t.remaining_s))
    if not t.running:
        parts.append(translate("CaseDetail", "计时已停止"))
    return " · ".join(parts)


class TimingBar(QWidget):
    """One clock: title and limit, a thin bar in the traffic-light colour, the figures."""

    def __init__(self, timing: Timing, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timing = timing
        colour = timing_colour(timing)
        self.title = wrapping_label(self)
        title = translate("CaseDetail", STAGE_TITLES.get(timing.stage, timing.stage))
        limit = esc(_parenthesised(limit_text(timing.limit))) if timing.limit else ""
        self.title.setText(f"<b>{esc(title)}</b>{limit}")
        self.bar = QProgressBar(self)
        self.bar.setObjectName("timingBar")
        self.bar.setRange(0, 1000)
        self.bar.setValue(round(min(max(timing.fraction, 0.0), 1.0) * 1000))
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(8)
        # The stylesheet (not the palette) because most styles ignore the highlight colour.
        self.bar.setStyleSheet(
            "QProgressBar { border: none; border-radius: 4px; background: rgba(128,128,128,60); }"
            f"QProgressBar::chunk {{ border-radius: 4px; background: {colour}; }}"
        )
        self.figures = wrapping_label(self, esc(timing_text(timing)))
        if timing.overdue:
            self.figures.setStyleSheet(f"color: {LATE_COLOUR};")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(self.title)
        layout.addWidget(self.bar)
        layout.addWidget(self.figures)

    @property
    def colour(self) -> str:
        return timing_colour(self.timing)


class DeadlineView(QWidget):
    """The case's clocks (handling deadline, current stage); hidden when none applies."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailDeadlines")
        self.bars: list[TimingBar] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(8)

    def set_timings(self, timings: Sequence[Timing]) -> None:
        for bar in self.bars:
            self._layout.removeWidget(bar)
            bar.hide()
            bar.deleteLater()
        self.bars = [TimingBar(t, self) for t in timings]
        for bar in self.bars:
            self._layout.addWidget(bar)
        self.setVisible(bool(self.bars))

"""The hand-over sheet as a rich-text document: shown in the window, printed to PDF.

One renderer for both, so what the leader reads is what is printed. The sections are
tables; the cases' wording (state, what is wrong) is the sheet's stored content, as it
was when the sheet was made.
"""

from __future__ import annotations

from datetime import datetime
from html import escape

from PySide6.QtCore import QCoreApplication

from ui.stats.labels import SOURCES
from workstation.domain.handover import CaseLine, HandoverSheet, SupervisorLine, shift_label
from workstation.services.handover import StoredSheet

CONTEXT = "HandoverDocument"

STYLE = """
body { font-size: 10pt; }
h1 { font-size: 16pt; text-align: center; margin-bottom: 2px; }
h2 { font-size: 11.5pt; margin-top: 12px; margin-bottom: 4px; color: #1a237e; }
p.sub { text-align: center; color: #555; margin-top: 0; }
table.grid { border-collapse: collapse; }
table.grid th { background: #e8eaf6; font-weight: bold; }
td.n { text-align: right; }
td.late { color: #c62828; }
td.warn { color: #e65100; }
p.none { color: #777; }
"""


def sheet_html(sheet: HandoverSheet, stored: StoredSheet | None = None, *,
               notes: str | None = None) -> str:  # fmt: skip
    """The whole sheet; ``stored`` adds the notes and the two leaders' signatures, ``notes``
    (a draft not saved yet) the notes being written."""
    parts = [f"<html><head><style>{STYLE}</style></head><body>"]
    title = QCoreApplication.translate("HandoverDocument", "交接班记录")
    if stored is not None:
        title += QCoreApplication.translate("HandoverDocument", "（第 %1 号）").replace(
            "%1", str(stored.id)
        )
    parts.append(f"<h1>{escape(title)}</h1>")
    period = QCoreApplication.translate("HandoverDocument", "班次：%1").replace(
        "%1", shift_label(sheet.start, sheet.end)
    )
    made = QCoreApplication.translate(
        "HandoverDocument", "生成时间：%1（超期等情况为该时刻的）"
    ).replace("%1", f"{sheet.generated_at:%Y-%m-%d %H:%M}")
    parts.append(f"<p class='sub'>{escape(period)}&nbsp;&nbsp;&nbsp;{escape(made)}</p>")
    text = stored.notes if stored is not None else notes
    if text is not None:  # first: what the outgoing leader wants the next shift to know
        parts.append(
            f"<h2>{escape(QCoreApplication.translate('HandoverDocument', '交接备注'))}</h2>"
        )
        body = (
            escape(text).replace("\n", "<br/>")
            if text.strip()
            else escape(QCoreApplication.translate("HandoverDocument", "（无）"))
        )
        parts.append(f"<p>{body}</p>")
    parts.append(_flow(sheet))
    parts.append(
        _cases(QCoreApplication.translate("HandoverDocument", "超期案件"), sheet.overdue, "late")
    )
    parts.append(
        _cases(
            QCoreApplication.translate("HandoverDocument", "即将超期（已用时限 80% 以上）"),
            sheet.due_soon,
            "warn",
        )
    )
    parts.append(
        _cases(QCoreApplication.translate("HandoverDocument", "督办案件"), sheet.key_cases, "")
    )
    parts.append(
        _cases(
            QCoreApplication.translate("HandoverDocument", "待审批的单位申请（延期、回退、挂账）"),
            sheet.requests,
            "",
        )
    )
    parts.append(_supervisors(sheet.supervisors))
    if stored is not None:
        parts.append(_signatures(stored))
    parts.append("</body></html>")
    return "".join(parts)


def _flow(sheet: HandoverSheet) -> str:
    f = sheet.flow
    heads = [
        QCoreApplication.translate("HandoverDocument", "新上报"),
        QCoreApplication.translate("HandoverDocument", "立案"),
        QCoreApplication.translate("HandoverDocument", "派遣"),
        QCoreApplication.translate("HandoverDocument", "结案"),
        QCoreApplication.translate("HandoverDocument", "作废"),
        QCoreApplication.translate("HandoverDocument", "当前在办"),
    ]
    values = [f.reported, f.filed, f.dispatched, f.closed, f.voided, f.open_now]
    row = "".join(f"<td class='n'>{v}</td>" for v in values)
    html = (
        f"<h2>{escape(QCoreApplication.translate('HandoverDocument', '本班工作量'))}</h2>"
        + _table(heads, [row])
    )
    if f.by_source:
        sources = "，".join(
            f"{QCoreApplication.translate('Statistics', SOURCES.get(k, k))} {n}"
            for k, n in f.by_source.items()
        )
        line = QCoreApplication.translate("HandoverDocument", "新上报来源：%1").replace(
            "%1", sources
        )
        html += f"<p>{escape(line)}</p>"
    return html


def _nothing() -> str:
    return f"<p class='none'>{escape(QCoreApplication.translate('HandoverDocument', '无'))}</p>"


def _cases(title: str, lines: tuple[CaseLine, ...], tone: str) -> str:
    heading = f"<h2>{escape(title)}（{len(lines)}）</h2>"
    if not lines:
        return heading + _nothing()
    heads = [
        QCoreApplication.translate("HandoverDocument", "案件编号"),
        QCoreApplication.translate("HandoverDocument", "情况"),
        QCoreApplication.translate("HandoverDocument", "期限"),
        QCoreApplication.translate("HandoverDocument", "状态"),
        QCoreApplication.translate("HandoverDocument", "处置单位"),
        QCoreApplication.translate("HandoverDocument", "案件"),
    ]
    cls = f" class='{tone}'" if tone else ""
    rows = [
        f"<td>{escape(c.case_no)}</td><td{cls}>{escape(c.detail)}</td><td>{_t(c.due)}</td>"
        f"<td>{escape(c.state_label)}</td><td>{escape(c.unit_name or '—')}</td>"
        f"<td>{escape(c.title)}</td>"
        for c in lines
    ]
    return heading + _table(heads, rows)


def _supervisors(lines: tuple[SupervisorLine, ...]) -> str:
    title = QCoreApplication.translate("HandoverDocument", "监督员异常")
    heading = f"<h2>{escape(title)}（{len(lines)}）</h2>"
    if not lines:
        return heading + _nothing()
    heads = [
        QCoreApplication.translate("HandoverDocument", "编号"),
        QCoreApplication.translate("HandoverDocument", "姓名"),
        QCoreApplication.translate("HandoverDocument", "街道"),
        QCoreApplication.translate("HandoverDocument", "状态"),
        QCoreApplication.translate("HandoverDocument", "最后定位"),
        QCoreApplication.translate("HandoverDocument", "问题"),
    ]
    rows = [
        f"<td>{escape(s.code)}</td><td>{escape(s.name)}</td><td>{escape(s.street_name)}</td>"
        f"<td>{escape(s.status_label)}</td><td>{_t(s.last_fix_at)}</td>"
        f"<td class='late'>{escape(s.problem)}</td>"
        for s in lines
    ]
    return heading + _table(heads, rows)


def _signatures(stored: StoredSheet) -> str:
    i = stored.info
    out = QCoreApplication.translate("HandoverDocument", "交班值班长：%1 %2").replace(
        "%1", i.created_by_name
    )
    out = out.replace("%2", _t(i.created_at))
    if i.acknowledged_at is not None:
        incoming = QCoreApplication.translate("HandoverDocument", "接班值班长：%1 %2 已确认接班")
        incoming = incoming.replace("%1", i.acknowledged_by_name).replace(
            "%2", _t(i.acknowledged_at)
        )
        if stored.acknowledge_note:
            incoming += QCoreApplication.translate("HandoverDocument", "（意见：%1）").replace(
                "%1", stored.acknowledge_note
            )
    else:
        incoming = QCoreApplication.translate("HandoverDocument", "接班值班长：尚未确认接班")
    heading = QCoreApplication.translate("HandoverDocument", "签收")
    return f"<h2>{escape(heading)}</h2><p>{escape(out)}<br/>{escape(incoming)}</p>"


def _table(heads: list[str], rows: list[str]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in heads)
    body = "".join(f"<tr>{r}</tr>" for r in rows)
    return (
        "<table class='grid' width='100%' border='1' cellspacing='0' cellpadding='3'>"
        f"<thead><tr>{head}</tr></thead>{body}</table>"
    )


def _t(value: datetime | None) -> str:
    return "—" if value is None else f"{value:%m-%d %H:%M}"

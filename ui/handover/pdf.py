"""A rich-text document printed to an A4 PDF, with "第 n 页 / 共 N 页" under each page.

Laid out for the PDF writer's resolution and painted page by page (table headers repeat
on every page: the renderer's tables have a <thead>). Runs on the GUI thread: Qt's text
layout is not for worker threads, and a sheet is a few pages.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

RESOLUTION = 300  # dpi
MARGIN_MM = 15.0
FOOTER_MM = 8.0  # under the text, for the page number


def write_pdf(html: str, path: str, title: str = "", font: QFont | None = None) -> int:
    """Write ``html`` to ``path`` as an A4 PDF; returns the number of pages."""
    writer = QPdfWriter(path)
    writer.setResolution(RESOLUTION)
    writer.setTitle(title)
    writer.setCreator("Grid Dispatch Workstation")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                                     QPageLayout.Unit.Millimeter))  # fmt: skip
    page = writer.pageLayout().paintRectPixels(RESOLUTION)  # inside the margins
    footer = FOOTER_MM / 25.4 * RESOLUTION
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)  # lay out in the PDF's own units
    if font is not None:
        doc.setDefaultFont(font)
    doc.setHtml(html)
    body = QSizeF(page.width(), page.height() - footer)
    doc.setPageSize(body)
    pages = max(1, doc.pageCount())
    painter = QPainter(writer)
    try:
        number_font = QFont(doc.defaultFont())
        number_font.setPointSizeF(8)
        for n in range(pages):
            if n:
                writer.newPage()
            painter.save()
            painter.translate(0, -n * body.height())
            clip = QRectF(0, n * body.height(), body.width(), body.height())
            doc.drawContents(painter, clip)
            painter.restore()
            painter.setFont(number_font)
            text = (
                QCoreApplication.translate("HandoverPdf", "第 %1 页 / 共 %2 页")
                .replace("%1", str(n + 1))
                .replace("%2", str(pages))
            )
            painter.drawText(QRectF(0, body.height(), body.width(), footer),
                             int(Qt.AlignmentFlag.AlignCenter), text)  # fmt: skip
    finally:
        painter.end()
    return pages

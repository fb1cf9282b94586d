"""Duplicate candidates of the shown case, likeliest first, with one-click merge (confirmed)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.labels import state_label
from ui.widgets.detail_fields import case_link, wrapping_label
from ui.widgets.detail_style import (
    STATE_COLOURS,
    chip,
    esc,
    fmt_distance,
    fmt_span,
    secondary_colour,
)
from workstation.services.duplicates import DuplicateCandidate

DESCRIPTION_CHARS = 60  # a row stays three or four lines high at the dock's width


class DuplicateRow(QFrame):
    def __init__(self, candidate: DuplicateCandidate, can_merge: bool,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.candidate = c = candidate
        self.setObjectName(f"duplicate_{c.case_id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        muted = secondary_colour(self)
        if c.age.total_seconds() > 0:
            when = self.tr("早 %1 上报").replace("%1", fmt_span(c.age))
        elif c.age.total_seconds() < 0:
            when = self.tr("晚 %1 上报").replace("%1", fmt_span(c.age))
        else:
            when = self.tr("同时上报")
        relation = self.tr("同类") if c.same_category else self.tr("相关类别")
        similarity = self.tr("相似度")
        category = c.category_name or self.tr("未分类")
        description = c.description
        if len(description) > DESCRIPTION_CHARS:
            description = description[: DESCRIPTION_CHARS - 1] + "…"
        text = (
            f"<b>{case_link(c.case_id, c.case_no)}</b>&nbsp;"
            f"{chip(state_label(c.state), STATE_COLOURS.get(c.state, '#616161'))}"
            f'&nbsp;<span style="color:{muted};">{esc(similarity)} '
            f"{round(c.score * 100)}</span><br>"
            f"{esc(category)}"
            f'<span style="color:{muted};">（{esc(relation)}）· {esc(fmt_distance(c.distance_m))}'
            f" · {esc(when)}</span><br>{esc(description)}"
        )
        if c.address:
            text += f'<br><span style="color:{muted};">{esc(c.address)}</span>'
        self.label = wrapping_label(self, text)
        self.merge = QPushButton(self.tr("并入此案"), self)
        self.merge.setObjectName("mergeButton")
        self.merge.setAutoDefault(False)
        self.merge.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # as the action buttons: mouse only
        if not c.is_open:
            self.merge.setEnabled(False)
            self.merge.setToolTip(self.tr("该案件已结案，不能作为原案件"))
        else:
            self.merge.setToolTip(
                self.tr("将当前案件作为重复上报并入 %1（当前案件作废）").replace("%1", c.case_no)
            )
        self.merge.setVisible(can_merge)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.merge, 0, Qt.AlignmentFlag.AlignTop)


class DuplicateList(QWidget):
    """Candidates as rows; `merge_confirmed(duplicate id, original id)` after a confirmation."""

    merge_confirmed = Signal(int, int)
    link_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicateList")
        self.rows: list[DuplicateRow] = []
        self.confirmation: QMessageBox | None = None
        self._case_id = -1
        self._case_no = ""
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self.message = wrapping_label(self, rich=False)
        self.message.setStyleSheet(f"color: {secondary_colour(self)};")
        self._layout.addWidget(self.message)

    def show_message(self, text: str) -> None:
        self._clear_rows()
        self._close_confirmation()
        self.message.setText(text)
        self.message.show()

    def set_candidates(
        self, case_id: int, case_no: str, candidates: Sequence[DuplicateCandidate], can_merge: bool
    ) -> None:
        if case_id != self._case_id:
            self._close_confirmation()  # it asked about another case
        self._clear_rows()
        self._case_id, self._case_no = case_id, case_no
        for candidate in candidates:
            row = DuplicateRow(candidate, can_merge, self)
            row.label.linkActivated.connect(self.link_activated)
            row.merge.clicked.connect(lambda _=False, c=candidate: self.ask_merge(c))
            self._layout.addWidget(row)
            self.rows.append(row)
        self.message.setText(self.tr("附近没有疑似重复的案件"))
        self.message.setVisible(not self.rows)

    def _clear_rows(self) -> None:
        for row in self.rows:
            self._layout.removeWidget(row)
            row.hide()
            row.deleteLater()
        self.rows = []

    def _close_confirmation(self) -> None:
        if self.confirmation is not None:
            self.confirmation.close()
            self.confirmation = None

    def ask_merge(self, candidate: DuplicateCandidate) -> None:
        """Confirm first (window-modal, not a nested event loop), then report the merge."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("合并重复案件"),
            self.tr("将案件 %1 作为重复上报并入 %2？")
            .replace("%1", self._case_no)
            .replace("%2", candidate.case_no),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setInformativeText(
            self.tr("案件 %1 将作废，记为 %2 的重复上报；照片和处置记录都会保留。")
            .replace("%1", self._case_no)
            .replace("%2", candidate.case_no)
        )
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("合并"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("取消"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        duplicate, original = self._case_id, candidate.case_id
        yes = box.button(QMessageBox.StandardButton.Yes)

        def finished() -> None:
            if box.clickedButton() == yes:
                self.merge_confirmed.emit(duplicate, original)
            if self.confirmation is box:
                self.confirmation = None

        box.finished.connect(finished)
        self.confirmation = box
        box.open()

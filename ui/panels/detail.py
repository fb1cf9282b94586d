"""Case detail panel: every field, photos, the event timeline, duplicates and actions.

Contract with the main window:
- slot `show_case(int)` (-1 clears), `on_cases_changed(list[CaseSummary])` (reloads the
  shown case if it is among them, keeping the scroll position);
- signal `action_requested(str, int)`: the user asked for an action on the shown case
  (the action controller performs it), `merge_requested(int, int)` (duplicate, original);
- signal `case_link_activated(int)`: a case number in the panel was clicked (the panel
  shows that case itself; the main window may also select it in the queue);
- signal `load_finished(int)`: everything of the shown case has arrived (tests, status);
- property `case_id`.

Loading: the detail (with every name and deadline figure resolved), the photos and the
duplicate candidates are loaded on workers through `Operations.run`; each load carries a
generation number and a result from an older generation is dropped, so a slow answer
for a case the user already left never overwrites the one shown.
"""

from __future__ import annotations

from collections.abc import Sequence

import shiboken6
from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.widgets.detail_actions import ActionBar
from ui.widgets.detail_data import DetailBundle, load_bundle
from ui.widgets.detail_duplicates import DuplicateList
from ui.widgets.detail_escalations import EscalationList
from ui.widgets.detail_fields import CaseHeader, DeadlineView, FieldGrid, case_fields
from ui.widgets.detail_style import esc, secondary_colour
from ui.widgets.photo_strip import Photo, PhotoStrip, load_photos
from ui.widgets.photo_viewer import PhotoViewer
from ui.widgets.timeline import Names, TimelineView
from workstation.domain.lifecycle import Action, CaseState, Source
from workstation.domain.roles import Role
from workstation.services.dto import CaseSummary
from workstation.services.duplicates import DuplicateCandidate

DUPLICATE_RADIUS_M = 300.0
DUPLICATE_DAYS = 7
DUPLICATE_LIMIT = 10
REFRESH_MS = 60_000  # the time-used bars move: redraw them every minute
# Loads usually take a few milliseconds: only a slower one shows the loading bar, and only
# a slower switch dims the previous case.
STALE_AFTER_MS = 150


class _Section(QWidget):
    """A titled block of the detail: bold title with a count, a rule, optional tools."""

    def __init__(self, title: str, body: QWidget, parent: QWidget | None = None,
                 tools: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._title = title
        self.title = QLabel(title, self)
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        rule = QFrame(self)
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.title)
        head.addStretch(1)
        if tools is not None:
            head.addWidget(tools)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(head)
        layout.addWidget(rule)
        layout.addWidget(body)

    def set_count(self, count: int | None) -> None:
        self.title.setText(self._title if count is None else f"{self._title} · {count}")


class CaseDetailPanel(QWidget):
    action_requested = Signal(str, int)
    merge_requested = Signal(int, int)
    case_link_activated = Signal(int)
    load_finished = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setObjectName("detailPanel")
        self._case_id = -1
        self._generation = 0
        self._pending: set[str] = set()
        self.bundle: DetailBundle | None = None
        self.candidates: list[DuplicateCandidate] = []
        self.viewer: PhotoViewer | None = None

        # A hairline indeterminate bar: visible, but it does not move the layout.
        self.loading = QProgressBar(self)
        self.loading.setObjectName("detailLoading")
        self.loading.setRange(0, 0)
        self.loading.setTextVisible(False)
        self.loading.setFixedHeight(3)
        self.loading.setStyleSheet(
            "QProgressBar { border: none; background: transparent; }"
            "QProgressBar::chunk { background: palette(highlight); }"
        )
        self.loading.setVisible(False)
        self._loading_space = QWidget(self)  # holds the bar's place while it is hidden
        self._loading_space.setFixedHeight(3)

        self.header = CaseHeader(self)
        self.action_bar = ActionBar(self)
        self.action_bar.triggered.connect(self._on_action)
        self.error = QLabel(self)
        self.error.setObjectName("detailError")
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.error.setStyleSheet(
            "QLabel { background: #fdecea; color: #b71c1c; border: 1px solid #f5c6cb;"
            " border-radius: 3px; padding: 6px; }"
        )
        self.error.linkActivated.connect(lambda _link: self.reload())
        self.error.hide()
        self.hint = QLabel(
            self.tr(
                "在案件队列中选择一个案件，这里显示它的全部信息、照片、处置过程和可执行的操作。"
            ),
            self,
        )
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color: {secondary_colour(self)};")

        self.fields = FieldGrid()
        self.fields.link_activated.connect(self._on_link)
        self.deadlines = DeadlineView()
        self.deadlines.hide()
        info = QWidget()
        info_layout = QVBoxLayout(info)
        info_layout.setContentsMargins(0, 0, 0, 0)
        info_layout.setSpacing(10)
        info_layout.addWidget(self.fields)
        info_layout.addWidget(self.deadlines)

        self.photos = PhotoStrip()
        self.photos.photo_activated.connect(self.open_photo)
        self.duplicate_list = DuplicateList()
        self.duplicate_list.merge_confirmed.connect(self._on_merge)
        self.duplicate_list.link_activated.connect(self._on_link)
        self.timeline = TimelineView()
        self.escalations = EscalationList()

        self.content = QWidget()
        self.content.setObjectName("detailContent")
        self.info_section = _Section(self.tr("基本信息"), info, self.content)
        self.photo_section = _Section(self.tr("照片与附件"), self.photos, self.content)
        self.escalation_section = _Section(self.tr("督办"), self.escalations, self.content)
        self.escalation_section.hide()
        scope = QLabel(
            self.tr("%1 米 · 前后 %2 天")
            .replace("%1", str(round(DUPLICATE_RADIUS_M)))
            .replace("%2", str(DUPLICATE_DAYS))
        )
        scope.setStyleSheet(f"color: {secondary_colour(self)};")
        self.duplicate_section = _Section(
            self.tr("疑似重复案件"), self.duplicate_list, self.content, tools=scope
        )
        self.duplicate_section.setToolTip(
            self.tr(
                "%1 米内、同类或相关类别（同一大类）、前后 %2 天内仍在办或已结案的案件，"
                "按距离、上报时间差和类别综合排序"
            )
            .replace("%1", str(round(DUPLICATE_RADIUS_M)))
            .replace("%2", str(DUPLICATE_DAYS))
        )
        self.timeline_section = _Section(self.tr("处置过程"), self.timeline, self.content,
                                         tools=self.timeline.order)  # fmt: skip
        content_layout = QVBoxLayout(self.content)
        content_layout.setContentsMargins(10, 0, 10, 12)
        content_layout.setSpacing(4)
        for section in (self.info_section, self.escalation_section, self.photo_section,
                        self.duplicate_section, self.timeline_section):  # fmt: skip
            content_layout.addWidget(section)
        content_layout.addStretch(1)

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("detailScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(self.content)
        self._scroll_target: int | None = None
        self.scroll_area.verticalScrollBar().rangeChanged.connect(self._on_scroll_range)

        top = QVBoxLayout()
        top.setContentsMargins(10, 6, 10, 6)
        top.setSpacing(6)
        top.addWidget(self.header)
        # Who else has this case open (ui.presence): a warning, not a lock.
        self.presence = QLabel(self)
        self.presence.setObjectName("detailPresence")
        self.presence.setWordWrap(True)
        self.presence.setStyleSheet("QLabel { color: #8d4b00; }")
        self.presence.hide()
        top.addWidget(self.presence)
        top.addWidget(self.action_bar)
        top.addWidget(self.error)
        top.addWidget(self.hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.loading)
        layout.addWidget(self._loading_space)
        layout.addLayout(top)
        layout.addWidget(self.scroll_area, 1)
        # Takes the scroll area's place while there is no case, so the header stays on top.
        self._filler = QWidget(self)
        layout.addWidget(self._filler, 1)

        self._stale_timer = QTimer(self)
        self._stale_timer.setSingleShot(True)
        self._stale_timer.setInterval(STALE_AFTER_MS)
        self._stale_timer.timeout.connect(self._show_stale)
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(STALE_AFTER_MS)
        self._busy_timer.timeout.connect(lambda: self._show_busy(True))
        self._refresh = QTimer(self)
        self._refresh.setInterval(REFRESH_MS)
        self._refresh.timeout.connect(self._tick)
        self._clear()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(420, 720)

    @property
    def case_id(self) -> int:
        return self._case_id

    @property
    def is_loading(self) -> bool:
        return bool(self._pending)

    # -- slots of the contract -------------------------------------------------------------

    def show_case(self, case_id: int) -> None:
        if case_id < 0:
            self._case_id = -1
            self._generation += 1  # whatever is still loading is for nothing now
            self._pending.clear()
            self._clear()
            return
        switching = case_id != self._case_id or self.bundle is None
        self._case_id = case_id
        self._load(switching)

    def on_cases_changed(self, rows: list[CaseSummary]) -> None:
        if self._case_id < 0:
            return
        changed = {r.id: r for r in rows}
        shown = changed.get(self._case_id)
        if shown is not None and (self.bundle is None or shown.version != self.bundle.version):
            self._load(switching=False)
        elif any(c.case_id in changed for c in self.candidates):
            self._load(switching=False)  # a candidate changed (merged, closed): re-rank

    def reload(self) -> None:
        if self._case_id >= 0:
            self._load(switching=self.bundle is None or self.bundle.case_id != self._case_id)

    # -- loading -----------------------------------------------------------------------------

    def _load(self, switching: bool) -> None:
        self._generation += 1
        gen, case_id = self._generation, self._case_id
        ws, actor = self._ctx.ws, self._ctx.actor
        self._pending = {"detail", "photos"}
        self._update_loading()
        if switching:
            self._stale_timer.start()
        self._ctx.ops.run(
            lambda: load_bundle(ws, actor, case_id),
            lambda bundle: self._bundle_loaded(gen, bundle),
            lambda message, exc: self._bundle_failed(gen, message),
            description="load case detail",
            owner=self,
        )
        self._ctx.ops.run(
            lambda: load_photos(ws, case_id),
            lambda photos: self._photos_loaded(gen, photos),
            lambda message, exc: self._photos_failed(gen, message),
            description="load case photos",
            owner=self,
        )

    def _current(self, gen: int, part: str) -> bool:
        """True when a result is for what the panel shows now (and marks the part done)."""
        if gen != self._generation or not shiboken6.isValid(self):
            return False  # the user moved on, or the window closed while it loaded
        self._pending.discard(part)
        return True

    def _bundle_loaded(self, gen: int, bundle: DetailBundle) -> None:
        if not self._current(gen, "detail"):
            return
        same_case = self.bundle is not None and self.bundle.case_id == bundle.case_id
        bar = self.scroll_area.verticalScrollBar()
        position = bar.value() if same_case else 0
        self.bundle = bundle
        self._render(bundle)
        state = CaseState(bundle.detail.summary.state)
        # Unit staff see only their own unit's cases, so nearby cases are not theirs to see;
        # a closed or voided case has nothing left to merge.
        if self._ctx.role is not Role.UNIT and state.is_open:
            self._search_duplicates(gen, bundle)
        else:
            self.candidates = []
            self.duplicate_section.hide()
        self._restore_scroll(position)
        self._finish_part()

    def _bundle_failed(self, gen: int, message: str) -> None:
        if not self._current(gen, "detail"):
            return
        self._stale_timer.stop()
        if self.bundle is None or self.bundle.case_id != self._case_id:
            # What is on screen belongs to another case: never leave it with live buttons.
            self._clear(self.tr("无法显示案件"))
            self.hint.hide()
        retry = self.tr("重试")
        self.error.setText(
            esc(self.tr("无法加载案件详情：") + message) + f' <a href="retry">{esc(retry)}</a>'
        )
        self.error.show()
        self._finish_part()

    def _photos_loaded(self, gen: int, photos: list[Photo]) -> None:
        if not self._current(gen, "photos"):
            return
        self.photos.set_photos(photos)
        self.photo_section.set_count(len(photos) or None)
        self._finish_part()

    def _photos_failed(self, gen: int, message: str) -> None:
        if not self._current(gen, "photos"):
            return
        self.photos.set_photos([])
        self.photos.empty.setText(self.tr("无法加载照片：") + message)
        self._finish_part()

    def _search_duplicates(self, gen: int, bundle: DetailBundle) -> None:
        ws, case_id = self._ctx.ws, bundle.case_id

        def search() -> list[DuplicateCandidate]:
            return ws.duplicate_candidates(case_id, radius_m=DUPLICATE_RADIUS_M,
                                           days=DUPLICATE_DAYS, limit=DUPLICATE_LIMIT)  # fmt: skip

        self._pending.add("duplicates")
        self.duplicate_section.show()
        if not self.candidates:
            self.duplicate_list.show_message(self.tr("正在查找附近的疑似重复案件…"))
        self._ctx.ops.run(
            search,
            lambda found: self._duplicates_loaded(gen, bundle, found),
            lambda message, exc: self._duplicates_failed(gen, message),
            description="find duplicate candidates",
            owner=self,
        )

    def _duplicates_loaded(self, gen: int, bundle: DetailBundle,
                           found: list[DuplicateCandidate]) -> None:  # fmt: skip
        if not self._current(gen, "duplicates"):
            return
        self.candidates = found
        can_merge = Action.MERGE.value in bundle.detail.allowed_actions
        self.duplicate_list.set_candidates(bundle.case_id, bundle.detail.summary.case_no, found,
                                       can_merge)  # fmt: skip
        self.duplicate_section.set_count(len(found) or None)
        self._finish_part()

    def _duplicates_failed(self, gen: int, message: str) -> None:
        if not self._current(gen, "duplicates"):
            return
        self.candidates = []
        self.duplicate_list.show_message(self.tr("无法查找疑似重复案件：") + message)
        self._finish_part()

    def _finish_part(self) -> None:
        self._update_loading()
        if not self._pending:
            self.load_finished.emit(self._case_id)

    def _update_loading(self) -> None:
        busy = bool(self._pending)
        if busy:
            self._refresh.stop()
            if not self.loading.isVisible():
                self._busy_timer.start()  # a load that is done in a blink shows nothing
        else:
            self._busy_timer.stop()
            self._show_busy(False)
            if self._case_id >= 0:
                self._refresh.start()

    def _show_busy(self, busy: bool) -> None:
        self.loading.setVisible(busy and bool(self._pending))
        self._loading_space.setVisible(not self.loading.isVisibleTo(self))

    def _show_stale(self) -> None:
        # The new case is slow: make it plain that what is shown is the previous one.
        if self._pending and (self.bundle is None or self.bundle.case_id != self._case_id):
            self.action_bar.setEnabled(False)
            self.content.setEnabled(False)

    def _tick(self) -> None:
        if self.isVisible() and self._case_id >= 0 and not self._pending:
            self._load(switching=False)

    # -- rendering -------------------------------------------------------------------------

    def _clear(self, title: str | None = None) -> None:
        self._stale_timer.stop()
        self._refresh.stop()
        self.bundle = None
        self.candidates = []
        self.header.clear(title or self.tr("未选择案件"))
        self.action_bar.set_actions([])
        self.error.hide()
        self.hint.setVisible(title is None)
        self.scroll_area.hide()
        self._filler.show()
        self._update_loading()

    def _render(self, b: DetailBundle) -> None:
        self._stale_timer.stop()
        self.action_bar.setEnabled(True)
        self.content.setEnabled(True)
        self.error.hide()
        self.hint.hide()
        self._filler.hide()
        self.scroll_area.show()
        detail = b.detail
        self.header.show_bundle(b)
        verified = detail.verified or not Source(detail.summary.source).needs_verification
        demoted = {Action.REQUEST_VERIFICATION.value} if verified else set()
        self.action_bar.set_actions(detail.allowed_actions, demoted)
        self.fields.set_rows(case_fields(b, secondary_colour(self)))
        self.deadlines.set_timings(b.timings)
        self.timeline.set_events(detail.events, Names(b.unit_names, b.people, b.categories))
        self.escalations.set_escalations(detail.escalations)
        self.escalation_section.setVisible(bool(detail.escalations))
        self.escalation_section.set_count(len(detail.escalations) or None)
        self.timeline_section.set_count(len(detail.events))

    def _restore_scroll(self, position: int) -> None:
        bar = self.scroll_area.verticalScrollBar()
        self._scroll_target = None
        if position <= 0:
            bar.setValue(0)
            return
        # The rebuilt content is laid out on a later pass; the value is set again as the
        # range grows back, else it would stay clamped to a shorter intermediate range.
        self._scroll_target = position
        bar.setValue(position)
        QTimer.singleShot(1000, self._forget_scroll_target)

    def _on_scroll_range(self, _minimum: int, maximum: int) -> None:
        if self._scroll_target is not None:
            self.scroll_area.verticalScrollBar().setValue(min(self._scroll_target, maximum))
            if maximum >= self._scroll_target:
                self._scroll_target = None

    def _forget_scroll_target(self) -> None:
        self._scroll_target = None

    # -- user input --------------------------------------------------------------------------

    def _on_action(self, action: str) -> None:
        b = self.bundle
        # Buttons of a case the panel is leaving are inert: the action would hit another case.
        if b is None or b.case_id != self._case_id or action not in b.detail.allowed_actions:
            return
        self.action_requested.emit(action, b.case_id)

    def _on_merge(self, duplicate_id: int, original_id: int) -> None:
        b = self.bundle
        if b is None or b.case_id != duplicate_id or duplicate_id != self._case_id:
            return  # confirmed for a case that is no longer shown
        if Action.MERGE.value not in b.detail.allowed_actions:
            return
        self.merge_requested.emit(duplicate_id, original_id)

    def _on_link(self, link: str) -> None:
        if link.startswith("case:"):
            case_id = int(link.removeprefix("case:"))
            self.show_case(case_id)
            self.case_link_activated.emit(case_id)

    def open_photo(self, attachment_id: int) -> None:
        if self.viewer is None:
            self.viewer = PhotoViewer(self._ctx, self)
        self.viewer.show_photos(self.photos.image_photos(), attachment_id)

    def action_buttons(self) -> Sequence[str]:
        """The actions offered right now, in the order shown."""
        return list(self.action_bar.buttons)

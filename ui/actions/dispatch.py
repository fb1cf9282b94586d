"""派遣 dialogs: one case with the recommended unit and why, or a bulk dispatch table."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.actions.category_picker import forward_navigation
from ui.actions.dialogs import ActionDialog
from ui.actions.jobs import (
    ActionItem,
    BatchResult,
    BulkRecommendation,
    DispatchOptions,
    bulk_recommendations,
    dispatch_options,
)
from ui.actions.shortcuts import QT_TRANSLATE_NOOP, tr
from ui.context import AppContext
from ui.labels import error_text, limit_text, word_label
from ui.map.widget import MiniMap
from workstation.domain.units import HandlingUnit
from workstation.services.dto import CaseSummary, RecommendationView

Index = QModelIndex | QPersistentModelIndex
UnitRole = Qt.ItemDataRole.UserRole + 1
SearchRole = Qt.ItemDataRole.UserRole + 2
UnitCodeRole = Qt.ItemDataRole.UserRole + 3

RECOMMENDED, CANDIDATE, OTHER = "recommended", "candidate", "other"


def when(value: Any) -> str:
    return value.strftime("%m-%d %H:%M") if value is not None else ""


@dataclass(frozen=True, slots=True)
class UnitRow:
    unit: HandlingUnit
    tag: str  # RECOMMENDED, CANDIDATE or OTHER


class UnitListModel(QAbstractListModel):
    """Units to dispatch to: the recommendation, the other matching ones, then all units."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[UnitRow] = []
        self._bold = QFont()
        self._bold.setBold(True)
        self._grey = QBrush(QColor("#607d8b"))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        u = row.unit
        if role == Qt.ItemDataRole.DisplayRole:
            tag = {RECOMMENDED: self.tr("★ 推荐"), CANDIDATE: self.tr("候选")}.get(row.tag, "")
            return f"{u.name}（{u.code}）　{word_label(u.kind.label)}　{tag}".rstrip()
        if role == Qt.ItemDataRole.ToolTipRole:
            return "　".join(p for p in (u.name, word_label(u.kind.label), u.phone) if p)
        if role == Qt.ItemDataRole.FontRole and row.tag == RECOMMENDED:
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole and row.tag == OTHER:
            return self._grey
        if role == UnitRole:
            return u
        if role == UnitCodeRole:
            return u.code
        if role == SearchRole:
            return f"{u.code} {u.name} {u.kind.label}".lower()
        return None

    def set_units(self, rows: Sequence[UnitRow]) -> None:
        self.beginResetModel()  # loaded once per dialog
        self._rows = list(rows)
        self.endResetModel()

    @staticmethod
    def rows_for(options: DispatchOptions) -> list[UnitRow]:
        rec = options.recommendation.unit_code if options.recommendation else None
        seen: set[str] = set()
        rows = []
        for unit in options.candidates:
            rows.append(UnitRow(unit, RECOMMENDED if unit.code == rec else CANDIDATE))
            seen.add(unit.code)
        rows.sort(key=lambda r: r.tag != RECOMMENDED)  # stable: candidates keep their order
        rows += [UnitRow(u, OTHER) for u in options.units if u.code not in seen]
        return rows


class UnitPicker(QWidget):
    """Type to filter (code, name, kind); ↑ ↓ move; the recommendation starts selected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setObjectName("unitSearch")
        self.search.setPlaceholderText(self.tr("改派其他单位：输入单位名称或代码筛选"))
        self.search.setClearButtonEnabled(True)
        self.model = UnitListModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(SearchRole)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.view = QListView(self)
        self.view.setObjectName("unitList")
        self.view.setModel(self.proxy)
        self.view.setMinimumHeight(170)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.search and forward_navigation(watched, self.view, event):
            return True
        return super().eventFilter(watched, event)

    def set_units(self, rows: Sequence[UnitRow]) -> None:
        self.model.set_units(rows)
        self._select_first()

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._select_first()

    def _select_first(self) -> None:
        if self.proxy.rowCount() > 0:
            self.view.selectionModel().setCurrentIndex(
                self.proxy.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )

    def current_unit(self) -> HandlingUnit | None:
        index = self.view.currentIndex()
        unit: HandlingUnit | None = index.data(UnitRole) if index.isValid() else None
        return unit


class DispatchDialog(ActionDialog):
    """派遣 one case: the recommendation with its rule and deadline; Enter accepts it."""

    def __init__(self, ctx: AppContext, case: CaseSummary, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "dispatch", [case], self.tr("派遣"), self.tr("派遣（Enter）"),
                         parent)  # fmt: skip
        self._options: DispatchOptions | None = None
        box = QGroupBox(self.tr("推荐处置单位"), self)
        box.setObjectName("recommendationBox")
        rec = QVBoxLayout(box)
        self.unit_label = QLabel(self.tr("正在计算推荐单位…"), box)
        self.unit_label.setObjectName("recommendedUnit")
        font = self.unit_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.unit_label.setFont(font)
        self.reason_label = QLabel(box)
        self.reason_label.setObjectName("recommendationReason")
        self.reason_label.setWordWrap(True)
        self.deadline_label = QLabel(box)
        self.deadline_label.setObjectName("dispatchDeadline")
        for widget in (self.unit_label, self.reason_label, self.deadline_label):
            rec.addWidget(widget)
        self.picker = UnitPicker(self)
        self.choice = QLabel(self)
        self.choice.setObjectName("unitChoice")
        # The case on a small map with the chosen unit's area (its 街道 or rule areas).
        self.minimap = MiniMap(self)
        self.minimap.setObjectName("dispatchMiniMap")
        self.minimap.setMinimumHeight(200)
        self.minimap.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.form.addRow(box)
        self.form.addRow(self.minimap)
        self.form.addRow(self.tr("处置单位"), self.picker)
        self.form.addRow("", self.choice)
        self.finish_layout()
        self.picker.view.selectionModel().currentChanged.connect(self._unit_changed)
        self.picker.search.setFocus()
        ws = ctx.ws
        self.load(lambda: dispatch_options(ws, case), self._loaded, "recommend a unit")

    @property
    def recommendation(self) -> RecommendationView | None:
        return self._options.recommendation if self._options else None

    def _loaded(self, options: DispatchOptions) -> None:
        self._options = options
        rec = options.recommendation
        if rec is None:
            self.unit_label.setText(self.tr("无法推荐处置单位"))
            self.reason_label.setText(options.error)
            self.deadline_label.clear()
        else:
            self.unit_label.setText(f"{rec.unit_name}（{rec.unit_code}）")
            self.reason_label.setText(self.tr("依据：{reason}").format(reason=error_text(rec.reason)))
            deadline = self.tr("处置时限 {limit}，期限 {deadline}")
            self.deadline_label.setText(deadline.format(limit=limit_text(rec.limit),
                                                        deadline=when(rec.deadline)))  # fmt: skip
        self.picker.set_units(UnitListModel.rows_for(options))
        if options.grid is not None:
            self.minimap.set_grid(options.grid)
            self._show_on_map()

    def _show_on_map(self) -> None:
        options, unit = self._options, self.picker.current_unit()
        if options is None or options.grid is None:
            return
        areas = options.areas.get(unit.code, ()) if unit is not None else ()
        self.minimap.show_case(self.cases[0], areas)

    def _unit_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        unit, rec = self.picker.current_unit(), self.recommendation
        self._show_on_map()
        if unit is None:
            self.choice.clear()
        elif rec is not None and unit.code != rec.unit_code:
            self.choice.setText(self.tr("将改派至 {unit}（非推荐单位）").format(unit=unit.name))
        else:
            self.choice.setText(self.tr("将派遣至 {unit}").format(unit=unit.name))

    def params(self) -> dict[str, Any] | None:
        if self._options is None:
            # Enter before the recommendation arrived: the service dispatches to the unit
            # the responsibility matrix recommends — the same one this dialog would show.
            return {}
        unit, rec = self.picker.current_unit(), self.recommendation
        if unit is None:
            self.show_error(self.tr("请选择处置单位"))
            return None
        if rec is not None and unit.code == rec.unit_code:
            return {"unit_code": unit.code, "reason": rec.reason}
        reason = self.tr("人工改派至 {unit}").format(unit=unit.name)
        if rec is not None:
            reason += self.tr("（推荐：{unit}）").format(unit=rec.unit_name)
        return {"unit_code": unit.code, "reason": reason}


# ------------------------------------------------------------------------------ bulk


@dataclass(frozen=True, slots=True)
class BulkRow:
    case: CaseSummary
    recommendation: RecommendationView | None = None
    note: str = ""  # why there is no recommendation, or the dispatch result
    ok: bool | None = None  # None: not dispatched yet


class BulkDispatchModel(QAbstractTableModel):
    """One row per selected case: its recommended unit, why, the deadline and the result."""

    TITLES = (
        QT_TRANSLATE_NOOP("ActionController", "案件编号"),
        QT_TRANSLATE_NOOP("ActionController", "类别"),
        QT_TRANSLATE_NOOP("ActionController", "街道/社区"),
        QT_TRANSLATE_NOOP("ActionController", "推荐处置单位"),
        QT_TRANSLATE_NOOP("ActionController", "推荐依据"),
        QT_TRANSLATE_NOOP("ActionController", "处置期限"),
        QT_TRANSLATE_NOOP("ActionController", "结果"),
    )

    def __init__(self, cases: Sequence[CaseSummary], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows = [BulkRow(c) for c in cases]
        self._red = QBrush(QColor("#c62828"))
        self._green = QBrush(QColor("#2e7d32"))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.TITLES)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            # Elided columns in full; the case number shows what the case is about.
            c = row.case
            if column == 0:
                return f"{c.address} {c.description}".strip()
            return row.note if column == 6 and row.ok is False else self._text(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == 6 and row.ok is not None:
            return self._green if row.ok else self._red
        return None

    def _text(self, row: BulkRow, column: int) -> str:
        c, rec = row.case, row.recommendation
        if column == 0:
            return c.case_no
        if column == 1:
            return c.category_name or self.tr("未分类")
        if column == 2:
            return "/".join(p for p in (c.street_name, c.community_name) if p)
        if column == 3:
            return rec.unit_name if rec else ""
        if column == 4:
            return rec.reason if rec else ""
        if column == 5:
            return when(rec.deadline) if rec else ""
        if row.ok is True:
            return self.tr("✓ 已派遣") + (f" {row.note}" if row.note else "")
        if row.ok is False:
            return self.tr("✗ 未派遣")  # the reason: tooltip and the line below the table
        return row.note

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # fmt: skip
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.TITLES):  # fmt: skip
            return tr(self.TITLES[section])
        return None

    def _update(self, row: int, new: BulkRow) -> None:
        self._rows[row] = new
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.TITLES) - 1))

    def set_recommendations(self, recs: Sequence[BulkRecommendation]) -> None:
        by_id = {r.case.id: r for r in recs}
        for i, row in enumerate(self._rows):
            r = by_id.get(row.case.id)
            if r is not None:
                note = self.tr("无法推荐：{error}").format(error=r.error) if r.error else ""
                self._update(i, replace(row, recommendation=r.recommendation, note=note))

    def set_results(self, result: BatchResult) -> None:
        by_id = {o.item.case.id: o for o in result.outcomes}
        for i, row in enumerate(self._rows):
            o = by_id.get(row.case.id)
            if o is None:
                continue
            if o.result is not None:
                deadline = when(o.result.deadline)
                self._update(i, replace(row, case=o.result, ok=True, note=deadline))
            else:
                self._update(i, replace(row, ok=False, note=o.error))

    def rows(self) -> list[BulkRow]:
        return list(self._rows)


class BulkDispatchDialog(ActionDialog):
    """派遣 several cases at once, each to its own recommended unit; one Enter sends all."""

    def __init__(self, ctx: AppContext, cases: Sequence[CaseSummary],
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(ctx, "dispatch", cases, self.tr("批量派遣"),
                         self.tr("全部派遣（Enter）"), parent)  # fmt: skip
        self.setMinimumWidth(1120)
        self._loaded_recs = False
        self.model = BulkDispatchModel(cases, self)
        self.table = QTableView(self)
        self.table.setObjectName("bulkDispatchTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column, width in enumerate((118, 96, 140, 176, 330, 90)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.body.addWidget(self.table, 1)
        self.finish_layout()
        self.table.setFocus()
        self.show_info(self.tr("正在计算各案件的推荐单位…"))
        ws = ctx.ws
        self.load(lambda: bulk_recommendations(ws, cases), self._recommended,
                  "recommend units")  # fmt: skip

    def _recommended(self, recs: list[BulkRecommendation]) -> None:
        self._loaded_recs = True
        self.model.set_recommendations(recs)
        missing = sum(1 for r in recs if r.recommendation is None)
        if missing:
            text = self.tr("{n} 件案件无法推荐处置单位，将不派遣，请单独处理")
            self.show_error(text.format(n=missing))
        else:
            self.error.clear()

    def items(self) -> list[ActionItem] | None:
        if not self._loaded_recs:
            # Enter before the table filled: the service picks each recommended unit itself.
            return [ActionItem(c, "dispatch", {}) for c in self.cases]
        items = [
            ActionItem(r.case, "dispatch", {"unit_code": rec.unit_code, "reason": rec.reason})
            for r in self.model.rows()
            if (rec := r.recommendation) is not None and r.ok is None
        ]
        if not items:
            self.show_error(self.tr("没有可以派遣的案件"))
            return None
        return items

    def show_outcomes(self, result: BatchResult) -> None:
        self.model.set_results(result)
        self._set_busy(False)
        head = self.tr("已派遣 {ok} 件，{bad} 件失败：")
        lines = [head.format(ok=len(result.succeeded), bad=len(result.failed))]
        lines += [f"{o.item.case.case_no}　{o.error}" for o in result.failed]
        self.show_error("\n".join(lines))
        # What is left is to read the results: Enter now closes the dialog.
        self.ok_button.setEnabled(False)
        self.cancel_button.setText(self.tr("关闭"))
        self.cancel_button.setDefault(True)
        self.cancel_button.setFocus()

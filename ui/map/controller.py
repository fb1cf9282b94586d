"""Feeds the grid map from the services in the background: grid, field, heat, cell summaries."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Signal

from ui.context import AppContext
from ui.map.widget import GridMapWidget
from workstation.domain.grid import Grid
from workstation.services.field import SupervisorView
from workstation.services.map_queries import CellSummary, HeatQuery

Tracks = dict[str, list[tuple[datetime, float, float]]]


class MapController(QObject):
    """Loads what the map shows through `Operations` (never on the GUI thread).

    - start(): the grid (building its point index takes a second or two), then the field;
    - load_field(): supervisors' positions and today's tracks (call on "supervisor"
      change-feed batches);
    - the widget's heat_query_changed runs map_queries.heat_counts; an answer to an older
      query that arrives late is dropped;
    - cell_summary(code, callback): the clicked cell's 社区, 街道, supervisor, open cases.
    Cases come from the queue (the lead connects cases_loaded / apply_changes).
    """

    grid_loaded = Signal()
    field_loaded = Signal()
    heat_loaded = Signal()

    def __init__(self, ctx: AppContext, widget: GridMapWidget,
                 parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent or widget)
        self._ctx = ctx
        self.widget = widget
        self._heat_seq = 0
        widget.heat_query_changed.connect(self.load_heat)

    def start(self) -> None:
        self._ctx.ops.run(lambda: self._ctx.ws.reference.grid, self._grid_ready,
                          description="load grid")  # fmt: skip

    def _grid_ready(self, grid: Grid) -> None:
        self.widget.set_grid(grid)
        self.grid_loaded.emit()
        self.load_field()
        if self.widget.layer_visible("heat"):
            self.load_heat(self.widget.heat_query())

    def load_field(self) -> None:
        ws = self._ctx.ws

        def fetch() -> tuple[list[SupervisorView], Tracks]:
            now = ws.clock()
            board = ws.supervisor_board(at=now)
            midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
            tracks = {row.code: ws.supervisor_track(row.code, midnight) for row in board}
            return board, tracks

        self._ctx.ops.run(fetch, self._field_ready, description="load supervisors")

    def _field_ready(self, result: tuple[list[SupervisorView], Tracks]) -> None:
        board, tracks = result
        self.widget.set_supervisors(board)
        self.widget.set_tracks(tracks)
        self.field_loaded.emit()

    def load_heat(self, query: HeatQuery) -> None:
        self._heat_seq += 1
        seq = self._heat_seq
        ws = self._ctx.ws

        def fetch() -> dict[str, int]:
            return ws.heat_counts(query)

        def done(counts: dict[str, int]) -> None:
            if seq == self._heat_seq:  # a newer query is on its way: this one is stale
                self.widget.set_heat(counts)
                self.heat_loaded.emit()

        self._ctx.ops.run(fetch, done, description="heat counts")

    def cell_summary(self, code: str, on_done: Callable[[CellSummary], None]) -> None:
        ws = self._ctx.ws

        def fetch() -> CellSummary:
            return ws.cell_summary(code)

        self._ctx.ops.run(fetch, on_done, description="cell summary")

"""Benchmark: grid map repaint during pan/zoom, cell hit-test and heat recompute (issue 4).

Offscreen, a 1600×1000 view of ≥ 20,000 cells, 5,000 case markers and 30 supervisors with
today's tracks. Prints the repaint time of `view.grab()` (and of rendering the scene into a
QImage) over a fixed sequence of zoom and pan steps, the same for a naive one-item-per-cell
scene (as a ratio) and five batched paths without level of detail, the click → cell
hit-test, and the heat-layer recompute over 1,000,000 cases (numpy, and SQL GROUP BY on
SQLite and PostgreSQL databases of that size).

Usage: python bench/bench_map.py [--quick] [--sql-cases 1000000] [--pg URL|none]
       python bench/bench_map.py --screenshots docs/screenshots   (the README's two images)
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_API", "pyside6")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from workstation.adapters import demo_grid  # noqa: E402
from workstation.adapters.grid_geojson import load_default_boundary  # noqa: E402
from workstation.domain.grid import Grid  # noqa: E402
from workstation.services.dto import CaseSummary  # noqa: E402
from workstation.services.field import SupervisorView  # noqa: E402

NOW = datetime(2026, 11, 25, 10, 0)
VIEW = (1600, 1000)
STATES = ("reported", "verifying", "filed", "dispatched", "awaiting_check", "suspended")
STATE_SHARE = (0.07, 0.04, 0.10, 0.57, 0.15, 0.07)
STATE_LABELS = dict(
    zip(STATES, ("上报", "核实中", "已立案", "已派遣", "待核查", "挂账"), strict=True)
)
CATEGORIES = ("C0101", "C0103", "C0201", "C0302", "C0401", "E0101", "E0102", "E0105", "E0202",
              "E0301", "E0503", "E0507")  # fmt: skip
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = ("伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛")


# -- the synthetic world ---------------------------------------------------------------------


def big_grid(scale: float = 1.05, seed: int = 1) -> Grid:
    """The demo grid with its built-up ellipses grown 5 %: 20,150 cells (the demo has 18,488)."""
    base = demo_grid.URBAN_ELLIPSES
    demo_grid.URBAN_ELLIPSES = tuple((lon, lat, a * scale, b * scale, r)
                                     for lon, lat, a, b, r in base)  # fmt: skip
    try:
        return demo_grid.generate_demo_grid(load_default_boundary(), seed)
    finally:
        demo_grid.URBAN_ELLIPSES = base


def cell_weights(grid: Grid, rng: np.random.Generator) -> np.ndarray:
    """Where cases happen: a few hot communities, busier near the new-city centre."""
    proj = grid.projection
    centre = np.array([proj.to_metres(*c.centroid) for c in grid.cells])
    d = np.hypot(*(centre - centre.mean(axis=0)).T)
    community_heat = {c.code: rng.gamma(0.8, 1.0) for c in grid.communities}
    w = np.array([community_heat[c.community_code] for c in grid.cells]) * np.exp(-d / 9000)
    w *= rng.gamma(1.2, 1.0, len(w))
    return w / w.sum()


def synthetic_cases(grid: Grid, n: int, rng: np.random.Generator) -> list[CaseSummary]:
    weights = cell_weights(grid, rng)
    cells = rng.choice(len(grid.cells), size=n, p=weights)
    states = rng.choice(STATES, size=n, p=STATE_SHARE)
    out = []
    for k, (i, state) in enumerate(zip(cells.tolist(), states.tolist(), strict=True)):
        cell = grid.cells[i]
        lon, lat = grid.random_point_in_cell(cell.code, rng)
        reported = NOW - timedelta(minutes=int(rng.integers(10, 60 * 24 * 20)))
        late = rng.random() < 0.12
        due = NOW + timedelta(hours=float(rng.uniform(-30, -1) if late else rng.uniform(1, 90)))
        category = CATEGORIES[int(rng.integers(len(CATEGORIES)))]
        out.append(CaseSummary(
            id=k + 1, case_no=f"{reported:%Y%m%d}{k + 1:05d}", version=1, state=state,
            state_label=STATE_LABELS[state], source="supervisor", source_label="监督员上报",
            priority="urgent" if rng.random() < 0.07 else "normal", reported_at=reported,
            category_code=category, category_name="", grid_code=cell.code,
            street_name="", community_name="", address="", description="",
            unit=None, unit_name="", deadline=due if state == "dispatched" else None,
            stage_deadline=due if state not in ("dispatched", "suspended") else None,
            handling_limit=None, pending_request=None, remind_count=0,
            is_key=bool(rng.random() < 0.03), rework_count=0, self_handled=False,
            lon=lon, lat=lat, closed_at=None, updated_at=reported,
            # the running clock, as the case would carry it (overdue rings follow it)
            clock_stage=_CLOCK_OF_STATE.get(state), clock_started_at=reported,
            suspended_at=reported if state == "suspended" else None,
        ))  # fmt: skip
    return out


_CLOCK_OF_STATE = {"reported": "file", "verifying": "verify", "filed": "dispatch",
                   "dispatched": "handling", "awaiting_check": "check",
                   "suspended": "handling"}  # fmt: skip


def synthetic_field(
    grid: Grid, n: int, rng: np.random.Generator
) -> tuple[list[SupervisorView], dict[str, list[tuple[datetime, float, float]]]]:
    """n supervisors patrolling since 08:00 (a fix a minute on a 100 m street lattice)."""
    proj = grid.projection
    rows: list[SupervisorView] = []
    tracks: dict[str, list[tuple[datetime, float, float]]] = {}
    cells_by_street: dict[str, list[int]] = {}
    for i, c in enumerate(grid.cells):
        cells_by_street.setdefault(c.street_code, []).append(i)
    streets = sorted(cells_by_street)
    for k in range(n):
        code = f"JDY{k + 1:03d}"
        street = streets[k % len(streets)]
        start = grid.cells[int(rng.choice(cells_by_street[street]))]
        x, y = proj.to_metres(*start.centroid)
        fixes = []
        heading = int(rng.integers(4))
        at = NOW.replace(hour=8, minute=0)
        late = k % 10 == 3
        end = NOW - timedelta(minutes=24 if late else int(rng.integers(0, 4)))
        while at <= end:
            if rng.random() < 0.15:
                heading = int(rng.integers(4))
            dx, dy = ((1, 0), (0, 1), (-1, 0), (0, -1))[heading]
            x += dx * 35.0
            y += dy * 35.0
            lon, lat = proj.to_lonlat(x, y)
            if grid.locate(lon, lat) is None:  # stay in the built-up area
                heading = (heading + 2) % 4
                x -= 2 * dx * 35.0
                y -= 2 * dy * 35.0
                lon, lat = proj.to_lonlat(x, y)
            fixes.append((at, lon, lat))
            at += timedelta(minutes=1)
        tracks[code] = fixes
        status = "on_task" if k % 7 == 2 else "resting" if k % 13 == 5 else "patrolling"
        last_at, lon, lat = fixes[-1]
        name = SURNAMES[k % len(SURNAMES)] + GIVEN[(k * 7) % len(GIVEN)]
        rows.append(SupervisorView(
            code=code, username=code.lower(), name=name, phone="", street_code=street,
            street_name="", status=status, status_label="", last_fix_at=last_at, lon=lon,
            lat=lat, fix_age_seconds=(NOW - last_at).total_seconds(), patrol_cells=0,
            reports_today=0, pending_verifications=0, pending_checks=0, overdue_tasks=0,
            late=late and status != "resting",
        ))  # fmt: skip
    return rows, tracks


def heat_indices(grid: Grid, n: int, rng: np.random.Generator) -> np.ndarray:
    """The cell index of each of n cases (what locate_many or a grid_code column gives)."""
    return rng.choice(len(grid.cells), size=n, p=cell_weights(grid, rng)).astype(np.int64)


# -- measuring -------------------------------------------------------------------------------


def stats(ms: list[float]) -> str:
    if not ms:
        return "n/a"
    q = np.percentile(ms, [50, 90])
    return f"median {q[0]:6.1f} ms  p90 {q[1]:6.1f} ms  max {max(ms):6.1f} ms  (n={len(ms)})"


def make_map(grid: Grid, cases: list[CaseSummary], supervisors: list[SupervisorView],
             tracks: dict[str, list[tuple[datetime, float, float]]]):  # fmt: skip
    from ui.map.widget import GridMapWidget

    w = GridMapWidget(clock=lambda: NOW)
    w.resize(*VIEW)
    w.show()
    # Grow the widget until the map view itself is exactly 1600×1000.
    vp = w.view.viewport().size()
    w.resize(VIEW[0] + VIEW[0] - vp.width(), VIEW[1] + VIEW[1] - vp.height())
    w.set_grid(grid)
    w.set_cases(cases)
    w.set_supervisors(supervisors)
    w.set_tracks(tracks)
    return w


def view_steps(w) -> Iterator[tuple[str, Callable[[], None]]]:
    """A scripted session: zoom in on the new city, pan at three scales, zoom back out."""
    from PySide6.QtCore import QPointF

    cx, cy = w.projection.to_metres(102.835, 24.875)

    def zoom(f: float) -> Callable[[], None]:
        return lambda: w.vb.scaleBy(s=(1 / f, 1 / f), center=QPointF(cx, cy))

    def pan(fx: float, fy: float) -> Callable[[], None]:
        return lambda: w.pan_by(fx, fy)

    def at(mpp: float) -> Callable[[], None]:
        return lambda: w.center_on_xy(cx, cy, max_mpp=mpp)

    yield "setup", w.show_district
    for _ in range(16):
        yield "zoom in", zoom(1.25)
    for mpp, label in ((20.0, "pan @ 20 m/px"), (5.0, "pan @ 5 m/px"), (1.0, "pan @ 1 m/px")):
        yield "setup", w.show_district
        yield "setup", at(mpp)
        for k in range(12):
            yield label, pan(0.1 if k < 6 else 0.0, 0.0 if k < 6 else -0.1)
    for _ in range(16):
        yield "zoom out", zoom(1 / 1.25)


def grab_ms(w) -> float:
    t = time.perf_counter()
    w.view.grab()
    return (time.perf_counter() - t) * 1000


def image_ms(w) -> float:
    from PySide6.QtGui import QImage, QPainter

    image = QImage(*VIEW, QImage.Format.Format_ARGB32_Premultiplied)
    t = time.perf_counter()
    w.view.scene().prepareForPaint()  # what paintEvent does before drawing
    p = QPainter(image)
    w.view.render(p)
    p.end()
    return (time.perf_counter() - t) * 1000


Step = tuple[str, float, float | None, int]  # phase, grab ms, QImage render ms, step number


def run_session(w, every: int = 1, with_image: bool = False) -> list[Step]:
    """One pass over the scripted session; every ``every``-th step is timed."""
    steps: list[Step] = []
    for k, (phase, step) in enumerate(view_steps(w)):
        step()
        if phase == "setup":
            grab_ms(w)  # settle the new scale outside the measurement
            continue
        if k % every:
            continue
        steps.append((phase, grab_ms(w), image_ms(w) if with_image else None, k))
    return steps


def by_phase(steps: list[Step], values: list[float]) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {}
    for (phase, *_), v in zip(steps, values, strict=True):
        out.setdefault(phase, []).append(v)
    return out


def add_naive_cells(w, grid: Grid) -> list[object]:
    """The naive Qt drawing: one QGraphicsPathItem per cell, filled and outlined."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QBrush, QPainterPath, QPolygonF
    from PySide6.QtWidgets import QGraphicsPathItem

    from ui.map import style
    from ui.map.geometry import build_geometry

    g = build_geometry(grid)
    pen = style.cosmetic_pen(style.CELL_OUTLINE)
    items = []
    for i in range(g.n):
        a, b = g.ring_off[i], g.ring_off[i + 1]
        ring = zip(g.x[a:b].tolist(), g.y[a:b].tolist(), strict=True)
        path = QPainterPath()
        path.addPolygon(QPolygonF.fromList([QPointF(x, y) for x, y in ring]))
        item = QGraphicsPathItem(path)
        item.setPen(pen)
        item.setBrush(QBrush(style.STREET_FILLS[int(g.street_of[i]) % len(style.STREET_FILLS)]))
        item.setZValue(1)
        w.vb.addItem(item, ignoreBounds=True)
        items.append(item)
    return items


def add_naive_curves(w, grid: Grid) -> list[object]:
    """The naive pyqtgraph drawing: one PlotCurveItem per cell, filled ('enclosed')."""
    import pyqtgraph as pg

    from ui.map import style
    from ui.map.geometry import build_geometry

    g = build_geometry(grid)
    pen = style.cosmetic_pen(style.CELL_OUTLINE)
    brushes = [pg.mkBrush(c) for c in style.STREET_FILLS]
    items = []
    for i in range(g.n):
        a, b = g.ring_off[i], g.ring_off[i + 1]
        item = pg.PlotCurveItem(g.x[a:b], g.y[a:b], pen=pen, fillLevel="enclosed",
                                brush=brushes[int(g.street_of[i]) % len(brushes)])  # fmt: skip
        item.setZValue(1)
        w.vb.addItem(item, ignoreBounds=True)
        items.append(item)
    return items


def add_batched_paths(w, grid: Grid, classes: int = 5) -> list[object]:
    """The first batched attempt: five paths (one per colour class) with outlines, no LOD."""
    from PySide6.QtGui import QBrush
    from PySide6.QtWidgets import QGraphicsPathItem

    from ui.map import style
    from ui.map.geometry import build_geometry
    from ui.map.layers import make_path

    g = build_geometry(grid)
    pen = style.cosmetic_pen(style.CELL_OUTLINE)
    items = []
    for c in range(classes):
        item = QGraphicsPathItem(
            make_path(*g.cell_rings(np.flatnonzero(g.street_of % classes == c)))
        )
        item.setPen(pen)
        item.setBrush(QBrush(style.STREET_FILLS[c]))
        item.setZValue(1)
        w.vb.addItem(item, ignoreBounds=True)
        items.append(item)
    return items


def bench_repaint(w, grid: Grid, naive_every: int, quick: bool) -> dict[str, float]:
    """Our map over the session: a cold first pass, then the best of two warm passes per
    step (the least disturbed by other processes on a shared machine); then baselines."""
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    print(f"\n== repaint, view {VIEW[0]}×{VIEW[1]} (view.grab(); all layers on, heat on) ==")
    w.show_district()
    t = time.perf_counter()
    w.view.grab()
    first = (time.perf_counter() - t) * 1000
    print(f"first paint (builds the cell and heat rasters): {first:.0f} ms")
    every = 2 if quick else 1
    cold = run_session(w, every)
    warm = [run_session(w, every, with_image=True) for _ in range(2)]
    best = [min(a[1], b[1]) for a, b in zip(*warm, strict=True)]
    images = [min(a[2] or 0.0, b[2] or 0.0) for a, b in zip(*warm, strict=True)]
    print("  cold (first pass: label images, tile paths and cluster levels built on demand)")
    for phase, v in by_phase(cold, [s[1] for s in cold]).items():
        print(f"    {phase:<16} {stats(v)}")
    print(f"    {'all steps':<16} {stats([s[1] for s in cold])}")
    print("  warm (best of two later passes, per step)")
    for phase, v in by_phase(cold, best).items():
        print(f"    {phase:<16} {stats(v)}")
    print(f"    {'all steps':<16} {stats(best)}")
    print(f"    {'QImage render':<16} {stats(images)}")
    print(f"  scene items: {len(w.view.scene().items())}")
    result = {"cold": statistics.median(s[1] for s in cold), "warm": statistics.median(best)}

    # Baselines: our cell layers switched off, the old drawings of the cells added.
    w.set_layer_visible("cells", False)
    w.set_layer_visible("heat", False)
    for label, build, step_every, antialias in (
        ("5 batched paths + outlines, no LOD", add_batched_paths, every, False),
        ("one item per cell (naive)", add_naive_cells, naive_every, False),
        ("one item per cell, antialiased view", add_naive_cells, naive_every, True),
        ("one pyqtgraph PlotCurveItem per cell", add_naive_curves, naive_every, False),
    ):
        items = build(w, grid)
        # Many applications switch antialiasing on for the whole view (pyqtgraph's
        # antialias option): our layers set their own hints, the naive items inherit it.
        w.view.setRenderHint(QPainter.RenderHint.Antialiasing, antialias)
        app.processEvents()
        steps = run_session(w, step_every)
        v = [s[1] for s in steps]
        print(f"  {label:<36} {stats(v)}  items: {len(w.view.scene().items())}")
        # Ours at the same steps, for a like-for-like ratio.
        ours_at = {c[3]: b for c, b in zip(cold, best, strict=True)}
        mine = [ours_at[s[3]] for s in steps if s[3] in ours_at]
        result[label] = statistics.median(v)
        print(f"  {'':<36} ratio of medians to ours at the same steps: "
              f"{statistics.median(v) / statistics.median(mine):.0f}×")  # fmt: skip
        for item in items:
            w.vb.removeItem(item)
    w.view.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    w.set_layer_visible("cells", True)
    w.set_layer_visible("heat", True)
    return result


def bench_hit_test(w, rng: np.random.Generator) -> None:
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtTest import QTest

    print("\n== cell hit-test on click ==")
    cx, cy = w.projection.to_metres(102.835, 24.875)
    for mpp in (30.0, 2.0):
        w.show_district()
        w.center_on_xy(cx, cy, max_mpp=mpp)
        w.view.grab()
        vp = w.view.viewport().size()
        pts = [(float(rng.uniform(50, vp.width() - 50)), float(rng.uniform(50, vp.height() - 50)))
               for _ in range(400)]  # fmt: skip
        handler = []
        for px, py in pts:
            v = w.vb.mapSceneToView(QPointF(px, py))
            t = time.perf_counter()
            w.hit_test(px, py, v.x(), v.y())
            handler.append((time.perf_counter() - t) * 1000)
        signals = [w.cell_clicked, w.case_clicked, w.supervisor_clicked]
        answered: list[float] = []
        for signal in signals:
            signal.connect(lambda _value, answered=answered: answered.append(1.0))
        full = []
        for k, (px, py) in enumerate(pts[:60]):
            # Far-apart points, so no two clicks make a double click.
            pos = QPoint(int(px if k % 2 else vp.width() - px), int(py))
            t = time.perf_counter()
            QTest.mouseClick(w.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
            full.append((time.perf_counter() - t) * 1000)
        for signal in signals:
            signal.disconnect()
        print(f"  at {mpp:>4} m/px hit_test() (markers → pins → clusters → cell): {stats(handler)}")
        print(f"  at {mpp:>4} m/px synthesized click through Qt → signal:        {stats(full)}"
              f"  ({len(answered)} of {len(full)} clicks hit something)")  # fmt: skip
    grid = w._grid
    lons = rng.uniform(102.75, 102.95, 20_000)
    lats = rng.uniform(24.80, 24.95, 20_000)
    t = time.perf_counter()
    for lon, lat in zip(lons.tolist(), lats.tolist(), strict=True):
        grid.locate(lon, lat)
    print(f"  grid.locate() alone: {(time.perf_counter() - t) / len(lons) * 1e6:.2f} µs per point")


def bench_heat(w, grid: Grid, n: int, rng: np.random.Generator) -> None:
    from ui.map.heat import counts_by_code, counts_by_index

    print(f"\n== heat layer over {n:,} cases ==")
    idx = heat_indices(grid, n, rng)
    best = min(_timed(lambda: counts_by_index(idx, len(grid.cells))) for _ in range(5))
    counts = counts_by_index(idx, len(grid.cells))
    print(f"  bincount over cell indices:                 {best:7.1f} ms")
    lons = np.empty(n)
    lats = np.empty(n)
    # Case positions: the cell's inner point jittered, so locate_many has work to do.
    cent = np.array([c.centroid for c in grid.cells])
    lons[:] = cent[idx, 0]
    lats[:] = cent[idx, 1]
    t = _timed(lambda: grid.locate_many(lons, lats))
    print(f"  locate_many (lon/lat → cell) for all cases: {t:7.1f} ms")
    t = _timed(lambda: w.set_heat_array(counts))
    print(f"  classes + layer update (set_heat_array):    {t:7.1f} ms")
    w.show_district()
    t = _timed(lambda: w.view.grab())
    print(f"  first repaint, district (heat raster):      {t:7.1f} ms")
    cx, cy = w.projection.to_metres(102.835, 24.875)
    w.set_heat_array(counts)
    w.center_on_xy(cx, cy, max_mpp=2.0)
    t = _timed(lambda: w.view.grab())
    print(f"  first repaint, 2 m/px (visible heat tiles): {t:7.1f} ms")
    as_dict = {grid.cells[i].code: int(c) for i, c in enumerate(counts.tolist()) if c}
    t = _timed(lambda: counts_by_code(as_dict, w.map_geometry.codes))
    print(f"  {{code: count}} from SQL → array ({len(as_dict):,} cells):  {t:5.1f} ms")
    t = _timed(lambda: w.set_heat(as_dict))
    print(f"  set_heat(dict) total:                       {t:7.1f} ms")
    w.show_district()


def _timed(fn: Callable[[], object]) -> float:
    t = time.perf_counter()
    fn()
    return (time.perf_counter() - t) * 1000


def bench_sql(grid: Grid, n: int, pg_url: str | None, rng: np.random.Generator) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url
    from sqlalchemy.orm import Session

    from workstation.persistence.tables import Base
    from workstation.services.map_queries import HeatQuery, heat_counts

    print(f"\n== heat: SQL GROUP BY grid_code over {n:,} cases ==")
    idx = heat_indices(grid, n, rng)
    codes = [c.code for c in grid.cells]
    minutes = rng.integers(0, 365 * 24 * 60, n)
    cats = rng.integers(0, len(CATEGORIES), n)
    states = rng.choice(["closed", "closed", "closed", "dispatched", "voided"], n)
    targets: list[tuple[str, str]] = []
    tmp = tempfile.TemporaryDirectory()
    targets.append(("SQLite", f"sqlite:///{tmp.name}/heat.sqlite"))
    dropper = None
    if pg_url:
        try:
            admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
            name = f"ws_bench_map_{os.getpid()}"
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
            targets.append(("PostgreSQL", make_url(pg_url).set(database=name)
                            .render_as_string(hide_password=False)))  # fmt: skip

            def dropper() -> None:
                with admin.connect() as conn:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                admin.dispose()
        except Exception as exc:  # no server: SQLite only
            print(f"  (PostgreSQL skipped: {str(exc).splitlines()[0]})")
    start = NOW - timedelta(days=365)
    try:
        for label, url in targets:
            engine = create_engine(url)
            Base.metadata.tables["cases"].create(engine)
            t = time.perf_counter()
            _fill_cases(engine, idx, codes, minutes, cats, states, start)
            print(f"  {label}: loaded {n:,} rows in {time.perf_counter() - t:.1f} s")
            # The covering index migration 0005 added, measured without and with it.
            heat_index = next(i for i in Base.metadata.tables["cases"].indexes
                              if i.name == "ix_cases_heat")  # fmt: skip
            for index in (False, True):
                with engine.begin() as conn:
                    if index:
                        heat_index.create(conn)
                    else:
                        heat_index.drop(conn)
                    conn.execute(text("ANALYZE"))
                print("    with the covering index ix_cases_heat (reported_at, grid_code, "
                      "category_code, state):" if index else "    without it:")  # fmt: skip
                with Session(engine) as session:
                    for title, q in (
                        ("last 30 days, all categories", HeatQuery(NOW - timedelta(days=30), NOW)),
                        ("last 30 days, 事件 (E)", HeatQuery(NOW - timedelta(days=30), NOW, "E")),
                        ("whole year, all categories", HeatQuery(start, NOW + timedelta(days=1))),
                    ):
                        heat_counts(session, q)  # warm the cache, as a second query would be
                        runs = [_timed(lambda q=q: heat_counts(session, q)) for _ in range(3)]
                        cells = len(heat_counts(session, q))
                        print(f"    {title:<30} {min(runs):7.0f} ms  ({cells:,} cells)")
            engine.dispose()
    finally:
        if dropper is not None:
            dropper()
        tmp.cleanup()


def _fill_cases(engine, idx, codes, minutes, cats, states, start: datetime) -> None:
    n = len(idx)
    rows = []
    for k in range(n):
        at = start + timedelta(minutes=int(minutes[k]))
        rows.append((k + 1, f"B{k + 1:09d}", 1, "supervisor", at, "jdy001", "", "",
                     codes[idx[k]], CATEGORIES[cats[k]], "normal", str(states[k]), False, False,
                     "{}", False, False, 0, False, 0, 0, 0, "", "", 0))  # fmt: skip
    cols = ("id, case_no, version, source, reported_at, reporter, description, address, "
            "grid_code, category_code, priority, state, verified, self_handled, pending_payload, "
            "check_passed, closed_by_self_handling, remind_count, is_key, rework_count, "
            "extension_count, return_count, duplicate_ids, void_reason, event_count")  # fmt: skip
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        if engine.dialect.name == "sqlite":
            # SQLAlchemy stores SQLite datetimes as ISO text with microseconds.
            rows = [(*r[:4], r[4].strftime("%Y-%m-%d %H:%M:%S.%f"), *r[5:]) for r in rows]
            cur.executemany(f"INSERT INTO cases ({cols}) VALUES ({', '.join('?' * 25)})", rows)
        else:
            with cur.copy(f"COPY cases ({cols}) FROM STDIN") as copy:
                for r in rows:
                    copy.write_row(r)
        raw.commit()
        cur.execute("ANALYZE")
        raw.commit()
    finally:
        raw.close()


def screenshots(folder: Path) -> None:
    """The README's screenshots: the whole district, and one 社区 close up."""
    from PySide6.QtWidgets import QApplication

    from ui.map.heat import counts_by_index

    rng = np.random.default_rng(7)
    grid = demo_grid.generate_demo_grid(load_default_boundary(), 1)
    cases = synthetic_cases(grid, 1500, rng)
    supervisors, tracks = synthetic_field(grid, 30, rng)
    w = make_map(grid, cases, supervisors, tracks)
    folder.mkdir(parents=True, exist_ok=True)
    w.set_layer_visible("heat", True)
    w.set_heat_array(counts_by_index(heat_indices(grid, 9000, rng), len(grid.cells)))
    w.show_district()
    QApplication.processEvents()
    w.grab().save(str(folder / "map-district.png"))
    w.set_layer_visible("heat", False)
    # The 社区 view at 1.4 m/px (cell numbers show) where most supervisors are in sight,
    # then most cases: it shows every kind of thing the map draws.
    per_community: dict[str, int] = {}
    for c in cases:
        per_community[c.grid_code[:12]] = per_community.get(c.grid_code[:12], 0) + 1
    sx = np.array([w.projection.to_metres(r.lon, r.lat)[0] for r in supervisors])
    sy = np.array([w.projection.to_metres(r.lon, r.lat)[1] for r in supervisors])

    def score(lab) -> tuple[int, int]:
        seen = (np.abs(sx - lab.x) < 1000) & (np.abs(sy - lab.y) < 600)
        return int(seen.sum()), per_community.get(lab.code, 0)

    label = max(w.map_geometry.community_labels, key=score)
    code = label.code
    some = min(
        (c for c in cases if c.grid_code.startswith(code) and c.state == "dispatched"),
        key=lambda c: np.hypot(*(np.subtract(w.case_position(c), (label.x, label.y)))),
    )
    w.focus_case(some)
    w.center_on_xy(label.x, label.y, max_mpp=1.4)
    QApplication.processEvents()
    w.grab().save(str(folder / "map-community.png"))
    print(f"saved {folder / 'map-district.png'} and {folder / 'map-community.png'} ({code})")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cases", type=int, default=5000)
    parser.add_argument("--supervisors", type=int, default=30)
    parser.add_argument("--heat-cases", type=int, default=1_000_000)
    parser.add_argument("--sql-cases", type=int, default=1_000_000, help="0 skips the SQL part")
    parser.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432/postgres",
                        help="an admin URL for a throw-away database, or 'none'")  # fmt: skip
    parser.add_argument("--naive-every", type=int, default=4,
                        help="time every Nth step of the naive scene (seconds each)")  # fmt: skip
    parser.add_argument("--quick", action="store_true", help="fewer steps, no SQL")
    parser.add_argument("--screenshots", type=Path, help="only save the two screenshots here")
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    if args.screenshots:
        screenshots(args.screenshots)
        return
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text()
                .splitlines() if line.startswith("model name")), platform.processor())  # fmt: skip
    print(f"machine: {os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, "
          f"Qt platform {app.platformName()}, load average {os.getloadavg()[0]:.1f}")  # fmt: skip
    rng = np.random.default_rng(1)
    t = time.perf_counter()
    grid = big_grid()
    cases = synthetic_cases(grid, args.cases, rng)
    supervisors, tracks = synthetic_field(grid, args.supervisors, rng)
    print(f"world: {len(grid.cells):,} cells, {len(cases):,} case markers, "
          f"{len(supervisors)} supervisors with {sum(map(len, tracks.values())):,} track fixes "
          f"(built in {time.perf_counter() - t:.1f} s)")  # fmt: skip
    t = time.perf_counter()
    w = make_map(grid, cases, supervisors, tracks)
    print(f"map set-up (geometry, markers, supervisors, tracks): "
          f"{(time.perf_counter() - t) * 1000:.0f} ms")  # fmt: skip
    t = _timed(lambda: w.set_cases(cases))
    print(f"set_cases({len(cases):,}): {t:.0f} ms; apply_case_changes(20 cases): "
          f"{_timed(lambda: w.apply_case_changes(cases[:20])):.0f} ms")  # fmt: skip
    w.set_layer_visible("heat", True)
    from ui.map.heat import counts_by_index

    w.set_heat_array(counts_by_index(heat_indices(grid, args.heat_cases, rng), len(grid.cells)))
    bench_repaint(w, grid, args.naive_every if not args.quick else 12, args.quick)
    bench_hit_test(w, rng)
    bench_heat(w, grid, args.heat_cases, rng)
    if args.sql_cases and not args.quick:
        bench_sql(grid, args.sql_cases, None if args.pg == "none" else args.pg, rng)
    print(f"\nload average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()

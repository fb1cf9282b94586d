"""Benchmark: demo grid build time and point → cell lookups per second (single and bulk)."""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import numpy as np

from workstation.adapters.demo_grid import generate_demo_grid
from workstation.adapters.grid_geojson import load_default_boundary
from workstation.domain.grid import CellIndex, Grid


def best_of(repeats: int, fn: Callable[[], object]) -> float:
    """Shortest wall time of ``repeats`` runs (the least disturbed by other processes)."""
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def points_in_cells(
    grid: Grid, n: int, rng: np.random.Generator, clipped_only: bool = False
) -> tuple[list[float], ...]:
    """Uniform points inside random cells: what dispatchers locate (reports in the city).

    ``clipped_only`` samples only cells cut by the district or built-up edge: the worst
    case, where most points fall in boundary buckets and need a point-in-polygon test.
    """
    cells = [c for c in grid.cells if c.area_m2 < 9_990] if clipped_only else grid.cells
    codes = [cells[i].code for i in rng.integers(len(cells), size=n)]
    pts = [grid.random_point_in_cell(code, rng) for code in codes]
    return [p[0] for p in pts], [p[1] for p in pts]


def points_in_bbox(grid: Grid, n: int, rng: np.random.Generator) -> tuple[list[float], ...]:
    """Uniform points over the district's bounding box: mostly outside built-up cells."""
    minx, miny, maxx, maxy = grid.boundary.bounds
    return rng.uniform(minx, maxx, n).tolist(), rng.uniform(miny, maxy, n).tolist()


def single_rate(grid: Grid, lons: list[float], lats: list[float]) -> float:
    locate = grid.locate

    def run() -> None:
        for lon, lat in zip(lons, lats, strict=True):
            locate(lon, lat)

    return len(lons) / best_of(3, run)


def bulk_rate(grid: Grid, lons: list[float], lats: list[float]) -> float:
    x, y = np.asarray(lons), np.asarray(lats)
    return len(x) / best_of(3, lambda: grid.locate_many(x, y))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--single", type=int, default=300_000, help="points for locate()")
    parser.add_argument("--bulk", type=int, default=1_000_000, help="points for locate_many()")
    args = parser.parse_args()

    boundary = load_default_boundary()
    grid = generate_demo_grid(boundary, args.seed)  # also warms imports and caches
    build_s = best_of(3, lambda: generate_demo_grid(boundary, args.seed))
    index_s = best_of(3, lambda: CellIndex(grid.polygons, grid.projection))
    stats = grid.index.stats
    print(
        f"demo grid: {len(grid.streets)} 街道, {len(grid.communities)} 社区, "
        f"{len(grid.cells):,} 单元网格"
    )
    print(f"build (generate + index):      {build_s:.2f} s")
    print(f"index alone:                   {index_s * 1000:.0f} ms")
    print(
        f"index: {stats['buckets']:,} buckets of {stats['bucket_m']} m, "
        f"{stats['covered']:,} covered, {stats['boundary']:,} boundary "
        f"(mean {stats['mean_candidates']} candidates), {stats['empty']:,} empty"
    )

    rng = np.random.default_rng(args.seed)
    inside = points_in_cells(grid, args.single, rng)
    edge = points_in_cells(grid, args.single, rng, clipped_only=True)
    anywhere = points_in_bbox(grid, args.single, rng)
    print(f"locate(), points inside cells:       {single_rate(grid, *inside):>12,.0f} /s")
    print(f"locate(), inside clipped edge cells: {single_rate(grid, *edge):>12,.0f} /s")
    print(f"locate(), points over district bbox: {single_rate(grid, *anywhere):>12,.0f} /s")
    bulk_inside = points_in_cells(grid, min(args.bulk, 200_000), rng)
    reps = max(1, args.bulk // len(bulk_inside[0]))
    bulk_inside = (bulk_inside[0] * reps, bulk_inside[1] * reps)
    bulk_anywhere = points_in_bbox(grid, args.bulk, rng)
    print(f"locate_many(), points inside cells:  {bulk_rate(grid, *bulk_inside):>12,.0f} /s")
    print(f"locate_many(), over district bbox:   {bulk_rate(grid, *bulk_anywhere):>12,.0f} /s")


if __name__ == "__main__":
    main()

"""Heat-layer arithmetic: cases per cell as numpy arrays and their colour classes (no Qt)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]


def counts_by_index(cell_index: npt.ArrayLike, n_cells: int) -> IntArray:
    """Cases per cell from each case's cell index (−1: outside every cell, ignored).

    One numpy bincount: a million cases take a few milliseconds.
    """
    idx = np.asarray(cell_index, dtype=np.int64).ravel()
    counts: IntArray = np.bincount(idx[idx >= 0], minlength=n_cells)[:n_cells].astype(np.int64)
    return counts


def counts_by_code(counts: Mapping[str, int], codes: Sequence[str]) -> IntArray:
    """A per-cell array (in ``codes`` order) from {cell code: count}; unknown codes dropped."""
    position = {code: i for i, code in enumerate(codes)}
    out = np.zeros(len(codes), dtype=np.int64)
    for code, count in counts.items():
        i = position.get(code)
        if i is not None:
            out[i] += int(count)
    return out


# Cumulative shares of the cells with cases at the top of each class: the classes narrow
# towards the top, so the hottest few per cent of cells stand out as the darkest.
HEAT_QUANTILES = (0.4, 0.7, 0.88, 0.97, 1.0)


def heat_breaks(counts: npt.ArrayLike, quantiles: Sequence[float] = HEAT_QUANTILES) -> list[int]:
    """Upper bounds of the colour classes (ascending, the last is the maximum count).

    Quantiles over the cells that have cases rather than equal intervals: one hot spot
    would otherwise squeeze every other cell into the lowest class. The classes narrow
    towards the top (40 %, 30 %, 18 %, 9 %, 3 % of the cells with cases), so the few cells
    where problems pile up get the darkest colour. Bounds are whole cases, rounded up and
    merged when equal, so few distinct counts give fewer classes. No cases → [].
    """
    values = np.asarray(counts, dtype=np.int64).ravel()
    positive = values[values > 0]
    if len(positive) == 0:
        return []
    qs = np.quantile(positive, np.asarray(quantiles, dtype=np.float64), method="inverted_cdf")
    bounds = np.unique(np.asarray(qs, dtype=np.int64))
    return [int(b) for b in bounds]


def heat_classes(counts: npt.ArrayLike, breaks: Sequence[int]) -> IntArray:
    """Class per cell: 0 .. len(breaks) − 1, or −1 for cells without cases."""
    values = np.asarray(counts, dtype=np.int64).ravel()
    if not breaks:
        return np.full(len(values), -1, dtype=np.int64)
    cls = np.searchsorted(np.asarray(breaks, dtype=np.int64), values, side="left")
    cls = np.minimum(cls, len(breaks) - 1).astype(np.int64)
    result: IntArray = np.where(values > 0, cls, -1).astype(np.int64)
    return result


def class_ranges(breaks: Sequence[int]) -> list[tuple[int, int]]:
    """(lowest, highest) count of each class, for the legend: [1, 3], [4, 5], …"""
    out = []
    low = 1
    for high in breaks:
        out.append((low, int(high)))
        low = int(high) + 1
    return out

"""Plain-text tables on a terminal, where a Chinese character takes two columns."""

from __future__ import annotations

import unicodedata


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, cells: int, *, right: bool = False) -> str:
    """``text`` padded to ``cells`` terminal columns (on the left with ``right``)."""
    fill = " " * max(0, cells - width(text))
    return fill + text if right else text + fill

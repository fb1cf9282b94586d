"""Reading a year's official holiday schedule from a small CSV: ``date,kind,note``.

``kind`` is ``holiday`` or ``workday`` (also 休 / 节假日 / 假, 班 / 工作日 / 上班). A header
line is optional; blank lines and lines starting with ``#`` are skipped. UTF-8 (with or
without BOM) and GB18030 (what Excel writes on a Chinese Windows) are accepted. One bad
line refuses the whole file, naming the line: nothing of it is written.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from workstation.domain.errors import ValidationError
from workstation.domain.holiday_rules import DayKind
from workstation.services.calendar_admin import DayChange

_KINDS = {
    **dict.fromkeys(("holiday", "休", "假", "节假日", "休息日", "放假"), DayKind.HOLIDAY),
    **dict.fromkeys(("workday", "班", "工作日", "上班", "调休上班"), DayKind.WORKDAY),
}
_MAX_BYTES = 1_000_000


def read_schedule_file(path: str | Path) -> tuple[DayChange, ...]:
    file = Path(path)
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise ValidationError(f"文件不存在：{file}") from None
    except OSError as exc:
        raise ValidationError(f"无法读取文件 {file}：{exc.strerror or exc}") from None
    if len(data) > _MAX_BYTES:
        raise ValidationError(f"文件过大：{file}（调休表应只有几十行）")
    return parse_schedule(_decode(data, file))


def _decode(data: bytes, file: Path) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError(f"无法识别文件编码：{file}（请保存为 UTF-8）")


def parse_schedule(text: str) -> tuple[DayChange, ...]:
    """The day changes of a ``date,kind,note`` CSV; ValidationError naming the bad line."""
    out: list[DayChange] = []
    seen: dict[date, int] = {}
    for number, fields in enumerate(csv.reader(io.StringIO(text)), start=1):
        cells = [cell.strip() for cell in fields]
        if not any(cells) or cells[0].startswith("#"):
            continue
        if number == 1 and cells[0].lower() in ("date", "日期"):
            continue
        where = f"第 {number} 行"
        if len(cells) < 2:
            raise ValidationError(f"{where}：应为“日期,类型,备注”，如 2027-02-20,workday,春节调休")
        if len(cells) > 3:
            raise ValidationError(f"{where}：列数过多（应为 日期,类型,备注；备注中的逗号请加引号）")
        try:
            day = date.fromisoformat(cells[0])
        except ValueError:
            raise ValidationError(
                f"{where}：无法识别的日期 {cells[0]!r}（应为如 2027-02-20）"
            ) from None
        kind = _KINDS.get(cells[1].lower())
        if kind is None:
            raise ValidationError(
                f"{where}：无法识别的类型 {cells[1]!r}（应为 holiday 或 workday）"
            )
        if day in seen:
            raise ValidationError(f"{where}：日期 {day.isoformat()} 与第 {seen[day]} 行重复")
        note = cells[2] if len(cells) == 3 else ""
        if len(note) > 100:
            raise ValidationError(f"{where}：备注过长（最多 100 字）")
        seen[day] = number
        out.append(DayChange(day, kind, note))
    if not out:
        raise ValidationError("文件中没有日期（每行应为 日期,类型,备注）")
    return tuple(out)

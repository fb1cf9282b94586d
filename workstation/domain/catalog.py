"""The category catalog (部件/事件 classes after CJ/T 214, GB/T 30428.2), loaded from data."""

from __future__ import annotations

import csv
import enum
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from workstation.domain.calendar import TimeLimit
from workstation.domain.errors import NotFound, ValidationError
from workstation.domain.lifecycle import Priority


class CategoryKind(enum.StrEnum):
    COMPONENT = "component"  # 部件
    EVENT = "event"  # 事件

    @property
    def label(self) -> str:
        return "部件" if self is CategoryKind.COMPONENT else "事件"

    @property
    def prefix(self) -> str:
        return "C" if self is CategoryKind.COMPONENT else "E"

    @classmethod
    def from_label(cls, text: str) -> CategoryKind:
        text = text.strip()
        for kind in cls:
            if text in (kind.label, kind.value, kind.prefix):
                return kind
        raise ValidationError(f"未知的类别种类：'{text}'（应为 部件 或 事件）")


@dataclass(frozen=True, slots=True)
class Category:
    """One subclass (小类). `code` is unique across both kinds: 'C0101' 部件, 'E0101' 事件.

    The 4-digit standard code alone is ambiguous (部件 0101 上水井盖, 事件 0101 新增建筑),
    so the kind's letter is part of the key everywhere it is stored.
    """

    kind: CategoryKind
    major_code: str  # 2 digits
    major_name: str
    minor_code: str  # 4 digits (大类 2 + 小类 2)
    name: str
    limit: TimeLimit
    default_priority: Priority = Priority.NORMAL
    unit_type: str = ""  # default owning unit type, used by the responsibility matrix
    filing_standard: str = ""
    closing_standard: str = ""
    extension: bool = False  # a local extension class, not in the national standard
    # 安全隐患类 (manhole covers, gas, road collapse, fallen wires …): the 绩效目标 page's
    # "hazards eliminated" is the on-time closing rate of these classes
    safety_related: bool = False

    @property
    def code(self) -> str:
        return f"{self.kind.prefix}{self.minor_code}"

    @property
    def major_key(self) -> str:
        return f"{self.kind.prefix}{self.major_code}"

    @property
    def full_name(self) -> str:
        return f"{self.kind.label}/{self.major_name}/{self.name}"


CSV_COLUMNS = (
    "kind", "major_code", "major_name", "minor_code", "minor_name", "limit", "limit_unit",
    "priority", "unit_type", "filing_standard", "closing_standard", "extension",
    "safety_related",
)  # fmt: skip
_YES = ("1", "true", "是")


class Catalog:
    """All categories, searchable by code or name; editable by an administrator."""

    def __init__(self, categories: Iterable[Category]) -> None:
        self._by_code: dict[str, Category] = {}
        for category in categories:
            if category.code in self._by_code:
                raise ValidationError(f"类别代码重复：{category.code}")
            self._by_code[category.code] = category

    def __len__(self) -> int:
        return len(self._by_code)

    def __iter__(self) -> Iterator[Category]:
        return iter(self._by_code.values())

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def get(self, code: str) -> Category:
        try:
            return self._by_code[code]
        except KeyError:
            raise NotFound(f"未知的问题类别：{code}") from None

    def limit_of(self, code: str) -> TimeLimit:
        return self.get(code).limit

    def search(self, text: str, limit: int = 20) -> list[Category]:
        """Find by code ('0101', 'E0101') or by part of a name ('井盖'), best first."""
        text = text.strip().upper()
        if not text:
            return list(self)[:limit]
        exact = [c for c in self if text in (c.code, c.minor_code)]
        prefix = [c for c in self if c not in exact and (c.code.startswith(text)
                  or c.minor_code.startswith(text))]  # fmt: skip
        named = [c for c in self if c not in exact and c not in prefix
                 and (text in c.name.upper() or text in c.major_name.upper())]  # fmt: skip
        return (exact + prefix + named)[:limit]

    def majors(self) -> list[tuple[str, str]]:
        """(major key, 'kind/major name') pairs in catalog order."""
        seen: dict[str, str] = {}
        for c in self:
            seen.setdefault(c.major_key, f"{c.kind.label}/{c.major_name}")
        return list(seen.items())


def read_catalog_csv(text: str, defaults: CatalogDefaults | None = None) -> list[Category]:
    """Parse catalog rows; blank limits, priorities and unit types come from `defaults`.

    Accepts the reference file's columns (`minor_name`, `example_limit`,
    `example_limit_unit`) as well as the full export columns (`CSV_COLUMNS`).
    """
    defaults = defaults or CatalogDefaults()
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    categories = []
    for line, row in enumerate(reader, start=2):
        try:
            kind = CategoryKind.from_label(row["kind"])
            major = row["major_code"].strip().zfill(2)
            minor = row["minor_code"].strip().zfill(4)
            if not (major.isdigit() and minor.isdigit() and minor.startswith(major)):
                raise ValidationError(f"代码不合法：大类 {major}、小类 {minor}")
            key = f"{kind.prefix}{minor}"
            value = (row.get("limit") or row.get("example_limit") or "").strip()
            unit = (row.get("limit_unit") or row.get("example_limit_unit") or "").strip()
            limit = TimeLimit.parse(f"{value} {unit}") if value else defaults.limit_for(key)
            priority_text = (row.get("priority") or "").strip()
            categories.append(
                Category(
                    kind=kind,
                    major_code=major,
                    major_name=row["major_name"].strip(),
                    minor_code=minor,
                    name=(row.get("minor_name") or row.get("name") or "").strip(),
                    limit=limit,
                    default_priority=Priority(priority_text) if priority_text
                    else defaults.priority_for(key),
                    unit_type=(row.get("unit_type") or "").strip() or defaults.unit_type_for(key),
                    filing_standard=(row.get("filing_standard") or "").strip(),
                    closing_standard=(row.get("closing_standard") or "").strip(),
                    extension=(row.get("extension") or "").strip().lower() in _YES,
                    safety_related=(row.get("safety_related") or "").strip().lower() in _YES
                    or defaults.is_safety(key),
                )
            )
        except (KeyError, ValueError, ValidationError) as exc:
            raise ValidationError(f"类别表第 {line} 行有误：{exc}") from exc
    return categories


def write_catalog_csv(catalog: Iterable[Category]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for c in catalog:
        value, unit = str(c.limit).split(" ", 1)
        writer.writerow([
            c.kind.label, c.major_code, c.major_name, c.minor_code, c.name, value,
            unit, c.default_priority.value, c.unit_type, c.filing_standard,
            c.closing_standard, "1" if c.extension else "", "1" if c.safety_related else "",
        ])  # fmt: skip
    return out.getvalue()


@dataclass(frozen=True, slots=True)
class CatalogDefaults:
    """Fallbacks for catalog rows that leave a field blank, most specific key first.

    Keys are category codes ('C0101'), major keys ('C01') or kinds ('C', 'E').
    """

    limits: tuple[tuple[str, str], ...] = ()
    priorities: tuple[tuple[str, str], ...] = ()
    unit_types: tuple[tuple[str, str], ...] = ()
    fallback_limit: str = "3 工作日"
    safety: frozenset[str] = frozenset()  # keys of the safety-related classes

    def _lookup(self, table: tuple[tuple[str, str], ...], code: str) -> str | None:
        mapping = dict(table)
        for key in (code, code[:3], code[:1]):
            if key in mapping:
                return mapping[key]
        return None

    def limit_for(self, code: str) -> TimeLimit:
        return TimeLimit.parse(self._lookup(self.limits, code) or self.fallback_limit)

    def priority_for(self, code: str) -> Priority:
        return Priority(self._lookup(self.priorities, code) or Priority.NORMAL)

    def unit_type_for(self, code: str) -> str:
        return self._lookup(self.unit_types, code) or ""

    def is_safety(self, code: str) -> bool:
        return any(key in self.safety for key in (code, code[:3], code[:1]))


def read_defaults_csv(text: str) -> CatalogDefaults:
    """Columns: key (code, major key or kind letter), limit, priority, unit_type, safety."""
    limits, priorities, unit_types, safety = [], [], [], set()
    for line, row in enumerate(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))), start=2):
        key = (row.get("key") or "").strip()
        if not key:
            raise ValidationError(f"类别默认值表第 {line} 行缺少 key")
        if (row.get("limit") or "").strip():
            TimeLimit.parse(row["limit"])  # fail early on a bad limit
            limits.append((key, row["limit"].strip()))
        if (row.get("priority") or "").strip():
            priorities.append((key, Priority(row["priority"].strip()).value))
        if (row.get("unit_type") or "").strip():
            unit_types.append((key, row["unit_type"].strip()))
        if (row.get("safety") or "").strip().lower() in _YES:
            safety.add(key)
    return CatalogDefaults(tuple(limits), tuple(priorities), tuple(unit_types),
                           safety=frozenset(safety))  # fmt: skip

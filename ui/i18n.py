"""Qt translations: `.ts` sources in resources/i18n, compiled to `.qm` on demand.

Our source strings are Chinese (the product's language); `workstation_en.ts` holds the
English. Developers refresh the sources with `python -m ui.i18n update` after changing UI
text; the app compiles a stale or missing `.qm` with Qt's own `lrelease` (shipped in
PySide6) into the user cache, so no build step is needed after `pip install`.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

from platformdirs import user_cache_path

log = logging.getLogger("ui.i18n")
LANGUAGES = ("en",)
ROOT = Path(__file__).resolve().parents[1]


def ts_file(lang: str) -> Path:
    return Path(str(resources.files("resources.i18n").joinpath(f"workstation_{lang}.ts")))


def _tool(name: str) -> str | None:
    """pyside6-lupdate / pyside6-lrelease next to this interpreter, or on PATH."""
    candidate = Path(sys.executable).with_name(f"pyside6-{name}")
    return str(candidate) if candidate.exists() else shutil.which(f"pyside6-{name}")


def compiled_qm(lang: str) -> Path | None:
    """The `.qm` for `lang`, rebuilt when the `.ts` is newer; None if it cannot be had."""
    ts = ts_file(lang)
    if not ts.is_file():
        return None
    qm = user_cache_path("grid-dispatch-workstation", appauthor=False) / f"workstation_{lang}.qm"
    if qm.is_file() and qm.stat().st_mtime >= ts.stat().st_mtime:
        return qm
    lrelease = _tool("lrelease")
    if lrelease is None:
        log.warning("lrelease not found; cannot build the %s translation", lang)
        return None
    qm.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)],
                            capture_output=True, text=True, timeout=60)  # fmt: skip
    if result.returncode != 0 or not qm.is_file():
        log.warning("lrelease failed for %s: %s", ts, result.stderr.strip())
        return None
    return qm


def lupdate_arguments(lang: str, ts: Path) -> list[str]:
    """pyside6-lupdate's arguments: scan ui/ into `ts` (the tests check against a copy)."""
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    return [*sources, "-source-language", "zh_CN", "-target-language", lang,
            "-no-obsolete", "-ts", str(ts)]  # fmt: skip


def update_sources() -> None:
    """Rescan ui/ for translatable strings into every .ts (keeps existing translations)."""
    lupdate = _tool("lupdate")
    if lupdate is None:
        raise SystemExit("pyside6-lupdate not found")
    for lang in LANGUAGES:
        subprocess.run([lupdate, *lupdate_arguments(lang, ts_file(lang))], check=True)


if __name__ == "__main__":
    if sys.argv[1:] == ["update"]:
        update_sources()
    else:
        raise SystemExit("usage: python -m ui.i18n update")

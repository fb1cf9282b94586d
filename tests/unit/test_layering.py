"""The architecture contracts of pyproject.toml hold (import-linter)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_import_contracts_are_kept() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 2 kept, 0 broken" in result.stdout


def test_importing_workstation_connects_nothing_and_loads_no_qt() -> None:
    code = (
        "import sys, workstation.bootstrap, workstation.cli, workstation.services.cases;"
        "assert not any(m.startswith(('PySide6', 'ui')) for m in sys.modules), 'Qt loaded';"
        "assert 'psycopg' not in sys.modules, 'driver loaded at import'"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)  # fmt: skip
    assert result.returncode == 0, result.stderr

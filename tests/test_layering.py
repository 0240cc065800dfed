"""storage/ and exports/ run without Qt: importing all of them loads no PySide6 module."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = """
import importlib, pkgutil, sys
import storage, exports
for package in (storage, exports):
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        if ".migrations" in info.name:
            continue
        importlib.import_module(info.name)
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "ui", "desktop"))
print(",".join(loaded))
"""


def test_storage_and_exports_load_no_qt():
    result = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_start_up_path_loads_no_heavy_library():
    """Before Qt starts, start-up loads neither SQLAlchemy, SQLModel, ReportLab nor openpyxl."""
    script = ("import sys, desktop.__main__, storage.migrate, storage.backup, storage.lock, storage.probe\n"
              "print(','.join(sorted(m for m in ('sqlalchemy', 'sqlmodel', 'reportlab', 'openpyxl', 'alembic')"
              " if m in sys.modules)))")
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""

"""Start-up stays close to a bare Qt window: nothing heavy loads before the first paint."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ["sqlmodel", "sqlalchemy", "reportlab", "openpyxl", "storage.models", "storage.services", "alembic"]

BEFORE_PAINT = r"""
import sys
from pathlib import Path

import ui.app, ui.main_window, ui.crash_dialog, ui.style
import ui.pages.overview, ui.pages.planning, ui.pages.gatherings, ui.pages.unit_logs
import ui.pages.vignettes, ui.pages.funds, ui.pages.reports, ui.pages.settings
from storage.migrate import prepare_database

db = Path(sys.argv[1])
opened = prepare_database(db)  # before the window, as desktop/__main__ does (stdlib only when up to date)
class Paths:
    backup_dir = db.parent / "kopier"
    log_file = db.parent / "logg" / "nettverkslogg.log"

app = ui.app.make_application([])
window = ui.main_window.MainWindow(opened, Paths(), start_on_paint=False)
window.first_painted.connect(app.quit)
window.show()
app.exec()
from PySide6 import QtCore
loaded = [m for m in %r if m in sys.modules]
print("painted", window._painted, "heavy", loaded, "qt-namespace", "Qt" in QtCore.__dict__)
"""


def _env(tmp_path: Path) -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), XDG_STATE_HOME=str(tmp_path),
                XDG_DATA_HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path))


def test_modules_before_first_paint_load_nothing_heavy(db_path, tmp_path):
    result = subprocess.run([sys.executable, "-c", BEFORE_PAINT % (HEAVY,), str(db_path)], cwd=ROOT,
                            env=_env(tmp_path), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "painted True heavy [] qt-namespace False" in result.stdout, result.stdout + result.stderr


def test_importing_the_ui_modules_loads_nothing_heavy(tmp_path):
    code = ("import sys\nimport ui.app, ui.main_window, ui.crash_dialog, ui.runner, ui.pages.overview, "
            f"ui.pages.settings\nprint([m for m in {HEAVY!r} if m in sys.modules])")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=_env(tmp_path), capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_exit_after_paint_hook_prints_the_time(db_path, tmp_path):
    env = _env(tmp_path) | {"NETTVERKSLOGG_EXIT_AFTER_PAINT": "1"}
    result = subprocess.run([sys.executable, "-m", "desktop", "--db", str(db_path)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    first = [line for line in lines if line.startswith("first-paint ")]
    assert len(first) == 1, result.stdout
    assert 0 < float(first[0].split()[1]) < 30
    assert any(line.startswith("first-paint-wall ") for line in lines)

"""Start-up benchmark: process start → first paint of the main window, against a bare QMainWindow.

    .venv/bin/python bench/startup.py [--db county.db] [--runs 5] [--platform offscreen|xcb]
                                      [--bundle dist/Nettverkslogg]

Without --db it makes the county-scale demo database once (bench/.cache/county.db). Both programs run
as fresh processes, interleaved, five times each; the medians and their ratio are printed. Target:
ratio ≤ 1.5. With --bundle, the one-folder app's windowed program is timed too (from another folder,
same database), to compare the packaged start with running from source. Under xcb the runs need a display (e.g. `xvfb-run -s "-screen 0 1400x900x24" ...`).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(__file__).resolve().parent / ".cache"
sys.path.insert(0, str(ROOT))
from bench.common import ensure_county_db  # noqa: E402

BARE_WINDOW = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(f"first-paint-wall {time.time():.6f}", flush=True)
            QTimer.singleShot(0, app.quit)
            obj.removeEventFilter(self)
        return False

app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("Nettverkslogg")
window.resize(1200, 800)
spy = FirstPaint()
window.installEventFilter(spy)
window.show()
app.exec()
"""


def time_to_first_paint(args: list[str], env: dict[str, str], cwd: Path = ROOT) -> float:
    start = time.time()
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)
    for line in result.stdout.splitlines():
        if line.startswith("first-paint-wall "):
            return float(line.split()[1]) - start
    raise RuntimeError(f"no first-paint line from {args}:\n{result.stdout}\n{result.stderr}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--bundle", type=Path, help="a one-folder app built by build.spec, e.g. dist/Nettverkslogg")
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM") or
                        ("xcb" if os.environ.get("DISPLAY") else "offscreen"))
    options = parser.parse_args()
    db = options.db or ensure_county_db()
    env = dict(os.environ, QT_QPA_PLATFORM=options.platform, NETTVERKSLOGG_EXIT_AFTER_PAINT="1",
               PYTHONPATH=str(ROOT), XDG_STATE_HOME=str(CACHE / "state"))
    app_cmd = [sys.executable, "-m", "desktop", "--db", str(db)]
    bare_cmd = [sys.executable, "-c", BARE_WINDOW]
    bundle_cmd = [str(options.bundle.resolve() / "Nettverkslogg"), "--db", str(db)] if options.bundle else None
    bundle_env = {k: v for k, v in env.items() if k != "PYTHONPATH"}
    time_to_first_paint(app_cmd, env)  # warm the OS file cache (and make today's backup) once
    time_to_first_paint(bare_cmd, env)
    if bundle_cmd:
        time_to_first_paint(bundle_cmd, bundle_env, cwd=CACHE)
    app_times, bare_times, bundle_times = [], [], []
    for _ in range(options.runs):
        bare_times.append(time_to_first_paint(bare_cmd, env))
        app_times.append(time_to_first_paint(app_cmd, env))
        if bundle_cmd:
            bundle_times.append(time_to_first_paint(bundle_cmd, bundle_env, cwd=CACHE))
    app, bare = statistics.median(app_times), statistics.median(bare_times)
    print(f"platform       {options.platform}")
    print(f"database       {db} ({db.stat().st_size / 1e6:.1f} MB)")
    print(f"bare window    median {bare * 1000:.0f} ms  runs {[round(t * 1000) for t in bare_times]}")
    print(f"Nettverkslogg  median {app * 1000:.0f} ms  runs {[round(t * 1000) for t in app_times]}")
    if bundle_times:
        bundle = statistics.median(bundle_times)
        print(f"bundle         median {bundle * 1000:.0f} ms  runs {[round(t * 1000) for t in bundle_times]}")
        print(f"bundle/source  {bundle / app:.2f}")
    print(f"ratio          {app / bare:.2f} (target ≤ 1.5)")
    return 0 if app / bare <= 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())

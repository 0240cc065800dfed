"""Guard against PySide6 6.12.0's reference-count bug (pyproject.toml excludes that release).

On Python 3.11, 6.12.0 drops a reference to True on every signal emit (the value `emit()` returns)
and to None on every call that returns nothing (`setText`, `setEnabled`, `setObjectName`); after a
few thousand calls the interpreter aborts in bool_dealloc or none_dealloc. False is not affected, and
from Python 3.12 True and None are immortal. The check runs in a subprocess, so a bad build fails this
test instead of killing the test run.
"""

import os
import subprocess
import sys

SCRIPT = """
import gc, sys
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel

class Emitter(QObject):
    changed = Signal(object)
    counted = Signal(int)

app = QApplication([])
emitter = Emitter()
emitter.changed.connect(lambda value: None)
emitter.counted.connect(lambda value: None)
label = QLabel()
gc.collect()
before_true, before_none = sys.getrefcount(True), sys.getrefcount(None)
results = []
for n in range(20000):
    results.append(emitter.changed.emit({"topic"}))
    results.append(emitter.counted.emit(n))
    results.append(label.setText(str(n)))
    results.append(label.setEnabled(n % 2 == 0))
    results.append(label.setObjectName("label"))
held_true = sum(1 for r in results if r is True)
held_none = sum(1 for r in results if r is None)
del results
gc.collect()
print(sys.getrefcount(True) - before_true, sys.getrefcount(None) - before_none, held_true, held_none)
"""


def test_emits_and_setters_keep_true_and_none_alive():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=180)
    assert result.returncode == 0, result.stderr[-800:]
    true_drift, none_drift, held_true, held_none = (int(n) for n in result.stdout.split())
    assert held_true == 40_000, "every emit() returns True"
    assert held_none == 60_000, "every setter returns None"
    # 100 000 calls: a lost reference per call would show as a drift of tens of thousands (or abort).
    assert abs(true_drift) < 100
    assert abs(none_drift) < 100

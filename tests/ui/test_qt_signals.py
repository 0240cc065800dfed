"""Guard against the PySide6 6.12.0 bug that dropped a reference to False on every signal emit.

With that bug a long session (or test run) aborts with "bool_dealloc: deallocating True or False".
The check runs in a subprocess, so a bad build fails this test instead of killing the test run.
"""

import os
import subprocess
import sys

SCRIPT = """
import gc, sys
from PySide6.QtCore import QCoreApplication, QObject, Signal

class Emitter(QObject):
    changed = Signal(object)
    counted = Signal(int)

app = QCoreApplication([])
emitter = Emitter()
emitter.changed.connect(lambda value: None)
emitter.counted.connect(lambda value: None)
gc.collect()
before = sys.getrefcount(False)
for n in range(20000):
    emitter.changed.emit({"topic"})
    emitter.counted.emit(n)
gc.collect()
print(sys.getrefcount(False) - before)
"""


def test_many_signal_emits_keep_the_interpreter_healthy():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr[-500:]
    assert abs(int(result.stdout.strip())) < 100

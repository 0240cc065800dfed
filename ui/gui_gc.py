"""Python's cyclic garbage collector runs on the GUI thread only (calibre's GarbageCollector).

Left to itself the collector runs in whichever thread happens to allocate, and when that is the
runner's worker thread it may free the Python wrappers of Qt widgets there, which Qt does not allow
(it aborts). So automatic collection is switched off and a timer on the GUI thread collects,
generation by generation, with Python's own thresholds.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 500


class GuiThreadGarbageCollector(QObject):
    def __init__(self, parent: QObject):
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(INTERVAL_MS)

    def check(self) -> None:
        young, middle, old = gc.get_count()
        if young > self.threshold[0]:
            gc.collect(0)
            if middle > self.threshold[1]:
                gc.collect(1)
                if old > self.threshold[2]:
                    gc.collect(2)


def ensure_gui_thread_gc() -> GuiThreadGarbageCollector | None:
    """Install the collector once per application; call it from the GUI thread."""
    app = QCoreApplication.instance()
    if app is None:
        return None
    collector = app.findChild(GuiThreadGarbageCollector)
    return collector or GuiThreadGarbageCollector(app)

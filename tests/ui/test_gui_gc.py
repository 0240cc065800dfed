import gc

from storage.urls import resolve_url
from ui.gui_gc import GuiThreadGarbageCollector, ensure_gui_thread_gc
from ui.runner import Runner


def test_runner_moves_garbage_collection_to_the_gui_thread(qtbot, db_path):
    runner = Runner(resolve_url(db_path))
    try:
        assert not gc.isenabled()
        collector = ensure_gui_thread_gc()
        assert isinstance(collector, GuiThreadGarbageCollector) and collector.timer.isActive()
        assert ensure_gui_thread_gc() is collector  # one per application

        class Cycle:
            pass

        for _ in range(collector.threshold[0] + 50):
            a, b = Cycle(), Cycle()
            a.other, b.other = b, a
        young_before = gc.get_count()[0]
        collector.check()
        assert gc.get_count()[0] < young_before
    finally:
        runner.shutdown()

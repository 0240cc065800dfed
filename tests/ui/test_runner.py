"""The background runner: jobs on one worker thread, progress, cancel, errors, data_changed."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from storage.errors import DomainError
from storage.urls import resolve_url
from ui.runner import Runner


@pytest.fixture
def runner(qtbot, db_path):
    crashes: list[BaseException] = []
    r = Runner(resolve_url(db_path), crash_handler=crashes.append)
    r.crashes = crashes
    yield r
    r.shutdown()


def test_runs_a_job_on_the_worker_thread_and_returns_the_result(runner, qtbot):
    from storage.store import Store

    seen = {}

    def job(store, progress, cancel):
        seen["thread"] = threading.current_thread()
        seen["store"] = store
        return 42

    results = []
    with qtbot.waitSignal(runner.job_finished, timeout=10_000):
        runner.submit(job, on_done=results.append)
    assert results == [42]
    assert seen["thread"] is not threading.main_thread()
    assert isinstance(seen["store"], Store)


def test_jobs_share_one_thread_and_one_store_in_order(runner, qtbot):
    seen = []

    def job(n):
        return lambda store, progress, cancel: seen.append((n, threading.get_ident(), id(store)))

    for n in range(5):
        runner.submit(job(n))
    qtbot.waitUntil(lambda: len(seen) == 5 and not runner.busy())
    assert [n for n, _t, _s in seen] == list(range(5))
    assert len({t for _n, t, _s in seen}) == 1
    assert len({s for _n, _t, s in seen}) == 1


def test_reads_through_services(runner, qtbot, store):
    from storage.services.municipalities import list_municipalities

    from .conftest import add_municipality

    add_municipality(store)
    results = []
    with qtbot.waitSignal(runner.job_finished, timeout=10_000):
        runner.submit(lambda s, p, c: [m.name for m in list_municipalities(s)], on_done=results.append)
    assert results == [["Bodø"]]


def test_progress_dialog_appears_for_a_slow_job_and_shows_progress(runner, qtbot):
    gate = threading.Event()

    def job(store, progress, cancel):
        progress(3, 10, "Lager enheter")
        gate.wait(10)
        return "ferdig"

    results = []
    runner.submit(job, label="Lager eksempeldata …", on_done=results.append)
    qtbot.waitUntil(lambda: runner.progress_dialog is not None and runner.progress_dialog.isVisible(),
                    timeout=5_000)
    dialog = runner.progress_dialog
    qtbot.waitUntil(lambda: dialog.value() == 3)
    assert dialog.maximum() == 10
    assert "Lager eksempeldata …" in dialog.labelText()
    assert "Lager enheter" in dialog.labelText()
    gate.set()
    qtbot.waitUntil(lambda: results == ["ferdig"])
    assert runner.progress_dialog is None


def test_a_quick_job_shows_no_dialog(runner, qtbot):
    with qtbot.waitSignal(runner.job_finished, timeout=10_000):
        runner.submit(lambda s, p, c: None, label="Lagrer …")
    assert runner.progress_dialog is None


def test_cancel_sets_the_event_and_the_job_stops(runner, qtbot):
    started = threading.Event()

    def job(store, progress, cancel):
        started.set()
        progress(0, 0, "Arbeider")
        if not cancel.wait(10):
            return "not cancelled"
        raise DomainError("Avbrutt. Ingenting er lagret.")

    errors = []
    done = []
    runner.submit(job, label="Lager eksempeldata …", cancellable=True, on_done=done.append,
                  on_error=errors.append)
    qtbot.waitUntil(lambda: runner.progress_dialog is not None and runner.progress_dialog.isVisible(),
                    timeout=5_000)
    dialog = runner.progress_dialog
    button = dialog.findChild(QPushButton)
    assert button.text() == "Avbryt"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(errors), timeout=5_000)
    assert done == []
    assert errors[0].message == "Avbrutt. Ingenting er lagret."
    assert runner.progress_dialog is None


def test_domain_error_goes_to_on_error(runner, qtbot):
    def job(store, progress, cancel):
        raise DomainError("Kommunenummer må være fire sifre, for eksempel 4601.", field="number")

    errors = []
    with qtbot.waitSignal(runner.job_finished, timeout=10_000):
        runner.submit(job, on_error=errors.append, changes={"municipalities"})
    assert errors[0].field == "number"
    assert runner.crashes == []


def test_domain_error_without_on_error_shows_the_message(runner, qtbot):
    def job(store, progress, cancel):
        raise DomainError("Fant ikke kommunen.")

    with qtbot.waitSignal(runner.job_finished, timeout=10_000):
        runner.submit(job)
    box = runner.last_message_box
    assert box is not None and box.text() == "Fant ikke kommunen."
    assert [b.text() for b in box.buttons()] == ["OK"]
    box.close()


def test_other_errors_go_to_the_crash_reporter(runner, qtbot):
    def job(store, progress, cancel):
        raise ZeroDivisionError("boom")

    errors = []
    with qtbot.waitSignal(runner.job_finished, timeout=10_000):
        runner.submit(job, on_error=errors.append)
    assert errors == []
    assert isinstance(runner.crashes[0], ZeroDivisionError)


def test_data_changed_after_a_write_only(runner, qtbot):
    changes = []
    runner.data_changed.connect(changes.append)
    with qtbot.waitSignal(runner.data_changed, timeout=10_000) as blocker:
        runner.submit(lambda s, p, c: None, changes={"units", "networks"})
    assert blocker.args == [{"units", "networks"}]

    def failing(store, progress, cancel):
        raise DomainError("Nei.")

    with qtbot.waitSignal(runner.job_finished, timeout=10_000):
        runner.submit(failing, on_error=lambda e: None, changes={"units"})
    assert changes == [{"units", "networks"}]


def test_shutdown_stops_the_thread_and_closes_the_store(qtbot, db_path):
    stores = []

    def factory(url):
        from storage.store import Store

        store = Store(url)
        stores.append(store)
        return store

    runner = Runner(resolve_url(db_path), store_factory=factory)
    with qtbot.waitSignal(runner.job_finished, timeout=10_000):
        runner.submit(lambda s, p, c: None)
    with qtbot.waitSignal(runner._worker.closed, timeout=10_000):
        runner.shutdown()
    assert not runner._thread.isRunning()
    assert len(stores) == 1
    with pytest.raises(RuntimeError):
        runner.submit(lambda s, p, c: None)

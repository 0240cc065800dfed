"""The one background runner (Anki's CollectionOp/QueryOp and taskman).

All database work runs on a single worker thread that owns its own `Store` (sessions belong to that
thread). A job is `fn(store, progress, cancel_event)`; its result or error comes back by signal on the
GUI thread. A progress dialog appears only when a labelled or cancellable job runs longer than
`SHOW_PROGRESS_AFTER_MS`. After a successful write the runner emits one `data_changed(set[str])`
with the job's topics (see ui/topics.py), so views reload only what they show.

The storage package is imported on the worker thread, never here: this module is on the start-up path.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton, QWidget

from .gui_gc import ensure_gui_thread_gc

log = logging.getLogger(__name__)

SHOW_PROGRESS_AFTER_MS = 500
_PROGRESS_INTERVAL_S = 0.05

Progress = Callable[[int, int, str], None]
JobFn = Callable[[Any, Progress, threading.Event], Any]


def _store_factory(read_only: bool) -> Callable[[str], Any]:
    def make(url: str):
        from storage.store import Store  # sqlmodel/sqlalchemy load here, on the worker thread

        return Store(url, read_only=read_only)

    return make


def _as_shown_error(exc: BaseException) -> BaseException:
    """A storage failure (full disk, read-only, locked, damaged) becomes its Norwegian DomainError;
    anything else stays as it is. Runs on the worker thread, where storage may be imported."""
    from storage.db_errors import database_error

    error = database_error(exc)
    if error is None or error is exc:
        return exc
    error.__cause__ = exc
    error.__traceback__ = exc.__traceback__
    return error


def _default_crash_handler(exc: BaseException) -> None:
    sys.excepthook(type(exc), exc, exc.__traceback__)


@dataclass
class Job:
    id: int
    fn: JobFn
    on_done: Callable[[Any], None] | None = None
    on_error: Callable[[BaseException], None] | None = None
    label: str | None = None
    cancellable: bool = False
    changes: frozenset[str] = frozenset()
    cancel: threading.Event = field(default_factory=threading.Event)
    running: bool = False
    done: int = 0
    total: int = 0
    step: str | None = None


class _Worker(QObject):
    started = Signal(int)
    progressed = Signal(int, int, int, str)
    finished = Signal(int, object)
    failed = Signal(int, object)
    closed = Signal()

    def __init__(self, url: str, store_factory: Callable[[str], Any]):
        super().__init__()
        self._url = url
        self._store_factory = store_factory
        self._store = None
        self.stopping = threading.Event()

    def _progress_for(self, job: Job) -> Progress:
        last = {"at": 0.0, "label": None}

        def progress(done: int, total: int, label: str | None = None) -> None:
            now = time.monotonic()
            label = label or ""
            if label != last["label"] or done >= total or now - last["at"] >= _PROGRESS_INTERVAL_S:
                last["at"], last["label"] = now, label
                self.progressed.emit(job.id, int(done), int(total), label)

        return progress

    @Slot(object)
    def run(self, job: Job) -> None:
        if self.stopping.is_set():
            return
        self.started.emit(job.id)
        try:
            if self._store is None:
                self._store = self._store_factory(self._url)
            result = job.fn(self._store, self._progress_for(job), job.cancel)
        except Exception as exc:  # every error goes back to the GUI thread
            self.failed.emit(job.id, _as_shown_error(exc))
        else:
            self.finished.emit(job.id, result)

    @Slot()
    def close(self) -> None:
        try:
            if self._store is not None:
                self._store.close()
                self._store = None
        finally:
            self.closed.emit()
            QThread.currentThread().quit()


class Runner(QObject):
    """Submit database work with `submit`; listen to `data_changed` to refresh views."""

    data_changed = Signal(object)  # set[str] of topics
    job_finished = Signal(int)  # after the job's callbacks ran (tests and status displays)
    _submit = Signal(object)
    _close = Signal()

    def __init__(self, url: str, parent_widget: QWidget | None = None, *,
                 crash_handler: Callable[[BaseException], None] | None = None,
                 store_factory: Callable[[str], Any] | None = None, read_only: bool = False):
        super().__init__()
        ensure_gui_thread_gc()  # the worker must never run Python's garbage collector
        self._parent_widget = parent_widget
        self._crash_handler = crash_handler or _default_crash_handler
        self._jobs: dict[int, Job] = {}
        self._next_id = 1
        self._dialog: QProgressDialog | None = None
        self._dialog_job: int | None = None
        self.last_message_box: QMessageBox | None = None
        self._thread = QThread()
        self._thread.setObjectName("nettverkslogg-database")
        self._worker = _Worker(url, store_factory or _store_factory(read_only))
        self._worker.moveToThread(self._thread)
        self._submit.connect(self._worker.run)
        self._close.connect(self._worker.close)
        self._worker.started.connect(self._on_started)
        self._worker.progressed.connect(self._on_progress)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._thread.start()

    # --- public API ------------------------------------------------------------------------------

    def submit(self, fn: JobFn, *, on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None, label: str | None = None,
               cancellable: bool = False, changes: set[str] | frozenset[str] | None = None) -> Job:
        """Run `fn(store, progress, cancel_event)` on the worker thread.

        `on_done(result)` runs on the GUI thread. A DomainError goes to `on_error`, or a message box;
        any other error goes to the crash reporter. `changes`: topics emitted by `data_changed` after
        success. Without `label` and `cancellable` the job is a quiet read: no progress dialog.
        """
        if self._worker.stopping.is_set():
            raise RuntimeError("runner is shut down")
        job = Job(self._next_id, fn, on_done, on_error, label, cancellable, frozenset(changes or ()))
        self._next_id += 1
        self._jobs[job.id] = job
        self._submit.emit(job)
        return job

    def notify(self, topics: set[str]) -> None:
        """Tell views that something changed outside a runner job."""
        self.data_changed.emit(set(topics))

    def busy(self) -> bool:
        return bool(self._jobs)

    @property
    def progress_dialog(self) -> QProgressDialog | None:
        return self._dialog

    def shutdown(self, timeout_ms: int = 30_000) -> None:
        """Cancel what is running, drop what waits, close the Store on its thread and stop the thread."""
        if not self._thread.isRunning():
            return
        self._worker.stopping.set()
        for job in self._jobs.values():
            job.cancel.set()
        self._close.emit()
        self._thread.wait(timeout_ms)
        self._jobs.clear()
        self._close_dialog()

    # --- worker signals --------------------------------------------------------------------------

    @Slot(int)
    def _on_started(self, job_id: int) -> None:
        job = self._jobs.get(job_id)
        if job is None:
            return
        job.running = True
        if job.label or job.cancellable:
            QTimer.singleShot(SHOW_PROGRESS_AFTER_MS, lambda: self._show_dialog(job_id))

    @Slot(int, int, int, str)
    def _on_progress(self, job_id: int, done: int, total: int, label: str) -> None:
        job = self._jobs.get(job_id)
        if job is None:
            return
        job.done, job.total, job.step = done, total, label or job.step
        if self._dialog is not None and self._dialog_job == job_id:
            self._update_dialog(job)

    @Slot(int, object)
    def _on_finished(self, job_id: int, result: Any) -> None:
        job = self._finish(job_id)
        if job is None:
            return
        try:
            if job.on_done is not None:
                job.on_done(result)
            if job.changes:
                self.data_changed.emit(set(job.changes))
        finally:
            self.job_finished.emit(job_id)

    @Slot(int, object)
    def _on_failed(self, job_id: int, exc: BaseException) -> None:
        from storage.errors import DomainError  # light: no sqlmodel

        job = self._finish(job_id)
        if job is None:
            return
        try:
            if isinstance(exc, DomainError):
                # Shown to the user (by on_error or a message box): keep the traceback in the log.
                log.info("Vist til brukeren: %s", exc.message, exc_info=(type(exc), exc, exc.__traceback__))
                if job.on_error is not None:
                    job.on_error(exc)
                elif not job.cancel.is_set():  # the user asked to stop: no message needed
                    self._show_domain_error(exc)
            else:
                self._crash_handler(exc)
        finally:
            self.job_finished.emit(job_id)

    # --- progress dialog -------------------------------------------------------------------------

    def _finish(self, job_id: int) -> Job | None:
        job = self._jobs.pop(job_id, None)
        if job is not None and self._dialog_job == job_id:
            self._close_dialog()
        return job

    def _show_dialog(self, job_id: int) -> None:
        job = self._jobs.get(job_id)
        if job is None or self._dialog is not None:
            return
        dialog = QProgressDialog(self._parent_widget)
        dialog.setWindowTitle(self.tr("Nettverkslogg"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(420)
        if job.cancellable:
            dialog.setCancelButtonText(self.tr("Avbryt"))
            dialog.canceled.connect(lambda: self._cancel(job))
        else:
            dialog.setCancelButton(None)
        self._dialog, self._dialog_job = dialog, job_id
        self._update_dialog(job)
        dialog.show()

    def _update_dialog(self, job: Job) -> None:
        dialog = self._dialog
        if job.cancel.is_set():
            dialog.setLabelText(self.tr("Avbryter …"))
            return
        text = job.label or self.tr("Arbeider …")
        if job.step and job.step != job.label:
            text = f"{text}\n{job.step}"
        dialog.setLabelText(text)
        dialog.setMaximum(max(job.total, 0))
        if job.total > 0:
            dialog.setValue(min(job.done, job.total))

    def _cancel(self, job: Job) -> None:
        job.cancel.set()
        if self._dialog is not None:
            self._dialog.setLabelText(self.tr("Avbryter …"))
            for button in self._dialog.findChildren(QPushButton):
                button.setEnabled(False)
            self._dialog.show()  # QProgressDialog hides itself on cancel; keep it up until the job stops

    def _close_dialog(self) -> None:
        if self._dialog is not None:
            self._dialog.hide()
            self._dialog.deleteLater()
        self._dialog, self._dialog_job = None, None

    def _show_domain_error(self, exc) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Nettverkslogg"), exc.message,
                          QMessageBox.StandardButton.NoButton, self._parent_widget)
        box.addButton(self.tr("OK"), QMessageBox.ButtonRole.AcceptRole)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()
        self.last_message_box = box

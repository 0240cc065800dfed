"""The phase timer of a vignette session: individual reflection → group discussion → plenary.

One PhaseTimer drives both the facilitator's controls and the presenter window. A QTimer calls
`tick()` once a second while running; tests call `tick(seconds)` directly, so no test sleeps.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

PHASE_NAMES = (
    QCoreApplication.translate("PhaseTimer", "Individuell refleksjon"),
    QCoreApplication.translate("PhaseTimer", "Gruppesamtale"),
    QCoreApplication.translate("PhaseTimer", "Plenum"),
)


def clock(seconds: int) -> str:
    """125 -> '2:05'."""
    seconds = max(int(seconds), 0)
    return f"{seconds // 60}:{seconds % 60:02d}"


class PhaseTimer(QObject):
    """Counts down each phase in turn. `changed` fires on every tick and state change."""

    changed = Signal()
    phase_changed = Signal(int)
    finished = Signal()

    def __init__(self, minutes: list[int] | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._minutes = list(minutes or [5, 15, 15])
        self.phase = 0  # index into PHASE_NAMES; len(PHASE_NAMES) when done
        self.remaining = self._minutes[0] * 60
        self.running = False
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(lambda: self.tick(1))

    # --- state ------------------------------------------------------------------------------------

    @property
    def minutes(self) -> list[int]:
        return list(self._minutes)

    @property
    def done(self) -> bool:
        return self.phase >= len(PHASE_NAMES)

    def phase_name(self) -> str:
        if self.done:
            return QCoreApplication.translate("PhaseTimer", "Ferdig")
        return QCoreApplication.translate("PhaseTimer", PHASE_NAMES[self.phase])

    def remaining_text(self) -> str:
        return clock(self.remaining)

    def set_minutes(self, phase: int, minutes: int) -> None:
        """Change a phase's length; the current phase restarts its countdown only if it has not started."""
        minutes = max(1, int(minutes))
        old = self._minutes[phase]
        self._minutes[phase] = minutes
        if phase == self.phase and not self.done:
            if not self.running and self.remaining == old * 60:
                self.remaining = minutes * 60
            else:
                self.remaining = max(self.remaining + (minutes - old) * 60, 0)
        self.changed.emit()

    # --- controls ---------------------------------------------------------------------------------

    def start(self) -> None:
        if self.done:
            return
        self.running = True
        self._timer.start()
        self.changed.emit()

    def pause(self) -> None:
        self.running = False
        self._timer.stop()
        self.changed.emit()

    def toggle(self) -> None:
        self.pause() if self.running else self.start()

    def skip(self) -> None:
        """Go to the next phase now (from the last phase: finished)."""
        self._enter(self.phase + 1)

    def reset(self) -> None:
        self.pause()
        self._enter(0)

    def tick(self, seconds: int = 1) -> None:
        """Count `seconds` down; moving on to the next phase when one runs out."""
        if self.done:
            return
        self.remaining -= seconds
        while self.remaining <= 0 and not self.done:
            carry = -self.remaining
            self._enter(self.phase + 1, emit=False)
            if not self.done:
                self.remaining -= carry
        self.changed.emit()

    def _enter(self, phase: int, *, emit: bool = True) -> None:
        self.phase = min(phase, len(PHASE_NAMES))
        if self.done:
            self.remaining = 0
            self.running = False
            self._timer.stop()
            self.phase_changed.emit(self.phase)
            self.finished.emit()
        else:
            self.remaining = self._minutes[self.phase] * 60
            self.phase_changed.emit(self.phase)
        if emit:
            self.changed.emit()

"""Window sizes that fit the screen the window is on.

A municipal laptop often gives the app 1280×720 logical pixels (1920×1080 at 150 %), so a dialog
never asks for a fixed size: it asks for what it would like and gets at most the available screen,
less a margin for the window frame.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

FRAME_MARGIN = 40  # title bar and borders that the available geometry does not count


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize `widget` to width×height, or to the available screen if that is smaller."""
    screen = widget.screen() if widget.parentWidget() is None else widget.parentWidget().screen()
    available = screen.availableGeometry()
    widget.resize(min(width, available.width() - FRAME_MARGIN), min(height, available.height() - FRAME_MARGIN))

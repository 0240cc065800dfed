"""«Om Nettverkslogg»: reachable by button and F1, names the version, the Qt/PySide6/Python versions,
the database, and the licences; the notices button appears only where the notices file is."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton


def test_about_by_f1_and_button(qtbot, make_window, store):
    import PySide6

    from desktop.version import __version__
    from tests.ui.conftest import add_municipality

    add_municipality(store)
    QApplication.instance().setApplicationVersion(__version__)
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.navigation, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: getattr(window, "about", None) is not None and window.about.isVisible(), timeout=5_000)
    dialog = window.about
    assert dialog.version_label.text() == f"Versjon {__version__}"
    assert PySide6.__version__ in dialog.platform_label.text()
    texts = " ".join(label.text() for label in dialog.findChildren(type(dialog.version_label)))
    assert str(window.opened.path) in texts and "LGPL-3.0" in texts
    buttons = [b.text() for b in dialog.findChildren(QPushButton)]
    assert "Vis lisenser …" not in buttons  # running from source: no notices file
    dialog.reject()
    window.about_button.click()
    qtbot.waitUntil(lambda: window.about.isVisible(), timeout=5_000)
    window.about.reject()


def test_notices_button_in_the_one_folder_app(qtbot, tmp_path, monkeypatch):
    """In the bundle sys.frozen is set and THIRD-PARTY-NOTICES.txt lies beside the program."""
    from ui.about_dialog import NOTICES_FILE, AboutDialog

    program = tmp_path / "Nettverkslogg"
    program.write_bytes(b"")
    (tmp_path / NOTICES_FILE).write_text("Qt – LGPL-3.0", encoding="utf-8")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program))
    dialog = AboutDialog("/data/nettverkslogg.db", "/logs/nettverkslogg.log")
    qtbot.addWidget(dialog)
    assert dialog.notices == tmp_path / NOTICES_FILE
    assert "Vis lisenser …" in [b.text() for b in dialog.findChildren(QPushButton)]

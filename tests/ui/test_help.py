"""«Hjelp»: Shift+F1, the button beside «Om Nettverkslogg» and the one in that dialog open a built-in
guide for the page shown, read from the program folder (no network)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from storage.content import HELP_PAGES, help_text
from ui.main_window import PAGE_KEYS

SECTIONS = ("Hva siden er til", "Hva Udir krever", "Hvor dataene går")


def test_every_page_has_a_guide_with_the_three_parts():
    assert tuple(PAGE_KEYS) == HELP_PAGES
    for page in HELP_PAGES:
        text = help_text(page)
        assert all(part in text for part in SECTIONS), page


def test_help_opens_on_the_page_shown(make_window, qtbot):
    window = make_window()
    window.welcome.reject()
    window.show_page(PAGE_KEYS.index("funds"))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.navigation, Qt.Key.Key_F1, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: getattr(window, "help", None) is not None and window.help.isVisible(), timeout=5_000)
    assert window.help.shown_text().startswith("Økonomi")
    window.help.pages.setCurrentRow(PAGE_KEYS.index("reports"))
    assert "Send til statsforvalteren" in window.help.shown_text()
    window.help.reject()


def test_help_from_the_button_and_from_om_nettverkslogg(make_window, qtbot):
    window = make_window()
    window.welcome.reject()
    window.show_page(PAGE_KEYS.index("planning"))
    qtbot.mouseClick(window.help_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(window, "help", None) is not None and window.help.isVisible(), timeout=5_000)
    assert window.help.shown_text().startswith("Planlegging")
    window.help.reject()
    window.show_about()
    button = next(b for b in window.about.findChildren(type(window.help_button)) if b.text() == "Hjelp …")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.help.isVisible(), timeout=5_000)
    assert not window.about.isVisible()

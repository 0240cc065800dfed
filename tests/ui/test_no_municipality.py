"""With no municipality yet (the welcome closed), every page says so and offers «Sett opp kommunen»,
and writing log forms gives a Norwegian message instead of a crash."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui.main_window import OWN_SETUP_STATE


def test_every_page_offers_to_set_up_the_municipality(make_window, qtbot):
    window = make_window()
    qtbot.waitUntil(lambda: window.welcome is not None and window.welcome.isVisible(), timeout=10_000)
    window.welcome.reject()
    for row, page in enumerate(window.pages):
        if row in OWN_SETUP_STATE:
            continue
        window.show_page(row)
        assert page.setup_notice is not None and page.setup_notice.isVisible(), page.page_title()
        assert not page.body_host.isVisible(), page.page_title()
        assert page.setup_button.text() == "Sett opp kommunen"
        qtbot.mouseClick(page.setup_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.welcome.isVisible(), timeout=5_000)
        window.welcome.reject()


def test_writing_log_forms_without_a_municipality_says_so(make_window, qtbot, tmp_path):
    window = make_window()
    qtbot.waitUntil(lambda: window.welcome is not None and window.welcome.isVisible(), timeout=10_000)
    window.welcome.reject()
    page = window.pages[3]
    page.roundtrip.write_templates(tmp_path / "skjema")
    qtbot.waitUntil(lambda: getattr(window.runner, "last_message_box", None) is not None, timeout=10_000)
    assert window.runner.last_message_box.text() == "Ingen kommune er satt opp ennå. Sett opp kommunen først."
    assert not list(tmp_path.glob("skjema/*"))  # the fixture also asserts that nothing crashed

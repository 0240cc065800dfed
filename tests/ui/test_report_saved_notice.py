"""After «Lagre filer …» and «Send til statsforvalteren» the confirmation stays visible through the page's
reload, and its link opens the folder the files went to."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from .test_reports_page import reports  # noqa: F401


def _follow_link(notice) -> None:
    QApplication.processEvents()
    href = notice.text().split('href="', 1)[1].split('"', 1)[0]
    notice.linkActivated.emit(href)


def test_saved_files_confirmation_stays_and_opens_the_folder(reports, qtbot, tmp_path):  # noqa: F811
    window, page = reports
    folder = tmp_path / "lagret"
    page.choose_folder = lambda: str(folder)
    opened = []
    page.saved_notice.open_url = opened.append
    with qtbot.waitSignal(page.finished, timeout=30_000):
        page.save_button.click()
    qtbot.waitUntil(lambda: len(page.archive.rows()) == 2, timeout=10_000)  # the reload after the save
    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=10_000)
    assert page.saved_notice.isVisible()
    assert "Lagret og arkivert" in page.saved_notice.text() and ".pdf" in page.saved_notice.text()
    _follow_link(page.saved_notice)
    assert [Path(u.toLocalFile()) for u in opened] == [folder]


def test_sent_confirmation_stays_and_opens_the_outbox(reports, qtbot):  # noqa: F811
    window, page = reports
    opened = []
    page.saved_notice.open_url = opened.append
    page.recipient.setText("postmottak@sfvl.no")
    with qtbot.waitSignal(page.finished, timeout=30_000) as sent:
        page.send_button.click()
    qtbot.waitUntil(lambda: any(r.sent for r in page.archive.rows()), timeout=10_000)
    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=10_000)
    assert page.saved_notice.isVisible() and "E-postutkastet" in page.saved_notice.text()
    _follow_link(page.saved_notice)
    assert [Path(u.toLocalFile()) for u in opened] == [Path(sent.args[0]).parent]

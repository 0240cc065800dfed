"""The Rapporter page: live preview from the runner, save and send archive the report, the archive opens
a file exactly as it was, the recipient is kept in the settings."""

from __future__ import annotations

import email
import hashlib
from email import policy
from pathlib import Path

import pytest

from storage.demo import DEMO_TODAY


@pytest.fixture
def reports(make_window, store, qtbot, tmp_path, monkeypatch):
    from storage.demo import generate_demo
    from ui.planning import common

    monkeypatch.setattr(common, "TODAY", DEMO_TODAY)
    generate_demo(store)
    window = make_window()
    page = window.page(6)
    page.outbox = tmp_path / "utboks"
    opened: list = []
    page.open_url = opened.append
    page.opened = opened
    with qtbot.waitSignal(page.preview_ready, timeout=30_000):
        window.show_page(6)
    return window, page


def test_preview_shows_the_report(reports, qtbot):
    _window, page = reports
    assert page.context.municipality
    assert page.preview.page_count() >= 5
    assert page.preview.pdf.startswith(b"%PDF")


def test_typing_rebuilds_the_preview(reports, qtbot):
    import io

    from pypdf import PdfReader

    _window, page = reports
    with qtbot.waitSignal(page.preview_ready, timeout=30_000):
        for chunk in ("Vi ", "har ", "lært ", "mye & <mer>."):
            page.editors["experiences"].insertPlainText(chunk)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(page.preview.pdf)).pages)
    assert "Vi har lært mye & <mer>." in text


def test_save_files_archives_the_report(reports, qtbot, tmp_path, store):
    from storage.services.report_archive import archived_file, list_archive

    _window, page = reports
    folder = tmp_path / "lagret"
    page.choose_folder = lambda: str(folder)
    with qtbot.waitSignal(page.finished, timeout=30_000) as saved:
        page.save_button.click()
    written = saved.args[0]
    assert sorted(Path(p).suffix for p in written) == [".pdf", ".xlsx"]
    qtbot.waitUntil(lambda: len(page.archive.rows()) == 2, timeout=10_000)
    entry = list_archive(store, page.context.municipality_id)[0]
    for f in entry.files:
        assert archived_file(store, f.id).content == (folder / f.filename).read_bytes()


def test_send_writes_an_eml_draft_and_opens_it(reports, qtbot, store):
    from storage.services.settings import county_governor_email

    _window, page = reports
    page.recipient.setText("postmottak@sfvl.no")
    with qtbot.waitSignal(page.finished, timeout=30_000) as sent:
        page.send_button.click()
    path = Path(sent.args[0])
    assert path.suffix == ".eml" and page.opened and page.opened[-1].toLocalFile() == str(path)
    message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    assert message["To"] == "postmottak@sfvl.no" and message["X-Unsent"] == "1"
    assert len(list(message.iter_attachments())) == 2
    assert county_governor_email(store) == "postmottak@sfvl.no"
    qtbot.waitUntil(lambda: any(r.sent for r in page.archive.rows()), timeout=10_000)
    row = next(r for r in page.archive.rows() if r.filename.endswith(".eml"))
    assert row.recipient == "postmottak@sfvl.no"
    # The archived draft opens byte for byte as it was written.
    count = len(page.opened)
    page.open_archived(row)
    qtbot.waitUntil(lambda: len(page.opened) > count, timeout=10_000)
    reopened = Path(page.opened[-1].toLocalFile())
    assert hashlib.sha256(reopened.read_bytes()).hexdigest() == row.sha256
    assert reopened.read_bytes() == path.read_bytes()


def test_send_without_recipient_asks_for_it(reports, qtbot):
    _window, page = reports
    page.recipient.setText("")
    page.send_button.click()
    assert "e-postadressen" in page.message.text()


def test_save_to_a_folder_that_is_not_writable(reports, qtbot, tmp_path):
    from tests.e2e.conftest import ReadOnlyFolder

    _window, page = reports
    locked = ReadOnlyFolder(tmp_path / "låst")
    locked.lock()
    try:
        page.choose_folder = lambda: str(locked.path)
        page.save_button.click()
        qtbot.waitUntil(lambda: "Kan ikke lagre" in page.message.text(), timeout=10_000)
    finally:
        locked.unlock()


def test_texts_are_the_reports_draft_in_the_database(reports, qtbot, store):
    """What is typed is saved as the chosen report's draft (the CLI reads the same); another report shows
    its own draft, and coming back shows the first again."""
    from storage.services.report_drafts import load_draft, save_draft

    _window, page = reports
    mid = page.context.municipality_id
    save_draft(store, mid, "final", None, {"experiences": "Sluttrapportens erfaringer"})
    with qtbot.waitSignal(page.preview_ready, timeout=30_000):
        page.editors["experiences"].insertPlainText("Underveis: felles språk")
    assert load_draft(store, mid, page.kind(), page.semester())["experiences"] == "Underveis: felles språk"
    with qtbot.waitSignal(page.preview_ready, timeout=30_000):
        page.kind_box.setCurrentIndex(page.kind_box.findData("final"))
    assert page.editors["experiences"].toPlainText() == "Sluttrapportens erfaringer"
    assert load_draft(store, mid, "final", None)["experiences"] == "Sluttrapportens erfaringer"
    with qtbot.waitSignal(page.preview_ready, timeout=30_000):
        page.kind_box.setCurrentIndex(page.kind_box.findData("midterm"))
    assert page.editors["experiences"].toPlainText() == "Underveis: felles språk"


def test_county_report_is_offered_only_with_more_than_one_municipality(reports, qtbot, store, tmp_path):
    import io
    from datetime import date

    from pypdf import PdfReader

    from storage.services.municipalities import create_municipality

    window, page = reports
    assert not page.county_box.isVisible()
    create_municipality(store, {"name": "Havbakken", "number": "4698", "county": "Vestland"},
                        {"cohort": 7, "kindergarten_authority": True, "school_owner": False,
                         "period_start": date(2025, 8, 1), "period_end": date(2027, 6, 30)})
    with qtbot.waitSignals([page.loaded, page.preview_ready], timeout=60_000):  # the new current one's preview
        page.load()
    assert page.county_box.isVisible()
    with qtbot.waitSignal(page.preview_ready, timeout=60_000):
        page.county_box.setChecked(True)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(page.preview.pdf)).pages)
    assert "Oversikt over kommunene" in text and "Havbakken" in text and "Fylket i alt" in text
    assert not page.send_button.isEnabled() and not page.editors["experiences"].isEnabled()
    folder = tmp_path / "fylke"
    page.choose_folder = lambda: str(folder)
    with qtbot.waitSignal(page.finished, timeout=60_000) as saved:
        page.save_button.click()
    assert sorted(Path(p).suffix for p in saved.args[0]) == [".pdf", ".xlsx"]

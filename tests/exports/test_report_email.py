"""The .eml draft parses with `email` and carries both files; the archive gives the bytes back as sent."""

from __future__ import annotations

import email
import hashlib
from email import policy
from email.header import decode_header, make_header

import pytest

from exports.report_email import PDF_TYPE, XLSX_TYPE
from exports.report_files import archive, email_file, render_report, signature
from storage.errors import DomainError
from storage.services.report_archive import OutgoingFile, archived_file, list_archive
from storage.services.report_data import collect_report
from storage.services.settings import county_governor_email, set_county_governor_email
from storage.store import Store
from storage.urls import resolve_url
from tests.report_world import TODAY, make_demo, municipality_id


@pytest.fixture(scope="module")
def demo_path(template_db, tmp_path_factory):
    return make_demo(template_db, tmp_path_factory.mktemp("report-email"))


@pytest.fixture
def demo(demo_path, tmp_path):
    import shutil

    copy = tmp_path / "demo.db"
    shutil.copyfile(demo_path, copy)
    store = Store(resolve_url(copy))
    yield store
    store.close()


def test_eml_draft_has_both_attachments_and_is_unsent(demo):
    set_county_governor_email(demo, "postmottak@statsforvalteren.no")
    data = collect_report(demo, municipality_id(demo), "midterm", "2026V", TODAY)
    files = render_report(data, {"experiences": "Godt arbeid & <mer>"})
    draft = email_file(data, files, county_governor_email(demo))
    message = email.message_from_bytes(draft.content, policy=policy.default)
    assert message["To"] == "postmottak@statsforvalteren.no"
    assert message["X-Unsent"] == "1"
    assert "Underveisrapport" in message["Subject"] and "Fjordvik" in message["Subject"]
    body = message.get_body(("plain",)).get_content()
    assert "Statsforvalteren i Vestland" in body and "Med vennlig hilsen" in body
    attachments = {part.get_filename(): part for part in message.iter_attachments()}
    assert set(attachments) == {f.filename for f in files}
    for f in files:
        part = attachments[f.filename]
        assert part.get_content_type() == f.media_type
        assert part.get_payload(decode=True) == f.content
    assert draft.filename.endswith(".eml")


def test_archive_opens_exactly_as_sent(demo):
    mid = municipality_id(demo)
    data = collect_report(demo, mid, "final", None, TODAY)
    texts = {"continuation": "Vi fortsetter."}
    files = render_report(data, texts)
    files.append(email_file(data, files, "sf@example.no"))
    entry = archive(demo, mid, data, texts, files, recipient="sf@example.no", sent=True)
    listed = list_archive(demo, mid)
    assert listed[0].snapshot.id == entry.snapshot.id
    assert listed[0].snapshot.recipient == "sf@example.no" and listed[0].snapshot.sent_at is not None
    assert listed[0].snapshot.texts == texts
    assert listed[0].snapshot.figures["log_count"] == data.log_count
    for archived in listed[0].files:
        original = next(f for f in files if f.filename == archived.filename)
        opened = archived_file(demo, archived.id)
        assert opened.content == original.content
        assert archived.sha256 == hashlib.sha256(original.content).hexdigest()


def test_recipient_must_look_like_an_address(demo):
    with pytest.raises(DomainError, match="e-postadresse"):
        set_county_governor_email(demo, "ikke en adresse")
    assert set_county_governor_email(demo, "  ") == ""


def _draft_for(demo, recipient, name="Underveisrapport Bø i Telemark 2026V"):
    data = collect_report(demo, municipality_id(demo), "midterm", "2026V", TODAY)
    files = [OutgoingFile(f"{name}.pdf", PDF_TYPE, b"%PDF-1.7 test"), OutgoingFile(f"{name}.xlsx", XLSX_TYPE, b"PK")]
    return data, email_file(data, files, recipient, signature=signature(demo, municipality_id(demo), data))


def test_non_ascii_attachment_names_also_carry_a_plain_name_parameter(demo):
    """Outlook reads Content-Type `name=`, not only RFC 2231 `filename*=`; both give the same name."""
    _data, draft = _draft_for(demo, "sf@example.no")
    legacy = email.message_from_bytes(draft.content)  # compat32: what older readers see
    names = []
    for part in legacy.walk():
        if part.get_content_maintype() == "multipart" or part.get_content_type() == "text/plain":
            continue
        raw_name = part.get_param("name")
        assert raw_name is not None and raw_name.startswith("=?utf-8?")
        names.append(str(make_header(decode_header(raw_name))))
    assert names == ["Underveisrapport Bø i Telemark 2026V.pdf", "Underveisrapport Bø i Telemark 2026V.xlsx"]
    modern = email.message_from_bytes(draft.content, policy=policy.default)
    assert [p.get_filename() for p in modern.iter_attachments()] == names
    assert all(len(line) <= 998 for line in draft.content.split(b"\r\n"))  # RFC 5322 limit


def test_no_to_header_without_a_recipient(demo):
    _data, draft = _draft_for(demo, None)
    message = email.message_from_bytes(draft.content, policy=policy.default)
    assert "To" not in message and b"\r\nTo:" not in draft.content


def test_draft_is_signed_with_the_resource_persons_name_and_role(demo):
    import sqlite3

    data, draft = _draft_for(demo, "sf@example.no")
    path = demo.engine.url.database
    with sqlite3.connect(path) as con:
        names = {n for (n,) in con.execute(
            "select p.name from resource_person p join resource_assignment a on a.resource_person_id = p.id "
            "where a.start <= ? and a.\"end\" >= ?", (TODAY.isoformat(), TODAY.isoformat()))}
    assert names
    body = email.message_from_bytes(draft.content, policy=policy.default).get_body(("plain",)).get_content()
    signed = body.split("Med vennlig hilsen", 1)[1]
    for name in names:
        assert f"{name}, ressursperson for " in signed
    assert signed.strip().endswith(f"{data.municipality} kommune")

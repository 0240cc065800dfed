"""Worker jobs of the Rapporter page: each is `fn(store, progress, cancel)` for the runner, with the
services imported inside (they run on the worker thread, after the first paint)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path


@dataclass(frozen=True)
class Context:
    """What the page needs to offer choices: the municipality, its semesters, the recipient, the archive,
    and how many municipalities the database holds (more than one offers the county report)."""

    municipality_id: object
    municipality: str
    semesters: tuple[str, ...]
    recipient: str
    archive: list
    municipalities: int = 1


def load_context(store, progress, cancel) -> Context | None:
    from storage.services.municipalities import count_municipalities, current_municipality, participation_of
    from storage.services.report_archive import list_archive
    from storage.services.settings import county_governor_email

    municipality = current_municipality(store)
    if municipality is None:
        return None
    part = participation_of(store, municipality.id)
    return Context(municipality.id, municipality.name, tuple(part.semesters) if part else (),
                   county_governor_email(store), list_archive(store, municipality.id),
                   count_municipalities(store))


def make_load_draft(municipality_id, kind: str, semester: str | None):
    def load_draft_job(store, progress, cancel):
        """The saved texts of the chosen report (the CLI's `report` reads the same draft)."""
        from storage.services.report_drafts import load_draft

        return (kind, semester, load_draft(store, municipality_id, kind, semester))

    return load_draft_job


def make_preview(municipality_id, kind: str, semester: str | None, texts: dict, today: date):
    def preview(store, progress, cancel):
        """The report as PDF bytes (and the texts saved as the report's draft, so they survive a restart and
        the CLI uses them)."""
        from exports.report_pdf import report_pdf_bytes
        from storage.services.report_data import collect_report
        from storage.services.report_drafts import save_draft

        progress(0, 2, "Teller opp …")
        data = collect_report(store, municipality_id, kind, semester, today)
        progress(1, 2, "Lager PDF …")
        pdf = report_pdf_bytes(data, texts)
        save_draft(store, municipality_id, kind, semester, texts)
        progress(2, 2, "Ferdig")
        return pdf

    return preview


def make_save(municipality_id, kind: str, semester: str | None, texts: dict, today: date, folder: Path):
    def save(store, progress, cancel):
        from exports.report_files import archive, check_folder, render_report, write_files
        from storage.services.report_data import collect_report

        check_folder(folder)
        progress(0, 3, "Teller opp …")
        data = collect_report(store, municipality_id, kind, semester, today)
        files = render_report(data, texts, progress=lambda d, t, label: progress(1, 3, label))
        written = write_files(files, folder)
        progress(3, 3, "Arkiverer …")
        archive(store, municipality_id, data, texts, files)
        return written

    return save


def make_send(municipality_id, kind: str, semester: str | None, texts: dict, today: date, recipient: str,
              folder: Path):
    def send(store, progress, cancel):
        from exports.report_files import archive, email_file, render_report, signature, write_files
        from storage.services.report_data import collect_report
        from storage.services.settings import set_county_governor_email

        recipient_clean = set_county_governor_email(store, recipient)
        progress(0, 3, "Teller opp …")
        data = collect_report(store, municipality_id, kind, semester, today)
        files = render_report(data, texts, progress=lambda d, t, label: progress(1, 3, label))
        draft = email_file(data, files, recipient_clean, signature=signature(store, municipality_id, data))
        progress(2, 3, "Skriver e-postutkastet …")
        (path,) = write_files([draft], folder)
        archive(store, municipality_id, data, texts, [*files, draft], recipient=recipient_clean, sent=True)
        progress(3, 3, "Ferdig")
        return path

    return send


def make_store_recipient(email: str):
    def store_recipient(store, progress, cancel):
        from storage.services.settings import set_county_governor_email

        return set_county_governor_email(store, email)

    return store_recipient


def make_open_archived(file_id, folder: Path):
    def open_archived(store, progress, cancel):
        """Write the archived file, byte for byte, to `folder` and return its path."""
        from exports.report_files import write_files
        from storage.services.report_archive import archived_file

        (path,) = write_files([archived_file(store, file_id)], folder)
        return path

    return open_archived


def make_county_preview(kind: str, semester: str | None, today: date):
    def county_preview(store, progress, cancel):
        """The county report (every municipality in the database) as PDF bytes."""
        from exports.report_files import county_reports
        from exports.report_pdf import report_pdf_bytes

        reports = county_reports(store, kind, semester, today, progress=lambda d, t, label: progress(d, t + 1, label))
        progress(len(reports), len(reports) + 1, "Lager PDF …")
        return report_pdf_bytes(reports, {})

    return county_preview


def make_county_save(kind: str, semester: str | None, today: date, folder: Path):
    def county_save(store, progress, cancel):
        """The county report's PDF and workbook written to `folder` (not archived: it is no municipality's
        report)."""
        from exports.report_files import check_folder, county_reports, render_county_report, write_files

        check_folder(folder)
        reports = county_reports(store, kind, semester, today, progress=lambda d, t, label: progress(d, t + 2, label))
        files = render_county_report(reports, progress=lambda d, t, label: progress(len(reports) + d,
                                                                                     len(reports) + 2, label))
        return write_files(files, folder)

    return county_save

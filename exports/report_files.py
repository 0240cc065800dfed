"""A report's files, made once and used by the CLI and the Rapporter page alike: the PDF and the
workbook as bytes, the .eml draft with both attached, writing them to a folder (a folder that cannot be
written to gives a Norwegian DomainError), and archiving what left the app.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from pathlib import Path

from storage.enums import Area
from storage.errors import DomainError
from storage.i18n import _
from storage.services.report_archive import ArchiveEntry, OutgoingFile, archive_report
from storage.services.report_data import ReportData
from storage.store import Store

from .atomic_file import write_bytes_atomic
from .report_email import EML_TYPE, PDF_TYPE, XLSX_TYPE, report_email
from .report_pdf import file_stem, report_pdf_bytes, report_title
from .report_xlsx import report_xlsx_bytes

FORMATS = {"pdf": ("pdf",), "xlsx": ("xlsx",), "both": ("pdf", "xlsx")}
Progress = Callable[[int, int, str], None]


def render_report(d: ReportData, texts: dict[str, str], formats: Sequence[str] = ("pdf", "xlsx"), *,
                  progress: Progress | None = None) -> list[OutgoingFile]:
    """The report's files as bytes, PDF first."""
    stem = file_stem(d)
    files = []
    total = len(formats)
    for done, fmt in enumerate(formats):
        if progress:
            progress(done, total, _("Lager PDF …") if fmt == "pdf" else _("Lager Excel-arbeidsbok …"))
        if fmt == "pdf":
            files.append(OutgoingFile(f"{stem}.pdf", PDF_TYPE, report_pdf_bytes(d, texts)))
        elif fmt == "xlsx":
            files.append(OutgoingFile(f"{stem}.xlsx", XLSX_TYPE, report_xlsx_bytes(d, texts)))
        else:
            raise ValueError(fmt)
    if progress:
        progress(total, total, _("Ferdig"))
    return files


def county_file_stem(reports: Sequence[ReportData]) -> str:
    """«Underveisrapport alle kommuner Vestland 2026V», safe as a file name."""
    d = reports[0]
    scope = d.semester or ""
    stem = " ".join(p for p in (report_title(d), _("alle kommuner"), d.county, scope) if p)
    return "".join(ch for ch in stem if ch not in '<>:"/\\|?*').strip()


def county_reports(store: Store, kind: str, semester: str | None, today, *,
                   progress: Progress | None = None) -> list[ReportData]:
    """Every municipality's figures for the county report, without the vignette before/after comparisons
    (half the time of a run, and a county report does not show them)."""
    from storage.services.municipalities import list_municipalities
    from storage.services.report_data import collect_report

    municipalities = list_municipalities(store)
    reports = []
    for done, m in enumerate(municipalities):
        if progress:
            progress(done, len(municipalities), _("Teller opp {name} …").format(name=m.name))
        reports.append(collect_report(store, m.id, kind, semester, today, detail=False))
    return reports


def render_county_report(reports: Sequence[ReportData], formats: Sequence[str] = ("pdf", "xlsx"), *,
                         progress: Progress | None = None) -> list[OutgoingFile]:
    """The county report's files as bytes, PDF first: one report over every municipality."""
    from .county_xlsx import county_xlsx_bytes

    if not reports:
        raise DomainError(_("Databasen har ingen kommuner å lage fylkesrapport for."))
    stem = county_file_stem(reports)
    files = []
    for done, fmt in enumerate(formats):
        if progress:
            progress(done, len(formats), _("Lager PDF …") if fmt == "pdf" else _("Lager Excel-arbeidsbok …"))
        if fmt == "pdf":
            files.append(OutgoingFile(f"{stem}.pdf", PDF_TYPE, report_pdf_bytes(list(reports), {})))
        elif fmt == "xlsx":
            files.append(OutgoingFile(f"{stem}.xlsx", XLSX_TYPE, county_xlsx_bytes(reports)))
        else:
            raise ValueError(fmt)
    return files


def email_file(d: ReportData, files: Sequence[OutgoingFile], recipient: str | None,
               sender: str | None = None, signature: Sequence[str] = ()) -> OutgoingFile:
    content = report_email(d, [(f.filename, f.media_type, f.content) for f in files], recipient=recipient,
                           sender=sender, signature=signature)
    return OutgoingFile(f"{file_stem(d)}.eml", EML_TYPE, content)


def signature(store: Store, municipality_id: uuid.UUID, d: ReportData) -> list[str]:
    """The lines that sign the e-mail: the resource persons whose position covers the report's date (or,
    failing that, the latest ones), each with their role, then the municipality."""
    from storage.services.resource_persons import list_assignments

    lines = list_assignments(store, municipality_id)
    current = [line for line in lines if line.assignment.start <= d.today <= line.assignment.end]
    if not current and lines:
        latest = max(line.assignment.end for line in lines)
        current = [line for line in lines if line.assignment.end == latest]
    people: dict[str, list[str]] = {}
    for line in current:
        people.setdefault(line.person.name, []).append(Area(line.assignment.area).label.lower())
    out = [_("{name}, ressursperson for {areas}").format(name=name, areas=_(" og ").join(dict.fromkeys(areas)))
           for name, areas in people.items()]
    return [*out, _("{name} kommune").format(name=d.municipality)]


def os_reason(exc: OSError) -> str:
    """A short Norwegian reason for a file system error."""
    import errno

    return {errno.EACCES: _("ingen skrivetilgang"), errno.EPERM: _("ingen skrivetilgang"),
            errno.EROFS: _("mappen er skrivebeskyttet"), errno.ENOENT: _("mappen finnes ikke og kan ikke lages"),
            errno.ENOSPC: _("disken er full"), errno.ENOTDIR: _("stien er ikke en mappe"),
            errno.EDQUOT: _("disken er full"), errno.EIO: _("feil på disken")}.get(
        exc.errno, _("feil fra operativsystemet (kode {code})").format(code=exc.errno))


def check_folder(folder: Path | str) -> Path:
    """The folder, created if missing; DomainError (exit 2) if it cannot be written to."""
    from storage.folders import try_write

    folder = Path(folder).expanduser()
    try:
        try_write(folder)
    except OSError as exc:
        raise DomainError(_("Kan ikke lagre i mappen {path}: {error}. Velg en mappe du har skrivetilgang til.")
                          .format(path=folder, error=os_reason(exc)), field="out") from exc
    return folder


def write_files(files: Sequence[OutgoingFile], folder: Path | str) -> list[Path]:
    """Write the files into `folder` (each written whole, then renamed into place)."""
    folder = check_folder(folder)
    written = []
    for f in files:
        target = folder / f.filename
        try:
            write_bytes_atomic(target, f.content)
        except OSError as exc:
            raise DomainError(_("Kan ikke skrive {path}: {error}").format(path=target, error=os_reason(exc)),
                              field="out") from exc
        written.append(target)
    return written


def archive(store: Store, municipality_id: uuid.UUID, d: ReportData, texts: dict[str, str],
            files: Sequence[OutgoingFile], *, recipient: str | None = None, sent: bool = False) -> ArchiveEntry:
    return archive_report(store, municipality_id, d.kind, d.semester, texts, d.figures(), list(files),
                          recipient=recipient, sent=sent)

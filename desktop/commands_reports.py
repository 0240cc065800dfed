"""`nettverkslogg report`: the report to the county governor as PDF and/or Excel, optionally with an
.eml draft addressed to the county governor (the address in the app's settings, or --to). The resource
person's texts are the report's saved draft, the same the Rapporter page shows; `--text-file` replaces
that draft first. Every run is archived in the database, as the Rapporter page does; it counts as sent
only when the e-mail draft had a recipient.

`--county` makes one report over every municipality in the database (an overview table, the county's
totals and a compact part per municipality; the workbook has one row per municipality per figure). It is
not a municipality's report, so it is not archived and has no e-mail draft."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from storage.i18n import _

from .commands_planning import _municipality, _open_store
from .paths import AppPaths


def run_county_report(paths: AppPaths, args) -> int:
    from exports.report_files import FORMATS, check_folder, county_reports, render_county_report, write_files
    from storage.errors import DomainError

    if args.eml or args.text_file or args.kommune:
        raise DomainError(_("--county lager én rapport for alle kommunene og kan ikke brukes sammen med --eml, "
                            "--text-file eller --kommune."), field="county")
    out = check_folder(Path(args.out))
    store = _open_store(paths)
    try:
        reports = county_reports(store, args.kind, args.semester, args.today or date.today())
        written = write_files(render_county_report(reports, FORMATS[args.format]), out)
    finally:
        store.close()
    for path in written:
        print(_("Skrev {path}").format(path=path))
    return 0


def run_report(paths: AppPaths, args) -> int:
    if getattr(args, "county", False):
        return run_county_report(paths, args)
    from exports.report_files import (
        FORMATS,
        archive,
        check_folder,
        email_file,
        render_report,
        signature,
        write_files,
    )
    from storage.services.report_data import collect_report
    from storage.services.report_drafts import load_draft, read_text_file, save_draft
    from storage.services.settings import county_governor_email

    new_texts = read_text_file(args.text_file) if args.text_file else None  # a bad file fails before any work
    out = check_folder(Path(args.out))  # before any work: an unwritable folder fails at once
    store = _open_store(paths)
    try:
        chosen = _municipality(store, args.kommune)
        today = args.today or date.today()
        data = collect_report(store, chosen.id, args.kind, args.semester, today)
        if new_texts is not None:
            save_draft(store, chosen.id, args.kind, args.semester, new_texts)
        texts = load_draft(store, chosen.id, args.kind, args.semester)
        files = render_report(data, texts, FORMATS[args.format])
        recipient = (args.to or county_governor_email(store) or None) if args.eml else None
        outgoing = list(files)
        if args.eml:
            if "pdf" not in FORMATS[args.format] or "xlsx" not in FORMATS[args.format]:
                files = render_report(data, texts, ("pdf", "xlsx"))
            outgoing.append(email_file(data, files, recipient, signature=signature(store, chosen.id, data)))
        written = write_files(outgoing, out)
        archive(store, chosen.id, data, texts, outgoing, recipient=recipient, sent=bool(args.eml and recipient))
    finally:
        store.close()
    if data.empty_reason:
        print(data.empty_reason)
    for path in written:
        print(_("Skrev {path}").format(path=path))
    if args.eml and not recipient:
        print(_("Merk: ingen mottaker er satt. Legg inn e-postadressen til statsforvalteren under Rapporter, "
                "eller bruk --to."))
    return 0

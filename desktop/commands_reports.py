"""`nettverkslogg report`: the report to the county governor as PDF and/or Excel, optionally with an
.eml draft addressed to the county governor (the address in the app's settings, or --to). Every run is
archived in the database, as the Rapporter page does."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from storage.i18n import _

from .commands_planning import _municipality, _open_store
from .paths import AppPaths


def run_report(paths: AppPaths, args) -> int:
    from exports.report_files import FORMATS, archive, check_folder, email_file, render_report, write_files
    from storage.services.report_data import collect_report
    from storage.services.settings import county_governor_email

    out = check_folder(Path(args.out))  # before any work: an unwritable folder fails at once
    store = _open_store(paths)
    try:
        chosen = _municipality(store, args.kommune)
        today = args.today or date.today()
        data = collect_report(store, chosen.id, args.kind, args.semester, today)
        files = render_report(data, {}, FORMATS[args.format])
        recipient = (args.to or county_governor_email(store) or None) if args.eml else None
        outgoing = list(files)
        if args.eml:
            if "pdf" not in FORMATS[args.format] or "xlsx" not in FORMATS[args.format]:
                files = render_report(data, {}, ("pdf", "xlsx"))
            outgoing.append(email_file(data, files, recipient))
        written = write_files(outgoing, out)
        archive(store, chosen.id, data, {}, outgoing, recipient=recipient, sent=args.eml)
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

"""`log-templates` and `import-logs`: the session-log workbooks that go out to units and come back.

Only the standard library is imported at module level: the parser is built at every start-up.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from storage.formatting import format_date
from storage.i18n import _

from .commands_planning import _municipality, _open_store
from .paths import AppPaths

COMMANDS = ("log-templates", "import-logs")
MAX_ERRORS_SHOWN = 30


def run(paths: AppPaths, args: argparse.Namespace) -> int:
    if args.command == "log-templates":
        return run_log_templates(paths, args.out, args.network, args.kommune)
    return run_import_logs(paths, [Path(f) for f in args.files], args.dry_run)


def _locked(paths: AppPaths):
    from contextlib import nullcontext

    from storage.lock import DatabaseLock
    from storage.urls import resolve_url, sqlite_path

    path = sqlite_path(resolve_url(paths.database))
    return DatabaseLock(path) if path is not None and path.exists() else nullcontext()


def run_log_templates(paths: AppPaths, out: str, network: str | None, kommune: str | None = None) -> int:
    from exports.log_workbook import write_log_workbooks
    from storage.services.log_templates import log_template_specs
    from storage.services.networks import find_network

    store = _open_store(paths)
    try:
        municipality = _municipality(store, kommune)
        network_id = find_network(store, municipality.id, network).id if network else None
        specs = log_template_specs(store, municipality.id, network_id=network_id)
        written = write_log_workbooks(specs, Path(out).expanduser())
    finally:
        store.close()
    for path in written:
        print(path)
    print(_("{n} loggskjema lagret i {folder}.").format(n=len(written), folder=Path(out).expanduser()))
    return 0


def run_import_logs(paths: AppPaths, files: list[Path], dry_run: bool) -> int:
    from exports.log_workbook import read_log_workbook
    from storage.services.session_log_import import commit_import, preview_files

    with _locked(paths):
        store = _open_store(paths, writes=True)  # the municipality comes from each file
        try:
            previews = preview_files(store, files, read_log_workbook)
            for preview in previews:
                print(preview.summary())
                for kept in preview.kept:
                    print(f"  {kept.ref}: {kept.message} («{kept.log.theme}», {format_date(kept.log.held_on)})")
                for error in preview.errors[:MAX_ERRORS_SHOWN]:
                    print(f"  {error}")
                if len(preview.errors) > MAX_ERRORS_SHOWN:
                    print(_("  … og {n} feil til").format(n=len(preview.errors) - MAX_ERRORS_SHOWN))
            if dry_run:
                print(_("Prøvekjøring: ingenting er lagret."))
            else:
                result = commit_import(store, previews)
                print(_("Lagret: {new} nye og {changed} endrede øktlogger fra {files} av {total} filer.").format(
                    new=result.new, changed=result.changed, files=result.files_stored, total=len(previews)))
        finally:
            store.close()
    refused = [p for p in previews if not p.ok]
    if refused:
        print(_("{n} av {total} filer ble avvist eller har feil; ingenting fra dem er lagret.").format(
            n=len(refused), total=len(previews)), file=sys.stderr)
        return 1
    return 0

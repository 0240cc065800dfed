"""Start-up, in Vorta's order: exception hook → arguments → paths → database (migrate, backup) → Qt.

Qt, SQLModel, ReportLab and openpyxl are imported only when needed, so the window appears fast.
"""

from __future__ import annotations

import io
import sys
import time

_PROCESS_START = time.perf_counter()


def _start_daily_backup(db_path, backup_dir, tell=None):
    """Today's backup on a background thread, so a large database does not delay the window. When it
    cannot be made (a damaged database, a full disk), `tell(message)` puts the reason on Oversikt."""
    import threading

    from storage.backup import daily_backup
    from storage.db_errors import database_error
    from storage.i18n import _

    from .logs import log

    def work() -> None:
        try:
            made = daily_backup(db_path, backup_dir)
        except Exception as exc:
            error = database_error(exc)  # a full disk or a locked file is not a crash
            if error is None:
                raise
            log.warning("Daglig sikkerhetskopi feilet: %s", error.message, exc_info=True)
            if tell is not None:
                tell(_("Dagens sikkerhetskopi ble ikke tatt: {reason}").format(reason=error.message))
            return
        if made:
            log.info("Daglig sikkerhetskopi: %s", made)

    thread = threading.Thread(target=work, name="daily-backup", daemon=True)
    thread.start()
    return thread


def _reach_server(paths):
    """A server database: its password from the keyring, and a connection test. When the server cannot
    be reached, offer the local file instead (the user may be offline); otherwise say why and stop."""
    from storage.errors import DatabaseError
    from storage.server_connection import ServerProfile, check_connection, with_stored_password

    from .paths import local_database

    url = with_stored_password(paths.database)
    profile = ServerProfile.from_url(url)
    if profile is None:
        return paths
    from sqlalchemy.engine import make_url

    try:
        check_connection(profile, make_url(url).password or "")
    except DatabaseError as exc:
        local = local_database(paths)
        question = exc.message + "\n\n" + "Vil du åpne den lokale kopien på denne maskinen i stedet?"
        if _ask(question):
            return local
        raise
    from dataclasses import replace

    return replace(paths, database=url)


def _ask(question: str) -> bool:
    try:
        from ui.startup_message import ask, can_show_dialogs

        return can_show_dialogs() and ask(question, title="Nettverkslogg")
    except ImportError:
        return False


def _open_window(args, paths) -> int:
    from storage.lock import DatabaseLock
    from storage.migrate import is_writable, prepare_database
    from storage.urls import resolve_url, sqlite_path

    from .logs import log

    if "://" in paths.database:
        paths = _reach_server(paths)
    path = sqlite_path(resolve_url(paths.database))
    lock = None
    read_only = False
    if path is not None:
        if not path.parent.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
        # A file or folder that cannot be written opens for reading, with a banner (an existing
        # database at this version only; prepare_database refuses the rest with a message).
        read_only = path.exists() and not is_writable(path)
        if not read_only:
            lock = DatabaseLock(path).acquire()
    opened = prepare_database(paths.database, paths.backup_dir, read_only=read_only)
    if opened.read_only:
        log.warning("Databasen %s kan ikke skrives til; åpnes bare for lesing", path)
    if opened.backup:
        log.info("Sikkerhetskopi før oppgradering: %s", opened.backup)
    hooks = ((lambda tell: _start_daily_backup(path, paths.backup_dir, tell)),) \
        if path is not None and not read_only else ()

    from ui.app import run_app  # Qt is imported only now

    from . import crash
    from .version import __version__

    try:
        return run_app(opened, paths, demo=args.demo, process_start=_PROCESS_START,
                       set_crash_reporter=crash.set_reporter, after_first_paint=hooks, version=__version__)
    finally:
        if lock:
            lock.release()


def _without_console() -> io.StringIO | None:
    """The windowed program on Windows has no console: sys.stdout and sys.stderr are None. Collect
    what would have been printed, to show it in a message box (see `_show_collected`)."""
    if sys.stdout is not None and sys.stderr is not None:
        return None
    collected = io.StringIO()
    sys.stdout = sys.stdout or collected
    sys.stderr = sys.stderr or collected
    return collected


def _show_message(text: str, *, error: bool) -> None:
    """A message box with `text` when someone can see it; the text has been printed already."""
    try:
        from ui.startup_message import can_show_dialogs, show_message

        if can_show_dialogs():
            show_message(text, title="Nettverkslogg", error=error)
    except Exception:  # no display or a broken Qt: stderr and the log have the message
        from .logs import log

        log.exception("Kunne ikke vise meldingen i et vindu")


TEXT_USE_CLI = "Kommandoene skriver svaret sitt i et terminalvindu. Bruk nettverkslogg-cli for dem."


def main(argv: list[str] | None = None) -> int:
    collected = _without_console()
    if collected is None:
        return _main(argv)[0]
    hint = ""
    try:
        code, shown = _main(argv)
        hint = "" if shown else TEXT_USE_CLI
    except SystemExit as exc:  # argparse: --help, --version and bad arguments
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
        shown, hint = False, TEXT_USE_CLI
    except Exception:
        sys.excepthook(*sys.exc_info())  # the crash report goes into `collected`
        code, shown = 1, False
    text = collected.getvalue().strip()
    if text and not shown:
        _show_message("\n\n".join(part for part in (text, hint) if part), error=code != 0)
    return code


def _main(argv: list[str] | None) -> tuple[int, bool]:
    """Run the window or a command; return the exit code and whether the user has seen the outcome
    in a window (the main window, or a message box when it could not open)."""
    from . import crash
    from .cli import parse_args
    from .logs import log, setup_logging
    from .paths import resolve_paths

    crash.install(None)
    args = parse_args(argv)
    try:
        return _run(args, crash, log, setup_logging, resolve_paths), args.command is None
    except BrokenPipeError:  # output piped into e.g. `head`, which stopped reading
        sys.stderr.close()
        return 0, False
    except Exception as exc:
        from storage.db_errors import database_error

        error = database_error(exc)  # a DomainError, or a storage failure put in Norwegian
        if error is None:
            raise  # a bug: the crash hook logs it and says so in Norwegian
        log.warning("Avbrutt: %s", error.message, exc_info=exc, extra={"file_only": True})
        print(error.message, file=sys.stderr)
        if args.command is None:
            _show_message(error.message, error=True)
        return error.exit_code, args.command is None


def _run(args, crash, log, setup_logging, resolve_paths) -> int:
    paths = resolve_paths(args.db)
    log_file = setup_logging(paths.log_file)
    crash.install(log_file)
    log.info("Starter Nettverkslogg (%s) med database %s", args.command or "vindu", paths.database)
    if args.command is None:
        return _open_window(args, paths)
    from . import commands

    if args.command == "demo":
        return commands.run_demo(paths, args.scale, args.seed)
    if args.command == "check":
        return commands.run_check(paths)
    if args.command == "backup":
        return commands.run_backup(paths, args.out, args.overwrite)
    if args.command == "restore":
        return commands.run_restore(paths, args.source)
    if args.command in ("status", "calendar"):
        from . import commands_planning

        if args.command == "status":
            return commands_planning.run_status(paths, args.kommune, args.semester, args.json, args.today)
        return commands_planning.run_calendar(paths, args.kommune, args.out, args.network)
    if args.command in ("log-templates", "import-logs"):
        from . import commands_logs

        return commands_logs.run(paths, args)
    if args.command == "report":
        from . import commands_reports

        return commands_reports.run_report(paths, args)
    if args.command == "copy":
        from . import commands_copy

        return commands_copy.run(args)
    if args.command == "server":
        from . import commands_server

        return commands_server.run(paths, args)
    raise AssertionError(args.command)


if __name__ == "__main__":
    sys.exit(main())

"""Command-line arguments. With no command the window opens; the commands run without Qt."""

from __future__ import annotations

import argparse

from .paths import DB_ENV
from .version import __version__

# argparse's own messages, in bokmål (argparse looks its module-level `_` up at call time).
_ARGPARSE_NB = {
    "usage: ": "bruk: ",
    "positional arguments": "kommandoer",
    "options": "valg",
    "show this help message and exit": "vis denne hjelpen og avslutt",
    "show program's version number and exit": "vis versjonsnummeret og avslutt",
    "%(prog)s: error: %(message)s\n": "%(prog)s: feil: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "valget %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "disse valgene må være med: %s",
    "unrecognized arguments: %s": "ukjente valg: %s",
    "expected one argument": "mangler en verdi",
    "invalid choice: %(value)r (choose from %(choices)s)": "ugyldig valg: %(value)r (velg mellom %(choices)s)",
    "invalid %(type)s value: %(value)r": "ugyldig verdi: %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "uklart valg: %(option)s kan bety %(matches)s",
}
argparse._ = lambda text: _ARGPARSE_NB.get(text, text)


def _db_option(parser: argparse.ArgumentParser, *, top: bool) -> None:
    parser.add_argument(
        "--db", metavar="FIL", default=None if top else argparse.SUPPRESS,
        help=f"databasefil eller SQLAlchemy-URL (ellers ${DB_ENV}, ellers fila i brukerens datamappe)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nettverkslogg",
        description="Nettverkslogg – planlegging, logg og rapportering for lærende nettverk.")
    _db_option(parser, top=True)
    parser.add_argument("--demo", action="store_true", help="fyll en tom database med eksempeldata")
    parser.add_argument("--version", action="version", version=f"Nettverkslogg {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="KOMMANDO")

    demo = commands.add_parser("demo", help="lag en database med eksempeldata")
    _db_option(demo, top=False)
    demo.add_argument("--scale", choices=["municipality", "county"], default="municipality",
                      help="municipality: én kommune; county: et helt fylke (for ytelsestester)")
    demo.add_argument("--seed", type=int, default=1, metavar="TALL", help="samme tall gir samme data (standard 1)")

    check = commands.add_parser("check", help="vis skjemaversjon, antall rader og integritetssjekk")
    _db_option(check, top=False)

    backup = commands.add_parser("backup", help="lag en sikker kopi av databasen (også mens appen er åpen)")
    _db_option(backup, top=False)
    backup.add_argument("--out", metavar="FIL", required=True, help="hvor kopien skal lagres")
    backup.add_argument("--overwrite", action="store_true", help="skriv over fila hvis den finnes fra før")

    restore = commands.add_parser("restore", help="gjenopprett databasen fra en kopi")
    _db_option(restore, top=False)
    restore.add_argument("--from", dest="source", metavar="FIL", required=True, help="kopien som skal brukes")

    status = commands.add_parser("status", help="vis forpliktelsene per semester: oppfylt, i fare, mangler")
    _db_option(status, top=False)
    _municipality_option(status)
    status.add_argument("--semester", metavar="SEMESTER", help="bare dette semesteret, for eksempel 2026H")
    status.add_argument("--json", action="store_true", help="skriv en JSON-liste i stedet for en tabell")
    status.add_argument("--today", type=_iso_date, metavar="ÅÅÅÅ-MM-DD",
                        help="vurder som om dagens dato var denne (standard: i dag)")

    calendar = commands.add_parser("calendar", help="eksporter samlinger til en kalenderfil (.ics)")
    _db_option(calendar, top=False)
    _municipality_option(calendar)
    calendar.add_argument("--out", metavar="FIL", required=True, help="kalenderfila som skal skrives (.ics)")
    calendar.add_argument("--network", metavar="NAVN", help="bare samlingene i dette nettverket")

    templates = commands.add_parser("log-templates", help="lag loggskjema (Excel) til enhetene")
    _db_option(templates, top=False)
    _municipality_option(templates)
    templates.add_argument("--out", metavar="MAPPE", required=True, help="mappen skjemaene skal lagres i")
    templates.add_argument("--network", metavar="NAVN", default=None,
                           help="ett skjema for dette nettverket, med ett ark per enhet (ellers ett skjema per enhet)")

    imports = commands.add_parser("import-logs", help="les inn utfylte loggskjema fra enhetene")
    _db_option(imports, top=False)
    imports.add_argument("--dry-run", action="store_true", help="vis hva som ville blitt lagret, men lagre ingenting")
    imports.add_argument("files", nargs="+", metavar="FIL", help="utfylte loggskjema (.xlsx)")

    report = commands.add_parser("report", help="lag rapport til statsforvalteren (PDF og/eller Excel, ev. e-post)")
    _db_option(report, top=False)
    _municipality_option(report)
    report.add_argument("--kind", choices=["midterm", "final", "funds"], required=True,
                        help="midterm: underveisrapport; final: sluttrapport; funds: bruk av midler")
    report.add_argument("--semester", metavar="SEMESTER",
                        help="underveisrapport for dette semesteret, for eksempel 2021H (ellers perioden så langt)")
    report.add_argument("--format", choices=["pdf", "xlsx", "both"], default="both", help="filtype (standard both)")
    report.add_argument("--out", metavar="MAPPE", required=True, help="mappen filene skal lagres i")
    report.add_argument("--eml", action="store_true",
                        help="lag også et e-postutkast (.eml) til statsforvalteren med filene vedlagt")
    report.add_argument("--to", metavar="E-POST", help="mottaker av e-postutkastet (ellers adressen fra appen)")
    report.add_argument("--today", type=_iso_date, metavar="ÅÅÅÅ-MM-DD",
                        help="tell opp som om dagens dato var denne (standard: i dag)")
    report.add_argument("--text-file", metavar="FIL",
                        help="dine egne tekster (UTF-8) med overskriftene «# Erfaringer», «# Utvikling» og "
                             "«# Videre arbeid»; erstatter utkastet som er lagret for rapporten")
    report.add_argument("--county", action="store_true",
                        help="én rapport over alle kommunene i databasen (fylkesoversikt)")
    _server_commands(commands)
    copy = commands.add_parser("copy", help="kopier én kommunes data mellom to databaser (fil eller server), "
                                            "uten å slette noe")
    copy.add_argument("--from", dest="source", required=True, metavar="KILDE", help="databasefil eller URL")
    copy.add_argument("--to", dest="target", required=True, metavar="MÅL",
                      help="databasefil eller URL (en ny fil lages)")
    copy.add_argument("--kommune", metavar="NUMMER", help="kommunen som skal kopieres (må oppgis når kilden har flere)")
    copy.add_argument("--dry-run", action="store_true", help="vis hva som ville blitt kopiert, men lagre ingenting")
    copy.add_argument("--report", metavar="FIL", help="hvor konfliktlisten (CSV) skal lagres")
    return parser


def _server_commands(commands) -> None:
    """`server init|add-user|remove-user|users`: logins and row-level access on a PostgreSQL server."""
    server = commands.add_parser("server", help="brukere og tilgang på en felles PostgreSQL-server")
    actions = server.add_subparsers(dest="server_command", metavar="HANDLING", required=True)
    init = actions.add_parser("init", help="oppgrader databasen og sett opp roller og tilgangsregler")
    add = actions.add_parser("add-user", help="lag en pålogging for én kommune eller for hele fylket "
                                              "(passordet fra $NETTVERKSLOGG_PASSWORD eller spørsmål)")
    add.add_argument("--user", required=True, metavar="NAVN", help="brukernavnet (små bokstaver, tall og _)")
    scope = add.add_mutually_exclusive_group(required=True)
    scope.add_argument("--kommune", metavar="NUMMER", help="kommunenummeret brukeren skal se og endre")
    scope.add_argument("--county", action="store_true", help="fylket: les alle kommuner, endre ingen")
    remove = actions.add_parser("remove-user", help="fjern en pålogging")
    remove.add_argument("--user", required=True, metavar="NAVN")
    listed = actions.add_parser("users", help="vis påloggingene og hva de har tilgang til")
    for action in (init, add, remove, listed):
        _db_option(action, top=False)


def _municipality_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--kommune", metavar="NAVN_ELLER_NUMMER",
                        help="kommunen det gjelder (standard: kommunen som sist var valgt i appen)")


def _iso_date(text: str):
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"ugyldig dato «{text}» (skriv ÅÅÅÅ-MM-DD)") from None


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    return build_parser().parse_args(argv)

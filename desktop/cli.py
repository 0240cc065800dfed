"""Command-line arguments. With no command the window opens; the commands run without Qt."""

from __future__ import annotations

import argparse

from .paths import DB_ENV


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
    commands = parser.add_subparsers(dest="command", metavar="KOMMANDO")

    demo = commands.add_parser("demo", help="lag en database med eksempeldata")
    _db_option(demo, top=False)
    demo.add_argument("--scale", choices=["municipality", "county"], default="municipality",
                      help="municipality: én kommune; county: et helt fylke (for ytelsestester)")
    demo.add_argument("--seed", type=int, default=1, help="samme tall gir samme data (standard 1)")

    check = commands.add_parser("check", help="vis skjemaversjon, antall rader og integritetssjekk")
    _db_option(check, top=False)

    backup = commands.add_parser("backup", help="lag en sikker kopi av databasen (også mens appen er åpen)")
    _db_option(backup, top=False)
    backup.add_argument("--out", metavar="FIL", required=True, help="hvor kopien skal lagres")

    restore = commands.add_parser("restore", help="gjenopprett databasen fra en kopi")
    _db_option(restore, top=False)
    restore.add_argument("--from", dest="source", metavar="FIL", required=True, help="kopien som skal brukes")
    return parser


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    return build_parser().parse_args(argv)

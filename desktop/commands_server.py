"""`nettverkslogg server …`: set up access control on a shared PostgreSQL server and manage its logins.

The password of a new login comes from $NETTVERKSLOGG_PASSWORD or a hidden prompt, never from the
command line (where it would be visible in the process list and the shell history).
"""

from __future__ import annotations

import getpass
import os
import sys

from storage.errors import DomainError
from storage.i18n import _

from .paths import AppPaths

PASSWORD_ENV = "NETTVERKSLOGG_PASSWORD"


def _password() -> str:
    password = os.environ.get(PASSWORD_ENV)
    if password:
        return password
    if not sys.stdin.isatty():
        raise DomainError(_("Oppgi passordet i miljøvariabelen {env}, eller kjør kommandoen i et terminalvindu "
                            "så den kan spørre.").format(env=PASSWORD_ENV))
    first = getpass.getpass(_("Passord for den nye brukeren: "))
    if getpass.getpass(_("Skriv passordet en gang til: ")) != first:
        raise DomainError(_("Passordene var ikke like. Ingen bruker er laget."))
    return first


def run(paths: AppPaths, args) -> int:
    from storage.db import make_engine
    from storage.migrate import prepare_database
    from storage.server_access import add_login, init_server, list_logins, remove_login

    if "://" not in paths.database:
        raise DomainError(_("Serverkommandoene gjelder en PostgreSQL-server. Oppgi adressen med "
                            "--db postgresql+psycopg://…"))
    if args.server_command == "init":
        prepare_database(paths.database, paths.backup_dir)
    engine = make_engine(paths.database)
    try:
        if args.server_command == "init":
            tables = init_server(engine)
            print(_("Tilgangsregler er satt opp for {n} tabeller med kommunedata.").format(n=tables))
        elif args.server_command == "add-user":
            login = add_login(engine, args.user, _password(), municipality_number=args.kommune,
                              county=args.county)
            scope = _("hele fylket (bare lesing)") if login.county else login.municipality_name
            print(_("Brukeren {name} er laget med tilgang til {scope}.").format(name=login.name, scope=scope))
        elif args.server_command == "remove-user":
            remove_login(engine, args.user)
            print(_("Brukeren {name} er fjernet.").format(name=args.user))
        else:
            logins = list_logins(engine)
            if not logins:
                print(_("Ingen brukere ennå. Lag en med «nettverkslogg server add-user»."))
            for login in logins:
                scope = _("fylket (leser alt)") if login.county else \
                    f"{login.municipality_number} {login.municipality_name}"
                print(f"{login.name:<24} {scope}")
    finally:
        engine.dispose()
    return 0

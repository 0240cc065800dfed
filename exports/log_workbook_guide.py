"""The two read-only sheets of the session-log workbook: «Slik fyller du ut» (plain instructions) and
«Samlinger og oppgaver» (the upcoming gatherings and open tasks the template was pre-filled with)."""

from __future__ import annotations

from storage.formatting import format_date, format_time
from storage.i18n import _
from storage.services.log_templates import LogTemplateSpec

from .log_workbook_layout import GUIDE_SHEET, INFO_SHEET, SHEET_PASSWORD
from .workbook_safety import put_text


def _steps(spec: LogTemplateSpec) -> list[tuple[str, str]]:
    sheets = _("arket «Øktlogg»") if len(spec.units) == 1 else _("arket med enhetens navn")
    return [
        (_("Hva skal føres?"), _("Én rad for hver økt enheten har hatt om læringsmiljøet: personalmøter, "
                                 "refleksjonsgrupper, plantid og lignende. Skriv i {sheets}.").format(sheets=sheets)),
        (_("Dato"), _("Skriv datoen som 12.03.2026 (dag, måned, år). Datoer fra {a} til {b} kan føres.").format(
            a=format_date(spec.allowed_start), b=format_date(spec.allowed_end))),
        (_("Varighet"), _("Hvor mange minutter økta varte. Står feltet tomt, regnes 60 minutter.")),
        (_("Ansatte til stede og i alt"), _("Hvor mange som var med, og hvor mange ansatte økta var for (hele "
                                            "personalet eller gruppen). «Til stede» kan ikke være flere enn «i alt».")),
        (_("Hvem ledet"), _("Rollen til den som ledet, for eksempel styrer, rektor eller pedagogisk leder. "
                            "Ikke navn.")),
        (_("Tema"), _("Må fylles ut. Metode, hva dere gjorde, refleksjoner og hva dere prøver før neste gang: "
                      "korte stikkord holder.")),
        (_("Barn, elever og foreldre"), _("Velg ja eller nei i de to siste kolonnene.")),
        (_("Personvern"), _("Ikke skriv navn på barn eller elever, og ikke noe som gjør at andre kan kjenne dem "
                            "igjen. Beskriv voksne med rolle.")),
        (_("Ikke endre skjemaet"), _("Ikke gi arkene nye navn, ikke legg til eller slett kolonner, og ikke lim inn "
                                     "formler. Fila har en skjult del som kjenner igjen enheten og hver rad.")),
        (_("Rettelser"), _("Rett i raden og send fila på nytt. En rettet rad blir oppdatert; ingenting blir "
                           "registrert to ganger.")),
        (_("Sende tilbake"), _("Lagre som Excel-arbeidsbok (.xlsx) uten passord, og send fila på e-post til "
                               "ressurspersonen i kommunen.")),
    ]


def _protect(ws) -> None:
    ws.protection.sheet = True
    ws.protection.set_password(SHEET_PASSWORD)


def write_guide_sheet(wb, spec: LogTemplateSpec) -> None:
    from openpyxl.styles import Alignment, Font

    ws = wb.create_sheet(GUIDE_SHEET)
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 90
    ws["A1"] = _("Slik fyller du ut øktloggen")
    ws["A1"].font = Font(bold=True, size=14)
    put_text(ws["A2"], _("{what} – {municipality} kommune").format(what=spec.title,
                                                                   municipality=spec.municipality_name))
    wrap = Alignment(wrap_text=True, vertical="top")
    for row, (title, text) in enumerate(_steps(spec), start=4):
        ws.cell(row=row, column=1, value=title).font = Font(bold=True)
        cell = ws.cell(row=row, column=2, value=text)
        cell.alignment = wrap
    _protect(ws)


def write_info_sheet(wb, spec: LogTemplateSpec) -> None:
    from openpyxl.styles import Font

    ws = wb.create_sheet(INFO_SHEET)
    for letter, width in zip("ABCDE", (14, 8, 40, 24, 24), strict=True):
        ws.column_dimensions[letter].width = width
    ws["A1"] = _("Samlinger og oppgaver")
    ws["A1"].font = Font(bold=True, size=14)
    row = 3
    for unit in spec.units:
        put_text(ws.cell(row=row, column=1), unit.name)
        ws.cell(row=row, column=1).font = Font(bold=True, size=12)
        row += 1
        ws.cell(row=row, column=1, value=_("Kommende samlinger")).font = Font(bold=True)
        row += 1
        if not unit.gatherings:
            ws.cell(row=row, column=1, value=_("Ingen planlagte samlinger registrert."))
            row += 1
        for g in unit.gatherings:
            ws.cell(row=row, column=1, value=format_date(g.starts_at))
            ws.cell(row=row, column=2, value=format_time(g.starts_at))
            put_text(ws.cell(row=row, column=3), g.title)
            put_text(ws.cell(row=row, column=4), g.place)
            put_text(ws.cell(row=row, column=5), g.network)
            row += 1
        row += 1
        ws.cell(row=row, column=1, value=_("Åpne oppgaver")).font = Font(bold=True)
        row += 1
        if not unit.tasks:
            ws.cell(row=row, column=1, value=_("Ingen åpne oppgaver."))
            row += 1
        for t in unit.tasks:
            ws.cell(row=row, column=1, value=format_date(t.due_date) if t.due_date else _("uten frist"))
            put_text(ws.cell(row=row, column=3), t.title)
            put_text(ws.cell(row=row, column=4), t.for_whom)
            put_text(ws.cell(row=row, column=5), t.description)
            row += 1
        row += 1
    _protect(ws)

"""Report PDF sections on how the work was done (storage/services/report_context.py): staff reached per
role with the definition of «nådd» beside it, the vignette sessions held, and the reflection templates
used at gatherings. Each is a function from ReportData to flowables, like report_pdf_sections.
"""

from __future__ import annotations

from storage.formatting import format_date, format_number
from storage.i18n import _
from storage.services.report_data import ReportData

from .pdf_base import data_table, para
from .report_pdf_sections import Heading, _w, bold

#: What «nådd» means, printed where the figures are shown.
REACH_DEFINITION = (
    "Slik er «nådd» regnet: for hver enhet teller den største enkeltøkta i semesteret – øktlogg eller samling – "
    "ikke summen av øktene, fordi de samme ansatte kommer igjen. Tallet måler hvor mange som har vært med "
    "(eksponering), ikke hvor mye hver enkelt har deltatt, og er et minstetall. Andelen regnes av enhetens "
    "registrerte antall ansatte slik det står nå, også for tidligere semestre; mangler det, brukes det høyeste "
    "antallet ansatte som er oppgitt i semesterets øktlogger. Per rolle teller den største samlingen for hver "
    "enhet og rolle.")


def reach_by_role(d: ReportData, h: Heading) -> list:
    roles = d.context.reach_by_role
    out = h(_("Ansatte nådd etter rolle"), 2)
    if any(r.people for r in roles):
        rows = [[_("Rolle"), _("Ansatte nådd (minst)")], *[[r.role, format_number(r.people)] for r in roles]]
        rows.append([bold(_("I alt")), bold(format_number(sum(r.people for r in roles)), True)])
        out.append(data_table(rows, col_widths=_w(0.6, 0.4), align_right=(1,)))
    else:
        out.append(para(_("Det er ikke registrert oppmøte fra enhetenes ansatte på gjennomførte samlinger i "
                          "rapportperioden."), "note"))
    out.append(para(_(REACH_DEFINITION), "note"))
    return out


def templates_used(d: ReportData, h: Heading) -> list:
    out = h(_("Refleksjonsmaler brukt på samlinger"), 2)
    if d.context.templates:
        out.append(data_table([[_("Refleksjonsmal"), _("Samlinger")],
                               *[[t.template, format_number(t.gatherings)] for t in d.context.templates]],
                              col_widths=_w(0.75, 0.25), align_right=(1,)))
    else:
        out.append(para(_("Ingen gjennomført samling i rapportperioden har registrert en refleksjonsmal."), "note"))
    return out


def vignette_sessions(d: ReportData, h: Heading) -> list:
    out = h(_("Vignettøkter i rapportperioden"), 2)
    if d.context.vignette_sessions:
        rows = [[_("Dato"), _("Vignett"), _("Nettverk"), _("Svar")]]
        rows += [[format_date(s.held_on), s.vignette, s.network or "–", format_number(s.responses)]
                 for s in d.context.vignette_sessions]
        out.append(data_table(rows, col_widths=_w(0.15, 0.43, 0.3, 0.12), align_right=(3,)))
    else:
        out.append(para(_("Det er ikke holdt vignettøkter i rapportperioden."), "note"))
    return out

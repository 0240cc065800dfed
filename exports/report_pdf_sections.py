"""The sections of the report PDF, each a function from ReportData to flowables.

Every figure comes from the ReportData; every text a user typed goes through `pdf_base.escape` (via
`para`/`data_table`). ReportLab is imported inside the functions.
"""

from __future__ import annotations

from collections.abc import Callable

from storage.enums import GatheringLevel
from storage.formatting import (
    format_change,
    format_date,
    format_kroner,
    format_long_date,
    format_number,
    format_percent,
    format_percent_value,
    percent_points,
    round_half_up,
    semester_title,
    shown_change_points,
)
from storage.i18n import _, ngettext
from storage.semesters import semester_label
from storage.services.report_data import ReportData, VignettePair

from .pdf_base import MM, bar_chart, content_width, data_table, escape, markup, para

#: A heading maker: (text, level) → flowables (a heading with a contents-list mark).
Heading = Callable[[str, int], list]
LEVELS = (GatheringLevel.NATIONAL, GatheringLevel.REGIONAL, GatheringLevel.MUNICIPAL, GatheringLevel.NETWORK,
          GatheringLevel.UNIT)


#: The name report_xlsx imports; the one definition is storage.formatting.semester_title.
short_semester = semester_title


def _w(*fractions: float) -> list[float]:
    width = content_width()
    return [width * f for f in fractions]


def bold(text: str, right: bool = False):
    """A bold table cell (sum rows) in the table's own size."""
    from .pdf_base import escape

    return markup(escape(text), "cell_head_right" if right else "cell_head")


def spacer(height: float = 3 * MM):
    from reportlab.platypus import Spacer

    return Spacer(1, height)


SHORT_CATEGORY = {"resource_person": "Ressursperson", "travel": "Reiser til samlinger",
                  "startup_gathering": "Oppstartssamling", "network_meetings": "Nettverksmøter", "other": "Annet"}


def semester_key(semester: str) -> tuple[str, bool]:
    return semester[:4], semester[4] == "H"


def key_figures(d: ReportData) -> list[tuple[str, str]]:
    """The figures on the summary page, label and value, in the words the PDF and the workbook share."""
    u = d.units
    rows = []
    if d.kind.value != "funds":
        rows += [(_("Enheter som deltar"), format_number(u.total)),
                 (_("Barnehager / skoler / andre enheter"), f"{u.kindergartens} / {u.schools} / {u.others}"),
                 (_("Kommunale / private enheter"), f"{u.public} / {u.private}"),
                 (_("Lærende nettverk"), format_number(len(d.networks))),
                 (_("Samlinger gjennomført"), format_number(d.gatherings_held)),
                 (_("Øktlogger fra enhetene"), format_number(d.log_count)),
                 (_("Vignettøkter / svar"), f"{d.vignette_sessions} / {d.vignette_responses}")]
    return rows + funds_figures(d)


def funds_figures(d: ReportData) -> list[tuple[str, str]]:
    """The money in the report's own time («i semesteret» / «i perioden») and, when the report starts
    after the period does or is made before its last day, the running total «hittil per <dato>»."""
    f, scope = d.funds, d.scope_word
    rows = [(_("Tilskudd for hele perioden"), format_kroner(f.granted)),
            (_("Egenfinansiering {scope}").format(scope=scope), format_kroner(f.own))]
    if f.as_of is None:
        return rows + [(_("Brukt {scope}").format(scope=scope), format_kroner(f.spent)),
                       (_("Igjen av tilskuddet"), format_kroner(f.remaining))]
    day = format_long_date(f.as_of)
    if f.running or not d.is_open:  # an open report without a later start has one figure: «hittil»
        rows.append((_("Brukt {scope}").format(scope=scope), format_kroner(f.spent)))
    if f.running:
        until = semester_label(d.semesters[-1])
        rows.append((_("Egenfinansiering hittil (til og med {semester})").format(semester=until),
                     format_kroner(f.own_to_date)))
    if f.running or d.is_open:
        rows.append((_("Brukt hittil per {day}").format(day=day), format_kroner(f.spent_to_date)))
    rows.append((_("Igjen av tilskuddet per {day}").format(day=day), format_kroner(f.remaining)))
    return rows


def summary(d: ReportData, h: Heading) -> list:
    out = h(_("Sammendrag"), 1)
    if d.kind.value == "funds":
        out.append(para(_("Oversikten viser bruken av tilskuddet og egenfinansieringen i {name} kommune for hele "
                          "perioden {period}. Tallene gjelder til og med {day}.").format(
            name=d.municipality, period=d.period_label, day=format_long_date(d.as_of or d.today))))
    else:
        out.append(para(_("Rapporten gjelder {scope}, og tallene gjelder til og med {day}. Alle tall er talt opp "
                          "fra registreringene i Nettverkslogg: enheter, samlinger med oppmøte, øktlogger fra "
                          "enhetenes egne økter, vignettsvar og utgifter. Ingen tall er anslag.").format(
            scope=d.scope_label, day=format_long_date(d.as_of or d.today))))
    if d.time_notice and d.kind.value != "funds":  # the funds report's cover is on the same page
        out.append(para(d.time_notice, "warning"))
    if d.funds.warning and d.has_data:
        out.append(para(d.funds.warning, "warning"))
    out.append(data_table([[_("Nøkkeltall"), _("Verdi")], *key_figures(d)], col_widths=_w(0.62, 0.38),
                          align_right=(1,)))
    return out


def organisation(d: ReportData, h: Heading) -> list:
    out = h(_("Organisering"), 1)
    roles = _(" og ").join(d.roles) if d.roles else _("deltaker")
    out.append(para(_("{name} deltar som {roles} i pulje {cohort}.").format(
        name=d.municipality, roles=roles, cohort=d.cohort)))
    out += h(_("Ressurspersoner"), 2)
    if d.resource_persons:
        people = ngettext("{n} ressursperson", "{n} ressurspersoner", d.resource_people).format(n=d.resource_people)
        out.append(para(ngettext("{people} i perioden, med denne stillingsandelen:",
                                 "{people} i perioden, med disse stillingsandelene:",
                                 len(d.resource_persons)).format(people=people)))
        out.append(data_table([[_("Område"), _("Stillingsandel")],
                               *[[area, format_percent_value(pct)] for area, pct in d.resource_persons]],
                              col_widths=_w(0.6, 0.4), align_right=(1,)))
    else:
        out.append(para(_("Det er ikke registrert ressurspersoner for perioden."), "note"))
    out += h(_("Lærende nettverk"), 2)
    if d.networks:
        rows = [[_("Nettverk"), _("Målgruppe"), _("Ledes av"), _("Barnehager"), _("Skoler"), _("Andre")]]
        rows += [[n.name, n.target, n.leader or "–", n.kindergartens, n.schools, n.others] for n in d.networks]
        out.append(data_table(rows, col_widths=_w(0.25, 0.14, 0.26, 0.15, 0.11, 0.09), align_right=(3, 4, 5)))
    else:
        out.append(para(_("Det er ikke registrert lærende nettverk."), "note"))
    return out


def units_sentence(d: ReportData) -> str:
    """The units the report counts (report_data.UnitFigures), with singular and plural right and the
    archived ones named."""
    u = d.units
    text = _("{total} deltok {scope}: {kg}, {sch} og {oth} (for eksempel PP-tjenesten).").format(
        total=ngettext("{n} enhet", "{n} enheter", u.total).format(n=u.total), scope=d.scope_word,
        kg=ngettext("{n} barnehage", "{n} barnehager", u.kindergartens).format(n=u.kindergartens),
        sch=ngettext("{n} skole", "{n} skoler", u.schools).format(n=u.schools),
        oth=ngettext("{n} annen enhet", "{n} andre enheter", u.others).format(n=u.others))
    if u.archived:
        text += " " + ngettext("{n} av dem er arkivert senere, men er med fordi den var aktiv {scope}.",
                               "{n} av dem er arkivert senere, men er med fordi de var aktive {scope}.",
                               u.archived).format(n=u.archived, scope=d.scope_word)
    text += " " + _("{net} er med i et lærende nettverk, og {act} har registrert øktlogger eller oppmøte på "
                    "samlinger {scope}.").format(net=u.in_networks, act=u.active, scope=d.scope_word)
    return text


def participation(d: ReportData, h: Heading) -> list:
    u = d.units
    out = h(_("Deltakelse"), 1)
    out.append(para(units_sentence(d)))
    out.append(data_table([[_("Enheter"), _("Kommunale"), _("Private"), _("I alt")],
                           [_("Barnehager"), u.public_kindergartens, u.private_kindergartens, u.kindergartens],
                           [_("Skoler"), u.public_schools, u.private_schools, u.schools],
                           [_("Andre enheter"), u.public_others, u.private_others, u.others],
                           [bold(_("Alle enheter")), bold(str(u.public), True), bold(str(u.private), True),
                            bold(str(u.total), True)]],
                          col_widths=_w(0.4, 0.2, 0.2, 0.2), align_right=(1, 2, 3)))
    if u.schools:
        out.append(spacer(2 * MM))
        out.append(para(_("Skoler med barnetrinn: {p}. Skoler med ungdomstrinn: {l}.").format(
            p=u.primary, l=u.lower_secondary), "note"))
    out += h(_("Ansatte nådd"), 2)
    out.append(para(_("«Nådd» er for hver enhet det største antallet ansatte på én økt eller én samling i semesteret, "
                      "høyst enhetens antall ansatte. Det er et nøkternt minimum, ikke et anslag.")))
    rows = [[_("Semester"), _("Ansatte nådd"), _("Ansatte i alt"), _("Andel"), _("Enheter med minst halvparten")]]
    for r in d.semester_rows:
        rows.append([semester_title(r.semester), format_number(r.reached), format_number(r.staff_known),
                     format_percent(r.reached / r.staff_known if r.staff_known else None), r.units_half_or_more])
    out.append(data_table(rows, col_widths=_w(0.24, 0.17, 0.17, 0.12, 0.3), align_right=(1, 2, 3, 4)))
    out += h(_("Oppmøte på samlinger etter rolle"), 2)
    if d.attendance_by_role:
        out.append(data_table([[_("Rolle"), _("Oppmøter på gjennomførte samlinger")],
                               *[[label, format_number(n)] for label, n in d.attendance_by_role],
                               [bold(_("I alt")), bold(format_number(sum(n for _l, n in d.attendance_by_role)), True)]],
                              col_widths=_w(0.6, 0.4), align_right=(1,)))
        out.append(spacer(2 * MM))
        leaders = sum(r.leaders for r in d.semester_rows)
        others = sum(r.other_staff for r in d.semester_rows)
        out.append(para(_("Ledere (styrer/rektor): {leaders} oppmøter. Andre ansatte: {others} oppmøter. En person "
                          "som kom på flere samlinger, telles én gang per samling.").format(
            leaders=format_number(leaders), others=format_number(others)), "note"))
        if len(d.semester_rows) > 0:
            out.append(bar_chart([semester_title(r.semester) for r in d.semester_rows],
                                 [(_("Ledere"), [r.leaders for r in d.semester_rows]),
                                  (_("Andre ansatte"), [r.other_staff for r in d.semester_rows])],
                                 value_max=None, value_suffix="", height=58 * MM))
            out.append(para(_("Figur: oppmøter på gjennomførte samlinger per semester, ledere og andre ansatte."),
                            "small"))
    else:
        out.append(para(_("Det er ikke registrert oppmøte på samlinger i rapportperioden."), "note"))
    return out


def gatherings(d: ReportData, h: Heading) -> list:
    out = h(_("Samlinger og forpliktelser"), 1)
    header = [_("Semester"), *[level.label for level in LEVELS], _("I alt"), _("Avlyst")]
    rows = [header]
    for r in d.semester_rows:
        rows.append([semester_title(r.semester), *[r.held_by_level.get(level.value, 0) for level in LEVELS],
                     r.held, r.cancelled])
    rows.append([bold(_("Sum")),
                 *[bold(format_number(sum(r.held_by_level.get(level.value, 0) for r in d.semester_rows)), True)
                   for level in LEVELS],
                 bold(format_number(d.gatherings_held), True), bold(format_number(sum(r.cancelled for r in d.semester_rows)), True)])
    out.append(para(_("Gjennomførte samlinger per nivå og semester:")))
    out.append(data_table(rows, col_widths=_w(0.15, 0.13, 0.13, 0.13, 0.13, 0.11, 0.11, 0.11),
                          align_right=range(1, 8)))
    out += obligation_groups(d, h)
    return out


def obligations_headline(d: ReportData) -> str:
    """«17 av 23 krav i tilskuddsbrevet er oppfylt. 2 er planlagt, men ikke holdt ennå.» Only held
    gatherings meet a requirement; advice is not counted."""
    required = [o for o in d.obligations if o.group == "requirement" and o.status != "not_applicable"]
    met = sum(1 for o in required if o.status == "met")
    planned = sum(1 for o in required if o.status == "planned")
    text = _("{met} av {counted} krav i tilskuddsbrevet er oppfylt.").format(met=met, counted=len(required))
    if planned:
        text += " " + _("{n} er planlagt, men ikke holdt ennå.").format(n=planned)
    return text


def obligation_groups(d: ReportData, h: Heading) -> list:
    """The obligations in two groups: Udir's requirements, and the app's own advice (never «I fare»)."""
    out = h(_("Krav i tilskuddsbrevet"), 2)
    out.append(para(obligations_headline(d)))
    if d.semester_rows:
        out.append(bar_chart([semester_title(r.semester) for r in d.semester_rows],
                             [(_("Oppfylt"), [r.obligations_met for r in d.semester_rows]),
                              (_("Planlagt"), [r.obligations_planned for r in d.semester_rows]),
                              (_("I fare"), [r.obligations_at_risk for r in d.semester_rows]),
                              (_("Mangler"), [r.obligations_missing for r in d.semester_rows])],
                             value_max=None, value_suffix="", height=52 * MM,
                             colours=("#7aa95c", "#7a9cc6", "#e08a2e", "#c94f4f")))
        out.append(para(_("Figur: krav i tilskuddsbrevet per semester etter status."), "small"))
    header = [_("Semester"), _("Forpliktelse"), _("Status"), _("Begrunnelse")]
    rows = [[semester_title(o.semester), o.obligation, o.status_label, o.reason]
            for o in d.obligations if o.group == "requirement"]
    out.append(data_table([header, *rows], col_widths=_w(0.15, 0.24, 0.12, 0.49)))
    advice = [[semester_title(o.semester), o.obligation, o.status_label, o.reason]
              for o in d.obligations if o.group == "advice"]
    if advice:
        out += h(_("Råd fra Nettverkslogg"), 2)
        out.append(para(_("Dette er ikke krav fra Udir, men råd som Nettverkslogg gir for å holde arbeidet i rute: "
                          "at både barnetrinn og ungdomstrinn er med (Udir anbefaler det), at planen oppdateres "
                          "hvert semester, og at midlene brukes i jevnt tempo.")))
        out.append(data_table([header, *advice], col_widths=_w(0.15, 0.24, 0.12, 0.49)))
    return out


def more_row(more: int) -> list[list[str]]:
    """The last row of a top list that left items out: «og 3 til» (with fewer uses each)."""
    if not more:
        return []
    return [[_("og {n} til").format(n=more), ""]]


def themes(d: ReportData, h: Heading) -> list:
    out = h(_("Temaer i arbeidet"), 1)
    out.append(para(_("Antall gjennomførte samlinger der temaet sto på programmet. En samling kan ha flere temaer.")))
    out.append(data_table([[_("Forebygge, avdekke, håndtere"), _("Samlinger")],
                           *[[t.capitalize(), n] for t, n in d.goal_themes]],
                          col_widths=_w(0.7, 0.3), align_right=(1,)))
    out.append(para(""))
    out.append(data_table([[_("Nasjonale temaer for barnehagen"), _("Samlinger")],
                           *[[t.capitalize(), n] for t, n in d.national_themes]],
                          col_widths=_w(0.7, 0.3), align_right=(1,)))
    if d.other_themes:
        out.append(para(""))
        out.append(data_table([[_("Andre temaer"), _("Samlinger")], *[[t.capitalize(), n] for t, n in d.other_themes],
                               *more_row(d.other_themes_more)],
                              col_widths=_w(0.7, 0.3), align_right=(1,)))
    out += h(_("Kartlegging"), 2)
    if d.mapping_tools:
        out.append(para(_("Kartleggings- og refleksjonsverktøy i bruk: {tools}.").format(
            tools=", ".join(d.mapping_tools))))
    if d.mapping_text:
        out.append(para(_("Fra planen:"), "note"))
        out.append(para(d.mapping_text, "quote"))
    if not d.mapping_tools and not d.mapping_text:
        out.append(para(_("Planen beskriver ikke kartlegging ennå."), "note"))
    return out


def involvement(d: ReportData, h: Heading) -> list:
    out = h(_("Involvering av barn, elever, foreldre og PPT"), 1)
    parents = sum(r.parents for r in d.semester_rows)
    ppt = sum(r.ppt for r in d.semester_rows)
    out.append(data_table([[_("Involvering"), _("Antall")],
                           [_("Øktlogger der barn/elever var involvert"), d.logs_with_children],
                           [_("Øktlogger der foreldre var involvert"), d.logs_with_parents],
                           [_("Foreldremøter gjennomført"), d.parent_meetings],
                           [_("Foreldre til stede på samlinger (oppmøter)"), parents],
                           [_("PPT til stede på samlinger (oppmøter)"), ppt],
                           [_("Samlinger med PPT til stede"), d.gatherings_with_ppt]],
                          col_widths=_w(0.75, 0.25), align_right=(1,)))
    return out


def _vignette_pair(pair: VignettePair, h: Heading) -> list:
    out = h(_("{vignette} – {network}").format(vignette=pair.vignette, network=pair.network), 2)
    out.append(para(_("Sammenlignet: {before} ({bday}, {bn}) og {after} ({aday}, {an}). Tallene er andeler av de "
                      "kodede svarene med hver kode, alle svarte.").format(
        before=pair.before_title, bday=format_date(pair.before_on),
        bn=ngettext("{n} kodet svar", "{n} kodede svar", pair.before_coded).format(n=pair.before_coded),
        after=pair.after_title, aday=format_date(pair.after_on),
        an=ngettext("{n} kodet svar", "{n} kodede svar", pair.after_coded).format(n=pair.after_coded))))
    charted = [c for c in pair.changes if c.biggest]
    if charted:
        out.append(bar_chart([f"{c.code}" for c in charted],
                             [(_("Før"), [percent_points(c.before) or 0 for c in charted]),
                              (_("Etter"), [percent_points(c.after) or 0 for c in charted])],
                             height=62 * MM))
        out.append(para(_("Figur: koden med størst endring i hver dimensjon, før og etter."), "small"))
    rows = [[_("Dimensjon"), _("Kode"), _("Før"), _("Etter"), _("Endring (poeng)")]]
    for c in pair.changes:
        rows.append([c.dimension, c.code, format_percent(c.before), format_percent(c.after),
                     format_change(shown_change_points(c.before, c.after))])
    for label, before, after in pair.means:
        shown = None if before is None or after is None else (
            round_half_up(after, 1) - round_half_up(before, 1))  # the difference of the shown means
        rows.append([label, _("Gjennomsnitt"), format_number(before, 1), format_number(after, 1),
                     format_change(shown, 1)])
    out.append(data_table(rows, col_widths=_w(0.28, 0.28, 0.12, 0.12, 0.2), align_right=(2, 3, 4)))
    for warning in pair.warnings:
        out.append(para(warning, "warning"))
    return out


def vignettes(d: ReportData, h: Heading) -> list:
    out = h(_("Vignettresultater før og etter"), 1)
    if not d.vignettes:
        out.append(para(_("{sessions} vignettøkter med {responses} svar i rapportperioden. Ingen vignett er brukt i to "
                          "økter med kodede svar i samme nettverk ennå, så det finnes ingen før–etter-sammenligning.").format(
            sessions=d.vignette_sessions, responses=d.vignette_responses)))
        return out
    out.append(para(_("{sessions} vignettøkter med {responses} svar i rapportperioden. Når samme vignett er brukt "
                      "flere ganger i samme nettverk, sammenlignes den første og den siste økten som har kodede "
                      "svar, så det er de samme gruppene som sammenlignes. Tallene er andeler av kodede svar; "
                      "ingen enkeltsvar er gjengitt.").format(sessions=d.vignette_sessions,
                                                            responses=d.vignette_responses)))
    for pair in d.vignettes:
        out += _vignette_pair(pair, h)
    return out


def session_logs(d: ReportData, h: Heading) -> list:
    out = h(_("Arbeidet i enhetene (øktlogger)"), 1)
    out.append(para(_("{units} har logget {logs} (personalmøter, refleksjonsgrupper o.l.) {scope}, til sammen "
                      "{hours} timer.").format(
        units=ngettext("{n} enhet", "{n} enheter", d.log_units).format(n=d.log_units),
        logs=ngettext("{n} egen økt", "{n} egne økter", d.log_count).format(n=format_number(d.log_count)),
        scope=d.scope_word, hours=format_number(d.log_hours))))
    rows = [[_("Semester"), _("Øktlogger"), _("Deltakere i alt")]]
    rows += [[semester_title(r.semester), format_number(r.logs), format_number(r.log_participants)] for r in d.semester_rows]
    rows.append([bold(_("Sum")), bold(format_number(d.log_count), True),
                 bold(format_number(sum(r.log_participants for r in d.semester_rows)), True)])
    out.append(data_table(rows, col_widths=_w(0.4, 0.3, 0.3), align_right=(1, 2)))
    if d.log_themes:
        out += h(_("Temaer som ble brukt oftest"), 2)
        out.append(data_table([[_("Tema"), _("Økter")], *[[t, n] for t, n in d.log_themes],
                               *more_row(d.log_themes_more)],
                              col_widths=_w(0.8, 0.2), align_right=(1,)))
    if d.log_methods:
        out += h(_("Arbeidsmåter som ble brukt oftest"), 2)
        out.append(data_table([[_("Arbeidsmåte"), _("Økter")], *[[t, n] for t, n in d.log_methods],
                               *more_row(d.log_methods_more)],
                              col_widths=_w(0.8, 0.2), align_right=(1,)))
    return out


def funds(d: ReportData, h: Heading) -> list:
    f = d.funds
    out = h(_("Bruk av midler"), 1)
    if f.grants:
        out.append(data_table([[_("Tilskudd"), _("Beløp"), _("Andel"), _("Tildelt")],
                               *[[basis, format_kroner(amount), format_percent_value(share), format_kroner(granted)]
                                 for basis, amount, share, granted in f.grants],
                               [bold(_("Sum tildelt")), "", "", bold(format_kroner(f.granted), True)]],
                              col_widths=_w(0.4, 0.2, 0.15, 0.25), align_right=(1, 2, 3)))
        out.append(para(""))
    rows = [[_("Utgiftskategori"), _("Fra tilskudd"), _("Egenfinansiering"), _("I alt")]]
    rows += [[line.label, format_kroner(line.grant), format_kroner(line.own), format_kroner(line.total)]
             for line in f.lines]
    rows.append([bold(_("Sum brukt")), bold(format_kroner(f.spent_from_grant), True),
                 bold(format_kroner(f.spent_from_own), True), bold(format_kroner(f.spent), True)])
    out.append(data_table(rows, col_widths=_w(0.39, 0.19, 0.23, 0.19), align_right=(1, 2, 3)))
    out.append(spacer())
    day = format_long_date(f.as_of or d.today)
    out.append(para(_("Brukt {scope}: {used} av tilskuddet og {own_used} av egenfinansieringen ({own} er lagt inn "
                      "{scope}).").format(scope=d.scope_word, used=format_kroner(f.spent_from_grant),
                                          own_used=format_kroner(f.spent_from_own), own=format_kroner(f.own))))
    if f.running:
        out.append(para(_("Hittil per {day}, fra periodens start: brukt {spent}, av det {used} av tilskuddet.").format(
            day=day, spent=format_kroner(f.spent_to_date), used=format_kroner(f.spent_to_date_from_grant))))
    out.append(para(_("Tilskuddet for hele perioden er {granted}. Igjen av tilskuddet per {day}: {left}.").format(
        granted=format_kroner(f.granted), day=day, left=format_kroner(f.remaining))))
    if f.lines and f.spent:
        out.append(bar_chart([_(SHORT_CATEGORY.get(line.category, line.label)) for line in f.lines],
                             [(_("Fra tilskudd"), [round(line.grant / 1000) for line in f.lines]),
                              (_("Egenfinansiering"), [round(line.own / 1000) for line in f.lines])],
                             value_max=None, value_suffix="", height=66 * MM))
        out.append(para(_("Figur: brukt per utgiftskategori, i tusen kroner."), "small"))
    if f.own_by_semester:
        out.append(data_table([[_("Egenfinansiering per semester"), _("Beløp")],
                               *[[semester_title(s), format_kroner(a)]
                                 for s, a in sorted(f.own_by_semester, key=lambda p: semester_key(p[0]))]],
                              col_widths=_w(0.6, 0.4), align_right=(1,)))
    if f.warning:
        out.append(para(f.warning, "warning"))
    return out


def own_text(title: str, text: str, h: Heading, level: int = 1) -> list:
    out = h(title, level)
    if text and text.strip():
        out += [para(chunk.strip()) for chunk in text.strip().split("\n\n") if chunk.strip()]
    else:
        out.append(para(_("(Ikke skrevet ennå.)"), "note"))
    return out


def _figure_text(value: int | float, unit: str) -> str:
    from .report_figures import HOURS, KRONER, PERCENT

    if unit == KRONER:
        return format_kroner(int(value))
    if unit == PERCENT:
        return f"{format_number(value)}\u00a0%"
    if unit == HOURS:
        return format_number(float(value)) if isinstance(value, float) else format_number(value)
    return format_number(value)


def county_overview(reports: list[ReportData], h: Heading) -> list:
    """One row per municipality with the same figures as the county workbook's «Oversikt», in a table per
    group of figures, each with the county's totals."""
    from .report_figures import figures, overview_groups

    out = h(_("Oversikt over kommunene"), 1)
    out.append(para(_("Én rad per kommune og fylkets sum. De samme tallene ligger i Excel-arbeidsboka, der arket "
                      "«Tall» har én rad per kommune per tall.")))
    values = [{f.key: f.value for f in figures(d, county=True)} for d in reports]
    for title, columns in overview_groups(reports[0].kind, short=True):
        rows = [[_("Kommune"), *[markup(escape(label), "cell_head_narrow") for _key, label, _unit in columns]]]
        for d, figure in zip(reports, values, strict=True):
            rows.append([d.municipality, *[_figure_text(figure[key], unit) for key, _label, unit in columns]])
        rows.append([bold(_("Fylket i alt")),
                     *[bold(_figure_text(sum(v[key] for v in values), unit), True) for key, _label, unit in columns]])
        first = 0.2
        rest = (1 - first) / len(columns)
        out += h(title, 2)
        out.append(data_table(rows, col_widths=_w(first, *[rest] * len(columns)),
                              align_right=range(1, len(columns) + 1)))
    return out


def county_part(d: ReportData, h: Heading) -> list:
    """A municipality's part of a county-wide run: key figures, gatherings and obligations per semester,
    funds per category (the full sections are in the municipality's own report)."""
    out = [data_table([[_("Nøkkeltall"), _("Verdi")], *key_figures(d)], col_widths=_w(0.62, 0.38),
                      align_right=(1,))]
    if not d.has_data:
        out.append(para(d.empty_reason or "", "warning"))
        return out
    semester_rows = () if d.kind.value == "funds" else d.semester_rows
    rows = [[_("Semester"), _("Samlinger"), _("Øktlogger"), _("Ansatte nådd"), _("Oppfylt"), _("I fare"),
             _("Mangler")]]
    rows += [[semester_title(r.semester), r.held, r.logs, f"{r.reached} / {r.staff_known}", r.obligations_met,
              r.obligations_at_risk, r.obligations_missing] for r in semester_rows]
    if semester_rows:
        out += [spacer(), data_table(rows, col_widths=_w(0.2, 0.13, 0.13, 0.16, 0.13, 0.12, 0.13),
                                     align_right=range(1, 7))]
    rows = [[_("Utgiftskategori"), _("Fra tilskudd"), _("Egenfinansiering"), _("I alt")]]
    rows += [[line.label, format_kroner(line.grant), format_kroner(line.own), format_kroner(line.total)]
             for line in d.funds.lines]
    rows.append([bold(_("Sum brukt")), bold(format_kroner(d.funds.spent_from_grant), True),
                 bold(format_kroner(d.funds.spent_from_own), True), bold(format_kroner(d.funds.spent), True)])
    out += [spacer(), data_table(rows, col_widths=_w(0.39, 0.19, 0.23, 0.19), align_right=(1, 2, 3))]
    return out

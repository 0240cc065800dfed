"""The development plan: two versions with the sections the programme asks for, and the reason for each."""

from __future__ import annotations

from datetime import date

from ..enums import UnitKind
from ..formatting import format_date, format_number
from ..models import Plan, PlanVersion
from ..semesters import semester_label
from .world import MuniInfo
from .writer import Writer, make_rng, new_id, stamp

#: Section keys of a plan version (the same keys as the plan service, storage/services/plans.py).
PLAN_SECTIONS = ("organisation", "all_units_benefit", "financing_and_implementation", "involvement",
                 "participating_units", "mapping")
REASONS = (
    "Første versjon, behandlet i styringsgruppa",
    "Justert etter første semester: faste refleksjonsgrupper for alle ansatte og ny finansiering",
)
GOALS = (
    ("En felles forståelse av å forebygge, avdekke og håndtere mobbing og krenkelser",
     ["Lokal oppstartssamling for alle enheter", "Rutinen for aktivitetsplikten gjennomgått i alle enheter"]),
    ("Alle ansatte kjenner rutinen for aktivitetsplikten og bruker den likt",
     ["Refleksjonsøkter med vignetter i alle personalgrupper", "Øktlogg fra hver enhet etter hver økt"]),
    ("Fra enkeltsaker til systemrettet arbeid med barne- og elevgrupper",
     ["PPT deltar i nettverkene", "Kartlegging brukes som grunnlag for tiltak"]),
    ("Varig praksis etter perioden",
     ["Nettverkene videreføres i kommunens kompetanseplan", "Sluttevaluering med enhetene"]),
)


def _roles(muni: MuniInfo) -> str:
    if muni.kindergarten_authority and muni.school_owner:
        return "barnehagemyndighet og skoleeier"
    return "barnehagemyndighet" if muni.kindergarten_authority else "skoleeier"


def _sections(muni: MuniInfo, grant: int, own_per_semester: int, version: int) -> dict[str, str]:
    kindergartens = [u for u in muni.units if u.kind == UnitKind.KINDERGARTEN]
    schools = [u for u in muni.units if u.kind in (UnitKind.SCHOOL, UnitKind.COMBINED)]
    networks = ", ".join(n.name for n in muni.networks)
    count = len(muni.resource_persons)
    people = {1: "én ressursperson", 2: "to ressurspersoner", 3: "tre ressurspersoner"}.get(
        count, f"{count} ressurspersoner")
    organisation = (
        f"{muni.name} kommune deltar som {_roles(muni)} i pulje 7. Arbeidet ledes av en styringsgruppe med "
        f"kommunalsjef for oppvekst, leder for PP-tjenesten og {people}. En arbeidsgruppe med styrere og "
        f"rektorer planlegger samlingene. Satsingen er forankret i kommunens plan for oppvekst og er lagt fram "
        f"for hovedutvalget. Ressurspersonene leder de lærende nettverkene: {networks}.")
    all_units = (
        f"Alle {len(muni.units)} enhetene er med i minst ett nettverk. Hver enhet sender leder og minst én pedagog "
        "til samlingene, og disse har ansvar for å ta innholdet videre på personalmøter og i refleksjonsgrupper. "
        "Enhetene fører øktlogg, slik at vi kan telle hvor mange ansatte som faktisk er nådd, ikke bare hvem som "
        "var på samling.")
    if any(u.ownership == "private" for u in kindergartens):
        all_units += " De private barnehagene er invitert på lik linje med de kommunale."
    financing = (
        f"Tilskuddet på {format_number(grant)} kroner dekker i hovedsak frikjøp av ressurspersonene og reiser til "
        f"nasjonale og regionale samlinger. Kommunen legger inn om lag {format_number(own_per_semester)} kroner per "
        f"semester i egenfinansiering, blant annet til vikarer og møtetid. Lokal oppstartssamling holdes "
        f"{semester_label(muni.semesters[0])}. Midlene skal være brukt innen {format_date(muni.period_end)}.")
    involvement = (
        "Barna involveres gjennom barnesamtaler og observasjon av lek. " if kindergartens else "")
    if schools:
        involvement += ("Elevene involveres gjennom elevråd og klassemøter, og skolene bruker Elevundersøkelsen "
                        "og Ståstedsanalysen som grunnlag for tiltak. ")
    involvement += ("Foreldrene får informasjon på foreldremøter, og foreldrerådene er invitert til den lokale "
                    "oppstartssamlingen. PP-tjenesten deltar i nettverkene og bidrar med systemrettet veiledning.")
    units = []
    if kindergartens:
        units.append("Barnehager: " + ", ".join(
            u.name + (" (privat)" if u.ownership == "private" else "") for u in kindergartens))
    if schools:
        units.append("Skoler: " + ", ".join(f"{u.name} ({u.stages.replace('-', '–')})" for u in schools if u.stages))
    units += [u.name for u in muni.units if u.kind == UnitKind.PPT]
    if version >= 2:
        organisation += " Fra våren 2026 møtes styringsgruppa to ganger i semesteret."
        all_units += (" Etter underveisvurderingen har vi lagt inn faste refleksjonsgrupper for fagarbeidere "
                      "og assistenter, fordi kompetansen ellers ble værende hos lederne.")
        financing += " Egenfinansieringen er økt for å dekke vikarer når assistenter deltar i refleksjonsgrupper."
    mapping = ("Barnehagene bruker en felles refleksjonsmal og observasjon av lek som grunnlag for arbeidet. "
               if kindergartens else "")
    if schools:
        mapping += ("Skolene bruker resultatene fra Elevundersøkelsen og Ståstedsanalysen, og noen team prøver "
                    "RefLex. ")
    mapping += "Vignetter brukes tidlig og sent i perioden, slik at vi kan se om svarene endrer seg."
    return {"organisation": organisation, "all_units_benefit": all_units, "financing_and_implementation": financing,
            "involvement": involvement, "participating_units": "\n".join(units), "mapping": mapping}


def make_plan(w: Writer, seed: int, muni: MuniInfo, grant: int, own: list[int], versions: int = 2) -> None:
    """The plan with `versions` versions; version 2 raises own financing to what was actually granted."""
    rng = make_rng(seed, "plan", muni.index)
    plan_id = new_id(rng)
    created = date(muni.period_start.year, 9, 15)
    w.add(Plan, {"id": plan_id, "participation_id": muni.participation_id,
                 "title": f"Plan for kompetanseutvikling: Inkluderende barnehage- og skolemiljø "
                          f"{muni.period_start.year}–{muni.period_end.year}",
                 "created_at": stamp(created, w.today, 10), "updated_at": stamp(created, w.today, 10)})
    first_own = own[0] // 1000 * 1000
    later_own = sum(own[1:]) // max(1, len(own) - 1) // 1000 * 1000
    goals = [{"semester": semester, "goal": GOALS[i % len(GOALS)][0], "measures": list(GOALS[i % len(GOALS)][1])}
             for i, semester in enumerate(muni.semesters)]
    for version in range(1, versions + 1):
        day = created if version == 1 else date(muni.period_start.year + 1, 2, rng.randint(3, 20))
        w.add(PlanVersion, {"id": new_id(rng), "plan_id": plan_id, "version": version,
                            "reason": REASONS[min(version, len(REASONS)) - 1],
                            "sections": _sections(muni, grant, first_own if version == 1 else later_own,
                                                  version),
                            "goals": goals, "created_at": stamp(day, w.today, 11),
                            "updated_at": stamp(day, w.today, 11)})

"""Norwegian phrase banks for networks, gatherings and tasks (all text written for the demo)."""

from __future__ import annotations

import random

from ..content import GOAL_THEMES

KINDERGARTEN_THEMES = (
    "barnehagen som pedagogisk virksomhet", "kommunikasjon og språk",
    "et inkluderende miljø for omsorg, lek, læring og danning", "barnehagens verdigrunnlag",
)
TOPIC_THEMES = {
    "kindergarten": ("voksenrollen", "lek", "vennskap", "aktivitetsplikt", "foreldresamarbeid", "overganger"),
    "school": ("aktivitetsplikt", "klasseledelse", "digital mobbing", "elevmedvirkning", "relasjoner",
               "foreldresamarbeid"),
    "mixed": ("overganger", "aktivitetsplikt", "foreldresamarbeid", "systemperspektiv", "relasjoner"),
}

FOCUS = {
    "kindergarten": [
        "Voksenrollen i frileken: vi følger med på hvem som faller utenfor, og går inn i leken når det trengs.",
        "Språk som inkluderer: hvordan vi snakker med og om barn, og hvordan barna snakker til hverandre.",
        "Aktivitetsplikten i barnehageloven: én felles rutine for å følge med, gripe inn, varsle, undersøke "
        "og sette inn tiltak.",
        "Overgangene i hverdagen – garderobe, måltid og samling – som arenaer for fellesskap.",
        "Vennskap og tilhørighet: alle barn skal ha minst én å leke med.",
        "Barnehagens verdigrunnlag i praksis: likeverd og respekt i møte med mangfold.",
    ],
    "school": [
        "Trygge friminutt: bedre inspeksjon og organiserte aktiviteter for elever som ofte er alene.",
        "Aktivitetsplikten i opplæringsloven: alle ansatte kjenner skolens rutine og bruker den likt.",
        "Digital dømmekraft og krenkelser på nett: samarbeid med foreldre om klassechatter.",
        "Klasseledelse og relasjoner: gode overganger og tydelige forventninger i timene.",
        "Elevundersøkelsen som grunnlag: analysere egne resultater og velge tiltak sammen med elevene.",
        "Elevmedvirkning: elevråd og klassemøter som verktøy for et godt skolemiljø.",
    ],
    "mixed": [
        "Overgangen fra barnehage til skole: hvordan sikrer vi at kunnskap om trivsel og relasjoner følger "
        "barnet?",
        "En felles forståelse av mobbing og krenkelser fra barnehage til ungdomstrinn.",
        "Samarbeid med PP-tjenesten om barn og elever som står utenfor fellesskapet.",
        "Foreldresamarbeid: felles foreldremøter om vennskap og inkludering.",
        "Fra enkeltsaker til system: tiltak for hele barne- og elevgruppa, ikke bare for den ene.",
    ],
}


def network_leader(rng: random.Random, target: str, members) -> str:
    if target == "kindergarten":
        leaders = ["Ressursperson for barnehage"] + [f"Styrer i {u.name}" for u in members[:2]]
    elif target == "school":
        leaders = ["Ressursperson for skole"] + [f"Rektor ved {u.name}" for u in members[:2]]
    else:
        leaders = ["Ressurspersonene sammen med PPT", "Ressursperson for barnehage og PPT"]
    return rng.choice(leaders)[:120]


def network_description(rng: random.Random, target: str, size: int) -> str:
    who = {"kindergarten": "barnehager", "school": "skoler", "mixed": "barnehager, skoler og PPT"}[target]
    rhythm = rng.choice(["hver femte uke", "hver fjerde til sjette uke", "om lag én gang i måneden"])
    place = rng.choice(["på omgang hos deltakerne", "på kommunehuset", "i den største enheten"])
    return (f"Lærende nettverk med {size} enheter ({who}). Møtes {rhythm}, {place}. "
            f"Hver enhet stiller med leder og minst én pedagog, som tar innholdet videre til egne kolleger.")


# --- gatherings ----------------------------------------------------------------------------------

FAGDAG_TOPICS = [
    "Et trygt og godt miljø – hva krever regelverket av oss?",
    "Systemisk arbeid mot mobbing: fra enkeltsak til kultur",
    "Barn og unges stemme: hvordan fanger vi opp det som ikke blir sagt?",
    "Ledelse av utviklingsarbeid: forankring, spredning og varighet",
    "Krenkelser fra voksne: å snakke om det vanskelige",
]
REGIONAL_TOPICS = [
    "Statsforvalterens erfaringer fra klagesaker og tilsyn",
    "Kommunenes planer: erfaringsdeling og veien videre",
    "Hvordan spre kompetansen til alle ansatte – ikke bare de som var på samling",
    "Underveisvurdering: hva har endret seg i barnehager og skoler?",
]
FAGDAG_PLACES = ("Oslo", "Digitalt (Teams)", "Oslo, med strømming til regionene")
REGIONAL_PLACES = ("Statsforvalteren i Vestland, Bergen", "Statsforvalteren i Vestland, Leikanger",
                   "Hotell i Førde")


def fagdag_agenda(topic: str) -> str:
    return ("09.30 Velkommen fra Utdanningsdirektoratet\n"
            f"10.00 Hovedinnlegg: {topic}\n"
            "11.30 Lunsj\n"
            "12.15 Parallelle økter for barnehage og skole\n"
            "14.00 Erfaringsdeling på tvers av kommuner\n"
            "15.00 Forankringsarbeid hjemme: hva tar vi med oss?\n"
            "15.30 Slutt")


def regional_agenda(topic: str) -> str:
    return ("09.00 Velkommen ved statsforvalteren\n"
            f"09.15 {topic}\n"
            "10.45 Arbeid i kommunegrupper: status i egen plan\n"
            "12.00 Lunsj\n"
            "12.45 Verksted: nettverksledelse og refleksjon i personalgrupper\n"
            "14.30 Oppsummering og oppgaver til neste semester\n"
            "15.00 Slutt")


STARTUP_AGENDA = (
    "1. Velkommen ved kommunalsjef for oppvekst\n"
    "2. Hvorfor er vi med? Mål for satsingen i kommunen\n"
    "3. Forebygge, avdekke og håndtere – en felles forståelse\n"
    "4. Innlegg fra PP-tjenesten om systemrettet arbeid\n"
    "5. Organisering: nettverk, roller og møteplan\n"
    "6. Arbeid i nettverksgrupper: hva blir vår første oppgave?"
)

OWNER_REFLECTIONS = [
    "Kommunalsjef var med hele dagen, og det ga tyngde i samtalen om forankring i egen kommune.",
    "Eiernivået var representert, og vi fikk tid til å snakke om hvordan satsingen henger sammen med "
    "andre planer i kommunen.",
    "Vi savnet eiernivået denne gangen; ressurspersonene orienterer kommunalsjef i etterkant.",
]
OBLIGATION_REFLECTIONS = [
    "Hovedinnlegget ga et felles språk som vi kan bruke i nettverkene.",
    "Det mest nyttige var erfaringsdelingen med kommuner som har kommet lenger enn oss.",
    "Flere av deltakerne etterlyste mer tid til å jobbe med egen plan.",
    "Vi fikk konkrete eksempler på hvordan andre sprer innholdet til alle ansatte, ikke bare lederne.",
    "Deltakerne fra barnehagene opplevde at de parallelle øktene var godt tilpasset dem.",
    "Flere rektorer sa at de nå ser tydeligere hvordan aktivitetsplikten skal dokumenteres.",
]
OBLIGATION_DECISIONS = [
    "Ressurspersonene lager en kort oppsummering til styrere og rektorer innen to uker.",
    "Temaet fra dagen tas opp igjen på neste nettverkssamling.",
    "Vi justerer planen for neste semester etter innspillene fra statsforvalteren.",
    "Hver leder presenterer én idé fra samlingen på sitt neste personalmøte.",
]

NETWORK_OPENINGS = [
    "Runde: hva har dere prøvd siden sist, og hva skjedde?",
    "Velkommen og kort status fra hver enhet",
    "Erfaringsdeling fra oppgaven til denne samlingen",
]
NETWORK_WORK = {
    "kindergarten": [
        "Praksisfortellinger fra frileken ute – hvem står utenfor, og hva gjør de voksne?",
        "Gjennomgang av felles rutine for aktivitetsplikten i barnehagene",
        "Vignett og samtale i grupper: barnet som ikke slipper inn i leken",
        "Film om voksenrollen, med refleksjonsspørsmål",
        "Hvordan tar vi innholdet videre til assistentene og vikarene?",
        "Observasjon av overgangssituasjoner: hva så vi i garderoben og ved måltidet?",
    ],
    "school": [
        "Analyse av resultater fra Elevundersøkelsen i grupper",
        "Skolenes rutiner for aktivitetsplikten side om side – hva kan vi lære av hverandre?",
        "Vignett og samtale i grupper: bildet i klassechatten",
        "Inspeksjon og friminutt: kartlegging av steder der elever er utrygge",
        "Klassemøter og elevråd – hvordan bruker vi elevenes stemme?",
        "Ståstedsanalysen: oppfølging av tiltak skolene valgte i fjor",
    ],
    "mixed": [
        "Overgangen barnehage–skole: hva skal følge barnet, og hva skal ikke?",
        "PP-tjenesten om systemrettet arbeid med barne- og elevgrupper",
        "Felles begrepsavklaring: mobbing, krenkelser og utestengning",
        "Foreldremøter om vennskap – erfaringer fra barnehage og skole",
        "Vignett og samtale i blandede grupper fra barnehage og skole",
    ],
}
NETWORK_REFLECTIONS = [
    "Det kom fram at enhetene har kommet ulikt langt, og at det er nyttig å høre hvordan andre har gjort det.",
    "Flere sa at det er lettere å ta opp vanskelige situasjoner når man har et felles språk for dem.",
    "Noen opplevde at oppgaven fra forrige samling var for stor til å rekke mellom samlingene.",
    "Gruppene var enige om at de voksnes blikk for barn og elever som er alene, må skjerpes.",
    "Det ble en god samtale om forskjellen på en enkelthendelse og et mønster over tid.",
    "Deltakerne savnet tid til å jobbe videre i egne grupper; vi setter av mer tid neste gang.",
    "PP-tjenesten bidro med spørsmål som fikk oss til å se på hele gruppa, ikke bare enkeltbarn.",
    "Det er fortsatt en utfordring å nå ut til dem som ikke var med på samlingen.",
    "Flere ledere fortalte at personalet har begynt å bruke rutinen uten at de blir minnet på det.",
    "Vi brukte mer tid på enkeltsaker enn planlagt, men det viste hvorfor temaet er viktig.",
]
NETWORK_DECISIONS = [
    "Hver enhet gjennomfører en refleksjonsøkt om temaet før neste samling.",
    "Ressurspersonen sender ut en mal for øktlogg som alle bruker.",
    "Neste samling holdes hos en av de deltakende enhetene, som presenterer sitt arbeid.",
    "Vi inviterer PP-tjenesten til neste samling.",
    "Lederne tar med resultater fra egen kartlegging til neste gang.",
    "Vignetten brukes på nytt i egen personalgruppe, og svarene tas med tilbake.",
]

GUIDANCE_AGENDA = [
    "Samtale med ledelsen om status i utviklingsarbeidet",
    "Observasjon i en overgangssituasjon, deretter samtale med de ansatte",
    "Planlegging av neste personalmøte sammen med leder",
    "Gjennomgang av enhetens rutine for aktivitetsplikten",
    "Veiledning av pedagogiske ledere i å lede refleksjonsgrupper",
]
GUIDANCE_REFLECTIONS = [
    "Ledelsen har god oversikt, men trenger hjelp til å holde trykket oppe mellom samlingene.",
    "Personalet er engasjert; det er tiden som er den største utfordringen.",
    "Vi ble enige om å prøve ut en enklere form for øktlogg.",
    "Leder ønsker støtte til å ta opp krenkelser fra voksne i personalgruppa.",
]
PARENT_AGENDA = (
    "1. Hva gjør vi for at alle skal ha det trygt og godt?\n"
    "2. Hva er mobbing og krenkelser, og hva er aktivitetsplikten?\n"
    "3. Samtale i grupper: hvordan kan foreldre bidra til vennskap og inkludering?\n"
    "4. Hvem tar dere kontakt med hvis dere er bekymret?"
)

TASKS = {
    "kindergarten": [
        ("Observere frileken ute", "Hver avdeling observerer frileken i to uker og noterer hvem som leker med "
         "hvem, uten navn i notatene."),
        ("Refleksjonsøkt med vignett", "Bruk vignetten fra samlingen på et personalmøte og ta med gruppenes "
         "svar til neste samling."),
        ("Gjennomgå rutinen for aktivitetsplikten", "Styrer går gjennom rutinen med hele personalet, også "
         "assistenter og faste vikarer."),
        ("Lese fagartikkel om voksenrollen", "Alle pedagogiske ledere leser artikkelen og forbereder ett "
         "spørsmål til samlingen."),
        ("Prøve ut lekegrupper", "Sett sammen små lekegrupper på tvers av vennskap i fire uker og noter "
         "erfaringene."),
        ("Planlegge foreldremøte", "Lag et kort opplegg om vennskap og inkludering til neste foreldremøte."),
    ],
    "school": [
        ("Analysere Elevundersøkelsen i team", "Hvert team ser på spørsmålene om mobbing og trivsel og velger "
         "ett område å følge opp."),
        ("Gjennomgå rutinen for aktivitetsplikten", "Rektor går gjennom rutinen på fellestid, med eksempler "
         "fra egen skole."),
        ("Kartlegge utrygge steder", "Elevrådet kartlegger steder i skolegården der elever opplever seg "
         "utrygge."),
        ("Klassemøte om nettvett", "Alle klasser på mellomtrinnet holder et klassemøte om klassechatten."),
        ("Refleksjonsøkt med vignett", "Bruk vignetten i lærerteamene og ta med svarene til neste samling."),
        ("Oppdatere inspeksjonsplanen", "Se over inspeksjonsplanen slik at de voksne står der elevene er."),
    ],
    "mixed": [
        ("Avklare overgangsrutinen", "Barnehager og skoler går gjennom overgangsrutinen og merker hva som "
         "handler om trivsel og vennskap."),
        ("Invitere PPT til personalmøte", "Hver enhet avtaler et personalmøte med PP-tjenesten om "
         "systemrettet arbeid."),
        ("Felles foreldremøte", "Planlegge et felles foreldremøte for barn som begynner på skolen til høsten."),
        ("Refleksjonsøkt med vignett", "Bruk vignetten i egen personalgruppe og ta med svarene tilbake."),
    ],
}
UNIT_TASKS = [
    ("Sende øktlogger", "Fyll inn øktlogg for de to siste personalmøtene og send den til ressurspersonen."),
    ("Forberede erfaringsdeling", "Forbered fem minutter om hva enheten har prøvd ut, til neste samling."),
    ("Ta kartleggingen med personalet", "Gå gjennom resultatene fra kartleggingen med hele personalet."),
]


def goal_themes(rng: random.Random) -> list[str]:
    return rng.sample(GOAL_THEMES, rng.choice([1, 1, 2]))


def gathering_themes(rng: random.Random, target: str) -> list[str]:
    """One or two of forebygge/avdekke/håndtere, a topic, and for kindergartens a national theme."""
    themes = goal_themes(rng)
    if target in ("kindergarten", "mixed") and rng.random() < 0.6:
        themes.append(rng.choice(KINDERGARTEN_THEMES))
    themes.append(rng.choice(TOPIC_THEMES[target]))
    return themes


def network_agenda(rng: random.Random, target: str, focus: str) -> str:
    work = rng.sample(NETWORK_WORK[target], 2)
    return (f"1. {rng.choice(NETWORK_OPENINGS)}\n"
            f"2. Faglig påfyll knyttet til semesterets fokus: {focus}\n"
            f"3. {work[0]}\n"
            f"4. {work[1]}\n"
            "5. Oppgaver til neste samling")


def sentences(rng: random.Random, bank, low: int, high: int) -> str:
    return " ".join(rng.sample(bank, rng.randint(low, min(high, len(bank)))))

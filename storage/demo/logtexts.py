"""Phrase banks for units' session logs. Children are never named; adults appear by role only."""

from __future__ import annotations

KG, SCHOOL = "kindergarten", "school"

SESSION_TYPES = {
    # name, staff share ("all" staff or a team), minutes
    KG: [("Personalmøte", "all", (60, 120)), ("Refleksjonsgruppe", "team", (30, 60)),
         ("Avdelingsmøte", "team", (45, 75)), ("Plandag", "all", (180, 360))],
    SCHOOL: [("Fellestid", "all", (60, 90)), ("Teammøte", "team", (45, 60)),
             ("Refleksjonsgruppe", "team", (45, 60)), ("Planleggingsdag", "all", (180, 300))],
}
LEADERS = {
    KG: ["styrer", "styrer", "pedagogisk leder", "pedagogisk leder", "ressursperson", "barnehagelærer",
         "PPT", "styrer og pedagogisk leder"],
    SCHOOL: ["rektor", "rektor", "inspektør", "teamleder", "ressursperson", "sosiallærer", "PPT",
             "rektor og ressursperson"],
}
THEMES = {
    KG: [
        "Voksenrollen i frilek ute", "Hvem leker med hvem? Observasjon av lek",
        "Aktivitetsplikten i barnehageloven – hva betyr den for oss?", "Overgangen fra garderobe til samling",
        "Språk som inkluderer og ekskluderer", "Relasjoner til barn vi strever med å nå",
        "Foreldresamarbeid når barn krenker andre barn", "Måltidet som arena for fellesskap",
        "Barns medvirkning og trivsel", "Hvordan fanger vi opp barn som er mye alene?",
        "Dokumentasjon og melding til styrer", "Barnehagens verdigrunnlag i praksis",
        "Vennskap og tilhørighet i barnegruppa", "Krenkelser fra voksne – hvordan sier vi fra?",
        "Vignett: utestengning fra leken", "Lekegrupper på tvers av vennskap",
    ],
    SCHOOL: [
        "Aktivitetsplikten – følge med og gripe inn", "Klasseledelse og trygge overganger",
        "Digital mobbing og klassechatten", "Inspeksjon i friminuttene – hvor står vi?",
        "Elevundersøkelsen: hva forteller resultatene?", "Relasjonen mellom lærer og elev",
        "Elevsamtaler om trivsel", "Når voksne krenker elever", "Elevrådet som ressurs",
        "Samarbeid med foreldre i skolemiljøsaker", "Aktivitetsplan – hvordan skriver vi gode tiltak?",
        "Inkluderende språk i klasserommet", "Overgangen fra barnetrinn til ungdomstrinn",
        "Vignett: bildet i klassechatten", "Ståstedsanalysen – oppfølging av tiltak",
    ],
}
METHODS = {
    KG: [
        "Refleksjonsgruppe med vignett", "Praksisfortelling og samtale i par", "Film og refleksjonsspørsmål",
        "Fagartikkel lest på forhånd, samtale i grupper", "Gjennomgang av rutine og rollespill",
        "Kafébord med tre spørsmål", "Kollegaveiledning i par", "Case fra egen avdeling (anonymisert)",
        "Observasjon med felles skjema", "Trafikklys-vurdering av egen praksis",
    ],
    SCHOOL: [
        "Gruppearbeid med case", "Analyse av Elevundersøkelsen i team", "Ståstedsanalysen i lærerteam",
        "Vignett og samtale i grupper på fire", "Rollespill om å gripe inn",
        "Gjennomgang av skolens rutine for aktivitetsplikten", "Lærende samtale i team",
        "Fagtekst og refleksjonsspørsmål", "Film fra kompetansepakken, samtale etterpå", "Læringspar og oppsummering i plenum",
    ],
}
OPENINGS = [
    "{Led} innledet kort om temaet og knyttet det til det vi arbeidet med på forrige nettverkssamling.",
    "{Led} startet med en oppsummering fra nettverkssamlingen.",
    "Vi begynte med en runde der alle fortalte om en situasjon de har stått i den siste tiden, uten navn.",
    "Økta startet med at {led} viste til målene i planen og hvorfor vi jobber med dette.",
    "Vi repeterte kort hva forebygge, avdekke og håndtere betyr for oss i hverdagen.",
    "{Led} ledet økta etter refleksjonsmalen fra nettverket.",
    "Vi startet med å lese vignetten høyt og ga alle to minutter til å tenke hver for seg.",
    "Før økta hadde alle fått en kort tekst om temaet, og {led} åpnet med tre spørsmål til den.",
]
WHAT_DONE = {
    KG: [
        "Personalet jobbet i grupper på tre og fire med en praksisfortelling fra egen avdeling.",
        "Vi så en kort film om voksenrollen i leken og brukte refleksjonsspørsmålene etterpå.",
        "Hver avdeling delte ett eksempel på et barn som sto utenfor leken, uten å bruke navn.",
        "Vi gikk gjennom barnehagens rutine for hva vi gjør når vi tror at et barn ikke har det trygt og godt.",
        "Gruppene skrev ned hva de konkret gjør når de ser at et barn blir avvist, og vi samlet svarene på tavla.",
        "Vi brukte vignetten fra nettverket og diskuterte i blandede grupper med pedagoger og fagarbeidere.",
        "Vi laget en oversikt over hvor de voksne står i uteområdet, og hvor barna leker uten voksne i nærheten.",
        "Pedagogiske ledere presenterte observasjonene fra avdelingene de siste to ukene.",
        "Vi øvde på hvordan vi snakker med foreldre når deres barn har krenket et annet barn.",
        "Assistentene fikk ordet først, slik at alle stemmer kom fram.",
        "Vi drøftet forskjellen på vanlig konflikt i lek og krenkelser som gjentar seg.",
        "Hver gruppe valgte én situasjon i dagsrytmen der vi vil være mer til stede.",
        "Vi laget en enkel relasjonsoversikt for hver avdeling: hvilke barn har vi god kontakt med, og hvem "
        "kjenner vi for lite?",
        "Vi så på hvordan måltidet er organisert, og om noen barn sitter alene eller blir oversett.",
        "Fagarbeiderne delte hvordan de griper inn i frileken, og de pedagogiske lederne stilte spørsmål.",
        "Vi gikk gjennom hva vi skriver ned når vi har sett noe bekymringsfullt, og hvem som får beskjed.",
        "Vi øvde på å sette ord på barnas følelser i konflikter, i stedet for å bare stoppe dem.",
        "Vi drøftet hvordan vi tar imot nye barn og foreldre, slik at alle blir kjent med noen raskt.",
    ],
    SCHOOL: [
        "Lærerne jobbet i team med resultatene fra Elevundersøkelsen for eget trinn.",
        "Vi gikk gjennom skolens rutine for aktivitetsplikten med tre konkrete eksempler.",
        "Teamene drøftet vignetten fra nettverket og noterte hva de ville gjort først.",
        "Vi kartla hvor elevene oppholder seg i friminuttene og hvor det er få voksne.",
        "Kontaktlærerne delte erfaringer med elevsamtaler om trivsel.",
        "Vi øvde i par på å gripe inn i en situasjon der en elev blir ledd av.",
        "Vi så på hvordan aktivitetsplaner er skrevet, og hva som gjør et tiltak konkret.",
        "Elevrådet la fram hva elevene mener skal til for å få et bedre skolemiljø.",
        "Vi diskuterte hvordan skolen følger opp krenkelser som skjer på nett, utenfor skoletid.",
        "Teamlederne presenterte hva teamene har prøvd ut siden forrige fellestid.",
        "Vi drøftet hvordan vi skiller mellom en enkelthendelse og et mønster over tid.",
        "Hvert team valgte ett tiltak fra Ståstedsanalysen som skal prøves ut før neste fellestid.",
        "Vi gikk gjennom hvordan en sak dokumenteres fra første bekymring til ferdig aktivitetsplan.",
        "Lærerne på ungdomstrinnet delte hvordan de bruker klassemøter til å ta opp tonen i klassen.",
        "Vi så på hvilke elever som sjelden blir valgt i gruppearbeid, og hvordan vi kan sette sammen grupper.",
        "Miljøarbeiderne fortalte hva de ser i friminuttene som lærerne ikke ser.",
        "Vi drøftet hvordan vi snakker med elever som har krenket andre, uten å stemple dem.",
        "Vi laget en felles plan for de første ukene etter ferien, med ekstra voksne ute.",
    ],
}
CHILDREN = {
    KG: "De eldste barna fikk fortelle om hva som gjør dem glade og triste i barnehagen, og det ble tatt med inn.",
    SCHOOL: "Elevrådsrepresentanter var med i første del av økta og la fram elevenes forslag.",
}
PARENTS = "Leder av foreldrerådet var med og fortalte hva foreldrene er opptatt av."
REFLECTIONS = {
    KG: [
        "Flere pekte på at det er lett å overse barn som leker alene, fordi de ikke forstyrrer.",
        "Det kom fram at vi ofte går inn for sent, når konflikten allerede er i gang.",
        "Fagarbeiderne opplevde at det var godt å bli spurt først.",
        "Vi ble enige om at det er de voksne som har ansvaret for relasjonene, ikke barna.",
        "Noen syntes det var ubehagelig å snakke om krenkelser fra voksne, men det var viktig.",
        "Vi ser at vi snakker ulikt om barna når de ikke hører det, og det vil vi endre.",
        "Det var stor enighet om at vi trenger faste roller i uteområdet.",
        "Vikarene kjenner ikke rutinen godt nok; det må vi gjøre noe med.",
        "Samtalen ble bedre enn forrige gang fordi alle hadde lest på forhånd.",
        "Vi merker at temaet har fått større plass i hverdagen enn i fjor.",
        "Det var lettere å snakke om egne feil når vi jobbet i små grupper.",
        "Flere sa at barna merker forskjell når de voksne står der leken er.",
        "Det er fortsatt uklart for noen når en sak skal skrives ned.",
        "Vi brukte for lite tid på å bli enige om hva vi skal gjøre videre.",
    ],
    SCHOOL: [
        "Flere lærere sa at de er usikre på når en sak skal meldes videre til rektor.",
        "Det kom fram at vi følger med ulikt i friminuttene, avhengig av hvem som har inspeksjon.",
        "Teamene ser at elevene på mellomtrinnet opplever mer krenkelser på nett enn vi trodde.",
        "Mange syntes det var nyttig å se resultatene for eget trinn, ikke bare for hele skolen.",
        "Vi ble enige om at en god aktivitetsplan må være skrevet slik at eleven forstår den.",
        "Noen lærere opplever at tiden ikke strekker til, og at temaet konkurrerer med fagene.",
        "Samtalen viste at vi har ulik forståelse av hva som er en krenkelse.",
        "Det er en styrke at alle voksne nå bruker de samme ordene.",
        "Elevenes forslag var konkrete og mulige å gjennomføre.",
        "Vi ser at de nye kollegene trenger en egen innføring i rutinene.",
        "Miljøarbeiderne og assistentene har mye kunnskap som vi bruker for lite.",
        "Flere var overrasket over hvor ulikt vi forstår begrepet krenkelse.",
        "Tiden var knapp, og samtalen stoppet akkurat da den ble god.",
        "Rutinen er kjent, men det er ikke alltid den blir brukt når det haster.",
    ],
}
NEXT_STEPS = {
    KG: [
        "Hver avdeling observerer frileken ute i to uker og noterer hvem som leker med hvem, uten navn.",
        "Vi tar opp temaet igjen på neste personalmøte.",
        "Styrer sender rutinen ut på nytt og går gjennom den med vikarene.",
        "Pedagogiske ledere tar vignetten med til avdelingsmøtene.",
        "Vi prøver ut faste soner for de voksne i uteområdet fram til jul.",
        "Erfaringene tas med til neste nettverkssamling.",
        "Temaet settes opp på neste foreldremøte.",
        "Vi lager en enkel plakat med de fem delpliktene til personalrommet.",
        "Hver pedagogisk leder lager en relasjonsoversikt for sin avdeling innen tre uker.",
        "Vi prøver ut faste plasser ved måltidet i en måned og vurderer det etterpå.",
    ],
    SCHOOL: [
        "Hvert team følger opp ett tiltak og rapporterer på neste fellestid.",
        "Rektor oppdaterer rutinen og sender den ut til alle ansatte.",
        "Inspeksjonsplanen justeres før neste måned.",
        "Kontaktlærerne gjennomfører elevsamtaler om trivsel før høstferien.",
        "Vi tar opp nettvett i alle klasser på mellomtrinnet.",
        "Erfaringene tas med til neste nettverkssamling.",
        "Temaet settes opp på neste møte i samarbeidsutvalget.",
        "Ressurspersonen kommer tilbake om seks uker for å følge opp.",
        "Lærerne setter sammen grupper på tvers av vennskap i minst ett fag fram til neste fellestid.",
        "Elevrådet inviteres til neste møte for å si hva de synes om tiltakene.",
    ],
}


def focus_theme(focus: str) -> str:
    """The short head of a network focus ("Voksenrollen i frileken: …" → "Voksenrollen i frileken")."""
    head = focus.split(":")[0].strip().rstrip(".?")
    return head[:200] if len(head) >= 2 else ""

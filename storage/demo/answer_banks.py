"""Phrase banks for vignette answers (written for the demo; children are never named).

A move is one thing the respondent would do: an infinitive phrase, the duties of the aktivitetsplikt it
touches, the goals (prevent/detect/handle) it serves, and its reach: 1 the child, 2 the relations around
it, 3 the whole environment. Placeholders: {barnet}, {barna}, {leder}, {enhet}.
"""

from __future__ import annotations

Move = tuple[str, tuple[str, ...], tuple[str, ...], int]

MOVES: dict[str, list[Move]] = {
    "bhg_utenfor_leken": [
        ("gå bort til jenta og spørre hvordan hun har det", ("follow",), ("detect",), 1),
        ("gå inn i leken selv, for eksempel som kunde i butikken, og gi jenta en rolle der hun blir sett",
         ("intervene",), ("handle",), 2),
        ("observere leken de neste ukene for å se om dette er et mønster", ("follow", "investigate"), ("detect",), 2),
        ("si fra til {leder}, fordi det har skjedd flere ganger", ("notify",), ("handle",), 2),
        ("snakke med jentene som styrer leken om hvordan det kjennes å bli holdt utenfor", ("intervene",),
         ("handle",), 2),
        ("ta det opp på avdelingsmøtet, slik at alle voksne følger med på det samme", ("follow",),
         ("prevent", "detect"), 3),
        ("lage en plan for hvordan vi voksne støtter vennskap i barnegruppa, med lekegrupper på tvers",
         ("measures",), ("prevent",), 3),
        ("snakke med foreldrene hennes og høre hva hun forteller hjemme", ("investigate",), ("detect",), 2),
        ("utfordre kollegaen på at et barn som virker fornøyd alene, kan ha gitt opp å bli med", (),
         ("detect",), 3),
        ("skrive ned det vi ser og hva vi gjør, slik at tiltakene kan vurderes etter en tid", ("measures",),
         ("handle",), 3),
    ],
    "skole_bilde_i_klassechatten": [
        ("snakke med gutten på bildet alene og høre hvordan han har det", ("investigate",), ("detect",), 1),
        ("takke jenta for at hun sa fra og fortelle henne hvordan jeg skal ta vare på henne", ("follow",),
         ("detect",), 2),
        ("melde fra til {leder} samme dag", ("notify",), ("handle",), 2),
        ("sørge for at bildet blir slettet, gjennom foreldrene og de som la det ut", ("intervene",), ("handle",), 2),
        ("ta kontakt med foreldrene til gutten", ("investigate",), ("handle",), 2),
        ("finne ut hvem som står bak kommentaren, uten å avsløre hvem som fortalte", ("investigate",),
         ("detect",), 2),
        ("lage en aktivitetsplan sammen med gutten", ("measures",), ("handle",), 2),
        ("ha et klassemøte om nettvett og om hva det gjør med et menneske å bli ledd av", ("measures",),
         ("prevent",), 3),
        ("ta opp klassechatter på foreldremøtet, slik at hjem og skole følger med sammen", ("measures",),
         ("prevent",), 3),
        ("følge ekstra godt med i friminuttene for å se om dette er del av et mønster", ("follow",),
         ("detect",), 3),
    ],
    "peers": [
        ("snakke med {barnet} det gjelder og høre hvordan det oppleves", ("investigate",), ("detect",), 1),
        ("stoppe det som skjer, der og da", ("intervene",), ("handle",), 1),
        ("si fra til {leder}", ("notify",), ("handle",), 2),
        ("følge ekstra godt med de neste ukene", ("follow",), ("detect",), 2),
        ("snakke med de andre {barna} som var involvert", ("intervene",), ("handle",), 2),
        ("ta kontakt med foreldrene", ("investigate",), ("handle",), 2),
        ("snakke med hele gruppa om hvordan vi er mot hverandre", ("intervene",), ("prevent", "handle"), 2),
        ("lage en plan med konkrete tiltak og en dato for å vurdere dem", ("measures",), ("handle",), 3),
        ("se på hvordan vi voksne organiserer hverdagen, slik at det blir vanskeligere å holde noen utenfor",
         ("measures",), ("prevent",), 3),
        ("ta det opp i personalgruppa, slik at alle følger med på det samme", ("follow",), ("prevent", "detect"), 3),
    ],
    "adult": [
        ("snakke med {barnet} det gjelder og vise at jeg har sett det", ("follow",), ("detect",), 1),
        ("ta en prat med kollegaen samme dag, i enerom", ("intervene",), ("handle",), 2),
        ("si fra til {leder}, fordi krenkelser fra voksne skal meldes videre", ("notify",), ("handle",), 2),
        ("følge med på hvordan {barnet} har det de neste dagene", ("follow",), ("detect",), 2),
        ("ta kontakt med foreldrene sammen med {leder}", ("investigate",), ("handle",), 2),
        ("ta opp på personalmøtet hvordan vi snakker til og om {barna}, uten å henge ut noen", ("measures",),
         ("prevent",), 3),
        ("foreslå at vi lager felles kjøreregler for hvordan vi voksne sier fra til hverandre", ("measures",),
         ("prevent",), 3),
    ],
    "parent": [
        ("lytte til forelderen og ta bekymringen på alvor", ("follow",), ("detect",), 1),
        ("avtale et møte der vi kan snakke i ro, sammen med {leder}", ("investigate",), ("handle",), 2),
        ("undersøke hva som faktisk har skjedd, før jeg lover noe", ("investigate",), ("detect",), 2),
        ("si fra til {leder} med en gang", ("notify",), ("handle",), 2),
        ("følge med på {barna} de neste ukene", ("follow",), ("detect",), 2),
        ("forklare hva {enhet} gjør når et barn ikke har det trygt, og hva vi ikke kan fortelle om andre barn",
         (), ("handle",), 2),
        ("lage en plan med tiltak og avtale når vi skal møtes igjen", ("measures",), ("handle",), 3),
        ("se på hvordan vi organiserer hverdagen, slik at det blir færre situasjoner der noe kan gå galt",
         ("measures",), ("prevent",), 3),
    ],
}
# Which bank a vignette uses when it has none of its own, by its topics in resources/content.
TOPIC_BANKS = {"adult_violation": "adult", "parent_conflict": "parent"}

LOW_FILLERS = {
    "bhg_utenfor_leken": "Barn må få velge selv hvem de leker med, så jeg ville ikke blandet meg for mye.",
    "skole_bilde_i_klassechatten": "Dette skjedde utenfor skoletiden, så det er først og fremst foreldrenes "
                                   "ansvar.",
    "peers": "Jeg ville nok ventet litt og sett om det går over av seg selv.",
    "adult": "Det er vanskelig å si fra til en kollega, så jeg ville nok latt det ligge denne gangen.",
    "parent": "Jeg ville sagt at vi har kontroll, og at det ikke er noe å bekymre seg for.",
}
COMMENTS = {
    "bhg_utenfor_leken": [
        "At hun ikke gråter, betyr ikke at hun har det bra.",
        "Barn kan velge lekekamerater, men ikke stenge andre ute på en måte som gjør vondt.",
        "Kollegaens syn er vanlig, men det flytter ansvaret fra de voksne over på barna.",
    ],
    "skole_bilde_i_klassechatten": [
        "At chatten ble laget hjemme, fritar ikke skolen, for det som skjer der, tar elevene med seg inn i "
        "klasserommet.",
        "Jenta som sa fra, må kunne stole på at hun ikke får problemer selv.",
        "At gutten virker som vanlig, betyr ikke at han ikke har det vondt.",
    ],
    "peers": ["At det ikke synes utenpå, betyr ikke at det ikke gjør vondt.",
              "Det er de voksne som må ta ansvar her, ikke {barna}.",
              "Jeg ville vært nysgjerrig før jeg konkluderte."],
    "adult": ["Det er ubehagelig å si fra til en kollega, men det er {barnet} som må komme først.",
              "Når voksne bruker slike ord, lærer {barna} at det er greit."],
    "parent": ["Forelderen er bekymret, og det må vi møte med ro og åpenhet.",
               "Vi kan ikke love at et annet barn flyttes, men vi kan love å undersøke."],
}
STANCES = {
    "not_considered": ["", "Det er vanskelig å vite hva som egentlig skjer her."],
    "one_off": ["Det kan være en enkeltstående episode, men det må sjekkes.",
                "Dette er kanskje noe som bare skjedde denne ene gangen."],
    "bullying": ["Siden det har skjedd flere ganger, ser jeg dette som mobbing.",
                 "Når det gjentar seg, er det mobbing, selv om ingen gjør noe fysisk."],
    "violation": ["Uansett om det kalles mobbing eller ikke, er dette en krenkelse som {barnet} ikke skal "
                  "måtte oppleve.",
                  "Dette er krenkende, og det holder for at vi må handle."],
}
REGULATIONS = {
    "kindergarten": ["Aktivitetsplikten i barnehageloven betyr at vi må følge med og gripe inn, men loven er "
                     "mest et sikkerhetsnett.", "Vi har en aktivitetsplikt her, og nulltoleranse betyr at vi ikke "
                     "kan vente og se."],
    "school": ["Dette utløser aktivitetsplikten etter opplæringsloven, også om noe skjedde på kveldstid, fordi "
               "det påvirker skolemiljøet.", "Skolens rutine for aktivitetsplikten skal følges, og alt skal "
               "dokumenteres."],
}
CLOSINGS = [
    "Det viktigste er likevel hva vi gjør i hverdagen, slik at ingen blir stående utenfor.",
    "Jeg ville også spurt meg selv hva det er i miljøet vårt som gjør at dette kan skje.",
    "De som ser på, er også en del av situasjonen, og dem må vi nå.",
    "Det er de voksne som har ansvaret for at fellesskapet er godt for alle.",
]
FIRST_STEPS = ["Først ville jeg {m}.", "Jeg ville begynt med å {m}.", "Det første jeg ville gjort, er å {m}.",
               "Umiddelbart ville jeg {m}."]
MIDDLE_STEPS = ["Så ville jeg {m}.", "Deretter ville jeg {m}.", "Jeg ville også {m}.", "Etter det ville jeg {m}.",
                "I tillegg ville jeg {m}.", "Det er også viktig å {m}."]
LAST_STEPS = ["Til slutt ville jeg {m}.", "Senere ville jeg {m}.", "På litt lengre sikt ville jeg {m}."]
HEDGED = ["Jeg tror jeg ville {m}.", "Kanskje jeg ville {m}.", "Jeg ville {m}."]
LIST_HEADS = ["Dette ble vi enige om:", "Gruppa vår ville gjort dette:", "Tiltak:", "Vi ville:"]

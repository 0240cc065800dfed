"""Fictional names: municipalities (none is or was a real Norwegian municipality), units, people.

All demo municipalities lie in Vestland. Real kommunenummer there run from 4601 to 4651, so the demo
uses 4660–4699, which no real municipality has.
"""

from __future__ import annotations

import random

COUNTY = "Vestland"
FIRST_NUMBER = 4660

MUNICIPALITY_NAMES = (
    "Fjordvik", "Lindåsheia", "Brekkvåg", "Eikefjell", "Havbakken", "Storevatn", "Hellesund",
    "Granlia", "Skarvenes", "Tindholmen", "Furuneset", "Kvitberg", "Lauvåsen", "Nyvollen",
    "Sjøgrenda", "Steinvika", "Ospelia", "Smørdal", "Kleivane", "Jarnvika", "Hesteneset",
    "Brattlia", "Elvebakken", "Fossheim", "Heggebø", "Toftevåg", "Ulvsnes", "Havrefjord",
    "Moldvika", "Setervoll", "Strandbygd", "Sølvberg", "Vårheim", "Kjølvik", "Lyngheim",
    "Dyrdal", "Tjørnvåg", "Myrvoll", "Raudfjell", "Kvernhaugen", "Måkeneset", "Grindvik",
)

# Parts of a municipality (grender) that schools and kindergartens are named after.
PLACES = (
    "Nordbygda", "Sørbygda", "Hovland", "Tveit", "Solheim", "Eikeli", "Bakken", "Nesset", "Vikane",
    "Haugen", "Myrane", "Lunden", "Moen", "Brekke", "Lia", "Sandvoll", "Hamna", "Holmen", "Kleiva",
    "Dalen", "Fjellet", "Bergo", "Ryggen", "Osen", "Skogen", "Åsen", "Straumen", "Bjørkhaug", "Furuvik",
    "Kvamme", "Nygård", "Vågen", "Liabø", "Sætre", "Nordstøl", "Grova", "Hauge", "Teigen", "Bø", "Eide",
)

KINDERGARTEN_WORDS = (
    "Solstrålen", "Trollskogen", "Marihøna", "Blåbærtua", "Tusenbeinet", "Humla", "Kvitveisen",
    "Regnbuen", "Eventyrskogen", "Fjellrypa", "Måltrosten", "Ekornet", "Tyttebærlyngen", "Skattekista",
    "Maurtua", "Furulunden", "Bekkedalen", "Lykkeliten", "Spurven", "Tusenfryd", "Bringebærlia",
    "Krabbeklypa", "Sjøstjerna", "Hestehoven", "Nøtteliten", "Løvetann", "Solsikken", "Vesleskogen",
    "Kongleskogen", "Steinrøysa",
)
PRIVATE_KINDERGARTEN_PATTERNS = (
    "{word} naturbarnehage", "{word} gårdsbarnehage", "{word} private barnehage", "{place} idrettsbarnehage",
    "{word} friluftsbarnehage", "{place} menighetsbarnehage", "{word} andelsbarnehage",
)

RESOURCE_FIRST = (
    "Ingrid", "Kari", "Marianne", "Silje", "Hilde", "Tone", "Anne", "Linn", "Eirik", "Morten",
    "Ragnhild", "Solveig", "Trude", "Gunn", "Siri", "Bjørn", "Lars", "Hanne", "Astrid", "Turid",
    "Camilla", "Mona", "Kjersti", "Øystein", "Håkon", "Nina", "Randi", "Elin", "Jorunn", "Vibeke",
)
RESOURCE_LAST = (
    "Solheim", "Haugland", "Brekke", "Myklebust", "Tveit", "Sandvik", "Hovland", "Nesse", "Rygg",
    "Lunde", "Eide", "Mjelde", "Kvamme", "Aasen", "Fosse", "Bakke", "Dale", "Gjerde", "Liland",
    "Nordvik", "Berge", "Helland", "Ulvestad", "Moe", "Skeie", "Teigland", "Hauge", "Vatle", "Sæle", "Rong",
)

DIRECTIONS = ("Nord", "Sør", "Øst", "Vest", "Sentrum", "Indre", "Ytre")


def municipality_number(index: int) -> str:
    return str(FIRST_NUMBER + index)


def slug(name: str) -> str:
    """A name as it would look in an e-mail domain: lower case, æøå spelt out, no spaces."""
    table = str.maketrans({"æ": "ae", "ø": "o", "å": "aa", " ": "-", "–": "-", "é": "e"})
    return "".join(ch for ch in name.lower().translate(table) if ch.isalnum() or ch == "-")


def email_domain(municipality: str) -> str:
    """A made-up address domain (`.example` is reserved for examples, so no mail can go astray)."""
    return f"{slug(municipality)}.kommune.example"


def person_name(rng: random.Random, used: set[str]) -> str:
    for _attempt in range(200):
        name = f"{rng.choice(RESOURCE_FIRST)} {rng.choice(RESOURCE_LAST)}"
        if name not in used:
            used.add(name)
            return name
    name = f"{rng.choice(RESOURCE_FIRST)} {rng.choice(RESOURCE_LAST)}-{rng.choice(RESOURCE_LAST)}"
    used.add(name)
    return name


class UnitNamer:
    """Hands out unit names that are unique within one municipality."""

    def __init__(self, rng: random.Random, municipality: str):
        self.rng = rng
        self.municipality = municipality
        self.used: set[str] = set()
        self._places = list(PLACES)
        rng.shuffle(self._places)
        self._words = list(KINDERGARTEN_WORDS)
        rng.shuffle(self._words)
        self._school_places: set[str] = set()

    def _take(self, candidates) -> str:
        for name in candidates:
            if name not in self.used:
                self.used.add(name)
                return name
        # Fallback for very large municipalities: number the last candidate.
        base, n = name, 2
        while f"{base} {n}" in self.used:
            n += 1
        self.used.add(f"{base} {n}")
        return f"{base} {n}"

    def _place(self) -> str:
        return self.rng.choice(self._places)

    def kindergarten(self, private: bool) -> str:
        if private:
            pattern = self.rng.choice(PRIVATE_KINDERGARTEN_PATTERNS)
            candidates = [pattern.format(word=self.rng.choice(self._words), place=self._place())
                          for _n in range(30)]
        elif self.rng.random() < 0.55:
            candidates = [f"{w} barnehage" for w in self._words]
        else:
            candidates = [f"{p} barnehage" for p in self._places]
        return self._take(candidates)

    def school(self, stages: str) -> str:
        """A school named after a part of the municipality no other school is named after."""
        # "skule": a nynorsk name now and then, as in many Vestland municipalities.
        suffix = {"1-7": ("skole", "barneskole", "skule"), "8-10": ("ungdomsskole",),
                  "1-10": ("skole", "skule")}[stages]
        word = self.rng.choice(suffix)
        places = [p for p in self._places if p not in self._school_places]
        name = self._take([f"{p} {word}" for p in places])
        self._school_places.add(name.rsplit(" ", 1)[0])
        return name

    def combined(self) -> str:
        return self._take([f"{p} oppvekstsenter" for p in self._places])

    def ppt(self) -> str:
        return self._take([f"PP-tjenesten i {self.municipality}"])

    def network(self, target: str, index: int, stages: set[str] | None = None) -> str:
        """A network name; a school network is named after the stages its schools teach."""
        direction = DIRECTIONS[index % len(DIRECTIONS)]
        school = ["Skolenettverk barnetrinn"] if stages == {"1-7"} else \
            ["Skolenettverk ungdomstrinn"] if stages == {"8-10"} else []
        names = {
            "kindergarten": [f"Barnehagenettverk {direction}", "Styrernettverket", "Nettverk for pedagogiske ledere",
                             f"Barnehagenettverket {self._place()}"],
            "school": school + [f"Skolenettverk {direction}", "Nettverk for skoleledere", "Skolenettverket"],
            "mixed": ["Overgangsnettverket barnehage–skole", "Fellesnettverk med PPT",
                      f"Oppvekstnettverk {direction}"],
        }[target]
        return self._take(names + [f"{names[0]} {n}" for n in range(2, 12)])

import pytest

from storage.errors import DomainError
from storage.services.plans import (
    PLAN_SECTIONS,
    compare_version_ids,
    compare_versions,
    diff_words,
    get_plan,
    save_plan,
    section_titles,
)

SECTIONS = {"organisation": "Ressurspersonen leder arbeidsgruppen.\nStyringsgruppen møtes to ganger i året.",
            "mapping": "Elevundersøkelsen og Ståstedsanalysen."}
GOALS = [{"semester": "2026V", "goal": "Alle ansatte kjenner aktivitetsplikten", "measures": ["Vignett i personalmøte"]},
         {"semester": "2025H", "goal": "Felles forståelse av mål", "measures": ["Oppstartssamling", " "]}]


def test_sections_have_norwegian_titles():
    titles = section_titles()
    assert [k for k, _ in PLAN_SECTIONS] == list(titles)[:6]
    assert titles["organisation"] == "Organisering og forankring"
    assert titles["involvement"] == "Involvering av barn/elever, foreldre og PPT"


def test_versions_are_made_only_for_changes(store, part):
    first = save_plan(store, part.id, SECTIONS, GOALS, "Første versjon")
    assert first.created and first.version.version == 1
    assert [g["semester"] for g in first.version.goals] == ["2025H", "2026V"]  # in semester order
    assert first.version.goals[0]["measures"] == ["Oppstartssamling"]
    same = save_plan(store, part.id, {**SECTIONS, "involvement": "  "}, GOALS, "")
    assert not same.created and same.version.id == first.version.id
    second = save_plan(store, part.id, {**SECTIONS, "organisation": "Ressurspersonen leder arbeidsgruppen.\n"
                                        "Styringsgruppen møtes fire ganger i året."}, GOALS, "Hyppigere møter")
    assert second.created and second.version.version == 2
    state = get_plan(store, part.id)
    assert state.plan.title == "Utviklingsplan" and [v.version for v in state.versions] == [2, 1]
    assert state.current.reason == "Hyppigere møter"


@pytest.mark.parametrize("sections, goals, reason, field, message", [
    ({"organisation": "Ny tekst"}, [], "", "reason", "begrunnelse"),
    ({"organisation": "Ny tekst"}, [], "   ", "reason", "begrunnelse"),
    ({"organisation": "Ny tekst"}, [], "Linje én\nLinje to", "reason", "én linje"),
    ({"økonomi": "Tekst"}, [], "Grunn", "sections", "ikke en del av planen"),
    ({}, [{"semester": "2031H", "goal": "Mål"}], "Grunn", "semester", "ikke et semester i perioden"),
    ({}, [{"semester": "2026V", "goal": ""}], "Grunn", "goal", "«Mål»"),
])
def test_bad_plan_input_stores_nothing(store, part, counts, sections, goals, reason, field, message):
    save_plan(store, part.id, SECTIONS, GOALS, "Første versjon")
    before = counts()
    with pytest.raises(DomainError) as caught:
        save_plan(store, part.id, sections, goals, reason)
    assert caught.value.field == field and message in caught.value.message
    assert counts() == before


def test_first_save_needs_a_reason_too(store, part, counts):
    before = counts()
    with pytest.raises(DomainError):
        save_plan(store, part.id, SECTIONS, GOALS, None)
    assert counts() == before and get_plan(store, part.id).plan is None


def test_diff_words_round_trips():
    old, new = "Styringsgruppen møtes to ganger i året.", "Styringsgruppen møtes fire ganger i året, i rådhuset."
    segments = diff_words(old, new)
    assert "".join(s.old for s in segments) == old and "".join(s.new for s in segments) == new
    changed = [(s.op, s.old, s.new) for s in segments if s.op != "equal"]
    assert ("replace", "to", "fire") in changed


def test_compare_versions(store, part):
    v1 = save_plan(store, part.id, SECTIONS, GOALS, "Første versjon").version
    v2 = save_plan(store, part.id, {**SECTIONS, "mapping": "Elevundersøkelsen og RefLex."},
                   GOALS[:1], "Byttet verktøy").version
    diffs = {d.key: d for d in compare_versions(v1, v2)}
    assert list(diffs) == list(section_titles())
    assert not diffs["organisation"].changed and diffs["mapping"].changed and diffs["goals"].changed
    assert not diffs["involvement"].changed and diffs["involvement"].segments == []
    ops = {(s.op, s.old.strip(), s.new.strip()) for s in diffs["mapping"].segments}
    assert ("replace", "Ståstedsanalysen.", "RefLex.") in ops
    assert any(s.op == "delete" and "Høsten 2025" in s.old for s in diffs["goals"].segments)
    assert [d.changed for d in compare_version_ids(store, v1.id, v2.id)] == [d.changed for d in diffs.values()]

"""The resource person's own texts are a draft per report in the database, and a text file with three
headed sections replaces it."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from storage.errors import DomainError
from storage.services.report_drafts import load_draft, parse_texts, read_text_file, save_draft


def _rows(store):
    """The drafts as stored, read with plain SQL (texts decoded from JSON)."""
    with store.engine.connect() as con:
        rows = con.execute(text("select kind, scope, texts from report_draft order by kind, scope")).all()
    return [(k, s, json.loads(t) if isinstance(t, str) else t) for k, s, t in rows]


def test_each_report_has_its_own_draft_in_the_database(store, muni):
    save_draft(store, muni.id, "midterm", "2026V", {"experiences": "Våren", "development": "", "continuation": ""})
    save_draft(store, muni.id, "midterm", None, {"experiences": "Perioden så langt"})
    save_draft(store, muni.id, "final", "2026V", {"continuation": "Vi fortsetter."})  # a final has no semester
    assert load_draft(store, muni.id, "midterm", "2026v")["experiences"] == "Våren"
    assert load_draft(store, muni.id, "midterm", None)["experiences"] == "Perioden så langt"
    assert load_draft(store, muni.id, "final", None) == {"experiences": "", "development": "",
                                                         "continuation": "Vi fortsetter."}
    assert load_draft(store, muni.id, "funds", None) == {"experiences": "", "development": "", "continuation": ""}
    rows = _rows(store)
    assert [(k, s) for k, s, _t in rows] == [("final", ""), ("midterm", ""), ("midterm", "2026V")]
    assert rows[2][2]["experiences"] == "Våren"


def test_saving_again_replaces_the_draft(store, muni):
    save_draft(store, muni.id, "final", None, {"experiences": "Først", "development": "Utvikling"})
    save_draft(store, muni.id, "final", None, {"experiences": "Så"})
    assert load_draft(store, muni.id, "final", None) == {"experiences": "Så", "development": "", "continuation": ""}
    assert len(_rows(store)) == 1


def test_text_file_with_three_headed_sections(tmp_path):
    path = tmp_path / "tekster.md"
    path.write_text("# Erfaringer\nEnhetene har fått et felles språk.\n\nAndre avsnitt & <mer>.\n\n"
                    "## Utvikling i barnehager og skoler\nFlere bruker refleksjonsgrupper.\n"
                    "# Videre arbeid:\nVi fortsetter med æøå.\n", encoding="utf-8")
    assert read_text_file(path) == {
        "experiences": "Enhetene har fått et felles språk.\n\nAndre avsnitt & <mer>.",
        "development": "Flere bruker refleksjonsgrupper.", "continuation": "Vi fortsetter med æøå."}


def test_a_section_left_out_becomes_empty():
    assert parse_texts("# Videre arbeid\nVi fortsetter.") == {"experiences": "", "development": "",
                                                             "continuation": "Vi fortsetter."}


@pytest.mark.parametrize(("content", "message"), [
    ("Tekst uten overskrift\n# Erfaringer\nx", "Linje 1: teksten må stå under en overskrift"),
    ("# Erfaringer\nx\n# Refleksjoner\ny", "Linje 3: ukjent overskrift «Refleksjoner»"),
    ("# Erfaringer\nx\n# Erfaringer\ny", "Linje 3: overskriften «Erfaringer» står to ganger"),
    ("bare tekst", "Linje 1"),
    ("", "ingen av overskriftene"),
])
def test_text_file_mistakes_are_named(content, message):
    with pytest.raises(DomainError, match=message):
        parse_texts(content)


def test_text_file_must_be_utf8(tmp_path):
    path = tmp_path / "tekster.txt"
    path.write_bytes("# Erfaringer\nBlåbær\n".encode("latin-1"))
    with pytest.raises(DomainError, match="ikke lagret som UTF-8"):
        read_text_file(path)
    with pytest.raises(DomainError, match="Kan ikke lese tekstfila"):
        read_text_file(tmp_path / "finnes-ikke.txt")

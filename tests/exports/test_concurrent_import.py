"""Two clients read in the same returned session-log form at the same moment (a shared server, or the
app and the command line on one file): every session is stored once."""

from __future__ import annotations

from exports.log_workbook_layout import FIRST_ROW
from storage.services.session_log_import import commit_import
from storage.services.session_logs import LogFilter, list_logs
from storage.store import Store
from tests.exports.test_log_workbook import SOLSIKKEN, preview, template, world  # noqa: F401, F811
from tests.log_world import fill, typical_row


def test_two_clients_import_the_same_form_at_once(store, world, template, backend_url):  # noqa: F811
    """On a shared server two people may read in the same returned form at the same moment: every
    session is stored once, whichever import comes second finds them stored."""
    import threading

    fill(template, {FIRST_ROW: typical_row(), FIRST_ROW + 1: typical_row(held_on="13.03.2026")})
    clients = [Store(backend_url) for _ in range(2)]
    previews = [preview(client, template) for client in clients]  # both looked before either stored
    results, errors = [], []
    start = threading.Barrier(2)

    def run(client, previewed):
        start.wait()
        try:
            results.append(commit_import(client, previewed))
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=pair) for pair in zip(clients, previews, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    for client in clients:
        client.close()
    assert errors == []
    assert sorted(r.new for r in results) == [0, 2]
    assert sorted(r.unchanged for r in results) == [0, 2]
    logs = list_logs(store, world.municipality.id, LogFilter(unit_id=world.unit(SOLSIKKEN).id))
    assert sorted(log.held_on.isoformat() for log in logs) == ["2026-03-12", "2026-03-13"]

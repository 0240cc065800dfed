"""Ressurspersoner (the 20 % view), Nettverk (a gathering series), Plan (reason, compare), open_section."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import Qt

from storage.services.gatherings_plan import list_gatherings
from storage.services.networks import create_network, series_dates
from storage.services.plans import get_plan

from .planning_helpers import demo, open_section, wait_jobs  # noqa: F401

RED = "#b3261e"


def test_the_twenty_percent_view_shows_the_june_2027_gap(make_window, qtbot, demo):  # noqa: F811
    window = make_window()
    _page, section = open_section(window, qtbot, "resource_persons")
    months = section.months_model.rows()
    unmet = [m.month for m in months if not m.met]
    assert unmet == [date(2027, 6, 1)]
    row = [m.month for m in months].index(date(2027, 6, 1))
    model = section.months_model
    assert model.index(row, 0).data() == "juni 2027"
    assert "Ikke oppfylt" in model.index(row, 3).data()
    assert model.index(row, 3).data(Qt.ItemDataRole.ForegroundRole).color().name() == RED
    assert model.index(0, 3).data(Qt.ItemDataRole.ForegroundRole) is None
    assert "juni 2027" in section.rule_summary.text()
    assert len(section.model.rows()) == 2


def test_a_gathering_series_creates_the_expected_planned_gatherings(make_window, qtbot, demo, store):  # noqa: F811
    municipality, _part = demo
    network = create_network(store, municipality.id, {"name": "Nytt nettverk", "target": "school"})
    window = make_window()
    _page, section = open_section(window, qtbot, "networks")
    row = [n.id for n in section.model.rows()].index(network.id)
    section.view.selectRow(row)
    dialog = section.plan_series()
    dialog.semester.setCurrentIndex(dialog.semester.findData("2027V"))
    dialog.every.setValue(4)
    dialog.weekday.setCurrentIndex(1)  # tirsdag
    dialog.start_time.setTime(dialog.start_time.time().fromString("14:30", "HH:mm"))
    dialog.duration.setValue(90)
    dialog.place.setText("Rådhuset")
    with qtbot.waitSignal(section.loaded, timeout=15_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    made = list_gatherings(store, municipality.id, network_id=network.id)
    expected = series_dates(date(2027, 1, 6), date(2027, 6, 20), 4, 1)
    assert [g.starts_at.date() for g in made] == expected
    assert all(g.starts_at.time() == time(14, 30) and g.duration_minutes == 90 and g.place == "Rådhuset"
               and g.status == "planned" for g in made)
    shown = [section.gatherings_proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 1)
             for r in range(section.gatherings_proxy.rowCount())]
    assert {g.id for g in shown} == {g.id for g in made}


def test_open_section_selects_the_tab(make_window, qtbot, demo):  # noqa: F811
    window = make_window()
    page = window.pages[1]
    for target, key in [("units", "units"), ("resource_persons", "resource_persons"), ("gatherings", "networks"),
                        ("plan", "plan"), ("tasks", "tasks"), ("participation", "participation")]:
        window.navigate(f"planning.{target}")
        assert page.current_section() is page.section(key)
    wait_jobs(window, qtbot)


def test_overdue_tasks_stand_out(make_window, qtbot, demo):  # noqa: F811
    window = make_window()
    _page, section = open_section(window, qtbot, "tasks")
    tasks = section.model.rows()
    overdue = [t for t in tasks if t.overdue]
    assert overdue and all(t.status == "open" and t.due_date < date(2026, 11, 20) for t in overdue)
    row = tasks.index(overdue[0])
    assert section.model.index(row, 1).data(Qt.ItemDataRole.ForegroundRole).color().name() == RED
    section.overdue_only.setChecked(True)
    assert section.proxy.rowCount() == len(overdue)


def test_plan_save_needs_a_reason_and_compare_marks_the_change(make_window, qtbot, demo, store):  # noqa: F811
    _municipality, part = demo
    window = make_window()
    _page, section = open_section(window, qtbot, "plan")
    versions = len(get_plan(store, part.id).versions)
    assert not section.save_button.isEnabled()  # nothing changed yet
    editor = section.editors["organisation"]
    editor.setPlainText(editor.toPlainText() + " Foreldrerådet får planen til høring.")
    assert section.save_button.isEnabled()
    dialog = section.save()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # no reason
    wait_jobs(window, qtbot)
    assert dialog.isVisible() and dialog.error_label.isVisible() and dialog.error_label.text()
    assert len(get_plan(store, part.id).versions) == versions
    dialog.reason.setText("Foreldrerådet tas med")
    with qtbot.waitSignal(section.loaded, timeout=15_000):
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)  # Enter saves
    state = get_plan(store, part.id)
    assert len(state.versions) == versions + 1 and state.current.reason == "Foreldrerådet tas med"
    assert "Foreldrerådet tas med" in section.version_label.text()

    compare = section.compare()
    qtbot.waitUntil(lambda: bool(compare.diffs), timeout=15_000)
    changed = [d for d in compare.diffs if d.changed]
    assert [d.key for d in changed] == ["organisation"]
    new_html = compare.new_pane.toHtml()
    assert "Foreldrerådet" in compare.new_pane.toPlainText()
    assert "#d9f2dd" in new_html  # the insertion is marked green
    assert "Foreldrerådet" not in compare.old_pane.toPlainText()
    assert "1 av" in compare.summary.text()
    compare.left.setCurrentIndex(0)  # version 1 against the newest: struck-through deletions on the left
    qtbot.waitUntil(lambda: len([d for d in compare.diffs if d.changed]) >= 1, timeout=15_000)
    wait_jobs(window, qtbot)
    compare.reject()


def test_participation_end_before_start_shows_the_message_and_changes_nothing(make_window, qtbot, demo, store):  # noqa: F811
    from storage.services.municipalities import participation_of

    municipality, part = demo
    window = make_window()
    _page, section = open_section(window, qtbot, "participation")
    assert "2025H, 2026V, 2026H, 2027V" in section.semesters.text()
    assert [g.amount_nok for g in section.grants_model.rows()] == [260_000, 260_000]
    section.end.setDate(section.start.date().addDays(-1))
    section.save()
    wait_jobs(window, qtbot)
    assert section.error.isVisible() and section.error.text()
    assert participation_of(store, municipality.id).period_end == part.period_end


def test_calendar_export_of_one_network_and_of_a_selection(make_window, qtbot, demo, store, tmp_path):  # noqa: F811
    import icalendar

    municipality, _part = demo
    window = make_window()
    _page, section = open_section(window, qtbot, "networks")
    network = section.selected_network()
    path = tmp_path / "nettverk.ics"
    section.export_calendar("network", str(path))
    wait_jobs(window, qtbot)
    events = icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert len(events) == len(list_gatherings(store, municipality.id, network_id=network.id))
    section.gatherings_view.selectRow(0)
    section.gatherings_view.selectionModel().select(
        section.gatherings_proxy.index(1, 0),
        section.gatherings_view.selectionModel().SelectionFlag.Select
        | section.gatherings_view.selectionModel().SelectionFlag.Rows)
    chosen = tmp_path / "valgte.ics"
    section.export_calendar("selected", str(chosen))
    wait_jobs(window, qtbot)
    assert len(icalendar.Calendar.from_ical(chosen.read_bytes()).walk("VEVENT")) == 2
    assert "2 samlinger" in section.gatherings_note.text()


def test_a_new_task_for_the_chosen_network_with_a_past_due_date_is_overdue(make_window, qtbot, demo, store):  # noqa: F811
    from storage.services.tasks import list_tasks
    from ui.planning.tasks import TaskDialog

    municipality, _part = demo
    window = make_window()
    _page, section = open_section(window, qtbot, "tasks")
    network = section.networks[0]
    section.owner_filter.setCurrentIndex(section.owner_filter.findData(network.id))
    dialog = TaskDialog(window.runner, municipality.id, section.networks, section.units, None, section,
                        owner_id=network.id)
    dialog.open()
    dialog.title.setText("Lese kapittel 9 A sammen")
    dialog.due.setDate(dialog.due.date().fromString("01.11.2026", "dd.MM.yyyy"))
    with qtbot.waitSignal(section.loaded, timeout=15_000):
        qtbot.keyClick(dialog.title, Qt.Key.Key_Return)
    made = [t for t in list_tasks(store, municipality.id, today=date(2026, 11, 20)) if t.title == "Lese kapittel 9 A sammen"]
    assert len(made) == 1 and made[0].network_id == network.id and made[0].overdue
    rows = [section.proxy.index(r, 1).data() for r in range(section.proxy.rowCount())]
    assert "Lese kapittel 9 A sammen" in rows


def test_unsaved_plan_text_survives_a_reload_and_is_asked_about_on_close(make_window, qtbot, demo, monkeypatch):  # noqa: F811
    window = make_window()
    _page, section = open_section(window, qtbot, "plan")
    assert window.unsaved_changes() == []
    editor = section.editors["organisation"]
    typed = editor.toPlainText() + " Ny setning som ikke er lagret."
    editor.setPlainText(typed)
    with qtbot.waitSignal(section.loaded, timeout=15_000):
        section.load()  # e.g. another page saved something and the plan reloads
    assert editor.toPlainText() == typed and section.save_button.isEnabled()
    assert window.unsaved_changes() == ["teksten i planen"]
    asked = []
    monkeypatch.setattr(window, "_confirm_close", lambda unsaved: asked.append(unsaved) or False)
    window.close()
    assert asked == [["teksten i planen"]] and window.isVisible()
    monkeypatch.setattr(window, "_confirm_close", lambda unsaved: True)
    window.close()
    assert not window.isVisible()

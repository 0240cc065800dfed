"""Two users, one unit: the second save is refused with the unit's name, the form shows what is stored
now, and the user may save theirs over it knowingly. Nothing is lost without the user seeing it."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from storage.services.units import get_unit, list_units, update_unit
from storage.store import Store

from .planning_helpers import demo, open_section, wait_jobs  # noqa: F401


def test_a_unit_changed_by_someone_else(make_window, qtbot, demo, store, db_path):  # noqa: F811
    from ui.planning.units import UnitDialog

    municipality, _part = demo
    window = make_window()
    _page, section = open_section(window, qtbot, "units")
    unit = list_units(store, municipality.id)[0]
    dialog = UnitDialog(window.runner, municipality.id, unit, section)
    dialog.open()
    other_user = Store(store.engine.url.render_as_string(hide_password=False))
    update_unit(other_user, unit.id, {"staff_count": unit.staff_count + 10})  # saved while my form is open
    other_user.close()
    dialog.staff.setValue(unit.staff_count + 3)
    dialog.save()
    wait_jobs(window, qtbot)
    assert dialog.isVisible() and dialog.conflict_bar.isVisible()
    assert f"«{unit.name}» er endret av en annen siden du åpnet den" in dialog.error_label.text()
    assert get_unit(store, unit.id).staff_count == unit.staff_count + 10  # theirs is kept

    dialog.differences_button.click()
    wait_jobs(window, qtbot)
    box = dialog.differences_box
    assert isinstance(box, QMessageBox)
    assert (f"Antall ansatte: du skrev «{unit.staff_count + 3}», lagret er «{unit.staff_count + 10}»"
            in box.text())
    box.accept()

    dialog.overwrite_button.click()  # the user decides to keep their own number
    wait_jobs(window, qtbot)
    assert not dialog.isVisible()
    stored = get_unit(store, unit.id)
    assert stored.staff_count == unit.staff_count + 3 and stored.row_version == unit.row_version + 2

from dataclasses import dataclass

from PySide6.QtCore import Qt

from ui.widgets.table_model import RIGHT, Column, RecordTableModel, SearchProxy


@dataclass
class Row:
    name: str
    staff: int


COLUMNS = [Column("Navn", lambda r: r.name), Column("Ansatte", lambda r: r.staff, align=RIGHT)]


def test_rows_sort_and_search(qtbot):
    model = RecordTableModel(COLUMNS)
    model.set_rows([Row("Åsen barnehage", 12), Row("Bakken skole", 40), Row("Elva barnehage", 9)])
    proxy = SearchProxy(model)
    assert proxy.rowCount() == 3 and model.headerData(1, Qt.Orientation.Horizontal) == "Ansatte"
    proxy.sort(1, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(r, 0).data() for r in range(3)] == ["Bakken skole", "Åsen barnehage", "Elva barnehage"]
    proxy.set_search("BARNEHAGE")
    assert proxy.rowCount() == 2
    proxy.set_search("åsen")
    assert model.row_at(proxy.index(0, 0)) == Row("Åsen barnehage", 12)
    proxy.set_search("")
    proxy.set_predicate(lambda r: r.staff > 10)
    assert proxy.rowCount() == 2

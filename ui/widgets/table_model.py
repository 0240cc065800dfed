"""One table model for every list of read models (Vorta's table models, made generic).

    COLUMNS = [Column("Navn", lambda u: u.name), Column("Ansatte", lambda u: u.staff_count, align=RIGHT)]
    model = RecordTableModel(COLUMNS)
    model.set_rows(units)                      # read models from a service
    proxy = SearchProxy(model); view.setModel(proxy)
    proxy.set_search("skog")                   # matches any column's text, case- and æøå-insensitive

Column indexes are the positions in the COLUMNS list; name them as constants where the code uses them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QTableView

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the read model behind a row
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Column:
    title: str
    text: Callable[[Any], Any]  # value shown (str() applied; None shows as empty)
    align: Qt.AlignmentFlag = LEFT
    sort_key: Callable[[Any], Any] | None = None  # defaults to the shown value
    tooltip: Callable[[Any], str | None] | None = None
    foreground: Callable[[Any], str | None] | None = None  # a colour name, e.g. "#b3261e"
    stretch: bool = False  # a long text column: shares the room the others leave, elided, with a tooltip


class RecordTableModel(QAbstractTableModel):
    """Read-only rows of read models; `row_at(index)` gives the model behind a view index."""

    def __init__(self, columns: Sequence[Column], parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, index: QModelIndex) -> Any | None:
        """The read model behind `index` (a source or proxy index)."""
        if not index.isValid():
            return None
        return index.data(ROW_ROLE)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        record = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = column.text(record)
            return "" if value is None else str(value)
        if role == ROW_ROLE:
            return record
        if role == SORT_ROLE:
            key = (column.sort_key or column.text)(record)
            return "" if key is None else key
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align.value)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(record)
        if role == Qt.ItemDataRole.ToolTipRole and column.stretch:  # the whole text when it is elided
            value = column.text(record)
            return None if value in (None, "") else str(value)
        if role == Qt.ItemDataRole.ForegroundRole and column.foreground is not None:
            colour = column.foreground(record)
            return QBrush(QColor(colour)) if colour else None
        return None


class SearchProxy(QSortFilterProxyModel):
    """Sorts by each column's sort key and filters on a search text across all columns."""

    def __init__(self, source: RecordTableModel, parent=None):
        super().__init__(parent)
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)
        self._needle = ""
        self._extra: Callable[[Any], bool] | None = None

    def _refilter(self, change: Callable[[], None]) -> None:
        """Apply `change` to the filter state and re-run the filter (Qt 6.10+ API where available)."""
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - Qt before 6.10
            change()
            self.invalidateFilter()

    def set_search(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "_needle", text.casefold().strip()))

    def set_predicate(self, predicate: Callable[[Any], bool] | None) -> None:
        """An extra condition on the read model (e.g. a kind or semester chooser)."""
        self._refilter(lambda: setattr(self, "_extra", predicate))

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:
        source: RecordTableModel = self.sourceModel()
        record = source._rows[row]
        if self._extra is not None and not self._extra(record):
            return False
        if not self._needle:
            return True
        return any(self._needle in str(column.text(record) or "").casefold() for column in source.columns)


class FastSearchProxy(SearchProxy):
    """SearchProxy for county-sized tables (units, gatherings).

    Each row's search text is built once when the rows arrive; a keystroke then decides every row in
    one Python pass and rebuilds the mapping with one `layoutChanged` (instead of a signal per removed
    interval). Sorting is one keyed sort of the rows in Python instead of the proxy's per-pair `lessThan`.
    Give it rows with `proxy.set_rows(rows)`, not `model.set_rows`.
    """

    def __init__(self, source: RecordTableModel, parent=None):
        super().__init__(source, parent)
        self._hay: list[str] = []
        self._accept: list[bool] = []
        self._order: tuple[int, Qt.SortOrder] | None = None

    def _text(self, record) -> str:
        return "\u0001".join(str(c.text(record) or "") for c in self.sourceModel().columns).casefold()

    def _decide(self, rows: list) -> None:
        needle, extra = self._needle, self._extra
        self._accept = [(extra is None or extra(r)) and (not needle or needle in h) for r, h in zip(rows, self._hay, strict=True)]

    def set_search(self, text: str) -> None:
        self._needle = text.casefold().strip()
        self._decide(self.sourceModel()._rows)
        self.invalidate()

    def set_predicate(self, predicate) -> None:
        self._extra = predicate
        self._decide(self.sourceModel()._rows)
        self.invalidate()

    def filterAcceptsRow(self, row: int, parent) -> bool:
        accept = self._accept
        return accept[row] if row < len(accept) else super().filterAcceptsRow(row, parent)

    def set_rows(self, rows) -> None:
        rows = list(rows)
        if self._order is not None:
            rows = self._sorted(rows, *self._order)
        self._hay = [self._text(r) for r in rows]
        self._decide(rows)
        self.sourceModel().set_rows(rows)

    def _sorted(self, rows: list, column: int, order: Qt.SortOrder) -> list:
        col = self.sourceModel().columns[column]
        key = col.sort_key or col.text
        reverse = order == Qt.SortOrder.DescendingOrder
        try:
            return sorted(rows, key=lambda r: (key(r) is None, key(r) if key(r) is not None else ""), reverse=reverse)
        except TypeError:
            return sorted(rows, key=lambda r: str(key(r)), reverse=reverse)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column < 0:
            self._order = None
            return
        self._order = (column, order)
        self.set_rows(self.sourceModel().rows())


def size_columns(view: QTableView, columns: Sequence[Column]) -> None:
    """Short columns as wide as their contents; the long text columns (`stretch`, else the last) share
    the rest, so a table fits its view at 1280 px without horizontal scrolling."""
    header = view.horizontalHeader()
    stretch = [i for i, c in enumerate(columns) if c.stretch] or [len(columns) - 1]
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for i in stretch if columns else []:
        header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)

"""The one way pages build a read-mostly table view over a Qt model."""

from __future__ import annotations

from ui.qt import QAbstractItemView, QHeaderView, QTableView


def table_view(model, *, selectable: bool = True, stretch: int | None = 0) -> QTableView:
    """A table with row selection (or none), no row numbers and columns sized to their text.

    ``stretch`` is the column that takes the spare width; ``None`` gives it to the last one.
    """
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().setVisible(False)
    view.setAlternatingRowColors(True)
    if selectable:
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    else:
        view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is None:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def fit_to_rows(view: QTableView) -> None:
    """Show every row without an inner scroll bar (for tables on a page that scrolls itself)."""
    rows = view.model().rowCount()
    height = view.horizontalHeader().height() + sum(view.rowHeight(r) for r in range(rows)) + 4
    view.setFixedHeight(max(height, view.horizontalHeader().height() + 4))

"""The answer labels of a scale, worst first, each shown with the points it will get.

A Qt list model over the labels (a ``QStringListModel``, so a view can move
them by drag and drop through the standard insert/remove of mime data) whose
display text adds the points of DESIGN §3 (index over 0..k−1, stretched to
0–4). The points follow every change, so a person who drags "Very satisfied"
to the top sees at once that it would now get 0 points.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel

from rater_desktop.i18n import _
from rater_desktop.importing.points import label_points, points_text
from ui.qt import QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()


class ScaleLabelsModel(QStringListModel):
    """Labels worst first; ``DisplayRole`` reads "label — N points", ``EditRole`` the label itself."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        for signal in (self.rowsInserted, self.rowsRemoved, self.rowsMoved):
            signal.connect(self._points_changed)
        self.modelReset.connect(self._points_changed)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole) and index.isValid():
            label = super().data(index, Qt.ItemDataRole.EditRole)
            points = points_text(label_points(index.row(), self.rowCount()))
            # TR: one answer label of a scale and the points it gets, e.g. "Satisfied — 3 points"
            return _("{label} — {points}").format(label=label, points=points)
        return super().data(index, role)

    def labels(self) -> list[str]:
        """The labels, worst first, without blank ones."""
        return [label.strip() for label in self.stringList() if label.strip()]

    def move(self, row: int, step: int) -> int:
        """Move one label up (-1) or down (+1); returns its new row, or -1 if it cannot move."""
        target = row + step
        if not (0 <= row < self.rowCount() and 0 <= target < self.rowCount()):
            return -1
        destination = target + 1 if step > 0 else target  # Qt counts the destination before the move
        self.moveRows(_NO_INDEX, row, 1, _NO_INDEX, destination)
        return target

    def _points_changed(self, *_args: object) -> None:
        if self.rowCount():
            self.dataChanged.emit(self.index(0), self.index(self.rowCount() - 1), [Qt.ItemDataRole.DisplayRole])

"""Putting a scale's answer labels in order: drag them, or move them with buttons.

Used by the import wizard's scale page when the labels' order is not known
for sure. Everything a mouse does can be done from the keyboard: the buttons
move the selected label, mark it as "not applicable" (it then counts as no
answer) or add a label nobody chose (a step of the questionnaire's scale that
is missing from the answers, without which every other label's points shift).
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView

from rater_desktop.i18n import _
from ui.models.scale_labels import ScaleLabelsModel
from ui.qt import QHBoxLayout, QListView, QPushButton, Qt, QVBoxLayout, QWidget, Signal


class LabelOrder(QWidget):
    """A list of labels worst first with their points, and the buttons that reorder it.

    ``changed`` is emitted after every change; ``not_applicable(label)`` when
    a label is taken out of the scale as a not-applicable answer.
    """

    changed = Signal()
    not_applicable = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ScaleLabelsModel(self)
        self.view = QListView()
        self.view.setObjectName("scaleLabels")
        self.view.setModel(self.model)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDragDropOverwriteMode(False)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setMaximumHeight(self.view.fontMetrics().height() * 14)  # an 11-step scale without scrolling
        self.up, self.down, self.to_na, self.add = (QPushButton() for _i in range(4))
        self.up.setObjectName("labelUp")
        self.down.setObjectName("labelDown")
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(1))
        self.to_na.clicked.connect(self._take_out)
        self.add.clicked.connect(self._add)
        buttons = QVBoxLayout()
        for button in (self.up, self.down, self.to_na, self.add):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.view, 1)
        row.addLayout(buttons)
        for signal in (self.model.rowsMoved, self.model.rowsRemoved, self.model.dataChanged):
            signal.connect(self._emit_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.up.setText(_("Move up"))
        self.down.setText(_("Move down"))
        self.to_na.setText(_("Not applicable"))
        self.to_na.setToolTip(_("This answer means \"no answer\": take it out of the scale"))
        self.add.setText(_("Add a label…"))
        self.add.setToolTip(_("Add a step of the questionnaire's scale that nobody chose"))
        self.view.setAccessibleName(_("Labels, worst first, with their points"))

    def set_labels(self, labels: list[str]) -> None:
        self.model.setStringList(list(labels))
        self.changed.emit()

    def labels(self) -> list[str]:
        return self.model.labels()

    def select(self, row: int) -> None:
        self.view.setCurrentIndex(self.model.index(row))

    def _move(self, step: int) -> None:
        row = self.model.move(self.view.currentIndex().row(), step)
        if row >= 0:
            self.select(row)

    def _take_out(self) -> None:
        row = self.view.currentIndex().row()
        if 0 <= row < self.model.rowCount():
            label = self.model.stringList()[row]
            self.model.removeRows(row, 1)
            self.not_applicable.emit(label)

    def _add(self) -> None:
        """A new blank label at the selected place (or the end), opened for typing."""
        row = self.view.currentIndex().row()
        row = self.model.rowCount() if row < 0 else row + 1
        self.model.insertRows(row, 1)
        self.select(row)
        self.view.edit(self.model.index(row))

    def _emit_changed(self, *_args: object) -> None:
        self.changed.emit()

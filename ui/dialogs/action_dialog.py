"""Add or edit one improvement action.

The dialog only collects values (:meth:`ActionDialog.values`); the action plan
page saves them through ``Operations``.  A title is required: OK stays
disabled, with a line saying why, until there is one.  The statement list
follows the chosen dimension, and a due date is optional (the date field is
enabled by its check box, since a ``QDateEdit`` cannot be empty).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
)

from rater_desktop.framework import dimension_name
from rater_desktop.i18n import _
from rater_desktop.model import ACTION_STATUSES, DIMENSION_KEYS, LETTERS, Action, Criterion
from rater_desktop.report.content import STATUS_WORDS, criterion_text
from ui.qt import QHBoxLayout, QLabel, QVBoxLayout, QWidget
from ui.qt_language import date_format

TARGET_GRADES = tuple(letter for letter in LETTERS if letter != "F")
"""An F is never a target."""


class ActionDialog(QDialog):
    """Fields of one action; ``action`` fills them for editing, ``preset`` for a new one."""

    def __init__(
        self,
        criteria: list[Criterion],
        action: Action | None = None,
        *,
        preset: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("actionDialog")
        self.setWindowTitle(_("Edit action") if action else _("New action"))
        self.setMinimumWidth(520)
        self._criteria = criteria
        start = _start_values(action, preset or {})

        self.title = QLineEdit(start["title"])
        self.title.setObjectName("actionTitle")
        self.title.setMaxLength(500)
        self.title.setPlaceholderText(_("What will be done, e.g. “Answer every message within two hours”"))
        self.dimension = QComboBox()
        self.dimension.setObjectName("actionDimension")
        self.dimension.addItem(_("(any dimension)"), None)
        for key in DIMENSION_KEYS:
            self.dimension.addItem(dimension_name(key), key)
        self.dimension.setCurrentIndex(max(0, self.dimension.findData(start["dimension"])))
        self.criterion = QComboBox()
        self.criterion.setObjectName("actionCriterion")
        self.criterion.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.criterion.setMinimumContentsLength(30)
        self.owner = QLineEdit(start["owner"])
        self.owner.setObjectName("actionOwner")
        self.owner.setMaxLength(500)
        self.has_due = QCheckBox(_("Due by"))
        self.has_due.setObjectName("actionHasDue")
        self.due = QDateEdit()
        self.due.setObjectName("actionDue")
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat(date_format())
        due = QDate.fromString(start["due"] or "", "yyyy-MM-dd")
        self.due.setDate(due if due.isValid() else QDate.currentDate().addMonths(3))
        self.has_due.setChecked(bool(start["due"]))
        self.due.setEnabled(self.has_due.isChecked())
        self.has_due.toggled.connect(self.due.setEnabled)
        self.target = QComboBox()
        self.target.setObjectName("actionTarget")
        self.target.addItem(_("(no target)"), None)
        for grade in TARGET_GRADES:
            self.target.addItem(grade, grade)
        self.target.setCurrentIndex(max(0, self.target.findData(start["target_grade"])))
        self.status = QComboBox()
        self.status.setObjectName("actionStatus")
        for code in ACTION_STATUSES:
            self.status.addItem(_(STATUS_WORDS[code]), code)
        self.status.setCurrentIndex(max(0, self.status.findData(start["status"])))
        self.notes = QPlainTextEdit(start["notes"])
        self.notes.setObjectName("actionNotes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(90)
        self.problem = QLabel()
        self.problem.setObjectName("actionProblem")
        self.problem.setStyleSheet("color: #a02020;")

        self._fill_criteria(start["criterion_id"])
        self.dimension.currentIndexChanged.connect(lambda *_args: self._fill_criteria(None))

        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due, 1)
        form = QFormLayout()
        form.addRow(_("&Title:"), self.title)
        form.addRow(_("&Dimension:"), self.dimension)
        form.addRow(_("&Statement:"), self.criterion)
        form.addRow(_("&Owner:"), self.owner)
        form.addRow(_("Due date:"), due_row)
        form.addRow(_("T&arget grade:"), self.target)
        form.addRow(_("Stat&us:"), self.status)
        form.addRow(_("&Notes:"), self.notes)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.title.textChanged.connect(lambda *_args: self._check())
        self._check()

    def _fill_criteria(self, selected: int | None) -> None:
        key = self.dimension.currentData()
        self.criterion.clear()
        self.criterion.addItem(_("(the whole dimension)"), None)
        for criterion in self._criteria:
            if key is not None and criterion.dimension == key:
                self.criterion.addItem(_clip(criterion_text(criterion)), criterion.id)
        self.criterion.setEnabled(key is not None)
        self.criterion.setCurrentIndex(max(0, self.criterion.findData(selected)))

    def _check(self) -> None:
        missing = not self.title.text().strip()
        self.problem.setText(_("An action needs a title.") if missing else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not missing)

    def accept(self) -> None:
        if self.title.text().strip():
            super().accept()

    def values(self) -> dict[str, Any]:
        """The fields as ``Operations.add_action``/``update_action`` take them."""
        return {
            "title": self.title.text().strip(),
            "dimension": self.dimension.currentData(),
            "criterion_id": self.criterion.currentData(),
            "owner": self.owner.text().strip(),
            "due": self.due.date().toString("yyyy-MM-dd") if self.has_due.isChecked() else None,
            "target_grade": self.target.currentData(),
            "status": self.status.currentData(),
            "notes": self.notes.toPlainText().strip(),
        }


def _start_values(action: Action | None, preset: dict[str, Any]) -> dict[str, Any]:
    if action is not None:
        return {
            "title": action.title, "dimension": action.dimension, "criterion_id": action.criterion_id,
            "owner": action.owner, "due": action.due, "target_grade": action.target_grade,
            "status": action.status, "notes": action.notes,
        }
    blank = {"title": "", "dimension": None, "criterion_id": None, "owner": "", "due": None,
             "target_grade": None, "status": "open", "notes": ""}
    return {**blank, **{key: value for key, value in preset.items() if key in blank}}


def _clip(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"

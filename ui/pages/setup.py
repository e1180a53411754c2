"""Set-up of a round: name and date, participants, the statements, time contexts.

Every edit goes through ``Operations`` (saved at once, undoable).  Problems the
user can fix (an empty or duplicate name, an empty statement) are explained in
a message box rather than refused silently.  Statements belong to the workbook,
not the round: hiding one leaves its grades in the file, editing its words
keeps them.
"""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QFormLayout, QGroupBox, QLineEdit

from rater_desktop.framework import default_time_contexts, dimension_name
from rater_desktop.i18n import _
from rater_desktop.model import DIMENSION_KEYS
from rater_desktop.operations import Operations
from rater_desktop.sessions.grading import Answers
from ui.models.framework import COL_TEXT, ContextsModel, CriteriaListModel
from ui.models.participants import ParticipantsModel, name_problem
from ui.pages.base import WorkbookPage
from ui.qt import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from ui.qt_language import date_format
from ui.widgets.fonts import enlarge
from ui.widgets.tables import table_view


class RoundSetupPage(WorkbookPage):
    """Edit one round (``assessment_id``) and the workbook's statements."""

    WATCHED = ("assessments", "participants", "criteria", "time_contexts")

    def __init__(self, operations: Operations, assessment_id: int, parent: QWidget | None = None) -> None:
        super().__init__(operations, assessment_id, parent)
        self.setObjectName("roundSetupPage")

        self.title = QLabel()
        enlarge(self.title, 1.5, bold=True)
        self.round_name = QLineEdit()
        self.round_name.editingFinished.connect(self._save_round)
        self.round_date = QDateEdit()
        self.round_date.setCalendarPopup(True)
        self.round_date.setDisplayFormat(date_format())
        self.round_date.editingFinished.connect(self._save_round)

        self.people_model = ParticipantsModel(operations, assessment_id, editable=True, parent=self)
        self.people_model.refused.connect(self._refuse)
        self.people_view = table_view(self.people_model)
        self.new_person = QLineEdit()
        self.new_person.returnPressed.connect(self.add_participant)
        self.new_role = QLineEdit()
        self.new_role.returnPressed.connect(self.add_participant)
        self.add_person_button = QPushButton()
        self.add_person_button.clicked.connect(self.add_participant)
        self.remove_person_button = QPushButton()
        self.remove_person_button.clicked.connect(self.remove_participant)

        self.criteria_model = CriteriaListModel(operations, self)
        self.criteria_model.refused.connect(self._refuse)
        self.criteria_view = table_view(self.criteria_model, stretch=COL_TEXT)
        self.new_dimension = QComboBox()
        self.new_statement = QLineEdit()
        self.new_statement.returnPressed.connect(self.add_criterion)
        self.add_statement_button = QPushButton()
        self.add_statement_button.clicked.connect(self.add_criterion)
        self.up_button = QPushButton()
        self.up_button.clicked.connect(lambda: self.move_criterion(-1))
        self.down_button = QPushButton()
        self.down_button.clicked.connect(lambda: self.move_criterion(1))
        self.restore_button = QPushButton()
        self.restore_button.clicked.connect(self.restore_builtin)

        self.contexts_on = QCheckBox()
        self.contexts_on.clicked.connect(self.set_contexts_enabled)
        self.contexts_model = ContextsModel(operations, assessment_id, self)
        self.contexts_model.refused.connect(self._refuse)
        self.contexts_view = table_view(self.contexts_model)
        self.new_context = QLineEdit()
        self.new_context.returnPressed.connect(self.add_context)
        self.add_context_button = QPushButton()
        self.add_context_button.clicked.connect(self.add_context)
        self.remove_context_button = QPushButton()
        self.remove_context_button.clicked.connect(self.remove_context)

        self.round_box, self.people_box = QGroupBox(), QGroupBox()
        self.criteria_box, self.contexts_box = QGroupBox(), QGroupBox()
        self.name_label, self.date_label = QLabel(), QLabel()
        self.name_label.setBuddy(self.round_name)
        self.date_label.setBuddy(self.round_date)
        form = QFormLayout(self.round_box)
        form.addRow(self.name_label, self.round_name)
        form.addRow(self.date_label, self.round_date)

        people = QVBoxLayout(self.people_box)
        people.addWidget(self.people_view, 1)
        row = QHBoxLayout()
        row.addWidget(self.new_person, 2)
        row.addWidget(self.new_role, 1)
        row.addWidget(self.add_person_button)
        people.addLayout(row)
        people.addWidget(self.remove_person_button)

        contexts = QVBoxLayout(self.contexts_box)
        contexts.addWidget(self.contexts_on)
        contexts.addWidget(self.contexts_view, 1)
        row = QHBoxLayout()
        row.addWidget(self.new_context, 1)
        row.addWidget(self.add_context_button)
        contexts.addLayout(row)
        contexts.addWidget(self.remove_context_button)

        statements = QVBoxLayout(self.criteria_box)
        statements.addWidget(self.criteria_view, 1)
        row = QHBoxLayout()
        row.addWidget(self.new_dimension)
        row.addWidget(self.new_statement, 1)
        row.addWidget(self.add_statement_button)
        statements.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(self.up_button)
        row.addWidget(self.down_button)
        row.addStretch(1)
        row.addWidget(self.restore_button)
        statements.addLayout(row)

        left = QVBoxLayout()
        left.addWidget(self.round_box)
        left.addWidget(self.people_box, 3)
        left.addWidget(self.contexts_box, 2)
        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addWidget(self.criteria_box, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.title)
        layout.addLayout(columns, 1)

        self.watch()
        self.refresh()

    # -- round ---------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the round, people, statements and situations; redraw."""
        assessment = next((a for a in self.operations.workbook.assessments() if a.id == self.assessment_id), None)
        if assessment is not None:
            self.round_name.setText(assessment.name)
            self.round_date.setDate(QDate.fromString(assessment.date, "yyyy-MM-dd"))
        self.people_model.reload()
        self.criteria_model.reload()
        self.contexts_model.reload()
        self.retranslate()

    def _save_round(self) -> None:
        """Save the round's name and date as typed (on Return, and when the field loses focus)."""
        if self.retired:
            return
        name = self.round_name.text().strip()
        date = self.round_date.date().toString("yyyy-MM-dd")
        current = next((a for a in self.operations.workbook.assessments() if a.id == self.assessment_id), None)
        if current is None or (name, date) == (current.name, current.date):
            return
        if not name:
            self._refuse(_("A round needs a name."))
            self.round_name.setText(current.name)
            return
        self.operations.update_assessment(self.assessment_id, name=name, date=date)

    # -- people ----------------------------------------------------------------------

    def add_participant(self) -> None:
        name = self.new_person.text().strip()
        problem = name_problem(name, [p.name for p in self.people_model.participants()])
        if problem:
            self._refuse(problem)
            return
        self.operations.add_participant(self.assessment_id, name, self.new_role.text().strip())
        self.new_person.clear()
        self.new_role.clear()
        self.new_person.setFocus()

    def remove_participant(self) -> None:
        person = self.people_model.participant(self.people_view.currentIndex().row())
        if person is None:
            return
        # any answer counts: a quick round's phone votes and the time contexts are not statement grades
        graded = Answers.load(self.operations.workbook, self.assessment_id, person.id).any()
        question = _("Remove {name} from this round?").format(name=person.name)
        if graded:
            question += " " + _("Their grades and answers are removed too (Ctrl+Z brings them back).")
        answer = QMessageBox.question(self, _("Remove participant"), question)
        if answer == QMessageBox.StandardButton.Yes:
            self.operations.delete_participant(person.id)

    # -- statements --------------------------------------------------------------------

    def add_criterion(self) -> None:
        text = self.new_statement.text().strip()
        if not text:
            self._refuse(_("Write the statement to grade first."))
            return
        key = DIMENSION_KEYS[max(0, self.new_dimension.currentIndex())]
        ident = self.operations.add_criterion(key, text)
        self.new_statement.clear()
        self.criteria_view.setCurrentIndex(self.criteria_model.index(self.criteria_model.row_of(ident), COL_TEXT))

    def move_criterion(self, step: int) -> None:
        """Move the selected statement up or down within its dimension."""
        item = self.criteria_model.criterion(self.criteria_view.currentIndex().row())
        if item is None:
            return
        same = [c for c in self.operations.workbook.criteria(include_hidden=True) if c.dimension == item.dimension]
        place = [c.id for c in same].index(item.id) + step
        if 0 <= place < len(same):
            self.operations.move_criterion(item.id, place)
            row = self.criteria_model.row_of(item.id)
            self.criteria_view.setCurrentIndex(self.criteria_model.index(row, COL_TEXT))

    def restore_builtin(self) -> None:
        """Show hidden built-in statements again and add missing ones (own edits are kept)."""
        from rater_desktop.framework import builtin_criteria

        self.operations.restore_builtin_criteria(builtin_criteria())

    # -- situations ----------------------------------------------------------------------

    def set_contexts_enabled(self, enabled: bool) -> None:
        """On: start from the suggested situations.  Off: remove them (after asking if graded)."""
        contexts = self.contexts_model.contexts()
        if enabled and not contexts:
            for name in default_time_contexts():
                self.operations.add_time_context(self.assessment_id, name)
        elif not enabled and contexts:
            answer = QMessageBox.question(self, _("Stop grading by situation"), _(
                "Remove every situation of this round, with the grades given for them? Ctrl+Z brings them back."))
            if answer != QMessageBox.StandardButton.Yes:
                self.contexts_on.setChecked(True)
                return
            self.operations.delete_time_contexts([context.id for context in contexts])

    def add_context(self) -> None:
        name = self.new_context.text().strip()
        if not name:
            self._refuse(_("A situation needs a name."))
            return
        self.operations.add_time_context(self.assessment_id, name)
        self.new_context.clear()

    def remove_context(self) -> None:
        row = self.contexts_view.currentIndex().row()
        contexts = self.contexts_model.contexts()
        if 0 <= row < len(contexts):
            self.operations.delete_time_context(contexts[row].id)

    # -- shared ---------------------------------------------------------------------------

    def _refuse(self, message: str) -> None:
        QMessageBox.warning(self, _("Cannot save this"), message)



    def _name_controls(self) -> None:
        """Names a screen reader announces: a placeholder is gone once typed over."""
        self.people_view.setAccessibleName(_("Participants"))
        self.new_person.setAccessibleName(_("Name of the new participant"))
        self.new_role.setAccessibleName(_("Role of the new participant"))
        self.criteria_view.setAccessibleName(_("Statements to grade"))
        self.new_dimension.setAccessibleName(_("Dimension of the new statement"))
        self.new_statement.setAccessibleName(_("New statement"))
        self.contexts_view.setAccessibleName(_("Situations"))
        self.new_context.setAccessibleName(_("New situation"))

    def retranslate(self) -> None:
        self.title.setText(_("Set up the round"))
        self.round_box.setTitle(_("Round"))
        self.name_label.setText(_("&Name:"))
        self.date_label.setText(_("&Date:"))
        self.people_box.setTitle(_("Participants"))
        self.new_person.setPlaceholderText(_("Name or anonymous label"))
        self.new_role.setPlaceholderText(_("Role (optional)"))
        self.add_person_button.setText(_("&Add participant"))
        self.remove_person_button.setText(_("Remove selected participant"))
        self.criteria_box.setTitle(_("Statements to grade (all rounds of this workbook)"))
        keep = max(0, self.new_dimension.currentIndex())
        self.new_dimension.clear()
        self.new_dimension.addItems([dimension_name(key) for key in DIMENSION_KEYS])
        self.new_dimension.setCurrentIndex(keep)
        self.new_statement.setPlaceholderText(_("New statement"))
        self.add_statement_button.setText(_("Add &statement"))
        self.up_button.setText(_("Move up"))
        self.down_button.setText(_("Move down"))
        self.restore_button.setText(_("Restore built-in statements"))
        self.contexts_box.setTitle(_("Situations (time contexts)"))
        self.contexts_on.setText(_("Also grade each dimension by situation"))
        self.contexts_on.setChecked(bool(self.contexts_model.contexts()))
        self.new_context.setPlaceholderText(_("New situation"))
        self.add_context_button.setText(_("Add situation"))
        self.remove_context_button.setText(_("Remove selected situation"))
        self._name_controls()
        self.people_model.retranslate()
        self.criteria_model.retranslate()

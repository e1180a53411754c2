"""The action plan of one round: a sortable, filterable table of actions.

Add, edit and delete go through ``Operations`` (saved at once, undoable with
the window's Undo); the table reloads when the operations layer announces a
change of actions or criteria.  Dialogs are opened window-modal with
``open()`` rather than ``exec()``, so no nested event loop runs and a test (or
another page) can reach the open dialog through :attr:`ActionPlanPage.dialog`.

Other pages create an action from a dimension, statement, flag or gap with
:meth:`ActionPlanPage.new_action_for`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QComboBox, QLineEdit

from rater_desktop.framework import dimension_name
from rater_desktop.i18n import _, ngettext
from rater_desktop.model import ACTION_STATUSES, DIMENSION_KEYS, Action
from rater_desktop.operations import Operations
from rater_desktop.report.content import STATUS_WORDS
from rater_desktop.suggestions import Suggestion, library, suggestions_for
from ui.dialogs.action_dialog import ActionDialog
from ui.dialogs.errors import show_error
from ui.dialogs.suggestion_dialog import SuggestionDialog
from ui.models.actions import COL_CRITERION, COL_TITLE, ActionFilter, ActionsModel
from ui.pages.base import WorkbookPage
from ui.qt import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QPushButton,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets.fonts import enlarge


class ActionPlanPage(WorkbookPage):
    """The actions of ``assessment_id``."""

    WATCHED = ("actions", "criteria", "assessments", "grades", "dimension_grades", "consensus", "surveys", "settings",
               "workshop")
    """actions, and what their gaps and targets are checked against"""

    action_saved = Signal(int)
    """id of an action just added or edited"""

    def __init__(self, operations: Operations, assessment_id: int, parent: QWidget | None = None) -> None:
        super().__init__(operations, assessment_id, parent)
        self.setObjectName("actionPlanPage")
        self.dialog: ActionDialog | SuggestionDialog | None = None

        self.heading = QLabel()
        enlarge(self.heading, 1.5, bold=True)
        self.model = ActionsModel(operations, assessment_id, self)
        self.proxy = ActionFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView()
        self.view.setObjectName("actionsTable")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # added order until the user sorts
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The title gets a width of its own and the last column (progress) what is left: as the
        # stretching column the title got only that leftover, 40-70 px on a 1300 px window.
        for column, width in ((COL_TITLE, 200), (COL_CRITERION, 100)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        # activated covers Enter and a double-click (or the platform's single click); listening to
        # doubleClicked as well opened a second dialog whose OK silently undid the first one's edit
        self.view.activated.connect(lambda *_args: self.edit_selected())
        self.view.selectionModel().selectionChanged.connect(lambda *_args: self._update_buttons())

        self.search = QLineEdit()
        self.search.setObjectName("actionSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter_changed)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.currentIndexChanged.connect(self._filter_changed)
        self.dimension_filter = QComboBox()
        self.dimension_filter.setObjectName("dimensionFilter")
        self.dimension_filter.currentIndexChanged.connect(self._filter_changed)
        self.add_button = QPushButton()
        self.add_button.setObjectName("addAction")
        self.add_button.clicked.connect(lambda: self.new_action_for(None))
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("editAction")
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("deleteAction")
        self.delete_button.clicked.connect(self.delete_selected)
        self.suggest_button = QPushButton()
        self.suggest_button.setObjectName("suggestActions")
        self.suggest_button.clicked.connect(self.suggest)
        self.count = QLabel()
        self.count.setObjectName("actionCount")
        self.empty_hint = QLabel()
        self.empty_hint.setWordWrap(True)

        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete_selected)
        new_key = QShortcut(QKeySequence(QKeySequence.StandardKey.New), self)
        new_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        new_key.activated.connect(lambda: self.new_action_for(None))

        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.dimension_filter)
        filters.addStretch(1)
        filters.addWidget(self.suggest_button)
        filters.addWidget(self.add_button)
        filters.addWidget(self.edit_button)
        filters.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.heading)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.count)

        self.watch()
        self.retranslate()

    # -- filters -------------------------------------------------------------

    def _fill_filters(self) -> None:
        for box, everything, entries in (
            (self.status_filter, _("All statuses"), [(_(STATUS_WORDS[s]), s) for s in ACTION_STATUSES]),
            (self.dimension_filter, _("All dimensions"), [(dimension_name(k), k) for k in DIMENSION_KEYS]),
        ):
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(everything, None)
            for text, code in entries:
                box.addItem(text, code)
            box.setCurrentIndex(max(0, box.findData(current)))
            box.blockSignals(False)

    def _filter_changed(self, *_args: Any) -> None:
        self.proxy.set_status(self.status_filter.currentData())
        self.proxy.set_dimension(self.dimension_filter.currentData())
        self.proxy.set_text(self.search.text())
        self._update_count()

    def _update_count(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        if shown == total:
            self.count.setText(ngettext("{n} action", "{n} actions", total).format(n=total))
        else:
            self.count.setText(_("{shown} of {total} actions shown").format(shown=shown, total=total))
        self.empty_hint.setVisible(total == 0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected_action() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    # -- selection -----------------------------------------------------------------

    def selected_action(self) -> Action | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.action(self.proxy.mapToSource(rows[0]).row())

    def select_action(self, action_id: int) -> None:
        row = self.model.row_of(action_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.view.selectRow(index.row())
            self.view.scrollTo(index)

    # -- changes -----------------------------------------------------------------

    def new_action_for(self, dimension: str | None, criterion_id: int | None = None, title: str = "",
                       **preset: Any) -> ActionDialog:
        """Open the dialog for a new action about ``dimension`` (and a statement), prefilled.

        Other pages call this for a flag, gap or weak statement; ``preset`` may
        add any other field of the dialog (owner, target_grade, notes, ...).
        Returns the open dialog; the action is saved when it is accepted.
        """
        values = {**preset, "dimension": dimension, "criterion_id": criterion_id, "title": title}
        dialog = ActionDialog(self.operations.workbook.criteria(), preset=values, parent=self)
        dialog.accepted.connect(lambda: self._save(None, dialog.values()))
        return self._open(dialog)

    def edit_selected(self) -> ActionDialog | None:
        action = self.selected_action()
        if action is None:
            return None
        dialog = ActionDialog(self.operations.workbook.criteria(include_hidden=True), action, parent=self)
        dialog.accepted.connect(lambda: self._save(action.id, dialog.values()))
        return self._open(dialog)

    def delete_selected(self) -> None:
        """Delete at once, without asking: the window's Undo brings the action back."""
        action = self.selected_action()
        if action is not None:
            self.operations.delete_action(action.id)

    def suggest(self) -> SuggestionDialog:
        card = self.operations.cards.card(self.assessment_id)
        offered = suggestions_for(card) or [Suggestion(idea, "") for idea in library()]
        dialog = SuggestionDialog(offered, self)
        dialog.accepted.connect(lambda: self._from_suggestion(dialog.chosen()))
        return self._open(dialog)

    def _from_suggestion(self, suggestion: Suggestion | None) -> None:
        if suggestion is None:
            return
        idea = suggestion.idea
        notes = "\n".join((idea.detail, _("Target: {target}").format(target=idea.target)))
        self.new_action_for(idea.dimension, suggestion.criterion_id, idea.title, notes=notes)

    def _open(self, dialog):
        self.dialog = dialog
        dialog.finished.connect(lambda *_args: self._closed(dialog))
        dialog.open()
        return dialog

    def _closed(self, dialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _save(self, action_id: int | None, values: dict[str, Any]) -> None:
        try:
            if action_id is None:
                action_id = self.operations.add_action(self.assessment_id, **values)
            else:
                self.operations.update_action(action_id, **values)
        except ValueError as error:
            show_error(self, _("The action was not saved"), str(error))
            return
        self.select_action(action_id)
        self.action_saved.emit(action_id)

    def refresh(self) -> None:
        """Read the actions again, keeping the one selected."""
        chosen = self.selected_action()
        self.model.reload()
        self._update_count()
        if chosen is not None:
            self.select_action(chosen.id)

    def retranslate(self) -> None:
        rounds = {a.id: a for a in self.operations.workbook.assessments()}
        round_ = rounds.get(self.assessment_id)
        self.heading.setText(_("Action plan: {round}").format(round=round_.name) if round_ else _("Action plan"))
        self.search.setPlaceholderText(_("Filter by text…"))
        self.search.setAccessibleName(_("Filter actions by text"))
        self.status_filter.setAccessibleName(_("Filter actions by status"))
        self.dimension_filter.setAccessibleName(_("Filter actions by dimension"))
        self.view.setAccessibleName(_("Actions"))
        self.add_button.setText(_("&Add…"))
        self.add_button.setToolTip(_("Add an action (Ctrl+N)"))
        self.edit_button.setText(_("&Edit…"))
        self.delete_button.setText(_("De&lete"))
        self.delete_button.setToolTip(_("Delete the selected action (Undo brings it back)"))
        self.suggest_button.setText(_("&Suggest…"))
        self.suggest_button.setToolTip(_("Ideas with measurable targets for the weakest spots of this round"))
        self.empty_hint.setText(_("No actions yet. Add one, or let “Suggest…” offer ideas for the weakest spots."))
        self._fill_filters()
        self.model.retranslate()
        self._update_count()

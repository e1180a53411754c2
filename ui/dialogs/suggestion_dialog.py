"""Pick an idea from the suggestion library to start an action from.

The list shows the ideas ``suggestions.suggestions_for`` offers for the
round's weak spots (or the whole library when nothing is weak); the panel
below says why an idea is offered, what it involves and its measurable
target.  Choosing one only returns it; the page opens the action dialog with
it filled in.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox

from rater_desktop.framework import dimension_name
from rater_desktop.i18n import N_, _
from rater_desktop.suggestions import Suggestion
from ui.qt import QAbstractItemView, QLabel, QListView, QStandardItem, QStandardItemModel, Qt, QVBoxLayout, QWidget

REASONS = {
    "blind_spot": N_("Customers grade {dimension} clearly lower than the team does."),
    "weak_criterion": N_("Aimed at the lowest-graded statement of {dimension}."),
    "weak_dimension": N_("{dimension} is one of the weakest dimensions of this round."),
}


class SuggestionDialog(QDialog):
    """The ideas in ``offered``; :meth:`chosen` is the selected one after OK."""

    def __init__(self, offered: list[Suggestion], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestionDialog")
        self.setWindowTitle(_("Suggested improvements"))
        self.resize(640, 460)
        self._offered = offered
        self.model = QStandardItemModel(self)
        for suggestion in offered:
            item = QStandardItem(f"{dimension_name(suggestion.idea.dimension)} · {suggestion.idea.title}")
            item.setEditable(False)
            self.model.appendRow(item)
        self.list = QListView()
        self.list.setObjectName("suggestionList")
        self.list.setAccessibleName(_("Suggested improvements"))
        self.list.setModel(self.model)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.doubleClicked.connect(lambda *_args: self.accept())
        self.detail = QLabel()
        self.detail.setObjectName("suggestionDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setMinimumHeight(110)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Use this idea"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        intro = QLabel(_("Ideas for the weak spots of this round. Pick one to turn it into an action you can adjust."))
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.buttons)
        self.list.selectionModel().currentRowChanged.connect(lambda *_args: self._show_detail())
        if offered:
            self.list.setCurrentIndex(self.model.index(0, 0))
        self._show_detail()

    def chosen(self) -> Suggestion | None:
        row = self.list.currentIndex().row()
        return self._offered[row] if 0 <= row < len(self._offered) else None

    def _show_detail(self) -> None:
        suggestion = self.chosen()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(suggestion is not None)
        if suggestion is None:
            self.detail.setText(_("There are no ideas to offer."))
            return
        lines = [suggestion.idea.detail, _("Target: {target}").format(target=suggestion.idea.target)]
        if suggestion.reason in REASONS:
            lines.insert(0, _(REASONS[suggestion.reason]).format(dimension=dimension_name(suggestion.idea.dimension)))
        self.detail.setText("\n\n".join(lines))

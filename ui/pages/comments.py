"""The customers' own words on the comparison page: filter by dimension, search, leave one out.

Comments often name a member of staff or another customer, so the panel says
so and offers "Leave out": the comment stays in the workbook but the report
and the counts no longer use it.  Leaving out and putting back go through
``Operations.set_comment_hidden`` (saved at once, announced, undone with
Edit → Undo); the page reloads the panel when the change is announced.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QCheckBox, QLineEdit

from rater_desktop import comments as said
from rater_desktop.i18n import _
from rater_desktop.model import DIMENSION_KEYS, SurveyComment
from rater_desktop.operations import Operations
from ui.dialogs.errors import show_error
from ui.models.comments import COL_TEXT, COMMENT_ID_ROLE, HIDDEN_ROLE, CommentFilter, CommentsModel, theme_word
from ui.qt import QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, Qt, QVBoxLayout, QWidget
from ui.widgets.fonts import enlarge
from ui.widgets.tables import table_view

THEMES: tuple[str | None, ...] = (None, *DIMENSION_KEYS, said.OTHER)
"""The filter's choices: every comment, one dimension's, or those about none."""


class CustomerWordsPanel(QWidget):
    """The round's comments with a dimension filter, a search box and a leave-out / put-back button."""

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerWords")
        self.operations = operations
        self.title = QLabel()
        enlarge(self.title, 1.0, bold=True)
        self.warning = QLabel()
        self.warning.setObjectName("commentsWarning")
        self.warning.setWordWrap(True)
        self.theme = QComboBox()
        self.theme.setObjectName("commentTheme")
        self.search = QLineEdit()
        self.search.setObjectName("commentSearch")
        self.search.setClearButtonEnabled(True)
        self.show_hidden = QCheckBox()
        self.show_hidden.setObjectName("showLeftOut")
        self.show_hidden.setChecked(True)
        self.model = CommentsModel(self)
        self.proxy = CommentFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = table_view(self.proxy, stretch=COL_TEXT)
        self.view.setObjectName("commentsTable")
        # one line a comment (the whole text in its tooltip): rows sized to their text would cost a
        # measurement per comment, and a large survey keeps thousands
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.horizontalHeader().setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        self.view.setMinimumHeight(320)
        self.toggle = QPushButton()
        self.toggle.setObjectName("toggleComment")
        self.count = QLabel()
        self.count.setObjectName("commentCount")

        for signal in (self.theme.currentIndexChanged, self.search.textChanged, self.show_hidden.toggled):
            signal.connect(self._filter)
        self.view.selectionModel().selectionChanged.connect(lambda *_args: self._update_toggle())
        self.toggle.clicked.connect(self.toggle_selected)

        filters = QHBoxLayout()
        filters.addWidget(self.theme)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.show_hidden)
        actions = QHBoxLayout()
        actions.addWidget(self.count, 1)
        actions.addWidget(self.toggle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.warning)
        layout.addLayout(filters)
        layout.addWidget(self.view)
        layout.addLayout(actions)
        self.retranslate()

    def set_comments(self, comments: Sequence[SurveyComment]) -> None:
        """Show these comments (the round's counted surveys, left-out ones included), keeping the selection."""
        chosen = self.selected_id()
        self.model.set_rows(comments)
        self.setVisible(bool(comments))
        self._filter()
        if chosen is not None:
            self.select(chosen)
        self._update_toggle()

    def selected_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return self.proxy.data(rows[0], COMMENT_ID_ROLE) if rows else None

    def select(self, comment_id: int) -> None:
        for row in range(self.proxy.rowCount()):
            if self.proxy.data(self.proxy.index(row, 0), COMMENT_ID_ROLE) == comment_id:
                self.view.selectRow(row)
                return

    def toggle_selected(self) -> None:
        """Leave the selected comment out of the report, or put it back (saved and undoable)."""
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return
        comment_id, hidden = self.proxy.data(rows[0], COMMENT_ID_ROLE), self.proxy.data(rows[0], HIDDEN_ROLE)
        from rater_desktop.storage import WorkbookError

        try:
            self.operations.set_comment_hidden(comment_id, not hidden)
        except (WorkbookError, KeyError) as error:
            show_error(self, _("The comment was not changed"), str(error))

    def _filter(self, *_args) -> None:
        self.proxy.set_filter(theme=THEMES[max(0, self.theme.currentIndex())], search=self.search.text(),
                              show_hidden=self.show_hidden.isChecked())
        self._update_count()

    def _update_toggle(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        hidden = bool(rows) and bool(self.proxy.data(rows[0], HIDDEN_ROLE))
        self.toggle.setEnabled(bool(rows))
        self.toggle.setText(_("Put back in the report") if hidden else _("Leave out of the report"))

    def _update_count(self) -> None:
        rows = self.model.rows()
        left_out = sum(1 for c in rows if c.hidden)
        self.count.setText(_("{shown} of {total} comments shown · {left_out} left out of the report").format(
            shown=self.proxy.rowCount(), total=len(rows), left_out=left_out))

    def retranslate(self) -> None:
        self.title.setText(_("What customers say"))
        self.warning.setText(_("Comments are the customers' own words and may name staff or other people. Leave "
                               "such a comment out before the report is shared: it stays in the workbook, but the "
                               "report and the counts no longer use it."))
        chosen = self.theme.currentIndex()
        self.theme.blockSignals(True)
        self.theme.clear()
        self.theme.addItems([_("All comments")] + [_("About {theme}").format(theme=theme_word(theme))
                                                   for theme in THEMES[1:]])
        self.theme.setCurrentIndex(max(0, chosen))
        self.theme.blockSignals(False)
        self.theme.setAccessibleName(_("Show comments about"))
        self.search.setPlaceholderText(_("Search the comments"))
        self.search.setAccessibleName(_("Search the comments"))
        self.show_hidden.setText(_("Show comments left out"))
        self.view.setAccessibleName(_("Customers' comments"))
        self.model.retranslate()
        self._update_toggle()
        self._update_count()

"""Page 2 of the import: what each column holds (a dimension, an expectation, a KPI, a comment, nothing).

The roles live in the import session (:class:`~rater_desktop.sessions.column_roles.ColumnRoles`),
shown and edited through :class:`~ui.models.survey_preview.ColumnRolesModel`;
they start from a mapping the person chose to reuse, or else from the column
suggestions the import session worked out with the preview.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QWizardPage

from rater_desktop.i18n import _, ngettext
from rater_desktop.importing.guess_words import column_list, comments_warning
from rater_desktop.sessions.column_roles import KPI_ROLES, ROLES
from rater_desktop.sessions.importing import ImportSession
from ui.dialogs.errors import show_error
from ui.models.survey_preview import COL_EXAMPLES, COL_HEADER, COL_KPI, COL_ROLE, ColumnRolesModel, role_text
from ui.qt import QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, Qt, QTableView, QVBoxLayout, QWidget

EXAMPLES_WIDTH = 160
"""pixels example answers may always take"""
MENU_PADDING = 36
"""pixels beside a menu's text: the arrow and the frame"""


def _two_line_width(metrics: QFontMetrics, text: str) -> int:
    """The narrowest width showing ``text`` whole on two lines, broken at a space."""
    words = text.split()
    return min(max(metrics.horizontalAdvance(" ".join(words[:k])), metrics.horizontalAdvance(" ".join(words[k:])))
               for k in range(len(words) + 1))


class _RoleDelegate(QStyledItemDelegate):
    """A combo box of the given role codes (dimension roles or KPIs)."""

    def __init__(self, roles: tuple[str, ...], parent: QWidget) -> None:
        super().__init__(parent)
        self._roles = roles

    def createEditor(self, parent: QWidget, option: Any, index: Any) -> QComboBox:  # noqa: N802 (Qt override)
        combo = QComboBox(parent)
        for role in self._roles:
            combo.addItem(role_text(role), role)
        return combo

    def setEditorData(self, editor: QComboBox, index: Any) -> None:  # noqa: N802 (Qt override)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QComboBox, model: Any, index: Any) -> None:  # noqa: N802 (Qt override)
        model.setData(index, editor.currentData())


class ColumnsPage(QWizardPage):
    """What each column holds: a dimension, an expectation item, a KPI, or nothing."""

    def __init__(self, session: ImportSession, roles_model: ColumnRolesModel) -> None:
        super().__init__()
        self.session = session
        self.roles_model = roles_model
        self.view = QTableView()
        self.view.setObjectName("columnRoles")
        self.view.setModel(roles_model)
        self.view.setItemDelegateForColumn(COL_ROLE, _RoleDelegate(ROLES, self.view))
        self.view.setItemDelegateForColumn(COL_KPI, _RoleDelegate(KPI_ROLES, self.view))
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.view.verticalHeader().setVisible(False)
        # Widths are fitted once per file (see initializePage): ResizeToContents would
        # re-measure every cell on every change, tens of milliseconds on a wide survey.
        self.view.horizontalHeader().setSectionResizeMode(COL_HEADER, QHeaderView.ResizeMode.Stretch)
        self.suggest = QPushButton()
        self.suggest.clicked.connect(lambda _checked=False: session.suggest_roles())
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.problem, 1)
        row.addWidget(self.suggest)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        roles_model.dataChanged.connect(self._changed)
        roles_model.modelReset.connect(self._changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(_("What each column holds"))
        self.setSubTitle(_("Columns were matched to the RATER dimensions by what their questions say; "
                           "hover over a suggestion to see why. Names and e-mails stay \"Not imported\" and "
                           "are never stored; free text is kept only in columns you mark as comments."))
        self.suggest.setText(_("Suggest again"))
        self.view.setAccessibleName(_("What each column holds"))

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        self.prepare_roles()
        self.fit_columns()

    def fit_columns(self) -> None:
        """Widths fitted once per file, so that the choices (dimension, key figure) stay in sight at the
        wizard's size: example answers get at most a fifth of the width, the question the rest, each cut
        short with … (the whole text on hover)."""
        self.view.resizeColumnsToContents()
        header = self.view.horizontalHeader()
        header.resizeSection(COL_EXAMPLES, min(header.sectionSize(COL_EXAMPLES),
                                               max(EXAMPLES_WIDTH, self.view.viewport().width() // 5)))
        metrics = self.view.fontMetrics()  # every choice fits on the row's two lines, not only "Not imported"
        for column, roles in ((COL_ROLE, ROLES), (COL_KPI, KPI_ROLES)):
            widest = max(_two_line_width(metrics, role_text(role)) for role in roles)
            header.resizeSection(column, max(header.sectionSize(column), widest + MENU_PADDING))

    def prepare_roles(self) -> None:
        """Fill the roles for the session's table (once per table), saying why a mapping to reuse did not fit."""
        error = self.session.prepare_roles()
        if error is not None:
            show_error(self, _("Import customer survey"), str(error))

    def _changed(self, *_args: object) -> None:
        roles = self.session.column_roles
        duplicates = roles.duplicate_kpis()
        if duplicates:
            self.problem.setText(_("Only one column can be used as {kpi}.").format(kpi=role_text(duplicates[0])))
        elif not any(roles.roles()):
            self.problem.setText(" ".join([_("Choose at least one column to import."), self._advice()]).strip())
        else:
            self.problem.setText(self._advice())
        self.completeChanged.emit()

    def _advice(self) -> str:
        """What to look at before going on: guesses to check, and what comments may hold."""
        model = self.session.column_roles
        lines = []
        checks = len(model.to_check())
        if checks:
            lines.append(ngettext("{n} suggestion is a guess: check the row marked “Check this”.",
                                  "{n} suggestions are guesses: check the rows marked “Check this”.",
                                  checks).format(n=checks))
        loose = model.without_dimension()
        if loose:
            lines.append(ngettext("{n} rating question names no dimension ({columns}, marked “Choose a "
                                  "dimension”): choose one to import it.",
                                  "{n} rating questions name no dimension ({columns}, marked “Choose a "
                                  "dimension”): choose one for each you want to import.",
                                  len(loose)).format(n=len(loose), columns=column_list(i + 1 for i in loose)))
        if model.comment_columns():
            lines.append(comments_warning())
        return " ".join(lines)

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        return self.session.column_roles.complete()

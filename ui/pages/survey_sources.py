"""The round's imported surveys on the comparison page: where each came from, and whether it counts.

Each survey is a row (counted, source file, import date, responses, scale).
Ticking or clearing "Counted" goes through ``Operations.set_survey_included``,
so it is saved at once, announced (the page redraws its figures from the
counted surveys) and undone with Edit → Undo.  The model never changes its
own rows: it asks, and the rows come back from the core after the change.
"""

from __future__ import annotations

from collections.abc import Sequence

from rater_desktop.i18n import _, format_date, format_number
from rater_desktop.model import SurveySource
from rater_desktop.operations import Operations
from rater_desktop.survey_sources import mixed_scales, scale_text
from ui.dialogs.errors import show_error
from ui.qt import (
    QAbstractTableModel,
    QLabel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets.fonts import enlarge
from ui.widgets.tables import fit_to_rows, table_view

Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()
COL_COUNTED, COL_FILE, COL_IMPORTED, COL_ROWS, COL_SCALE = range(5)
SURVEY_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class SurveySourcesModel(QAbstractTableModel):
    """One row per survey of the round; the first column is a check box: counted or kept aside."""

    inclusion_requested = Signal(int, bool)
    """survey id, whether it should count (the owner makes the change)"""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: tuple[SurveySource, ...] = ()

    def set_sources(self, sources: Sequence[SurveySource]) -> None:
        self.beginResetModel()
        self._rows = tuple(sources)
        self.endResetModel()

    def sources(self) -> tuple[SurveySource, ...]:
        return self._rows

    def rowCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else 5

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        source = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == COL_COUNTED:
            return Qt.CheckState.Checked if source.included else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(source, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_COUNTED:
            return (_("Counts in this comparison; clear to keep it aside") if source.included else
                    _("Kept aside: tick to count it in this comparison"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_ROWS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == SURVEY_ID_ROLE:
            return source.id
        return None

    @staticmethod
    def _display(source: SurveySource, column: int) -> str:
        if column == COL_COUNTED:
            return _("Counted") if source.included else _("Kept aside")
        if column == COL_FILE:
            return source.source_name
        if column == COL_IMPORTED:
            return format_date(source.imported) if source.imported else "–"
        if column == COL_ROWS:
            return format_number(source.rows)
        return scale_text(source.scale)

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or index.column() != COL_COUNTED:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        self.inclusion_requested.emit(self._rows[index.row()].id, checked)
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        if index.column() == COL_COUNTED:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        headers = (_("In comparison"), _("Source file"), _("Imported"), _("Responses"), _("Scale"))
        return headers[section] if 0 <= section < len(headers) else None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 4)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 4))


class SurveySourcesPanel(QWidget):
    """The surveys of one round with a "counted" box each; shown on the comparison page."""

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("surveySources")
        self.operations = operations
        self.title = QLabel()
        enlarge(self.title, 1.0, bold=True)
        self.model = SurveySourcesModel(self)
        self.model.inclusion_requested.connect(self.set_included)
        self.view = table_view(self.model, stretch=COL_FILE)
        self.view.setObjectName("surveySourcesTable")
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.note = QLabel()
        self.note.setObjectName("surveySourcesNote")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view)
        layout.addWidget(self.note)
        self.retranslate()

    def set_sources(self, sources: Sequence[SurveySource]) -> None:
        self.model.set_sources(sources)
        self.setVisible(bool(sources))
        self.retranslate()

    def set_included(self, survey_id: int, included: bool) -> None:
        """Count a survey or keep it aside (saved and undoable); the page redraws from the change."""
        from rater_desktop.storage import WorkbookError

        try:
            self.operations.set_survey_included(survey_id, included)
        except (WorkbookError, KeyError) as error:
            show_error(self, _("The survey was not changed"), str(error))

    def retranslate(self) -> None:
        self.title.setText(_("Surveys in this round"))
        self.view.setAccessibleName(_("Surveys in this round, and whether each counts in the comparison"))
        self.model.retranslate()
        sources = self.model.sources()
        if mixed_scales(sources):
            text = _("The counted surveys answer on different scales: their answers are pooled because you "
                     "counted them all.")
        elif any(not source.included for source in sources):
            text = _("A survey kept aside stays in the workbook but does not count in any figure on this "
                     "page, the report or the summary.")
        else:
            text = ""
        self.note.setText(text)
        self.note.setVisible(bool(text))
        fit_to_rows(self.view)

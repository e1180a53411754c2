"""The customers' comments of a round as a Qt table, and the filter over it.

Rows are the core's ``SurveyComment`` records (the round's counted surveys,
left-out ones included and shown greyed); what a comment is about comes from
:mod:`rater_desktop.comments`, so the panel and the report count alike.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSortFilterProxyModel
from PySide6.QtGui import QBrush, QColor

from rater_desktop import comments as said
from rater_desktop.framework import dimension_name
from rater_desktop.i18n import N_, _
from rater_desktop.model import SurveyComment
from ui.models.base import LEFT, ReadOnlyTable
from ui.qt import QModelIndex, QPersistentModelIndex, Qt

COMMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
HIDDEN_ROLE = Qt.ItemDataRole.UserRole + 2
COL_TEXT, COL_ABOUT, COL_QUESTION, COL_SHOWN = range(4)


def theme_word(theme: str) -> str:
    """A theme code in words: a dimension's name, or "Other"."""
    return _("Other") if theme == said.OTHER else dimension_name(theme)


class CommentsModel(ReadOnlyTable):
    """One row per comment: its words, the dimensions it touches, its question, shown or left out."""

    HEADERS = (N_("Comment"), N_("About"), N_("Question"), N_("In report"))

    def cell(self, row: SurveyComment, column: int) -> Any:
        if column == COL_TEXT:
            return row.text
        if column == COL_ABOUT:
            return ", ".join(theme_word(theme) for theme in said.themes(row.text))
        if column == COL_QUESTION:
            return row.column
        return _("Left out") if row.hidden else _("Shown")

    def alignment(self, column: int) -> Qt.AlignmentFlag:
        return LEFT

    def role_data(self, row: SurveyComment, column: int, role: int) -> Any:
        if role == COMMENT_ID_ROLE:
            return row.id
        if role == HIDDEN_ROLE:
            return row.hidden
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_TEXT:
            return row.text
        if role == Qt.ItemDataRole.ForegroundRole and row.hidden:
            return QBrush(QColor("#888888"))
        return None


class CommentFilter(QSortFilterProxyModel):
    """Shows the comments about one dimension (or all), containing a search text, left-out ones on request."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._theme: str | None = None
        self._search = ""
        self._show_hidden = True

    def set_filter(self, *, theme: str | None, search: str, show_hidden: bool) -> None:
        self.beginFilterChange()
        self._theme, self._search, self._show_hidden = theme, search, show_hidden
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        comment = self.sourceModel().row(source_row)
        if comment is None or (comment.hidden and not self._show_hidden):
            return False
        return said.matches(comment, theme=self._theme, search=self._search)

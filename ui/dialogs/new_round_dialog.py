"""Name and date of a new round started from an earlier one."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLineEdit

from rater_desktop.i18n import _
from ui.qt import QLabel, QVBoxLayout, QWidget
from ui.qt_language import date_format


class NewRoundDialog(QDialog):
    """Asks for the new round's name and date; says what will be carried over from ``source_name``."""

    def __init__(self, source_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newRoundDialog")
        self.setWindowTitle(_("Start a new round"))
        self.name = QLineEdit()
        self.name.setObjectName("roundName")
        self.name.setMaxLength(500)
        self.date = QDateEdit(QDate.currentDate())
        self.date.setObjectName("roundDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(date_format())
        explain = QLabel(_(
            "The new round starts from “{round}”: the same participants and situations, and the actions "
            "still open or in progress. Grades, consensus and customer surveys start empty."
        ).format(round=source_name))
        explain.setWordWrap(True)
        form = QFormLayout()
        form.addRow(_("&Name:"), self.name)
        form.addRow(_("&Date:"), self.date)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._check)
        self._check()

    def _check(self, *_args) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.name.text().strip()))

    def values(self) -> tuple[str, str]:
        return self.name.text().strip(), self.date.date().toString("yyyy-MM-dd")

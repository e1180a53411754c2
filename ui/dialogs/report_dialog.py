"""File → Export report…: choose what goes in the PDF, then build it in the background.

The dialog collects :class:`~rater_desktop.report.ReportOptions`, a round, a
language and a file name, and hands them to ``write_report`` on a pool
thread.  That call opens the workbook file read-only on its own connection,
which SQLite's WAL mode allows while the window keeps the file open for
writing.  The worker never touches a widget: progress arrives through a
queued signal, cancel through a thread-safe flag that the report polls
between charts and paragraphs; the core writes the PDF under a temporary name
and renames it at the end, so a cancelled or failed build leaves no file.

"Open the PDF when done" is remembered in the app's settings.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLineEdit,
    QProgressBar,
)

from rater_desktop.i18n import LANGUAGES, _, format_date, language
from rater_desktop.report.model import SECTION_KEYS, SECTION_TITLES, ReportOptions
from ui.dialogs.errors import show_error
from ui.dialogs.export_dialog import confirm_output, output_beside, save_failure
from ui.qt import QComboBox, QFileDialog, QHBoxLayout, QLabel, QObject, QPushButton, QVBoxLayout, QWidget, Signal
from ui.settings import open_settings
from ui.tasks import run_in_background

KEY_OPEN_WHEN_DONE = "report/openWhenDone"
PROGRESS_STEPS = 100


class _Progress(QObject):
    """Carries the worker's progress to the GUI thread (emitting is thread-safe; the slot runs queued)."""

    moved = Signal(float)


class ReportDialog(QDialog):
    """Options for the PDF report of one round of the workbook at ``workbook_path``."""

    report_written = Signal(str, int)
    """the PDF's path and its page count"""
    report_failed = Signal(str)
    """the sentence shown to the user"""
    report_cancelled = Signal()

    def __init__(self, workbook_path: str | os.PathLike, assessment_id: int | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportDialog")
        self.setWindowTitle(_("Export report"))
        self.setMinimumWidth(560)
        self._workbook_path = Path(workbook_path)
        self._settings = open_settings()
        self._logo: str | None = None
        self._accent = ReportOptions().accent
        self._cancel = threading.Event()
        self._task = None
        self._close_when_stopped = False
        self._progress = _Progress(self)
        self._progress.moved.connect(self._show_progress)

        self.round = QComboBox()
        self.round.setObjectName("reportRound")
        for ident, label in _rounds(self._workbook_path):
            self.round.addItem(label, ident)
        if assessment_id is not None and self.round.findData(assessment_id) >= 0:
            self.round.setCurrentIndex(self.round.findData(assessment_id))
        else:
            self.round.setCurrentIndex(self.round.count() - 1)  # rounds are oldest first

        self.language = QComboBox()
        self.language.setObjectName("reportLanguage")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(language()))

        self.sections: dict[str, QCheckBox] = {}
        sections_box = QGroupBox(_("Sections"))
        grid = QGridLayout(sections_box)
        for i, key in enumerate(SECTION_KEYS):
            box = QCheckBox(_(SECTION_TITLES[key]))
            box.setObjectName(f"section_{key}")
            box.setChecked(True)
            box.toggled.connect(self._update_buttons)
            self.sections[key] = box
            grid.addWidget(box, i % 4, i // 4)

        self.anonymise = QCheckBox(_("Keep participants anonymous (no names in the report)"))
        self.anonymise.setObjectName("reportAnonymise")
        self.anonymise.setChecked(ReportOptions().anonymise)

        self.logo_label = QLabel()
        self.logo_label.setObjectName("reportLogo")
        self.choose_logo_button = QPushButton(_("Choose…"))
        self.choose_logo_button.setObjectName("reportChooseLogo")
        # Two buttons read "Choose…": a screen reader hears which is which.
        self.choose_logo_button.setAccessibleName(_("Choose a logo…"))
        self.choose_logo_button.clicked.connect(self.choose_logo)
        self.clear_logo_button = QPushButton(_("Clear"))
        self.clear_logo_button.setObjectName("reportClearLogo")
        self.clear_logo_button.clicked.connect(lambda: self._set_logo(None))
        logo_row = QHBoxLayout()  # buttons first, as on the accent row, so they do not move with the name
        logo_row.addWidget(self.choose_logo_button)
        logo_row.addWidget(self.clear_logo_button)
        logo_row.addWidget(self.logo_label, 1)

        self.accent_swatch = QLabel()
        self.accent_swatch.setFixedSize(48, 20)
        self.accent_button = QPushButton(_("Choose…"))
        self.accent_button.setObjectName("reportAccent")
        self.accent_button.setAccessibleName(_("Choose an accent colour…"))
        self.accent_button.clicked.connect(self.choose_accent)
        accent_row = QHBoxLayout()
        accent_row.addWidget(self.accent_swatch)
        accent_row.addWidget(self.accent_button)
        accent_row.addStretch(1)

        self.output = QLineEdit(str(default_output(self._workbook_path)))
        self.output.setObjectName("reportOutput")
        self.output.setAccessibleName(_("Where to save the report"))
        self.output.textChanged.connect(self._update_buttons)
        self.browse_button = QPushButton(_("Browse…"))
        self.browse_button.setObjectName("reportBrowse")
        self.browse_button.clicked.connect(self.choose_output)
        output_row = QHBoxLayout()
        output_row.addWidget(self.output, 1)
        output_row.addWidget(self.browse_button)

        self.open_when_done = QCheckBox(_("Open the PDF when done"))
        self.open_when_done.setObjectName("reportOpenWhenDone")
        self.open_when_done.setChecked(bool(self._settings.value(KEY_OPEN_WHEN_DONE, True, type=bool)))
        self.open_when_done.toggled.connect(self._remember_open_when_done)

        form = QFormLayout()
        form.addRow(_("Round:"), self.round)
        form.addRow(_("Language:"), self.language)
        form.addRow(_("Logo:"), logo_row)
        form.addRow(_("Accent colour:"), accent_row)
        form.addRow(_("Save as:"), output_row)

        self.progress = QProgressBar()
        self.progress.setObjectName("reportProgress")
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setObjectName("reportStatus")
        self.status.setWordWrap(True)

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(_("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("reportExport")
        self.export_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(_("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setObjectName("reportCancel")
        self.export_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(sections_box)
        layout.addWidget(self.anonymise)
        layout.addWidget(self.open_when_done)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._option_widgets = [self.round, self.language, sections_box, self.anonymise, self.choose_logo_button,
                                self.clear_logo_button, self.accent_button, self.output, self.browse_button]
        self._set_logo(None)
        self._show_accent()
        self._update_buttons()
        self.export_button.setFocus()

    # Choices ---------------------------------------------------------------

    def options(self) -> ReportOptions:
        """The report options as currently chosen."""
        return ReportOptions(
            sections=frozenset(key for key, box in self.sections.items() if box.isChecked()),
            anonymise=self.anonymise.isChecked(), logo_path=self._logo, accent=self._accent)

    def choose_logo(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Choose a logo"), str(self._workbook_path.parent), _("Images (*.png *.jpg *.jpeg)"))
        if path:
            self._set_logo(path)

    def _set_logo(self, path: str | None) -> None:
        self._logo = path
        self.logo_label.setText(Path(path).name if path else _("(none)"))
        self.logo_label.setToolTip(path or "")
        self.clear_logo_button.setEnabled(path is not None)

    def choose_accent(self) -> None:
        colour = QColorDialog.getColor(QColor(self._accent), self, _("Accent colour"))
        if colour.isValid():  # invalid when the user cancelled
            self._accent = colour.name()
            self._show_accent()

    def _show_accent(self) -> None:
        self.accent_swatch.setStyleSheet(f"background: {self._accent}; border: 1px solid #888888;")
        self.accent_swatch.setToolTip(self._accent)

    def choose_output(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save the report as"), self.output.text(), _("PDF document (*.pdf)"),
            options=QFileDialog.Option.DontConfirmOverwrite)  # confirm_output asks, once
        if path:
            self.output.setText(path if path.lower().endswith(".pdf") else path + ".pdf")

    def _remember_open_when_done(self, checked: bool) -> None:
        self._settings.setValue(KEY_OPEN_WHEN_DONE, checked)
        self._settings.sync()

    def _update_buttons(self) -> None:
        self.export_button.setEnabled(not self.is_building() and bool(self.output.text().strip())
                                      and self.round.count() > 0)

    # Building --------------------------------------------------------------

    def is_building(self) -> bool:
        return self._task is not None

    def start(self) -> None:
        """Build the PDF on a pool thread with the current choices."""
        if self.is_building():
            return
        out = self.output.text().strip()
        if not out.lower().endswith(".pdf"):
            out += ".pdf"
            self.output.setText(out)
        if not confirm_output(self, out, inputs=(self._workbook_path,)):
            return
        self._cancel.clear()
        self._set_building(True)
        self.status.setText(_("Building the report…"))
        self._show_progress(0.0)
        self._task = run_in_background(self._work(out), self._succeeded, self._failed)

    def _work(self, out: str):
        # Everything the worker needs is read from the widgets here, in the GUI thread.
        workbook, assessment_id = self._workbook_path, self.round.currentData()
        lang, options = self.language.currentData(), self.options()
        moved, cancel = self._progress.moved, self._cancel

        def work() -> tuple[str, int]:
            from rater_desktop.report import write_report

            pages = write_report(workbook, out, assessment_id=assessment_id, lang=lang, options=options,
                                 progress=moved.emit, cancel=cancel.is_set)
            return out, pages

        return work

    def cancel_build(self) -> None:
        """Ask the running build to stop; it reports back through ``report_cancelled``."""
        if self.is_building():
            self._cancel.set()
            self.status.setText(_("Cancelling…"))
            self.cancel_button.setEnabled(False)

    def reject(self) -> None:
        """Close, or while building: cancel first and close once the build has stopped."""
        if self.is_building():
            self._close_when_stopped = True
            self.cancel_build()
            return
        super().reject()

    def _set_building(self, building: bool) -> None:
        for widget in self._option_widgets:
            widget.setEnabled(not building)
        if not building:
            self.clear_logo_button.setEnabled(self._logo is not None)
        self.export_button.setEnabled(not building)
        self.progress.setVisible(building)
        self.cancel_button.setText(_("Cancel") if building else _("Close"))
        self.cancel_button.setEnabled(True)

    def _show_progress(self, fraction: float) -> None:
        self.progress.setValue(round(max(0.0, min(1.0, fraction)) * PROGRESS_STEPS))

    def _finish(self) -> None:
        self._task = None
        self._set_building(False)
        self._update_buttons()
        if self._close_when_stopped:
            self._close_when_stopped = False
            super().reject()

    def _succeeded(self, result: object) -> None:
        out, pages = result
        self._show_progress(1.0)
        saved = _("Saved {pages} pages to {path}.").format(pages=pages, path=out)
        self.status.setText(saved)
        self._finish()
        if self.open_when_done.isChecked() and not QDesktopServices.openUrl(QUrl.fromLocalFile(out)):
            self.status.setText(saved + " " + _("No program for PDF files could be started; open it from its folder."))
        self.report_written.emit(out, pages)

    def _failed(self, error: Exception) -> None:
        from rater_desktop.report import ReportCancelled

        if isinstance(error, ReportCancelled):
            self.status.setText(_("Cancelled; no file was written."))
            self._finish()
            self.report_cancelled.emit()
            return
        sentence = save_failure(self.output.text(), error)
        self.status.setText("")
        self._finish()
        show_error(self, _("Could not write the report"), sentence)
        self.report_failed.emit(sentence)


def default_output(workbook_path: Path) -> Path:
    """Where the PDF goes unless the user says otherwise (see :func:`output_beside`)."""
    return output_beside(workbook_path, f"{workbook_path.stem}-report.pdf")


def _rounds(workbook_path: Path) -> list[tuple[int, str]]:
    """(id, "name – date") of every round, oldest first, read on a short read-only connection."""
    from rater_desktop.storage import open_workbook

    with open_workbook(workbook_path, read_only=True) as workbook:
        rounds = sorted(workbook.assessments(), key=lambda a: (a.date, a.id))
    return [(a.id, f"{a.name} – {format_date(a.date)}") for a in rounds]

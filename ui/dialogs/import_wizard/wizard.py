"""File → Import customer survey…: build a mapping (DESIGN §6) step by step, then import.

Pages: the file and how to read it (with a live preview of the rows exactly as
parsed) → what each column is → the answer scale → a dry run that names every
bad cell → the import itself.  What the person decided and what was read live
in an :class:`~rater_desktop.sessions.importing.ImportSession`; the pages show
and change it, and this frame runs the session's jobs (reading, checking,
importing) on the thread pool.  Workers only compute and report through queued
signals, so the window never freezes and widgets are touched from the GUI
thread alone.  The survey is stored through ``Operations.add_survey`` (saved,
undoable, announced) on the worker too, since that write is megabytes;
listeners hear of it on the GUI thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWizard

from rater_desktop.files import OutputRefused, write_mapping
from rater_desktop.i18n import _
from rater_desktop.importing import (
    ImportCancelled,
    ImportResult,
    Mapping,
    SurveyImportError,
    dump_mapping,
    load_mapping,
)
from rater_desktop.operations import Change, Operations
from rater_desktop.sentences import error_sentence
from rater_desktop.sessions.importing import ImportSession, Job, Preview
from ui.dialogs.errors import show_error
from ui.dialogs.import_wizard.check_pages import ImportPage, ValidationPage
from ui.dialogs.import_wizard.columns_page import ColumnsPage
from ui.dialogs.import_wizard.file_page import FilePage
from ui.dialogs.import_wizard.scale_page import ScalePage
from ui.models.survey_preview import ColumnRolesModel, PreviewModel
from ui.qt import QObject, QWidget, Signal
from ui.tasks import Task, run_in_background


class _Progress(QObject):
    """Lives in the GUI thread; workers emit on it (queued across threads)."""

    changed = Signal(int)
    """per mille done"""


class ImportWizard(QWizard):
    """Import a customer survey export into one round of the open workbook.

    ``imported(survey_id)`` is emitted once the survey is stored.
    """

    imported = Signal(int)

    def __init__(self, operations: Operations, assessment_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.operations = operations
        self.assessment_id = assessment_id
        self.session = ImportSession(operations, assessment_id)
        self._tasks: set[Task] = set()
        self._closing = False
        self._progress = _Progress(self)

        self.preview_model = PreviewModel(self)
        self.roles_model = ColumnRolesModel(self.session.column_roles, self)
        self.file_page = FilePage(self.session, self.preview_model)
        self.columns_page = ColumnsPage(self.session, self.roles_model)
        self.scale_page = ScalePage(self.session)
        self.validation = ValidationPage(self.session)
        self.import_page = ImportPage(self.session)
        for page in self._pages():
            self.addPage(page)
        self.file_page.file_chosen.connect(self.open_file)
        self.file_page.preset_chosen.connect(lambda key: self._read(self.session.choose_preset(key)))
        self.file_page.source_changed.connect(lambda source: self._read(self.session.set_source(source)))
        self.file_page.mapping_reused.connect(self.apply_mapping)
        self.validation.check_requested.connect(self.start_dry_run)
        self.import_page.import_requested.connect(self.start_import)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setOption(QWizard.WizardOption.HaveCustomButton2, True)
        self.customButtonClicked.connect(self._custom_button)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.resize(960, 640)
        self.retranslate()

    def _pages(self) -> tuple:
        return self.file_page, self.columns_page, self.scale_page, self.validation, self.import_page

    def retranslate(self) -> None:
        self.setWindowTitle(_("Import customer survey"))
        self.setButtonText(QWizard.WizardButton.CustomButton1, _("Load mapping…"))
        self.setButtonText(QWizard.WizardButton.CustomButton2, _("Save mapping…"))
        for page in self._pages():
            page.retranslate()
        self.roles_model.retranslate()

    # -- reading the file ---------------------------------------------------------------

    def open_file(self, path: Path) -> None:
        """Start on a new file: format from its name, then a guessed survey tool."""
        self._read(self.session.open_file(Path(path)))

    def apply_mapping(self, mapping: Mapping) -> None:
        """Use a whole mapping: its source now, its columns and scale on the next pages."""
        self._read(self.session.apply_mapping(mapping))

    def _read(self, job: Job | None) -> None:
        """Run a preview job of the session on the pool; the outcome comes back here."""
        if job is None:
            return
        self.file_page.show_reading()
        self._start(job.work, lambda outcome: self._preview_ready(job.generation, outcome),
                    lambda error: self._preview_failed(job.generation, error))

    def _preview_ready(self, generation: int, outcome: Preview) -> None:
        if not self.session.preview_ready(generation, outcome):
            return  # the person changed a setting meanwhile; a newer preview is on its way
        self.preview_model.set_table(outcome.table)
        self.file_page.show_read(outcome.reuse)

    def _preview_failed(self, generation: int, error: Exception) -> None:
        if not self.session.preview_failed(generation):
            return
        self.preview_model.set_table(None)
        self.file_page.show_failure(error_sentence(error), getattr(error, "code", "") == "decode_failed")

    # -- mapping in and out ----------------------------------------------------------------

    def current_mapping(self) -> Mapping:
        """The mapping the pages describe, validated as if read from TOML."""
        return self.session.current_mapping(self.scale_page.scale())

    def _custom_button(self, which: int) -> None:
        if which == QWizard.WizardButton.CustomButton1.value:
            self.load_mapping_file()
        elif which == QWizard.WizardButton.CustomButton2.value:
            self.save_mapping_file()

    def save_mapping_file(self) -> None:
        from ui.qt import QFileDialog

        if self.session.table is None:
            show_error(self, _("Save mapping"), _("Choose a survey file first."))
            return
        self.columns_page.prepare_roles()
        try:
            text = dump_mapping(self.current_mapping())
        except SurveyImportError as error:
            show_error(self, _("Save mapping"), str(error))
            return
        path, _filter = QFileDialog.getSaveFileName(self, _("Save mapping"), "mapping.toml",
                                                    _("Mappings (*.toml)"))
        if not path:
            return
        if not Path(path).suffix:  # a name typed without its extension
            path += ".toml"
        try:
            write_mapping(path, text, inputs=(self.session.path,))
        except OutputRefused as refused:
            show_error(self, _("Save mapping"), str(refused))
        except OSError as error:
            show_error(self, _("Save mapping"), _("The mapping could not be saved: {why}").format(
                why=error.strerror or error))

    def load_mapping_file(self) -> None:
        from ui.qt import QFileDialog

        path, _filter = QFileDialog.getOpenFileName(self, _("Load mapping"), "", _("Mappings (*.toml)"))
        if not path:
            return
        try:
            mapping = load_mapping(Path(path))
        except (SurveyImportError, OSError, UnicodeDecodeError) as error:
            show_error(self, _("Load mapping"), error_sentence(error))
            return
        if not self.session.fits(mapping):
            show_error(self, _("Load mapping"), _("The mapping names columns this file does not have."))
            return
        self.session.forget_roles()
        self.apply_mapping(mapping)
        if self.currentPage() is not self.file_page:
            self.restart()

    # -- dry run and import ------------------------------------------------------------------

    def start_dry_run(self) -> None:
        work = self.session.check_job(self._progress.changed.emit)
        cancel = self.session.cancel
        self._progress.changed.connect(self.validation.progress.setValue)
        self._start(work, lambda result: self._dry_run_done(result, cancel),
                    lambda error: self._dry_run_failed(error, cancel))

    def _dry_run_done(self, result: ImportResult, cancel) -> None:
        self._progress.changed.disconnect(self.validation.progress.setValue)
        if not cancel.is_set():
            self.validation.show_result(result)

    def _dry_run_failed(self, error: Exception, cancel) -> None:
        self._progress.changed.disconnect(self.validation.progress.setValue)
        if not cancel.is_set():
            self.validation.show_failure(error_sentence(error))

    def start_import(self) -> None:
        work = self.session.import_job(self._progress.changed.emit)
        self._progress.changed.connect(self.import_page.progress.setValue)
        self._start(work, self._import_done, self._import_failed)

    def _import_done(self, value: tuple[ImportResult, list[Change]]) -> None:
        """The survey is stored (a late Cancel cannot undo that): announce it and say so."""
        self._progress.changed.disconnect(self.import_page.progress.setValue)
        result, changes = value
        self.session.imported(result, changes)
        self.import_page.show_done(result)
        self.imported.emit(result.survey_id)
        if self._closing:
            super().reject()

    def _import_failed(self, error: Exception) -> None:
        self._progress.changed.disconnect(self.import_page.progress.setValue)
        if isinstance(error, ImportCancelled) or self.session.cancel.is_set():
            self._finish_cancel()
        else:
            self.import_page.show_failure(error_sentence(error))

    def _start(self, work, on_success, on_failure) -> None:
        holder: list[Task] = []

        def finished(handler):
            def call(value: Any) -> None:
                self._tasks.discard(holder[0])
                handler(value)
            return call

        task = run_in_background(work, finished(on_success), finished(on_failure))
        holder.append(task)
        self._tasks.add(task)

    @property
    def busy(self) -> bool:
        """True while a background read, check or import is running."""
        return bool(self._tasks)

    def _finish_cancel(self) -> None:
        self.import_page.show_failure(_("The import was cancelled."))
        if self._closing:
            super().reject()

    def reject(self) -> None:
        """Cancel: stop any running work first, and close once it has stopped."""
        if self.busy:
            self.session.cancel.set()
            self._closing = True
            self.session.forget_previews()  # a preview still being read is no longer wanted
            if self.currentPage() is self.import_page:
                self.import_page.status.setText(_("Cancelling…"))
                return
        super().reject()


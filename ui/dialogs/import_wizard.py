"""File → Import customer survey…: build a mapping (DESIGN §6) step by step, then import.

Pages: the file and how to read it (with a live preview of the rows exactly as
parsed) → what each column is → the answer scale → a dry run that names every
bad cell → the import itself. Reading, validating and importing run on the
thread pool; workers only compute and report through queued signals, so the
window never freezes and widgets are touched from the GUI thread alone. The
survey is stored through ``Operations.add_survey`` (saved, undoable, announced)
on the worker too, since that write is megabytes; listeners hear of it on the
GUI thread.
"""

from __future__ import annotations

import threading
import time
from array import array
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QProgressBar,
    QSpinBox,
    QStyledItemDelegate,
    QWizard,
    QWizardPage,
)

from rater_desktop.i18n import _, ngettext
from rater_desktop.importing import (
    PRESETS,
    ImportCancelled,
    ImportResult,
    Mapping,
    ScaleSpec,
    SourceSpec,
    SurveyImportError,
    Table,
    cell_error_text,
    dump_mapping,
    guess_preset,
    load_mapping,
    preview,
    run_import,
)
from rater_desktop.importing.column_guess import ColumnGuess, column_questions, guess_columns
from rater_desktop.importing.engine import resolve_column
from rater_desktop.importing.guess_words import comments_warning, scale_note_text
from rater_desktop.importing.points import points_lines
from rater_desktop.importing.proposal import group_scale
from rater_desktop.importing.scale_guess import ScaleGuess
from rater_desktop.importing.sources import XLSX_SUFFIXES
from rater_desktop.importing.suggest import builtin_vocabulary, distinct_values, mapping_fits
from rater_desktop.operations import Change, Operations
from rater_desktop.survey_sources import mapping_scale, placement_sentence
from ui.dialogs.errors import show_error
from ui.models.survey_preview import COL_KPI, COL_ROLE, KPI_ROLES, ROLES, ColumnRolesModel, PreviewModel, role_text
from ui.qt import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QObject,
    QPushButton,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.tasks import Task, run_in_background
from ui.widgets.label_order import LabelOrder
from ui.widgets.survey_placement import SurveyPlacementChoice

PREVIEW_ROWS = 200
"""rows parsed for the preview; their answers also seed the scale page"""
ENCODINGS = ("utf-8", "cp1252", "cp1258", "latin-1", "utf-16", "cp949", "shift_jis", "gb18030")
"""offered when the user overrides detection (cp1258: Vietnamese Windows)"""
SURVEY_FILES = "*.csv *.tsv *.txt *.xlsx *.xlsm *.xls *.ods"
_PROGRESS_PER_SECOND = 20
"""progress bar updates sent to the GUI thread at most this often"""
_GUI_TURN = 0.0005
"""seconds the worker sleeps at each progress call so the GUI thread gets the GIL"""


class _Progress(QObject):
    """Lives in the GUI thread; workers emit on it (queued across threads)."""

    changed = Signal(int)
    """per mille done"""


def _permille(done: int, total: int) -> int:
    return int(1000 * done / total) if total else 0


def packed(result: ImportResult) -> ImportResult:
    """The result with its series as float64 arrays (NaN = no answer).

    Done in the worker, where the survey is also stored: ``encode_series``
    then takes the arrays as they are, a plain byte copy even for 100k respondents.
    """
    nan = float("nan")
    arrays = {}
    for name, values in result.series.items():
        time.sleep(_GUI_TURN)  # a pure-Python pass per series: let the GUI thread in between
        arrays[name] = array("d", [nan if v is None else v for v in values])
    result.series = arrays
    return result


def latest_survey_mapping(workbook: Any) -> tuple[str, Mapping] | None:
    """(source file name, mapping) of the most recently imported survey of the workbook."""
    surveys = [s for a in workbook.assessments() for s in workbook.surveys(a.id)]
    for survey in sorted(surveys, key=lambda s: (s["imported"], s["id"]), reverse=True):
        try:
            return survey["source_name"], load_mapping(survey["mapping"])
        except SurveyImportError:
            continue  # an unreadable stored mapping is simply not offered
    return None


class _RoleDelegate(QStyledItemDelegate):
    """A combo box of the given role codes (dimension roles or KPIs)."""

    def __init__(self, roles: tuple[str, ...], parent: QWidget) -> None:
        super().__init__(parent)
        self._roles = roles

    def createEditor(self, parent: QWidget, option: Any, index: Any) -> QComboBox:
        combo = QComboBox(parent)
        for role in self._roles:
            combo.addItem(role_text(role), role)
        return combo

    def setEditorData(self, editor: QComboBox, index: Any) -> None:
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QComboBox, model: Any, index: Any) -> None:
        model.setData(index, editor.currentData())


# --- page 1: the file ---------------------------------------------------------------


class FilePage(QWizardPage):
    """Choose the file, say how to read it, and check the parsed preview."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.browse = QPushButton()
        self.browse.clicked.connect(self._browse)
        self.preset = QComboBox()
        for key, preset in PRESETS.items():
            self.preset.addItem(_(preset.label), key)
        self.sheet = QComboBox()
        self.header_rows = QSpinBox()
        self.header_rows.setRange(0, 3)
        self.header_row = QSpinBox()
        self.header_row.setRange(1, 3)
        self.encoding = QComboBox()
        self.encoding.addItem("", "auto")
        for name in ENCODINGS:
            self.encoding.addItem(name, name)
        self.notice = QLabel()
        self.notice.setObjectName("fileNotice")
        self.notice.setWordWrap(True)
        self.reuse = QPushButton()
        self.reuse.setObjectName("reuseMapping")
        self.reuse.hide()
        self.reuse.clicked.connect(self._reuse_last)
        self.table_view = QTableView()
        self.table_view.setObjectName("previewTable")
        self.table_view.setModel(wizard.preview_model)
        self.table_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table_view.horizontalHeader().setDefaultSectionSize(140)

        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse)
        self.form = QFormLayout()
        self.file_label = QLabel()
        self.file_label.setBuddy(self.path_edit)
        self.form.addRow(self.file_label, file_row)
        settings = QHBoxLayout()
        self.labels = [QLabel() for _i in range(5)]
        for label, widget in zip(self.labels, (self.preset, self.sheet, self.header_rows,
                                               self.header_row, self.encoding)):
            label.setBuddy(widget)
            settings.addWidget(label)
            settings.addWidget(widget)
        settings.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addLayout(settings)
        reuse_row = QHBoxLayout()
        reuse_row.addWidget(self.notice, 1)
        reuse_row.addWidget(self.reuse)
        layout.addLayout(reuse_row)
        layout.addWidget(self.table_view, 1)

        self.preset.activated.connect(self._preset_chosen)
        for signal in (self.sheet.activated, self.encoding.activated,
                       self.header_rows.valueChanged, self.header_row.valueChanged):
            signal.connect(self._settings_changed)
        self._updating = False
        self._offer: tuple[str, Mapping] | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(_("Choose the survey file"))
        self.setSubTitle(_("Export the responses from your survey tool as CSV or Excel. The table "
                           "below shows the first rows exactly as they will be read."))
        self.browse.setText(_("Browse…"))
        self.file_label.setText(_("File:"))
        self.table_view.setAccessibleName(_("Preview of the first rows"))
        texts = (_("Survey tool:"), _("Sheet:"), _("Header rows:"), _("Names in row:"), _("Encoding:"))
        for label, text in zip(self.labels, texts):
            label.setText(text)
        self.encoding.setItemText(0, _("Detect"))
        for i, preset in enumerate(PRESETS.values()):
            self.preset.setItemText(i, _(preset.label))
        if self._offer:
            self.reuse.setText(_("Use the mapping of {file}").format(file=self._offer[0]))

    # -- choosing and reading ------------------------------------------------------

    def _browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Import customer survey"), "", _("Survey exports ({patterns})").format(patterns=SURVEY_FILES))
        if path:
            self.w.open_file(Path(path))

    def show_source(self, source: SourceSpec, table_format: str) -> None:
        """Put ``source`` into the widgets without triggering a reload."""
        self._updating = True
        try:
            self.header_rows.setValue(source.header_rows)
            self.header_row.setMaximum(max(1, source.header_rows))
            self.header_row.setValue(max(1, source.header_row))
            self.header_row.setEnabled(source.header_rows > 1)
            index = self.encoding.findData(source.encoding)
            if index < 0:
                self.encoding.addItem(source.encoding, source.encoding)
                index = self.encoding.count() - 1
            self.encoding.setCurrentIndex(index)
            self.encoding.setEnabled(table_format == "csv")
            self.sheet.setEnabled(table_format == "xlsx")
        finally:
            self._updating = False

    def show_preset(self, key: str) -> None:
        self._updating = True
        self.preset.setCurrentIndex(max(0, self.preset.findData(key)))
        self._updating = False

    def show_table(self, table: Table) -> None:
        self._updating = True
        try:
            self.sheet.clear()
            for name in table.sheet_names:
                self.sheet.addItem(name, name)
            if table.sheet:
                self.sheet.setCurrentIndex(self.sheet.findData(table.sheet))
        finally:
            self._updating = False
        notes = []
        if table.format == "csv" and not table.encoding_certain:
            notes.append(_("The text encoding was guessed as {enc}. If letters look wrong in the "
                           "preview, choose the right encoding above.").format(enc=table.encoding))
        if table.note == "xlsx_is_text":
            notes.append(_("This file is named like a workbook but holds plain text; it is read as CSV."))
        self.notice.setText(" ".join(notes))
        self.completeChanged.emit()

    def show_failure(self, sentence: str, ask_encoding: bool) -> None:
        text = sentence
        if ask_encoding:
            text += " " + _("Choose the encoding above.")
            self.encoding.setEnabled(True)
            self.encoding.setFocus()
        self.notice.setText(text)
        self.completeChanged.emit()

    def offer(self, offer: tuple[str, Mapping] | None) -> None:
        self._offer = offer
        self.reuse.setVisible(offer is not None)
        self.retranslate()

    def _reuse_last(self) -> None:
        if self._offer:
            self.w.apply_mapping(self._offer[1])

    def _preset_chosen(self) -> None:
        if not self._updating:
            self.w.choose_preset(self.preset.currentData())

    def _settings_changed(self) -> None:
        if self._updating:
            return
        rows = self.header_rows.value()
        self.header_row.setMaximum(max(1, rows))
        self.header_row.setEnabled(rows > 1)
        self.w.set_source(replace(
            self.w.source, header_rows=rows, header_row=min(self.header_row.value(), rows) if rows else 0,
            encoding=self.encoding.currentData() or "auto",
            sheet=self.sheet.currentData() if self.sheet.count() else self.w.source.sheet))

    def isComplete(self) -> bool:
        return self.w.table is not None and not self.w.loading


# --- page 2: columns ------------------------------------------------------------------


class ColumnsPage(QWizardPage):
    """What each column holds: a dimension, an expectation item, a KPI, or nothing."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.view = QTableView()
        self.view.setObjectName("columnRoles")
        self.view.setModel(wizard.roles_model)
        self.view.setItemDelegateForColumn(COL_ROLE, _RoleDelegate(ROLES, self.view))
        self.view.setItemDelegateForColumn(COL_KPI, _RoleDelegate(KPI_ROLES, self.view))
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.view.verticalHeader().setVisible(False)
        # Widths are fitted once per file (see initializePage): ResizeToContents would
        # re-measure every cell on every change, tens of milliseconds on a wide survey.
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.suggest = QPushButton()
        self.suggest.clicked.connect(wizard.suggest_roles)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.problem, 1)
        row.addWidget(self.suggest)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        wizard.roles_model.dataChanged.connect(self._changed)
        wizard.roles_model.modelReset.connect(self._changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(_("What each column holds"))
        self.setSubTitle(_("Columns were matched to the RATER dimensions by what their questions say; "
                           "hover over a suggestion to see why. Names and e-mails stay \"Not imported\" and "
                           "are never stored; free text is kept only in columns you mark as comments."))
        self.suggest.setText(_("Suggest again"))
        self.view.setAccessibleName(_("What each column holds"))

    def initializePage(self) -> None:
        self.w.prepare_roles()
        self.view.resizeColumnsToContents()

    def _changed(self, *_args: object) -> None:
        duplicates = self.w.roles_model.duplicate_kpis()
        if duplicates:
            self.problem.setText(_("Only one column can be used as {kpi}.").format(kpi=role_text(duplicates[0])))
        elif not any(self.w.roles_model.roles()):
            self.problem.setText(" ".join([_("Choose at least one column to import."), self._advice()]).strip())
        else:
            self.problem.setText(self._advice())
        self.completeChanged.emit()

    def _advice(self) -> str:
        """What to look at before going on: guesses to check, and what comments may hold."""
        model = self.w.roles_model
        lines = []
        checks = len(model.to_check())
        if checks:
            lines.append(ngettext("{n} suggestion is a guess: check the row marked “Check this”.",
                                  "{n} suggestions are guesses: check the rows marked “Check this”.",
                                  checks).format(n=checks))
        loose = len(model.without_dimension())
        if loose:
            lines.append(ngettext("{n} rating question names no dimension: choose one to import it.",
                                  "{n} rating questions name no dimension: choose one for each you want to "
                                  "import.", loose).format(n=loose))
        if model.comment_columns():
            lines.append(comments_warning())
        return " ".join(lines)

    def isComplete(self) -> bool:
        return any(self.w.roles_model.roles()) and not self.w.roles_model.duplicate_kpis()


# --- page 3: scale ---------------------------------------------------------------------


class ScalePage(QWizardPage):
    """How answers become points: numbers, letters or ordered labels, and N/A codes.

    The scale is suggested from the answers of the chosen columns and their
    questions. When the suggestion is not sure (labels no known scale orders,
    a range nothing states), the person must put the labels in order and tick
    that the points shown beside them are right before going on.
    """

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.kind = QComboBox()
        for kind in ("numeric", "letters", "labels"):
            self.kind.addItem("", kind)
        self.low = QDoubleSpinBox()
        self.high = QDoubleSpinBox()
        for box in (self.low, self.high):
            box.setRange(-1000, 1000)
            box.setDecimals(1)
            box.valueChanged.connect(self._show_points)
        self.order = LabelOrder()
        self.order.changed.connect(self._show_points)
        self.order.not_applicable.connect(self._label_to_na)
        self.na = QLineEdit()
        self.na.textChanged.connect(self._show_points)
        self.found = QLabel()
        self.found.setWordWrap(True)
        self.notes = QLabel()
        self.notes.setObjectName("scaleNotes")
        self.notes.setWordWrap(True)
        self.points = QLabel()
        self.points.setObjectName("scalePoints")
        self.points.setWordWrap(True)
        self.confirm = QCheckBox()
        self.confirm.setObjectName("confirmScale")
        self.confirm.toggled.connect(self.completeChanged)
        self.problem = QLabel()
        self.problem.setObjectName("scaleProblem")
        self.problem.setWordWrap(True)

        self.form = QFormLayout()
        self.form_labels = [QLabel() for _i in range(6)]
        for label, field in zip(self.form_labels, (self.kind, self.low, self.high, self.order, self.points, self.na)):
            label.setBuddy(field)
            self.form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addWidget(self.found)
        layout.addWidget(self.notes)
        layout.addLayout(self.form)
        layout.addWidget(self.confirm)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._columns: list[int] | None = None
        self.needs_confirmation = False
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(_("The answer scale"))
        self.setSubTitle(_("Say how answers are written so they can be turned into points from 0 to 4. "
                           "Answers such as \"Don't know\" count as no answer when listed as not applicable."))
        for i, text in enumerate((_("Numbers"), _("Letters A–F"), _("Labels in order"))):
            self.kind.setItemText(i, text)
        self.na.setPlaceholderText(_("for example: N/A, Don't know"))
        texts = (_("Answers are:"), _("Lowest (worst):"), _("Highest (best):"),
                 _("Labels, worst first (drag to reorder):"), _("Points:"), _("Not applicable:"))
        for label, text in zip(self.form_labels, texts):
            label.setText(text)
        self.confirm.setText(_("I have checked the order and the points each answer gets"))
        self.order.retranslate()
        self._show_points()

    def initializePage(self) -> None:
        columns = self.w.roles_model.scored_columns()
        rows = self.w.table.rows if self.w.table else []
        values = distinct_values(rows, columns)
        self.found.setText(_("Answers found in the first {n} rows: {values}").format(
            n=len(rows), values=", ".join(values[:30]) or "–"))
        if self.w.pending_scale is not None:
            scale = self.w.pending_scale
            self.w.pending_scale = None
            self.show_scale(scale, [], not scale.confirmed)
        elif columns != self._columns:
            guess = self.w.scale_guess(columns)
            self.show_scale(guess.scale, [scale_note_text(note) for note in guess.notes], not guess.sure)
        self._columns = columns

    def show_scale(self, scale: ScaleSpec, notes: list[str], needs_confirmation: bool) -> None:
        """Show a scale; ``needs_confirmation`` asks the person to tick that it is right."""
        self.kind.setCurrentIndex(self.kind.findData(scale.type))
        self.low.setValue(scale.min)
        self.high.setValue(scale.max)
        self.order.set_labels(list(scale.labels))
        self.na.setText(", ".join(scale.not_applicable))
        self.needs_confirmation = needs_confirmation
        if needs_confirmation:
            notes = [_("This scale is a guess: put the labels in order (worst first) and check the points "
                       "each answer gets, then tick the box below."), *notes]
        self.notes.setText("\n".join(notes))
        self.confirm.setChecked(False)
        self.confirm.setVisible(needs_confirmation)
        self._kind_changed()
        self.completeChanged.emit()

    def scale(self) -> ScaleSpec:
        na = tuple(code.strip() for code in self.na.text().split(",") if code.strip())
        kind = self.kind.currentData()
        labels = tuple(self.order.labels()) if kind == "labels" else ()
        low, high = (int(v) if v.is_integer() else v for v in (self.low.value(), self.high.value()))
        return ScaleSpec(kind, low, high, labels, na,
                         confirmed=not self.needs_confirmation or self.confirm.isChecked())

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        for row, visible in ((1, kind == "numeric"), (2, kind == "numeric"), (3, kind == "labels"),
                             (4, kind != "labels")):
            self.form.setRowVisible(row, visible)
        self._show_points()

    def _show_points(self, *_args: object) -> None:
        """The points of each answer, for numbers and letters (labels show theirs in the list)."""
        try:
            lines = points_lines(self.scale())
        except (ZeroDivisionError, ValueError):
            lines = []
        self.points.setText("   ".join(lines))

    def _label_to_na(self, code: str) -> None:
        self.na.setText(", ".join(filter(None, (self.na.text().strip(), code))))

    def isComplete(self) -> bool:
        return not self.needs_confirmation or self.confirm.isChecked()

    def validatePage(self) -> bool:
        if not self.isComplete():
            self.problem.setText(_("Check the order and the points, then tick the box."))
            return False
        try:
            self.w.mapping = self.w.current_mapping()
        except SurveyImportError as error:
            self.problem.setText(str(error))
            return False
        self.problem.setText("")
        return True


# --- page 4: dry run ------------------------------------------------------------------


class ValidationPage(QWizardPage):
    """Reads the whole file without writing and lists every cell that does not fit."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setCommitPage(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.report = QLabel()
        self.report.setObjectName("validationReport")
        self.report.setWordWrap(True)
        self.report.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.skip = QCheckBox()
        self.skip.setObjectName("skipInvalid")
        self.skip.toggled.connect(self.completeChanged)
        self.placement = SurveyPlacementChoice()
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.report, 1)
        layout.addWidget(self.skip)
        layout.addWidget(self.placement)
        self.result: ImportResult | None = None
        self.duplicate = False
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(_("Checking every answer"))
        self.setSubTitle(_("The whole file is read once without saving anything."))
        self.setButtonText(QWizard.WizardButton.CommitButton, _("Import"))
        self.skip.setText(_("Leave out the answers that do not fit and import the rest"))
        self.placement.retranslate()

    def initializePage(self) -> None:
        self.result = None
        self.duplicate = False
        self.skip.setChecked(False)
        self.skip.setEnabled(False)
        self.report.setText(_("Reading {file}…").format(file=self.w.path.name))
        self.progress.setValue(0)
        self.placement.ask(self.w.operations.workbook.survey_sources(self.w.assessment_id),
                           mapping_scale(self.w.mapping.scale))
        self.w.start_dry_run()

    def cleanupPage(self) -> None:
        self.w.cancel_work()

    def show_result(self, result: ImportResult) -> None:
        self.result = result
        self.progress.setValue(1000)
        self.duplicate = self.w.operations.workbook.find_survey_by_hash(
            self.w.assessment_id, result.file_hash) is not None
        lines = [ngettext("{n} response read from {file}.", "{n} responses read from {file}.",
                          result.row_count).format(n=result.row_count, file=result.source_name)]
        if self.duplicate:
            lines.append(_("{file} has already been imported into this round.").format(file=result.source_name))
        if result.ok:
            lines.append(_("Every answer fits the scale."))
        else:
            lines.append(ngettext("{n} answer does not fit the scale:", "{n} answers do not fit the scale:",
                                  result.error_count).format(n=result.error_count))
            lines += ["• " + cell_error_text(error) for error in result.errors]
            hidden = result.error_count - len(result.errors)
            if hidden:
                lines.append(ngettext("…and {n} more.", "…and {n} more.", hidden).format(n=hidden))
            lines.append(_("Fix the file or the scale, or leave these answers out."))
            self.skip.setEnabled(True)
        if not result.encoding_certain:
            lines.append(_("The encoding was guessed as {enc}; go back and choose another if the "
                           "preview looked wrong.").format(enc=result.encoding))
        lines += ["", _("Points each answer gets:"), *("   " + line for line in points_lines(self.w.mapping.scale))]
        if self.w.mapping.comments:
            lines += ["", comments_warning()]
        self.report.setText("\n".join(lines))
        self.completeChanged.emit()

    def show_failure(self, sentence: str) -> None:
        self.progress.setValue(0)
        self.report.setText(sentence)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return (self.result is not None and not self.duplicate
                and (self.result.ok or self.skip.isChecked()))

    def validatePage(self) -> bool:
        return self.isComplete()  # QWizard.next() would otherwise pass an incomplete page


# --- page 5: import -------------------------------------------------------------------


class ImportPage(QWizardPage):
    """Runs the import with progress; the wizard's Cancel stops it and stores nothing."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.setRange(0, 1000)
        self.status = QLabel()
        self.status.setObjectName("importStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.status, 1)
        self.done = False
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(_("Importing"))
        self.setSubTitle(_("The survey is stored with the round once every row has been read."))

    def initializePage(self) -> None:
        self.done = False
        self.progress.setValue(0)
        self.status.setText(_("Importing {file}…").format(file=self.w.path.name))
        self.w.start_import(self.w.validation.skip.isChecked())

    def show_done(self, result: ImportResult) -> None:
        self.done = True
        self.progress.setValue(1000)
        lines = [ngettext("{n} response imported from {file}.", "{n} responses imported from {file}.",
                          result.row_count).format(n=result.row_count, file=result.source_name)]
        if result.skipped:
            lines.append(ngettext("{n} answer was left out:", "{n} answers were left out:",
                                  len(result.skipped)).format(n=len(result.skipped)))
            lines += ["• " + cell_error_text(error) for error in result.skipped[:20]]
            if len(result.skipped) > 20:
                lines.append(ngettext("…and {n} more.", "…and {n} more.",
                                      len(result.skipped) - 20).format(n=len(result.skipped) - 20))
        placement = self.w.validation.placement.placement()
        lines.append(_("The comparison page now includes these customers.") if placement.included else
                     placement_sentence(placement, result.source_name, mapping_scale(self.w.mapping.scale)))
        self.status.setText("\n".join(lines))
        self.completeChanged.emit()

    def show_failure(self, sentence: str) -> None:
        self.status.setText(sentence + " " + _("Nothing was stored."))

    def isComplete(self) -> bool:
        return self.done


# --- the wizard -------------------------------------------------------------------------


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
        self.path: Path | None = None
        self.source = SourceSpec()
        self.preset_key = "generic"
        self.table: Table | None = None
        self.loading = False
        self.mapping: Mapping | None = None
        self.pending_mapping: Mapping | None = None
        self.pending_scale: ScaleSpec | None = None
        self.guesses: list[ColumnGuess] = []
        """column suggestions for the current preview, worked out with it off the GUI thread"""
        self.import_result: ImportResult | None = None
        self._roles_for: Table | None = None
        self._generation = 0
        self._tasks: set[Task] = set()
        self._cancel = threading.Event()
        self._closing = False
        self._progress = _Progress(self)

        self.preview_model = PreviewModel(self)
        self.roles_model = ColumnRolesModel(self)
        self.file_page = FilePage(self)
        self.columns_page = ColumnsPage(self)
        self.scale_page = ScalePage(self)
        self.validation = ValidationPage(self)
        self.import_page = ImportPage(self)
        for page in (self.file_page, self.columns_page, self.scale_page, self.validation, self.import_page):
            self.addPage(page)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setOption(QWizard.WizardOption.HaveCustomButton2, True)
        self.customButtonClicked.connect(self._custom_button)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.resize(960, 640)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Import customer survey"))
        self.setButtonText(QWizard.WizardButton.CustomButton1, _("Load mapping…"))
        self.setButtonText(QWizard.WizardButton.CustomButton2, _("Save mapping…"))
        for page in (self.file_page, self.columns_page, self.scale_page, self.validation, self.import_page):
            page.retranslate()
        self.roles_model.retranslate()

    # -- reading the file (page 1) ----------------------------------------------------

    def open_file(self, path: Path) -> None:
        """Start on a new file: format from its name, then a guessed preset."""
        self.path = path
        self.file_page.path_edit.setText(str(path))
        fmt = "xlsx" if path.suffix.lower() in XLSX_SUFFIXES else "csv"
        pending = self.pending_mapping
        self.source = replace(pending.source, format=pending.source.format or fmt) if pending else SourceSpec(format=fmt)
        self.preset_key = "generic"
        self._reload(guess=pending is None, offer=pending is None)

    def choose_preset(self, key: str) -> None:
        self.preset_key = key
        self.source = replace(PRESETS[key].source, format=self.source.format, encoding=self.source.encoding)
        self._reload()

    def set_source(self, source: SourceSpec) -> None:
        self.source = source
        self._reload()

    def _reload(self, guess: bool = False, offer: bool = False) -> None:
        """Parse the preview on the pool; ``guess`` also picks the preset from the headers."""
        if self.path is None:
            return
        self._generation += 1
        generation, path, source, key = self._generation, self.path, self.source, self.preset_key
        last = latest_survey_mapping(self.operations.workbook) if offer else None
        extra = [(c.dimension, c.text) for c in self.operations.workbook.criteria()]
        self.table = None
        self.guesses = []
        self.loading = True
        self.file_page.show_source(source, self.source.format or "csv")
        self.file_page.notice.setText(_("Reading {file}…").format(file=path.name))
        self.file_page.completeChanged.emit()

        def work() -> tuple[Table, SourceSpec, str, tuple[str, Mapping] | None, list[ColumnGuess]]:
            table = preview(path, source, PREVIEW_ROWS)
            used, chosen = source, key
            if guess:
                chosen = guess_preset(table.header_rows + table.rows[:1])
                preset = PRESETS[chosen].source
                if (preset.header_rows, preset.header_row) != (source.header_rows, source.header_row):
                    used = replace(preset, format=source.format)
                    table = preview(path, used, PREVIEW_ROWS)
            fits = None
            if last is not None:
                name, mapping = last
                source_fmt = replace(mapping.source, format=mapping.source.format or source.format)
                if mapping_fits(mapping, preview(path, source_fmt, 0).headers):
                    fits = name, mapping
            # Column guesses read every answer of the preview: a few hundred milliseconds on a wide
            # survey, so they are worked out here rather than when the columns page opens.
            names, criteria = builtin_vocabulary(extra)
            return table, used, chosen, fits, guess_columns(table.header_rows, table.rows, names, criteria)

        self._start(work, lambda value: self._preview_ready(generation, value),
                    lambda error: self._preview_failed(generation, error))

    def _preview_ready(self, generation: int, value: Any) -> None:
        if generation != self._generation:
            return  # the user changed a setting meanwhile; a newer preview is on its way
        table, used, key, fits, guesses = value
        self.loading = False
        self.table, self.source, self.preset_key = table, replace(used, sheet=table.sheet), key
        self.guesses = guesses
        self.preview_model.set_table(table)
        self.file_page.show_preset(key)
        self.file_page.show_source(self.source, table.format)
        self.file_page.show_table(table)
        if fits is not None:
            self.file_page.offer(fits)

    def _preview_failed(self, generation: int, error: Exception) -> None:
        if generation != self._generation:
            return
        self.loading = False
        self.preview_model.set_table(None)
        code = getattr(error, "code", "")
        self.file_page.show_failure(_sentence(error), code == "decode_failed")

    # -- mapping in and out ------------------------------------------------------------

    def apply_mapping(self, mapping: Mapping) -> None:
        """Use a whole mapping: its source now, its columns and scale on the next pages."""
        self.pending_mapping = mapping
        self.pending_scale = mapping.scale
        if self.path is not None:
            self.source = replace(mapping.source, format=mapping.source.format or self.source.format)
            self._reload()

    def prepare_roles(self) -> None:
        """Fill the column roles for the current table: a pending mapping, else suggestions."""
        if self._roles_for is self.table:
            return
        self._roles_for = self.table
        self.roles_model.set_table(self.table)
        if self.pending_mapping is not None:
            headers = self.table.headers
            try:
                self.roles_model.apply_mapping(self.pending_mapping,
                                               lambda ref: resolve_column(ref, headers, self.path.name))
                self.pending_mapping = None
                return
            except SurveyImportError as error:
                show_error(self, _("Import customer survey"), str(error))
                self.pending_mapping = None
        self.suggest_roles()

    def suggest_roles(self) -> None:
        """Put the column suggestions worked out with the preview back into the roles table."""
        self.roles_model.apply_suggestion(self.guesses)

    def scale_guess(self, columns: list[int]) -> ScaleGuess:
        """The scale suggested by the answers and questions of the given columns."""
        table = self.table
        width = max([len(r) for r in table.header_rows] + [len(r) for r in table.rows], default=0)
        return group_scale(table, column_questions(table.header_rows, width), columns, self.preset_key)

    def current_mapping(self) -> Mapping:
        """The mapping the pages describe, validated as if read from TOML."""
        parts = self.roles_model.mapping_parts()
        scale = replace(self.scale_page.scale(), reverse=parts.reverse)
        mapping = Mapping(self.source, scale, parts.dimensions, parts.expectations, parts.minimum,
                          parts.comments, parts.kpis)
        return load_mapping(dump_mapping(mapping))

    def _custom_button(self, which: int) -> None:
        if which == QWizard.WizardButton.CustomButton1.value:
            self.load_mapping_file()
        elif which == QWizard.WizardButton.CustomButton2.value:
            self.save_mapping_file()

    def save_mapping_file(self) -> None:
        if self.table is None:
            show_error(self, _("Save mapping"), _("Choose a survey file first."))
            return
        self.prepare_roles()
        try:
            text = dump_mapping(self.current_mapping())
        except SurveyImportError as error:
            show_error(self, _("Save mapping"), str(error))
            return
        path, _filter = QFileDialog.getSaveFileName(self, _("Save mapping"), "mapping.toml",
                                                    _("Mappings (*.toml)"))
        if not path:
            return
        try:
            Path(path).write_text(text, encoding="utf-8")
        except OSError as error:
            show_error(self, _("Save mapping"), _("The mapping could not be saved: {why}").format(
                why=error.strerror or error))

    def load_mapping_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, _("Load mapping"), "", _("Mappings (*.toml)"))
        if not path:
            return
        try:
            mapping = load_mapping(Path(path))
        except (SurveyImportError, OSError, UnicodeDecodeError) as error:
            show_error(self, _("Load mapping"), _sentence(error))
            return
        if self.table is not None and not mapping_fits(mapping, self._headers_for(mapping)):
            show_error(self, _("Load mapping"),
                       _("The mapping names columns this file does not have."))
            return
        self._roles_for = None
        self.apply_mapping(mapping)
        if self.currentPage() is not self.file_page:
            self.restart()

    def _headers_for(self, mapping: Mapping) -> list[str]:
        try:
            source = replace(mapping.source, format=mapping.source.format or self.source.format)
            return preview(self.path, source, 0).headers
        except SurveyImportError:
            return []

    # -- dry run and import ------------------------------------------------------------

    def start_dry_run(self) -> None:
        path, mapping = self.path, self.mapping
        self._cancel = threading.Event()
        cancel = self._cancel
        self._progress.changed.connect(self.validation.progress.setValue)
        self._start(lambda: run_import(path, mapping, progress=self._emitter(), cancel=cancel.is_set),
                    lambda result: self._dry_run_done(result, cancel),
                    lambda error: self._dry_run_failed(error, cancel))

    def _dry_run_done(self, result: ImportResult, cancel: threading.Event) -> None:
        self._progress.changed.disconnect(self.validation.progress.setValue)
        if not cancel.is_set():
            self.validation.show_result(result)

    def _dry_run_failed(self, error: Exception, cancel: threading.Event) -> None:
        self._progress.changed.disconnect(self.validation.progress.setValue)
        if not cancel.is_set():
            self.validation.show_failure(_sentence(error))

    def start_import(self, skip_invalid: bool) -> None:
        path, mapping, operations, assessment_id = self.path, self.mapping, self.operations, self.assessment_id
        digest = self.validation.result.file_hash
        included = self.validation.placement.placement().included
        self._cancel = threading.Event()
        cancel = self._cancel
        self._progress.changed.connect(self.import_page.progress.setValue)

        def work() -> tuple[ImportResult, list[Change]]:
            result = packed(run_import(path, mapping, skip_invalid=skip_invalid, progress=self._emitter(),
                                       cancel=cancel.is_set, file_hash=digest))
            if cancel.is_set():
                raise ImportCancelled("cancelled", _("The import was cancelled."))
            # Writing 100k respondents is tens of megabytes of disk I/O: done here, not on the GUI thread.
            with operations.held_announcements() as changes:
                result.survey_id = operations.add_survey(
                    assessment_id, source_name=result.source_name, file_hash=result.file_hash,
                    row_count=result.row_count, mapping_toml=result.mapping_toml,
                    scale_min=result.scale_min, scale_max=result.scale_max, series=result.series,
                    comments=result.comments, included=included, tool=result.tool)
            return result, changes

        self._start(work, self._import_done, self._import_failed)

    def _import_done(self, value: tuple[ImportResult, list[Change]]) -> None:
        """The survey is stored (a late Cancel cannot undo that): announce it and say so."""
        self._progress.changed.disconnect(self.import_page.progress.setValue)
        result, changes = value
        for change in changes:
            self.operations.announce(change)
        self.import_result = result
        self.import_page.show_done(result)
        self.imported.emit(result.survey_id)
        if self._closing:
            super().reject()

    def _import_failed(self, error: Exception) -> None:
        self._progress.changed.disconnect(self.import_page.progress.setValue)
        if isinstance(error, ImportCancelled) or self._cancel.is_set():
            self._finish_cancel()
        else:
            self.import_page.show_failure(_sentence(error))

    def _emitter(self) -> Callable[[int, int], None]:
        """A progress callback for the worker that also keeps the GUI thread served.

        The engine calls it every thousand rows or so (about every 10 ms). Each
        call gives up the GIL for a moment: the scan is pure Python and would
        otherwise hold the GIL for whole switch intervals while every GUI
        event waits its turn. The bar is updated at most ``_PROGRESS_PER_SECOND``
        times a second (and at the end), so the event queue is never flooded.
        """
        signal = self._progress.changed
        last = [-1, 0.0]

        def progress(done: int, total: int) -> None:
            time.sleep(_GUI_TURN)
            value, now = _permille(done, total), time.monotonic()
            if value != last[0] and (value == 1000 or now - last[1] >= 1 / _PROGRESS_PER_SECOND):
                last[0], last[1] = value, now
                signal.emit(value)
        return progress

    def _start(self, work, on_success, on_failure) -> None:
        holder: list[Task] = []

        def finished(handler):
            def call(value: object) -> None:
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

    def cancel_work(self) -> None:
        self._cancel.set()

    def _finish_cancel(self) -> None:
        self.import_page.show_failure(_("The import was cancelled."))
        if self._closing:
            super().reject()

    def reject(self) -> None:
        """Cancel: stop any running work first, and close once it has stopped."""
        if self.busy:
            self._cancel.set()
            self._closing = True
            self._generation += 1  # a preview still being read is no longer wanted
            if self.currentPage() is self.import_page:
                self.import_page.status.setText(_("Cancelling…"))
                return
        super().reject()


def _sentence(error: Exception) -> str:
    """One sentence for the user, worded where every error is (``sentences.error_sentence``)."""
    from rater_desktop.sentences import error_sentence

    return error_sentence(error)


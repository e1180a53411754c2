"""Page 1 of the import: choose the file, say how to read it, and check the parsed preview.

The page shows the import session's file, reading settings and preview, and
says what the person changed through its signals; the wizard reads the file
again (off the GUI thread) and hands the outcome back through ``show_*``.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QSpinBox, QWizardPage

from rater_desktop.i18n import _
from rater_desktop.importing import PRESETS, Mapping, SourceSpec, Table
from rater_desktop.sessions.importing import ImportSession
from ui.models.survey_preview import PreviewModel
from ui.qt import QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, Signal

ENCODINGS = ("utf-8", "cp1252", "cp1258", "latin-1", "utf-16", "cp949", "shift_jis", "gb18030")
"""offered when the user overrides detection (cp1258: Vietnamese Windows)"""
SURVEY_FILES = "*.csv *.tsv *.txt *.xlsx *.xlsm *.xls *.ods"


class FilePage(QWizardPage):
    """Choose the file, say how to read it, and check the parsed preview."""

    file_chosen = Signal(object)
    """a Path"""
    preset_chosen = Signal(str)
    source_changed = Signal(object)
    """a SourceSpec: header rows, sheet or encoding changed"""
    mapping_reused = Signal(object)
    """the last survey's Mapping, to use for this file"""

    def __init__(self, session: ImportSession, preview_model: PreviewModel) -> None:
        super().__init__()
        self.session = session
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
        self.table_view.setModel(preview_model)
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

    # -- choosing ------------------------------------------------------------------

    def _browse(self) -> None:
        from ui.qt import QFileDialog

        path, _filter = QFileDialog.getOpenFileName(
            self, _("Import customer survey"), "", _("Survey exports ({patterns})").format(patterns=SURVEY_FILES))
        if path:
            self.file_chosen.emit(Path(path))

    def _reuse_last(self) -> None:
        if self._offer:
            self.mapping_reused.emit(self._offer[1])

    def _preset_chosen(self) -> None:
        if not self._updating:
            self.preset_chosen.emit(self.preset.currentData())

    def _settings_changed(self) -> None:
        if self._updating:
            return
        rows = self.header_rows.value()
        self.header_row.setMaximum(max(1, rows))
        self.header_row.setEnabled(rows > 1)
        source = self.session.source
        self.source_changed.emit(replace(
            source, header_rows=rows, header_row=min(self.header_row.value(), rows) if rows else 0,
            encoding=self.encoding.currentData() or "auto",
            sheet=self.sheet.currentData() if self.sheet.count() else source.sheet))

    # -- showing what was read -------------------------------------------------------

    def show_reading(self) -> None:
        """The session is reading its file: show the settings used and say so."""
        session = self.session
        self.path_edit.setText(str(session.path))
        self.show_source(session.source, session.source.format or "csv")
        self.notice.setText(_("Reading {file}…").format(file=session.path.name))
        self.completeChanged.emit()

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

    def show_read(self, offer: tuple[str, Mapping] | None) -> None:
        """The session's preview is in: the tool, the settings, the sheets, anything to check."""
        session = self.session
        table = session.table
        self._updating = True
        self.preset.setCurrentIndex(max(0, self.preset.findData(session.preset_key)))
        self._updating = False
        self.show_source(session.source, table.format)
        self._show_table(table)
        if offer is not None:
            self._offer = offer
            self.reuse.setVisible(True)
            self.retranslate()

    def _show_table(self, table: Table) -> None:
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

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        return self.session.table is not None and not self.session.loading

"""File → Export data…: grades, customer results and actions as CSV or XLSX.

The user picks a file name; the export runs on a pool thread over its own
read-only connection to the workbook file (the window's connection stays with
the GUI thread), and a failure ends in one sentence saying what went wrong.
:func:`save_failure` words the errors of every "save a file" job, so the
report dialog uses it too.
"""

from __future__ import annotations

import os
from pathlib import Path

from rater_desktop.i18n import _
from rater_desktop.sentences import error_sentence, shorten
from ui.dialogs.errors import show_error
from ui.qt import QFileDialog, QMessageBox, QObject, QWidget, Signal
from ui.tasks import run_in_background


def save_failure(path: str | os.PathLike, error: Exception) -> str:
    """One sentence for a file that could not be written, in the user's language."""
    return error_sentence(error, path=path)


def confirm_output(parent: QWidget | None, path: str | os.PathLike, *, inputs: tuple = (),
                   workbook: bool = False) -> bool:
    """May an output be written to ``path``? Every "save a file" action asks here.

    A path that would replace a workbook is refused with one sentence; any
    other existing file is replaced only when the user says so.  (The file
    dialogs are told not to ask, so the question comes once, also when an
    extension was added to the name after the dialog closed.)
    """
    from rater_desktop.files import OutputRefused, check_output

    try:
        target = check_output(path, workbook=workbook, inputs=inputs)
    except OutputRefused as refused:
        show_error(parent, _("Choose another file"), str(refused))
        return False
    if not target.exists():
        return True
    answer = QMessageBox.question(
        parent, _("Replace the file?"),
        _("“{name}” already exists in {folder}. Replace it?").format(
            name=shorten(Path(path).name), folder=shorten(Path(path).parent)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


class DataExport(QObject):
    """One export job; lives as a child of the window until it reports."""

    exported = Signal(str, object)
    """the file written and the rows per table"""
    failed = Signal(str)
    """the sentence shown to the user"""

    def __init__(self, workbook_path: str | os.PathLike, out_path: str | os.PathLike,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._parent = parent
        self.out_path = str(out_path)
        self._task = run_in_background(self._work(Path(workbook_path)), self._succeeded, self._failed)

    def _work(self, workbook_path: Path):
        out = self.out_path

        def work() -> dict[str, int]:
            from rater_desktop.export import export_workbook
            from rater_desktop.storage import open_workbook

            with open_workbook(workbook_path, read_only=True) as workbook:
                return export_workbook(workbook, out)

        return work

    def _succeeded(self, counts: object) -> None:
        if self._parent is not None and hasattr(self._parent, "statusBar"):
            rows = sum(counts.values()) if isinstance(counts, dict) else 0
            self._parent.statusBar().showMessage(
                _("Exported {rows} rows to {name}.").format(rows=rows, name=Path(self.out_path).name), 10000)
        self.exported.emit(self.out_path, counts)
        self._task = None

    def _failed(self, error: Exception) -> None:
        sentence = save_failure(self.out_path, error)
        show_error(self._parent, _("Could not export the data"), sentence)
        self.failed.emit(sentence)
        self._task = None


def voting_under_way(parent: QWidget | None, operations) -> bool:
    """While a workshop votes, a report or an export would show its running answers: say so and
    return True (the caller waits for the reveal)."""
    if operations is None or not operations.workshops.any_sealed():
        return False
    QMessageBox.information(parent, _("Voting under way"), _(
        "A workshop is voting, so its answers are sealed until the facilitator reveals them. "
        "Export the report or the data after the reveal."))
    return True


def output_beside(workbook_path: Path, name: str) -> Path:
    """Where a file made from ``workbook_path`` goes unless the user says otherwise: beside it.

    A workbook kept in the app's own data folder (the demo) is hidden from people, so what is made
    from it goes to the Documents folder (else the home folder): the demo's data export was saved
    there, named by its file name alone, and nobody could find it.
    """
    from PySide6.QtCore import QStandardPaths

    from rater_desktop.paths import data_dir

    folder = workbook_path.resolve().parent
    if folder == data_dir().resolve() or data_dir().resolve() in folder.parents:
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        folder = Path(documents) if documents and Path(documents).is_dir() else Path.home()
    return folder / name


def export_data(parent: QWidget | None, workbook) -> DataExport | None:
    """Ask for a .xlsx or .csv file name and export ``workbook`` (a Workbook or its path) there.

    Returns the running job, or None when the user cancelled the file dialog,
    chose a workbook's name, or did not want an existing file replaced.
    A name typed without an extension gets the one of the chosen file type.
    """
    source = Path(getattr(workbook, "path", workbook))
    xlsx, csv = _("Excel workbook (*.xlsx)"), _("CSV file (*.csv)")
    suggested = str(output_beside(source, f"{source.stem}-data.xlsx"))
    path, chosen = QFileDialog.getSaveFileName(parent, _("Export data"), suggested, f"{xlsx};;{csv}",
                                               options=QFileDialog.Option.DontConfirmOverwrite)
    if not path:
        return None
    if Path(path).suffix.lower() not in (".csv", ".xlsx"):
        path += ".csv" if chosen == csv else ".xlsx"
    if not confirm_output(parent, path, inputs=(source,)):
        return None
    return DataExport(source, path, parent)

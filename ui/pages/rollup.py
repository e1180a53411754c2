"""The roll-up page: many teams' workbooks, one picture (issue 16).

Opened from File → New roll-up… or by dropping files or a folder on the
window; it lives in a window of its own beside the workbook.  The person adds
workbooks (or folders, searched recursively), names each team and picks its
round (the latest by default); the page shows the members above and the
figures below.  The members are a Qt-free :class:`RollupSession` that the
command line drives too.

Reading files and computing the roll-up run on pool threads, never on the
GUI thread: reading reports progress and can be cancelled; a computation
asked for while one runs is done again once it reports, so the figures always
match the members shown.  Nothing is ever written to a member's file.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtWidgets import QAbstractItemView, QProgressBar, QSpinBox, QSplitter

from rater_desktop.i18n import LANGUAGES, _, language
from rater_desktop.rollup.privacy import DEFAULT_MIN_GROUP
from rater_desktop.rollup.raterset import SET_SUFFIX
from rater_desktop.rollup.session import RollupSession
from rater_desktop.sentences import error_sentence
from ui.dialogs.errors import show_error
from ui.models.rollup_members import COL_ROUND, MembersModel, RoundDelegate
from ui.pages.rollup_outputs import RollupOutputs
from ui.pages.rollup_results import RollupResults
from ui.qt import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QObject,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.tasks import Task, run_in_background
from ui.widgets.tables import table_view


def _keep_out_of_collections() -> None:
    """Leave the objects alive now out of the garbage collector's full passes.

    Hundreds of teams' figures are tens of thousands of long-lived objects; a
    full collection triggered by a worker would scan them all while holding
    the interpreter lock, freezing the window for 100–200 ms.  They hold no
    reference cycles, so reference counting still frees them when a roll-up
    is closed or recomputed (``gc.freeze`` only spares them the scanning).
    """
    gc.freeze()


class _Progress(QObject):
    """Carries a worker's progress to the GUI thread (the slot runs queued)."""

    moved = Signal(int, int)


class RollupPage(RollupOutputs, QWidget):
    """Members above, figures below, a row of buttons on top; a window of its own."""

    computed = Signal()
    """the figures shown now match the members (tests and the window title listen)"""
    busy_changed = Signal(bool)
    closed = Signal(QObject)
    """this page's window was closed (no job left running)"""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rollupPage")
        self.setAcceptDrops(True)
        self.session = RollupSession()
        self.result = None
        self._task: Task | None = None
        self._compute_task: Task | None = None
        self._compute_again = False
        self._close_when_idle = False
        self._cancel = threading.Event()
        self._progress = _Progress(self)
        self._progress.moved.connect(self._show_progress)

        self.buttons = {name: QPushButton() for name in ("add", "folder", "open", "save", "remove", "table",
                                                            "report", "cancel")}
        for name, button in self.buttons.items():
            button.setObjectName(f"rollup.{name}")
        self.min_group = QSpinBox()
        self.min_group.setObjectName("rollup.minGroup")
        self.min_group.setRange(1, 1000)
        self.min_group.setValue(DEFAULT_MIN_GROUP)
        self.min_group_label = QLabel()
        self.min_group_label.setBuddy(self.min_group)
        self.language = QComboBox()
        self.language.setObjectName("rollup.language")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(language())))
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language)
        self.progress = QProgressBar()
        self.progress.setObjectName("rollup.progress")
        self.status = QLabel()
        self.status.setObjectName("rollup.status")
        self.status.setWordWrap(True)

        self.members_model = MembersModel(self.session, self)
        self.members = table_view(self.members_model, stretch=0)
        self.members.setObjectName("rollupMembers")
        self.members.horizontalHeader().setResizeContentsPrecision(0)  # hundreds of members: measure what is seen
        self.members.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.members.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                     | QAbstractItemView.EditTrigger.EditKeyPressed
                                     | QAbstractItemView.EditTrigger.SelectedClicked)
        self.members.setItemDelegateForColumn(COL_ROUND, RoundDelegate(self.members))
        self.results = RollupResults()
        self._layout()
        self._connect()
        self.retranslate()
        self._set_busy(False)

    def _layout(self) -> None:
        top = QHBoxLayout()
        for name in ("add", "folder", "open", "save"):
            top.addWidget(self.buttons[name])
        top.addStretch(1)
        top.addWidget(self.min_group_label)
        top.addWidget(self.min_group)
        out = QHBoxLayout()
        out.addWidget(self.buttons["remove"])
        out.addStretch(1)
        out.addWidget(self.language_label)
        out.addWidget(self.language)
        out.addWidget(self.buttons["table"])
        out.addWidget(self.buttons["report"])
        busy = QHBoxLayout()
        busy.addWidget(self.progress, 1)
        busy.addWidget(self.buttons["cancel"])
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.members)
        upper_layout.addLayout(out)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(upper)
        split.addWidget(self.results)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(busy)
        layout.addWidget(self.status)
        layout.addWidget(split, 1)

    def _connect(self) -> None:
        actions: dict[str, Callable[[], object]] = {
            "add": self.choose_files, "folder": self.choose_folder, "open": self.choose_set, "save": self.save_set,
            "remove": self.remove_selected, "table": self.export_table, "report": self.write_report,
            "cancel": self.cancel,
        }
        for name, action in actions.items():
            self.buttons[name].clicked.connect(action)
        self.members_model.members_edited.connect(self.compute)
        self.min_group.valueChanged.connect(self._min_group_changed)

    def retranslate(self) -> None:
        texts = {"add": _("Add workbooks…"), "folder": _("Add a folder…"), "open": _("Open a set…"),
                 "save": _("Save the set…"), "remove": _("Remove from the roll-up"), "table": _("Export the table…"),
                 "report": _("Group report (PDF)…"), "cancel": _("Cancel")}
        for name, text in texts.items():
            self.buttons[name].setText(text)
        self.min_group_label.setText(_("Smallest customer group shown:"))
        self.min_group.setToolTip(_("Customer figures from fewer respondents than this are withheld."))
        self.language_label.setText(_("Report language:"))
        self.members.setAccessibleName(_("Workbooks in the roll-up"))
        self.progress.setAccessibleName(_("Reading workbooks"))
        self.setWindowTitle(_("Roll-up of several workbooks"))
        self.members_model.retranslate()
        self.results.retranslate()
        if self.result is not None:
            self.compute()  # the rows carry words and numbers: rebuilt in the new language, off the GUI thread

    # -- adding members ---------------------------------------------------------------------

    def choose_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self, _("Add workbooks to the roll-up"), str(Path.home()),
            _("RATER workbooks (*.rater)") + ";;" + _("All files (*)"))
        if paths:
            self.add_paths(paths)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _("Add every workbook in a folder"), str(Path.home()))
        if folder:
            self.add_paths([folder])

    def choose_set(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, _("Open a roll-up set"), str(Path.home()),
                                                    _("Roll-up sets (*.raterset)"))
        if path:
            self.add_paths([path])

    def add_paths(self, paths: Iterable[str | Path]) -> None:
        """Read workbooks, folders (recursively) and ``.raterset`` files into the roll-up, off the GUI thread."""
        from rater_desktop.rollup.raterset import RaterSetError

        if self._task is not None:
            return
        items = [Path(p) for p in paths]
        files: list[Path] = []
        for item in items:
            if item.suffix.lower() == SET_SUFFIX:
                try:
                    files += self.session.open(item)
                except RaterSetError as error:
                    show_error(self, _("Could not open the set"), str(error))
                    continue
                self.min_group.blockSignals(True)
                self.min_group.setValue(self.session.min_group)
                self.min_group.blockSignals(False)
            else:
                files.append(item)
        if files:
            self._read(files)

    def _read(self, items: list[Path]) -> None:
        from rater_desktop.rollup import find_workbooks, read_sources

        moved, cancel = self._progress.moved, self._cancel

        def progress(done: int, total: int) -> None:
            moved.emit(done, total)
            if done % 50 == 0:
                _keep_out_of_collections()  # what was read so far is kept: no need to scan it again and again

        def work():
            return read_sources(find_workbooks(items), progress, cancel.is_set)

        self._start(work, self._read_done, _("Reading workbooks…"))

    def _read_done(self, outcomes: object) -> None:
        before = len(self.session.left_out) + len(self.session.notices)
        added = len(self.session.teams)
        self.session.adopt(outcomes)
        _keep_out_of_collections()
        self.members_model.reload()
        added = len(self.session.teams) - added
        problems = len(self.session.left_out) + len(self.session.notices) - before
        self.status.setText(_("{added} workbooks added; {problems} notes (see the Notes tab).").format(
            added=added, problems=problems) if problems else _("{added} workbooks added.").format(added=added))
        self._finished()
        self.compute()

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and all(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        self.add_paths(url.toLocalFile() for url in event.mimeData().urls())
        event.acceptProposedAction()

    def remove_selected(self) -> None:
        rows = {index.row() for index in self.members.selectionModel().selectedRows()}
        if rows:
            self.session.remove(rows)
            self.members_model.reload()
            self.compute()

    def _min_group_changed(self, value: int) -> None:
        self.session.min_group = value
        self.compute()

    # -- computing ----------------------------------------------------------------------------

    def compute(self) -> None:
        """Compute the roll-up of the members shown, on a pool thread (again later if one is running)."""
        if self._compute_task is not None:
            self._compute_again = True
            return
        if not self.session.teams:
            self._show(None)
            return
        from rater_desktop.rollup import roll_up
        from ui.models.rollup_tables import build_tables

        teams, min_group, left_out = self.session.snapshot()
        notices = tuple(self.session.notices)

        def work():
            result = roll_up(teams, min_group=min_group, left_out=left_out)
            return result, build_tables(result, notices)

        self._compute_task = run_in_background(work, self._computed, self._compute_failed)

    def _computed(self, outcome: object) -> None:
        self._compute_task = None
        if self._compute_again:
            self._compute_again = False
            self.compute()
            return
        self._show(*outcome)

    def _compute_failed(self, error: Exception) -> None:
        self._compute_task = None
        self._compute_again = False
        show_error(self, _("Could not compute the roll-up"), str(error))
        self._close_if_idle()

    def _show(self, result, tables=None) -> None:
        self.result = result
        self.results.show_tables(result, tables)
        _keep_out_of_collections()
        self._set_busy(self._task is not None)
        self.computed.emit()
        self._close_if_idle()

    # -- one background job at a time, with progress and Cancel ------------------------------------

    def _start(self, work: Callable[[], object], done: Callable[[object], None], message: str) -> None:
        self._cancel.clear()
        self.status.setText(message)
        self._show_progress(0, 0)
        self._set_busy(True)
        self._task = run_in_background(work, done, self._failed)

    def _failed(self, error: Exception) -> None:
        from rater_desktop.report import ReportCancelled
        from rater_desktop.rollup import RollupCancelled

        if isinstance(error, (RollupCancelled, ReportCancelled)):
            self.status.setText(_("Cancelled; nothing was changed."))
        else:
            self.status.setText("")
            show_error(self, _("Could not finish"), error_sentence(error))
        self._finished()

    def _finished(self) -> None:
        self._task = None
        self._set_busy(False)
        self._close_if_idle()

    def cancel(self) -> None:
        if self._task is not None:
            self._cancel.set()
            self.status.setText(_("Cancelling…"))

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 0))
        self.progress.setValue(done)

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.buttons["cancel"].setVisible(busy)
        for name in ("add", "folder", "open"):
            self.buttons[name].setEnabled(not busy)
        has_result = self.result is not None and not busy
        for name in ("table", "report"):
            self.buttons[name].setEnabled(has_result)
        self.buttons["save"].setEnabled(bool(self.session.teams) and not busy)
        self.busy_changed.emit(busy)

    @property
    def busy(self) -> bool:
        return self._task is not None or self._compute_task is not None

    def closeEvent(self, event) -> None:
        """While a job runs: cancel it and close once it has stopped (a worker never outlives its page)."""
        if self.busy:
            self._close_when_idle = True
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)
        self.closed.emit(self)

    def shut_down(self) -> None:
        """The app is quitting: stop any job now and wait for it (a file or a chart at most)."""
        from ui.qt import QThreadPool

        self._cancel.set()
        if self.busy:
            QThreadPool.globalInstance().waitForDone()
        self._task = self._compute_task = None

    def _close_if_idle(self) -> None:
        if self._close_when_idle and not self.busy:
            self._close_when_idle = False
            self.close()

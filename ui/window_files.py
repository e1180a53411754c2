"""The main window's file handling: open, new, save a copy, close, and the demo.

A mixin of ``MainWindow`` (``ui.main_window``), kept apart from its menus and
pages.  Opening a file that fails leaves everything as it was: the current
workbook stays open and the file is not touched.  Storage, the operations
layer, the demo writer, the room server's bridge and the background-task
helpers are imported on first use, after the first paint.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rater_desktop import i18n
from rater_desktop.i18n import _
from ui.actions import ActionId
from ui.dialogs.errors import show_error

if TYPE_CHECKING:
    from rater_desktop.storage import Workbook

WORKBOOK_SUFFIX = ".rater"
DEMO_FILE_NAME = "demo.rater"


class WindowFiles:
    """Opening and closing workbooks for ``MainWindow`` (mixed into it: uses its settings,
    pages, actions and state updates)."""

    def choose_and_open(self) -> None:
        from ui.qt import QFileDialog

        path, _filter = QFileDialog.getOpenFileName(
            self, _("Open a workbook"), self._start_folder(), self._file_filter()
        )
        if path:
            self.open_path(path)

    def open_path(self, path: str | Path) -> bool:
        """Open the workbook at ``path``; on failure say why and change nothing."""
        from rater_desktop.storage import ReadOnlyLocationError, WorkbookError, open_workbook

        path = Path(path)
        try:
            workbook = open_workbook(path)
        except ReadOnlyLocationError as error:
            return self._offer_read_only(path, str(error))
        except WorkbookError as error:
            if not path.exists():
                self._refresh_recent(self.settings.remove_recent_file(path))
            show_error(self, _("Could not open the workbook"), str(error))
            return False
        return self._adopt(workbook)

    def _offer_read_only(self, path: Path, sentence: str) -> bool:
        """A workbook that cannot be changed where it is can still be read: ask, then open it so."""
        from rater_desktop.storage import WorkbookError, open_workbook
        from ui.qt import QMessageBox

        answer = QMessageBox.question(
            self, _("Open read-only?"), sentence + "\n\n" + _("Open it read-only now?"),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            workbook = open_workbook(path, read_only=True)
        except WorkbookError as error:
            show_error(self, _("Could not open the workbook"), str(error))
            return False
        return self._adopt(workbook)

    def new_workbook(self) -> None:
        """Ask where to put a new workbook and for whom, then open it."""
        from rater_desktop.storage import WorkbookError, create_workbook
        from ui.qt import QFileDialog, QInputDialog

        path, _filter = QFileDialog.getSaveFileName(
            self, _("New workbook"), self._start_folder(), self._file_filter()
        )
        if not path:
            return
        organisation, accepted = QInputDialog.getText(
            self, _("New workbook"), _("Name of the organisation being assessed:")
        )
        if not accepted:
            return
        target = Path(path) if path.lower().endswith(WORKBOOK_SUFFIX) else Path(path + WORKBOOK_SUFFIX)
        try:
            workbook = create_workbook(target, organisation=organisation.strip())
        except WorkbookError as error:
            show_error(self, _("Could not create the workbook"), str(error))
            return
        if self._adopt(workbook):
            self.workbook_view.show_page("setup")  # a new workbook starts with its people, whatever tab was last shown

    def _adopt(self, workbook: Workbook) -> bool:
        """Read what the home page shows, then make ``workbook`` the open one."""
        from rater_desktop.operations import Operations
        from rater_desktop.storage import WorkbookError
        from ui.models.rounds import load_rounds
        from ui.room_bridge import stop_rooms
        from ui.tasks import gui_thread_delivery

        operations = Operations(workbook)
        try:
            organisation = workbook.organisation()
            rounds = load_rounds(workbook, operations.cards.read)
        except WorkbookError as error:
            workbook.close()
            show_error(self, _("Could not open the workbook"), str(error))
            return False
        if self.workbook is not None:
            stop_rooms(self.operations)
            self.workbook.close()
        self.workbook = workbook
        self.operations = operations
        if self._deliver is None:
            self._deliver = gui_thread_delivery(self)
        self.operations.deliver = self._deliver
        self.operations.subscribe(self._workbook_edited)
        self.workbook_view.show_workbook(self.operations, organisation, rounds)
        self._refresh_recent(self.settings.add_recent_file(workbook.path))
        self.settings.set_first_run_done()
        self._update_state()
        self.workbook_changed.emit()
        return True

    def close_workbook(self) -> None:
        if self.workbook is None:
            return
        from ui.room_bridge import stop_rooms

        if self._workbook_view is not None:
            self._workbook_view.drop_pages()
        stop_rooms(self.operations)  # room voting ends with its workbook (DESIGN §10)
        self.workbook.close()
        self.workbook = None
        self.operations = None
        self._update_state()
        self.workbook_changed.emit()


    def save_copy_as(self) -> None:
        """Write a consistent copy of the open workbook elsewhere (SQLite backup API); never over a workbook."""
        from rater_desktop.storage import WorkbookError
        from ui.dialogs.export_dialog import confirm_output
        from ui.qt import QFileDialog

        if self.workbook is None:
            return
        suggestion = str(Path(self.workbook.path).with_name(Path(self.workbook.path).stem + " copy.rater"))
        path, _filter = QFileDialog.getSaveFileName(self, _("Save a copy as"), suggestion, self._file_filter(),
                                                    options=QFileDialog.Option.DontConfirmOverwrite)
        if not path:
            return
        target = Path(path) if path.lower().endswith(WORKBOOK_SUFFIX) else Path(path + WORKBOOK_SUFFIX)
        if not confirm_output(self, target, inputs=(self.workbook.path,), workbook=True):
            return
        try:
            self.workbook.save_copy(target)
        except WorkbookError as error:
            show_error(self, _("Could not save the copy"), str(error))
            return
        self.statusBar().showMessage(_("Saved a copy as {name}.").format(name=target.name), 5000)

    # The demo ----------------------------------------------------------------

    def open_demo(self) -> None:
        """Open the demo workbook in the window's language, writing it first (off the GUI thread) if needed."""
        lang = i18n.language()
        path = demo_path(lang)
        if path.exists():
            self.open_path(path)
            return
        from ui.tasks import run_in_background

        self.welcome_page.set_demo_busy(True)
        self.actions[ActionId.OPEN_DEMO].setEnabled(False)
        self._demo_task = run_in_background(
            lambda: write_demo_atomically(path, lang), self._demo_written, self._demo_failed
        )

    def _demo_written(self, path: object) -> None:
        self._demo_finished()
        self.open_path(Path(str(path)))

    def _demo_failed(self, error: object) -> None:
        self._demo_finished()
        from rater_desktop.sentences import error_sentence

        show_error(self, _("Could not open the demo"), error_sentence(error, path=demo_path(i18n.language())))

    def _demo_finished(self) -> None:
        self._demo_task = None
        self.welcome_page.set_demo_busy(False)
        self.actions[ActionId.OPEN_DEMO].setEnabled(True)

    # Where files are chosen -------------------------------------------------

    def _start_folder(self) -> str:
        recent = self.settings.recent_files()
        return str(Path(recent[0]).parent) if recent else str(Path.home())

    @staticmethod
    def _file_filter() -> str:
        return _("RATER workbooks (*.rater)") + ";;" + _("All files (*)")


def demo_path(lang: str = "en") -> Path:
    """Where the demo workbook in ``lang`` lives: the user data folder (``RATER_DATA_DIR``).

    One file per language (``demo.rater``, ``demo-vi.rater``): the demo is
    written in the language the window shows when it is first asked for.
    """
    from rater_desktop.paths import data_dir

    name = DEMO_FILE_NAME if lang == "en" else DEMO_FILE_NAME.replace(".rater", f"-{lang}.rater")
    return data_dir() / name


def write_demo_atomically(path: Path, lang: str = "en") -> Path:
    """The demo in the data folder, made first if need be (``write_demo`` builds it whole or not at all)."""
    from rater_desktop.demo import write_demo

    path.parent.mkdir(parents=True, exist_ok=True)
    return write_demo(path, lang)

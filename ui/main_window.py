"""The main window: menus over one open workbook, welcome or home page.

Nothing heavy is imported here: storage, analysis and the demo writer load on
first use, after the window has painted (DESIGN §7, start-up benchmark).
Opening, creating, copying and closing workbooks (and the demo) live in
``ui.window_files``, a mixin of this window.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rater_desktop import i18n
from rater_desktop.i18n import _
from ui.actions import ActionId, create_actions, retranslate_actions
from ui.pages.welcome import WelcomePage
from ui.qt import (
    QAction,
    QActionGroup,
    QEvent,
    QMainWindow,
    QMenu,
    QObject,
    QStackedWidget,
    QWidget,
    Signal,
)
from ui.settings import Settings
from ui.tasks import Task, gui_thread_delivery, run_in_background
from ui.window_files import WORKBOOK_SUFFIX, WindowFiles

if TYPE_CHECKING:
    from rater_desktop.operations import Change, Operations
    from rater_desktop.storage import Workbook
    from ui.pages.home import HomePage
    from ui.workbook_view import WorkbookView

APP_TITLE = "RATER Report Card"
DEFAULT_SIZE = (1100, 720)


class MainWindow(WindowFiles, QMainWindow):
    """Holds at most one open ``Workbook`` and shows the page that fits."""

    workbook_changed = Signal()
    """a workbook was opened or closed"""
    first_painted = Signal()
    """the window's content has been drawn once (start-up is over)"""

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings if settings is not None else Settings()
        self.workbook: Workbook | None = None
        self.operations: Operations | None = None
        """every change to the open workbook goes through this (pages use it too)"""
        self._demo_task: Task | None = None
        self._warm_up_task: Task | None = None
        self._deliver = gui_thread_delivery(self)
        """change notices reach the pages on this (the GUI) thread, whichever thread made the change"""
        self._painted = False
        self.rollups: list[QWidget] = []
        """open roll-up windows (ui.pages.rollup), relabelled with the window on a language switch"""
        self.setAcceptDrops(True)

        self.actions = create_actions(self)
        self._connect_actions()

        self.welcome_page = WelcomePage()
        self._workbook_view: WorkbookView | None = None
        self.stack = QStackedWidget()
        self.stack.addWidget(self.welcome_page)
        self.setCentralWidget(self.stack)
        self.stack.installEventFilter(self)
        self.welcome_page.demo_requested.connect(self.open_demo)
        self.welcome_page.new_requested.connect(self.new_workbook)
        self.welcome_page.import_requested.connect(self.import_from_welcome)
        self.welcome_page.open_requested.connect(self.choose_and_open)
        self.welcome_page.recent_requested.connect(self.open_path)

        self._build_menus()
        self._restore_layout()
        self._refresh_recent(self.settings.recent_files())
        self.retranslate()
        self._update_state()
        self.welcome_page.focus_first_choice(self.settings.is_first_run())

    # Start-up ------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.stack and event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.stack.removeEventFilter(self)
            self.first_painted.emit()
        return super().eventFilter(watched, event)

    def resume(self, paths: list[str]) -> None:
        """After the first paint: open the workbook asked for, or the one open at last quit.

        Then load the heavy core modules in the background so the user's first
        Open does not stall the window while numpy is imported.
        """
        last = self.settings.last_open_file()
        if paths:
            self.open_path(paths[0])
        elif last and Path(last).exists():
            self.open_path(last)
        self._warm_up_task = run_in_background(_import_core, _ignore, _ignore)

    def _restore_layout(self) -> None:
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(*DEFAULT_SIZE)
        state = self.settings.state()
        if state is not None:
            self.restoreState(state)

    @property
    def workbook_view(self) -> WorkbookView:
        """Built on first use: its tables need Qt's enum namespace, slow to load (ui.qt)."""
        if self._workbook_view is None:
            from ui.workbook_view import WorkbookView

            self._workbook_view = WorkbookView()
            self.stack.addWidget(self._workbook_view)
        return self._workbook_view

    @property
    def home_page(self) -> HomePage:
        """The overview tab of the open workbook."""
        return self.workbook_view.home_page

    # Menus ---------------------------------------------------------------

    def _connect_actions(self) -> None:
        triggers = {
            ActionId.NEW: self.new_workbook,
            ActionId.OPEN: self.choose_and_open,
            ActionId.OPEN_DEMO: self.open_demo,
            ActionId.NEW_ROLLUP: self.new_rollup,
            ActionId.SAVE_COPY_AS: self.save_copy_as,
            ActionId.CLOSE: self.close_workbook,
            ActionId.QUIT: self.close,
            ActionId.IMPORT_SURVEY: self.import_survey,
            ActionId.EXPORT_REPORT: self.export_report,
            ActionId.EXPORT_DATA: self.export_data,
            ActionId.UNDO: self.undo,
            ActionId.REDO: self.redo,
            ActionId.SETTINGS: self.show_settings,
            ActionId.HELP: self.show_help,
            ActionId.ABOUT: self.show_about,
        }
        for action_id, slot in triggers.items():
            self.actions[action_id].triggered.connect(slot)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.recent_menu = QMenu(self)
        self.recent_menu.setObjectName("recentMenu")
        file_items = (ActionId.NEW, ActionId.OPEN, ActionId.OPEN_DEMO, ActionId.NEW_ROLLUP)
        self.file_menu.addActions([self.actions[i] for i in file_items])
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.actions[i] for i in (ActionId.IMPORT_SURVEY, ActionId.EXPORT_REPORT, ActionId.EXPORT_DATA)])
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.actions[ActionId.SAVE_COPY_AS], self.actions[ActionId.CLOSE]])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.actions[ActionId.QUIT])

        self.edit_menu = bar.addMenu("")
        self.edit_menu.addActions([self.actions[ActionId.UNDO], self.actions[ActionId.REDO]])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.actions[ActionId.SETTINGS])

        self.view_menu = bar.addMenu("")
        self.language_menu = self.view_menu.addMenu("")
        self.language_group = QActionGroup(self)
        for code, name in i18n.LANGUAGES.items():
            # Each language is named in itself, so it is never translated.
            action = self.language_menu.addAction(name)
            action.setObjectName(f"language.{code}")
            action.setCheckable(True)
            action.setData(code)
            self.language_group.addAction(action)
        self.language_group.triggered.connect(self._language_chosen)

        self.help_menu = bar.addMenu("")
        self.help_menu.addActions([self.actions[ActionId.HELP], self.actions[ActionId.ABOUT]])

    def _refresh_recent(self, paths: list[str]) -> None:
        self.recent_menu.clear()
        for number, path in enumerate(paths, start=1):
            action = self.recent_menu.addAction(f"&{number % 10} {Path(path).name}")
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
        self.recent_menu.setEnabled(bool(paths))
        self.welcome_page.set_recent_files(paths)

    # Language ------------------------------------------------------------

    def _language_chosen(self, action: QAction) -> None:
        self.set_language(str(action.data()))

    def set_language(self, code: str) -> None:
        """Switch every visible text to ``code`` now and remember the choice."""
        code = i18n.set_language(code)
        self.settings.set_language(code)
        self.retranslate()

    def retranslate(self) -> None:
        retranslate_actions(self.actions)
        self.file_menu.setTitle(_("&File"))
        self.recent_menu.setTitle(_("Open &Recent"))
        self.edit_menu.setTitle(_("&Edit"))
        self.view_menu.setTitle(_("&View"))
        self.language_menu.setTitle(_("&Language"))
        self.help_menu.setTitle(_("&Help"))
        for action in self.language_group.actions():
            action.setChecked(action.data() == i18n.language())
        self.welcome_page.retranslate()
        if self._workbook_view is not None:
            self._workbook_view.retranslate()
        for page in self.rollups:
            page.retranslate()
        self._update_undo()
        self._update_title()

    # Roll-ups and dropped files -------------------------------------------

    def new_rollup(self, paths: list[str | Path] | None = None) -> QWidget:
        """Open a roll-up window (beside the workbook), reading ``paths`` into it."""
        from ui.pages.rollup import RollupPage
        from ui.qt import Qt

        page = RollupPage(self)
        page.setWindowFlag(Qt.WindowType.Window)
        page.resize(*DEFAULT_SIZE)
        self.rollups.append(page)
        page.closed.connect(self._rollup_closed)
        page.show()
        if paths:
            page.add_paths(paths)
        return page

    def _rollup_closed(self, page: QWidget) -> None:
        # the page comes as the signal's argument: a closure holding it would outlive its deletion
        if page in self.rollups:
            self.rollups.remove(page)
            page.deleteLater()

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        """One workbook dropped opens it; several, a folder or a roll-up set start a roll-up."""
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        event.acceptProposedAction()
        if len(paths) == 1 and paths[0].is_file() and paths[0].suffix.lower() == WORKBOOK_SUFFIX:
            self.open_path(paths[0])
        elif paths:
            self.new_rollup(paths)

    def _workbook_edited(self, _change: Change) -> None:
        """Undo and Redo follow every change (the pages and the overview listen for themselves)."""
        self._update_state()

    def undo(self) -> None:
        if self.operations is not None and self.operations.can_undo:
            self.operations.undo()

    def redo(self) -> None:
        if self.operations is not None and self.operations.can_redo:
            self.operations.redo()

    # Import and export -------------------------------------------------------

    def import_survey(self) -> None:
        """Walk the user through importing a customer survey into the current round."""
        from ui.dialogs.import_wizard import ImportWizard

        if self.operations is None or self.workbook_view.assessment_id is None:
            return
        wizard = ImportWizard(self.operations, self.workbook_view.assessment_id, self)
        wizard.imported.connect(lambda _survey_id: self.workbook_view.show_page("customers"))
        wizard.open()

    def import_from_welcome(self) -> None:
        """A survey needs a workbook to go into: the most recent one, else a new one.

        Reopening the last workbook is what a returning user almost always
        means; a newcomer has none, so they are asked for a new one first.
        """
        if self.workbook is None:
            recent = self.settings.recent_files()
            if recent:
                self.open_path(recent[0])
            else:
                self.new_workbook()
        if self.workbook is not None:
            self.import_survey()

    def export_report(self) -> None:
        """Choose the report's options, then build the PDF in the background."""
        from ui.dialogs.report_dialog import ReportDialog

        if self.workbook is None or self.workbook_view.assessment_id is None:
            return
        ReportDialog(self.workbook.path, self.workbook_view.assessment_id, self).open()

    def export_data(self) -> None:
        """Save the workbook's tables as CSV or XLSX, in the background."""
        from ui.dialogs.export_dialog import export_data

        if self.workbook is not None:
            export_data(self, self.workbook)

    def show_settings(self) -> None:
        """The open workbook's settings (weights, gap threshold, names); saving is one undoable step."""
        from ui.dialogs.settings_dialog import SettingsDialog

        if self.operations is not None:
            SettingsDialog(self.operations, self).open()

    def show_help(self) -> None:
        from ui.dialogs.help import HelpDialog

        HelpDialog(self).open()

    def show_about(self) -> None:
        from ui.dialogs.about import AboutDialog

        AboutDialog(self).open()

    # State -------------------------------------------------------------------

    def _update_state(self) -> None:
        is_open = self.workbook is not None
        self.stack.setCurrentWidget(self.workbook_view if is_open else self.welcome_page)
        for action_id in (ActionId.SAVE_COPY_AS, ActionId.IMPORT_SURVEY, ActionId.EXPORT_REPORT, ActionId.EXPORT_DATA,
                          ActionId.SETTINGS):
            self.actions[action_id].setEnabled(is_open)
        self.actions[ActionId.CLOSE].setEnabled(is_open)
        self._update_undo()
        self._update_title()

    def _update_undo(self) -> None:
        """Undo and Redo say what they would take back or make again ("Undo grade B for Lan")."""
        undo, redo = self.actions[ActionId.UNDO], self.actions[ActionId.REDO]
        undo.setEnabled(self.operations is not None and self.operations.can_undo)
        redo.setEnabled(self.operations is not None and self.operations.can_redo)
        from ui.undo_words import redo_title, undo_title

        undo.setText(undo_title(self.operations.undo_step if self.operations else None))
        redo.setText(redo_title(self.operations.redo_step if self.operations else None))

    def _update_title(self) -> None:
        if self.workbook is None:
            self.setWindowTitle(APP_TITLE)
            return
        name = Path(self.workbook.path).name
        if self.workbook.read_only:
            name = _("{name} (read-only)").format(name=name)
        self.setWindowTitle(f"{name} — {APP_TITLE}")

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.settings.set_window_layout(self.saveGeometry(), self.saveState())
        self.settings.set_last_open_file(self.workbook.path if self.workbook is not None else None)
        self.close_workbook()
        for page in list(self.rollups):
            page.shut_down()
        self.settings.sync()
        super().closeEvent(event)


def _import_core() -> None:
    """Load storage and analysis (numpy via sqlite-utils) before the user needs them,
    and sweep what a killed run left in the app's data folder (demo, backups)."""
    import sqlite_utils  # noqa: F401  (the slow one)

    import rater_desktop.analysis  # noqa: F401
    import rater_desktop.storage  # noqa: F401
    from rater_desktop.files import remove_stale_partials
    from rater_desktop.paths import data_dir

    remove_stale_partials(data_dir(), recursive=True)


def _ignore(_result: object) -> None:
    """Warming up has no result; a failure shows when a workbook is opened."""

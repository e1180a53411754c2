"""The main window: menus over one open workbook, welcome or home page.

Nothing heavy is imported here: storage, analysis, the demo writer, the room
server's bridge and the background-task helpers load on first use, after the
window has painted (DESIGN §7, start-up benchmark); so do the menus' items
(:meth:`MainWindow._fill_menus`), since the first paint shows only their titles.
Opening, creating, copying and closing workbooks (and the demo) live in
``ui.window_files``, a mixin of this window.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from rater_desktop import i18n
from rater_desktop.i18n import _
from ui.actions import ActionId, create_actions, retranslate_actions
from ui.pages.welcome import WelcomePage
from ui.qt import QApplication, QEvent, QMainWindow, QMenu, QObject, QStackedWidget, QWidget, Signal
from ui.qt_language import follow_app_language
from ui.qt_words import install_qt_words
from ui.settings import Settings
from ui.window_files import WORKBOOK_SUFFIX, WindowFiles

if TYPE_CHECKING:
    from rater_desktop.operations import Change, Operations
    from rater_desktop.storage import Workbook
    from ui.pages.home import HomePage
    from ui.qt import QAction, QActionGroup
    from ui.tasks import Task
    from ui.workbook_view import WorkbookView

APP_TITLE = "RATER Report Card"
DEFAULT_SIZE = (1100, 720)
ROLLUP_MODULE = "ui.pages.rollup"


class MainWindow(WindowFiles, QMainWindow):
    """Holds at most one open ``Workbook`` and shows the page that fits."""

    workbook_changed = Signal()
    """a workbook was opened or closed"""
    first_painted = Signal()
    """the window's content has been drawn once (start-up is over)"""

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        install_qt_words(QApplication.instance())  # before any dialog: Yes, No, OK, Cancel in the window's language
        self.settings = settings if settings is not None else Settings()
        self.workbook: Workbook | None = None
        self.operations: Operations | None = None
        """every change to the open workbook goes through this (pages use it too)"""
        self._demo_task: Task | None = None
        self._warm_up_task: Task | None = None
        self._rollup_import: Task | None = None
        self._deliver: Callable[[Callable[[], None]], None] | None = None
        """change notices reach the pages on this (the GUI) thread, whichever thread made the change
        (made with the first workbook: nothing before the first paint needs it)"""
        self._painted = False
        self.rollups: list[QWidget] = []
        """open roll-up windows (ui.pages.rollup), relabelled with the window on a language switch"""
        self.setAcceptDrops(True)

        self._actions: dict[ActionId, QAction] | None = None
        self._language_group: QActionGroup | None = None

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

        self._build_menu_bar()
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
        """After the first paint: the menus' items, then the workbook asked for, or the one open at last quit.

        Then load the heavy modules in the background (:func:`_warm_up`) so the user's first
        Open, tab or roll-up does not stall the window while they are imported.
        """
        from ui.tasks import run_in_background

        self._fill_menus()
        last = self.settings.last_open_file()
        if paths:
            self.open_path(paths[0])
        elif last and Path(last).exists():
            self.open_path(last)
        self._warm_up_task = run_in_background(_warm_up, _ignore, _ignore)

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
            ActionId.NEW_ROLLUP: self._new_rollup_from_menu,
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
            self._actions[action_id].triggered.connect(slot)

    @property
    def actions(self) -> dict[ActionId, QAction]:
        """Every menu action by its id, made with the menus' items (:meth:`_fill_menus`) when first asked for."""
        if self._actions is None:
            self._fill_menus()
        return self._actions

    @property
    def language_group(self) -> QActionGroup:
        """View → Language's choices, one checkable action per language."""
        if self._language_group is None:
            self._fill_menus()
        return self._language_group

    def _build_menu_bar(self) -> None:
        """The menus' titles: all the first paint shows of them."""
        bar = self.menuBar()
        self.file_menu, self.edit_menu, self.view_menu, self.help_menu = (bar.addMenu("") for _ in range(4))
        self.recent_menu = QMenu(self)
        self.recent_menu.setObjectName("recentMenu")
        self.language_menu = QMenu(self)
        for menu in (self.file_menu, self.edit_menu, self.view_menu, self.help_menu):
            menu.aboutToShow.connect(self._fill_menus)  # opened before the window's resume() filled them

    def _fill_menus(self) -> None:
        """The menus' items, with their shortcuts: made once the window has painted (:meth:`resume`),
        since the first paint shows only the titles and the actions' shortcuts build Qt's key
        tables, or earlier when a menu is opened or an action asked for."""
        if self._actions is not None:
            return
        from ui.qt import QActionGroup

        self._actions = create_actions(self)
        self._connect_actions()
        file_items = (ActionId.NEW, ActionId.OPEN, ActionId.OPEN_DEMO, ActionId.NEW_ROLLUP)
        self.file_menu.addActions([self._actions[i] for i in file_items])
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addSeparator()
        self.file_menu.addActions([self._actions[i] for i in (ActionId.IMPORT_SURVEY, ActionId.EXPORT_REPORT, ActionId.EXPORT_DATA)])
        self.file_menu.addSeparator()
        self.file_menu.addActions([self._actions[ActionId.SAVE_COPY_AS], self._actions[ActionId.CLOSE]])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self._actions[ActionId.QUIT])

        self.edit_menu.addActions([self._actions[ActionId.UNDO], self._actions[ActionId.REDO]])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self._actions[ActionId.SETTINGS])

        self.view_menu.addMenu(self.language_menu)
        self._language_group = QActionGroup(self)
        for code, name in i18n.LANGUAGES.items():
            # Each language is named in itself, so it is never translated.
            action = self.language_menu.addAction(name)
            action.setObjectName(f"language.{code}")
            action.setCheckable(True)
            action.setData(code)
            self._language_group.addAction(action)
        self._language_group.triggered.connect(self._language_chosen)

        self.help_menu.addActions([self._actions[ActionId.HELP], self._actions[ActionId.ABOUT]])
        self._retranslate_menu_items()
        self._update_state()

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
        follow_app_language(self)
        self.file_menu.setTitle(_("&File"))
        self.recent_menu.setTitle(_("Open &Recent"))
        self.edit_menu.setTitle(_("&Edit"))
        self.view_menu.setTitle(_("&View"))
        self.language_menu.setTitle(_("&Language"))
        self.help_menu.setTitle(_("&Help"))
        self._retranslate_menu_items()
        self.welcome_page.retranslate()
        if self._workbook_view is not None:
            self._workbook_view.retranslate()
        for page in self.rollups:
            page.retranslate()
        self._update_title()

    def _retranslate_menu_items(self) -> None:
        if self._actions is None:
            return
        retranslate_actions(self._actions)
        for action in self._language_group.actions():
            action.setChecked(action.data() == i18n.language())
        self._update_undo()

    # Roll-ups and dropped files -------------------------------------------

    def new_rollup(self, paths: list[str | Path] | None = None) -> QWidget:
        """Open a roll-up window (beside the workbook), reading ``paths`` into it."""
        from ui.qt import Qt

        page = importlib.import_module(ROLLUP_MODULE).RollupPage(self)
        page.setWindowFlag(Qt.WindowType.Window)
        page.resize(*DEFAULT_SIZE)
        self.rollups.append(page)
        page.closed.connect(self._rollup_closed)
        page.show()
        if paths:
            page.add_paths(paths)
        return page

    def _new_rollup_from_menu(self) -> None:
        """File → New Roll-up…: at once when the warm-up has imported the roll-up, else once a pool
        thread has (the window would otherwise stop for its 100–500 ms import)."""
        from ui.tasks import import_in_background, module_ready

        if module_ready(ROLLUP_MODULE):
            self.new_rollup()
        elif self._rollup_import is None:
            self._rollup_import = import_in_background(ROLLUP_MODULE, self._rollup_imported)

    def _rollup_imported(self, _outcome: object) -> None:
        self._rollup_import = None
        self.new_rollup()

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
        from ui.dialogs.export_dialog import voting_under_way
        from ui.dialogs.report_dialog import ReportDialog

        if self.workbook is None or self.workbook_view.assessment_id is None or voting_under_way(self, self.operations):
            return
        ReportDialog(self.workbook.path, self.workbook_view.assessment_id, self).open()

    def export_data(self) -> None:
        """Save the workbook's tables as CSV or XLSX, in the background."""
        from ui.dialogs.export_dialog import export_data, voting_under_way

        if self.workbook is not None and not voting_under_way(self, self.operations):
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
        self._update_title()
        if self._actions is None:
            return  # the menus' items take this state when they are made
        for action_id in (ActionId.SAVE_COPY_AS, ActionId.IMPORT_SURVEY, ActionId.EXPORT_REPORT, ActionId.EXPORT_DATA,
                          ActionId.SETTINGS):
            self.actions[action_id].setEnabled(is_open)
        self.actions[ActionId.CLOSE].setEnabled(is_open)
        self._update_undo()

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


def _warm_up() -> None:
    """Before the user needs them (on a worker thread): load storage and analysis (numpy via
    sqlite-utils), every page's module and the roll-up's, read the question banks and the comment
    themes, so that opening a workbook, a tab or a roll-up only builds widgets; then sweep what a
    killed run left in the app's data folder (demo, backups)."""
    import sqlite_utils  # noqa: F401  (the slow one)

    import rater_desktop.analysis  # noqa: F401
    import rater_desktop.storage  # noqa: F401
    from rater_desktop import framework
    from rater_desktop.comments import themes
    from rater_desktop.files import remove_stale_partials
    from rater_desktop.paths import data_dir
    from ui.workbook_view import import_pages

    import_pages()
    importlib.import_module(ROLLUP_MODULE)
    for code in i18n.LANGUAGES:
        framework.dimensions(code)
    themes("")  # the customers' comment themes, compiled once (13 ms of the Customers tab's first visit)
    remove_stale_partials(data_dir(), recursive=True)


def _ignore(_result: object) -> None:
    """Warming up has no result; a failure shows when a workbook is opened."""

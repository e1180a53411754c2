"""What the window shows while a workbook is open: a round chooser and page tabs.

Pages are built the first time their tab is shown, and built again when the
user picks another round or language: each page then starts from the core's
current figures instead of patching its widgets in place.

A page's module and the core it leans on (the report's content, the workshop
session…) take 80–200 ms to import, too long for the GUI thread (DESIGN §7).
The window imports them on a worker thread after its first paint
(:func:`import_pages`); a tab clicked before that is done shows a line saying
the page is opening while its module is imported off the GUI thread, then the
page is built.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from rater_desktop.changes import ChangeKind
from rater_desktop.i18n import N_, _, format_date
from ui.pages.home import HomePage
from ui.qt import QComboBox, QHBoxLayout, QLabel, Qt, QTabWidget, QVBoxLayout, QWidget, Signal
from ui.tasks import import_in_background, module_ready

if TYPE_CHECKING:
    from rater_desktop.changes import Change
    from rater_desktop.operations import Operations
    from ui.models.rounds import RoundRow
    from ui.tasks import Task


ROUND_LIST_KINDS = frozenset({ChangeKind.ASSESSMENTS, ChangeKind.ORGANISATION})
UNSEEN_BY_OVERVIEW = frozenset({ChangeKind.ACTIONS, ChangeKind.COMMENTS, ChangeKind.PHONES, ChangeKind.TIME_CONTEXTS})


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    """marked with N_ and translated when shown"""
    module: str
    cls: str
    per_round: bool = True
    """built with (operations, assessment_id); otherwise with (operations) only"""


PAGES: tuple[PageSpec, ...] = (
    PageSpec("setup", N_("Set-up"), "ui.pages.setup", "RoundSetupPage"),
    PageSpec("grading", N_("Grading"), "ui.pages.grading", "GradingPage"),
    PageSpec("workshop", N_("Workshop"), "ui.pages.workshop", "WorkshopPage"),
    PageSpec("results", N_("Results"), "ui.pages.results", "ResultsPage"),
    PageSpec("customers", N_("Customers"), "ui.pages.comparison", "ComparisonPage"),
    PageSpec("actions", N_("Action plan"), "ui.pages.actions", "ActionPlanPage"),
    PageSpec("trends", N_("Trends"), "ui.pages.trends", "TrendsPage"),
)


def import_pages() -> None:
    """Import every page's module, on a worker thread after the first paint, so that a tab's first
    visit only builds its page."""
    for spec in PAGES:
        importlib.import_module(spec.module)


class _Opening(QLabel):
    """The line a tab shows while its page's module is imported off the GUI thread."""

    def __init__(self, spec: PageSpec, done: Callable[[PageSpec], None]) -> None:
        super().__init__(_("Opening {page}…").format(page=_(spec.title)))
        self.setObjectName("pageOpening")
        self.setMargin(16)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)  # where the page's first line will be
        self.spec = spec
        self._done = done
        self.task: Task = import_in_background(spec.module, self._imported)

    def _imported(self, _outcome: object) -> None:
        self._done(self.spec)


class WorkbookView(QWidget):
    """The overview tab plus one tab per page of PAGES, for the chosen round."""

    round_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workbookView")
        self.operations: Operations | None = None
        self.assessment_id: int | None = None
        self.home_page = HomePage()
        self.home_page.rounds_view.activated.connect(self._round_activated)
        self.round_label = QLabel()
        self.round_box = QComboBox()
        self.round_box.setObjectName("roundChooser")
        self.round_box.setMinimumContentsLength(24)
        # as wide as the longest round's name: "Đánh giá mùa xuân (2026-04-01" was cut off
        self.round_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._rounds: list[RoundRow] = []
        self.round_label.setBuddy(self.round_box)
        self.round_box.activated.connect(self._round_chosen)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("pageTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.home_page, "")
        self._overview_stale = False
        self._holders: dict[str, QWidget] = {}
        self.pages: dict[str, QWidget] = {}
        self._opening: dict[str, _Opening] = {}
        """pages whose module is being imported off the GUI thread: the line their tab shows meanwhile"""
        for spec in PAGES:
            holder = QWidget()
            holder.setObjectName(f"{spec.key}Tab")
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self._holders[spec.key] = holder
            self.tabs.addTab(holder, "")
        self.tabs.currentChanged.connect(self._tab_shown)

        top = QHBoxLayout()
        top.setContentsMargins(12, 8, 12, 0)
        top.addWidget(self.round_label)
        top.addWidget(self.round_box)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.retranslate()

    # Workbook and round --------------------------------------------------

    def show_workbook(self, operations: Operations, organisation: str, rounds: list[RoundRow]) -> None:
        """Show a newly opened workbook, on its latest round."""
        if operations is not self.operations:
            self.operations = operations
            self.assessment_id = None
            operations.subscribe(self._on_change)
        self.update_rounds(organisation, rounds)

    def _on_change(self, change: Change) -> None:
        """Rounds renamed, added or removed: the chooser and overview at once.  Anything else
        that moves a grade (or seals a round): the overview, when it is shown."""
        if change.kind in ROUND_LIST_KINDS:
            self.reload_rounds()
        elif change.kind not in UNSEEN_BY_OVERVIEW:
            self._overview_stale = True
            self._reload_overview_if_shown()

    def reload_rounds(self) -> None:
        """Read the rounds again (report cards come from the cache: only changed rounds cost anything)."""
        from ui.models.rounds import load_rounds

        workbook = self.operations.workbook
        sealed = self.operations.workshops.sealed
        rounds = [replace(row, team_grade=None) if sealed(row.id) else row
                  for row in load_rounds(workbook, self.operations.cards.read)]
        self._overview_stale = False
        self.update_rounds(workbook.organisation(), rounds)

    def _reload_overview_if_shown(self) -> None:
        if self._overview_stale and self.tabs.currentWidget() is self.home_page:
            self.reload_rounds()

    def update_rounds(self, organisation: str, rounds: list[RoundRow]) -> None:
        """Refresh the overview and the round chooser after a change."""
        self.home_page.show_workbook(organisation, rounds)
        ids = [row.id for row in rounds]
        self.round_box.blockSignals(True)
        self.round_box.clear()
        self._rounds = list(rounds)
        for row in rounds:
            self.round_box.addItem(round_title(row), row.id)
        self.round_box.blockSignals(False)
        wanted = self.assessment_id if self.assessment_id in ids else (ids[-1] if ids else None)
        if wanted != self.assessment_id:
            self.set_round(wanted)
        elif wanted is not None:
            self.round_box.setCurrentIndex(ids.index(wanted))

    def set_round(self, assessment_id: int | None) -> None:
        """Make ``assessment_id`` the round every per-round page works on."""
        self.assessment_id = assessment_id
        index = self.round_box.findData(assessment_id)
        if index >= 0:
            self.round_box.setCurrentIndex(index)
        self.drop_pages(per_round_only=True)
        self._tab_shown(self.tabs.currentIndex())
        if assessment_id is not None:
            self.round_changed.emit(assessment_id)

    def _round_chosen(self, index: int) -> None:
        chosen = self.round_box.itemData(index)
        if chosen != self.assessment_id:
            self.set_round(chosen)

    def _round_activated(self, index) -> None:
        """Enter or a double-click on a round in the overview opens its results."""
        from ui.models.rounds import ROUND_ID_ROLE

        self.set_round(index.data(ROUND_ID_ROLE))
        self.show_page("results")

    # Pages -------------------------------------------------------------------

    def show_page(self, key: str) -> QWidget | None:
        """Switch to the tab of page ``key`` and return the page, built now if it was not yet.

        For code that acts on the page; a click on a tab never waits for a module (:meth:`_tab_shown`).
        """
        if key not in self.pages:
            self._build(self._spec(key))
        self.tabs.setCurrentWidget(self._holders[key])
        return self.pages.get(key)

    def _spec(self, key: str) -> PageSpec:
        return next(spec for spec in PAGES if spec.key == key)

    def _tab_shown(self, index: int) -> None:
        self._reload_overview_if_shown()
        holder = self.tabs.widget(index)
        spec = next((spec for spec in PAGES if self._holders[spec.key] is holder), None)
        if spec is None or spec.key in self.pages:
            return
        if module_ready(spec.module):
            self._build(spec)
        else:
            self._load(spec)

    def _load(self, spec: PageSpec) -> None:
        """Import the page's module off the GUI thread, saying meanwhile that the page is opening."""
        if self.operations is None or spec.key in self._opening:
            return
        self._opening[spec.key] = opening = _Opening(spec, self._imported)
        self._holders[spec.key].layout().addWidget(opening)

    def _imported(self, spec: PageSpec) -> None:
        """A page's module is imported: build the page if its tab is still the one shown."""
        if spec.key not in self.pages and self.tabs.currentWidget() is self._holders[spec.key]:
            self._build(spec)
        self._opening.pop(spec.key).deleteLater()

    def _build(self, spec: PageSpec) -> None:
        if self.operations is None or (spec.per_round and self.assessment_id is None):
            return
        page_class = getattr(importlib.import_module(spec.module), spec.cls)
        args = (self.operations, self.assessment_id) if spec.per_round else (self.operations,)
        page = page_class(*args)
        if hasattr(page, "round_started"):  # a round started from a page becomes the chosen one
            page.round_started.connect(self.set_round)
        self._holders[spec.key].layout().addWidget(page)
        self.pages[spec.key] = page
        if spec.key in self._opening:  # built at once for code that asked for it: the line goes when its import ends
            self._opening[spec.key].hide()

    def drop_pages(self, *, per_round_only: bool = False) -> None:
        """Discard built pages; they are built again when next shown."""
        for spec in PAGES:
            page = self.pages.get(spec.key)
            if page is None or (per_round_only and not spec.per_round):
                continue
            del self.pages[spec.key]
            page.retire()
            page.setParent(None)
            page.deleteLater()

    def retranslate(self) -> None:
        self.round_label.setText(_("&Round:"))
        for index, row in enumerate(self._rounds):  # the date in the language's own way
            self.round_box.setItemText(index, round_title(row))
        self.tabs.setTabText(0, _("Overview"))
        for position, spec in enumerate(PAGES, start=1):
            self.tabs.setTabText(position, _(spec.title))
        self.home_page.retranslate()
        self.drop_pages()
        self._tab_shown(self.tabs.currentIndex())


def round_title(row: RoundRow) -> str:
    """A round as the chooser lists it: its name and its date written the way the language writes dates."""
    return f"{row.name} – {format_date(row.date)}"

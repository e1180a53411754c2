"""The page shown when no workbook is open: what the method is, and a way in.

A first-time user must never face an empty grey window, so this page explains
the method in three sentences and offers the demo workbook first.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rater_desktop.i18n import _
from ui.qt import QFont, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget, Signal

if TYPE_CHECKING:
    from ui.qt import QListView, QModelIndex, QStandardItemModel

CONTENT_WIDTH = 640


class WelcomePage(QWidget):
    """Intro text, three ways in (demo, new, import), opening a file, and the recent workbooks."""

    demo_requested = Signal()
    new_requested = Signal()
    import_requested = Signal()
    open_requested = Signal()
    recent_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        self.title = QLabel()
        title_font = QFont(self.title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.8)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.intro = QLabel()
        self.intro.setWordWrap(True)

        self.demo_button = QPushButton()
        self.demo_button.setObjectName("demoButton")
        self.new_button = QPushButton()
        self.new_button.setObjectName("newButton")
        self.import_button = QPushButton()
        self.import_button.setObjectName("importButton")
        # Opening an existing file is the returning user's way in, so it is a
        # flat secondary button under the three offers, not a fourth offer.
        self.open_button = QPushButton()
        self.open_button.setObjectName("openButton")
        self.open_button.setFlat(True)
        self.demo_button.clicked.connect(self.demo_requested)
        self.new_button.clicked.connect(self.new_requested)
        self.import_button.clicked.connect(self.import_requested)
        self.open_button.clicked.connect(self.open_requested)
        buttons = QHBoxLayout()
        for button in (self.demo_button, self.new_button, self.import_button):
            button.setMinimumHeight(36)
            buttons.addWidget(button)
        open_row = QHBoxLayout()
        open_row.addWidget(self.open_button)
        open_row.addStretch(1)

        self.recent_label = QLabel()
        recent_font = QFont(self.recent_label.font())
        recent_font.setBold(True)
        self.recent_label.setFont(recent_font)
        self.no_recent_label = QLabel()
        self._recent_paths: list[str] = []
        self._recent_view: QListView | None = None
        """made when there is a workbook to list: a first start shows only the line above"""

        self._column = column = QVBoxLayout()
        column.addWidget(self.title)
        column.addSpacing(8)
        column.addWidget(self.intro)
        column.addSpacing(16)
        column.addLayout(buttons)
        column.addLayout(open_row)
        column.addSpacing(16)
        column.addWidget(self.recent_label)
        column.addWidget(self.no_recent_label)
        column.addStretch(1)
        content = QWidget()
        content.setLayout(column)
        content.setMaximumWidth(CONTENT_WIDTH)

        outer = QHBoxLayout(self)
        outer.setContentsMargins(24, 48, 24, 24)
        outer.addStretch(1)
        outer.addWidget(content, 4)
        outer.addStretch(1)

        self.set_recent_files([])
        self.retranslate()

    @property
    def recent_view(self) -> QListView:
        """The recent workbooks, listed under the offers (made on first use)."""
        if self._recent_view is None:
            from ui.qt import QListView, QStandardItemModel

            # A standard item model, not a custom one: it needs no Qt enums from Python.
            view = QListView()
            view.setObjectName("recentFiles")
            view.setModel(QStandardItemModel(self))
            view.setAccessibleName(_("Recent workbooks"))
            view.activated.connect(self._open_recent)
            view.hide()
            self._column.insertWidget(self._column.indexOf(self.no_recent_label) + 1, view)
            self._recent_view = view
        return self._recent_view

    @property
    def recent_model(self) -> QStandardItemModel:
        return self.recent_view.model()

    def set_recent_files(self, paths: list[str]) -> None:
        """Show ``paths`` (most recent first) by file name, the full path as a tooltip."""
        self._recent_paths = list(paths)
        self.no_recent_label.setVisible(not paths)
        if not paths and self._recent_view is None:
            return
        from ui.qt import QStandardItem

        self.recent_model.clear()
        for path in paths:
            item = QStandardItem(Path(path).name)
            item.setToolTip(path)
            item.setEditable(False)
            self.recent_model.appendRow(item)
        self.recent_view.setVisible(bool(paths))

    def set_demo_busy(self, busy: bool) -> None:
        """Grey the demo button out while the demo workbook is being written."""
        self.demo_button.setEnabled(not busy)
        self.demo_button.setText(_("Preparing the demo…") if busy else _("Open the demo workshop"))

    def focus_first_choice(self, first_run: bool) -> None:
        """A newcomer's obvious next step is the demo; others go to their files."""
        if first_run or not self._recent_paths:
            self.demo_button.setDefault(True)
            self.demo_button.setFocus()
        else:
            self.recent_view.setCurrentIndex(self.recent_model.index(0, 0))
            self.recent_view.setFocus()

    def retranslate(self) -> None:
        self.title.setText(_("RATER Report Card"))
        self.intro.setText(
            " ".join(
                (
                    _(
                        "Your team grades its own customer service from A to F on five dimensions: "
                        "Reliability, Assurance, Tangibles, Empathy and Responsiveness."
                    ),
                    _(
                        "Everyone grades in private first, then the team looks at where it disagrees "
                        "and settles on one grade for each dimension."
                    ),
                    _(
                        "Add what your customers said in a survey to see where their view differs "
                        "from yours, and finish with a report that opens on a one-page summary, and an action plan."
                    ),
                )
            )
        )
        self.set_demo_busy(not self.demo_button.isEnabled())
        self.new_button.setText(_("Start a new assessment…"))
        self.import_button.setText(_("Import customer survey…"))
        self.open_button.setText(_("Open a workbook…"))
        self.recent_label.setText(_("Recent workbooks"))
        self.no_recent_label.setText(_("Workbooks you open will be listed here."))
        if self._recent_view is not None:
            self._recent_view.setAccessibleName(_("Recent workbooks"))

    def _open_recent(self, index: QModelIndex) -> None:
        self.recent_requested.emit(self._recent_paths[index.row()])

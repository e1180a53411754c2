"""About dialog: what the app is, its version and licence, and the licences of what it ships.

The component list is read from ``resources/licenses/index.json`` (written by
``packaging/collect_licenses.py``), so the dialog shows exactly the texts that
travel inside the bundle rather than a hand-kept list that could drift.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QTableWidget, QTableWidgetItem

from rater_desktop import __version__
from rater_desktop.i18n import _, resources_dir
from ui.qt import QHBoxLayout, QLabel, QVBoxLayout, QWidget

FONT_LICENCE = Path("fonts") / "LICENSE-DejaVu.txt"


@dataclass(frozen=True)
class Component:
    """One third-party part of the bundle and the file holding its licence text."""

    name: str
    version: str
    licence: str
    path: Path


def shipped_components(base: Path | None = None) -> list[Component]:
    """The components listed in the licence index, with the DejaVu fonts last; [] when absent."""
    base = resources_dir() if base is None else base
    index = base / "licenses" / "index.json"
    if not index.is_file():
        return []
    rows = json.loads(index.read_text(encoding="utf-8"))
    parts = [Component(r["name"], r["version"], r["license"], base / "licenses" / r["file"]) for r in rows]
    if (base / FONT_LICENCE).is_file():
        parts.append(Component("DejaVu Sans", "", "Bitstream Vera / DejaVu", base / FONT_LICENCE))
    return parts


class AboutDialog(QDialog):
    """Name, version, the app's MIT licence and a browsable table of shipped licences."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(_("About RATER Report Card"))
        self.resize(960, 600)
        self.components = shipped_components()
        heading = QLabel(_("RATER Report Card"))
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        heading.setObjectName("aboutTitle")
        summary = QLabel(_(
            "Version {version}. Grade your own customer service from A to F on the five RATER "
            "dimensions, set it beside what customers say, and write a report.\n"
            "Released under the MIT licence. The report uses the DejaVu Sans fonts."
        ).format(version=__version__))
        summary.setObjectName("aboutSummary")
        summary.setWordWrap(True)
        intro = QLabel(_("This program includes the following components. Select one to read its licence."))
        intro.setWordWrap(True)
        self.table = self._component_table()
        self.text = QPlainTextEdit()
        self.text.setObjectName("licenceText")
        self.text.setReadOnly(True)
        # Licence files are laid out for a fixed-width terminal; rewrapping them garbles them.
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setAccessibleName(_("Licence text"))
        buttons = QDialogButtonBox()
        # Our own label: PySide6 wheels ship no Vietnamese Qt catalogue for standard buttons.
        buttons.addButton(_("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        panes = QHBoxLayout()
        panes.addWidget(self.table, 1)
        panes.addWidget(self.text, 1)
        layout = QVBoxLayout(self)
        for widget in (heading, summary, intro):
            layout.addWidget(widget)
        layout.addLayout(panes)
        layout.addWidget(buttons)
        self.table.currentCellChanged.connect(lambda row, *_args: self.show_licence(row))
        if self.components:
            self.table.setCurrentCell(0, 0)

    def _component_table(self) -> QTableWidget:
        table = QTableWidget(len(self.components), 3)
        table.setObjectName("componentTable")
        table.setAccessibleName(_("Third-party components"))
        table.setHorizontalHeaderLabels([_("Component"), _("Version"), _("Licence")])
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        for row, part in enumerate(self.components):
            for col, value in enumerate((part.name, part.version, part.licence)):
                table.setItem(row, col, QTableWidgetItem(value))
        table.resizeColumnsToContents()
        table.resizeRowsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        table.setMinimumWidth(sum(table.columnWidth(col) for col in range(3)) + 24)
        return table

    def show_licence(self, row: int) -> None:
        """Show the licence text of the component in ``row`` (nothing for an invalid row)."""
        if 0 <= row < len(self.components):
            path = self.components[row].path
            self.text.setPlainText(path.read_text(encoding="utf-8", errors="replace"))

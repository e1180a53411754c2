"""Every menu and toolbar action, declared once (as Picard's action registry).

An action is looked up by its ``ActionId``; its title, shortcut and tooltip
live only here. Titles are stored untranslated (``N_``) and translated each
time ``retranslate_actions`` runs, so a language switch relabels menus live.
Shortcuts are written as text and become Qt key sequences when the actions are
made, after the window's first paint: Qt's key classes are slow to load.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, NamedTuple

from rater_desktop.i18n import N_, _

if TYPE_CHECKING:
    from ui.qt import QAction, QObject

STANDARD = "StandardKey."
"""the start of a shortcut naming the platform's own keys for an action (``QKeySequence.StandardKey``)"""


class ActionId(enum.Enum):
    NEW = "file.new"
    OPEN = "file.open"
    OPEN_DEMO = "file.open_demo"
    NEW_ROLLUP = "file.new_rollup"
    SAVE_COPY_AS = "file.save_copy_as"
    CLOSE = "file.close"
    QUIT = "file.quit"
    IMPORT_SURVEY = "file.import_survey"
    EXPORT_REPORT = "file.export_report"
    EXPORT_DATA = "file.export_data"
    UNDO = "edit.undo"
    REDO = "edit.redo"
    SETTINGS = "edit.settings"
    HELP = "help.method"
    ABOUT = "help.about"


class ActionSpec(NamedTuple):
    title: str
    tooltip: str
    shortcut: str | None = None
    """the platform's standard key where it has one ("StandardKey.Open"), else a portable sequence ("Ctrl+I")"""


ACTIONS: dict[ActionId, ActionSpec] = {
    ActionId.NEW: ActionSpec(
        N_("&New Workbook…"), N_("Create an empty workbook for a new organisation"),
        "StandardKey.New",
    ),
    ActionId.OPEN: ActionSpec(
        N_("&Open…"), N_("Open a workbook file (.rater)"), "StandardKey.Open",
    ),
    ActionId.OPEN_DEMO: ActionSpec(
        N_("Open the &Demo Workbook"), N_("Open a fully graded example to explore the app"),
    ),
    ActionId.NEW_ROLLUP: ActionSpec(
        N_("New &Roll-up…"), N_("See several teams' workbooks side by side, pooled into one picture"),
        "Ctrl+Shift+R",
    ),
    ActionId.SAVE_COPY_AS: ActionSpec(
        N_("Save a &Copy As…"), N_("Write a copy of this workbook to another file"),
        "StandardKey.SaveAs",
    ),
    ActionId.CLOSE: ActionSpec(
        N_("&Close Workbook"), N_("Close this workbook (every answer is already saved)"),
        "StandardKey.Close",
    ),
    ActionId.QUIT: ActionSpec(
        N_("&Quit"), N_("Quit RATER Report Card (every answer is already saved)"),
        "StandardKey.Quit",
    ),
    ActionId.IMPORT_SURVEY: ActionSpec(
        N_("&Import Customer Survey…"), N_("Import a survey export (CSV or XLSX) into the current round"),
        "Ctrl+I",
    ),
    ActionId.EXPORT_REPORT: ActionSpec(
        N_("Export &Report…"), N_("Write the PDF report of the current round"), "StandardKey.Print",
    ),
    ActionId.EXPORT_DATA: ActionSpec(
        N_("&Export Data…"), N_("Save grades, customer results and actions as CSV or XLSX"), "Ctrl+E",
    ),
    ActionId.UNDO: ActionSpec(
        N_("&Undo"), N_("Take back the last change to this workbook"), "StandardKey.Undo",
    ),
    ActionId.REDO: ActionSpec(
        N_("&Redo"), N_("Make the change you took back again"), "StandardKey.Redo",
    ),
    ActionId.SETTINGS: ActionSpec(
        N_("Workbook &Settings…"), N_("Weights, the gap threshold and whether names are shown, for this workbook"),
        "StandardKey.Preferences",
    ),
    ActionId.HELP: ActionSpec(
        N_("&Grading Scale and Continuum"), N_("How grades, scores and the continuum work"),
        "StandardKey.HelpContents",
    ),
    ActionId.ABOUT: ActionSpec(
        N_("&About RATER Report Card"), N_("Version, licence and the components the app ships with"),
    ),
}


def create_actions(parent: QObject) -> dict[ActionId, QAction]:
    """One QAction per registry entry, owned by ``parent`` and already labelled."""
    from ui.qt import QAction, QKeySequence

    actions: dict[ActionId, QAction] = {}
    for action_id, spec in ACTIONS.items():
        action = QAction(parent)
        action.setObjectName(action_id.value)
        if spec.shortcut and spec.shortcut.startswith(STANDARD):
            action.setShortcuts(getattr(QKeySequence.StandardKey, spec.shortcut.removeprefix(STANDARD)))
        elif spec.shortcut:
            # setShortcuts, not setShortcut: PySide6 resolves setShortcut's overloads through the
            # Qt namespace, building its several hundred enums (25–40 ms).
            action.setShortcuts([QKeySequence(spec.shortcut)])
        actions[action_id] = action
    retranslate_actions(actions)
    return actions


def retranslate_actions(actions: dict[ActionId, QAction]) -> None:
    """Label every action in the current language."""
    for action_id, action in actions.items():
        spec = ACTIONS[action_id]
        action.setText(_(spec.title))
        action.setToolTip(_(spec.tooltip))
        action.setStatusTip(_(spec.tooltip))

"""A roll-up's outputs: the set, the table, the group report; where they go, and writing them.

One question for the three: a save dialog with the kinds of file on offer, the
suffix of the chosen kind added when the name has none, and the shared
:func:`confirm_output` check (never over a member workbook, and an existing
file replaced only when the person says so).  The table and the report are
written by the page's one background job (:class:`RollupOutputs`), with
progress and Cancel.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rater_desktop.i18n import _
from ui.dialogs.errors import show_error
from ui.dialogs.export_dialog import confirm_output
from ui.qt import QFileDialog, QWidget

SET_KINDS = ((lambda: _("Roll-up sets (*.raterset)"), ".raterset"),)
TABLE_KINDS = ((lambda: _("Excel workbook (*.xlsx)"), ".xlsx"), (lambda: _("CSV file (*.csv)"), ".csv"))
REPORT_KINDS = ((lambda: _("PDF files (*.pdf)"), ".pdf"),)


def ask_output(parent: QWidget, title: str, name: str, kinds: Sequence, members: Sequence[Path]) -> str | None:
    """The file to write, or None when the person cancelled or the name was refused.

    The dialog opens in the first member's folder with ``name`` suggested
    (without its suffix, which the kind chosen adds).
    """
    labels = [label() for label, _suffix in kinds]
    folder = members[0].parent if members else Path.home()
    path, chosen = QFileDialog.getSaveFileName(parent, title, str(folder / f"{name}{kinds[0][1]}"), ";;".join(labels),
                                               options=QFileDialog.Option.DontConfirmOverwrite)
    if not path:
        return None
    suffixes = [suffix for _label, suffix in kinds]
    if Path(path).suffix.lower() not in suffixes:
        path += suffixes[labels.index(chosen)] if chosen in labels else suffixes[0]
    return path if confirm_output(parent, path, inputs=tuple(members)) else None


class RollupOutputs:
    """The roll-up page's buttons that write: Save the set, Export the table, Group report (PDF).

    Mixed into :class:`ui.pages.rollup.RollupPage`, whose ``session``, ``result``,
    ``status``, ``language`` and one-job machinery (``_start``, ``_finished``,
    ``_progress``, ``_cancel``) they use.
    """

    def save_set(self) -> None:
        from rater_desktop.rollup.raterset import RaterSetError

        path = ask_output(self, _("Save the roll-up set"), "group", SET_KINDS, self._members())
        if path is None:
            return
        try:
            self.session.save(path)
        except RaterSetError as error:
            show_error(self, _("Could not save the set"), str(error))
            return
        self.status.setText(_("Saved the set as {name}.").format(name=Path(path).name))

    def export_table(self) -> None:
        from rater_desktop.rollup.tables import write_table

        result = self.result
        path = ask_output(self, _("Export the table"), "rollup", TABLE_KINDS, self._members()) if result else None
        if path is not None:
            self._start(lambda: (write_table(result, path), path)[1], self._written, _("Writing the table…"))

    def write_report(self) -> None:
        from rater_desktop.rollup.report import write_rollup_report

        result = self.result
        path = ask_output(self, _("Write the group report"), "group", REPORT_KINDS, self._members()) if result else None
        if path is None:
            return
        lang, notices = self.language.currentData(), tuple(self.session.notices)
        moved, cancel = self._progress.moved, self._cancel

        def work() -> str:
            write_rollup_report(result, path, lang=lang, notices=notices,
                                progress=lambda fraction: moved.emit(round(fraction * 100), 100), cancel=cancel.is_set)
            return path

        self._start(work, self._written, _("Writing the group report…"))

    def _written(self, path: object) -> None:
        self.status.setText(_("Saved {path}.").format(path=path))
        self._finished()

    def _members(self) -> tuple[Path, ...]:
        return tuple(team.source.path for team in self.session.teams)

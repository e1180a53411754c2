"""Pages 4 and 5 of the import: the dry run that names every bad cell, then the import with progress.

Both show the import session: the check's result, the person's choices (leave
bad answers out, count the survey in the comparison or keep it aside), which
the check page writes into the session, and the import's outcome.  They ask
the wizard to run the work through their signals.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QProgressBar, QWizard, QWizardPage

from rater_desktop.i18n import _, ngettext
from rater_desktop.importing import ImportResult, cell_error_text
from rater_desktop.importing.guess_words import comments_warning
from rater_desktop.importing.points import points_lines
from rater_desktop.sessions.importing import ImportSession
from rater_desktop.survey_sources import mapping_scale, placement_sentence
from ui.qt import QLabel, Qt, QVBoxLayout, Signal
from ui.widgets.survey_placement import SurveyPlacementChoice


class ValidationPage(QWizardPage):
    """Reads the whole file without writing and lists every cell that does not fit."""

    check_requested = Signal()

    def __init__(self, session: ImportSession) -> None:
        super().__init__()
        self.session = session
        self.setCommitPage(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.report = QLabel()
        self.report.setObjectName("validationReport")
        self.report.setWordWrap(True)
        self.report.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.skip = QCheckBox()
        self.skip.setObjectName("skipInvalid")
        self.skip.toggled.connect(self.completeChanged)
        self.placement = SurveyPlacementChoice()
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.report, 1)
        layout.addWidget(self.skip)
        layout.addWidget(self.placement)
        self.duplicate = False
        self.retranslate()

    @property
    def result(self) -> ImportResult | None:
        """The dry run's result (None while it runs)."""
        return self.session.check

    def retranslate(self) -> None:
        self.setTitle(_("Checking every answer"))
        self.setSubTitle(_("The whole file is read once without saving anything."))
        self.setButtonText(QWizard.WizardButton.CommitButton, _("Import"))
        self.skip.setText(_("Leave out the answers that do not fit and import the rest"))
        self.placement.retranslate()

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        session = self.session
        self.duplicate = False
        self.skip.setChecked(False)
        self.skip.setEnabled(False)
        self.report.setText(_("Reading {file}…").format(file=session.path.name))
        self.progress.setValue(0)
        self.placement.ask(session.existing_sources(), mapping_scale(session.mapping.scale))
        self.check_requested.emit()

    def cleanupPage(self) -> None:  # noqa: N802 (Qt override)
        self.session.cancel.set()

    def show_result(self, result: ImportResult) -> None:
        self.session.checked(result)
        self.progress.setValue(1000)
        self.duplicate = self.session.is_duplicate(result)
        lines = [ngettext("{n} response read from {file}.", "{n} responses read from {file}.",
                          result.row_count).format(n=result.row_count, file=result.source_name)]
        if self.duplicate:
            lines.append(_("{file} has already been imported into this round.").format(file=result.source_name))
        if result.ok:
            lines.append(_("Every answer fits the scale."))
        else:
            lines.append(ngettext("{n} answer does not fit the scale:", "{n} answers do not fit the scale:",
                                  result.error_count).format(n=result.error_count))
            lines += ["• " + cell_error_text(error) for error in result.errors]
            hidden = result.error_count - len(result.errors)
            if hidden:
                lines.append(ngettext("…and {n} more.", "…and {n} more.", hidden).format(n=hidden))
            lines.append(_("Fix the file or the scale, or leave these answers out."))
            self.skip.setEnabled(True)
        if not result.encoding_certain:
            lines.append(_("The encoding was guessed as {enc}; go back and choose another if the "
                           "preview looked wrong.").format(enc=result.encoding))
        scale = self.session.mapping.scale
        lines += ["", _("Points each answer gets:"), *("   " + line for line in points_lines(scale))]
        if self.session.mapping.comments:
            lines += ["", comments_warning()]
        self.report.setText("\n".join(lines))
        self.completeChanged.emit()

    def show_failure(self, sentence: str) -> None:
        self.progress.setValue(0)
        self.report.setText(sentence)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        result = self.session.check
        return result is not None and not self.duplicate and (result.ok or self.skip.isChecked())

    def validatePage(self) -> bool:  # noqa: N802 (Qt override)
        """The person's choices go into the session before the import starts."""
        if not self.isComplete():  # QWizard.next() would otherwise pass an incomplete page
            return False
        self.session.skip_invalid = self.skip.isChecked()
        self.session.placement = self.placement.placement()
        return True


class ImportPage(QWizardPage):
    """Runs the import with progress; the wizard's Cancel stops it and stores nothing."""

    import_requested = Signal()

    def __init__(self, session: ImportSession) -> None:
        super().__init__()
        self.session = session
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.setRange(0, 1000)
        self.status = QLabel()
        self.status.setObjectName("importStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.status, 1)
        self.done = False
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(_("Importing"))
        self.setSubTitle(_("The survey is stored with the round once every row has been read."))

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        self.done = False
        self.progress.setValue(0)
        self.status.setText(_("Importing {file}…").format(file=self.session.path.name))
        self.import_requested.emit()

    def show_done(self, result: ImportResult) -> None:
        self.done = True
        self.progress.setValue(1000)
        lines = [ngettext("{n} response imported from {file}.", "{n} responses imported from {file}.",
                          result.row_count).format(n=result.row_count, file=result.source_name)]
        if result.skipped:
            lines.append(ngettext("{n} answer was left out:", "{n} answers were left out:",
                                  len(result.skipped)).format(n=len(result.skipped)))
            lines += ["• " + cell_error_text(error) for error in result.skipped[:20]]
            if len(result.skipped) > 20:
                lines.append(ngettext("…and {n} more.", "…and {n} more.",
                                      len(result.skipped) - 20).format(n=len(result.skipped) - 20))
        placement = self.session.placement
        if placement is None or placement.included:
            lines.append(_("The comparison page now includes these customers."))
        else:
            lines.append(placement_sentence(placement, result.source_name, mapping_scale(self.session.mapping.scale)))
        self.status.setText("\n".join(lines))
        self.completeChanged.emit()

    def show_failure(self, sentence: str) -> None:
        self.status.setText(sentence + " " + _("Nothing was stored."))

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        return self.done

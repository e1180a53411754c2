"""The import wizard's question for a round that already has surveys: add to the comparison, or keep aside?

The answer is preset to the core's safe default (``survey_sources.place_new_survey``):
added when the new survey shares the scale of every survey already counted,
kept aside when it would pool different scales.  The person sees why and
may choose the other way; a round without surveys asks nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QGroupBox, QRadioButton

from rater_desktop.i18n import _
from rater_desktop.model import SurveyScale, SurveySource
from rater_desktop.survey_sources import Placement, included, place_new_survey, scale_text
from ui.qt import QLabel, QVBoxLayout, QWidget


class SurveyPlacementChoice(QGroupBox):
    """Two choices, add or keep aside, with a sentence saying what the default is based on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("surveyPlacement")
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.add = QRadioButton()
        self.add.setObjectName("addToComparison")
        self.aside = QRadioButton()
        self.aside.setObjectName("keepAside")
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.add)
        layout.addWidget(self.aside)
        self._existing: tuple[SurveySource, ...] = ()
        self._scale = SurveyScale()
        self.setVisible(False)
        self.retranslate()

    def ask(self, existing: Sequence[SurveySource], scale: SurveyScale) -> None:
        """Ask about a survey on ``scale`` among the round's ``existing`` sources (hidden when there are none)."""
        self._existing, self._scale = tuple(existing), scale
        default = place_new_survey(self._existing, scale)
        (self.add if default.included else self.aside).setChecked(True)
        self.setVisible(bool(self._existing))
        self.retranslate()

    def placement(self) -> Placement:
        """Where the survey goes: the default with its reason, unless the person chose the other way."""
        default = place_new_survey(self._existing, self._scale)
        if not self._existing or self.add.isChecked() == default.included:
            return default
        return place_new_survey(self._existing, self._scale, self.add.isChecked())

    def retranslate(self) -> None:
        self.setTitle(_("This round already has customer surveys"))
        self.add.setText(_("&Add it to the comparison: its answers count with the surveys already counted"))
        self.aside.setText(_("&Keep it aside: store it, but leave the comparison as it is"))
        self.explain.setText(self._reason())

    def _reason(self) -> str:
        default = place_new_survey(self._existing, self._scale) if self._existing else None
        if default is None:
            return ""
        if default.reason == "scale_differs":
            theirs = ", ".join(dict.fromkeys(scale_text(s.scale) for s in included(self._existing)))
            return _("Its scale ({scale}) differs from the surveys already compared ({theirs}): adding it would "
                     "pool answers given on different scales.").format(scale=scale_text(self._scale), theirs=theirs)
        if default.reason == "none_counted":
            return _("The round's other surveys are all kept aside, so nothing would be pooled.")
        return _("It answers on the same scale ({scale}) as the surveys already compared.").format(
            scale=scale_text(self._scale))

"""Workbook settings: dimension weights, SERVQUAL importance weights, gap threshold, showing names.

The rules are the core's (``rater_desktop.workbook_settings``): while the
person types, each weight group shows its total and, when it does not add up
to 100, the same sentence the ``settings`` command would print, and OK waits.
OK saves only what changed, as one step of ``Operations.set_settings``, so
Edit → Undo takes the whole change back.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
)

from rater_desktop.framework import dimension_name
from rater_desktop.i18n import _, format_number
from rater_desktop.model import DIMENSION_KEYS
from rater_desktop.operations import Operations
from rater_desktop.workbook_settings import (
    DEFAULT_GAP_THRESHOLD,
    MAX_GAP_THRESHOLD,
    MIN_GAP_THRESHOLD,
    WEIGHT_TOTAL,
    check_weights,
)
from ui.dialogs.errors import show_error
from ui.qt import QLabel, QVBoxLayout, QWidget


class WeightsBox(QGroupBox):
    """Five importance points with their live total, used only while ``use`` is ticked.

    Unticked means no weights: equal dimensions, or no weighted SERVQUAL
    score; the box then says so in a sentence instead of showing the fields.
    """

    def __init__(self, key: str, title: str, use: str, unset: str, weights: dict[str, float] | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.key = key
        self.setObjectName(f"{key}Box")
        self.use = QCheckBox(use)
        self.use.setObjectName(f"{key}Use")
        self.use.setChecked(weights is not None)
        self.unset = QLabel(unset)
        self.unset.setWordWrap(True)
        self.fields = QWidget()
        self.spins: dict[str, QDoubleSpinBox] = {}
        form = QFormLayout(self.fields)
        form.setContentsMargins(0, 0, 0, 0)
        start = weights or dict.fromkeys(DIMENSION_KEYS, WEIGHT_TOTAL / len(DIMENSION_KEYS))
        for dimension in DIMENSION_KEYS:
            spin = QDoubleSpinBox()
            spin.setObjectName(f"{key}.{dimension}")
            spin.setRange(0.0, WEIGHT_TOTAL)
            spin.setDecimals(1)
            spin.setSingleStep(5.0)
            spin.setValue(start[dimension])
            spin.setAccessibleName(_("{setting}: {dimension}").format(setting=title,
                                                                      dimension=dimension_name(dimension)))
            spin.valueChanged.connect(self._changed)
            form.addRow(dimension_name(dimension) + ":", spin)
            self.spins[dimension] = spin
        self.total = QLabel()
        self.total.setObjectName(f"{key}Total")
        self.total.setWordWrap(True)
        form.addRow(self.total)
        layout = QVBoxLayout(self)
        layout.addWidget(self.use)
        layout.addWidget(self.unset)
        layout.addWidget(self.fields)
        self.use.toggled.connect(self._changed)
        self._changed()

    def isChecked(self) -> bool:  # noqa: N802 (reads like the check box it stands for)
        return self.use.isChecked()

    def setChecked(self, checked: bool) -> None:  # noqa: N802
        self.use.setChecked(checked)

    def values(self) -> dict[str, float]:
        return {dimension: spin.value() for dimension, spin in self.spins.items()}

    def weights(self) -> dict[str, float] | None:
        """The weights as they would be saved (None when not used); ValueError when they cannot be."""
        return check_weights(self.values(), self.key) if self.isChecked() else None

    def problem(self) -> str:
        """Why these weights cannot be saved, or ""."""
        try:
            self.weights()
        except ValueError as refusal:
            return str(refusal)
        return ""

    def _changed(self, *_args) -> None:
        self.unset.setVisible(not self.isChecked())
        self.fields.setVisible(self.isChecked())
        total = sum(self.values().values())
        text = _("Total: {total} of 100").format(total=format_number(total, 0 if total.is_integer() else 1))
        problem = self.problem()
        self.total.setText(text + ("\n" + problem if problem else " ✓"))


class SettingsDialog(QDialog):
    """Change the open workbook's settings; OK saves the changes as one undoable step."""

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(_("Workbook settings"))
        self.operations = operations
        current = operations.workbook.settings()
        self._start = {"weights": current.weights, "servqual_weights": current.servqual_weights,
                       "gap_threshold": current.gap_threshold, "show_names": current.show_names}
        self.stored_problems = QLabel("\n".join(current.problems))
        self.stored_problems.setObjectName("storedProblems")
        self.stored_problems.setWordWrap(True)
        self.stored_problems.setVisible(bool(current.problems))
        self.weights = WeightsBox(
            "weights", _("Dimension weights for the overall grade"), _("&Weigh the dimensions"),
            _("The five dimensions count equally in the overall grade."), current.weights)
        self.servqual = WeightsBox(
            "servqual_weights", _("SERVQUAL importance weights for the weighted score"), _("Weigh the SERVQUAL &gaps by importance"),
            _("Only the unweighted SERVQUAL score is given."), current.servqual_weights)
        self.threshold = QDoubleSpinBox()
        self.threshold.setObjectName("gapThreshold")
        self.threshold.setRange(MIN_GAP_THRESHOLD, MAX_GAP_THRESHOLD)
        self.threshold.setDecimals(2)
        self.threshold.setSingleStep(0.1)
        self.threshold.setValue(current.gap_threshold)
        self.threshold.setToolTip(_("A gap at least this many points (0–4) is a blind spot or a hidden strength; "
                                    "the usual value is {default}.").format(
                                        default=format_number(DEFAULT_GAP_THRESHOLD, 1)))
        self.show_names = QCheckBox(_("Show &names with individual grades (never for a group under three)"))
        self.show_names.setObjectName("showNames")
        self.show_names.setChecked(current.show_names)
        form = QFormLayout()
        form.addRow(_("Gap &threshold (points):"), self.threshold)
        form.addRow(self.show_names)
        self.problem = QLabel()
        self.problem.setObjectName("settingsProblem")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stored_problems)
        layout.addWidget(self.weights)
        layout.addWidget(self.servqual)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        for box in (self.weights, self.servqual):
            box.use.toggled.connect(self._check)
            for spin in box.spins.values():
                spin.valueChanged.connect(self._check)
        self._check()

    def _check(self, *_args) -> None:
        """OK waits for every problem; each weights box already says its own beside its total, so the
        line above the buttons says only what no box does."""
        boxes = [p for p in (self.weights.problem(), self.servqual.problem()) if p]
        read_only = self.operations.workbook.read_only
        self.problem.setText(_("This workbook is open read-only; its settings cannot be changed.") if read_only else "")
        self.problem.setVisible(read_only)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not boxes and not read_only)

    def changes(self) -> dict[str, Any]:
        """The settings that differ from what the workbook holds (ValueError if weights cannot be saved)."""
        chosen = {"weights": self.weights.weights(), "servqual_weights": self.servqual.weights(),
                  "gap_threshold": round(self.threshold.value(), 2), "show_names": self.show_names.isChecked()}
        return {key: value for key, value in chosen.items() if value != self._start[key]}

    def accept(self) -> None:
        from rater_desktop.storage import WorkbookError

        try:
            changes = self.changes()
            if changes:
                self.operations.set_settings(changes)
        except ValueError as refusal:
            self.problem.setText(str(refusal))
            self.problem.setVisible(True)
            return
        except WorkbookError as error:
            show_error(self, _("The settings were not saved"), str(error))
            return
        super().accept()

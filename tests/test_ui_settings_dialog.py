"""The Settings dialog, reached from Edit: weights with a live total, refusals in words, one undo."""

from __future__ import annotations

import pytest

from rater_desktop.model import DIMENSION_KEYS
from rater_desktop.storage import create_workbook
from ui.actions import ActionId
from ui.dialogs.settings_dialog import SettingsDialog
from ui.main_window import MainWindow
from ui.qt import QLabel, Qt
from ui.settings import Settings


@pytest.fixture
def window(qtbot, tmp_path):
    path = tmp_path / "cafe.rater"
    create_workbook(path, organisation="Cafe").close()
    shown = MainWindow(Settings())
    qtbot.addWidget(shown)
    shown.show()
    assert shown.open_path(path)
    yield shown
    shown.close_workbook()


@pytest.fixture
def dialog(qtbot, window, monkeypatch):
    opened = []
    monkeypatch.setattr(SettingsDialog, "open", lambda self: (opened.append(self), self.show()))
    window.actions[ActionId.SETTINGS].trigger()
    assert len(opened) == 1
    qtbot.waitUntil(opened[0].isVisible)
    return opened[0]


def type_into(qtbot, spin, text: str) -> None:
    spin.setFocus()
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin, text)


def ok(dialog):
    return dialog.buttons.button(dialog.buttons.StandardButton.Ok)


def test_edit_menu_offers_settings_only_with_a_workbook(window):
    assert window.actions[ActionId.SETTINGS] in window.edit_menu.actions()
    assert window.actions[ActionId.SETTINGS].isEnabled()
    window.close_workbook()
    assert not window.actions[ActionId.SETTINGS].isEnabled()


def test_weights_show_a_live_total_and_are_saved_as_one_undoable_step(qtbot, window, dialog):
    box = dialog.weights
    assert not box.isChecked() and "count equally" in box.unset.text() and not box.fields.isVisible()
    box.use.setFocus()
    qtbot.keyClick(box.use, Qt.Key.Key_Space)
    assert box.fields.isVisible() and not box.unset.isVisible()
    assert box.total.text() == "Total: 100 of 100 ✓" and ok(dialog).isEnabled()
    type_into(qtbot, box.spins["reliability"], "40")
    assert box.total.text().startswith("Total: 120 of 100\nThe dimension weights add up to 120, not 100.")
    assert not ok(dialog).isEnabled()
    type_into(qtbot, box.spins["tangibles"], "0")
    assert box.total.text() == "Total: 100 of 100 ✓" and ok(dialog).isEnabled()
    type_into(qtbot, dialog.threshold, "0.75")
    qtbot.keyClick(dialog.show_names, Qt.Key.Key_Space)
    qtbot.mouseClick(ok(dialog), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    saved = window.workbook.settings()
    assert saved.weights == {"reliability": 40.0, "assurance": 20.0, "tangibles": 0.0, "empathy": 20.0,
                             "responsiveness": 20.0}
    assert (saved.gap_threshold, saved.show_names, saved.servqual_weights) == (0.75, True, None)
    assert window.operations.undo_step.label == "set_settings"
    window.actions[ActionId.UNDO].trigger()
    undone = window.workbook.settings()
    assert (undone.weights, undone.gap_threshold, undone.show_names) == (None, 0.5, False)


def test_shares_adding_up_to_one_are_refused_in_words(qtbot, dialog):
    box = dialog.servqual
    box.setChecked(True)
    for key in DIMENSION_KEYS:
        type_into(qtbot, box.spins[key], "0.2")
    assert "The SERVQUAL importance weights add up to 1, not 100" in box.total.text()
    assert not ok(dialog).isEnabled()
    shown = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]
    assert sum(text.count("add up to 1, not 100") for text in shown) == 1  # said once, beside the total


def test_cancel_changes_nothing_and_unchanged_ok_saves_nothing(qtbot, window, dialog):
    dialog.weights.setChecked(True)
    dialog.reject()
    assert window.workbook.settings().weights is None and not window.operations.can_undo
    again = SettingsDialog(window.operations, window)
    again.accept()
    assert not window.operations.can_undo


def test_stored_weights_that_break_the_rules_are_shown(qtbot, window):
    window.workbook.set_setting("weights", dict.fromkeys(DIMENSION_KEYS, 0.2))
    dialog = SettingsDialog(window.operations, window)
    assert not dialog.stored_problems.isHidden()
    assert "add up to 1, not 100" in dialog.stored_problems.text() and not dialog.weights.isChecked()

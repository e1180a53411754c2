"""What Qt draws itself speaks the app's language too: wizard and standard buttons, the edit menu,
number fields' separators, and dates in the window written the way the language writes them."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit

from tests.ui_round_support import spring_round_window
from ui.actions import ActionId
from ui.dialogs.settings_dialog import SettingsDialog
from ui.qt import QApplication, Qt


@pytest.fixture
def window(qtbot, tmp_path):
    shown = spring_round_window(qtbot, tmp_path / "harbour.rater")
    yield shown
    shown.close_workbook()


def test_the_edit_menu_of_a_text_field_is_in_vietnamese_and_back_in_english(qtbot, window):
    field = QLineEdit(window)
    window.set_language("vi")
    menu = field.createStandardContextMenu()
    assert {"&Hoàn tác", "&Sao chép", "&Dán", "Chọn tất cả"} <= {a.text().split("\t")[0] for a in menu.actions()}
    menu.deleteLater()
    window.set_language("en")
    menu = field.createStandardContextMenu()
    assert {"&Undo", "&Copy", "&Paste", "Select All"} <= {a.text().split("\t")[0] for a in menu.actions()}
    menu.deleteLater()


def test_number_fields_use_the_languages_separators_and_still_read_what_is_typed(qtbot, window, monkeypatch):
    opened = []
    monkeypatch.setattr(SettingsDialog, "open", lambda self: (opened.append(self), self.show()))
    window.set_language("vi")
    window.actions[ActionId.SETTINGS].trigger()
    dialog = opened[0]
    qtbot.waitUntil(dialog.isVisible)
    weights = dialog.weights
    qtbot.keyClick(weights.use, Qt.Key.Key_Space)
    spin = weights.spins["reliability"]
    assert spin.text() == "20,0" and dialog.threshold.text() == "0,50"
    spin.setFocus()
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin, "22,5")
    assert spin.value() == 22.5
    dialog.close()
    window.set_language("en")
    assert QApplication.instance() is not None and window.locale().decimalPoint() == "."


def test_dates_in_the_window_are_written_the_way_the_language_writes_them(qtbot, window):
    view = window.workbook_view
    assert view.round_box.currentText() == "Spring review – 1 Apr 2026"
    setup = view.show_page("setup")
    assert setup.round_date.text() == "1 Apr 2026"
    window.set_language("vi")
    assert view.round_box.currentText() == "Spring review – 01/04/2026"
    assert view.show_page("setup").round_date.text() == "01/04/2026"

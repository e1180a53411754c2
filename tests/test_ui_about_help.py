"""About dialog lists the licences on disk; the help page reads in English and Vietnamese."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

from rater_desktop import __version__, i18n
from ui.dialogs.about import AboutDialog, shipped_components
from ui.dialogs.help import HelpDialog, grade_rows


@pytest.fixture
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("en")


def test_about_lists_every_shipped_licence_and_shows_its_text(qtbot, english):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    index = json.loads((i18n.resources_dir() / "licenses" / "index.json").read_text(encoding="utf-8"))
    table = dialog.table
    names = [table.item(row, 0).text() for row in range(table.rowCount())]
    assert names == [e["name"] for e in index] + ["DejaVu Sans"]
    licences = {table.item(row, 0).text(): table.item(row, 2).text() for row in range(table.rowCount())}
    assert licences["PySide6_Essentials"] == "LGPL-3.0-only"
    assert licences["reportlab"] == "BSD-3-Clause"
    row = names.index("PySide6_Essentials")
    table.setCurrentCell(row, 0)
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in dialog.text.toPlainText()
    table.setCurrentCell(names.index("DejaVu Sans"), 0)
    assert "Bitstream" in dialog.text.toPlainText()
    summary = dialog.findChild(QLabel, "aboutSummary")
    assert f"Version {__version__}." in summary.text() and "MIT" in summary.text()


def test_shipped_components_is_empty_without_an_index(tmp_path):
    assert shipped_components(tmp_path) == []


def test_help_gives_points_for_each_grade_and_explains_flags_in_english(qtbot, english):
    assert [(letter, points) for letter, points, _meaning in grade_rows()] == [
        ("A", "4"), ("B", "3"), ("C", "2"), ("D", "1"), ("F", "0"), ("N/A", "—")]
    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    assert dialog.windowTitle() == "Grading scale and continuum"
    for phrase in ("blind spot", "hidden strength", "A from 3.5 points", "0 (pure efficiency)"):
        assert phrase in text, phrase


def test_help_and_about_read_in_vietnamese(qtbot, english):
    i18n.set_language("vi")
    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    assert dialog.windowTitle() == "Thang xếp loại và thang liên tục"
    assert "điểm mù" in text and "thế mạnh tiềm ẩn" in text
    assert "blind spot" not in text
    about = AboutDialog()
    qtbot.addWidget(about)
    assert about.windowTitle() == "Giới thiệu RATER Report Card"
    assert about.table.horizontalHeaderItem(2).text() == "Giấy phép"


def test_close_button_is_translated_and_closes(qtbot, english):
    i18n.set_language("vi")
    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    (button,) = dialog.findChildren(QPushButton)
    assert button.text() == "Đóng"
    button.click()
    assert not dialog.isVisible()

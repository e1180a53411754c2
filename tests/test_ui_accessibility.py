"""Every control a screen reader lands on says what it is.

A control without visible text (an icon button, an entry field, a table, a
chart) needs an accessible name, or a QLabel whose buddy it is; otherwise a
screen reader announces only "edit" or "table". The test opens the demo,
visits every tab and lists each visible control that has neither.
"""

import shutil

import pytest
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QHeaderView, QLineEdit, QTabBar

from ui.main_window import MainWindow
from ui.qt import QAbstractItemView, QComboBox, QLabel
from ui.settings import Settings
from ui.widgets.chart_canvas import ChartView
from ui.workbook_view import PAGES


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory, demo_template):
    return shutil.copyfile(demo_template, tmp_path_factory.mktemp("demo") / "demo.rater")


@pytest.fixture
def window(qtbot):
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close_workbook()


def _qt_internal(widget) -> bool:
    """Parts Qt builds inside a composite control, named through the control itself."""
    parent = widget.parentWidget()
    return isinstance(widget, QHeaderView) or isinstance(parent, (QAbstractItemView, QTabBar, QComboBox, QAbstractSpinBox))


def unnamed_controls(root) -> list[str]:
    """Visible controls under ``root`` that a screen reader could not name."""
    buddies = {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy() is not None}
    missing = []
    for button in root.findChildren(QAbstractButton):
        if button.isVisible() and not _qt_internal(button) and not (button.text() or button.accessibleName()):
            missing.append(f"{type(button).__name__} {button.objectName()!r} tip={button.toolTip()!r}")
    for kind in (QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, ChartView):
        for widget in root.findChildren(kind):
            if not widget.isVisible() or _qt_internal(widget):
                continue
            if not widget.accessibleName() and id(widget) not in buddies:
                missing.append(f"{type(widget).__name__} {widget.objectName()!r} in {type(widget.parentWidget()).__name__}")
    return missing


def test_welcome_page_controls_are_named(window):
    assert unnamed_controls(window) == []


def test_every_tab_of_the_demo_names_its_controls(window, qtbot, demo_file, tmp_path):
    copy = tmp_path / "demo.rater"
    copy.write_bytes(demo_file.read_bytes())
    assert window.open_path(copy)
    view = window.workbook_view
    missing = {}
    found = unnamed_controls(window)  # the overview tab
    if found:
        missing["home"] = found
    for spec in PAGES:
        page = view.show_page(spec.key)
        qtbot.waitUntil(page.isVisible)
        found = unnamed_controls(window)
        if found:
            missing[spec.key] = found
    assert missing == {}


def test_accessible_names_follow_a_language_switch(window, qtbot, demo_file, tmp_path):
    copy = tmp_path / "demo.rater"
    copy.write_bytes(demo_file.read_bytes())
    assert window.open_path(copy)
    page = window.workbook_view.show_page("actions")
    assert page.search.accessibleName() == "Filter actions by text"
    window.set_language("vi")
    try:
        page = window.workbook_view.show_page("actions")  # pages are rebuilt in the new language
        assert page.search.accessibleName() == "Lọc hành động theo nội dung"
        assert window.home_page.rounds_view.accessibleName() == "Các đợt đánh giá"
    finally:
        window.set_language("en")


def test_import_wizard_file_page_names_its_controls(window, qtbot, demo_file, tmp_path):
    from ui.dialogs.import_wizard import ImportWizard

    copy = tmp_path / "demo.rater"
    copy.write_bytes(demo_file.read_bytes())
    assert window.open_path(copy)
    wizard = ImportWizard(window.operations, window.workbook_view.assessment_id, window)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(wizard.isVisible)
    assert unnamed_controls(wizard) == []
    wizard.close()

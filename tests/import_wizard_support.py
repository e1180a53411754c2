"""Driving the import wizard in tests: a workbook, a wizard that cannot block, and the steps.

Not a conftest: only the import wizard's test files use it. Dialogs are
monkeypatched so nothing modal blocks; background work is awaited with
``qtbot.waitUntil``.
"""

import pytest
from PySide6.QtCore import QPoint

from rater_desktop.operations import Operations
from rater_desktop.storage import create_workbook
from ui.dialogs.import_wizard import ImportWizard
from ui.qt import QMessageBox, Qt


@pytest.fixture
def ops(tmp_path):
    workbook = create_workbook(tmp_path / "shop.rater", organisation="Corner Shop")
    yield Operations(workbook)
    workbook.close()


@pytest.fixture
def make_wizard(qtbot, ops, monkeypatch):
    errors = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: errors.append(text))
    made = []

    def make():
        wizard = ImportWizard(ops, ops.workbook.latest_assessment_id())
        qtbot.addWidget(wizard)
        wizard.show()
        made.append(wizard)
        return wizard

    make.errors = errors
    yield make
    for wizard in made:  # never leave a worker running past the test
        qtbot.waitUntil(lambda w=wizard: not w.busy, timeout=20000)


def open_file(qtbot, wizard, path):
    wizard.open_file(path)
    qtbot.waitUntil(lambda: not wizard.session.loading, timeout=10000)
    assert wizard.session.table is not None, wizard.file_page.notice.text()


def confirm_scale(qtbot, wizard):
    """Tick "I have checked…" when the scale is a guess, as the person must."""
    page = wizard.scale_page
    if page.confirm.isVisible() and not page.confirm.isChecked():
        box = page.confirm  # click the tick box itself, at the left end of the row
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))
        assert box.isChecked()


def to_validation(qtbot, wizard):
    wizard.next()  # columns
    wizard.next()  # scale
    confirm_scale(qtbot, wizard)
    wizard.next()  # validation: the dry run starts
    assert wizard.currentPage() is wizard.validation
    qtbot.waitUntil(lambda: not wizard.busy, timeout=20000)


def import_now(qtbot, wizard):
    wizard.next()  # commit: import
    assert wizard.currentPage() is wizard.import_page
    qtbot.waitUntil(lambda: wizard.import_page.done or not wizard.busy, timeout=30000)

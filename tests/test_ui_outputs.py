"""Saving from the window: ask before replacing, never over a workbook, a visible folder, no silent failure.

Every modal helper is replaced with monkeypatch; a build runs on the real
pool thread and the tests wait for the dialog's signals.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QDesktopServices

from rater_desktop import i18n
from rater_desktop.paths import data_dir
from rater_desktop.storage import create_workbook, open_workbook
from ui.actions import ActionId
from ui.dialogs.export_dialog import export_data
from ui.dialogs.report_dialog import ReportDialog
from ui.main_window import MainWindow
from ui.qt import QFileDialog, QMessageBox, Qt
from ui.settings import Settings

BUILD_TIMEOUT_MS = 60_000


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(autouse=True)
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture
def workbook(tmp_path) -> Path:
    path = tmp_path / "harbour.rater"
    with create_workbook(path, organisation="Harbour Lights Hotel") as book:
        person = book.add_participant(book.latest_assessment_id(), "Lan")
        for criterion in book.criteria():
            book.set_grade(person, criterion.id, "B")
    return path


@pytest.fixture
def shown(monkeypatch):
    """Warnings and questions as (kind, text); questions answer with ``shown.answer``."""

    class Shown(list):
        answer = QMessageBox.StandardButton.No

    boxes = Shown()
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: boxes.append(("warning", text)))

    def question(parent, title, text, *args):
        boxes.append(("question", text))
        return boxes.answer

    monkeypatch.setattr(QMessageBox, "question", question)
    return boxes


@pytest.fixture
def opened(monkeypatch):
    urls = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url) or True)
    return urls


def report_dialog(qtbot, workbook) -> ReportDialog:
    dialog = ReportDialog(workbook, None)
    qtbot.addWidget(dialog)
    dialog.open_when_done.setChecked(False)
    return dialog


def test_report_defaults_beside_the_workbook(qtbot, workbook):
    assert Path(report_dialog(qtbot, workbook).output.text()) == workbook.with_name("harbour-report.pdf")


def test_report_of_a_workbook_in_the_hidden_data_folder_defaults_to_documents(qtbot, workbook):
    demo = data_dir() / "demo.rater"
    demo.parent.mkdir(parents=True, exist_ok=True)
    demo.write_bytes(workbook.read_bytes())
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    expected = Path(documents) if Path(documents).is_dir() else Path.home()
    output = Path(report_dialog(qtbot, demo).output.text())
    assert output == expected / "demo-report.pdf" and data_dir().resolve() not in output.resolve().parents


def test_data_export_is_offered_beside_the_workbook_and_the_demo_s_in_documents(qtbot, workbook, monkeypatch):
    """Like the report: the demo's data export was offered in the app's hidden data folder, and the
    status line that said where it went named the file alone."""
    offered = []

    def save_as(_parent, _title, path, *args, **kwargs):
        offered.append(Path(path))
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    demo = data_dir() / "demo.rater"
    demo.parent.mkdir(parents=True, exist_ok=True)
    demo.write_bytes(workbook.read_bytes())
    assert export_data(None, workbook) is None and export_data(None, demo) is None
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    expected = Path(documents) if Path(documents).is_dir() else Path.home()
    assert offered == [workbook.with_name("harbour-data.xlsx"), expected / "demo-data.xlsx"]


def test_an_existing_pdf_is_replaced_only_when_the_user_says_so(qtbot, workbook, tmp_path, shown):
    out = tmp_path / "report.pdf"
    out.write_bytes(b"last year's report")
    dialog = report_dialog(qtbot, workbook)
    dialog.output.setText(str(out))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert shown == [("question", f"“report.pdf” already exists in {tmp_path}. Replace it?")]
    assert not dialog.is_building() and out.read_bytes() == b"last year's report"

    shown.answer = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(dialog.report_written, timeout=BUILD_TIMEOUT_MS):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert out.read_bytes().startswith(b"%PDF")


def test_report_refuses_a_link_to_the_workbook_or_a_renamed_workbook(qtbot, workbook, tmp_path, shown):
    link = tmp_path / "link.pdf"
    link.symlink_to(workbook)
    renamed = tmp_path / "old-report.pdf"
    renamed.write_bytes(workbook.read_bytes())
    before = digest(workbook), digest(renamed)
    dialog = report_dialog(qtbot, workbook)
    for target in (link, renamed):
        dialog.output.setText(str(target))
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        assert not dialog.is_building()
    assert [kind for kind, _text in shown] == ["warning", "warning"]
    assert "being read" in shown[0][1] and "existing workbook" in shown[1][1]
    assert (digest(workbook), digest(renamed)) == before


def test_a_pdf_nobody_can_open_is_said_so(qtbot, workbook, tmp_path, monkeypatch):
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    dialog = report_dialog(qtbot, workbook)
    dialog.open_when_done.setChecked(True)
    dialog.output.setText(str(tmp_path / "r.pdf"))
    with qtbot.waitSignal(dialog.report_written, timeout=BUILD_TIMEOUT_MS):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "No program for PDF files could be started" in dialog.status.text()


def test_export_asks_before_replacing_a_file_whose_extension_was_added(qtbot, workbook, tmp_path, monkeypatch,
                                                                       shown):
    existing = tmp_path / "data.xlsx"
    existing.write_bytes(b"keep me")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "data"), ""))
    assert export_data(None, workbook) is None
    assert shown == [("question", f"“data.xlsx” already exists in {tmp_path}. Replace it?")]
    assert existing.read_bytes() == b"keep me"


def test_export_refuses_a_renamed_workbook(qtbot, workbook, tmp_path, monkeypatch, shown):
    renamed = tmp_path / "backup.xlsx"
    renamed.write_bytes(workbook.read_bytes())
    before = digest(renamed)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(renamed), ""))
    assert export_data(None, workbook) is None
    assert [kind for kind, _text in shown] == ["warning"] and digest(renamed) == before


def test_save_a_copy_never_replaces_another_workbook(qtbot, workbook, tmp_path, monkeypatch, shown):
    other = tmp_path / "other-client.rater"
    create_workbook(other, organisation="Other client").close()
    before = digest(other)
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.open_path(workbook)
    try:
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(other), ""))
        window.actions[ActionId.SAVE_COPY_AS].trigger()
        assert len(shown) == 1 and "existing workbook" in shown[0][1]
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(workbook), ""))
        window.actions[ActionId.SAVE_COPY_AS].trigger()
        assert len(shown) == 2 and "being read" in shown[1][1]
    finally:
        window.close_workbook()
    assert digest(other) == before
    with open_workbook(workbook, read_only=True) as book:
        assert book.organisation() == "Harbour Lights Hotel"


def test_the_start_up_warm_up_sweeps_what_killed_runs_left_in_the_data_folder():
    import os
    import time

    from ui.main_window import _warm_up

    folder = data_dir()
    (folder / "backups" / "client-1234abcd").mkdir(parents=True, exist_ok=True)
    stale = [folder / ".demo.rater.0badf00d.partial", folder / "backups" / "client-1234abcd" / ".x.rater.1.partial"]
    fresh = folder / ".demo.rater.feedf00d.partial"  # a demo being written right now by another window
    for path in (*stale, fresh):
        path.write_bytes(b"killed")
    for path in stale:
        os.utime(path, (time.time() - 3 * 86400,) * 2)
    _warm_up()
    assert not any(path.exists() for path in stale) and fresh.exists()

"""The Export report… dialog and Export data…, driven through their real widgets.

Every modal helper (file, colour and message dialogs, the PDF viewer) is
replaced with monkeypatch, so nothing blocks; builds run on the real pool
thread and the tests wait for the dialog's signals.
"""

import csv
import io
import shutil
import threading
import unicodedata

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QDesktopServices, QImage
from PySide6.QtWidgets import QColorDialog

import rater_desktop.report
from rater_desktop import i18n
from rater_desktop.storage import open_workbook
from ui.dialogs.export_dialog import export_data
from ui.dialogs.report_dialog import KEY_OPEN_WHEN_DONE, ReportDialog
from ui.qt import QFileDialog, QMessageBox, Qt
from ui.settings import open_settings

BUILD_TIMEOUT_MS = 60_000


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory, demo_template):
    return shutil.copyfile(demo_template, tmp_path_factory.mktemp("demo") / "d.rater")


@pytest.fixture
def demo(demo_file, tmp_path):
    """A private copy, so tests that write to the workbook do not meet each other."""
    copy = tmp_path / "d.rater"
    copy.write_bytes(demo_file.read_bytes())
    return copy


@pytest.fixture
def opened(monkeypatch):
    urls = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url) or True)
    return urls


@pytest.fixture
def errors(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append((title, text)))
    return shown


@pytest.fixture(autouse=True)
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("en")


def _dialog(qtbot, demo, assessment_id=2):
    dialog = ReportDialog(demo, assessment_id)
    qtbot.addWidget(dialog)
    return dialog


def _text(path) -> str:
    pages = PdfReader(path).pages
    return unicodedata.normalize("NFC", " ".join(p.extract_text() for p in pages)).replace("\n", " ")


def _export(qtbot, dialog):
    with qtbot.waitSignal(dialog.report_written, timeout=BUILD_TIMEOUT_MS) as blocker:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    return blocker.args


def test_builds_the_chosen_sections_and_opens_the_pdf(qtbot, demo, tmp_path, opened, monkeypatch):
    dialog = _dialog(qtbot, demo)
    assert dialog.round.currentText().startswith("Spring review")
    assert [dialog.round.itemData(i) for i in range(dialog.round.count())] == [1, 2]
    out = tmp_path / "chosen"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    assert dialog.output.text() == str(out) + ".pdf"
    assert dialog.sections["criteria"].text() == "Statement detail"
    dialog.sections["criteria"].click()
    dialog.sections["actions"].click()
    dialog.open_when_done.setChecked(True)

    path, pages = _export(qtbot, dialog)

    assert path == str(out) + ".pdf"
    text = _text(path)
    assert len(PdfReader(path).pages) == pages
    for present in ("Riverside Bakery & Café", "Spring review", "Executive summary", "Report card",
                    "Method and grading scale", f"Page 2 of {pages}"):
        assert present in text, present
    assert "Statement detail" not in text and "Action plan" not in text
    assert opened == [QUrl.fromLocalFile(path)]
    assert dialog.progress.value() == 100
    assert dialog.export_button.isEnabled() and dialog.round.isEnabled()
    assert f"Saved {pages} pages" in dialog.status.text()


def test_earlier_round_in_vietnamese_without_opening(qtbot, demo, tmp_path, opened):
    dialog = _dialog(qtbot, demo, assessment_id=None)
    assert dialog.round.currentData() == 2  # no round given: the latest
    dialog.round.setCurrentIndex(0)
    dialog.language.setCurrentIndex(dialog.language.findData("vi"))
    dialog.open_when_done.setChecked(False)
    dialog.output.setText(str(tmp_path / "vi.pdf"))

    path, _pages = _export(qtbot, dialog)

    text = _text(path)
    vi = i18n.translations("vi")
    assert "Autumn review" in text and "Spring review" not in text.split("Autumn review")[0]
    for title in ("Executive summary", "Report card", "Statement detail"):
        assert unicodedata.normalize("NFC", vi.gettext(title)) in text
    assert "Executive summary" not in text
    assert opened == []
    assert i18n.language() == "en"  # the GUI's language is left alone


def test_progress_only_moves_forward_to_the_end(qtbot, demo, tmp_path, opened):
    dialog = _dialog(qtbot, demo)
    dialog.output.setText(str(tmp_path / "p.pdf"))
    seen = []
    dialog.progress.valueChanged.connect(seen.append)
    _export(qtbot, dialog)
    assert seen == sorted(seen)
    assert seen[-1] == 100
    assert len([v for v in seen if 0 < v < 100]) >= 3  # several steps in between, not just start and end


def test_cancel_stops_the_build_and_leaves_no_file(qtbot, demo, tmp_path, opened, monkeypatch):
    real = rater_desktop.report.write_report
    started = threading.Event()

    def held_until_cancelled(*args, cancel, **kwargs):
        # hold the real build until the user has pressed Cancel, so the test is not a race
        started.set()
        assert _wait_for(cancel)
        return real(*args, cancel=cancel, **kwargs)

    monkeypatch.setattr(rater_desktop.report, "write_report", held_until_cancelled)
    folder = tmp_path / "out"
    folder.mkdir()
    dialog = _dialog(qtbot, demo)
    dialog.output.setText(str(folder / "c.pdf"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.is_building() and not dialog.export_button.isEnabled() and not dialog.round.isEnabled()
    assert dialog.cancel_button.text() == "Cancel"
    assert started.wait(10)
    with qtbot.waitSignal(dialog.report_cancelled, timeout=BUILD_TIMEOUT_MS):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert list(folder.iterdir()) == []
    assert not dialog.is_building() and dialog.cancel_button.text() == "Close"
    assert "no file was written" in dialog.status.text()
    assert opened == []


def _wait_for(flag, seconds=10.0) -> bool:
    """Poll cancel() from the worker thread until the GUI thread sets it."""
    done = threading.Event()
    for _ in range(int(seconds * 100)):
        if flag():
            return True
        done.wait(0.01)
    return False


def test_unwritable_folder_says_one_sentence(qtbot, demo, tmp_path, opened, errors):
    blocker_file = tmp_path / "not-a-folder"
    blocker_file.write_text("x")
    dialog = _dialog(qtbot, demo)
    dialog.output.setText(str(blocker_file / "r.pdf"))
    with qtbot.waitSignal(dialog.report_failed, timeout=BUILD_TIMEOUT_MS) as blocker:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    sentence = f"“r.pdf” could not be saved: the folder {blocker_file} does not exist."
    assert blocker.args == [sentence]
    assert errors == [("Could not write the report", sentence)]
    assert opened == [] and dialog.export_button.isEnabled()


def test_reads_the_workbook_while_the_app_holds_it_open(qtbot, demo, tmp_path, opened):
    app_side = open_workbook(demo)  # read-write, WAL, as the main window holds it
    try:
        app_side.set_organisation("Harbour Tea Rooms")  # committed to the WAL, not yet checkpointed
        assert (demo.parent / (demo.name + "-wal")).stat().st_size > 0
        dialog = _dialog(qtbot, demo)
        dialog.output.setText(str(tmp_path / "wal.pdf"))
        path, _pages = _export(qtbot, dialog)
        text = _text(path)
        assert "Harbour Tea Rooms" in text and "Riverside Bakery" not in text
        app_side.set_organisation("After the report")  # the app can still write
    finally:
        app_side.close()


def test_logo_accent_and_anonymity_reach_the_options(qtbot, demo, tmp_path, monkeypatch):
    logo = tmp_path / "logo.png"
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    assert image.save(str(logo))
    dialog = _dialog(qtbot, demo)
    assert dialog.options().logo_path is None and not dialog.clear_logo_button.isEnabled()

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(logo), ""))
    qtbot.mouseClick(dialog.choose_logo_button, Qt.MouseButton.LeftButton)
    assert dialog.options().logo_path == str(logo) and dialog.logo_label.text() == "logo.png"

    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#aa3300"))
    qtbot.mouseClick(dialog.accent_button, Qt.MouseButton.LeftButton)
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor())  # the user cancelled
    qtbot.mouseClick(dialog.accent_button, Qt.MouseButton.LeftButton)
    dialog.anonymise.setChecked(False)

    options = dialog.options()
    assert options.accent == "#aa3300" and options.anonymise is False
    assert options.sections == frozenset(rater_desktop.report.SECTION_KEYS)

    dialog.open_when_done.setChecked(False)
    dialog.output.setText(str(tmp_path / "logo.pdf"))
    path, _pages = _export(qtbot, dialog)
    assert len(PdfReader(path).pages[0].images) == 1  # the logo on the cover

    qtbot.mouseClick(dialog.clear_logo_button, Qt.MouseButton.LeftButton)
    assert dialog.options().logo_path is None and dialog.logo_label.text() == "(none)"


def test_open_when_done_is_remembered(qtbot, demo):
    first = _dialog(qtbot, demo)
    assert first.open_when_done.isChecked()  # on by default
    first.open_when_done.setChecked(False)
    assert open_settings().value(KEY_OPEN_WHEN_DONE, True, type=bool) is False
    assert not _dialog(qtbot, demo).open_when_done.isChecked()


def test_closing_while_building_cancels_and_then_closes(qtbot, demo, tmp_path, opened, monkeypatch):
    real = rater_desktop.report.write_report

    def held_until_cancelled(*args, cancel, **kwargs):
        assert _wait_for(cancel)
        return real(*args, cancel=cancel, **kwargs)

    monkeypatch.setattr(rater_desktop.report, "write_report", held_until_cancelled)
    dialog = _dialog(qtbot, demo)
    dialog.output.setText(str(tmp_path / "closed.pdf"))
    dialog.show()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.report_cancelled, timeout=BUILD_TIMEOUT_MS):
        dialog.reject()
        assert dialog.isVisible()  # still open until the build has stopped
    assert not dialog.isVisible()
    assert not (tmp_path / "closed.pdf").exists()


# --- Export data… -------------------------------------------------------------


def test_export_data_writes_csv_of_the_open_workbook(qtbot, demo, tmp_path, monkeypatch):
    out = tmp_path / "data"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "CSV file (*.csv)"))
    app_side = open_workbook(demo)
    try:
        job = export_data(None, app_side)
        with qtbot.waitSignal(job.exported, timeout=BUILD_TIMEOUT_MS) as blocker:
            pass
    finally:
        app_side.close()
    path, counts = blocker.args
    assert path == str(out) + ".csv"
    rows = list(csv.reader(io.StringIO((tmp_path / "data.csv").read_text(encoding="utf-8-sig"))))
    assert rows[0][0] == "table"
    assert sum(1 for r in rows[1:] if r[0] == "internal_grades") == counts["internal_grades"] > 0


def test_export_data_xlsx_by_file_type_and_cancelled_dialog(qtbot, demo, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert export_data(None, demo) is None
    out = tmp_path / "sheet"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "Excel workbook (*.xlsx)"))
    job = export_data(None, demo)
    with qtbot.waitSignal(job.exported, timeout=BUILD_TIMEOUT_MS):
        pass
    assert (tmp_path / "sheet.xlsx").read_bytes()[:2] == b"PK"


def test_export_data_failure_is_one_sentence(qtbot, demo, tmp_path, monkeypatch, errors):
    target = tmp_path / "missing" / "data.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    job = export_data(None, demo)
    with qtbot.waitSignal(job.failed, timeout=BUILD_TIMEOUT_MS) as blocker:
        pass
    sentence = f"“data.xlsx” could not be saved: the folder {target.parent} does not exist."
    assert blocker.args == [sentence]
    assert errors == [("Could not export the data", sentence)]
    assert not target.parent.exists()

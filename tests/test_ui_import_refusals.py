"""The import wizard names a file that is not a survey export instead of asking for its encoding."""

from __future__ import annotations

from rater_desktop.operations import Operations
from rater_desktop.storage import create_workbook
from ui.dialogs.import_wizard import ImportWizard


def test_a_pdf_chosen_by_mistake_is_named_and_no_encoding_is_asked(qtbot, tmp_path):
    workbook = create_workbook(tmp_path / "shop.rater", organisation="Corner Shop")
    try:
        wizard = ImportWizard(Operations(workbook), workbook.latest_assessment_id())
        qtbot.addWidget(wizard)
        wizard.show()
        pdf = tmp_path / "survey-results.pdf"
        pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 40)
        wizard.open_file(pdf)
        qtbot.waitUntil(lambda: not wizard.session.loading, timeout=10000)
        notice = wizard.file_page.notice.text()
        assert "not a survey export" in notice and "PDF" in notice
        assert "encoding" not in notice.lower() and not wizard.file_page.encoding.hasFocus()
        qtbot.waitUntil(lambda: not wizard.busy, timeout=10000)
    finally:
        workbook.close()

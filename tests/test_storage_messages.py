"""Storage sentences reach the user in the language chosen when they are raised."""

from __future__ import annotations

import pytest
from storage_support import FRAMEWORK, data_dir  # noqa: F401  (autouse fixture)

from rater_desktop import i18n
from rater_desktop.storage import NotAWorkbookError, create_workbook, open_workbook


@pytest.fixture
def vietnamese():
    i18n.set_language("vi")
    try:
        yield
    finally:
        i18n.set_language("en")


def test_garbage_file_is_refused_in_vietnamese(tmp_path, vietnamese):
    path = tmp_path / "bảng lương.rater"
    path.write_bytes(b"this is not a database at all" * 10)
    with pytest.raises(NotAWorkbookError) as caught:
        open_workbook(path)
    assert str(caught.value) == "“bảng lương.rater” không phải là sổ đánh giá RATER."


def test_same_refusal_is_english_after_switching_back(tmp_path, vietnamese):
    path = tmp_path / "notes.rater"
    path.write_bytes(b"plain text")
    i18n.set_language("en")
    with pytest.raises(NotAWorkbookError, match="^“notes.rater” is not a RATER workbook.$"):
        open_workbook(path)


def test_new_workbook_names_its_first_round_in_vietnamese(tmp_path, vietnamese):
    with create_workbook(tmp_path / "moi.rater", "Công ty A", framework=FRAMEWORK) as wb:
        assert [a.name for a in wb.assessments()] == ["Đợt 1"]


def test_field_name_is_translated_inside_the_whole_sentence(tmp_path, vietnamese):
    with create_workbook(tmp_path / "moi.rater", framework=FRAMEWORK) as wb:
        with pytest.raises(ValueError) as caught:
            wb.add_assessment("   ", "2026-01-01")
    assert str(caught.value) == "Mục “tên đợt” không được để trống."

"""Reading CSV and XLSX exports: encodings, delimiters, header rows, sheets."""

import unicodedata

import pytest

from rater_desktop.importing import SourceSpec, SurveyImportError, preview, read_table
from rater_desktop.importing.presets import PRESETS, guess_preset, preset_source
from rater_desktop.importing.sources import sniff_delimiter


def write(tmp_path, data: bytes, name="s.csv"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_utf8_bom_is_removed_from_the_first_header(tmp_path):
    table = read_table(write(tmp_path, "\ufeffQ1,Q2\n1,2\n".encode()), SourceSpec())
    assert table.headers == ["Q1", "Q2"] and table.encoding == "utf-8-sig"
    assert table.rows == [["1", "2"]]


def test_utf16_with_bom(tmp_path):
    table = read_table(write(tmp_path, "Q1\tQ2\r\n4\t5\r\n".encode("utf-16")), SourceSpec())
    assert table.headers == ["Q1", "Q2"] and table.rows == [["4", "5"]]
    assert table.delimiter == "\t"


def test_cp1252_is_guessed_and_flagged_as_unsure(tmp_path):
    data = "Name,Service\nRenée,5\nJosé,4\n".encode("cp1252")
    table = read_table(write(tmp_path, data), SourceSpec())
    assert table.encoding == "cp1252"
    assert table.rows[0][0] == "Renée"
    assert not table.encoding_certain


def test_declared_encoding_is_used_as_given(tmp_path):
    data = "Câu hỏi,Điểm\nTốt,5\n".encode("utf-8")
    assert read_table(write(tmp_path, data), SourceSpec(encoding="utf-8")).headers == ["Câu hỏi", "Điểm"]
    korean = "질문,점수\n좋음,5\n".encode("cp949")
    table = read_table(write(tmp_path, korean, "k.csv"), SourceSpec(encoding="cp949"))
    assert table.headers == ["질문", "점수"] and table.encoding == "cp949"


def test_wrong_declared_encoding_is_a_sentence(tmp_path):
    with pytest.raises(SurveyImportError) as caught:
        read_table(write(tmp_path, b"Q1\n\xff\xfe\xfa\n"), SourceSpec(encoding="utf-8"))
    assert caught.value.code == "decode_failed" and "s.csv" in str(caught.value)
    with pytest.raises(SurveyImportError, match="unknown encoding"):
        read_table(write(tmp_path, b"Q1\n1\n"), SourceSpec(encoding="klingon-8"))


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_delimiters_are_sniffed(tmp_path, delimiter):
    text = delimiter.join(["ID", "Q1", "Comment"]) + "\n"
    text += delimiter.join(["1", "4", '"fine, thanks; really"']) + "\n"
    table = read_table(write(tmp_path, text.encode()), SourceSpec())
    assert table.delimiter == delimiter
    assert table.rows == [["1", "4", "fine, thanks; really"]]


def test_semicolon_file_with_commas_in_quoted_text():
    sample = 'a;b;c\n1;"x, y, z";3\n2;"p, q";4\n'
    assert sniff_delimiter(sample) == ";"


def test_quoted_newlines_crlf_and_no_final_newline(tmp_path):
    data = b'ID,Q1,Note\r\n1,5,"two\nlines"\r\n2,3,"x"'
    table = read_table(write(tmp_path, data), SourceSpec())
    assert table.rows == [["1", "5", "two\nlines"], ["2", "3", "x"]]


def test_text_is_nfc_normalised(tmp_path):
    decomposed = unicodedata.normalize("NFD", "Đánh giá,Nhận xét\nTốt,Rất hài lòng\n")
    table = read_table(write(tmp_path, decomposed.encode()), SourceSpec())
    assert table.headers == ["Đánh giá", "Nhận xét"]
    assert table.rows[0] == ["Tốt", "Rất hài lòng"]
    assert all(unicodedata.is_normalized("NFC", c) for c in table.headers + table.rows[0])


def test_three_header_rows_and_the_chosen_name_row(tmp_path):
    data = b'Q1,Q2\nHow good?,How fast?\n{"ImportId":"QID1"},{"ImportId":"QID2"}\n5,4\n'
    table = read_table(write(tmp_path, data), SourceSpec(header_rows=3, header_row=2))
    assert table.headers == ["How good?", "How fast?"]
    assert [r[0] for r in table.header_rows] == ["Q1", "How good?", '{"ImportId":"QID1"}']
    assert table.rows == [["5", "4"]]


def test_no_header_rows(tmp_path):
    table = read_table(write(tmp_path, b"5,4\n3,2\n"), SourceSpec(header_rows=0, header_row=0))
    assert table.headers == [] and table.rows == [["5", "4"], ["3", "2"]]


def test_empty_file(tmp_path):
    with pytest.raises(SurveyImportError, match="is empty") as caught:
        read_table(write(tmp_path, b""), SourceSpec())
    assert caught.value.code == "empty_file"


def test_missing_file(tmp_path):
    with pytest.raises(SurveyImportError, match="does not exist"):
        read_table(tmp_path / "gone.csv", SourceSpec())


def test_preview_stops_after_n_rows(tmp_path):
    data = b"Q1\n" + b"".join(b"%d\n" % i for i in range(100))
    table = preview(write(tmp_path, data), SourceSpec(), n=5)
    assert table.rows == [["0"], ["1"], ["2"], ["3"], ["4"]]


def test_formula_and_markup_stay_plain_text(tmp_path):
    data = b'Q1,Q2\n"=HYPERLINK(""http://evil"",""click"")",<b>bold</b>\n'
    table = read_table(write(tmp_path, data), SourceSpec())
    assert table.rows == [['=HYPERLINK("http://evil","click")', "<b>bold</b>"]]


def make_xlsx(path, sheets):
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def test_xlsx_any_sheet_and_numbers_as_text(tmp_path):
    path = make_xlsx(tmp_path / "s.xlsx", {"Intro": [["nothing"]],
                                           "Answers": [["Q1", "Q2"], [5, 4.5], ["7.0", None]]})
    table = read_table(path, SourceSpec(sheet="Answers"))
    assert table.format == "xlsx" and table.sheet_names == ["Intro", "Answers"]
    assert table.rows == [["5", "4.5"], ["7.0", ""]]
    assert read_table(path, SourceSpec()).headers == ["nothing"]


def test_xlsx_wrong_sheet_names_the_sheets(tmp_path):
    path = make_xlsx(tmp_path / "s.xlsx", {"Form Responses 1": [["Q1"], [1]]})
    with pytest.raises(SurveyImportError) as caught:
        read_table(path, SourceSpec(sheet="Sheet1"))
    assert caught.value.code == "no_sheet"
    assert "Sheet1" in str(caught.value) and "Form Responses 1" in str(caught.value)


def test_xlsx_that_is_really_a_csv_is_read_as_text(tmp_path):
    table = read_table(write(tmp_path, b"Q1,Q2\n5,4\n", "export.xlsx"), SourceSpec())
    assert table.format == "csv" and table.note == "xlsx_is_text"
    assert table.rows == [["5", "4"]]


def test_binary_junk_named_xlsx_is_refused(tmp_path):
    with pytest.raises(SurveyImportError) as caught:
        read_table(write(tmp_path, b"\x00\x01garbage\x00" * 10, "x.xlsx"), SourceSpec())
    assert caught.value.code == "not_workbook" and "x.xlsx" in str(caught.value)


def test_damaged_zip_named_xlsx_is_refused(tmp_path):
    with pytest.raises(SurveyImportError) as caught:
        read_table(write(tmp_path, b"PK\x03\x04" + b"\x00" * 200, "x.xlsx"), SourceSpec())
    assert caught.value.code == "not_workbook"


def test_presets_cover_the_tools_and_their_header_rows():
    assert set(PRESETS) == {"google_forms", "ms_forms", "surveymonkey", "qualtrics",
                            "qualtrics_legacy", "limesurvey", "kobo", "typeform", "generic"}
    assert preset_source("surveymonkey").header_rows == 2
    assert preset_source("qualtrics").header_rows == 3
    assert preset_source("qualtrics_legacy").header_rows == 2
    assert preset_source("google_forms", "xlsx").format == "xlsx"


@pytest.mark.parametrize("first_row, preset", [
    (["Timestamp", "Q1"], "google_forms"),
    (["StartDate", "EndDate", "ResponseId", "Q1"], "qualtrics"),
    (["V1", "V2", "V10", "Q1"], "qualtrics_legacy"),
    (["RespondentID", "CollectorID", "Q"], "surveymonkey"),
    (["id", "submitdate", "lastpage", "Q1"], "limesurvey"),
    (["start", "Q1", "_uuid", "_submission_time"], "kobo"),
    (["#", "Q1", "Network ID"], "typeform"),
    (["ID", "Start time", "Completion time", "Email"], "ms_forms"),
    (["Name", "Score"], "generic"),
])
def test_guess_preset(first_row, preset):
    assert guess_preset([first_row]) == preset

"""Survey files and mappings from the wild: each odd one gets one right sentence (issue 12, points 6, 7, 9, 10).

Source of the Star Wars rows: tests/fixtures/customer-exports (FiveThirtyEight,
CC BY 4.0, see SOURCES.md there).
"""

from __future__ import annotations

import codecs
import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest
from fuzz_support import xlsx_package

from rater_desktop.cli import run_cli
from rater_desktop.importing import (
    SourceSpec,
    SurveyImportError,
    cell_error_text,
    load_mapping,
    preview,
    run_import,
    sources,
)
from rater_desktop.importing.errors import CellError
from rater_desktop.importing.presets import guess_preset

ROOT = Path(__file__).resolve().parents[1]
EXPORTS = ROOT / "tests" / "fixtures" / "customer-exports"
MAPPING = '[dimensions]\nreliability = ["Q1"]\nempathy = ["Q2"]\n'


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def refused(call, code: str | None = None) -> str:
    with pytest.raises(SurveyImportError) as caught:
        call()
    sentence = str(caught.value)
    assert "\n" not in sentence and len(sentence) < 400, sentence
    if code is not None:
        assert caught.value.code == code, (caught.value.code, sentence)
    return sentence


@pytest.mark.parametrize("ending", [b"\r", b"\r\n", b"\n"])
def test_classic_mac_windows_and_unix_line_ends_read_the_same(tmp_path, ending, capsys):
    survey = write(tmp_path / "survey.csv", ending.join([b"Q1,Q2", b"5,4", b"3,2", b""]))
    table = preview(survey, SourceSpec())
    assert (table.headers, table.rows, table.delimiter) == (["Q1", "Q2"], [["5", "4"], ["3", "2"]], ",")
    book = tmp_path / "b.rater"
    assert run_cli(["new", str(book)]) == 0
    (tmp_path / "m.toml").write_text(MAPPING, encoding="utf-8")
    capsys.readouterr()
    assert run_cli(["import", str(book), str(survey), "--map", str(tmp_path / "m.toml")]) == 0
    assert "Imported 2 responses" in capsys.readouterr().out


def test_mixed_line_ends_in_one_file(tmp_path):
    survey = write(tmp_path / "mixed.csv", b"Q1,Q2\r5,4\r\n3,2\n1,1\r")
    assert preview(survey, SourceSpec()).rows == [["5", "4"], ["3", "2"], ["1", "1"]]


def test_a_pdf_is_named_as_such_and_no_encoding_is_asked_for(tmp_path):
    pdf = write(tmp_path / "results.csv", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 40)
    sentence = refused(lambda: preview(pdf, SourceSpec()), "not_text")
    assert "not a survey export" in sentence and "PDF" in sentence and "encoding" not in sentence
    named_xlsx = write(tmp_path / "results.xlsx", pdf.read_bytes())
    assert "PDF" in refused(lambda: preview(named_xlsx, SourceSpec()), "not_text")


SATISFACTION = {
    "cp949": ["매우 불만족", "불만족", "보통", "만족", "매우 만족"],
    "gb18030": ["非常不满意", "不满意", "一般", "满意", "非常满意"],
    "big5": ["非常不滿意", "不滿意", "普通", "滿意", "非常滿意"],
    "shift_jis": ["非常に不満", "不満", "普通", "満足", "非常に満足"],
}


@pytest.mark.parametrize("encoding", list(SATISFACTION))
def test_short_east_asian_answers_are_read_right_and_a_korean_export_is_certain(tmp_path, encoding):
    # A Korean export of short answers was read right but called unsure (confidence 0.0): its
    # gb18030 reading, a little messy, counted as a rival of a reading with no mess at all.
    labels = SATISFACTION[encoding]
    text = "Timestamp,Q1,Q2\n" + "".join(f"x,{labels[i % 5]},{labels[(i + 1) % 5]}\n" for i in range(40))
    table = preview(write(tmp_path / "s.csv", text.encode(encoding)), SourceSpec())
    assert table.rows[0] == ["x", labels[0], labels[1]]  # never a wrong reading called certain
    if encoding == "cp949":
        assert table.encoding == "cp949" and table.encoding_certain and table.encoding_confidence >= 0.8


FRENCH = "Horodateur,Q1,Q2\n" + "2026-03-01,Très satisfait,Plutôt satisfait\n2026-03-02,Très insatisfait,Neutre\n" * 4
FRENCH_REMARKS = ("Horodateur,Fiabilité,Commentaire\n2026-03-01,Très satisfait,Le café était très bon, merci à "
                  "l'équipe\n2026-03-02,Pas du tout d'accord,Déçu par l'accueil à la caisse\n")


@pytest.mark.parametrize("text", [FRENCH, FRENCH_REMARKS])
def test_a_french_windows_export_is_read_in_its_letters(tmp_path, text):
    # Short answers were read as Korean (johab) and called certain: "Tr反 satisfait"; longer ones
    # as Latin-6: "Tčs satisfait". Either way no label matched and nothing said so.
    table = preview(write(tmp_path / "fr.csv", text.encode("cp1252")), SourceSpec())
    assert table.encoding == "cp1252" and table.rows[0][1] == "Très satisfait"


def test_east_asian_characters_inside_latin_words_are_a_wrong_reading():
    from rater_desktop.importing.text_readings import east_asian_inside_latin_words

    assert east_asian_inside_latin_words("Tr反 satisfait,Plut進 satisfait")
    assert not east_asian_inside_latin_words("매우 만족,만족,Q1,보통")  # Korean in runs, beside commas
    assert not east_asian_inside_latin_words("Wi-Fi設定はとても良かったです")
    assert not east_asian_inside_latin_words("Très satisfait")


def test_a_correctly_guessed_korean_file_is_certain(tmp_path):
    text = "이름,만족도\n김철수,5\n이영희,4\n박민수,3\n서비스가 정말 좋았습니다,5\n" * 5
    table = preview(write(tmp_path / "ko.csv", text.encode("cp949")), SourceSpec())
    assert table.encoding == "cp949" and table.encoding_certain and table.encoding_confidence >= 0.8
    assert table.rows[0] == ["김철수", "5"]


def test_a_windows_export_with_one_stray_byte_is_still_unsure(tmp_path):
    data = b"Name,Score\n" + b"Bob,5\n" * 50 + b"Caf\xe9,4\n"
    table = preview(write(tmp_path / "w.csv", data), SourceSpec())
    assert table.encoding == "cp1252" and not table.encoding_certain


def test_utf16_named_without_a_bom_reads_by_its_byte_order(tmp_path):
    little = write(tmp_path / "le.csv", "Q1,Q2\n5,4\n".encode("utf-16-le"))
    assert preview(little, SourceSpec(encoding="utf-16")).rows == [["5", "4"]]
    big = write(tmp_path / "be.csv", "Q1,Q2\n5,4\n".encode("utf-16-be"))
    assert preview(big, SourceSpec(encoding="utf-16")).rows == [["5", "4"]]
    not_utf16 = write(tmp_path / "u8.csv", b"Q1,Q2\n5,4\n")
    refused(lambda: preview(not_utf16, SourceSpec(encoding="utf-16")), "decode_failed")


@pytest.mark.parametrize("codec", ["base64", "rot13", "zlib"])
def test_codecs_that_are_not_text_get_a_sentence(tmp_path, codec):
    survey = write(tmp_path / "s.csv", b"Q1,Q2\n5,4\n")
    assert "not a text encoding" in refused(lambda: preview(survey, SourceSpec(encoding=codec)))
    assert "not a text encoding" in refused(lambda: load_mapping(f'[source]\nencoding = "{codec}"\n' + MAPPING))


@pytest.mark.parametrize("encoded", [
    lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
    lambda text: text.encode("utf-16"),
])
def test_mappings_saved_by_windows_editors_load(tmp_path, encoded):
    path = write(tmp_path / "map.toml", encoded('[scale]\nnot_applicable = ["Không biết"]\n' + MAPPING))
    assert load_mapping(path).scale.not_applicable == ("Không biết",)
    assert load_mapping("\ufeff" + MAPPING).dimensions["reliability"] == ("Q1",)


def test_a_mapping_in_cp1252_is_asked_to_be_saved_as_utf8(tmp_path):
    path = write(tmp_path / "map.toml", ('[scale]\nnot_applicable = ["Não sei"]\n' + MAPPING).encode("cp1252"))
    assert "not UTF-8" in refused(lambda: load_mapping(path), "bad_mapping")


@pytest.mark.parametrize("text, hint", [
    ("[source]\nheaderrows = 2\n" + MAPPING, 'did you mean "header_rows"'),
    ('[scale]\nnot_aplicable = ["N/A"]\n' + MAPPING, 'did you mean "not_applicable"'),
    ('[dimension]\nreliability = ["Q1"]\n', "did you mean [dimensions]"),
    ('[dimensions]\nreliabilty = ["Q1"]\n', 'did you mean "reliability"'),
    (MAPPING + '[kpis]\nnpss = "Q9"\n', 'did you mean "nps"'),
    (MAPPING + '[comments]\ncolumn = ["Q9"]\n', 'did you mean "columns"'),
    ("[source]\nzzz = 1\n" + MAPPING, "it takes format, sheet"),
])
def test_typos_in_a_mapping_are_refused_with_the_nearest_known_name(text, hint):
    assert hint in refused(lambda: load_mapping(text), "bad_mapping")


@pytest.mark.parametrize("bounds", ["min = -inf", "max = inf", "min = nan"])
def test_scale_ends_must_be_finite(bounds):
    assert "not inf or nan" in refused(lambda: load_mapping(f"[scale]\n{bounds}\n" + MAPPING), "bad_mapping")


def test_deeply_nested_toml_is_a_sentence():
    nested = "x = " + "[" * 5000 + "]" * 5000 + "\n"
    assert "nested too deeply" in refused(lambda: load_mapping(nested + MAPPING), "bad_mapping")


def test_a_mapping_longer_than_a_workbook_keeps_is_refused_before_the_dry_run(tmp_path):
    padded = MAPPING + "# " + "x" * 200_000 + "\n"
    assert "longer than 200000" in refused(lambda: load_mapping(padded), "bad_mapping")
    many = '[dimensions]\nreliability = [' + ", ".join(f'"{"Q" * 90}{i}"' for i in range(2_500)) + "]\n"
    assert len(many) < 300_000
    assert "longer than 200000" in refused(lambda: load_mapping(many), "bad_mapping")


def test_a_huge_or_multiline_cell_gives_a_short_one_line_error(tmp_path):
    huge = "7" * 10_000_000
    survey = write(tmp_path / "s.csv", f'Q1,Q2\n"{huge}",4\n"bad\nvalue",4\n'.encode())
    result = run_import(survey, load_mapping(MAPPING))
    sentences = [cell_error_text(error) for error in result.errors]
    assert len(sentences) == 2 and all("\n" not in s and len(s) < 250 for s in sentences)
    assert '"bad value"' in sentences[1]
    assert len(CellError(2, "Q1", huge, "off_scale").value) <= 1000


def test_a_missing_column_with_a_huge_name_is_a_short_sentence():
    from rater_desktop.importing.engine import resolve_column

    long_name = "N" * 10_000_000

    sentence = refused(lambda: resolve_column(long_name, ["Q1", "Q2"], "s.csv"), "missing_column")
    assert len(sentence) < 200


def test_a_header_padded_with_a_million_commas_is_read_at_its_real_width(tmp_path):
    header = b"RespondentID,Q1,Q2\n,Response,Response" + b"," * 1_000_000 + b"\n"
    survey = write(tmp_path / "wide.csv", header + b"".join(b"%d,%d,%d\n" % (i, 1 + i % 5, 1 + i % 3)
                                                            for i in range(2000)))
    table = preview(survey, SourceSpec(header_rows=2))
    assert len(table.headers) == sources.MAX_COLUMNS
    result = run_import(survey, load_mapping("[source]\nheader_rows = 2\n" + MAPPING))
    assert result.ok and result.row_count == 2000


def test_a_row_with_data_beyond_the_column_limit_is_refused(tmp_path):
    survey = write(tmp_path / "s.csv", b"Q1,Q2\n5,4" + b"," * sources.MAX_COLUMNS + b"x\n")
    assert "more than 16384 cells" in refused(lambda: run_import(survey, load_mapping(MAPPING)), "too_wide")


def test_files_and_cells_above_the_limits_are_refused(tmp_path, monkeypatch):
    survey = write(tmp_path / "s.csv", b"Q1,Q2\n5,4\n" * 100)
    monkeypatch.setattr(sources, "MAX_TEXT_BYTES", 500)
    assert "larger than" in refused(lambda: preview(survey, SourceSpec()), "too_large")
    monkeypatch.undo()
    limit = csv.field_size_limit(1000)
    try:
        long_cell = write(tmp_path / "l.csv", b"Q1,Q2\n" + b"5" * 2000 + b",4\n")
        assert "cell longer than" in refused(lambda: run_import(long_cell, load_mapping(MAPPING)), "too_large")
    finally:
        csv.field_size_limit(limit)


def minimal_xlsx(path: Path, cells: dict[str, str], dimension: str | None = None) -> Path:
    """An xlsx as small as Excel can open: inline-string cells at the given references."""
    rows: dict[int, list[str]] = {}
    for ref, value in cells.items():
        number = int("".join(ch for ch in ref if ch.isdigit()))
        rows.setdefault(number, []).append(f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>')
    data = "".join(f'<row r="{n}">{"".join(c)}</row>' for n, c in sorted(rows.items()))
    path.write_bytes(xlsx_package(data, dimension))
    return path


FAR_CELL = """
import sys
from rater_desktop.importing import SourceSpec, SurveyImportError, preview
try:
    preview(sys.argv[1], SourceSpec())
except SurveyImportError as error:
    print(error.code, error)
"""


@pytest.mark.parametrize("cells, dimension", [
    ({"XFD1048576": "x"}, None),
    ({"A1": "Q1", "A2": "5", "XFD1048576": "y"}, None),
    ({"A1": "Q1", "A2": "5", "xfd1048576": "y"}, "A1:A2"),  # a lying dimension, lower-case reference
])
def test_a_far_away_cell_is_a_sentence_not_a_crash(tmp_path, cells, dimension):
    book = minimal_xlsx(tmp_path / "far.xlsx", cells, dimension)
    assert book.stat().st_size < 2000
    # In a child process: on failure calamine aborts the interpreter, which must not take the test run with it.
    done = subprocess.run([sys.executable, "-c", FAR_CELL, str(book)], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.startswith("too_large ") and "XFD1048576" in done.stdout and done.stdout.count("\n") == 1


def test_cells_away_from_a1_keep_their_row_and_column(tmp_path):
    book = minimal_xlsx(tmp_path / "offset.xlsx", {"C3": "Q1", "C4": "5"})
    table = preview(book, SourceSpec(header_rows=3, header_row=3))
    assert table.headers == ["", "", "Q1"] and table.rows == [["", "", "5"]]


def test_a_whole_sheet_dimension_around_few_cells_is_judged_by_the_cells(tmp_path):
    """Some writers declare A1:XFD1048576 whatever the sheet holds: the cells that exist decide."""
    cells = {"A1": "Q1", "B1": "Q2", **{f"A{n}": str(n % 5 + 1) for n in range(2, 12)},
             **{f"B{n}": str((n + 2) % 5 + 1) for n in range(2, 12)}}
    book = minimal_xlsx(tmp_path / "fardim.xlsx", cells, "A1:XFD1048576")
    table = preview(book, SourceSpec())
    assert table.headers == ["Q1", "Q2"] and len(table.rows) == 10


def test_a_zip_bomb_is_refused_before_unzipping(tmp_path, monkeypatch):
    import python_calamine

    import rater_desktop.importing.sheet_extent as extent

    book = minimal_xlsx(tmp_path / "bomb.xlsx", {"A1": "Q1", "A2": "5"}, "A1:A2")
    monkeypatch.setattr(extent, "MAX_UNZIPPED", 100)

    def unzipping(*_args, **_kwargs):
        raise AssertionError("calamine would unzip the shared strings before any check")

    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_path", unzipping)
    assert "unzips to more than" in refused(lambda: preview(book, SourceSpec()), "too_large")


def test_surveymonkey_two_header_rows_are_recognised_without_collector_id():
    with (EXPORTS / "surveymonkey-starwars-538.csv").open(encoding="cp1252", newline="") as handle:
        first_rows = [row for row, _n in zip(csv.reader(handle), range(2))]
    assert "CollectorID" not in first_rows[0]
    assert guess_preset(first_rows) == "surveymonkey"
    assert guess_preset([["Respondent ID", "Collector ID", "Q1"]]) == "surveymonkey"
    assert guess_preset([["RespondentID", "Q1"], ["12", "5"]]) == "generic"

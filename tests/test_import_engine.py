"""Validate and score: DESIGN §3 arithmetic, all-or-nothing, hostile input."""

import csv

import pytest
from generated_survey import write_survey

from rater_desktop.importing import (
    ImportCancelled,
    SurveyImportError,
    cell_error_text,
    import_into,
    load_mapping,
    run_import,
)

LIKERT = """
[scale]
min = 1
max = 5
not_applicable = ["N/A"]
reverse = ["R2"]
[dimensions]
reliability = ["R1", "R2"]
empathy = ["E1"]
[kpis]
nps = "NPS"
fcr = "Solved"
"""

SURVEY = (
    "Name,Email,R1,R2,E1,NPS,Solved\n"
    "Ann,a@x.org,5,1,3,10,Yes\n"      # R: 5 and 6-1=5 -> 5 -> 4 points; E 3 -> 2
    "Bob,b@x.org,2,N/A,,6,không\n"    # R: 2 -> 1 point; E none
    "Cy,c@x.org,N/A,,4,9,\n"          # R none; E 4 -> 3
)


class FakeWorkbook:
    """The two workbook methods the engine uses, recording what was stored."""

    def __init__(self):
        self.stored = []

    def find_survey_by_hash(self, assessment_id, file_hash):
        return next((i + 1 for i, (a, kw) in enumerate(self.stored)
                     if a == assessment_id and kw["file_hash"] == file_hash), None)

    def add_survey(self, assessment_id, **kw):
        self.stored.append((assessment_id, kw))
        return len(self.stored)


def write(tmp_path, text, name="survey.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


def test_scores_by_hand(tmp_path):
    result = run_import(write(tmp_path, SURVEY), load_mapping(LIKERT))
    assert result.ok and result.error_count == 0 and result.row_count == 3
    assert result.series["dim:reliability"] == [4.0, 1.0, None]
    assert result.series["dim:empathy"] == [2.0, None, 3.0]
    assert result.series["kpi:nps"] == [10.0, 6.0, 9.0]
    assert result.series["kpi:fcr"] == [1.0, 0.0, None]
    assert (result.scale_min, result.scale_max) == (1.0, 5.0)
    assert result.source_name == "survey.csv" and len(result.file_hash) == 64
    assert load_mapping(result.mapping_toml) == load_mapping(LIKERT)


def test_unmapped_columns_never_reach_the_result(tmp_path):
    result = run_import(write(tmp_path, SURVEY), load_mapping(LIKERT))
    everything = repr(result.series) + result.mapping_toml
    assert "Ann" not in everything and "a@x.org" not in everything and "Email" not in everything


def test_respondent_mean_of_answered_items_in_points(tmp_path):
    mapping = load_mapping('[scale]\nmin = 1\nmax = 7\n[dimensions]\nassurance = ["A", "B", "C"]')
    result = run_import(write(tmp_path, "A,B,C\n7.0,4,\n1,2,3\n"), mapping)
    # (7+4)/2 = 5.5 on 1-7 -> 4*(4.5/6) = 3.0 ; (1+2+3)/3 = 2 -> 4*(1/6)
    assert result.series["dim:assurance"] == pytest.approx([3.0, 4 / 6])


def test_servqual_series_stay_on_the_survey_scale(tmp_path):
    mapping = load_mapping("""
[scale]
min = 1
max = 7
[dimensions]
empathy = ["P1", "P2"]
[expectations]
empathy = ["E1", "E2"]
""")
    result = run_import(write(tmp_path, "P1,P2,E1,E2\n5,6,7,6\n3,,7,7\n"), mapping)
    assert result.series["per:empathy"] == [5.5, 3.0]
    assert result.series["exp:empathy"] == [6.5, 7.0]
    assert result.series["dim:empathy"] == pytest.approx([4 * 4.5 / 6, 4 * 2 / 6])


def test_labels_and_letters_become_points(tmp_path):
    labels = load_mapping("""
[scale]
type = "labels"
labels = ["Poor", "Fair", "Good"]
[dimensions]
tangibles = ["Q"]
""")
    result = run_import(write(tmp_path, "Q\nPoor\nFair\nGood\n"), labels)
    assert result.series["dim:tangibles"] == [0.0, 2.0, 4.0]
    assert (result.scale_min, result.scale_max) == (0.0, 2.0)
    letters = load_mapping('[scale]\ntype = "letters"\n[dimensions]\ntangibles = ["Q"]')
    result = run_import(write(tmp_path, "Q\nA\nc\nF\n", "l.csv"), letters)
    assert result.series["dim:tangibles"] == [4.0, 2.0, 0.0]


def test_off_scale_value_names_row_column_value(tmp_path):
    text = "R1,R2,E1,NPS,Solved\n5,5,5,10,yes\n5,9,5,10,yes\n"
    result = run_import(write(tmp_path, text), load_mapping(LIKERT))
    assert not result.ok and result.error_count == 1
    error = result.errors[0]
    assert (error.row, error.column, error.value, error.message_code) == (3, "R2", "9", "off_scale")
    assert cell_error_text(error).startswith('Row 3, column "R2": "9"')


def test_first_twenty_errors_are_listed_then_counted(tmp_path):
    text = "R1,R2,E1,NPS,Solved\n" + "7,1,1,11,maybe\n" * 30
    result = run_import(write(tmp_path, text), load_mapping(LIKERT))
    assert result.error_count == 90 and len(result.errors) == 20
    assert [e.message_code for e in result.errors[:3]] == ["off_scale", "not_nps", "not_yes_no"]


def test_skip_invalid_lists_each_skipped_cell_and_keeps_the_rest(tmp_path):
    text = "R1,R2,E1,NPS,Solved\n5,x,3,10,yes\n9,1,2,12,no\n"
    result = run_import(write(tmp_path, text), load_mapping(LIKERT), skip_invalid=True)
    assert result.ok and result.error_count == 0
    assert [(c.row, c.column, c.value) for c in result.skipped] == \
        [(2, "R2", "x"), (3, "R1", "9"), (3, "NPS", "12")]
    assert result.series["dim:reliability"] == [4.0, 4.0]   # 5 alone; reversed 1 -> 5 alone
    assert result.series["kpi:nps"] == [10.0, None]


def test_formula_and_markup_in_a_rating_column_are_off_scale(tmp_path):
    text = 'R1,R2,E1,NPS,Solved\n"=HYPERLINK(""http://x"",""5"")",<b>4</b>,3,10,yes\n'
    result = run_import(write(tmp_path, text), load_mapping(LIKERT))
    assert [(e.column, e.value) for e in result.errors] == \
        [("R1", '=HYPERLINK("http://x","5")'), ("R2", "<b>4</b>")]


def test_formula_in_an_unmapped_column_is_ignored(tmp_path):
    text = 'Note,R1,R2,E1,NPS,Solved\n"=cmd|\' /C calc\'!A0",4,2,3,8,no\n'
    result = run_import(write(tmp_path, text), load_mapping(LIKERT))
    assert result.ok and result.series["dim:reliability"] == [3.0]


def test_duplicate_column_names_are_ambiguous_until_numbered(tmp_path):
    text = "Q,Q,E1\n1,5,3\n"
    with pytest.raises(SurveyImportError) as caught:
        run_import(write(tmp_path, text), load_mapping('[dimensions]\nreliability = ["Q"]'))
    assert caught.value.code == "ambiguous_column" and "#1, #2" in str(caught.value)
    result = run_import(write(tmp_path, text), load_mapping('[dimensions]\nreliability = ["#2"]'))
    assert result.series["dim:reliability"] == [4.0]


def test_mapping_naming_a_missing_column(tmp_path):
    with pytest.raises(SurveyImportError) as caught:
        run_import(write(tmp_path, SURVEY), load_mapping('[dimensions]\nempathy = ["Courtesy"]'))
    assert caught.value.code == "missing_column"
    assert "survey.csv" in str(caught.value) and "Courtesy" in str(caught.value)
    with pytest.raises(SurveyImportError, match="no column #99"):
        run_import(write(tmp_path, SURVEY), load_mapping('[dimensions]\nempathy = ["#99"]'))


def test_header_text_matches_ignoring_case_and_spaces(tmp_path):
    result = run_import(write(tmp_path, " Overall  \n5\n"),
                        load_mapping('[dimensions]\nempathy = ["overall"]'))
    assert result.series["dim:empathy"] == [4.0]


def test_only_headers(tmp_path):
    with pytest.raises(SurveyImportError, match="no data rows") as caught:
        run_import(write(tmp_path, "R1,R2,E1,NPS,Solved\n"), load_mapping(LIKERT))
    assert caught.value.code == "no_data"


def test_empty_file(tmp_path):
    with pytest.raises(SurveyImportError, match="is empty"):
        run_import(write(tmp_path, ""), load_mapping(LIKERT))


def test_blank_lines_are_not_respondents_but_keep_row_numbers(tmp_path):
    text = "R1,R2,E1,NPS,Solved\n5,5,5,10,yes\n\n,,,,\n5,0,5,10,yes\n"
    result = run_import(write(tmp_path, text), load_mapping(LIKERT))
    assert result.row_count == 2
    assert (result.errors[0].row, result.errors[0].value) == (5, "0")


def test_short_rows_are_padded_with_blanks(tmp_path):
    result = run_import(write(tmp_path, "R1,R2,E1,NPS,Solved\n4\n"), load_mapping(LIKERT))
    assert result.ok and result.series["dim:reliability"] == [3.0]
    assert result.series["dim:empathy"] == [None]


def test_no_answers_at_all_is_refused(tmp_path):
    with pytest.raises(SurveyImportError, match="None of the 2 rows"):
        run_import(write(tmp_path, "R1,R2,E1,NPS,Solved\nN/A,,,,\n,N/A,,,\n"), load_mapping(LIKERT))


def test_cp1252_file_imports(tmp_path):
    path = tmp_path / "win.csv"
    path.write_bytes("Client,Qualité\nRenée,4\nJosé,2\n".encode("cp1252"))
    result = run_import(path, load_mapping('[dimensions]\nassurance = ["Qualité"]'))
    assert result.encoding == "cp1252" and not result.encoding_certain
    assert result.series["dim:assurance"] == [3.0, 1.0]


def test_cancel_stops_and_progress_reaches_the_end(tmp_path):
    rows = "".join(f"{i % 5 + 1},1,1,5,yes\n" for i in range(5000))
    path = write(tmp_path, "R1,R2,E1,NPS,Solved\n" + rows)
    with pytest.raises(ImportCancelled):
        run_import(path, load_mapping(LIKERT), cancel=lambda: True)
    seen = []
    run_import(path, load_mapping(LIKERT), progress=lambda done, total: seen.append((done, total)))
    size = path.stat().st_size
    assert seen[-1] == (size, size) and len(seen) >= 2
    assert all(a[0] <= b[0] for a, b in zip(seen, seen[1:]))


def test_import_into_writes_once_and_refuses_the_same_file_again(tmp_path):
    book, path = FakeWorkbook(), write(tmp_path, SURVEY)
    result = import_into(book, 7, path, load_mapping(LIKERT))
    assert result.survey_id == 1
    assessment, stored = book.stored[0]
    assert assessment == 7 and stored["row_count"] == 3 and stored["source_name"] == "survey.csv"
    assert stored["series"]["dim:empathy"] == [2.0, None, 3.0]
    assert stored["file_hash"] == result.file_hash
    with pytest.raises(SurveyImportError, match="already been imported") as caught:
        import_into(book, 7, path, load_mapping(LIKERT))
    assert caught.value.code == "duplicate" and len(book.stored) == 1
    assert import_into(book, 7, path, load_mapping(LIKERT), allow_duplicate=True).survey_id == 2
    assert import_into(book, 8, path, load_mapping(LIKERT)).survey_id == 3


def test_import_into_writes_nothing_when_a_cell_is_bad(tmp_path):
    book = FakeWorkbook()
    path = write(tmp_path, "R1,R2,E1,NPS,Solved\n5,5,5,10,yes\n6,5,5,10,yes\n")
    result = import_into(book, 1, path, load_mapping(LIKERT))
    assert not result.ok and result.survey_id is None and book.stored == []
    result = import_into(book, 1, path, load_mapping(LIKERT), skip_invalid=True)
    assert result.survey_id == 1 and book.stored[0][1]["row_count"] == 2


def test_import_into_a_real_workbook(tmp_path):
    from rater_desktop.storage import create_workbook

    book = create_workbook(tmp_path / "t.rater", "Shop")
    try:
        round_id = book.latest_assessment_id()
        result = import_into(book, round_id, write(tmp_path, SURVEY), load_mapping(LIKERT))
        assert book.find_survey_by_hash(round_id, result.file_hash) == result.survey_id
        survey = book.read_assessment(round_id).surveys[0]
        assert survey.row_count == 3 and survey.source_name == "survey.csv"
        assert survey.dimension_scores["reliability"] == [4.0, 1.0, None]
        assert survey.nps == [10.0, 6.0, 9.0]
    finally:
        book.close()


def test_five_thousand_generated_rows_against_an_independent_count(tmp_path):
    path = write_survey(tmp_path / "gen.csv", 5000)
    items = {"reliability": "R", "assurance": "A", "tangibles": "T", "empathy": "E",
             "responsiveness": "S"}
    mapping = load_mapping("[scale]\nnot_applicable = ['N/A']\n[dimensions]\n" + "".join(
        f'{key} = [{", ".join(repr(f"{p}{i}") for i in range(1, 6))}]\n' for key, p in items.items())
        + '[kpis]\nnps = "NPS"\n')
    result = run_import(path, mapping)
    assert result.ok and result.row_count == 5000
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for key, prefix in items.items():
        expected = []
        for row in rows:
            answers = [int(row[f"{prefix}{i}"]) for i in range(1, 6) if row[f"{prefix}{i}"] != "N/A"]
            expected.append(sum(a - 1 for a in answers) / len(answers) if answers else None)
        assert result.series[f"dim:{key}"] == pytest.approx(expected)
    assert result.series["kpi:nps"] == [float(row["NPS"]) for row in rows]

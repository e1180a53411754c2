"""Every real customer export (tests/fixtures/customer-exports) imports with its mapping, or is refused clearly.

Expected figures are recomputed here with the csv module and plain arithmetic,
independently of the engine's code path.
"""

import csv
from pathlib import Path
from statistics import mean

import pytest

from rater_desktop.importing import SurveyImportError, cell_error_text, load_mapping, run_import

EXPORTS = Path(__file__).parent / "fixtures" / "customer-exports"
MAPPINGS = Path(__file__).parent / "fixtures" / "mappings"

IMPORTS = {  # file -> (mapping, respondents)
    "google-forms-es.csv": ("google-forms-es", 338),
    "google-forms-es.xlsx": ("google-forms-es", 338),
    "google-forms-prepbench-sudzilla.csv": ("google-forms-prepbench-sudzilla", 39),
    "qualtrics-insights-no-basis.csv": ("qualtrics-insights-no-basis", 15),
    "qualtrics-legacy-no-basis.csv": ("qualtrics-legacy-no-basis", 15),
    "qualtrics-sample.csv": ("qualtrics-sample", 1),
    "qualtrics-sample-legacy.csv": ("qualtrics-sample-legacy", 1),
    "surveygizmo-jupyter-ux.csv": ("surveygizmo-jupyter-ux", 1706),
    "surveymonkey-food-world-cup-538.csv": ("surveymonkey-food-world-cup-538", 1373),
    "surveymonkey-starwars-538.csv": ("surveymonkey-starwars-538", 1186),
}


def do_import(file_name, mapping_name=None):
    mapping = load_mapping(MAPPINGS / f"{mapping_name or IMPORTS[file_name][0]}.toml")
    return run_import(EXPORTS / file_name, mapping)


def rows_of(file_name, encoding, header_rows):
    with (EXPORTS / file_name).open(encoding=encoding, newline="") as f:
        return list(csv.reader(f))[header_rows:]


def dimension_figures(rows, columns, value_of):
    """(n, mean points) over respondents answering at least one of the columns."""
    scores = []
    for row in rows:
        answers = [value_of(row[c - 1]) for c in columns]
        answers = [a for a in answers if a is not None]
        if answers:
            scores.append(mean(answers))
    return len(scores), mean(scores)


def figures(result, key):
    answered = [v for v in result.series[f"dim:{key}"] if v is not None]
    return len(answered), mean(answered)


def nps(values):
    answered = [v for v in values if v is not None]
    promoters = sum(1 for v in answered if v >= 9)
    detractors = sum(1 for v in answered if v <= 6)
    return round(100 * (promoters - detractors) / len(answered), 1)


def test_every_export_has_a_decision():
    covered = set(IMPORTS) | {"google-forms-jupyter-education.csv"}
    assert covered == {p.name for p in EXPORTS.iterdir() if p.suffix in (".csv", ".xlsx")}


@pytest.mark.parametrize("file_name", sorted(IMPORTS))
def test_export_imports(file_name):
    result = do_import(file_name)
    assert result.ok, [cell_error_text(e) for e in result.errors]
    assert result.row_count == IMPORTS[file_name][1]
    assert all(len(values) == result.row_count for values in result.series.values())
    assert all(v is None or 0.0 <= v <= 4.0
               for key, values in result.series.items() if key.startswith("dim:") for v in values)


def test_food_world_cup_against_an_independent_count():
    result = do_import("surveymonkey-food-world-cup-538.csv")
    assert result.encoding == "cp1252" and not result.encoding_certain
    rows = [r for r in rows_of("surveymonkey-food-world-cup-538.csv", "cp1252", 1) if any(r)]

    def points(text):  # 1-5 liking; "N/A" = not tried
        return None if text in ("", "N/A") else (int(text) - 1)

    regions = {"reliability": [16, 17, 18, 20, 23], "assurance": [25, 31, 36, 37, 38],
               "tangibles": [26, 34, 40], "empathy": [5, 9, 11, 12],
               "responsiveness": [4, 10, 19, 28, 41]}
    for key, columns in regions.items():
        n, expected = dimension_figures(rows, columns, points)
        got_n, got = figures(result, key)
        assert got_n == n and got == pytest.approx(expected)
    assert figures(result, "reliability")[0] == 1220  # 1373 minus those who tried none of the five


def test_star_wars_favourability_labels():
    result = do_import("surveymonkey-starwars-538.csv")
    rows = rows_of("surveymonkey-starwars-538.csv", "cp1252", 2)
    order = ["Very unfavorably", "Somewhat unfavorably",
             "Neither favorably nor unfavorably (neutral)", "Somewhat favorably", "Very favorably"]

    def points(text):  # five labels -> 0..4 is already points
        return None if text in ("", "Unfamiliar (N/A)") else order.index(text)

    # Second header row: 16 Han, 17 Luke, 18 Leia ... 27 Jar Jar, 28 Padme, 29 Yoda.
    n, expected = dimension_figures(rows, [16, 17, 18], points)
    assert figures(result, "reliability") == (n, pytest.approx(expected))
    n, expected = dimension_figures(rows, [21, 22, 27], points)
    assert figures(result, "responsiveness") == (n, pytest.approx(expected))
    assert result.row_count == 1186  # screened-out respondents stay, answering nothing


def test_google_forms_es_enjoyment_difficulty_and_nps():
    result = do_import("google-forms-es.csv")
    rows = rows_of("google-forms-es.csv", "utf-8", 1)
    enjoyment = [int(r[17]) for r in rows if r[17]]
    assert figures(result, "reliability") == (len(enjoyment),
                                              pytest.approx(mean(e - 1 for e in enjoyment)))
    difficulty = [int(r[11]) for r in rows if r[11]]  # reverse-coded: 1 (easy) is best
    assert figures(result, "assurance") == (len(difficulty),
                                            pytest.approx(mean(5 - d for d in difficulty)))
    recommend = [int(r[18]) for r in rows if r[18]]
    by_hand = round(100 * (sum(v >= 9 for v in recommend) - sum(v <= 6 for v in recommend))
                    / len(recommend), 1)
    assert nps(result.series["kpi:nps"]) == by_hand
    assert by_hand == 77.0  # promoters 212+58, detractors 9+5+1, of 331: 100*255/331


def test_google_forms_es_xlsx_and_csv_agree():
    from_csv, from_xlsx = do_import("google-forms-es.csv"), do_import("google-forms-es.xlsx")
    assert from_xlsx.series == from_csv.series
    assert from_xlsx.row_count == from_csv.row_count


def test_qualtrics_no_basis_codes_are_not_grades():
    insights = do_import("qualtrics-insights-no-basis.csv")
    legacy = do_import("qualtrics-legacy-no-basis.csv")
    assert insights.series == legacy.series
    # Q1: seven 3s, three 1s, three 2s, two -1 (no basis) -> n 13, mean (21+3+6)/13 on 1-3
    n, got = figures(insights, "reliability")
    assert n == 13 and got == pytest.approx(2 * (30 / 13 - 1))


def test_sudzilla_ratings_and_food_labels():
    ratings = do_import("google-forms-prepbench-sudzilla.csv")
    rows = rows_of("google-forms-prepbench-sudzilla.csv", "utf-8", 1)
    overall = [int(r[1]) for r in rows]
    assert figures(ratings, "reliability") == (39, pytest.approx(mean(0.4 * v for v in overall)))
    assert nps(ratings.series["kpi:nps"]) == nps(overall)
    food = do_import("google-forms-prepbench-sudzilla.csv", "google-forms-prepbench-sudzilla-food")
    assert food.ok and (food.scale_min, food.scale_max) == (0.0, 4.0)


def test_education_survey_has_no_ratings_and_is_refused():
    result = do_import("google-forms-jupyter-education.csv",
                       "google-forms-jupyter-education")
    assert not result.ok and result.error_count == 125
    first = cell_error_text(result.errors[0])
    assert first == ('Row 2, column "Approximately how many students are in your class?": '
                     '"100 - 250" is not on the scale and not a not-applicable code.')


def test_star_wars_with_utf8_declared_is_refused_naming_the_encoding():
    mapping = load_mapping((MAPPINGS / "surveymonkey-starwars-538.toml").read_text()
                           .replace('encoding = "cp1252"', 'encoding = "utf-8"'))
    with pytest.raises(SurveyImportError) as caught:
        run_import(EXPORTS / "surveymonkey-starwars-538.csv", mapping)
    assert caught.value.code == "decode_failed"
    assert "surveymonkey-starwars-538.csv" in str(caught.value) and "utf-8" in str(caught.value)

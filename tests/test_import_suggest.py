"""Suggestions the import wizard pre-fills: column roles, scales, label order, mapping fit."""

from rater_desktop.importing import Mapping, ScaleSpec, load_mapping
from rater_desktop.importing.suggest import (
    builtin_vocabulary,
    distinct_values,
    fold,
    mapping_fits,
    order_labels,
    suggest_columns,
    suggest_scale,
)


def suggest(headers):
    names, criteria = builtin_vocabulary()
    return suggest_columns(headers, names, criteria)


def test_fold_drops_accents_and_vietnamese_d():
    assert fold("Độ tin cậy") == "do tin cay"
    assert fold("  Sự ĐỒNG cảm? ") == "su dong cam"


def test_dimension_names_in_english_and_vietnamese_map_their_columns():
    headers = ["Timestamp", "E-mail", "Reliability of our service", "Độ tin cậy",
               "Rate our empathy", "Phương tiện hữu hình", "Responsiveness [Phone]", "Assurance"]
    result = suggest(headers)
    assert result.dimensions == {2: "reliability", 3: "reliability", 4: "empathy",
                                 5: "tangibles", 6: "responsiveness", 7: "assurance"}
    assert result.kpis == {} and result.expectations == {}


def test_header_worded_like_a_builtin_criterion_maps_to_its_dimension():
    # Built-in reliability statement: "We get it right the first time, so customers ..."
    # and responsiveness: "We answer calls, messages and e-mails quickly, ..."
    result = suggest(["Did we get it right the first time?", "Did we answer calls and messages quickly?"])
    assert result.dimensions == {0: "reliability", 1: "responsiveness"}


def test_unrelated_headers_stay_unmapped():
    result = suggest(["Name", "Email address", "Comments", "Which branch did you visit?", ""])
    assert result == type(result)()


def test_kpi_columns_and_expectation_items():
    headers = ["How likely are you to recommend us to a friend?", "Overall, how satisfied are you?",
               "Was your issue solved on first contact?", "Bạn có sẵn lòng giới thiệu chúng tôi?",
               "What reliability do you expect?", "Reliability you received"]
    result = suggest(headers)
    # The Vietnamese NPS question comes second: each KPI goes to its first column.
    assert result.kpis == {"nps": 0, "csat": 1, "fcr": 2}
    assert result.expectations == {4: "reliability"}
    assert result.dimensions == {5: "reliability"}


def test_two_dimensions_named_in_one_header_is_left_to_the_user():
    assert suggest(["Reliability and empathy together"]).dimensions == {}


def test_distinct_values_most_frequent_first_blanks_ignored():
    rows = [["x", "4", "5"], ["y", "4", " "], ["z", "N/A", "4"], ["w", "5"]]
    assert distinct_values(rows, [1, 2]) == ["4", "5", "N/A"]


def test_suggest_scale_numeric_rounds_up_to_usual_top_and_spots_na():
    assert suggest_scale(["4", "2", "N/A", "3"]) == ScaleSpec("numeric", 1, 5, not_applicable=("N/A",))
    assert suggest_scale(["6", "1"]) == ScaleSpec("numeric", 1, 7)
    assert suggest_scale(["0", "9", "7.0"]) == ScaleSpec("numeric", 0, 10)


def test_suggest_scale_letters_and_labels():
    assert suggest_scale(["A", "c", "F"]).type == "letters"
    scale = suggest_scale(["Good", "Excellent", "Don't know", "Poor", "Fair"])
    assert scale.type == "labels"
    assert scale.labels == ("Poor", "Fair", "Good", "Excellent")
    assert scale.not_applicable == ("Don't know",)


def test_order_labels_vietnamese_and_unknown_words_keep_their_place():
    assert order_labels(["Hài lòng", "Rất không hài lòng", "Bình thường"]) == [
        "Rất không hài lòng", "Bình thường", "Hài lòng"]
    assert order_labels(["Meh", "Agree", "Strongly disagree", "Wow"]) == [
        "Strongly disagree", "Agree", "Meh", "Wow"]


def test_mapping_fits_only_when_every_named_column_exists_once():
    mapping = load_mapping('[dimensions]\nreliability = ["Q1", "#3"]\n[kpis]\nnps = "NPS"\n')
    assert mapping_fits(mapping, ["Q1", "Q2", "Q3", "NPS"])
    assert mapping_fits(mapping, ["q1", "x", "y", "nps"])  # header case does not matter
    assert not mapping_fits(mapping, ["Q1", "NPS"])  # no third column
    assert not mapping_fits(mapping, ["Q1", "Q2", "Q3"])  # no NPS column
    assert not mapping_fits(mapping, ["Q1", "Q1", "Q3", "NPS"])  # Q1 ambiguous
    assert mapping_fits(Mapping(dimensions={"empathy": ("#1",)}), ["anything"])

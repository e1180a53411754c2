"""Answer texts -> numbers: scales of DESIGN §3 and the KPI columns."""

import pytest

from rater_desktop.importing import ScaleSpec
from rater_desktop.importing.values import INVALID, kpi_converter, scale_converter

LIKERT = ScaleSpec(min=1, max=5, not_applicable=("N/A", "Don't know"))


@pytest.mark.parametrize("text, value", [
    ("1", 1.0), ("5", 5.0), ("7.0", INVALID), ("3.0", 3.0), (" 4 ", 4.0), ("4,0", 4.0),
    ("", None), ("  ", None), ("N/A", None), ("n/a", None), ("don't know", None),
    ("0", INVALID), ("6", INVALID), ("three", INVALID), ("nan", INVALID), ("inf", INVALID),
    ("=HYPERLINK(\"http://x\",\"3\")", INVALID), ("<b>3</b>", INVALID), ("=3", INVALID),
])
def test_numeric_scale(text, value):
    result = scale_converter(LIKERT)(text)
    assert result is INVALID if value is INVALID else result == value


def test_seven_point_values_written_as_decimals():
    conv = scale_converter(ScaleSpec(min=1, max=7))
    assert [conv(t) for t in ("7.0", "1.0", "4")] == [7.0, 1.0, 4.0]


def test_reverse_coding_mirrors_the_value():
    conv = scale_converter(LIKERT, reverse=True)
    assert [conv(t) for t in ("1", "2", "5")] == [5.0, 4.0, 1.0]
    assert conv("N/A") is None and conv("9") is INVALID


def test_letters_are_their_points():
    conv = scale_converter(ScaleSpec(type="letters"))
    assert [conv(t) for t in ("A", "b", "C", "D", "F")] == [4.0, 3.0, 2.0, 1.0, 0.0]
    assert conv("E") is INVALID


def test_labels_are_their_index_worst_first_and_ignore_case():
    scale = ScaleSpec(type="labels", labels=("Very poor", "Poor", "Fair", "Good", "Excellent"))
    conv = scale_converter(scale)
    assert [conv(t) for t in ("Very poor", "fair", " EXCELLENT ")] == [0.0, 2.0, 4.0]
    assert conv("Superb") is INVALID
    assert scale_converter(scale, reverse=True)("Good") == 1.0


def test_answer_codes_as_labels():
    conv = scale_converter(ScaleSpec(type="labels", labels=("A1", "A2", "A3", "D4")))
    assert [conv("A1"), conv("D4"), conv("a3")] == [0.0, 3.0, 2.0]


def test_labels_match_across_unicode_normal_forms():
    nfc_label = "Rất tốt"
    nfd_text = "Ra\u0302\u0301t to\u0302\u0301t"  # the same words, decomposed
    conv = scale_converter(ScaleSpec(type="labels", labels=("Kém", nfc_label)))
    assert conv(nfd_text) == 1.0


def test_nps_takes_whole_numbers_0_to_10():
    conv = kpi_converter("nps", ("N/A",))
    assert [conv(t) for t in ("0", "10", "9.0", "10 - Extremely likely", "", "N/A")] == \
        [0.0, 10.0, 9.0, 10.0, None, None]
    for bad in ("11", "-1", "7.5", "likely"):
        assert conv(bad) is INVALID


def test_csat_takes_whole_numbers_1_to_5():
    conv = kpi_converter("csat")
    assert [conv("1"), conv("5.0")] == [1.0, 5.0]
    assert conv("0") is INVALID and conv("6") is INVALID


@pytest.mark.parametrize("text", ["Yes", "y", "TRUE", "1", "Có", "có", "co", "Đúng", "rồi", "Sí"])
def test_fcr_yes(text):
    assert kpi_converter("fcr")(text) == 1.0


@pytest.mark.parametrize("text", ["No", "n", "false", "0", "Không", "KHÔNG", "khong", "Chưa", "sai"])
def test_fcr_no(text):
    assert kpi_converter("fcr")(text) == 0.0


def test_fcr_other_text_is_invalid_and_blank_is_missing():
    conv = kpi_converter("fcr")
    assert conv("maybe") is INVALID and conv("") is None


def test_distinct_texts_are_parsed_once():
    conv = scale_converter(LIKERT)
    for _ in range(3):
        conv("4")
        conv("x")
    assert conv.memo == {"4": 4.0, "x": INVALID}

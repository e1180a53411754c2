"""Every DESIGN §3 rule, with hand-computed values and its boundaries."""

import math

import pytest

from rater_desktop import scoring
from rater_desktop.importing.mapping import ScaleSpec
from rater_desktop.importing.points import scale_points as answer_points
from rater_desktop.importing.values import INVALID, scale_converter
from rater_desktop.scoring import (
    Stat,
    ci95,
    compression_ratio,
    context_flag,
    context_range,
    continuum_distance,
    continuum_position,
    csat,
    describe,
    fcr,
    gap,
    gap_flag,
    letter_points,
    nps,
    point_stat,
    points_letter,
    respondent_score,
    scale_points,
    servqual_scores,
    weighted_mean,
)

# --- letters ---------------------------------------------------------------


@pytest.mark.parametrize(("letter", "points"), [("A", 4), ("B", 3), ("C", 2), ("D", 1), ("F", 0)])
def test_letter_points(letter, points):
    assert letter_points(letter) == points


@pytest.mark.parametrize("blank", ["NA", "N/A", "na", "", "  ", None])
def test_not_applicable_and_blank_are_none_never_zero(blank):
    assert letter_points(blank) is None


def test_unknown_letter_is_an_error():
    with pytest.raises(ValueError):
        letter_points("E")


@pytest.mark.parametrize(
    ("mean", "letter"),
    [
        (4.0, "A"),
        (3.5, "A"),
        (3.4999999999, "A"),  # rounds to 3.5 at 6 decimals: float noise, not a B
        (3.4999, "B"),
        (2.5, "B"),
        (2.4999, "C"),
        (1.5, "C"),
        (0.5, "D"),
        (0.4999999, "D"),
        (0.4999, "F"),
        (0.0, "F"),
        (None, None),
    ],
)
def test_points_letter_boundaries(mean, letter):
    assert points_letter(mean) == letter


def test_float_noise_below_a_boundary_keeps_the_letter():
    noisy = 3.5 * (1 / 3) * 3
    assert noisy < 3.5  # 3.4999999999999996 in binary floats
    assert points_letter(noisy) == "A"


# --- scales ----------------------------------------------------------------


@pytest.mark.parametrize(("value", "points"), [(1, 0.0), (2, 1.0), (3, 2.0), (4, 3.0), (5, 4.0)])
def test_likert_five(value, points):
    assert scale_points(value, 1, 5) == pytest.approx(points)


def test_likert_seven_and_ten():
    assert scale_points(4, 1, 7) == pytest.approx(2.0)
    assert scale_points(1, 1, 7) == 0.0
    assert scale_points(7, 1, 7) == 4.0
    assert scale_points(7.5, 0, 10) == pytest.approx(3.0)


def test_reverse_coding_flips_before_scaling():
    assert scale_points(1, 1, 5, reverse=True) == 4.0
    assert scale_points(2, 1, 5, reverse=True) == 3.0
    assert scale_points(3, 1, 5, reverse=True) == 2.0
    assert scale_points(6, 1, 7, reverse=True) == pytest.approx(4 / 6 * 1)


def test_scale_errors():
    with pytest.raises(ValueError):
        scale_points(6, 1, 5)
    with pytest.raises(ValueError):
        scale_points(3, 5, 5)


LABELS = ["Very poor", "Poor", "Fair", "Good", "Excellent"]


def test_labels_worst_first():
    """Labels are scored by their place, worst first, stretched to 0–4, as the import reads them."""
    spec = ScaleSpec(type="labels", labels=tuple(LABELS))
    assert [row.points for row in answer_points(spec)] == [0.0, 1.0, 2.0, 3.0, 4.0]
    low, high = spec.bounds
    assert scale_points(scale_converter(spec)(" good "), low, high) == 3.0
    assert scale_points(scale_converter(spec, reverse=True)("Very poor"), low, high) == 4.0
    three = ScaleSpec(type="labels", labels=("No", "Partly", "Yes"))
    assert [row.points for row in answer_points(three)] == [0.0, 2.0, 4.0]
    assert scale_converter(spec)("Superb") is INVALID


# --- means, spread, interval ----------------------------------------------


def test_respondent_score_skips_unanswered():
    assert respondent_score([4, None, 2]) == 3.0
    assert respondent_score([None, None]) is None
    assert respondent_score([]) is None


def test_ci95_hand_computed():
    # scores 1, 2, 3, 4: mean 2.5, sample sd sqrt(5/3) = 1.290994, t(0.975, 3) = 3.182446
    half = 3.182446 * math.sqrt(5 / 3) / 2
    low, high = ci95(2.5, math.sqrt(5 / 3), 4)
    assert low == pytest.approx(2.5 - half, abs=1e-5)
    assert high == pytest.approx(2.5 + half, abs=1e-5)
    assert high == pytest.approx(4.55426, abs=1e-5)
    assert ci95(2.5, None, 1) is None


def test_point_stat_full_figures():
    stat = point_stat([1, None, 2, 3, 4])
    assert isinstance(stat, Stat)
    assert stat.n == 4
    assert stat.mean == 2.5
    assert stat.grade == "B"
    assert stat.sd == pytest.approx(1.290994, abs=1e-6)
    assert (stat.min, stat.max) == (1, 4)
    # half-width 3.182446 · 1.290994 / 2 = 2.054260
    assert stat.ci95 == pytest.approx((0.445740, 4.554260), abs=1e-5)


def test_single_respondent_has_no_sd_or_interval():
    stat = point_stat([3.0])
    assert (stat.n, stat.mean, stat.sd, stat.ci95, stat.grade) == (1, 3.0, None, None, "B")


def test_all_not_applicable_gives_no_stat():
    assert point_stat([None, None]) is None
    assert describe([]) is None


# --- overall ---------------------------------------------------------------


MEANS = {"reliability": 3.0, "assurance": 2.0, "tangibles": 4.0, "empathy": 1.0, "responsiveness": 2.5}


def test_overall_equal_weights():
    assert weighted_mean(MEANS) == pytest.approx(12.5 / 5)


def test_overall_user_weights():
    weights = {"reliability": 40, "assurance": 10, "tangibles": 10, "empathy": 20, "responsiveness": 20}
    # 0.4·3 + 0.1·2 + 0.1·4 + 0.2·1 + 0.2·2.5 = 1.2 + 0.2 + 0.4 + 0.2 + 0.5
    assert weighted_mean(MEANS, weights) == pytest.approx(2.5)


def test_overall_skips_missing_dimension_and_renormalises():
    means = dict(MEANS, tangibles=None)
    assert weighted_mean(means) == pytest.approx(8.5 / 4)
    weights = {"reliability": 40, "assurance": 10, "tangibles": 10, "empathy": 20, "responsiveness": 20}
    # remaining weights 40, 10, 20, 20 = 90: (120 + 20 + 20 + 50) / 90
    assert weighted_mean(means, weights) == pytest.approx(210 / 90)
    assert weighted_mean(dict.fromkeys(MEANS)) is None


def test_weights_must_sum_to_100():
    with pytest.raises(ValueError):
        weighted_mean(MEANS, dict.fromkeys(MEANS, 10))


# --- gaps and flags ----------------------------------------------------------


def test_gap_and_flags_inclusive_thresholds():
    assert gap(2.75, 2.25) == 0.5
    assert gap(None, 2.0) is None
    assert gap_flag(0.5, 10) == "blind_spot"
    assert gap_flag(0.4999999999, 10) == "blind_spot"  # float noise
    assert gap_flag(0.49, 10) == "aligned"
    assert gap_flag(-0.5, 10) == "hidden_strength"
    assert gap_flag(-0.49, 10) == "aligned"
    assert gap_flag(0.0, 5) == "aligned"
    assert gap_flag(1.2, 4) == "few_responses"
    assert gap_flag(None, 50) is None
    assert gap_flag(0.7, 10, threshold=0.75) == "aligned"
    assert gap_flag(0.1 + 0.2 - 0.3 + 0.75, 10, threshold=0.75) == "blind_spot"


def test_compression_ratio():
    internal = {"a": 2.0, "b": 3.0, "c": 2.5}
    customer = {"a": 1.0, "b": 3.0, "c": 2.0}
    assert compression_ratio(internal, customer) == pytest.approx(0.5)
    # a dimension without customer data takes no part
    assert compression_ratio(dict(internal, d=0.0), customer) == pytest.approx(0.5)
    # customer range 0: undefined
    assert compression_ratio(internal, dict.fromkeys(customer, 2.0)) is None
    # fewer than two comparable dimensions
    assert compression_ratio({"a": 2.0}, {"a": 1.0}) is None


# --- SERVQUAL ---------------------------------------------------------------------


def test_servqual_unweighted_and_weighted():
    gaps = {"reliability": -0.7, "assurance": -0.2, "tangibles": 0.1, "empathy": -0.5, "responsiveness": -0.4}
    weights = {"reliability": 30, "assurance": 20, "tangibles": 10, "empathy": 20, "responsiveness": 20}
    unweighted, weighted = servqual_scores(gaps, weights)
    assert unweighted == pytest.approx(-1.7 / 5)
    # (30·−0.7 + 20·−0.2 + 10·0.1 + 20·−0.5 + 20·−0.4) / 100 = (−21 − 4 + 1 − 10 − 8) / 100
    assert weighted == pytest.approx(-0.42)
    assert servqual_scores(gaps) == (pytest.approx(-0.34), None)


# --- KPIs ----------------------------------------------------------------------------


def test_nps_published_example():
    # 6 promoters (9–10), 2 passives (7–8), 2 detractors (0–6): 60 % − 20 % = 40
    answers = [10, 9, 9, 10, 9, 10, 7, 8, 6, 0]
    assert nps(answers) == 40.0
    assert nps(answers + [None]) == 40.0


def test_nps_rounding_one_decimal_half_away_from_zero():
    assert nps([10, 10, 0]) == 33.3  # 33.33…
    assert nps([10, 10, 10, 0, 0, 0, 8]) == 0.0
    assert nps([10] + [8] * 15) == 6.3  # 6.25 exactly
    assert nps([0] + [8] * 15) == -6.3
    assert nps([6]) == -100.0
    assert nps([None]) is None


def test_csat_top_two_boxes_and_fcr():
    assert csat([5, 4, 3, 2, 1, None]) == pytest.approx(40.0)
    assert csat([4, 5, 5]) == 100.0
    assert csat([]) is None
    assert fcr([True, False, True, None]) == pytest.approx(200 / 3)
    assert fcr([None]) is None


# --- continuum and contexts -------------------------------------------------------------


def test_continuum_position():
    assert continuum_position([1, 1, 1]) == 0.0
    assert continuum_position([7, 7, 7]) == 100.0
    assert continuum_position([4, 4, 4]) == 50.0
    # (2−1)/6, (3−1)/6, (6−1)/6 → 16.67, 33.33, 83.33 → mean 44.44
    assert continuum_position([2, 3, 6]) == pytest.approx(400 / 9)
    assert continuum_position([2, None, 6]) == pytest.approx(50.0)
    assert continuum_position([None]) is None
    with pytest.raises(ValueError):
        continuum_position([8])
    assert continuum_distance(38.9, 61.1) == pytest.approx(22.2)
    assert continuum_distance(None, 61.1) is None


def test_context_range_and_flag():
    assert context_range([3.0, 2.0, None, 2.5]) == 1.0
    assert context_flag(1.0) is True
    assert context_flag(0.9999999999) is True
    assert context_flag(0.99) is False
    assert context_range([3.0, None]) is None
    assert context_flag(None) is False


def test_module_constants_follow_design():
    assert scoring.DEFAULT_GAP_THRESHOLD == 0.5
    assert scoring.MIN_CUSTOMER_RESPONSES == 5

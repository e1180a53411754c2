"""Student t quantiles and the small helpers, against published table values."""

import math

import pytest

from rater_desktop.stats import incomplete_beta, mean, sample_sd, t_cdf, t_ppf


@pytest.mark.parametrize(
    ("df", "expected"),
    [(1, 12.706), (2, 4.303), (4, 2.776), (9, 2.262), (29, 2.045), (120, 1.980)],
)
def test_t_975_matches_published_table(df, expected):
    assert t_ppf(0.975, df) == pytest.approx(expected, abs=5e-4)


@pytest.mark.parametrize(
    ("p", "df", "expected"),
    [(0.95, 10, 1.812), (0.995, 5, 4.032), (0.9, 1, 3.078), (0.025, 9, -2.262)],
)
def test_other_quantiles_match_table(p, df, expected):
    assert t_ppf(p, df) == pytest.approx(expected, abs=5e-4)


def test_large_df_approaches_normal():
    assert t_ppf(0.975, 100000) == pytest.approx(1.95996, abs=1e-4)


def test_cdf_and_ppf_are_inverse():
    assert t_cdf(0.0, 7) == pytest.approx(0.5)
    assert t_cdf(t_ppf(0.8, 7), 7) == pytest.approx(0.8, abs=1e-12)
    # df = 1 is the Cauchy distribution: cdf(1) = 3/4 exactly
    assert t_cdf(1.0, 1) == pytest.approx(0.75, abs=1e-12)


def test_incomplete_beta_known_values():
    # I_x(1, 1) = x; I_x(2, 1) = x²; I_0.5(a, a) = 0.5
    assert incomplete_beta(0.3, 1, 1) == pytest.approx(0.3)
    assert incomplete_beta(0.3, 2, 1) == pytest.approx(0.09)
    assert incomplete_beta(0.5, 4.5, 4.5) == pytest.approx(0.5)
    with pytest.raises(ValueError):
        incomplete_beta(1.5, 1, 1)


def test_invalid_arguments_are_rejected():
    with pytest.raises(ValueError):
        t_ppf(1.0, 5)
    with pytest.raises(ValueError):
        t_cdf(1.0, 0)


def test_mean_and_sample_sd():
    assert mean([]) is None
    assert mean([1.0, 2.0, 4.0]) == pytest.approx(7 / 3)
    assert sample_sd([3.0]) is None
    # deviations of 2, 4, 4, 4, 5, 5, 7, 9 from 5 squared sum to 32; /7
    assert sample_sd([2, 4, 4, 4, 5, 5, 7, 9]) == pytest.approx(math.sqrt(32 / 7))

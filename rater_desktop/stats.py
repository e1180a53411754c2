"""Small statistics helpers the scoring rules need, in pure Python.

The app ships without scipy (it would double the installer for one function),
so the Student t quantile used by the 95 % interval is computed here from the
regularised incomplete beta function and checked against published tables in
``tests/test_stats.py``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache

_EPS = 1e-15
_TINY = 1e-300


def mean(values: Sequence[float]) -> float | None:
    """Arithmetic mean, or None for an empty sequence (no data is not zero)."""
    if not values:
        return None
    return math.fsum(values) / len(values)


def sample_sd(values: Sequence[float]) -> float | None:
    """Sample standard deviation (divisor n − 1), or None when n < 2.

    The sample form is used because a team or a set of survey respondents is a
    sample of the people who could have answered, and the 95 % interval built
    on it assumes exactly that.
    """
    n = len(values)
    if n < 2:
        return None
    m = math.fsum(values) / n
    return math.sqrt(math.fsum((v - m) ** 2 for v in values) / (n - 1))


def _beta_continued_fraction(x: float, a: float, b: float) -> float:
    """Lentz's evaluation of the continued fraction for I_x(a, b)."""
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > _TINY else _TINY)
    h = d
    for m in range(1, 1000):
        m2 = 2 * m
        for numerator in (
            m * (b - m) * x / ((qam + m2) * (a + m2)),
            -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2)),
        ):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > _TINY else _TINY)
            c = 1.0 + numerator / c
            c = c if abs(c) > _TINY else _TINY
            h *= d * c
        if abs(d * c - 1.0) < _EPS:
            break
    return h


def incomplete_beta(x: float, a: float, b: float) -> float:
    """Regularised incomplete beta function I_x(a, b) for 0 ≤ x ≤ 1."""
    if not 0.0 <= x <= 1.0:
        raise ValueError(f"x must lie in [0, 1], got {x}")
    if x in (0.0, 1.0):
        return x
    log_front = (
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)
        + a * math.log(x) + b * math.log1p(-x)
    )
    front = math.exp(log_front)
    # The continued fraction converges fast only on one side of the mean;
    # use the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) on the other.
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _beta_continued_fraction(x, a, b) / a
    return 1.0 - front * _beta_continued_fraction(1.0 - x, b, a) / b


def t_cdf(t: float, df: float) -> float:
    """Cumulative distribution function of Student's t with ``df`` degrees of freedom."""
    if df <= 0:
        raise ValueError(f"degrees of freedom must be positive, got {df}")
    tail = 0.5 * incomplete_beta(df / (df + t * t), df / 2.0, 0.5)
    return 1.0 - tail if t >= 0 else tail


@lru_cache(maxsize=256)
def t_ppf(p: float, df: float) -> float:
    """Quantile of Student's t: the value t with ``t_cdf(t, df) == p``.

    Found by bisection on the monotone cdf; 200 halvings take the bracket to
    float resolution, which is far more than the 3-decimal tables need.
    Cached because a report asks for the same few (0.975, n − 1) pairs.
    """
    if not 0.0 < p < 1.0:
        raise ValueError(f"p must lie strictly between 0 and 1, got {p}")
    if p < 0.5:
        return -t_ppf(1.0 - p, df)
    low, high = 0.0, 1.0
    while t_cdf(high, df) < p:
        low, high = high, high * 2.0
    for _ in range(200):
        middle = (low + high) / 2.0
        if middle in (low, high):
            break
        if t_cdf(middle, df) < p:
            low = middle
        else:
            high = middle
    return (low + high) / 2.0

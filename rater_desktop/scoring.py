"""The scoring rules of DESIGN §3 as small pure functions.

Everything the report card shows is computed from these, so each rule lives in
exactly one place and is tested on its boundaries.  "No answer" is always
``None`` and is left out of every mean — N/A never counts as zero.

Standard deviations are *sample* standard deviations (divisor n − 1): a team
or a set of survey respondents is a sample, and the 95 % interval assumes it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from rater_desktop.model import DEFAULT_GAP_THRESHOLD, LETTERS
from rater_desktop.stats import mean, sample_sd, t_ppf

LETTER_POINTS: dict[str, int] = dict(zip(LETTERS, (4, 3, 2, 1, 0)))
NOT_APPLICABLE: frozenset[str] = frozenset({"", "NA", "N/A"})

GRADE_FLOORS: tuple[tuple[float, str], ...] = ((3.5, "A"), (2.5, "B"), (1.5, "C"), (0.5, "D"))
"""Lowest mean that still earns each letter; anything below 0.5 is an F."""

MIN_CUSTOMER_RESPONSES = 5
"""Below this many customer respondents a gap is shown as "few responses"."""
CONTEXT_FLAG_RANGE = 1.0
"""A spread of one full letter grade between time contexts is worth flagging."""

_DECIMALS = 6
"""Means are compared after rounding to 6 decimals so float noise
(3.4999999999 from summing thirds) does not change a letter or a flag."""


def _settled(value: float) -> float:
    return round(value, _DECIMALS)


# --- letters and scales ----------------------------------------------------


def letter_points(letter: str | None) -> int | None:
    """Points for a letter grade: A=4 … F=0; N/A, blank or None give None.

    >>> letter_points("B"), letter_points("NA")
    (3, None)
    """
    if letter is None:
        return None
    code = letter.strip().upper()
    if code in NOT_APPLICABLE:
        return None
    if code not in LETTER_POINTS:
        raise ValueError(f"not a grade: {letter!r}")
    return LETTER_POINTS[code]


def points_letter(points: float | None) -> str | None:
    """Letter for a mean on the 0–4 scale: A ≥ 3.5, B ≥ 2.5, C ≥ 1.5, D ≥ 0.5, else F.

    The mean is rounded to 6 decimals first, so 3.4999999 (float noise) is an
    A while 3.4999 is a B.  None (no answers) has no letter.
    """
    if points is None:
        return None
    settled = _settled(points)
    for floor, letter in GRADE_FLOORS:
        if settled >= floor:
            return letter
    return "F"


def scale_points(value: float, low: float, high: float, reverse: bool = False) -> float:
    """Map a value on a numeric scale [low, high] to 0–4 points.

    ``4·(v − low)/(high − low)``; a reverse-coded item is flipped first
    (``v' = low + high − v``) so that 4 is always the good end.
    """
    if not high > low:
        raise ValueError(f"scale maximum {high} must exceed minimum {low}")
    if not low <= value <= high:
        raise ValueError(f"{value} is outside the scale {low}–{high}")
    if reverse:
        value = low + high - value
    return 4.0 * (value - low) / (high - low)


# --- means and spreads -----------------------------------------------------


def respondent_score(points: Iterable[float | None]) -> float | None:
    """One respondent's dimension score: the mean of their answered items.

    Unanswered (None) items are skipped; a respondent who answered none of the
    dimension's items has no score at all (None), not a zero.
    """
    return mean([p for p in points if p is not None])


def dimension_score(graded: Sequence[float | None], quick_grade: str | None = None) -> float | None:
    """A participant's score on one dimension, from what they gave it.

    ``graded`` holds the points of each of the dimension's statements they
    graded (None for N/A).  Someone who graded none of them (not even N/A) but
    gave the dimension one grade in a quick round is scored by that grade: it
    stands for the whole dimension, so the two never mix.
    """
    if graded or quick_grade is None:
        return respondent_score(graded)
    return respondent_score([letter_points(quick_grade)])


@dataclass(frozen=True)
class Spread:
    """Descriptive statistics of respondent scores (any scale).

    ``sd`` is the sample sd (n − 1) and, like ``ci95``, is None when n < 2.
    """

    mean: float
    n: int
    sd: float | None
    min: float
    max: float
    ci95: tuple[float, float] | None


@dataclass(frozen=True)
class Stat(Spread):
    """A :class:`Spread` on the 0–4 points scale, with the letter of its mean."""

    grade: str


def ci95(mean_value: float, sd: float | None, n: int) -> tuple[float, float] | None:
    """95 % interval ``mean ± t(0.975, n−1)·sd/√n``; None when n < 2."""
    if n < 2 or sd is None:
        return None
    half = t_ppf(0.975, n - 1) * sd / math.sqrt(n)
    return (mean_value - half, mean_value + half)


def describe(scores: Iterable[float | None]) -> Spread | None:
    """Mean, n, sample sd, min, max and 95 % interval of the answered scores.

    None entries (respondents without an answer) are left out; with no scores
    at all there is nothing to describe and the result is None.
    """
    answered = [s for s in scores if s is not None]
    if not answered:
        return None
    m = mean(answered)
    sd = sample_sd(answered)
    return Spread(m, len(answered), sd, min(answered), max(answered), ci95(m, sd, len(answered)))


def point_stat(scores: Iterable[float | None]) -> Stat | None:
    """:func:`describe` for 0–4 point scores, adding the letter grade."""
    spread = describe(scores)
    if spread is None:
        return None
    values = {f.name: getattr(spread, f.name) for f in fields(spread)}
    return Stat(**values, grade=points_letter(spread.mean))


def weighted_mean(
    means: Mapping[str, float | None], weights: Mapping[str, float] | None = None
) -> float | None:
    """Overall score: the (weighted) mean of the dimension means.

    ``weights`` are the user's importance weights, which must be non-negative
    and sum to 100; None means equal weights.  A dimension without a mean
    (nobody answered it) is skipped and the remaining weights are renormalised
    so they still act as shares: a missing dimension neither drags the overall
    towards zero nor blocks it.  None when no dimension has a mean (or all the
    remaining weights are zero).
    """
    if weights is not None:
        if any(w < 0 for w in weights.values()) or not math.isclose(
            math.fsum(weights.values()), 100.0, abs_tol=1e-6
        ):
            raise ValueError("weights must be non-negative and sum to 100")
    present = {key: m for key, m in means.items() if m is not None}
    shares = {key: (1.0 if weights is None else weights.get(key, 0.0)) for key in present}
    total = math.fsum(shares.values())
    if total <= 0:
        return None
    return math.fsum(shares[key] * m for key, m in present.items()) / total


# --- internal versus customers ---------------------------------------------


def gap(internal: float | None, customer: float | None) -> float | None:
    """Internal mean − customer mean in points; None unless both exist."""
    if internal is None or customer is None:
        return None
    return internal - customer


def gap_flag(
    gap_value: float | None, customer_n: int, threshold: float = DEFAULT_GAP_THRESHOLD
) -> str | None:
    """Code for a gap: ``blind_spot`` (gap ≥ threshold), ``hidden_strength``
    (gap ≤ −threshold), ``aligned``, or ``few_responses`` when fewer than 5
    customers answered.  Both comparisons are inclusive and made after
    rounding to 6 decimals.  None when there is no gap to judge.
    """
    if gap_value is None:
        return None
    if customer_n < MIN_CUSTOMER_RESPONSES:
        return "few_responses"
    settled = _settled(gap_value)
    if settled >= threshold:
        return "blind_spot"
    if settled <= -threshold:
        return "hidden_strength"
    return "aligned"


def compression_ratio(
    internal: Mapping[str, float | None], customer: Mapping[str, float | None]
) -> float | None:
    """(max − min of internal means) / (max − min of customer means).

    Only dimensions that have *both* an internal and a customer mean take
    part, so the two ranges cover the same dimensions; at least two such
    dimensions are needed.  None when fewer than two are comparable or the
    customer range is 0 (after rounding to 6 decimals), where the ratio is
    undefined.  Below 1 the team flattens differences customers see.
    """
    keys = [k for k in internal if internal[k] is not None and customer.get(k) is not None]
    if len(keys) < 2:
        return None
    inner = [internal[k] for k in keys]
    outer = [customer[k] for k in keys]
    outer_range = max(outer) - min(outer)
    if _settled(outer_range) == 0:
        return None
    return (max(inner) - min(inner)) / outer_range


# --- SERVQUAL ----------------------------------------------------------------


def servqual_scores(
    gaps: Mapping[str, float | None], weights: Mapping[str, float] | None = None
) -> tuple[float | None, float | None]:
    """(unweighted, weighted) SERVQUAL score from per-dimension P − E gaps.

    Unweighted is the plain mean of the gaps; weighted is Σ w·gap / 100 with
    importance weights summing to 100.  Dimensions without a gap are skipped
    and weights renormalised, as for the overall grade.  Weighted is None when
    no importance weights were given: equal weights would only repeat the
    unweighted score.
    """
    unweighted = weighted_mean(gaps)
    weighted = None if weights is None else weighted_mean(gaps, weights)
    return unweighted, weighted


# --- KPIs ----------------------------------------------------------------------


def _percent(part: int, whole: int) -> float:
    return 100.0 * part / whole


def nps(scores: Iterable[float | None]) -> float | None:
    """Net Promoter Score from 0–10 answers: % promoters (9–10) − % detractors (0–6).

    Rounded to one decimal, halves away from zero (computed exactly, so
    1/16 = 6.25 % gives 6.3 whatever binary floats would do).  None without answers.
    """
    answered = [s for s in scores if s is not None]
    if not answered:
        return None
    promoters = sum(1 for s in answered if s >= 9)
    detractors = sum(1 for s in answered if s <= 6)
    exact = Fraction(100 * (promoters - detractors), len(answered))
    as_decimal = Decimal(exact.numerator) / Decimal(exact.denominator)
    return float(as_decimal.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def csat(scores: Iterable[float | None], scale_max: float = 5) -> float | None:
    """Customer satisfaction: % of answers in the top two points of a 1–5 scale
    (4 or 5 by default).  Not rounded.  None without answers."""
    answered = [s for s in scores if s is not None]
    if not answered:
        return None
    return _percent(sum(1 for s in answered if s >= scale_max - 1), len(answered))


def fcr(answers: Iterable[bool | None]) -> float | None:
    """First-contact resolution: % of yes among yes/no answers.  Not rounded."""
    answered = [a for a in answers if a is not None]
    if not answered:
        return None
    return _percent(sum(1 for a in answered if a), len(answered))


# --- continuum and time contexts ------------------------------------------------


def continuum_position(values: Iterable[float | None]) -> float | None:
    """One participant's position, 0 (pure efficiency) … 100 (pure intimacy).

    The mean over the answered items of ``(v − 1)/6·100`` for answers on the
    1–7 scale; None when no item was answered.
    """
    answered = []
    for value in values:
        if value is None:
            continue
        if not 1 <= value <= 7:
            raise ValueError(f"continuum answers run from 1 to 7, got {value}")
        answered.append((value - 1) / 6 * 100)
    return mean(answered)


def continuum_distance(current: float | None, desired: float | None) -> float | None:
    """Desired − current team position in continuum points (signed: positive
    means the team wants to move towards customer intimacy)."""
    if current is None or desired is None:
        return None
    return desired - current


def context_range(means: Iterable[float | None]) -> float | None:
    """Spread (max − min) of a dimension's time-context means.

    Contexts nobody graded are skipped; at least two graded contexts are
    needed for a range, otherwise None.
    """
    present = [m for m in means if m is not None]
    if len(present) < 2:
        return None
    return max(present) - min(present)


def context_flag(range_value: float | None) -> bool:
    """True when the contexts span a full letter grade (≥ 1.0 point) or more."""
    return range_value is not None and _settled(range_value) >= CONTEXT_FLAG_RANGE

"""Beyond the means: how answers are spread, where statements rank, the zone of tolerance.

A mean of 2.5 can be everyone lukewarm or a room split between delight and
anger; consultants' reports therefore show shares (top-two and bottom-two
boxes, the NPS split), rank the statements, and place perceived service
between the minimum customers accept and the service they desire (DESIGN §3,
zone of tolerance).  Pure functions over the frozen records of
:mod:`rater_desktop.model`; :mod:`rater_desktop.analysis` attaches the results
to the report card, and wording stays with the report and the UI.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from rater_desktop import scoring
from rater_desktop.model import Criterion, SurveyResults
from rater_desktop.scoring import Stat

RANKED = 5
"""How many statements a top or bottom list holds."""
MIN_ITEM_ANSWERS = 5
"""A customer item with fewer answers is not ranked (as a gap needs five responses to be flagged)."""
_EPS = 1e-9


@dataclass(frozen=True)
class BoxShares:
    """Percent of answers in the top two and the bottom two points of the scale, out of ``n``."""

    top_two: float
    bottom_two: float
    n: int


@dataclass(frozen=True)
class NpsSplit:
    """Percent promoters (9–10), passives (7–8) and detractors (0–6) among ``n`` answers."""

    promoters: float
    passives: float
    detractors: float
    n: int


@dataclass(frozen=True)
class Tolerance:
    """The zone of tolerance of one dimension, on the survey's own scale (DESIGN §3).

    ``position`` is ``below`` (perceived under the minimum), ``within`` or
    ``above`` (perceived over the desired level).
    """

    minimum: float
    desired: float
    perceived: float
    adequacy_gap: float
    """perceived − minimum"""
    superiority_gap: float
    """perceived − desired"""
    position: str
    scale_min: float
    scale_max: float


@dataclass(frozen=True)
class RankedStatement:
    """A statement (team) or survey item (customers) with its statistics on the 0–4 points scale."""

    dimension: str
    text: str
    stat: Stat
    criterion: Criterion | None = None
    """the framework criterion for team statements; None for a survey item (its column text)"""


@dataclass(frozen=True)
class Statements:
    """Statement-level view: best and worst five for the team and for customers, and the most disputed."""

    team_top: tuple[RankedStatement, ...] = ()
    team_bottom: tuple[RankedStatement, ...] = ()
    team_disagreed: tuple[RankedStatement, ...] = ()
    """highest spread of votes first (sd > 0 only)"""
    customer_top: tuple[RankedStatement, ...] = ()
    customer_bottom: tuple[RankedStatement, ...] = ()
    team_count: int = 0
    customer_count: int = 0


def _settled(value: float) -> float:
    return round(value, 6)


def team_boxes(codes: Iterable[str]) -> BoxShares | None:
    """Shares of A+B and of D+F among the letter votes (N/A left out, as in every mean)."""
    points = [p for p in (scoring.letter_points(code) for code in codes) if p is not None]
    if not points:
        return None
    top = sum(1 for p in points if p >= 3)
    bottom = sum(1 for p in points if p <= 1)
    return BoxShares(100.0 * top / len(points), 100.0 * bottom / len(points), len(points))


def customer_boxes(surveys: Sequence[SurveyResults], key: str) -> BoxShares | None:
    """Shares of respondents whose dimension score lies in the top two / bottom two points of their scale.

    A respondent's score is the mean of their answered items, so "top two"
    means a mean at or above the scale's second-highest point (4 on 1–5).
    Scales with fewer than four points have no top and bottom two; such
    surveys are left out.
    """
    top = bottom = n = 0
    for survey in surveys:
        span = survey.scale_max - survey.scale_min
        if span < 3:
            continue
        high, low = 4.0 * (span - 1) / span, 4.0 / span
        for score in survey.dimension_scores.get(key, ()):
            if score is None:
                continue
            n += 1
            top += score >= high - _EPS
            bottom += score <= low + _EPS
    return BoxShares(100.0 * top / n, 100.0 * bottom / n, n) if n else None


def nps_split(scores: Iterable[float | None]) -> NpsSplit | None:
    """The three NPS groups as percentages of the 0–10 answers given."""
    answered = [s for s in scores if s is not None]
    if not answered:
        return None
    promoters = sum(1 for s in answered if s >= 9)
    detractors = sum(1 for s in answered if s <= 6)
    n = len(answered)
    return NpsSplit(100.0 * promoters / n, 100.0 * (n - promoters - detractors) / n, 100.0 * detractors / n, n)


def _pooled_mean(surveys: Sequence[SurveyResults], table: str, key: str) -> float | None:
    spread = scoring.describe(v for s in surveys for v in getattr(s, table).get(key, ()))
    return spread.mean if spread else None


def tolerance(surveys: Sequence[SurveyResults], key: str) -> Tolerance | None:
    """Minimum, desired and perceived means of one dimension, and where perceived falls.

    Needs minimum and desired (expectation) items mapped for the dimension.
    The three levels stay on the survey's own scale, so surveys on different
    scales give no zone rather than a meaningless blend.
    """
    used = [s for s in surveys if s.minimum.get(key) and s.expectation.get(key)]
    if not used or len({(s.scale_min, s.scale_max) for s in used}) > 1:
        return None
    minimum = _pooled_mean(used, "minimum", key)
    desired = _pooled_mean(used, "expectation", key)
    perceived = _pooled_mean(used, "perception", key)
    if minimum is None or desired is None or perceived is None:
        return None
    if _settled(perceived) < _settled(minimum):
        position = "below"
    elif _settled(perceived) > _settled(desired):
        position = "above"
    else:
        position = "within"
    return Tolerance(minimum, desired, perceived, perceived - minimum, perceived - desired, position,
                     used[0].scale_min, used[0].scale_max)


def team_statements(results: Iterable[tuple[Criterion, Stat | None]]) -> list[RankedStatement]:
    """The graded criteria as statements to rank (the report words them in its language)."""
    return [RankedStatement(criterion.dimension, criterion.text, stat, criterion) for criterion, stat in results if stat]


def customer_items(surveys: Sequence[SurveyResults]) -> list[RankedStatement]:
    """Each mapped survey item (pooled over the surveys by dimension and column) with enough answers."""
    pooled: dict[tuple[str, str], list[float | None]] = {}
    for survey in surveys:
        for item, answers in survey.items.items():
            pooled.setdefault(item, []).extend(answers)
    ranked = []
    for (key, column), answers in pooled.items():
        stat = scoring.point_stat(answers)
        if stat is not None and stat.n >= MIN_ITEM_ANSWERS:
            ranked.append(RankedStatement(key, column, stat))
    return ranked


def _ends(ranked: Sequence[RankedStatement]) -> tuple[tuple[RankedStatement, ...], tuple[RankedStatement, ...]]:
    """Best and worst :data:`RANKED` (worst first); with fewer than ten, the better half and the rest."""
    best = sorted(ranked, key=lambda r: -r.stat.mean)
    count = min(RANKED, (len(best) + 1) // 2)
    return tuple(best[:count]), tuple(reversed(best[count:]))[:RANKED]


def statements(team: Sequence[RankedStatement], customers: Sequence[RankedStatement]) -> Statements:
    """Top and bottom five on each side and the five statements the team disagreed on most."""
    customer_top, customer_bottom = _ends(customers)
    return with_team(Statements(customer_top=customer_top, customer_bottom=customer_bottom,
                                customer_count=len(customers)), team)


def with_team(ranked: Statements, team: Sequence[RankedStatement]) -> Statements:
    """``ranked`` with its team side ranked again from ``team`` (the statements that may be shown)."""
    team_top, team_bottom = _ends(team)
    disputed = sorted((r for r in team if r.stat.sd), key=lambda r: -r.stat.sd)[:RANKED]
    return replace(ranked, team_top=team_top, team_bottom=team_bottom, team_disagreed=tuple(disputed),
                   team_count=len(team))

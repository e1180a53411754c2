"""The customer side of a round's report card: what the counted surveys alone say.

Customer respondents are the rows of the round's *included* surveys, pooled (a
survey kept aside counts nowhere, see :mod:`rater_desktop.survey_sources`);
SERVQUAL, which stays on a survey's own scale, is pooled only over surveys that
share one.  Kept apart from :mod:`rater_desktop.analysis` because these figures
change only when a survey does: with 100,000 responses they take about a second
while the team's side takes milliseconds, so ``rater_desktop.cards`` computes
them once per set of surveys and the roll-up reuses the same rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rater_desktop import distributions, scoring
from rater_desktop.distributions import NpsSplit
from rater_desktop.model import DIMENSION_KEYS, AssessmentData, SurveyResults
from rater_desktop.scoring import Stat
from rater_desktop.survey_sources import same_scale


@dataclass(frozen=True)
class ServqualResult:
    """Mean perception, mean expectation and P − E, on the survey's own scale."""

    perception: float
    expectation: float
    gap: float


@dataclass(frozen=True)
class Kpis:
    nps: float | None
    csat: float | None
    fcr: float | None


@dataclass(frozen=True)
class CustomerSide:
    """One dimension's figures that come from the counted surveys alone."""

    stat: Stat | None
    servqual: ServqualResult | None
    tolerance: distributions.Tolerance | None
    boxes: distributions.BoxShares | None


@dataclass(frozen=True)
class CustomerFigures:
    """Everything a report card takes from the counted surveys alone.

    With 100,000 responses these take about a second to compute, while the
    team's side takes milliseconds; they change only when a survey does, so
    a cache computes them once per set of surveys (``rater_desktop.cards``)
    and hands them to :func:`report_card` after each grade.
    """

    dimensions: dict[str, CustomerSide]
    kpis: Kpis
    nps_split: NpsSplit | None
    items: tuple[distributions.RankedStatement, ...]
    span: float | None
    """points between the ends of the SERVQUAL scale (None: no perception items)"""


def customer_figures(data: AssessmentData) -> CustomerFigures:
    """The survey side of ``data``'s report card (only ``data.surveys`` is read)."""
    surveys = counted_surveys(data)
    return CustomerFigures(
        dimensions={
            key: CustomerSide(
                stat=scoring.point_stat(_pooled(s.dimension_scores.get(key, ()) for s in surveys)),
                servqual=servqual(data, key),
                tolerance=distributions.tolerance(surveys, key),
                boxes=distributions.customer_boxes(surveys, key),
            )
            for key in DIMENSION_KEYS
        },
        kpis=_kpis(data),
        nps_split=distributions.nps_split(_pooled(s.nps for s in surveys)),
        items=tuple(distributions.customer_items(surveys)),
        span=next((s.scale_max - s.scale_min for s in surveys if s.perception), None),
    )


def counted_surveys(data: AssessmentData) -> list[SurveyResults]:
    """The round's surveys that count in its comparison (the roll-up pools these too)."""
    return [survey for survey in data.surveys if survey.included]


def _pooled(series: Iterable[Iterable[float | None]]) -> list[float | None]:
    """Concatenate per-respondent series of several surveys into one."""
    return [value for values in series for value in values]


def servqual(data: AssessmentData, key: str) -> ServqualResult | None:
    """P − E for one dimension, or None unless both sides were imported (public: the roll-up uses it).

    P and E stay on the survey's own scale, so counted surveys are pooled only
    when every one with SERVQUAL items here answers on the same scale; mixed
    scales give no SERVQUAL result rather than a meaningless blend.
    """
    surveys = [s for s in counted_surveys(data) if s.perception.get(key) or s.expectation.get(key)]
    scales = [s.source().scale for s in surveys]
    if any(not same_scale(scales[0], other) for other in scales[1:]):
        return None
    perception = scoring.describe(_pooled(s.perception.get(key, ()) for s in surveys))
    expectation = scoring.describe(_pooled(s.expectation.get(key, ()) for s in surveys))
    if perception is None or expectation is None:
        return None
    return ServqualResult(perception.mean, expectation.mean, perception.mean - expectation.mean)


def _kpis(data: AssessmentData) -> Kpis:
    counted = counted_surveys(data)
    return Kpis(
        nps=scoring.nps(_pooled(s.nps for s in counted)),
        csat=scoring.csat(_pooled(s.csat for s in counted)),
        fcr=scoring.fcr(_pooled(s.fcr for s in counted)),
    )

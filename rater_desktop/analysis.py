"""One round of a workbook → its report card.

:func:`report_card` is pure: it takes the :class:`~rater_desktop.model.AssessmentData`
that storage read and returns frozen results built only from the rules in
:mod:`rater_desktop.scoring`, so the GUI, the PDF, the CLI summary and the tests
all see the same numbers.  Results are codes and numbers; wording (in the
user's language) is the UI's and the report's job.

Internal respondents are participants: a participant's dimension score is the
mean of their answered (non-N/A) grades on the dimension's visible criteria,
or their quick-round grade for the dimension when they graded none of them
(:func:`respondent_scores`); hidden criteria take no part anywhere.  The
customers' figures come from :mod:`rater_desktop.customer_side`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from rater_desktop import distributions, priorities, scoring
from rater_desktop.customer_side import (
    CustomerFigures,
    CustomerSide,
    Kpis,
    ServqualResult,
    counted_surveys,
    customer_figures,
)
from rater_desktop.distributions import BoxShares, NpsSplit, Statements, Tolerance
from rater_desktop.model import (
    DIMENSION_KEYS,
    GRADES,
    Action,
    Assessment,
    AssessmentData,
    Criterion,
    Grade,
    Participant,
    SurveyComment,
    SurveySource,
    TimeContext,
)
from rater_desktop.scoring import Spread, Stat


@dataclass(frozen=True)
class Score:
    """A mean on the 0–4 points scale with its letter (used for overall scores)."""

    mean: float
    grade: str


@dataclass(frozen=True)
class CriterionResult:
    criterion: Criterion
    stat: Stat | None
    distribution: dict[str, int]
    """how many participants gave each code, over A, B, C, D, F, NA"""
    notes: tuple[str, ...]
    """non-empty notes in participant order, without names (privacy rule)"""
    consensus: str | None = None
    withheld: bool = False
    """True when too few people graded it for its figures and notes to be shown (``privacy.shown_card``)"""


@dataclass(frozen=True)
class DimensionResult:
    key: str
    internal: Stat | None
    consensus: str | None
    consensus_rationale: str
    customer: Stat | None
    gap: float | None
    flag: str | None
    """blind_spot | hidden_strength | aligned | few_responses | None (no gap)"""
    servqual: ServqualResult | None
    criteria: tuple[CriterionResult, ...]
    contexts: tuple[tuple[TimeContext, Stat | None], ...]
    context_range: float | None
    context_flag: bool
    tolerance: Tolerance | None = None
    """minimum, desired and perceived service on the survey's scale (when minimum items are mapped)"""
    team_boxes: BoxShares | None = None
    """shares of A+B and D+F votes"""
    customer_boxes: BoxShares | None = None
    """shares of respondents in the top two and bottom two points of their scale"""


@dataclass(frozen=True)
class ContinuumResult:
    """Team positions (0 = efficiency … 100 = intimacy) and desired − current."""

    current: Spread | None
    desired: Spread | None
    distance: float | None


@dataclass(frozen=True)
class Reading:
    """A plain fact about the card, as a code plus numbers.

    Codes: ``strongest`` / ``weakest`` (dimension by team mean),
    ``widest_disagreement`` (value = team sd), ``context_varies`` (value =
    range, contexts = (highest, lowest) context names), ``blind_spot`` /
    ``hidden_strength`` (value = gap), ``compressed`` (value = compression
    ratio, when below 1).
    """

    code: str
    dimension: str | None = None
    value: float | None = None
    contexts: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReportCard:
    assessment: Assessment
    organisation: str
    dimensions: tuple[DimensionResult, ...]
    """always five, in DIMENSION_KEYS order"""
    overall_internal: Score | None
    overall_customer: Score | None
    compression_ratio: float | None
    continuum: ContinuumResult
    kpis: Kpis
    servqual_unweighted: float | None
    servqual_weighted: float | None
    readings: tuple[Reading, ...]
    actions: tuple[Action, ...] = ()
    """the round's improvement actions, as stored (for the action plan)"""
    sources: tuple[SurveySource, ...] = ()
    """every survey imported into the round; the customer figures come from the included ones"""
    servqual_weights: dict[str, float] | None = None
    """the importance weights behind ``servqual_weighted`` (None: not set)"""
    nps_split: NpsSplit | None = None
    statements: Statements = Statements()
    comments: tuple[SurveyComment, ...] = ()
    """the customers' own words the person has not left out"""
    priorities: tuple[priorities.Priority, ...] = ()
    """the dimensions to improve first, most urgent first, each with its reasons"""

    def dimension(self, key: str) -> DimensionResult:
        """The result for one dimension key."""
        return next(d for d in self.dimensions if d.key == key)

    def criterion(self, criterion_id: int) -> CriterionResult | None:
        """The result for one visible criterion, or None (unknown or hidden)."""
        for dimension in self.dimensions:
            for result in dimension.criteria:
                if result.criterion.id == criterion_id:
                    return result
        return None


def report_card(data: AssessmentData, customers: CustomerFigures | None = None) -> ReportCard:
    """Compute the whole report card of one round (pure; no database).

    ``customers`` is ``customer_figures(data)`` when the caller kept it from
    an earlier card of the same surveys (computed here otherwise).
    """
    customers = customer_figures(data) if customers is None else customers
    grades = _grades_by_criterion(data)
    dimensions = tuple(_dimension(data, key, grades, customers.dimensions[key]) for key in DIMENSION_KEYS)
    internal_means = {d.key: d.internal.mean if d.internal else None for d in dimensions}
    customer_means = {d.key: d.customer.mean if d.customer else None for d in dimensions}
    servqual_gaps = {d.key: d.servqual.gap if d.servqual else None for d in dimensions}
    unweighted, weighted = scoring.servqual_scores(servqual_gaps, data.servqual_weights)
    ratio = scoring.compression_ratio(internal_means, customer_means)
    counted = {s.id for s in counted_surveys(data)}
    return ReportCard(
        assessment=data.assessment,
        organisation=data.organisation,
        dimensions=dimensions,
        overall_internal=_score(scoring.weighted_mean(internal_means, data.weights)),
        overall_customer=_score(scoring.weighted_mean(customer_means, data.weights)),
        compression_ratio=ratio,
        continuum=_continuum(data),
        kpis=customers.kpis,
        servqual_unweighted=unweighted,
        servqual_weighted=weighted,
        readings=readings(dimensions, ratio),
        actions=data.actions,
        sources=tuple(survey.source() for survey in data.surveys),
        servqual_weights=data.servqual_weights,
        nps_split=customers.nps_split,
        statements=distributions.statements(
            distributions.team_statements((c.criterion, c.stat) for d in dimensions for c in d.criteria),
            list(customers.items)),
        comments=tuple(c for c in data.comments if not c.hidden and c.survey_id in counted),
        priorities=priorities.rank(dimensions, data.servqual_weights or data.weights, customers.span),
    )


def _score(mean: float | None) -> Score | None:
    return None if mean is None else Score(mean, scoring.points_letter(mean))


# --- internal side -------------------------------------------------------------


def _dimension(
    data: AssessmentData, key: str, grades: Mapping[int, Mapping[int, Grade]], customers: CustomerSide
) -> DimensionResult:
    criteria = sorted(
        (c for c in data.criteria if c.dimension == key and not c.hidden),
        key=lambda c: (c.position, c.id),
    )
    criterion_consensus = {
        c.criterion_id: c.grade
        for c in data.consensus
        if c.dimension == key and c.criterion_id is not None
    }
    dimension_consensus = next(
        (c for c in data.consensus if c.dimension == key and c.criterion_id is None), None
    )
    internal = scoring.point_stat(score for _person, score in respondent_scores(data, key, grades))
    customer = customers.stat
    gap = scoring.gap(internal.mean if internal else None, customer.mean if customer else None)
    contexts = _contexts(data, key)
    context_range = scoring.context_range(stat.mean if stat else None for _, stat in contexts)
    return DimensionResult(
        key=key,
        internal=internal,
        consensus=_grade_or_none(dimension_consensus.grade) if dimension_consensus else None,
        consensus_rationale=dimension_consensus.rationale if dimension_consensus else "",
        customer=customer,
        gap=gap,
        flag=scoring.gap_flag(gap, customer.n if customer else 0, data.gap_threshold),
        servqual=customers.servqual,
        criteria=tuple(
            _criterion(data, c, grades.get(c.id, {}), _grade_or_none(criterion_consensus.get(c.id)))
            for c in criteria
        ),
        contexts=contexts,
        context_range=context_range,
        context_flag=scoring.context_flag(context_range),
        tolerance=customers.tolerance,
        team_boxes=distributions.team_boxes(
            g.grade for c in criteria for g in grades.get(c.id, {}).values()),
        customer_boxes=customers.boxes,
    )


def respondent_scores(
    data: AssessmentData, key: str, grades: Mapping[int, Mapping[int, Grade]] | None = None
) -> list[tuple[Participant, float | None]]:
    """Each participant's score on dimension ``key``, in participant order (None: nothing answered).

    The rule is :func:`scoring.dimension_score`: the mean of the statements
    they graded (N/A left out), or their quick-round grade for the dimension
    (``data.dimension_grades``) when they graded none of its statements.
    ``grades`` is ``_grades_by_criterion(data)`` when the caller has it.
    """
    grades = _grades_by_criterion(data) if grades is None else grades
    criteria = [c.id for c in data.criteria if c.dimension == key and not c.hidden]
    quick = {g.participant_id: g.grade for g in data.dimension_grades if g.dimension == key}
    scores = []
    for person in data.participants:
        graded = [_points(grades, cid, person.id) for cid in criteria if person.id in grades.get(cid, {})]
        scores.append((person, scoring.dimension_score(graded, quick.get(person.id))))
    return scores


def _grade_or_none(code: str | None) -> str | None:
    """A consensus of N/A (or none) has no grade to show."""
    if code is None or scoring.letter_points(code) is None:
        return None
    return code.strip().upper()


def _points(
    grades: Mapping[int, Mapping[int, Grade]], criterion_id: int, participant_id: int
) -> int | None:
    grade = grades.get(criterion_id, {}).get(participant_id)
    return scoring.letter_points(grade.grade) if grade else None


def _grades_by_criterion(data: AssessmentData) -> dict[int, dict[int, Grade]]:
    """criterion id → participant id → grade, for this round's participants only."""
    members = {p.id for p in data.participants}
    table: defaultdict[int, dict[int, Grade]] = defaultdict(dict)
    for grade in data.grades:
        if grade.participant_id in members:
            table[grade.criterion_id][grade.participant_id] = grade
    return dict(table)


def _criterion(
    data: AssessmentData, criterion: Criterion, given: Mapping[int, Grade], consensus: str | None
) -> CriterionResult:
    in_order = [given[p.id] for p in data.participants if p.id in given]
    distribution = dict.fromkeys(GRADES, 0)
    for grade in in_order:
        code = grade.grade.strip().upper()
        distribution["NA" if scoring.letter_points(code) is None else code] += 1
    return CriterionResult(
        criterion=criterion,
        stat=scoring.point_stat(scoring.letter_points(g.grade) for g in in_order),
        distribution=distribution,
        notes=tuple(g.note.strip() for g in in_order if g.note.strip()),
        consensus=consensus,
    )


def _contexts(data: AssessmentData, key: str) -> tuple[tuple[TimeContext, Stat | None], ...]:
    members = {p.id for p in data.participants}
    points: defaultdict[int, list[int | None]] = defaultdict(list)
    for grade in data.context_grades:
        if grade.dimension == key and grade.participant_id in members:
            points[grade.context_id].append(scoring.letter_points(grade.grade))
    ordered = sorted(data.contexts, key=lambda c: (c.position, c.id))
    return tuple((context, scoring.point_stat(points[context.id])) for context in ordered)


def _continuum(data: AssessmentData) -> ContinuumResult:
    members = {p.id for p in data.participants}
    answers: defaultdict[tuple[str, int], list[int]] = defaultdict(list)
    for answer in data.continuum:
        if answer.participant_id in members:
            answers[(answer.kind, answer.participant_id)].append(answer.value)

    def team(kind: str) -> Spread | None:
        return scoring.describe(
            scoring.continuum_position(answers[(kind, p.id)]) for p in data.participants
        )

    current, desired = team("current"), team("desired")
    distance = scoring.continuum_distance(
        current.mean if current else None, desired.mean if desired else None
    )
    return ContinuumResult(current, desired, distance)


# --- readings -------------------------------------------------------------------------


def readings(dimensions: tuple[DimensionResult, ...], ratio: float | None) -> tuple[Reading, ...]:
    """Facts worth saying in words, most general first.

    Strongest/weakest need two dimensions with different team means (ties go
    to the first in DIMENSION_KEYS order); the widest disagreement needs a
    team sd above 0.
    """
    readings: list[Reading] = []
    rated = [d for d in dimensions if d.internal]
    if len(rated) >= 2:
        best = max(rated, key=lambda d: d.internal.mean)
        worst = min(rated, key=lambda d: d.internal.mean)
        if best.internal.mean != worst.internal.mean:
            readings.append(Reading("strongest", best.key, best.internal.mean))
            readings.append(Reading("weakest", worst.key, worst.internal.mean))
    spread = [d for d in rated if d.internal.sd]
    if spread:
        widest = max(spread, key=lambda d: d.internal.sd)
        readings.append(Reading("widest_disagreement", widest.key, widest.internal.sd))
    for d in dimensions:
        if d.flag in ("blind_spot", "hidden_strength"):
            readings.append(Reading(d.flag, d.key, d.gap))
    for d in dimensions:
        if d.context_flag:
            graded = [(context, stat) for context, stat in d.contexts if stat]
            high = max(graded, key=lambda item: item[1].mean)[0]
            low = min(graded, key=lambda item: item[1].mean)[0]
            names = (high.name, low.name)
            readings.append(Reading("context_varies", d.key, d.context_range, names))
    if ratio is not None and ratio < 1:
        readings.append(Reading("compressed", value=ratio))
    return tuple(readings)

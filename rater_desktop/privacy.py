"""The privacy rule of DESIGN §3, for everything that leaves the room: report, export, JSON, screens.

For a group of fewer than :data:`MIN_GROUP` people only the group's dimension
results may be shown: no per-statement vote counts, no notes or roles that
point to a person, no per-person rows.  Names go with individual grades only
when the facilitator turned ``show_names`` on, and never for a group under
three.

The rule holds per item too: a statement, a situation (time context) or a
dimension's spread that fewer than three people answered gives those few
away as surely as a small round would (in a round of three where one person
graded a single statement, the other statements' vote counts are two
people's votes).  :func:`shown_card` and :func:`shown_grades` apply it once
for every place that shows figures or rows; the workshop's reveal applies
:func:`enough` to one dimension's voters.

The group is the people who answered something in the round: someone on the
list who never graded does not hide the two who did.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from rater_desktop import scoring
from rater_desktop.analysis import CriterionResult, DimensionResult, ReportCard, readings
from rater_desktop.distributions import team_statements, with_team
from rater_desktop.model import AssessmentData, DimensionGrade, Grade
from rater_desktop.scoring import Stat

MIN_GROUP = 3
"""Fewest people whose answers may be shown per person or per item."""


def enough(people: int) -> bool:
    """Whether a figure over this many people's answers may be shown per item."""
    return people >= MIN_GROUP


def group_size(data: AssessmentData) -> int:
    """How many of the round's participants gave at least one answer (grade, situation, quick round or continuum)."""
    members = {p.id for p in data.participants}
    answered = {g.participant_id for g in data.grades}
    answered |= {g.participant_id for g in data.context_grades}
    answered |= {g.participant_id for g in data.dimension_grades}
    answered |= {a.participant_id for a in data.continuum}
    return len(members & answered)


def small_group(data: AssessmentData) -> bool:
    """True when the round's results may only be shown per dimension, for the whole group."""
    return not enough(group_size(data))


def names_shown(data: AssessmentData) -> bool:
    """True when individual answers may carry the person's name."""
    return data.show_names and not small_group(data)


def shown_card(card: ReportCard, data: AssessmentData) -> ReportCard:
    """``card`` as it may be shown: every item fewer than :data:`MIN_GROUP` people answered withheld.

    A statement graded by fewer (or any statement, in a small round) keeps
    only its text and agreed grade: no mean, vote counts or notes.  A
    situation's mean over fewer is left out, and the dimension's range across
    situations is taken from those shown.  A dimension keeps its mean (the
    group's result) but not the spread of fewer than three scores.  The
    readings and the statement rankings are worked out again from what is shown.
    """
    small = small_group(data)
    dimensions = tuple(_shown_dimension(d, small) for d in card.dimensions)
    team = team_statements((c.criterion, c.stat) for d in dimensions for c in d.criteria)
    return replace(card, dimensions=dimensions, readings=readings(dimensions, card.compression_ratio),
                   statements=with_team(card.statements, team))


def _shown_dimension(result: DimensionResult, small: bool) -> DimensionResult:
    contexts = tuple((context, stat if stat and enough(stat.n) else None) for context, stat in result.contexts)
    span = scoring.context_range(stat.mean if stat else None for _context, stat in contexts)
    few = result.internal is not None and not enough(result.internal.n)
    return replace(result, internal=_without_spread(result.internal) if few else result.internal,
                   team_boxes=None if few else result.team_boxes,
                   criteria=tuple(_shown_criterion(c, small) for c in result.criteria),
                   contexts=contexts, context_range=span, context_flag=scoring.context_flag(span))


def _without_spread(stat: Stat) -> Stat:
    return replace(stat, sd=None, ci95=None)


def _shown_criterion(result: CriterionResult, small: bool) -> CriterionResult:
    if not small and enough(sum(result.distribution.values())):
        return result
    return replace(result, stat=None, distribution={}, notes=(), withheld=True)


def shown_grades(data: AssessmentData) -> tuple[list[Grade], list[DimensionGrade]]:
    """The round's grades that may go out one row per person: none in a small round, and none of a
    statement (or of a dimension's quick-round grades) that fewer than :data:`MIN_GROUP` people gave."""
    if small_group(data):
        return [], []
    members = {p.id for p in data.participants}
    grades = [g for g in data.grades if g.participant_id in members]
    quick = [g for g in data.dimension_grades if g.participant_id in members]
    per_statement = Counter(g.criterion_id for g in grades)
    per_dimension = Counter(g.dimension for g in quick)
    return ([g for g in grades if enough(per_statement[g.criterion_id])],
            [g for g in quick if enough(per_dimension[g.dimension])])

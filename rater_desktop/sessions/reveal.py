"""What a workshop's reveal may show, and in which order the room discusses it.

Every screen of a workshop (facilitator, presenter, report) gets the votes of
a dimension only through :func:`reveal`, so the privacy rule of DESIGN §3 is
enforced once, here:

- a group of fewer than :data:`MIN_GROUP` people gets no per-person results at
  all (no distribution, no individual scores), only the team mean;
- names are attached to individual scores only when the workbook's
  ``show_names`` setting is on; otherwise the scores are sorted, so even their
  order says nothing about who gave which.

A participant's *vote* on a dimension is their dimension score: the mean of
the grades they gave on its visible criteria (N/A left out), exactly as the
report card computes it.
"""

from __future__ import annotations

from dataclasses import dataclass

from rater_desktop import scoring
from rater_desktop.analysis import ReportCard, respondent_scores
from rater_desktop.model import DIMENSION_KEYS, LETTERS, AssessmentData
from rater_desktop.privacy import enough
from rater_desktop.scoring import Stat


@dataclass(frozen=True)
class QueueItem:
    """One dimension in the discussion queue, with why it is there.

    ``priority`` = ``spread`` + ``|gap|`` (both in points, missing parts as 0);
    ``reasons`` are codes for the UI: ``disagreement`` (team sd ≥
    :data:`DISAGREEMENT_SD`), ``blind_spot`` / ``hidden_strength`` (the flag).
    """

    dimension: str
    priority: float
    spread: float | None
    gap: float | None
    flag: str | None
    reasons: tuple[str, ...]


DISAGREEMENT_SD = 0.75
"""A team sd (points) from which the votes are called a real disagreement:
three quarters of a letter grade between typical votes."""


def discussion_queue(card: ReportCard) -> list[QueueItem]:
    """Dimensions in the order a room should discuss them, most contested first.

    The combined ordering: ``priority = sd of the team's votes + |internal −
    customer gap|``.  Both are on the 0–4 points scale, so they add up without
    weights: a dimension where votes spread by one grade and customers agree
    (1.0 + 0) ranks with one where the team agrees but customers see it a full
    grade differently (0 + 1.0).  The gap counts only when it carries a flag
    (``blind_spot``, ``hidden_strength``, ``aligned``): with "few responses" it
    is too unsure to steer the discussion.  A missing sd (fewer than two
    voters) counts 0.  Ties keep the DIMENSION_KEYS order.  Dimensions nobody
    graded and without a gap are left out.
    """
    items = []
    for result in card.dimensions:
        spread = result.internal.sd if result.internal else None
        gap = result.gap if result.flag in ("blind_spot", "hidden_strength", "aligned") else None
        if result.internal is None and gap is None:
            continue
        reasons = []
        if spread is not None and spread >= DISAGREEMENT_SD:
            reasons.append("disagreement")
        if result.flag in ("blind_spot", "hidden_strength"):
            reasons.append(result.flag)
        priority = (spread or 0.0) + abs(gap or 0.0)
        items.append(QueueItem(result.key, priority, spread, gap, result.flag, tuple(reasons)))
    order = {key: index for index, key in enumerate(DIMENSION_KEYS)}
    return sorted(items, key=lambda item: (-round(item.priority, 6), order[item.dimension]))


@dataclass(frozen=True)
class Reveal:
    """What may be shown about one dimension's votes.

    ``distribution`` counts voters per letter of their vote (A..F); empty, like
    ``votes``, when ``withheld``.  ``names`` lines up with ``votes`` and is
    empty unless names may be shown.
    """

    dimension: str
    voters: int
    withheld: bool
    """True when the group is too small for per-person results"""
    distribution: dict[str, int]
    votes: tuple[float, ...]
    names: tuple[str, ...]
    team: Stat | None
    consensus: str | None
    customer: Stat | None
    flag: str | None


def reveal(card: ReportCard, data: AssessmentData, dimension: str) -> Reveal:
    """The reveal of ``dimension``, with the privacy rule applied (see the module doc)."""
    result = card.dimension(dimension)
    scored = [(person, score) for person, score in respondent_scores(data, dimension) if score is not None]
    voters = len(scored)
    withheld = not enough(voters)
    if withheld:
        scored = []
    elif not data.show_names:
        scored.sort(key=lambda pair: pair[1])
    distribution = dict.fromkeys(LETTERS, 0) if not withheld else {}
    for _person, score in scored:
        distribution[scoring.points_letter(score)] += 1
    return Reveal(
        dimension=dimension,
        voters=voters,
        withheld=withheld,
        distribution=distribution,
        votes=tuple(score for _person, score in scored),
        names=tuple(person.name for person, _score in scored) if data.show_names else (),
        team=result.internal,
        consensus=result.consensus,
        customer=result.customer,
        flag=result.flag,
    )

"""The report card as the JSON summary of DESIGN §5 (``summary --json``).

Scripts and other tools read this, so its shape is a contract: every key is
always present, absent parts are ``null``, dimensions come in DIMENSION_KEYS
order and numbers are not rounded (rounding is for display).

Choices the design leaves open, made here:

- a dimension's ``internal`` is ``null`` when no participant graded it and no
  consensus was agreed; with only a consensus it is
  ``{"mean": null, "grade": null, "n": 0, "consensus": "B"}``;
- an action's empty owner is ``null``, like every other absent value;
- ``servqual`` is ``null`` without a SERVQUAL result; its ``weighted`` and
  ``weights`` are ``null`` until importance weights are set.

A summary of round k uses rounds 1..k only (:mod:`rater_desktop.history`).
It holds the group's results per dimension and nothing per person or per
statement, so the privacy rule of DESIGN §3 holds for any group size.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rater_desktop.analysis import DimensionResult, ReportCard, Score
from rater_desktop.distributions import Tolerance
from rater_desktop.history import rounds_up_to
from rater_desktop.model import Action, Assessment
from rater_desktop.scoring import Spread, Stat
from rater_desktop.survey_sources import source_json


def summary_dict(
    card: ReportCard,
    rounds: Sequence[tuple[Assessment, ReportCard]],
    names: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The DESIGN §5 summary of ``card``.

    ``rounds`` holds rounds of the workbook (in any order; they are listed
    oldest first by date, then id); rounds later than the card's own are left
    out, and the card's own round is added if missing.  ``names`` maps
    dimension keys to display names; by default the built-in names in the
    current language.
    """
    if names is None:
        from rater_desktop.framework import dimension_name

        names = {d.key: dimension_name(d.key) for d in card.dimensions}
    everything = {assessment.id: (assessment, other) for assessment, other in rounds}
    everything.setdefault(card.assessment.id, (card.assessment, card))
    ordered = sorted(everything.values(), key=lambda item: (item[0].date, item[0].id))
    now = (card.assessment.date, card.assessment.id)
    ordered = [item for item in ordered if (item[0].date, item[0].id) <= now]
    return {
        "assessment": _assessment(card.assessment),
        "dimensions": [_dimension(d, names[d.key]) for d in card.dimensions],
        "overall": {
            "internal": _score(card.overall_internal),
            "customer": _score(card.overall_customer),
        },
        "compression_ratio": card.compression_ratio,
        "continuum": {
            "current": _position(card.continuum.current),
            "desired": _position(card.continuum.desired),
        },
        "kpis": {"nps": card.kpis.nps, "csat": card.kpis.csat, "fcr": card.kpis.fcr},
        "actions": [_action(card, action) for action in card.actions],
        "rounds": [
            {
                **_assessment(assessment),
                "internal": _score(other.overall_internal),
                "customer": _score(other.overall_customer),
            }
            for assessment, other in ordered
        ],
        "surveys": [source_json(source) for source in card.sources],
        "servqual": _servqual(card),
        "comments": {"count": len(card.comments)} if card.comments or _has_customers(card) else None,
    }


def workbook_summary(workbook: Any, assessment_id: int) -> dict[str, Any]:
    """The summary of one round of an open workbook, with the trend of the rounds up to it.

    ``workbook`` is anything with ``assessments()`` and
    ``read_assessment(id)`` (the storage reader).
    """
    history = rounds_up_to(workbook, assessment_id)
    return summary_dict(history[-1].card, [(past.assessment, past.card) for past in history])


def _assessment(assessment: Assessment) -> dict[str, Any]:
    return {"id": assessment.id, "name": assessment.name, "date": assessment.date}


def _score(score: Score | None) -> dict[str, Any] | None:
    return None if score is None else {"mean": score.mean, "grade": score.grade}


def _servqual(card: ReportCard) -> dict[str, Any] | None:
    if card.servqual_unweighted is None:
        return None
    return {
        "unweighted": card.servqual_unweighted,
        "weighted": card.servqual_weighted,
        "weights": card.servqual_weights,
    }


def _position(spread: Spread | None) -> dict[str, Any] | None:
    return None if spread is None else {"mean": spread.mean, "n": spread.n}


def _dimension(result: DimensionResult, name: str) -> dict[str, Any]:
    return {
        "key": result.key,
        "name": name,
        "internal": _internal(result.internal, result.consensus),
        "customer": _customer(result.customer),
        "gap": result.gap,
        "flag": result.flag,
        "servqual": None
        if result.servqual is None
        else {
            "perception": result.servqual.perception,
            "expectation": result.servqual.expectation,
            "gap": result.servqual.gap,
        },
        "tolerance": _tolerance(result.tolerance),
    }


def _has_customers(card: ReportCard) -> bool:
    return any(d.customer for d in card.dimensions)


def _tolerance(zone: Tolerance | None) -> dict[str, Any] | None:
    if zone is None:
        return None
    return {
        "minimum": zone.minimum,
        "desired": zone.desired,
        "perceived": zone.perceived,
        "adequacy_gap": zone.adequacy_gap,
        "superiority_gap": zone.superiority_gap,
        "position": zone.position,
    }


def _internal(stat: Stat | None, consensus: str | None) -> dict[str, Any] | None:
    if stat is None and consensus is None:
        return None
    return {
        "mean": stat.mean if stat else None,
        "grade": stat.grade if stat else None,
        "n": stat.n if stat else 0,
        "consensus": consensus,
    }


def _customer(stat: Stat | None) -> dict[str, Any] | None:
    if stat is None:
        return None
    return {
        "mean": stat.mean,
        "grade": stat.grade,
        "n": stat.n,
        "ci95": list(stat.ci95) if stat.ci95 else None,
    }


def _action(card: ReportCard, action: Action) -> dict[str, Any]:
    criterion = None if action.criterion_id is None else card.criterion(action.criterion_id)
    return {
        "dimension": action.dimension,
        "criterion": criterion.criterion.text if criterion else None,
        "title": action.title,
        "owner": action.owner or None,
        "due": action.due,
        "target_grade": action.target_grade,
        "status": action.status,
    }

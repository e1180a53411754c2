"""Rounds in their time: the report card of every round up to a chosen one.

A report, summary or trend of round k uses rounds 1..k only (DESIGN §5): an
autumn report printed again in spring must not plot the spring results.
:func:`rounds_up_to` is the one place that picks those rounds, so the PDF,
the JSON summary and the trends page cannot disagree about where "now" is.
Rounds are in time order (date, then id), as ``Workbook.assessments`` lists them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rater_desktop.analysis import ReportCard, report_card
from rater_desktop.i18n import _
from rater_desktop.model import Assessment, AssessmentData


@dataclass(frozen=True)
class RoundResult:
    """One round read from a workbook, with its report card."""

    assessment: Assessment
    data: AssessmentData
    card: ReportCard


def rounds_up_to(workbook: Any, assessment_id: int | None = None) -> list[RoundResult]:
    """Every round up to and including ``assessment_id`` (default: the latest), oldest first.

    ``workbook`` is anything with ``assessments()`` and ``read_assessment(id)``
    (the storage reader).  Raises ``ValueError`` with a sentence for an empty
    workbook or an unknown round.
    """
    rounds = workbook.assessments()
    if not rounds:
        raise ValueError(_("The workbook has no assessment rounds yet."))
    ids = [assessment.id for assessment in rounds]
    chosen = ids[-1] if assessment_id is None else assessment_id
    if chosen not in ids:
        raise ValueError(_("The workbook has no assessment round with id {id}.").format(id=assessment_id))
    results = []
    for assessment in rounds[: ids.index(chosen) + 1]:
        data = workbook.read_assessment(assessment.id)
        results.append(RoundResult(assessment, data, report_card(data)))
    return results

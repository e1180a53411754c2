"""Rounds in their time: the report card of every round up to a chosen one.

A report, summary or trend of round k uses rounds 1..k only (DESIGN §5): an
autumn report printed again in spring must not plot the spring results.
:func:`rounds_up_to` is the one place that picks those rounds, so the PDF,
the JSON summary and the trends page cannot disagree about where "now" is.
Rounds are in time order (date, then id), as ``Workbook.assessments`` lists them.
"""

from __future__ import annotations

from collections.abc import Callable
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


Reader = Callable[[int], tuple[AssessmentData, ReportCard]]
"""Reads one round: its data and report card (a cache's ``read``, or :func:`_read_afresh`)."""


def every_round(workbook: Any, *, until: int | None = None, read: Reader | None = None) -> list[RoundResult]:
    """Every round oldest first with its data and report card, up to and including ``until``.

    The one loop over rounds that the overview, trends, report, summary and
    export share.  ``read`` lets the window pass its cache of report cards.
    """
    read = read or (lambda assessment_id: _read_afresh(workbook, assessment_id))
    results = []
    for assessment in workbook.assessments():
        results.append(RoundResult(assessment, *read(assessment.id)))
        if assessment.id == until:
            break
    return results


def _read_afresh(workbook: Any, assessment_id: int) -> tuple[AssessmentData, ReportCard]:
    data = workbook.read_assessment(assessment_id)
    return data, report_card(data)


def rounds_up_to(workbook: Any, assessment_id: int | None = None, *, read: Reader | None = None) -> list[RoundResult]:
    """Every round up to and including ``assessment_id`` (default: the latest), oldest first.

    ``workbook`` is anything with ``assessments()`` and ``read_assessment(id)``
    (the storage reader).  Raises ``ValueError`` with a sentence for an empty
    workbook or an unknown round.
    """
    ids = [assessment.id for assessment in workbook.assessments()]
    if not ids:
        raise ValueError(_("The workbook has no assessment rounds yet."))
    chosen = ids[-1] if assessment_id is None else assessment_id
    if chosen not in ids:
        raise ValueError(_("The workbook has no assessment round with id {id}.").format(id=assessment_id))
    return every_round(workbook, until=chosen, read=read)

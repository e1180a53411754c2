"""Each round's data and report card, computed once and kept until a change touches that round.

The window shows the same report cards in many places (the overview's grades,
results, comparison, trends, the workshop's reveal); each used to read and
compute its own after every change, so one grade key press recomputed every
round several times.  :class:`RoundCards` keeps, per round:

- the surveys with their answers and the figures computed from them alone
  (:class:`~rater_desktop.customer_side.CustomerFigures`): with 100,000 responses
  these are the slow part, and only a change of the round's surveys drops them;
- the round's data and report card: dropped by any change of the round, or of
  the whole workbook (criteria, settings).

Forgetting happens on the thread that made the change, before any view hears
of it (``Announcer.watch``), so a view never reads a card older than the change
it is told about.  Reads may come from several threads: a computation started
before a change is not kept (each round has a generation number).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rater_desktop.analysis import ReportCard, report_card
from rater_desktop.changes import Change, ChangeKind
from rater_desktop.customer_side import CustomerFigures, customer_figures

if TYPE_CHECKING:
    from rater_desktop.model import AssessmentData, SurveyResults
    from rater_desktop.operations import Operations

UNCHANGED_BY = frozenset({ChangeKind.WORKSHOP, ChangeKind.PHONES})
"""kinds that change nothing a report card shows"""
SURVEY_KINDS = frozenset({ChangeKind.SURVEYS})


def drops_card(change: Change, assessment_id: int) -> bool:
    """Whether ``change`` drops round ``assessment_id``'s kept card (and moves its generation on)."""
    return change.kind not in UNCHANGED_BY and change.assessment_id in (None, assessment_id)


@dataclass
class _Round:
    generation: int = 0
    surveys: tuple[SurveyResults, ...] | None = None
    customers: CustomerFigures | None = None
    data: AssessmentData | None = None
    card: ReportCard | None = None


class RoundCards:
    """The report cards of one open workbook's rounds (see the module doc)."""

    def __init__(self, operations: Operations) -> None:
        self._workbook = operations.workbook
        self._lock = threading.Lock()
        self._rounds: dict[int, _Round] = {}
        operations.watch(self.forget)

    def forget(self, change: Change) -> None:
        """Drop what ``change`` may have altered."""
        if change.kind in UNCHANGED_BY:
            return
        with self._lock:
            rounds = self._rounds.values() if change.assessment_id is None else [
                self._rounds.setdefault(change.assessment_id, _Round())]
            for entry in rounds:
                entry.generation += 1
                entry.data = entry.card = None
                if change.kind in SURVEY_KINDS or change.kind == ChangeKind.ASSESSMENTS:
                    entry.surveys = entry.customers = None

    def parts(self, assessment_id: int) -> tuple[int, tuple[SurveyResults, ...] | None, CustomerFigures | None]:
        """The round's generation and its kept surveys and customer figures (None: not read yet),
        for a reader on another connection (see :meth:`keep`)."""
        with self._lock:
            entry = self._rounds.setdefault(assessment_id, _Round())
            return entry.generation, entry.surveys, entry.customers

    def keep(self, assessment_id: int, generation: int, data: AssessmentData, card: ReportCard, *,
             pending: int = 0) -> None:
        """Keep the round's data and card read on another connection (the room server's, off the
        window's thread), unless the round changed since ``generation`` (from :meth:`parts`).

        ``pending``: how many of the changes since ``generation`` the caller holds back to tell
        with its next batch, which it will read again first (phones' answers that came during
        the read).  Kept with exactly those behind, the views draw the read now instead of
        reading the round on the window's thread; any other change since makes it too old."""
        with self._lock:
            entry = self._rounds.setdefault(assessment_id, _Round())
            if entry.generation == generation + pending:
                entry.data, entry.card = data, card
                if entry.surveys is None:
                    entry.surveys = data.surveys

    def data(self, assessment_id: int) -> AssessmentData:
        return self.read(assessment_id)[0]

    def card(self, assessment_id: int) -> ReportCard:
        return self.read(assessment_id)[1]

    def read(self, assessment_id: int) -> tuple[AssessmentData, ReportCard]:
        """The round's data and report card, from the cache when nothing touched the round since."""
        with self._lock:
            entry = self._rounds.setdefault(assessment_id, _Round())
            if entry.data is not None and entry.card is not None:
                return entry.data, entry.card
            generation, surveys, customers = entry.generation, entry.surveys, entry.customers
        if surveys is None:
            surveys = self._workbook.survey_results(assessment_id)
        data = self._workbook.read_assessment(assessment_id, surveys=surveys)
        if customers is None:
            customers = customer_figures(data)
        card = report_card(data, customers)
        with self._lock:
            if entry.generation == generation:
                entry.surveys, entry.customers, entry.data, entry.card = surveys, customers, data, card
        return data, card

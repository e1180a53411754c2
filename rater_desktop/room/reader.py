"""The round read off the window's thread, for the window, while phones vote.

Phones' answers arrive many a second; the window shows counts and a sealed
roster that need the whole round read and scored.  Reading that on the GUI
thread each time would hold the window up, so a :class:`RoundReader` reads it
on a thread and workbook connection of its own (WAL: it reads while the room
writes and the window reads) and hands the result to the window's cache
(``RoundCards.keep``), which the views then read for free.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor

from rater_desktop.analysis import ReportCard, report_card
from rater_desktop.customer_side import CustomerFigures, customer_figures
from rater_desktop.model import AssessmentData, SurveyResults
from rater_desktop.storage import Workbook, open_companion


class RoundReader:
    """Reads round ``assessment_id`` of ``workbook``'s file on its own thread and connection."""

    def __init__(self, workbook: Workbook, assessment_id: int) -> None:
        self._main = workbook
        self.assessment_id = assessment_id
        self._own: Workbook | None = None
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="round-reader")

    def read(self, surveys: tuple[SurveyResults, ...] | None,
             customers: CustomerFigures | None) -> Future[tuple[AssessmentData, ReportCard]]:
        """The round's data and report card; ``surveys``/``customers``: the window's, so the slow
        survey part is not read again when it has them."""
        return self._thread.submit(self._read, surveys, customers)

    def _read(self, surveys, customers) -> tuple[AssessmentData, ReportCard]:
        if self._own is None:
            self._own = open_companion(self._main)
        data = self._own.read_assessment(self.assessment_id, surveys=surveys)
        return data, report_card(data, customers or customer_figures(data))

    def close(self) -> None:
        """Finish the read under way, close the connection, end the thread."""
        self._thread.submit(self._disconnect)
        self._thread.shutdown(wait=True)

    def _disconnect(self) -> None:
        if self._own is not None:
            self._own.close()
            self._own = None

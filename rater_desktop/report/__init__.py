"""The PDF report: ``content`` decides what it says, ``render`` lays it out.

:func:`write_report` is the one call the CLI and the GUI's background job
make.  Nothing heavy is imported here (reportlab and matplotlib load inside
the functions that draw), so importing this package at start-up is cheap.
"""

from __future__ import annotations

import os
from datetime import date

from rater_desktop.report.model import SECTION_KEYS, SECTION_TITLES, ReportOptions
from rater_desktop.report.render import Cancel, Progress, ReportCancelled

__all__ = ["SECTION_KEYS", "SECTION_TITLES", "ReportCancelled", "ReportOptions", "write_report"]


def write_report(workbook_path: str | os.PathLike, out_path: str | os.PathLike, *,
                 assessment_id: int | None = None, lang: str = "en", options: ReportOptions | None = None,
                 progress: Progress | None = None, cancel: Cancel | None = None, today: date | None = None) -> int:
    """Write the PDF report of one round (default: the latest) and return its page count.

    The report of round k uses rounds 1..k only (:func:`history.rounds_up_to`):
    they make the trend chart and the trends section, with the actions of the
    round before k.  The whole build — words, numbers, dates and charts — runs in
    ``lang`` through :func:`i18n.language_context`, so a Vietnamese report made
    on a worker thread never changes what the window shows.  Raises ``ValueError`` for an
    unknown ``assessment_id`` or an empty workbook, :class:`ReportCancelled` when
    ``cancel()`` turned true.  ``today`` (default: the real date) decides which
    actions are overdue.
    """
    from rater_desktop import i18n
    from rater_desktop.report.chart_images import ChartImages
    from rater_desktop.report.render import CHART_DPI, FRAME_WIDTH_IN, build_pdf

    with i18n.language_context(lang):
        # where it can, a helper process starts loading matplotlib now, while the workbook is read
        images = ChartImages(FRAME_WIDTH_IN, CHART_DPI)
        try:
            content = report_content(workbook_path, assessment_id=assessment_id, options=options, today=today)
        except BaseException:
            images.stop()
            raise
        return build_pdf(content, out_path, progress=progress, cancel=cancel, images=images)


def report_content(workbook_path: str | os.PathLike, *, assessment_id: int | None = None,
                   options: ReportOptions | None = None, today: date | None = None):
    """What the report of one round says (a ``ReportContent``), in the current language; see :func:`write_report`."""
    from rater_desktop.history import rounds_up_to
    from rater_desktop.report.content import RoundPoint, build_content
    from rater_desktop.storage import open_workbook

    with open_workbook(workbook_path, read_only=True) as workbook:
        history = rounds_up_to(workbook, assessment_id)
        mappings = {survey["id"]: survey["mapping"] for survey in workbook.surveys(history[-1].assessment.id)}
    points = [RoundPoint(past.assessment.name, past.assessment.date,
                         past.card.overall_internal.mean if past.card.overall_internal else None,
                         past.card.overall_customer.mean if past.card.overall_customer else None)
              for past in history]
    now = history[-1]
    previous_actions = history[-2].data.actions if len(history) > 1 else ()
    return build_content(now.card, now.data, rounds=points, history=[past.card for past in history],
                         previous_actions=previous_actions, options=options, mappings=mappings, today=today)

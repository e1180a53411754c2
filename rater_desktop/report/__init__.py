"""The PDF report: ``content`` decides what it says, ``render`` lays it out.

:func:`write_report` is the one call the CLI and the GUI's background job
make.  Nothing heavy is imported here (reportlab and matplotlib load inside
the functions that draw), so importing this package at start-up is cheap.
"""

from __future__ import annotations

import os

from rater_desktop.report.model import SECTION_KEYS, SECTION_TITLES, ReportOptions
from rater_desktop.report.render import Cancel, Progress, ReportCancelled

__all__ = ["SECTION_KEYS", "SECTION_TITLES", "ReportCancelled", "ReportOptions", "write_report"]


def write_report(workbook_path: str | os.PathLike, out_path: str | os.PathLike, *,
                 assessment_id: int | None = None, lang: str = "en", options: ReportOptions | None = None,
                 progress: Progress | None = None, cancel: Cancel | None = None) -> int:
    """Write the PDF report of one round (default: the latest) and return its page count.

    Every round of the workbook is read for the trend chart; the rounds up to
    the chosen one, and the actions of the one before it, make the trends
    section.  The whole build — words, numbers, dates and charts — runs in
    ``lang`` through :func:`i18n.language_context`, so a Vietnamese report made
    on a worker thread never changes what the window shows.  Raises ``ValueError`` for an
    unknown ``assessment_id`` or an empty workbook, :class:`ReportCancelled` when
    ``cancel()`` turned true.
    """
    from rater_desktop import i18n
    from rater_desktop.analysis import report_card
    from rater_desktop.report.content import RoundPoint, build_content
    from rater_desktop.report.render import build_pdf
    from rater_desktop.storage import open_workbook

    with open_workbook(workbook_path, read_only=True) as workbook:
        rounds = sorted(workbook.assessments(), key=lambda a: (a.date, a.id))
        if not rounds:
            raise ValueError("The workbook has no assessment rounds to report on.")
        chosen = rounds[-1].id if assessment_id is None else assessment_id
        if chosen not in {a.id for a in rounds}:
            raise ValueError(f"The workbook has no assessment with id {assessment_id}.")
        cards = {}
        for assessment in rounds:
            data = workbook.read_assessment(assessment.id)
            cards[assessment.id] = (report_card(data), data)
    points = [RoundPoint(a.name, a.date,
                         card.overall_internal.mean if card.overall_internal else None,
                         card.overall_customer.mean if card.overall_customer else None)
              for a in rounds for card, _data in [cards[a.id]]]
    card, data = cards[chosen]
    ids = [a.id for a in rounds]
    earlier = ids[: ids.index(chosen)]
    history = [cards[a][0] for a in earlier] + [card]
    previous_actions = cards[earlier[-1]][1].actions if earlier else ()
    with i18n.language_context(lang):
        content = build_content(card, data, rounds=points, history=history, previous_actions=previous_actions,
                                options=options)
        return build_pdf(content, out_path, progress=progress, cancel=cancel)

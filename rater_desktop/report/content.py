"""Report card → what the PDF says (pure functions, no reportlab).

Every number, table row, sentence and chart spec of the report is decided
here and in the section modules it calls, in the current language
(``i18n.language_context`` around the call), so the words can be tested
without opening a PDF.  ``render.py`` only lays this out.

The order tells the story first: the cover with both grades, a page at a
glance, the executive summary with three priorities; then the detail for
whoever wants it (report card, charts, the customers' view and words,
statements, trends, situations, the action plan) and the method.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from rater_desktop.action_status import action_statuses
from rater_desktop.analysis import ReportCard
from rater_desktop.framework import dimension_name
from rater_desktop.i18n import _, language
from rater_desktop.model import Action, AssessmentData
from rater_desktop.privacy import names_shown, shown_card, small_group
from rater_desktop.report import story
from rater_desktop.report.customers import comments_section, customers_section
from rater_desktop.report.method import method_section
from rater_desktop.report.model import ReportContent, ReportOptions
from rater_desktop.report.plan import plan_section
from rater_desktop.report.sections import TREND_ROUNDS, card_section, charts_section, contexts_section, trends_section
from rater_desktop.report.statements import criteria_section, statements_section
from rater_desktop.report.words import (  # noqa: F401  (the app and the roll-up report write with these)
    CELL_LIMIT,
    FLAG_WORDS,
    STATUS_WORDS,
    clip,
    criterion_text,
    date_text,
    flag_word,
    grade_word,
    points,
    signed,
)
from rater_desktop.trends import trend

__all__ = ["TREND_ROUNDS", "RoundPoint", "build_content", "reading_sentence", "trends_section"]

STORY_SECTIONS = ("glance", "summary")
"""The sections before the contents page: what a reader should see first."""


@dataclass(frozen=True)
class RoundPoint:
    """One round's overall means, for the trend chart (oldest first)."""

    name: str
    date: str
    internal: float | None
    customer: float | None


def build_content(card: ReportCard, data: AssessmentData, *, rounds: Sequence[RoundPoint] = (),
                  history: Sequence[ReportCard] = (), previous_actions: Sequence[Action] = (),
                  options: ReportOptions | None = None, mappings: Mapping[int, str] | None = None,
                  today: date | None = None) -> ReportContent:
    """Everything the report says about ``card`` (computed from ``data``), in the current language.

    ``data`` supplies what the card does not carry: participants, actions and
    the gap threshold.  The privacy rule (:mod:`rater_desktop.privacy`) holds:
    people are named (in the methodology) only when the workbook allows names,
    the group has three or more, *and* ``options.anonymise`` is off; a smaller
    group gets its dimension results only (no votes per statement, notes,
    roles or spread of votes).  ``history`` is the cards of the rounds up to
    and including this one (oldest first) and ``previous_actions`` the actions
    of the round before it, for the trends (left out with fewer than two
    rounds).  ``mappings`` are the stored import mappings by survey id (for
    the survey's not-applicable codes and comment columns); ``today`` dates
    the overdue flags of the action plan.
    """
    options = options or ReportOptions()
    card = shown_card(card, data)  # statements, situations and spreads of fewer than three people withheld
    private = small_group(data)
    named = names_shown(data) and not options.anonymise
    names = {d.key: dimension_name(d.key, language()) for d in card.dimensions}
    moves = trend(history) if len(history) >= 2 else None
    statuses = action_statuses(data.actions, card, today or date.today())
    hidden_comments = sum(1 for c in data.comments if c.hidden and any(
        s.id == c.survey_id and s.included for s in card.sources))
    makers = {
        "glance": lambda: story.glance(card, names, moves),
        "summary": lambda: story.summary(card, data, names, moves, statuses, private),
        "card": lambda: card_section(card, names),
        "charts": lambda: charts_section(card, names, rounds, data.gap_threshold,
                                         with_bars="glance" not in options.sections),
        "customers": lambda: customers_section(card, names),
        "statements": lambda: statements_section(card, names, private),
        "comments": lambda: comments_section(card, names, hidden_comments),
        "trends": lambda: trends_section(history, previous_actions, names),
        "contexts": lambda: contexts_section(card, names),
        "criteria": lambda: criteria_section(card, names, private),
        "actions": lambda: plan_section(card, names, statuses),
        "method": lambda: method_section(card, data, names, named, private, mappings or {}),
    }
    sections = tuple(s for key, make in makers.items() if key in options.sections and (s := make()))
    story_keys = [s.key for s in sections if s.key in STORY_SECTIONS]
    return ReportContent(
        cover=story.cover(card),
        sections=sections,
        page_label=_("Page {page} of {pages}"),
        contents_title=_("Contents"),
        footer=_("RATER report card · {date}").format(date=date_text(card.assessment.date)),
        options=options,
        language=language(),
        contents_after=story_keys[-1] if story_keys else None,
    )


def reading_sentence(reading, names: Mapping[str, str]) -> str:
    """One plain sentence per analysis reading (codes → words); the results page lists them."""
    name = names.get(reading.dimension or "", "")
    value = reading.value
    if reading.code == "strongest":
        return _("Strongest dimension in the team's eyes: {dimension} ({mean}).").format(
            dimension=name, mean=points(value))
    if reading.code == "weakest":
        return _("Weakest dimension in the team's eyes: {dimension} ({mean}).").format(
            dimension=name, mean=points(value))
    if reading.code == "widest_disagreement":
        return _("The team disagrees most about {dimension} (spread {sd} points).").format(
            dimension=name, sd=points(value))
    if reading.code == "blind_spot":
        return _("{dimension} is a blind spot: the team grades it {gap} points above customers.").format(
            dimension=name, gap=points(value))
    if reading.code == "hidden_strength":
        return _("{dimension} is a hidden strength: customers grade it {gap} points above the team.").format(
            dimension=name, gap=points(abs(value)))
    if reading.code == "context_varies":
        high, low = reading.contexts
        return _("{dimension} changes with the situation: best at {high}, weakest at {low}.").format(
            dimension=name, high=high, low=low)
    if reading.code == "compressed":
        return _("The team sees smaller differences between dimensions than customers do "
                 "(compression ratio {ratio}).").format(ratio=points(value))
    return ""

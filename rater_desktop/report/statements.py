"""Statement level: the strongest and weakest statements on each side, the most disputed, and the detail.

The team's statements are the framework's criteria; the customers' are the
survey's rating questions (each mapped column).  The privacy rule holds: a
group under three people gets no per-statement figures or notes at all.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rater_desktop.analysis import CriterionResult, ReportCard
from rater_desktop.distributions import RankedStatement
from rater_desktop.i18n import N_, _
from rater_desktop.model import GRADES
from rater_desktop.report import chart_specs
from rater_desktop.report.model import Section, Table, Text
from rater_desktop.report.words import clip, criterion_text, grade_mean, grade_word, points
from rater_desktop.scoring import points_letter

GRADE_COLUMNS = GRADES
WITHHELD_TEXT = N_("A statement fewer than three people graded shows no grade, votes or notes (–), so that no "
                   "answer points to a person.")
PRIVATE_TEXT = ("Fewer than three people answered in this round, so the report shows the team's result per "
                "dimension only: no votes per statement and no notes, so that no answer points to a person.")


def statements_section(card: ReportCard, names: Mapping[str, str], private: bool) -> Section | None:
    ranked = card.statements
    blocks: list = []
    if not private and ranked.team_top:
        blocks.append(Text(_("Team: strongest statements"), "subheading"))
        blocks.append(_ranked_table(ranked.team_top, names, team=True))
        if ranked.team_bottom:  # one statement shown (the others withheld) is only a strongest
            blocks.append(Text(_("Team: weakest statements"), "subheading"))
            blocks.append(_ranked_table(ranked.team_bottom, names, team=True))
        if ranked.team_disagreed:
            blocks.append(Text(_("Where the team disagreed most"), "subheading"))
            blocks.append(Table(
                header=(_("Statement"), _("Dimension"), _("Votes from … to"), _("Spread")),
                rows=tuple((clip(criterion_text(r.criterion), 200), names[r.dimension],
                            f"{_letter(r.stat.max)} … {_letter(r.stat.min)}", points(r.stat.sd))
                           for r in ranked.team_disagreed),
                widths=(6.4, 2.2, 1.9, 1.3), align=("L", "L", "C", "R")))
            blocks.append(Text(_("The spread is the standard deviation of the votes in points: above 1 the team "
                                 "sees this statement very differently, worth a conversation before acting."),
                               "small"))
    elif private and ranked.team_count:
        blocks.append(Text(_(PRIVATE_TEXT)))
    if ranked.customer_top:
        blocks.append(Text(_("Customers: highest-rated questions"), "subheading"))
        blocks.append(_ranked_table(ranked.customer_top, names, team=False))
        if ranked.customer_bottom:
            blocks.append(Text(_("Customers: lowest-rated questions"), "subheading"))
            blocks.append(_ranked_table(ranked.customer_bottom, names, team=False))
    chart = chart_specs.importance_performance(card, names)
    if chart is not None:
        blocks.append(Text(_("What matters most, and how it is rated"), "subheading"))
        blocks.append(chart)
    if not blocks:
        return None
    return Section("statements", _("Strongest and weakest statements"), tuple(blocks), new_page=False)


def _letter(value: float) -> str:
    return points_letter(value) or "–"


def _ranked_table(rows: Sequence[RankedStatement], names: Mapping[str, str], *, team: bool) -> Table:
    header = (_("Statement") if team else _("Survey question"), _("Dimension"), _("Grade"),
              _("Votes") if team else _("Answers"))
    return Table(
        header=header,
        rows=tuple((clip(criterion_text(r.criterion) if team and r.criterion else r.text, 200), names[r.dimension],
                    grade_mean(r.stat.grade, r.stat.mean), str(r.stat.n)) for r in rows),
        widths=(6.4, 2.2, 1.8, 1.4), align=("L", "L", "C", "R"))


def criteria_section(card: ReportCard, names: Mapping[str, str], private: bool) -> Section:
    """Every statement with the team's mean, how the votes fell and the notes (without names)."""
    if private:
        return Section("criteria", _("Statement detail"), (Text(_(PRIVATE_TEXT)),), new_page=False)
    blocks: list = [Text(_("Each statement with the team's mean grade and how the votes fell; notes are "
                           "shown without names."), "small")]
    if any(c.withheld for d in card.dimensions for c in d.criteria):
        blocks.append(Text(_(WITHHELD_TEXT), "small"))
    for d in card.dimensions:
        blocks.append(Text(names[d.key], "subheading"))
        if not d.criteria:
            blocks.append(Text(_("No statements in this dimension."), "small"))
            continue
        rows = tuple((clip(criterion_text(c.criterion)), _criterion_grade(c),
                      *("–" if c.withheld else str(c.distribution.get(g, 0)) for g in GRADE_COLUMNS))
                     for c in d.criteria)
        blocks.append(Table(header=(_("Statement"), _("Grade"), *(grade_word(g) for g in GRADE_COLUMNS)),
                            rows=rows, widths=(6.4, 1.6, 0.8, 0.8, 0.8, 0.8, 0.8, 1.6),
                            align=("L", "C", *("C",) * len(GRADE_COLUMNS))))
        for c in d.criteria:
            if c.notes:
                blocks.append(Text(_("Notes on “{statement}”").format(statement=clip(criterion_text(c.criterion), 120)),
                                   "intro"))
                blocks += [Text(note, "note") for note in c.notes]
    return Section("criteria", _("Statement detail"), tuple(blocks), new_page=False)


def _criterion_grade(result: CriterionResult) -> str:
    text = grade_mean(result.stat.grade, result.stat.mean) if result.stat else "–"
    if result.consensus:
        text += "\n" + _("agreed: {grade}").format(grade=result.consensus)
    return text

"""The team's side in detail: the report card table, the charts, trends over rounds and situations."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rater_desktop import charts
from rater_desktop.analysis import ReportCard
from rater_desktop.i18n import _
from rater_desktop.model import Action
from rater_desktop.report import chart_specs
from rater_desktop.report.model import Chart, Section, Table, Text
from rater_desktop.report.story import GRADE_SHADES
from rater_desktop.report.words import clip, flag_word, grade_mean, grade_word, points, signed
from rater_desktop.trends import OVERALL, Point, action_checks, change_sentence, check_sentence, trend

TREND_ROUNDS = 4
"""Most rounds the trend table shows (the latest ones): a page is only so wide."""


def card_section(card: ReportCard, names: Mapping[str, str]) -> Section:
    rows, shading = [], []
    for d in card.dimensions:
        team = d.internal.grade if d.internal else None
        customer = d.customer.grade if d.customer else None
        rows.append((names[d.key], grade_mean(team, d.internal.mean if d.internal else None), grade_word(d.consensus),
                     grade_mean(customer, d.customer.mean if d.customer else None), str(d.customer.n) if d.customer
                     else "–", signed(d.gap), flag_word(d.flag)))
        shading.append((None, GRADE_SHADES.get(team or ""), GRADE_SHADES.get(d.consensus or ""),
                        GRADE_SHADES.get(customer or ""), None, None, None))
    team, customers = card.overall_internal, card.overall_customer
    overall_gap = team.mean - customers.mean if team and customers else None
    rows.append((_("Overall"), grade_mean(team.grade if team else None, team.mean if team else None), "",
                 grade_mean(customers.grade if customers else None, customers.mean if customers else None), "",
                 signed(overall_gap), ""))
    shading.append((None,) * 7)
    blocks: list = [
        Table(header=(_("Dimension"), _("Team grade"), _("Consensus"), _("Customer grade"), _("Answers"), _("Gap"),
                      _("Flag")),
              rows=tuple(rows), widths=(2.6, 1.8, 1.7, 1.9, 1.3, 1.2, 2.2), align=("L", "C", "C", "C", "R", "R", "L"),
              shading=tuple(shading)),
        Text(_("Grades are means on a 0–4 scale (A = 4 … F = 0); the gap is the team's mean minus the customers' "
               "mean."), "small"),
    ]
    if card.compression_ratio is not None:
        blocks.append(Text(_("Compression ratio: {ratio} (below 1 means the team flattens differences "
                             "customers see).").format(ratio=points(card.compression_ratio)), "small"))
    rationales = [(names[d.key], d.consensus_rationale) for d in card.dimensions if d.consensus_rationale]
    if rationales:
        blocks.append(Text(_("Why the team agreed these grades"), "subheading"))
        blocks += [Text(f"{name}: {text}", "body") for name, text in rationales]
    return Section("card", _("Report card"), tuple(blocks))


def charts_section(card: ReportCard, names: Mapping[str, str], rounds: Sequence, threshold: float,
                   with_bars: bool) -> Section | None:
    """The gap, continuum and trend charts (and the team/customer bars when no at-a-glance page shows them)."""
    made = [chart_specs.dimension_bars(card, names) if with_bars else None,
            chart_specs.gap_chart(card, names, threshold), chart_specs.continuum(card), chart_specs.trend(rounds)]
    blocks = tuple(chart for chart in made if chart is not None)
    return Section("charts", _("Charts"), blocks, new_page=False) if blocks else None


def trends_section(history: Sequence[ReportCard], previous_actions: Sequence[Action],
                   names: Mapping[str, str]) -> Section | None:
    """Each dimension's team and customer grade per round, the latest change in words, and the
    actions of the round before checked against the last of ``history``; None for a single round.

    The words come from :mod:`rater_desktop.trends`, so the report says exactly
    what the trends page in the app says.
    """
    if len(history) < 2:
        return None
    moves = trend(history)
    shown = moves.rounds[-TREND_ROUNDS:]
    header = (_("Dimension"), "", *(clip(past.name, 60) for past in shown), _("Change since the last round"))
    rows = []
    for row in (*moves.dimensions, moves.overall):
        name = names[row.key] if row.key != OVERALL else _("Overall")
        for label, side, series, change in ((_("Team"), "team", row.team, row.team_change),
                                            (_("Customers"), "customers", row.customer, row.customer_change)):
            rows.append((name if side == "team" else "", label,
                         *(_trend_grade(point) for point in series[-TREND_ROUNDS:]),
                         change_sentence(change, side) or "–"))
    blocks: list = [
        Text(_("Team grades are the participants' mean; customer grades come from the surveys of each round. "
               "The change compares this round with the most recent earlier round that has a grade."), "small"),
        Table(header=header, rows=tuple(rows), widths=(2.2, 1.6, *(1.5,) * len(shown), 4.6),
              align=("L", "L", *("C",) * len(shown), "L")),
        Text(_("Carried-over actions"), "subheading"),
        Text(_("Actions from “{before}”, checked against “{after}”:").format(
            before=moves.rounds[-2].name, after=moves.rounds[-1].name), "intro"),
    ]
    checks = action_checks(previous_actions, history[-1])
    if checks:
        blocks.append(Table(
            header=(_("Action"), _("Where"), _("Result")),
            rows=tuple((clip(c.action.title), names.get(c.action.dimension or "", "–"), check_sentence(c))
                       for c in checks),
            widths=(5, 2.2, 4.6), align=("L", "L", "L")))
    else:
        blocks.append(Text(_("That round had no actions.")))
    return Section("trends", _("Trends across rounds"), tuple(blocks), new_page=False)


def _trend_grade(point: Point) -> str:
    return grade_mean(point.grade, point.mean)


def contexts_section(card: ReportCard, names: Mapping[str, str]) -> Section | None:
    contexts = [c for c, _stat in card.dimensions[0].contexts]
    if not contexts or not any(stat for d in card.dimensions for _c, stat in d.contexts):
        return None
    flag = _("Inconsistent")
    spec = charts.ContextSpec(
        title=_("Grades in different situations"), labels=tuple(names[d.key] for d in card.dimensions),
        contexts=tuple(c.name for c in contexts),
        means=tuple(tuple(stat.mean if stat else None for _c, stat in d.contexts) for d in card.dimensions),
        flagged=tuple(d.context_flag for d in card.dimensions), flag_label=flag, axis_label=_("Points (0–4)"))
    rows = tuple(
        (names[d.key], *(grade_mean(s.grade, s.mean) if s else "–" for _c, s in d.contexts),
         points(d.context_range), flag if d.context_flag else "")
        for d in card.dimensions)
    width = max(1.0, 8.0 / len(contexts))
    table = Table(header=(_("Dimension"), *(clip(c.name, 80) for c in contexts), _("Range"), _("Flag")),
                  rows=rows, widths=(2.6, *(width,) * len(contexts), 1.5, 1.8),
                  align=("L", *("C",) * len(contexts), "R", "L"))
    caption = _("Each marker is the team's mean grade for a dimension in one situation; a tall grey line means the "
                "service depends on when customers come. A dimension is flagged when its situations span a full "
                "letter or more.")
    return Section("contexts", _("Consistency across situations"), (Chart(spec, 0.45, caption), table), new_page=False)

"""The customers' side of the report: how they see the service, and what they say in their own words.

"How customers see the service" opens with the zone of tolerance (what they
accept, desire and get), then how answers are spread (the NPS split, top-two
and bottom-two boxes beside the team's A+B and D+F votes), the key figures,
SERVQUAL and each dimension's customer grade with its interval.  "What
customers say" counts the comments by the dimension they touch and prints
them in a shuffled order (see :mod:`rater_desktop.comments`).
"""

from __future__ import annotations

from collections.abc import Mapping

from rater_desktop import comments as said
from rater_desktop.analysis import ReportCard
from rater_desktop.i18n import _, ngettext
from rater_desktop.report import chart_specs
from rater_desktop.report.model import Bullets, Section, Table, Text
from rater_desktop.report.words import clip, percent, points, position_word, signed

COMMENTS_SHOWN = 60
"""Most comments printed; the rest stay in the app (a report is read, not searched)."""


def customers_section(card: ReportCard, names: Mapping[str, str]) -> Section | None:
    """Everything customers' answers say beyond the report card, or None without a survey."""
    blocks: list = []
    blocks += _tolerance(card, names)
    blocks += _spread(card, names)
    blocks += _key_figures(card)
    blocks += _servqual(card, names)
    blocks += _customer_detail(card, names)
    if not blocks:
        return None
    return Section("customers", _("How customers see the service"), tuple(blocks), new_page=False)


def _tolerance(card: ReportCard, names: Mapping[str, str]) -> list:
    chart = chart_specs.tolerance(card, names)
    if chart is None:
        return []
    rows = tuple((names[d.key], points(z.minimum), points(z.desired), points(z.perceived), signed(z.adequacy_gap),
                  signed(z.superiority_gap), position_word(z.position))
                 for d in card.dimensions if (z := d.tolerance))
    return [
        Text(_("Zone of tolerance"), "subheading"),
        Text(_("Customers answered three questions per dimension: the least service they accept, the service they "
               "desire, and the service they got. Between the first two lies the zone they tolerate."), "small"),
        chart,
        Table(header=(_("Dimension"), _("Minimum"), _("Desired"), _("Perceived"), _("Adequacy gap"),
                      _("Superiority gap"), _("Position")),
              rows=rows, widths=(2.5, 1.3, 1.3, 1.3, 1.5, 1.6, 2.6), align=("L", "R", "R", "R", "R", "R", "L")),
        Text(_("Adequacy gap = perceived − minimum (negative: below what customers accept); superiority gap = "
               "perceived − desired (positive: better than desired). Both on the survey's own scale."), "small"),
    ]


def _spread(card: ReportCard, names: Mapping[str, str]) -> list:
    rows = tuple(
        (names[d.key],
         percent(d.team_boxes.top_two) if d.team_boxes else "–", percent(d.team_boxes.bottom_two) if d.team_boxes else "–",
         percent(d.customer_boxes.top_two) if d.customer_boxes else "–",
         percent(d.customer_boxes.bottom_two) if d.customer_boxes else "–")
        for d in card.dimensions)
    chart = chart_specs.nps_split(card.nps_split, card.kpis.nps)
    if chart is None and not any(d.customer_boxes for d in card.dimensions):
        return []
    blocks: list = [Text(_("How the answers are spread"), "subheading")]
    if chart is not None:
        blocks.append(chart)
    blocks.append(Table(header=(_("Dimension"), _("Team: A or B"), _("Team: D or F"), _("Customers: top two"),
                                _("Customers: bottom two")),
                        rows=rows, widths=(2.6, 1.7, 1.7, 2.1, 2.3), align=("L", "R", "R", "R", "R")))
    blocks.append(Text(_("A mean hides whether people agree. These are shares of the team's votes and of customers "
                         "whose answers in the dimension average in the top two or bottom two points of the "
                         "survey's scale."), "small"))
    return blocks


def _key_figures(card: ReportCard) -> list:
    kpis = [(label, value) for label, value in ((_("Net Promoter Score"), signed(card.kpis.nps, 1)
                                                 if card.kpis.nps is not None else None),
                                                (_("Customer satisfaction (top two answers)"), percent(card.kpis.csat, 1)
                                                 if card.kpis.csat is not None else None),
                                                (_("Solved on first contact"), percent(card.kpis.fcr, 1)
                                                 if card.kpis.fcr is not None else None))
            if value is not None]
    if not kpis:
        return []
    return [Text(_("Key figures"), "subheading"),
            Table(header=(_("Measure"), _("Value")), rows=tuple(kpis), widths=(6, 2), align=("L", "R"))]


def _servqual(card: ReportCard, names: Mapping[str, str]) -> list:
    dims = [d for d in card.dimensions if d.servqual]
    if not dims:
        return []
    weights = card.servqual_weights or {}
    rows = [(names[d.key], points(d.servqual.perception), points(d.servqual.expectation), signed(d.servqual.gap),
             points(weights[d.key], 0) if d.key in weights else "–") for d in dims]
    if card.servqual_unweighted is not None:
        rows.append((_("Unweighted score"), "", "", signed(card.servqual_unweighted), ""))
    if card.servqual_weighted is not None:
        rows.append((_("Weighted score"), "", "", signed(card.servqual_weighted), "100"))
    return [
        Text(_("Expectations and perceptions (SERVQUAL)"), "subheading"),
        Table(header=(_("Dimension"), _("Perception"), _("Expectation"), _("Gap (P − E)"), _("Importance")),
              rows=tuple(rows), widths=(3, 1.8, 1.8, 1.8, 1.6), align=("L", "R", "R", "R", "R")),
        Text(_("Perception and expectation stay on the survey's own scale; a negative gap means customers expected "
               "more than they received. Importance is the share of 100 points the team gave each dimension."),
             "small"),
    ]


def _customer_detail(card: ReportCard, names: Mapping[str, str]) -> list:
    rated = [d for d in card.dimensions if d.customer]
    if not rated:
        return []
    rows = tuple((names[d.key], d.customer.grade, points(d.customer.mean), str(d.customer.n),
                  f"{points(d.customer.ci95[0])}–{points(d.customer.ci95[1])}" if d.customer.ci95 else "–")
                 for d in rated)
    return [Text(_("Customer grades in detail"), "subheading"),
            Table(header=(_("Dimension"), _("Grade"), _("Mean"), _("Responses"), _("95 % interval")),
                  rows=rows, widths=(3, 1.3, 1.3, 1.6, 2.4), align=("L", "C", "R", "R", "R"))]


def comments_section(card: ReportCard, names: Mapping[str, str], hidden: int) -> Section | None:
    """Counts by dimension, then the comments in a shuffled order; None when no comment was kept."""
    kept = list(card.comments)
    if not kept and not hidden:
        return None
    counts = said.theme_counts(kept)
    intro = ngettext("{n} comment from customers.", "{n} comments from customers.", len(kept)).format(n=len(kept))
    if hidden:
        intro += " " + ngettext("{n} more was left out by the team (for example because it names someone).",
                                "{n} more were left out by the team (for example because they name someone).",
                                hidden).format(n=hidden)
    rows = tuple((names.get(key, _("Other")), str(count)) for key, count in counts.items() if count)
    blocks: list = [Text(intro)]
    if rows:
        blocks.append(Table(header=(_("The comment is about"), _("Comments")), rows=rows, widths=(4, 1.4),
                            align=("L", "R")))
        blocks.append(Text(_("A comment that touches two dimensions counts under both. Comments are printed in a "
                             "random order, not the order people answered, so none can be traced by when it "
                             "was written."), "small"))
    shown = said.shuffled(kept, seed=card.assessment.id)[:COMMENTS_SHOWN]
    if shown:
        blocks.append(Text(_("In their own words"), "subheading"))
        blocks.append(Bullets(tuple(f"“{clip(c.text, 600)}”" for c in shown)))
    if len(kept) > len(shown):
        blocks.append(Text(_("{shown} of {total} comments, drawn at random; the app lists them all.").format(
            shown=len(shown), total=len(kept)), "small"))
    return Section("comments", _("What customers say"), tuple(blocks), new_page=False)

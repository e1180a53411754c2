"""The report's charts as specs, each with the caption that says how to read it.

Pure functions from a report card to a :class:`~rater_desktop.report.model.Chart`
block (spec + caption), in the current language; the app's pages draw the
same specs, so a chart reads the same on screen, on a slide and on paper.
Each returns None when the round has nothing to draw.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rater_desktop import charts, customer_charts
from rater_desktop.analysis import ReportCard
from rater_desktop.distributions import NpsSplit
from rater_desktop.i18n import _, format_date
from rater_desktop.report.model import Chart, Share, ShareBar
from rater_desktop.report.words import flag_word, percent, points, position_word, signed


def _labels(card: ReportCard, names: Mapping[str, str]) -> tuple[str, ...]:
    return tuple(names[d.key] for d in card.dimensions)


def dimension_bars(card: ReportCard, names: Mapping[str, str]) -> Chart | None:
    """Team and customer means side by side, whiskers for the 95 % intervals."""
    has_customers = any(d.customer for d in card.dimensions)
    if not has_customers and not any(d.internal for d in card.dimensions):
        return None
    spec = charts.DimensionBarsSpec(
        title=_("Team and customer grades by dimension"), labels=_labels(card, names),
        team=tuple(d.internal.mean if d.internal else None for d in card.dimensions),
        customer=tuple(d.customer.mean if d.customer else None for d in card.dimensions) if has_customers else None,
        team_label=_("Team"), customer_label=_("Customers"), axis_label=_("Points (0–4)"),
        team_ci=tuple(d.internal.ci95 if d.internal else None for d in card.dimensions),
        customer_ci=tuple(d.customer.ci95 if d.customer else None for d in card.dimensions) if has_customers else None,
        interval_label=_("95 % interval"))
    return Chart(spec, 0.42, _(
        "Read across: each pair of bars is one dimension, the team's own grade beside its customers'. The letters on "
        "the right mark the grade bands; a whisker shows where the true mean lies with 95 % confidence, so bars "
        "whose whiskers overlap may not really differ."))


def gap_chart(card: ReportCard, names: Mapping[str, str], threshold: float) -> Chart | None:
    if not any(d.gap is not None for d in card.dimensions):
        return None
    spec = charts.GapSpec(
        title=_("Gap: team minus customers"), labels=_labels(card, names),
        gaps=tuple(d.gap for d in card.dimensions),
        flags=tuple("" if d.flag == "aligned" else flag_word(d.flag) for d in card.dimensions),
        threshold=threshold, axis_label=_("Points (positive: the team is kinder than customers)"))
    return Chart(spec, 0.42, _(
        "Bars to the right: the team grades itself higher than its customers do; to the left: lower. Inside the grey "
        "band (±{threshold} points) the two views agree; beyond it a dimension is a blind spot (right) or a hidden "
        "strength (left).").format(threshold=points(threshold)))


def continuum(card: ReportCard) -> Chart | None:
    rows = []
    for label, spread in ((_("Where we are"), card.continuum.current),
                          (_("Where we should be"), card.continuum.desired)):
        if spread is not None:
            rows.append(charts.ContinuumRow(label, spread.mean, spread.min, spread.max))
    if not rows:
        return None
    spec = charts.ContinuumSpec(title=_("Efficiency or intimacy: where the team places the service"),
                                left_pole=_("Operational efficiency"), right_pole=_("Customer intimacy"),
                                rows=tuple(rows))
    return Chart(spec, 0.3, _(
        "0 is pure operational efficiency (own standards, self-service, cost per transaction), 100 pure customer "
        "intimacy (standards set with customers, personal service, satisfaction). The marker is the team's mean, "
        "the pale bar the range of its members' answers."))


def trend(rounds: Sequence) -> Chart | None:
    """The overall grade per round; ``rounds`` are :class:`content.RoundPoint` records, oldest first."""
    graded = [r for r in rounds if r.internal is not None or r.customer is not None]
    if len(graded) < 2:
        return None
    spec = charts.TrendSpec(
        title=_("Overall grade over the rounds"),
        rounds=tuple(f"{r.name}\n{format_date(r.date)}" for r in graded),
        team=tuple(r.internal for r in graded), customer=tuple(r.customer for r in graded),
        team_label=_("Team"), customer_label=_("Customers"), axis_label=_("Points (0–4)"))
    return Chart(spec, 0.45, _(
        "Each point is one round's overall grade, oldest on the left; a gap between the lines is the distance between "
        "how the team and its customers see the service."))


def tolerance(card: ReportCard, names: Mapping[str, str]) -> Chart | None:
    zones = [d.tolerance for d in card.dimensions]
    present = [z for z in zones if z is not None]
    if not present:
        return None
    scale = present[0]
    spec = customer_charts.ToleranceSpec(
        title=_("Zone of tolerance: what customers accept, desire and get"), labels=_labels(card, names),
        minimum=tuple(z.minimum if z else None for z in zones), desired=tuple(z.desired if z else None for z in zones),
        perceived=tuple(z.perceived if z else None for z in zones),
        positions=tuple(z.position if z else None for z in zones),
        position_words=tuple(position_word(z.position) if z else "" for z in zones),
        scale_min=scale.scale_min, scale_max=scale.scale_max,
        zone_label=_("Zone of tolerance: from the minimum accepted to the level desired"),
        perceived_label=_("Service perceived"),
        axis_label=_("Mean answer on the survey's scale ({low} to {high})").format(
            low=points(scale.scale_min, 0), high=points(scale.scale_max, 0)))
    return Chart(spec, 0.5, _(
        "The pale band runs from the least service customers accept to the service they desire; the solid bar is "
        "what they say they got. A bar ending left of the band is below the minimum (act first); inside the band "
        "is acceptable; right of it is better than desired."))


def nps_split(split: NpsSplit | None, nps: float | None) -> ShareBar | None:
    """Detractors, passives and promoters as one bar (drawn by the PDF itself: three boxes need no chart)."""
    if split is None or nps is None:
        return None
    shares = (Share(_("Detractors (0–6)"), split.detractors, "#b03a2e"),
              Share(_("Passives (7–8)"), split.passives, "#b8b8b8"),
              Share(_("Promoters (9–10)"), split.promoters, "#2e7d32"))
    return ShareBar(_("Net Promoter Score {score}: who would recommend you").format(score=signed(nps, 1)), shares, _(
        "Out of {n} answers to “how likely are you to recommend us” (0–10): the score is the promoters' share minus "
        "the detractors' ({promoters} − {detractors}); passives count in neither.").format(
        n=split.n, promoters=percent(split.promoters, 1), detractors=percent(split.detractors, 1)))


def importance_performance(card: ReportCard, names: Mapping[str, str]) -> Chart | None:
    """Importance from the SERVQUAL weights (or, without them, the desired level); performance = customers' mean."""
    rated = [d for d in card.dimensions if d.customer]
    weights = card.servqual_weights
    if weights:
        importance = [weights.get(d.key, 0.0) for d in rated]
        x_label = _("Importance (points of 100 given by the team)")
    elif rated and all(d.servqual for d in rated):
        importance = [d.servqual.expectation for d in rated]
        x_label = _("Importance (desired level on the survey's scale)")
    else:
        return None
    if len(rated) < 3:
        return None
    spec = customer_charts.ImportancePerformanceSpec(
        title=_("Importance and performance"), labels=tuple(names[d.key] for d in rated),
        importance=tuple(importance), performance=tuple(d.customer.mean for d in rated),
        x_label=x_label, y_label=_("Customers' mean (points 0–4)"),
        quadrants=(_("Keep up the good work"), _("Concentrate here"), _("Low priority"), _("Possible overkill")))
    return Chart(spec, 0.5, _(
        "Each dot is a dimension: further right matters more, higher is rated better by customers. The dashed lines "
        "cross at the averages; dimensions in the lower right matter most and disappoint most."))

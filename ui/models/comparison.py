"""Qt models and plain-word sentences for the comparison page (team vs customers).

Numbers come from :func:`rater_desktop.analysis.report_card`; these models only
format them (in the current language) for read-only table views.
"""

from __future__ import annotations

from rater_desktop.analysis import DimensionResult, ReportCard
from rater_desktop.framework import dimension_name
from rater_desktop.i18n import N_, _, format_number, ngettext
from rater_desktop.model import DEFAULT_GAP_THRESHOLD
from rater_desktop.report.content import flag_word, points, signed
from ui.models.base import LEFT, RIGHT, ReadOnlyTable
from ui.qt import Qt


def _amount(gap: float) -> str:
    """A gap in grades people feel: "a full grade", "2 full grades", else points."""
    whole = int(abs(gap) + 1e-9)
    if whole >= 1:
        return ngettext("a full grade", "{n} full grades", whole).format(n=whole)
    return _("{points} of a grade").format(points=format_number(abs(gap), 1))


def flag_sentence(result: DimensionResult, threshold: float = DEFAULT_GAP_THRESHOLD) -> str:
    """What a dimension's flag means, in plain words; "" when there is nothing to compare."""
    name = dimension_name(result.key)
    if result.flag == "few_responses":
        n = result.customer.n if result.customer else 0
        return ngettext("Only {n} customer answered about {dimension}: too few to compare.",
                        "Only {n} customers answered about {dimension}: too few to compare.",
                        n).format(n=n, dimension=name)
    if result.gap is None or result.flag is None:
        return ""
    grades = {"team": result.internal.grade, "customers": result.customer.grade}
    if result.flag == "blind_spot":
        return _("Customers rate {dimension} {amount} lower than you do (you: {team}, customers: "
                 "{customers}). This is a blind spot.").format(
                     dimension=name, amount=_amount(result.gap), **grades)
    if result.flag == "hidden_strength":
        return _("Customers rate {dimension} {amount} higher than you do (you: {team}, customers: "
                 "{customers}). This is a hidden strength.").format(
                     dimension=name, amount=_amount(result.gap), **grades)
    return _("You and your customers see {dimension} alike (you: {team}, customers: {customers}); the "
             "difference is under {threshold} points.").format(
                 dimension=name, threshold=format_number(threshold, 1), **grades)


class DimensionsModel(ReadOnlyTable):
    """Per dimension: team grade, customer grade, responses, 95 % interval, gap, flag."""

    HEADERS = (N_("Dimension"), N_("Team"), N_("Customers"), N_("Responses"), N_("95% interval"),
               N_("Gap"), N_("Flag"))

    def cell(self, d: DimensionResult, column: int) -> str:
        return self._cells(d)[column]

    def _cells(self, d: DimensionResult) -> tuple[str, ...]:
        team = f"{d.internal.grade} ({points(d.internal.mean)})" if d.internal else "–"
        customer = f"{d.customer.grade} ({points(d.customer.mean)})" if d.customer else "–"
        ci = d.customer.ci95 if d.customer else None
        interval = f"{points(ci[0])} – {points(ci[1])}" if ci else "–"
        return (dimension_name(d.key), team, customer, str(d.customer.n) if d.customer else "0",
                interval, signed(d.gap), flag_word(d.flag))

    def alignment(self, column: int) -> Qt.AlignmentFlag:
        return LEFT if column in (0, 6) else RIGHT


class ServqualModel(ReadOnlyTable):
    """SERVQUAL perception, expectation and P − E per dimension, then the scores."""

    def set_card(self, card: ReportCard) -> None:
        rows: list[tuple[str, ...]] = [
            (dimension_name(d.key), points(d.servqual.perception), points(d.servqual.expectation),
             signed(d.servqual.gap)) for d in card.dimensions if d.servqual]
        if card.servqual_unweighted is not None:
            rows.append(("unweighted", "", "", signed(card.servqual_unweighted)))
        if card.servqual_weighted is not None:
            rows.append(("weighted", "", "", signed(card.servqual_weighted)))
        self.set_rows(rows)

    HEADERS = (N_("Dimension"), N_("Perception"), N_("Expectation"), N_("Gap (P − E)"))

    def cell(self, row: tuple[str, ...], column: int) -> str:
        if column == 0:
            return {"unweighted": _("Unweighted score"), "weighted": _("Weighted score")}.get(row[0], row[0])
        return row[column]

"""The roll-up's codes in words, in the current language (JSON, tables, PDF and window share these)."""

from __future__ import annotations

from rater_desktop.framework import builtin_criterion, dimension_name
from rater_desktop.i18n import N_, _
from rater_desktop.rollup.privacy import BACK_CALCULATION, FEW_CUSTOMERS, MIN_PARTICIPANTS, Hidden
from rater_desktop.rollup.results import StatementGap

FIGURE_WORDS = {
    "internal": N_("Team figures"),
    "customer": N_("Customer figures"),
    "continuum": N_("Continuum position"),
    "statement": N_("Statement figure"),
}
"""What a withheld figure is, as the label that opens its sentence."""


def hidden_sentence(hidden: Hidden, min_group: int, *, pooled: bool = False) -> str:
    """Why one figure is withheld, as a sentence a reader outside the team understands."""
    what = _(FIGURE_WORDS[hidden.figure])
    if hidden.statement:
        what = f"{what} ({statement_text(hidden.statement)})"
    elif hidden.dimension:
        what = f"{what} ({dimension_name(hidden.dimension)})"
    if hidden.reason == BACK_CALCULATION and pooled:
        return _("{what} withheld for the whole group: only one team's figure is withheld, and the group "
                 "figure would give it away.").format(what=what)
    if hidden.reason == BACK_CALCULATION:
        return _("{what} withheld so that another team's withheld figure cannot be worked out from the group "
                 "figure.").format(what=what)
    if hidden.reason == FEW_CUSTOMERS:
        return _("{what} withheld: fewer than {n} customers answered.").format(what=what, n=min_group)
    return _("{what} withheld: fewer than {n} participants took part.").format(what=what, n=MIN_PARTICIPANTS)


def statement_text(key: str) -> str:
    """A built-in statement's wording in the current language (its key if this version lacks it)."""
    criterion = builtin_criterion(key)
    return criterion.text if criterion else key


def gap_sentence(gap: StatementGap) -> str:
    """What the statement-level comparison left out, and why."""
    teams = ", ".join(gap.teams)
    if gap.kind == "own":
        return _("{team} ({dimension}): its own statement “{text}” has no match in the built-in list, so it "
                 "counts in the dimension but is not compared on its own.").format(
            team=teams, dimension=dimension_name(gap.dimension), text=gap.text)
    return _("“{text}” ({dimension}) is compared without {teams}, which removed it.").format(
        text=statement_text(gap.key or ""), dimension=dimension_name(gap.dimension), teams=teams)

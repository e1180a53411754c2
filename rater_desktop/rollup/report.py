"""The group report: a roll-up as a PDF, in English or Vietnamese.

Cover, the heatmaps at a glance (team grades, customer grades, gaps: each
cell against the pooled whole), each dimension's ranking of teams, one line
per team, and the method and privacy note (how the whole is pooled, what is
withheld and why, which statements and files were left out).  The words and
numbers are decided here, in the report's language; the layout, fonts, page
template and table style are the single-workbook report's own
(``report.render.build_pdf``).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date

from rater_desktop import i18n
from rater_desktop.analysis import DimensionResult
from rater_desktop.collation import name_key
from rater_desktop.framework import dimension_name
from rater_desktop.i18n import _, format_date, ngettext
from rater_desktop.model import DIMENSION_KEYS
from rater_desktop.report.content import STATUS_WORDS, clip, flag_word, points, signed
from rater_desktop.report.model import Bullets, Cover, ReportContent, Section, Table, Text
from rater_desktop.rollup.heatmap import VIEWS, WITHHELD_COLOUR, Cell, cell, difference_colour, withheld
from rater_desktop.rollup.privacy import MIN_PARTICIPANTS
from rater_desktop.rollup.results import Rollup, TeamResult
from rater_desktop.rollup.session import Notice
from rater_desktop.rollup.wording import gap_sentence, hidden_sentence

VIEW_TITLES = {
    "internal": i18n.N_("Team grades"),
    "customer": i18n.N_("Customer grades"),
    "gap": i18n.N_("Gaps (team minus customers)"),
}
POOLED_COLOUR = "#e8eef4"
"""the whole group's row in the heatmaps"""
NAME_LIMIT = 60
"""Longest team name in a table cell (the full name is in the one-line summaries)."""


def write_rollup_report(rollup: Rollup, out_path: str | os.PathLike[str], *, lang: str = "en",
                        title: str = "", notices: Sequence[Notice] = (), progress=None, cancel=None) -> int:
    """Write the group report and return its page count; words, numbers and dates in ``lang``."""
    from rater_desktop.report.render import build_pdf

    with i18n.language_context(lang):
        content = build_rollup_content(rollup, title=title, notices=notices)
        return build_pdf(content, out_path, progress=progress, cancel=cancel)


def build_rollup_content(rollup: Rollup, *, title: str = "", notices: Sequence[Notice] = (),
                         today: date | None = None) -> ReportContent:
    """What the group report says, in the current language (pure: no reportlab)."""
    names = {key: dimension_name(key) for key in DIMENSION_KEYS}
    sections = (
        _glance(rollup, names),
        _ranking(rollup, names),
        _teams(rollup, names),
        _method(rollup, notices),
    )
    when = format_date((today or date.today()).isoformat())
    return ReportContent(
        cover=_cover(rollup, title, when),
        sections=sections,
        page_label=_("Page {page} of {pages}"),
        contents_title=_("Contents"),
        footer=_("RATER group report · {date}").format(date=when),
    )


def _cover(rollup: Rollup, title: str, when: str) -> Cover:
    pooled = rollup.pooled
    count = ngettext("{n} team", "{n} teams", pooled.teams).format(n=pooled.teams)
    people = _("{participants} participants · {customers} customers").format(
        participants=pooled.participants, customers=pooled.customers)
    inner, outer = pooled.card.overall_internal, pooled.card.overall_customer
    lines = [_("Customers' grade of the whole group: {grade} ({mean} of 4)").format(
        grade=outer.grade, mean=points(outer.mean))] if outer else []
    if rollup.left_out:
        lines.append(ngettext("{n} file could not be read and is left out (see the last page).",
                              "{n} files could not be read and are left out (see the last page).",
                              len(rollup.left_out)).format(n=len(rollup.left_out)))
    caption = (_("Team grade of the whole group ({mean} of 4)").format(mean=points(inner.mean)) if inner
               else _("The whole group's team grade is withheld or not given yet."))
    return Cover(title=_("Group report"), organisation=title or count, assessment=people,
                 date=when, grade=inner.grade if inner else None, grade_caption=caption, lines=tuple(lines))


# --- at a glance -----------------------------------------------------------------------


def _glance(rollup: Rollup, names: dict[str, str]) -> Section:
    blocks: list = [Text(_(
        "Each cell shows a team's figure on a dimension and, below it, how far it is from the whole group "
        "(all teams' respondents pooled). Blue: better than the group; orange: worse; the further off, the "
        "stronger. For gaps, above the group means the team rates itself more kindly than its customers do."),
        "small")]
    for view in VIEWS:
        blocks.append(Text(_(VIEW_TITLES[view]), "subheading"))
        blocks.append(_heatmap(rollup, view, names))
    return Section("glance", _("At a glance"), tuple(blocks))


def _heatmap(rollup: Rollup, view: str, names: dict[str, str]) -> Table:
    """The whole group first (tinted), then one row per team, each cell against the whole."""
    header = (_("Team"), _("n"), *(names[key] for key in DIMENSION_KEYS))
    pooled = rollup.pooled
    n = pooled.customers if view == "customer" else pooled.participants
    rows = [(_("All teams"), str(n), *(_pooled_text(view, d) for d in pooled.card.dimensions))]
    shading = [(POOLED_COLOUR,) * len(header)]
    for team in rollup.teams:
        texts, colours = [], []
        for d in team.card.dimensions:
            c = cell(view, d, team.differences[d.key])
            if c.value is not None:
                texts.append(_cell_text(view, c))
                colours.append(difference_colour(view, c.difference))
            elif withheld(team, view, d):
                texts.append(_("withheld"))
                colours.append(WITHHELD_COLOUR)
            else:
                texts.append("–")
                colours.append(None)
        n = team.customers if view == "customer" else team.participants
        rows.append((clip(team.name, NAME_LIMIT), str(n), *texts))
        shading.append((None, None, *colours))
    # the longest dimension names ("Responsiveness", "Phương tiện hữu hình") must not break inside a word,
    # and a branch's name ("Harbour Street branch", "Chi nhánh Quận 1") should keep to one line
    widths = (3.2, 0.8, 1.8, 1.8, 2.2, 1.8, 2.5)
    return Table(header, tuple(rows), widths, ("L", "R", *("C",) * len(DIMENSION_KEYS)), shading=tuple(shading))


def _cell_text(view: str, c: Cell) -> str:
    figure = signed(c.value) if view == "gap" else f"{c.grade} {points(c.value)}"
    if c.difference is None:
        return figure
    return f"{figure}\n{signed(c.difference)}"


def _pooled_text(view: str, d: DimensionResult) -> str:
    if view == "gap":
        return signed(d.gap) if d.gap is not None else "–"
    stat = d.internal if view == "internal" else d.customer
    return f"{stat.grade} {points(stat.mean)}" if stat else "–"


# --- ranking ---------------------------------------------------------------------------


def _ranking(rollup: Rollup, names: dict[str, str]) -> Section:
    blocks: list = [Text(_(
        "Teams ranked by their own grade on each dimension, highest first, with their customers' grade and the "
        "gap. Teams whose figures are withheld or not given come last."), "small")]
    for key in DIMENSION_KEYS:
        blocks.append(Text(names[key], "subheading"))
        blocks.append(_ranking_table(rollup, key))
    return Section("ranking", _("Ranking per dimension"), tuple(blocks))


def _ranking_table(rollup: Rollup, key: str) -> Table:
    entries = [(team, team.card.dimension(key)) for team in rollup.teams]
    entries.sort(key=lambda e: (e[1].internal is None, -(e[1].internal.mean if e[1].internal else 0),
                                name_key(e[0].name)))
    rows = []
    for place, (team, d) in enumerate(entries, start=1):
        rows.append((str(place) if d.internal else "", clip(team.name, NAME_LIMIT),
                     _figure_text(team, "internal", d), _figure_text(team, "customer", d),
                     _withheld_or(team, "gap", d, signed(d.gap)), flag_word(d.flag)))
    header = (_("#"), _("Team"), _("Team grade"), _("Customers"), _("Gap"), _("Reading"))
    return Table(header, tuple(rows), (0.6, 3, 1.6, 2, 1, 1.8), ("R", "L", "C", "C", "R", "L"))


def _figure_text(team: TeamResult, view: str, d: DimensionResult) -> str:
    stat = d.internal if view == "internal" else d.customer
    if stat is None:
        return _withheld_or(team, view, d, "–")
    text = f"{stat.grade} ({points(stat.mean)})"
    return _("{figure}, n={n}").format(figure=text, n=stat.n) if view == "customer" else text


def _withheld_or(team: TeamResult, view: str, d: DimensionResult, text: str) -> str:
    return _("withheld") if withheld(team, view, d) else text


# --- team by team ------------------------------------------------------------------------


def _teams(rollup: Rollup, names: dict[str, str]) -> Section:
    return Section("teams", _("Team by team"), (
        Text(_("One line per team: its round, its grades, where it and its customers disagree, its actions and "
               "how it moved since its previous round."), "small"),
        Bullets(tuple(team_line(team, names) for team in rollup.teams)),
    ))


def team_line(team: TeamResult, names: dict[str, str]) -> str:
    """One sentence about a team (also the window's and the command line's summary line)."""
    card = team.card
    parts = [_("{round}, {participants} participants, {customers} customers").format(
        round=card.assessment.name, participants=team.participants, customers=team.customers)]
    inner, outer = card.overall_internal, card.overall_customer
    parts.append(_("team {team}, customers {customers}").format(
        team=inner.grade if inner else _("withheld") if _side_hidden(team, "internal") else "–",
        customers=outer.grade if outer else _("withheld") if _side_hidden(team, "customer") else "–"))
    for flag in ("blind_spot", "hidden_strength"):
        keys = team.flagged(flag)
        if keys:
            parts.append(_("{flag}: {dimensions}").format(flag=flag_word(flag).lower(),
                                                         dimensions=", ".join(names[k] for k in keys)))
    if team.actions:
        parts.append(_("actions: {counts}").format(counts=", ".join(
            f"{count} {_(STATUS_WORDS[status]).lower()}" for status, count in team.actions.items() if count)))
    movement = _movement(team)
    if movement:
        parts.append(movement)
    return f"{team.name}: " + "; ".join(parts) + "."


def _side_hidden(team: TeamResult, side: str) -> bool:
    return any(h.figure == side for h in team.hidden)


def _movement(team: TeamResult) -> str:
    """How the team's own overall grade moved since its previous round (when both are shown)."""
    if len(team.rounds) < 2:
        return ""
    (before, earlier), (_now, latest) = team.rounds[-2], team.rounds[-1]
    if earlier.overall_internal is None or latest.overall_internal is None:
        return ""
    return _("team grade {before} in {round} → {after} now ({change} points)").format(
        before=earlier.overall_internal.grade, round=before.name, after=latest.overall_internal.grade,
        change=signed(latest.overall_internal.mean - earlier.overall_internal.mean))


# --- method and privacy ---------------------------------------------------------------------


def _method(rollup: Rollup, notices: Sequence[Notice]) -> Section:
    blocks: list = [
        Text(_("How the whole group is computed"), "subheading"),
        Text(_("The group figures pool the respondents of all teams: every participant's and every customer's "
               "score counts once, so a large team weighs more than a small one. They are not an average of the "
               "teams' averages. Each team's figures come from the round shown for it, computed as in its own "
               "report card; customer figures use the surveys each team counts in its comparison.")),
        Text(_("Teams whose statements differ are compared per dimension, each dimension scored on the team's "
               "own statements. Statements are compared one by one only where teams share a built-in "
               "statement.")),
        Text(_("Grades: A = 4, B = 3, C = 2, D = 1, F = 0 points; a mean of 3.5 or more is an A, 2.5 a B, "
               "1.5 a C, 0.5 a D. Gap = team mean minus customer mean; a blind spot is a gap of "
               "{threshold} points or more, a hidden strength one of −{threshold} or less.").format(
            threshold=points(rollup.pooled.gap_threshold, 1)), "small"),
        Text(_("Privacy"), "subheading"),
        Text(_("No team figure rests on fewer than {participants} participants, and no customer figure on fewer "
               "than {customers} customers. Withheld teams still count in the group figures; so that their "
               "figures cannot be worked out by subtracting the teams shown from the group, a second team (the "
               "smallest) or the group figure is withheld as well.").format(
            participants=MIN_PARTICIPANTS, customers=rollup.min_group)),
    ]
    withheld = [f"{team.name} — {hidden_sentence(h, rollup.min_group)}" for team in rollup.teams for h in team.hidden]
    withheld += [f"{_('All teams')} — {hidden_sentence(h, rollup.min_group, pooled=True)}"
                 for h in rollup.pooled.hidden]
    if withheld:
        blocks.append(Bullets(tuple(withheld)))
    if rollup.statement_gaps:
        blocks.append(Text(_("Statements left out of the statement comparison"), "subheading"))
        blocks.append(Bullets(tuple(gap_sentence(gap) for gap in rollup.statement_gaps)))
    if rollup.left_out or notices:
        blocks.append(Text(_("Files"), "subheading"))
        blocks.append(Bullets(tuple(
            [_("Left out: {path} — {reason}").format(path=item.path.name, reason=item.reason)
             for item in rollup.left_out]
            + [_("Note: {message}").format(message=notice.message) for notice in notices])))
    return Section("method", _("Method and privacy"), tuple(blocks), new_page=False)

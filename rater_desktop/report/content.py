"""Report card → what the PDF says (pure functions, no reportlab).

Every number, table row, sentence and chart spec of the report is decided
here, in the current language (``i18n.language_context`` around the call), so the words can
be tested without opening a PDF.  ``render.py`` only lays this out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rater_desktop import charts
from rater_desktop.analysis import CriterionResult, ReportCard
from rater_desktop.framework import criterion_wording, dimension_name
from rater_desktop.i18n import N_, _, format_date, format_number, language, ngettext
from rater_desktop.model import GRADES, Action, AssessmentData, Criterion
from rater_desktop.privacy import names_shown, small_group
from rater_desktop.report.model import (
    SECTION_TITLES,
    Bullets,
    Chart,
    Cover,
    ReportContent,
    ReportOptions,
    Section,
    Table,
    Text,
)
from rater_desktop.survey_sources import scale_text
from rater_desktop.trends import OVERALL, Point, action_checks, change_sentence, check_sentence, trend

CELL_LIMIT = 400
"""Longest text put in a table cell: a table row cannot split over pages."""

FLAG_WORDS = {
    "blind_spot": N_("Blind spot"),
    "hidden_strength": N_("Hidden strength"),
    "aligned": N_("Aligned"),
    "few_responses": N_("Few responses"),
}
STATUS_WORDS = {
    "open": N_("Open"),
    "in_progress": N_("In progress"),
    "done": N_("Done"),
    "dropped": N_("Dropped"),
}
GRADE_COLUMNS = GRADES
TREND_ROUNDS = 4
"""Most rounds the trend table shows (the latest ones): a page is only so wide."""


@dataclass(frozen=True)
class RoundPoint:
    """One round's overall means, for the trend chart (oldest first)."""

    name: str
    date: str
    internal: float | None
    customer: float | None


def _heading(key: str) -> str:
    return _(SECTION_TITLES[key])


def clip(text: str, limit: int = CELL_LIMIT) -> str:
    """Text cut to ``limit`` characters with an ellipsis (table cells only)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def points(value: float | None, decimals: int = 2) -> str:
    return "–" if value is None else format_number(value, decimals)


def signed(value: float | None) -> str:
    if value is None:
        return "–"
    text = format_number(value, 2)
    return text if text.startswith("-") or text == format_number(0, 2) else "+" + text


def grade_word(code: str | None) -> str:
    return _("N/A") if code == "NA" else (code or "–")


def flag_word(code: str | None) -> str:
    return _(FLAG_WORDS[code]) if code in FLAG_WORDS else ""


def criterion_text(criterion: Criterion) -> str:
    """The built-in wording in the report language, or the user's own text.

    A built-in statement is shown in the report's language only while its text
    is still a shipped wording: once the user edited it, their words win.
    """
    return criterion_wording(criterion)[0]


def build_content(card: ReportCard, data: AssessmentData, *, rounds: Sequence[RoundPoint] = (),
                  history: Sequence[ReportCard] = (), previous_actions: Sequence[Action] = (),
                  options: ReportOptions | None = None) -> ReportContent:
    """Everything the report says about ``card`` (computed from ``data``), in the current language.

    ``data`` supplies what the card does not carry: actions, participants and
    the gap threshold.  The privacy rule (:mod:`rater_desktop.privacy`) holds:
    people are named (in the methodology) only when the workbook allows names,
    the group has three or more, *and* ``options.anonymise`` is off; a smaller
    group gets its dimension results only (no votes per statement, notes,
    roles or spread of votes).  ``history`` is
    the cards of the rounds up to and including this one (oldest first) and
    ``previous_actions`` the actions of the round before it, for the trends
    section (left out with fewer than two rounds).
    """
    options = options or ReportOptions()
    actions = data.actions
    private = small_group(data)
    named = names_shown(data) and not options.anonymise
    names = {d.key: dimension_name(d.key, language()) for d in card.dimensions}
    makers = {
        "summary": lambda: _summary(card, names, actions, private),
        "card": lambda: _card(card, names),
        "charts": lambda: _charts(card, names, rounds, data.gap_threshold),
        "trends": lambda: trends_section(history, previous_actions, names),
        "contexts": lambda: _contexts(card, names),
        "criteria": lambda: _criteria(card, names, private),
        "actions": lambda: _actions(card, names, actions),
        "customers": lambda: _customers(card, names),
        "method": lambda: _method(data, named, private),
    }
    sections = tuple(s for key, make in makers.items() if key in options.sections and (s := make()))
    return ReportContent(
        cover=_cover(card),
        sections=sections,
        page_label=_("Page {page} of {pages}"),
        contents_title=_("Contents"),
        footer=_("RATER report card · {date}").format(date=format_date(card.assessment.date)),
        options=options,
    )


def _cover(card: ReportCard) -> Cover:
    lines = []
    if card.overall_customer:
        lines.append(_("Customers' grade: {grade} ({mean} of 4)").format(
            grade=card.overall_customer.grade, mean=points(card.overall_customer.mean)))
    if card.overall_internal:
        caption = _("Team's overall grade ({mean} of 4)").format(mean=points(card.overall_internal.mean))
    else:
        caption = _("No grades have been given in this round yet.")
    return Cover(
        title=_("Customer service report card"),
        organisation=card.organisation,
        assessment=card.assessment.name,
        date=format_date(card.assessment.date),
        grade=card.overall_internal.grade if card.overall_internal else None,
        grade_caption=caption,
        lines=tuple(lines),
    )


def _summary(card: ReportCard, names: dict[str, str], actions: Sequence[Action], private: bool) -> Section:
    blocks: list = []
    if card.overall_internal:
        blocks.append(Text(_("The team grades its customer service {grade} overall ({mean} of 4 points).").format(
            grade=card.overall_internal.grade, mean=points(card.overall_internal.mean)), "lead"))
    else:
        blocks.append(Text(_("No grades have been given in this round yet."), "lead"))
    if card.overall_customer:
        blocks.append(Text(_("Customers grade it {grade} ({mean} of 4 points).").format(
            grade=card.overall_customer.grade, mean=points(card.overall_customer.mean)), "lead"))
    # two votes' spread beside their mean gives both votes away
    readings = [r for r in card.readings if not (private and r.code == "widest_disagreement")]
    facts = [reading_sentence(r, names) for r in readings]
    facts = [f for f in facts if f]
    if facts:
        blocks.append(Text(_("What stands out"), "subheading"))
        blocks.append(Bullets(tuple(facts)))
    gaps = sorted((d for d in card.dimensions if d.flag in ("blind_spot", "hidden_strength")),
                  key=lambda d: -abs(d.gap))
    if gaps:
        blocks.append(Text(_("Biggest differences from customers"), "subheading"))
        blocks.append(Bullets(tuple(
            _("{dimension}: team {team}, customers {customer} ({gap} points, {flag})").format(
                dimension=names[d.key], team=d.internal.grade, customer=d.customer.grade,
                gap=signed(d.gap), flag=flag_word(d.flag).lower())
            for d in gaps[:3])))
    top = [a for a in actions if a.status in ("open", "in_progress")]
    top.sort(key=lambda a: (a.due is None, a.due or ""))
    if top:
        blocks.append(Text(_("Top actions"), "subheading"))
        blocks.append(Bullets(tuple(_action_line(a, names) for a in top[:3])))
    return Section("summary", _heading("summary"), tuple(blocks))


def _action_line(action: Action, names: dict[str, str]) -> str:
    parts = [action.title]
    if action.owner:
        parts.append(_("owner: {owner}").format(owner=action.owner))
    if action.due:
        parts.append(_("due {date}").format(date=format_date(action.due)))
    return " — ".join([parts[0], ", ".join(parts[1:])]) if len(parts) > 1 else parts[0]


def reading_sentence(reading, names: dict[str, str]) -> str:
    """One plain sentence per analysis reading (codes → words)."""
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


def _card(card: ReportCard, names: dict[str, str]) -> Section:
    rows = []
    for d in card.dimensions:
        team = f"{d.internal.grade} ({points(d.internal.mean)})" if d.internal else "–"
        customer = f"{d.customer.grade} ({points(d.customer.mean)}, n={d.customer.n})" if d.customer else "–"
        rows.append((names[d.key], team, grade_word(d.consensus), customer, signed(d.gap), flag_word(d.flag)))
    overall_team = (f"{card.overall_internal.grade} ({points(card.overall_internal.mean)})"
                    if card.overall_internal else "–")
    overall_customer = (f"{card.overall_customer.grade} ({points(card.overall_customer.mean)})"
                        if card.overall_customer else "–")
    overall_gap = (card.overall_internal.mean - card.overall_customer.mean
                   if card.overall_internal and card.overall_customer else None)
    rows.append((_("Overall"), overall_team, "", overall_customer, signed(overall_gap), ""))
    table = Table(
        header=(_("Dimension"), _("Team grade"), _("Consensus"), _("Customer grade"), _("Gap"), _("Flag")),
        rows=tuple(rows), widths=(2.8, 1.9, 1.9, 2.6, 1.2, 2.2), align=("L", "C", "C", "C", "R", "L"))
    blocks: list = [table, Text(_("Grades are means on a 0–4 scale (A = 4 … F = 0); the gap is the team's "
                                  "mean minus the customers' mean."), "small")]
    if card.compression_ratio is not None:
        blocks.append(Text(_("Compression ratio: {ratio} (below 1 means the team flattens differences "
                             "customers see).").format(ratio=points(card.compression_ratio)), "small"))
    rationales = [(names[d.key], d.consensus_rationale) for d in card.dimensions if d.consensus_rationale]
    if rationales:
        blocks.append(Text(_("Why the team agreed these grades"), "subheading"))
        blocks += [Text(f"{name}: {text}", "body") for name, text in rationales]
    return Section("card", _heading("card"), tuple(blocks))


def _charts(card: ReportCard, names: dict[str, str], rounds: Sequence[RoundPoint],
            threshold: float) -> Section | None:
    labels = tuple(names[d.key] for d in card.dimensions)
    has_customers = any(d.customer for d in card.dimensions)
    blocks: list = []
    if any(d.internal for d in card.dimensions) or has_customers:
        blocks.append(Chart(charts.DimensionBarsSpec(
            title=_("Team and customer grades by dimension"), labels=labels,
            team=tuple(d.internal.mean if d.internal else None for d in card.dimensions),
            customer=tuple(d.customer.mean if d.customer else None for d in card.dimensions)
            if has_customers else None,
            team_label=_("Team"), customer_label=_("Customers"), axis_label=_("Points (0–4)"))))
    if any(d.gap is not None for d in card.dimensions):
        blocks.append(Chart(charts.GapSpec(
            title=_("Gap: team minus customers"), labels=labels,
            gaps=tuple(d.gap for d in card.dimensions),
            flags=tuple("" if d.flag == "aligned" else flag_word(d.flag) for d in card.dimensions),
            threshold=threshold, axis_label=_("Points (positive: the team is kinder than customers)")),
            aspect=0.42))
    continuum = _continuum_spec(card)
    if continuum:
        blocks.append(Chart(continuum, aspect=0.3))
    trend = [r for r in rounds if r.internal is not None or r.customer is not None]
    if len(trend) > 1:
        blocks.append(Chart(charts.TrendSpec(
            title=_("Overall grade over the rounds"),
            rounds=tuple(f"{r.name}\n{format_date(r.date)}" for r in trend),
            team=tuple(r.internal for r in trend), customer=tuple(r.customer for r in trend),
            team_label=_("Team"), customer_label=_("Customers"), axis_label=_("Points (0–4)"))))
    return Section("charts", _heading("charts"), tuple(blocks), new_page=False) if blocks else None


def trends_section(history: Sequence[ReportCard], previous_actions: Sequence[Action],
                   names: dict[str, str]) -> Section | None:
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
            before=moves.rounds[-2].name, after=moves.rounds[-1].name)),
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
    return Section("trends", _heading("trends"), tuple(blocks))


def _trend_grade(point: Point) -> str:
    return f"{point.grade} ({points(point.mean)})" if point.grade else "–"


def _continuum_spec(card: ReportCard) -> charts.ContinuumSpec | None:
    rows = []
    for label, spread in ((_("Where we are"), card.continuum.current),
                          (_("Where we should be"), card.continuum.desired)):
        if spread is not None:
            rows.append(charts.ContinuumRow(label, spread.mean, spread.min, spread.max))
    if not rows:
        return None
    return charts.ContinuumSpec(title=_("Efficiency or intimacy: where the team places the service"),
                                left_pole=_("Operational efficiency"), right_pole=_("Customer intimacy"),
                                rows=tuple(rows))


def _contexts(card: ReportCard, names: dict[str, str]) -> Section | None:
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
        (names[d.key], *(f"{s.grade} ({points(s.mean)})" if s else "–" for _c, s in d.contexts),
         points(d.context_range), flag if d.context_flag else "")
        for d in card.dimensions)
    width = max(1.0, 8.0 / len(contexts))
    table = Table(header=(_("Dimension"), *(clip(c.name, 80) for c in contexts), _("Range"), _("Flag")),
                  rows=rows, widths=(2.6, *(width,) * len(contexts), 1.3, 1.8),
                  align=("L", *("C",) * len(contexts), "R", "L"))
    return Section("contexts", _heading("contexts"), new_page=False, blocks=(
        Text(_("A dimension is flagged when its grades in different situations span a full letter or more."),
             "small"),
        Chart(spec), table))


def _criteria(card: ReportCard, names: dict[str, str], private: bool) -> Section:
    if private:
        return Section("criteria", _heading("criteria"), (Text(_(
            "Fewer than three people answered in this round, so the report shows the team's result per "
            "dimension only: no votes per statement and no notes, so that no answer points to a person.")),))
    blocks: list = [Text(_("Each statement with the team's mean grade and how the votes fell; notes are "
                           "shown without names."), "small")]
    for d in card.dimensions:
        blocks.append(Text(names[d.key], "subheading"))
        if not d.criteria:
            blocks.append(Text(_("No statements in this dimension."), "small"))
            continue
        rows = tuple((clip(criterion_text(c.criterion)), _criterion_grade(c),
                      *(str(c.distribution.get(g, 0)) for g in GRADE_COLUMNS)) for c in d.criteria)
        blocks.append(Table(header=(_("Statement"), _("Grade"), *(grade_word(g) for g in GRADE_COLUMNS)),
                            rows=rows, widths=(6.4, 1.6, 0.8, 0.8, 0.8, 0.8, 0.8, 1.6),
                            align=("L", "C", *("C",) * len(GRADE_COLUMNS))))
        for c in d.criteria:
            if c.notes:
                blocks.append(Text(_("Notes on “{statement}”").format(statement=clip(criterion_text(c.criterion), 120)),
                                   "body"))
                blocks += [Text(note, "note") for note in c.notes]
    return Section("criteria", _heading("criteria"), tuple(blocks))


def _criterion_grade(result: CriterionResult) -> str:
    text = f"{result.stat.grade} ({points(result.stat.mean)})" if result.stat else "–"
    if result.consensus:
        text += "\n" + _("agreed: {grade}").format(grade=result.consensus)
    return text


def _actions(card: ReportCard, names: dict[str, str], actions: Sequence[Action]) -> Section | None:
    if not actions:
        return None
    rows = []
    for a in actions:
        where = names.get(a.dimension or "", "–")
        criterion = card.criterion(a.criterion_id) if a.criterion_id is not None else None
        if criterion is not None:
            where += "\n" + clip(criterion_text(criterion.criterion), 100)
        title = clip(a.title) + (("\n" + clip(a.notes, 300)) if a.notes else "")
        rows.append((where, title, clip(a.owner, 80), format_date(a.due) if a.due else "–",
                     grade_word(a.target_grade), _(STATUS_WORDS.get(a.status, STATUS_WORDS["open"]))))
    return Section("actions", _heading("actions"), new_page=False, blocks=(Table(
        header=(_("Where"), _("Action"), _("Owner"), _("Due"), _("Target"), _("Status")),
        rows=tuple(rows), widths=(2.6, 5, 2, 1.8, 1.4, 1.8), align=("L", "L", "L", "L", "C", "L")),))


def sources_blocks(card: ReportCard) -> list:
    """The surveys the customer figures come from (file, import date, responses, scale), and how
    many were kept aside; nothing when the round has no survey."""
    used = [source for source in card.sources if source.included]
    blocks: list = []
    if used:
        blocks.append(Text(_("Surveys used"), "subheading"))
        blocks.append(Table(
            header=(_("Source file"), _("Imported"), _("Responses"), _("Scale")),
            rows=tuple((clip(s.source_name, 120), format_date(s.imported) if s.imported else "–",
                        format_number(s.rows), clip(scale_text(s.scale), 120)) for s in used),
            widths=(5, 2.2, 1.8, 3.4), align=("L", "L", "R", "L")))
    aside = len(card.sources) - len(used)
    if aside:
        blocks.append(Text(ngettext("{n} more survey of this round was kept aside and is not counted.",
                                    "{n} more surveys of this round were kept aside and are not counted.",
                                    aside).format(n=aside), "small"))
    return blocks


def _customers(card: ReportCard, names: dict[str, str]) -> Section | None:
    blocks: list = sources_blocks(card)
    kpis = [(label, value) for label, value in ((_("Net Promoter Score"), card.kpis.nps),
                                                (_("Customer satisfaction (top two boxes, %)"), card.kpis.csat),
                                                (_("Solved on first contact (%)"), card.kpis.fcr))
            if value is not None]
    if kpis:
        blocks.append(Text(_("Key figures"), "subheading"))
        blocks.append(Table(header=(_("Measure"), _("Value")), rows=tuple((l, points(v, 1)) for l, v in kpis),
                            widths=(6, 2), align=("L", "R")))
    servqual = [d for d in card.dimensions if d.servqual]
    if servqual:
        blocks.append(Text(_("Expectations and perceptions (SERVQUAL)"), "subheading"))
        rows = [(names[d.key], points(d.servqual.perception), points(d.servqual.expectation),
                 signed(d.servqual.gap)) for d in servqual]
        if card.servqual_unweighted is not None:
            rows.append((_("Unweighted score"), "", "", signed(card.servqual_unweighted)))
        if card.servqual_weighted is not None:
            rows.append((_("Weighted score"), "", "", signed(card.servqual_weighted)))
        blocks.append(Table(header=(_("Dimension"), _("Perception"), _("Expectation"), _("Gap (P − E)")),
                            rows=tuple(rows), widths=(3, 2, 2, 2), align=("L", "R", "R", "R")))
        blocks.append(Text(_("Perception and expectation stay on the survey's own scale; a negative gap means "
                             "customers expected more than they received."), "small"))
    customers = [d for d in card.dimensions if d.customer]
    if customers:
        blocks.append(Text(_("Customer grades in detail"), "subheading"))
        rows = tuple((names[d.key], d.customer.grade, points(d.customer.mean), str(d.customer.n),
                      f"{points(d.customer.ci95[0])} – {points(d.customer.ci95[1])}" if d.customer.ci95 else "–")
                     for d in customers)
        blocks.append(Table(header=(_("Dimension"), _("Grade"), _("Mean"), _("Responses"), _("95% interval")),
                            rows=rows, widths=(3, 1.3, 1.3, 1.6, 2.4), align=("L", "C", "R", "R", "R")))
    return Section("customers", _heading("customers"), tuple(blocks), new_page=False) if blocks else None


SCALE = (("A", N_("Excellent: consistently better than customers expect"), "3.5 – 4.0"),
         ("B", N_("Good: meets expectations with few lapses"), "2.5 – 3.49"),
         ("C", N_("Fair: meets expectations some of the time"), "1.5 – 2.49"),
         ("D", N_("Poor: often falls short"), "0.5 – 1.49"),
         ("F", N_("Failing: rarely meets expectations"), "0 – 0.49"))


def _method(data: AssessmentData, named: bool, private: bool) -> Section:
    blocks: list = [
        Text(_("Each team member graded every statement privately from A to F, or N/A when it does not "
               "apply. Letters count as points (A = 4, B = 3, C = 2, D = 1, F = 0); N/A is left out, never "
               "counted as zero. A person's dimension score is the mean of their answered statements, and "
               "the team's score is the mean over the people who answered. The overall grade is the mean of "
               "the five dimensions.")),
        Text(_("Customer answers are converted to the same 0–4 scale. A dimension is a blind spot when the "
               "team's mean is at least {threshold} points above the customers', and a hidden strength when it "
               "is at least {threshold} points below; with fewer than five customer answers no flag is given."
               ).format(threshold=points(data.gap_threshold))),
        Text(_("Grading scale"), "subheading"),
        Table(header=(_("Grade"), _("Meaning"), _("Mean points")),
              rows=tuple((letter, _(meaning), band) for letter, meaning, band in SCALE),
              widths=(1, 6, 2), align=("C", "L", "R")),
    ]
    participants = data.participants
    if participants:
        blocks.append(Text(_("Who took part"), "subheading"))
        if not named:
            roles = sorted({p.role for p in participants if p.role}) if not private else []
            text = _("{count} team members took part.").format(count=len(participants))
            if roles:
                text += " " + _("Roles: {roles}.").format(roles=", ".join(roles))
            blocks.append(Text(text))
        else:
            blocks.append(Bullets(tuple(f"{p.name} ({p.role})" if p.role else p.name for p in participants)))
    return Section("method", _heading("method"), tuple(blocks))

"""The story first: the cover, the at-a-glance page and the executive summary.

A reader who has never seen the app should know from these pages where the
team stands, how its customers see it and what to do first.  Everything is
written from the figures of the report card (no canned praise): which
dimension customers rate best and worst, where the team sees itself
differently, what changed since the last round, the continuum in words, the
customers' verdict in NPS and satisfaction, and three priorities, each with
its reasons (:mod:`rater_desktop.priorities`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rater_desktop.action_status import ActionStatus
from rater_desktop.analysis import DimensionResult, ReportCard
from rater_desktop.i18n import _, ngettext
from rater_desktop.model import AssessmentData
from rater_desktop.priorities import Priority, Reason
from rater_desktop.report import chart_specs
from rater_desktop.report.model import Bullets, Cover, Section, Table, Text, Tile, Tiles
from rater_desktop.report.words import (
    clip,
    date_text,
    flag_word,
    grade_mean,
    percent,
    points,
    position_word,
    signed,
)
from rater_desktop.scoring import points_letter
from rater_desktop.trends import Movement, Trend

GRADE_SHADES = {"A": "#d5ead6", "B": "#e4f0da", "C": "#fbf0d3", "D": "#f8dccd", "F": "#f2c8c2"}
"""Background of a grade cell: a hint only, the letter is always written."""
ARROWS = {"improved": "↑", "declined": "↓", "unchanged": "→"}


def join_words(items: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C" in the current language."""
    items = list(items)
    if len(items) < 2:
        return "".join(items)
    return _("{items} and {last}").format(items=", ".join(items[:-1]), last=items[-1])


def grade_tone(grade: str | None) -> str:
    return {"A": "good", "B": "good", "C": "warning"}.get(grade or "", "bad" if grade else "neutral")


def cover(card: ReportCard) -> Cover:
    """Title, organisation, round, and both overall grades side by side with the verdict in one sentence."""
    team, customers = card.overall_internal, card.overall_customer
    if team and customers:
        headline = _("Customers grade the service {customers}; the team grades itself {team}.").format(
            customers=customers.grade, team=team.grade)
    elif team:
        headline = _("The team grades its service {team}; no customer survey has been added yet.").format(
            team=team.grade)
    else:
        headline = _("No grades have been given in this round yet.")
    return Cover(
        title=_("Customer service report card"), organisation=card.organisation, assessment=card.assessment.name,
        date=date_text(card.assessment.date), grade=None, grade_caption="", headline=headline,
        tiles=tuple(grade_tiles(card)))


# --- at a glance -------------------------------------------------------------------------------


def grade_tiles(card: ReportCard) -> list[Tile]:
    """The two overall grades as tiles, with how many answered (customers first: theirs is the verdict)."""
    tiles = []
    customers, team = card.overall_customer, card.overall_internal
    if customers:
        answers = max((d.customer.n for d in card.dimensions if d.customer), default=0)
        tiles.append(Tile(_("Customers' grade"), customers.grade, _("{mean} of 4 · {n} answers").format(
            mean=points(customers.mean), n=answers), grade_tone(customers.grade)))
    if team:
        people = max((d.internal.n for d in card.dimensions if d.internal), default=0)
        tiles.append(Tile(_("Team's own grade"), team.grade, ngettext(
            "{mean} of 4 · {n} person", "{mean} of 4 · {n} people", people).format(mean=points(team.mean), n=people),
            grade_tone(team.grade)))
    return tiles


def glance(card: ReportCard, names: Mapping[str, str], moves: Trend | None) -> Section | None:
    """One page: the figures, both sides per dimension, the biggest differences and what to do first.

    None for a round without any grade yet: there is nothing to glance at.
    """
    if card.overall_internal is None and card.overall_customer is None:
        return None
    blocks: list = [Tiles(_glance_tiles(card, moves))]
    bars = chart_specs.dimension_bars(card, names)
    if bars:
        blocks.append(bars)
    blocks.append(_side_by_side(card, names))
    blocks.append(_differences(card, names))
    if card.priorities:
        blocks.append(Text(_("What to do first"), "subheading"))
        blocks.append(Bullets(tuple(_priority_line(p, names) for p in card.priorities), numbered=True))
    return Section("glance", _("At a glance"), tuple(blocks))


def _glance_tiles(card: ReportCard, moves: Trend | None) -> tuple[Tile, ...]:
    tiles = grade_tiles(card)
    kpis = card.kpis
    if kpis.nps is not None:
        split = card.nps_split
        detail = _("{promoters} promoters · {detractors} detractors").format(
            promoters=percent(split.promoters), detractors=percent(split.detractors)) if split else ""
        tone = "good" if kpis.nps >= 30 else "warning" if kpis.nps >= 0 else "bad"
        tiles.append(Tile(_("Net Promoter Score"), signed(kpis.nps, 1), detail, tone))
    if kpis.csat is not None:
        tone = "good" if kpis.csat >= 80 else "warning" if kpis.csat >= 60 else "bad"
        tiles.append(Tile(_("Satisfied customers"), percent(kpis.csat), _("top two answers"), tone))
    change = moves.overall.team_change if moves else None
    if change is not None:
        customers = moves.overall.customer_change
        detail = _("customers {arrow} {delta}").format(arrow=ARROWS[customers.direction],
                                                       delta=signed(customers.delta)) if customers else ""
        tiles.append(Tile(_("Team since {round}").format(round=clip(change.since.name, 40)),
                          f"{ARROWS[change.direction]} {signed(change.delta)}", detail,
                          "good" if change.direction == "improved" else "neutral"))
    return tuple(tiles)


def _side_by_side(card: ReportCard, names: Mapping[str, str]) -> Table:
    rows, shading = [], []
    for d in card.dimensions:
        team = d.internal.grade if d.internal else None
        customer = d.customer.grade if d.customer else None
        rows.append((names[d.key], grade_mean(team, d.internal.mean if d.internal else None),
                     grade_mean(customer, d.customer.mean if d.customer else None), signed(d.gap),
                     flag_word(d.flag) or "–", position_word(d.tolerance.position) if d.tolerance else "–"))
        shading.append((None, GRADE_SHADES.get(team or ""), GRADE_SHADES.get(customer or ""), None, None, None))
    return Table(header=(_("Dimension"), _("Team"), _("Customers"), _("Gap"), _("Reading"),
                         _("Customers' zone")),
                 rows=tuple(rows), widths=(2.6, 1.5, 1.5, 1.1, 2.0, 2.6), align=("L", "C", "C", "R", "L", "L"),
                 shading=tuple(shading))


def _differences(card: ReportCard, names: Mapping[str, str]) -> Table:
    """The biggest blind spot and the biggest hidden strength, side by side."""
    blind = max((d for d in card.dimensions if d.flag == "blind_spot"), key=lambda d: d.gap, default=None)
    hidden = min((d for d in card.dimensions if d.flag == "hidden_strength"), key=lambda d: d.gap, default=None)
    left = (_("{dimension}: the team grades it {gap} points above its customers ({team} against {customers}).").format(
        dimension=names[blind.key], gap=points(blind.gap), team=blind.internal.grade, customers=blind.customer.grade)
        if blind else _("None: on no dimension does the team rate itself clearly above its customers."))
    right = (_("{dimension}: customers grade it {gap} points above the team ({customers} against {team}).").format(
        dimension=names[hidden.key], gap=points(-hidden.gap), team=hidden.internal.grade,
        customers=hidden.customer.grade)
        if hidden else _("None: on no dimension do customers rate the service clearly above the team."))
    return Table(header=(_("Biggest blind spot"), _("Biggest hidden strength")), rows=((left, right),),
                 widths=(1, 1), align=("L", "L"), shading=(("#f8e6e0" if blind else None,
                                                            "#e3f0e4" if hidden else None),))


def _priority_line(priority: Priority, names: Mapping[str, str]) -> str:
    return _("{dimension}: {reason}").format(dimension=names[priority.dimension],
                                              reason=reason_text(priority.reasons[0]))


# --- executive summary ----------------------------------------------------------------------------


def summary(card: ReportCard, data: AssessmentData, names: Mapping[str, str], moves: Trend | None,
            statuses: Sequence[ActionStatus], private: bool) -> Section:
    """The figures in sentences, then the three priorities with all their reasons, then the actions."""
    blocks: list = [Text(_verdict(card, names), "lead")]
    paragraphs = [_customer_ends(card, names), _strengths(card, names), _views_differ(card, names, data.gap_threshold),
                  _compression(card), _team_view(card, names, private), _changes(moves, names), _continuum(card),
                  _zone(card, names), _kpis(card)]
    blocks += [Text(text) for text in paragraphs if text]
    if card.priorities:
        blocks.append(Text(_("Three priorities") if len(card.priorities) == 3 else _("Priorities"), "subheading"))
        blocks.append(Bullets(tuple(_priority_sentence(p, names, statuses) for p in card.priorities), numbered=True))
    actions = _actions(statuses)
    if actions:
        blocks.append(Text(_("Actions"), "subheading"))
        blocks.append(Text(actions))
    if private:
        blocks.append(Text(_("Fewer than three people answered, so this report shows the team's results per "
                             "dimension only."), "small"))
    return Section("summary", _("Executive summary"), tuple(blocks))


def _verdict(card: ReportCard, names: Mapping[str, str]) -> str:
    team, customers = card.overall_internal, card.overall_customer
    if team and customers:
        answers = max(d.customer.n for d in card.dimensions if d.customer)
        return _("Customers grade {organisation}'s service {customers} ({customer_mean} of 4 points, from {n} "
                 "answers); the team grades itself {team} ({team_mean}).").format(
            organisation=card.organisation, customers=customers.grade, customer_mean=points(customers.mean),
            n=answers, team=team.grade, team_mean=points(team.mean))
    if team:
        return _("The team grades its customer service {grade} overall ({mean} of 4 points); no customer survey "
                 "has been added to this round.").format(grade=team.grade, mean=points(team.mean))
    return _("No grades have been given in this round yet.")


def _customer_ends(card: ReportCard, names: Mapping[str, str]) -> str:
    rated = [d for d in card.dimensions if d.customer]
    if len(rated) < 2:
        return ""
    best = max(rated, key=lambda d: d.customer.mean)
    worst = min(rated, key=lambda d: d.customer.mean)
    if best.customer.mean == worst.customer.mean:
        return ""
    return _("Customers rate {best} best ({best_grade}, {best_mean}) and {worst} worst ({worst_grade}, "
             "{worst_mean}).").format(
        best=names[best.key], best_grade=best.customer.grade, best_mean=points(best.customer.mean),
        worst=names[worst.key], worst_grade=worst.customer.grade, worst_mean=points(worst.customer.mean))


def _strengths(card: ReportCard, names: Mapping[str, str]) -> str:
    """Dimensions both sides grade B or better: what to keep doing."""
    both = [names[d.key] for d in card.dimensions if d.internal and d.customer
            and d.internal.mean >= 2.5 and d.customer.mean >= 2.5]
    if not both:
        return ""
    return _("Strengths to keep: {dimensions}, graded B or better by customers and the team alike.").format(
        dimensions=join_words(both))


def _team_view(card: ReportCard, names: Mapping[str, str], private: bool) -> str:
    """What the team's own votes say: its strongest and weakest dimension and where it disagrees."""
    found = {r.code: r for r in card.readings}
    parts = []
    if "strongest" in found and "weakest" in found:
        parts.append(_("In its own eyes the team is strongest on {strongest} ({high}) and weakest on {weakest} "
                       "({low}).").format(strongest=names[found["strongest"].dimension],
                                          high=points(found["strongest"].value),
                                          weakest=names[found["weakest"].dimension], low=points(found["weakest"].value)))
    if "widest_disagreement" in found and not private:
        parts.append(_("Its members disagree most about {dimension}: worth a conversation before acting "
                       "there.").format(dimension=names[found["widest_disagreement"].dimension]))
    varies = [r for r in card.readings if r.code == "context_varies"]
    if varies:
        reading = varies[0]
        parts.append(_("{dimension} depends on the situation: best at {high}, weakest at {low}.").format(
            dimension=names[reading.dimension], high=reading.contexts[0], low=reading.contexts[1]))
    return " ".join(parts)


def _views_differ(card: ReportCard, names: Mapping[str, str], threshold: float) -> str:
    blind = sorted((d for d in card.dimensions if d.flag == "blind_spot"), key=lambda d: -d.gap)
    hidden = sorted((d for d in card.dimensions if d.flag == "hidden_strength"), key=lambda d: d.gap)
    parts = []
    if blind:
        parts.append(_("The team rates itself higher than its customers do on {dimensions}: blind spots, where the "
                       "team does not yet see what customers experience.").format(dimensions=_listed(blind, names)))
    if hidden:
        parts.append(_("Customers rate {dimensions} higher than the team does: a hidden strength to build "
                       "on.").format(dimensions=_listed(hidden, names)))
    if not parts and any(d.gap is not None for d in card.dimensions):
        parts.append(_("The team and its customers agree within {threshold} points on every dimension.").format(
            threshold=points(threshold)))
    return " ".join(parts)


def _listed(dimensions: Sequence[DimensionResult], names: Mapping[str, str]) -> str:
    return join_words([f"{names[d.key]} ({signed(d.gap)})" for d in dimensions])


def _compression(card: ReportCard) -> str:
    ratio = card.compression_ratio
    if ratio is None or ratio >= 1:
        return ""
    return _("The team's grades also differ less from one dimension to the next than customers' do (compression "
             "ratio {ratio}): it flattens differences its customers notice.").format(ratio=points(ratio))


def _changes(moves: Trend | None, names: Mapping[str, str]) -> str:
    if moves is None:
        return ""
    team, customers = moves.overall.team_change, moves.overall.customer_change
    parts = []
    if team:
        parts.append(_movement_sentence(_("the team's overall grade"), team))
    if customers:
        parts.append(_movement_sentence(_("the customers' overall grade"), customers, again=bool(team)))
    moved = [(d.team_change, d.key) for d in moves.dimensions if d.team_change]
    if moved:
        change, key = max(moved, key=lambda item: abs(item[0].delta))
        if change.direction != "unchanged":
            parts.append(_("The largest change in the team's view is {dimension} ({delta} points).").format(
                dimension=names[key], delta=signed(change.delta)))
    return " ".join(parts)


def _movement_sentence(who: str, change: Movement, *, again: bool = False) -> str:
    """ "Since Autumn review, the team's overall grade rose 0,45 points (C → B)." (``again``: without the round)."""
    letters = f" ({change.grade_before} → {change.grade_after})" if change.letter_changed else ""
    delta = points(abs(change.delta))
    if change.direction == "unchanged":
        text = _("{who} is unchanged.") if again else _("Since {round}, {who} is unchanged.")
    elif change.direction == "improved":
        text = _("{who} rose {delta} points{letters}.") if again else _("Since {round}, {who} rose {delta} points"
                                                                       "{letters}.")
    else:
        text = _("{who} fell {delta} points{letters}.") if again else _("Since {round}, {who} fell {delta} points"
                                                                       "{letters}.")
    text = text.format(round=change.since.name, who=who, delta=delta, letters=letters)
    return text[0].upper() + text[1:]


def _continuum(card: ReportCard) -> str:
    current, desired = card.continuum.current, card.continuum.desired
    if current is None:
        return ""
    if current.mean < 40:
        side = _("closer to operational efficiency")
    elif current.mean > 60:
        side = _("closer to customer intimacy")
    else:
        side = _("midway between the two")
    text = _("On the line from operational efficiency (0) to customer intimacy (100) the team places its service at "
             "{current}, {side}.").format(current=points(current.mean, 0), side=side)
    if desired is not None:
        distance = desired.mean - current.mean
        if distance > 5:
            move = _("a move towards customer intimacy")
        elif distance < -5:
            move = _("a move towards efficiency")
        else:
            move = _("about where it is now")
        text += " " + _("It wants to be at {desired}: {move}.").format(desired=points(desired.mean, 0), move=move)
    return text


def _zone(card: ReportCard, names: Mapping[str, str]) -> str:
    zones = [(d, d.tolerance) for d in card.dimensions if d.tolerance]
    if not zones:
        return ""
    below = [names[d.key] for d, zone in zones if zone.position == "below"]
    above = [names[d.key] for d, zone in zones if zone.position == "above"]
    parts = []
    if below:
        parts.append(_("Customers rate {dimensions} below the least service they accept.").format(
            dimensions=join_words(below)))
    if above:
        parts.append(_("{dimensions}: better than customers desire.").format(dimensions=join_words(above)))
    if not parts:
        parts.append(_("Every dimension falls within the customers' zone of tolerance."))
    return " ".join(parts)


def _kpis(card: ReportCard) -> str:
    kpis, split = card.kpis, card.nps_split
    parts = []
    if kpis.nps is not None and split is not None:
        parts.append(_("Net Promoter Score {nps}: {promoters} promoters, {passives} passives and {detractors} "
                       "detractors.").format(nps=signed(kpis.nps, 1), promoters=percent(split.promoters),
                                            passives=percent(split.passives), detractors=percent(split.detractors)))
    if kpis.csat is not None:
        parts.append(_("{share} of customers are satisfied (one of the top two answers).").format(
            share=percent(kpis.csat)))
    if kpis.fcr is not None:
        parts.append(_("{share} had their question solved the first time.").format(share=percent(kpis.fcr)))
    return " ".join(parts)


def reason_text(reason: Reason) -> str:
    """One reason a dimension is a priority, as a clause."""
    if reason.code == "below_minimum":
        return _("customers rate it below the least they accept ({gap} on the survey's scale)").format(
            gap=signed(reason.value))
    if reason.code == "shortfall":
        text = _("customers get {gap} less than they desire on the survey's scale").format(
            gap=points(abs(reason.value)))
        if reason.weight is not None:
            text += _(", and it carries {weight} of 100 importance points").format(weight=points(reason.weight, 0))
        return text
    if reason.code == "blind_spot":
        return _("the team grades it {gap} points above its customers").format(gap=points(reason.value))
    grade = points_letter(reason.value)
    if reason.code == "customers_lowest":
        return _("customers' lowest grade ({grade}, {mean})").format(grade=grade, mean=points(reason.value))
    if reason.code == "customers_low":
        return _("customers grade it below a B ({grade}, {mean})").format(grade=grade, mean=points(reason.value))
    return _("the team's weakest dimension ({grade}, {mean})").format(grade=grade, mean=points(reason.value))


def _priority_sentence(priority: Priority, names: Mapping[str, str], statuses: Sequence[ActionStatus]) -> str:
    reasons = "; ".join(reason_text(r) for r in priority.reasons)
    text = _("{dimension}: {reasons}.").format(dimension=names[priority.dimension], reasons=reasons)
    planned = [s.action for s in statuses if s.action.dimension == priority.dimension
               and s.action.status in ("open", "in_progress")]
    if planned:
        text += " " + _("Under way: {title}.").format(title=clip(planned[0].title, 120))
    else:
        text += " " + _("No action is planned for it yet.")
    return text


def _actions(statuses: Sequence[ActionStatus]) -> str:
    active = [s for s in statuses if s.action.status in ("open", "in_progress")]
    if not statuses:
        return ""
    text = ngettext("{n} action is open or under way.", "{n} actions are open or under way.",
                    len(active)).format(n=len(active))
    late = [s for s in active if s.overdue]
    if late:
        text += " " + ngettext("{n} is overdue: {titles}.", "{n} are overdue: {titles}.", len(late)).format(
            n=len(late), titles=join_words([f"“{clip(s.action.title, 80)}” ({date_text(s.action.due)})"
                                            for s in late]))
    reached = [s for s in statuses if s.target_reached]
    if reached:
        text += " " + ngettext("{n} action has reached its target grade.", "{n} actions have reached their "
                               "target grade.", len(reached)).format(n=len(reached))
    return text

"""The action plan: each action with the gap it addresses, and whether it is overdue or on target."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from rater_desktop.action_status import ActionStatus
from rater_desktop.analysis import ReportCard
from rater_desktop.i18n import _, ngettext
from rater_desktop.report.model import Section, Table, Text
from rater_desktop.report.words import STATUS_WORDS, clip, criterion_text, date_text, flag_word, grade_word, signed
from rater_desktop.report.wrapping import NBSP

OVERDUE_SHADE = "#f8dccd"
REACHED_SHADE = "#d5ead6"
_GRADE_AFTER_SPACE = re.compile(r" (?=[A-F–](?: |$))")
"""the space before a lone grade letter, which a narrow column must not break"""
_NUMBER_BEFORE_SPACE = re.compile(r"(?<=\d) ")
"""the space between a number and its unit ("305 days")"""


def plan_section(card: ReportCard, names: Mapping[str, str], statuses: Sequence[ActionStatus]) -> Section | None:
    if not statuses:
        return None
    rows, shading = [], []
    for status in statuses:
        action = status.action
        criterion = card.criterion(action.criterion_id) if action.criterion_id is not None else None
        title = clip(action.title) + (("\n" + clip(action.notes, 300)) if action.notes else "")
        if criterion is not None:
            title += "\n" + _("Statement: {text}").format(text=clip(criterion_text(criterion.criterion), 100))
        rows.append((title, gap_text(status, names), clip(action.owner, 80) or "–", date_text(action.due),
                     grade_word(action.target_grade), _state(status)))
        state_shade = OVERDUE_SHADE if status.overdue else REACHED_SHADE if status.target_reached else None
        shading.append((None, None, None, OVERDUE_SHADE if status.overdue else None, None, state_shade))
    late = sum(1 for s in statuses if s.overdue)
    reached = sum(1 for s in statuses if s.target_reached)
    blocks: list = [Table(
        header=(_("Action"), _("Gap it addresses"), _("Owner"), _("Due"), _("Target"), _("Status")),
        rows=tuple(rows), widths=(4.2, 3.2, 1.9, 2.2, 1.1, 2.3), align=("L", "L", "L", "C", "C", "L"),
        shading=tuple(shading))]
    notes = []
    if late:
        notes.append(ngettext("{n} action is past its due date.", "{n} actions are past their due date.",
                              late).format(n=late))
    if reached:
        notes.append(ngettext("{n} action's dimension already has its target grade.",
                              "{n} actions' dimensions already have their target grade.", reached).format(n=reached))
    notes.append(_("The gap is the team's mean minus the customers' for the action's dimension in this round; a "
                   "target counts as reached when the agreed grade (or else the team's grade) meets it."))
    blocks.append(Text(" ".join(notes), "small"))
    return Section("actions", _("Action plan"), tuple(blocks), new_page=False)


def gap_text(status: ActionStatus, names: Mapping[str, str]) -> str:
    """ "Responsiveness\nteam C · customers C\n+0,61 blind spot" (what the action is meant to close)."""
    action = status.action
    if not action.dimension:
        return "–"
    lines = [names[action.dimension]]
    if status.team or status.customer:
        sides = _("team {team} · customers {customers}").format(
            team=status.team.grade if status.team else "–", customers=status.customer.grade if status.customer else "–")
        lines.append(_GRADE_AFTER_SPACE.sub(NBSP, sides))  # "khách hàng C", never "khách hàng" / "C"
    if status.gap is not None:
        flag = flag_word(status.flag) if status.flag not in (None, "aligned") else ""
        lines.append(" ".join(part for part in (signed(status.gap), flag.lower()) if part))
    return "\n".join(lines)


def _state(status: ActionStatus) -> str:
    text = _(STATUS_WORDS.get(status.action.status, STATUS_WORDS["open"]))
    if status.overdue:
        late = ngettext("Overdue by {n} day", "Overdue by {n} days", status.days_overdue).format(n=status.days_overdue)
        text += "\n" + _NUMBER_BEFORE_SPACE.sub(NBSP, late)  # "305 ngày" stays on one line
    if status.target_reached:
        text += "\n" + _("Target reached ({grade})").format(grade=status.check.actual)
    return text

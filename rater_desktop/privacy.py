"""The privacy rule of DESIGN §3, for everything that leaves the room: report, export, JSON.

For a group of fewer than :data:`MIN_GROUP` people only the group's dimension
results may be shown: no per-statement vote counts, no notes or roles that
point to a person, no per-person rows.  Names go with individual grades only
when the facilitator turned ``show_names`` on, and never for a group under
three.  (The workshop's reveal applies the same rule to one dimension's votes.)

The group is the people who answered something in the round: someone on the
list who never graded does not hide the two who did.
"""

from __future__ import annotations

from rater_desktop.model import AssessmentData

MIN_GROUP = 3
"""Fewest people whose answers may be shown per person or per statement."""


def group_size(data: AssessmentData) -> int:
    """How many of the round's participants gave at least one answer (grade, situation, quick round or continuum)."""
    members = {p.id for p in data.participants}
    answered = {g.participant_id for g in data.grades}
    answered |= {g.participant_id for g in data.context_grades}
    answered |= {g.participant_id for g in data.dimension_grades}
    answered |= {a.participant_id for a in data.continuum}
    return len(members & answered)


def small_group(data: AssessmentData) -> bool:
    """True when the round's results may only be shown per dimension, for the whole group."""
    return group_size(data) < MIN_GROUP


def names_shown(data: AssessmentData) -> bool:
    """True when individual answers may carry the person's name."""
    return data.show_names and not small_group(data)

"""Many workbooks, one picture: the roll-up of several teams' ``.rater`` files (DESIGN §5, issue 16).

``sources`` reads the members (read-only, one bad file never stops the rest),
``digest`` keeps each round's respondent-level numbers, ``compute`` pools them
into every team beside the whole, with ``privacy``'s rules applied, and
``raterset``, ``summary``, ``tables`` and ``report`` save and show the result.
Nothing here imports Qt; the window and the command line share all of it.
"""

from __future__ import annotations

from rater_desktop.rollup.compute import roll_up
from rater_desktop.rollup.privacy import DEFAULT_MIN_GROUP, MIN_PARTICIPANTS, Hidden
from rater_desktop.rollup.results import Difference, LeftOut, PooledResult, Rollup, StatementGap, TeamResult
from rater_desktop.rollup.sources import (
    RollupCancelled,
    Team,
    TeamSource,
    find_workbooks,
    read_source,
    read_sources,
)

__all__ = [
    "DEFAULT_MIN_GROUP",
    "MIN_PARTICIPANTS",
    "Difference",
    "Hidden",
    "LeftOut",
    "PooledResult",
    "Rollup",
    "RollupCancelled",
    "StatementGap",
    "Team",
    "TeamResult",
    "TeamSource",
    "find_workbooks",
    "read_source",
    "read_sources",
    "roll_up",
]

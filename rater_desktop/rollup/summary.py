"""The roll-up as JSON (``rollup … --json``, DESIGN §5).

Each team and the pooled whole are described by the summary's own code
(``summary.summary_dict``), so a team's ``dimensions``, ``overall``,
``continuum`` and ``rounds`` have exactly the shapes of ``summary --json``.
Withheld figures are ``null`` and ``hidden`` lists each with its reason, as
a code and as a sentence.  Added beside the summary's keys: per dimension
``difference`` (team minus pooled), per team ``participants``,
``customers``, ``actions`` (counts by status) and ``statements`` (built-in
key → figure), and at the top ``statements_left_out``, ``notices`` and
``min_group``.  Numbers are not rounded.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from rater_desktop.analysis import ReportCard
from rater_desktop.model import ACTION_STATUSES
from rater_desktop.rollup.privacy import Hidden
from rater_desktop.rollup.results import PooledResult, Rollup, StatementFigure, TeamResult
from rater_desktop.rollup.session import Notice
from rater_desktop.rollup.wording import hidden_sentence
from rater_desktop.summary import summary_dict


def rollup_dict(rollup: Rollup, notices: Sequence[Notice] = ()) -> dict[str, Any]:
    """Everything the roll-up found, as plain JSON-ready data."""
    return {
        "teams": [_team(team, rollup.min_group) for team in rollup.teams],
        "pooled": _pooled(rollup.pooled, rollup.min_group),
        "left_out": [{"path": str(item.path), "reason": item.reason} for item in rollup.left_out],
        "statements_left_out": [
            {"kind": gap.kind, "dimension": gap.dimension, "teams": list(gap.teams), "key": gap.key,
             "text": gap.text or None}
            for gap in rollup.statement_gaps
        ],
        "notices": [{"path": str(notice.path), "message": notice.message} for notice in notices],
        "min_group": rollup.min_group,
    }


def rollup_json(rollup: Rollup, notices: Sequence[Notice] = ()) -> str:
    return json.dumps(rollup_dict(rollup, notices), indent=2, ensure_ascii=False)


def _card_parts(card: ReportCard, rounds: Sequence) -> dict[str, Any]:
    summary = summary_dict(card, rounds)
    return {key: summary[key] for key in ("assessment", "dimensions", "overall", "continuum", "rounds")}


def _team(team: TeamResult, min_group: int) -> dict[str, Any]:
    parts = _card_parts(team.card, team.rounds)
    for dimension in parts["dimensions"]:
        difference = team.differences[dimension["key"]]
        dimension["difference"] = {"internal": difference.internal, "customer": difference.customer,
                                   "gap": difference.gap}
    return {
        "path": str(team.path),
        "name": team.name,
        **parts,
        "participants": team.participants,
        "customers": team.customers,
        "actions": {status: team.actions.get(status, 0) for status in ACTION_STATUSES},
        "statements": {key: _stat(stat) for key, stat in team.statements.items()},
        "hidden": [_hidden(item, min_group) for item in team.hidden],
    }


def _pooled(pooled: PooledResult, min_group: int) -> dict[str, Any]:
    parts = _card_parts(pooled.card, ())
    return {
        "teams": pooled.teams,
        "participants": pooled.participants,
        "customers": pooled.customers,
        "dimensions": parts["dimensions"],
        "overall": parts["overall"],
        "continuum": parts["continuum"],
        "statements": {key: _stat(stat) for key, stat in pooled.statements.items()},
        "hidden": [_hidden(item, min_group, pooled=True) for item in pooled.hidden],
    }


def _stat(stat: StatementFigure | None) -> dict[str, Any] | None:
    return None if stat is None else {"mean": stat.mean, "grade": stat.grade, "n": stat.n}


def _hidden(item: Hidden, min_group: int, *, pooled: bool = False) -> dict[str, Any]:
    return {"figure": item.figure, "dimension": item.dimension, "statement": item.statement,
            "reason": item.reason, "explanation": hidden_sentence(item, min_group, pooled=pooled)}

"""A roll-up being put together: its members, their names and rounds, the minimum group.

The window's roll-up page and the ``rollup`` command drive the same session:
paths go in, are read (off the GUI thread, by :func:`sources.read_sources`),
and the outcomes are adopted here, where duplicates are caught and a saved
set's choices are applied.  The session holds only immutable records, so a
worker can compute a roll-up from a snapshot while the person keeps editing.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from rater_desktop.i18n import _
from rater_desktop.rollup.compute import roll_up
from rater_desktop.rollup.privacy import DEFAULT_MIN_GROUP
from rater_desktop.rollup.raterset import RaterSet, SetMember, load_set, save_set
from rater_desktop.rollup.results import LeftOut, Rollup
from rater_desktop.rollup.sources import Team, TeamSource, find_workbooks, identity


@dataclass(frozen=True)
class Notice:
    """Something worth saying about a member that still takes part (changed since saved, round gone)."""

    path: Path
    message: str


class RollupSession:
    """Members in the order added; ``left_out`` and ``notices`` say what did not go as planned."""

    def __init__(self, min_group: int = DEFAULT_MIN_GROUP) -> None:
        self.teams: list[Team] = []
        self.left_out: list[LeftOut] = []
        self.notices: list[Notice] = []
        self.min_group = min_group
        self._planned: dict[Path, SetMember] = {}
        """choices from an opened set, waiting for their files to be read"""

    # -- members ------------------------------------------------------------------

    @staticmethod
    def paths_to_read(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
        """Files as given and the workbooks inside folders (recursively)."""
        return find_workbooks(paths)

    def adopt(self, outcomes: Iterable[TeamSource | LeftOut]) -> None:
        """Take in what reading produced: new members, or files left out with the reason.

        A file already in the roll-up, or an identical copy of one (the same
        workbook sent twice), counts once; the later one is left out.
        """
        places = {team.source.identity: team.source.path for team in self.teams}
        contents = {team.source.fingerprint: team.source.path for team in self.teams}
        for outcome in outcomes:
            if isinstance(outcome, LeftOut):
                self._planned.pop(identity(outcome.path), None)
                self.left_out.append(outcome)
                continue
            place, name = outcome.identity, outcome.path.name
            if place in places:
                self.left_out.append(LeftOut(outcome.path, _(
                    "“{name}” is already in the roll-up; it counts once.").format(name=name)))
            elif outcome.fingerprint in contents:
                self.left_out.append(LeftOut(outcome.path, _(
                    "“{name}” is an identical copy of “{other}”; it counts once.").format(
                    name=name, other=contents[outcome.fingerprint].name)))
            else:
                places[place] = contents[outcome.fingerprint] = outcome.path
                self.teams.append(self._team(outcome))

    def _team(self, source: TeamSource) -> Team:
        planned = self._planned.pop(source.identity, None)
        if planned is None:
            return Team(source)
        if planned.fingerprint and planned.fingerprint != source.fingerprint:
            self.notices.append(Notice(source.path, _(
                "“{name}” has changed since the roll-up was saved; its figures are read as they are now.").format(
                name=source.path.name)))
        chosen = planned.assessment_id
        if chosen is not None and all(d.assessment.id != chosen for d in source.rounds):
            self.notices.append(Notice(source.path, _(
                "“{name}” no longer has the round “{round}”; its latest round is used.").format(
                name=source.path.name, round=planned.assessment_name or chosen)))
            chosen = None
        return Team(source, planned.name, chosen)

    def rename(self, index: int, name: str) -> None:
        self.teams[index] = replace(self.teams[index], name=name.strip())

    def choose_round(self, index: int, assessment_id: int | None) -> None:
        """Use round ``assessment_id`` of this member (None: always its latest)."""
        team = self.teams[index]
        if assessment_id is not None and all(d.assessment.id != assessment_id for d in team.source.rounds):
            raise KeyError(f"no round {assessment_id} in {team.source.path.name}")
        self.teams[index] = replace(team, assessment_id=assessment_id)

    def remove(self, indexes: Iterable[int]) -> None:
        for index in sorted(set(indexes), reverse=True):
            del self.teams[index]

    # -- figures ----------------------------------------------------------------------

    def snapshot(self) -> tuple[tuple[Team, ...], int, tuple[LeftOut, ...]]:
        """What a worker needs to compute the roll-up, detached from later edits."""
        return tuple(self.teams), self.min_group, tuple(self.left_out)

    def compute(self) -> Rollup:
        teams, min_group, left_out = self.snapshot()
        return roll_up(teams, min_group=min_group, left_out=left_out)

    # -- saving and opening -------------------------------------------------------------

    def to_set(self) -> RaterSet:
        members = tuple(
            SetMember(team.source.path, team.name, team.assessment_id,
                      team.source.rounds[team.round_index].assessment.name if team.assessment_id is not None else "",
                      team.source.fingerprint)
            for team in self.teams
        )
        return RaterSet(members, self.min_group)

    def save(self, path: str | os.PathLike[str]) -> None:
        save_set(path, self.to_set())

    def plan(self, raterset: RaterSet) -> list[Path]:
        """Start from a saved set: remember its choices and return the files to read."""
        self.min_group = raterset.min_group
        for member in raterset.members:
            self._planned[identity(member.path)] = member
        return [member.path for member in raterset.members]

    def open(self, path: str | os.PathLike[str]) -> list[Path]:
        """:func:`plan` for the set saved at ``path``."""
        return self.plan(load_set(path))


def expand_arguments(paths: Sequence[str | os.PathLike[str]], session: RollupSession) -> list[Path]:
    """Command-line arguments to files to read: sets are opened into ``session``, folders searched."""
    found: list[Path] = []
    for item in paths:
        if str(item).lower().endswith(".raterset"):
            found += session.open(item)
        else:
            found += session.paths_to_read([item])
    return found

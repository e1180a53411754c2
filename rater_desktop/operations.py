"""Every change the user makes to a workbook: saved, announced, undoable.

Widgets never write to the workbook; they call one method here per user
action.  Each method reads what it is about to overwrite, performs the change
(one transaction, via ``Workbook``), keeps the inverse on an in-memory undo
stack and tells listeners what changed so views can refresh only that.  The
undo history lasts for the session; the file itself is always saved.

Several drivers share one ``Operations``: the window, and for room voting a
web server on its own thread.  Every public method here runs one at a time
under the workbook's lock, announces a :class:`~rater_desktop.changes.Change`
naming its kind, round and origin, and reaches the GUI's listeners on the GUI
thread (see :mod:`rater_desktop.changes` for how).  A driver names itself with
``acting_as(origin)``; a driver whose changes the person at the laptop must not
take back with Ctrl+Z (a phone's vote) acts with ``undoable=False``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from rater_desktop.changes import Announcer, Change, ChangeKind, current_origin, serialise_public_methods
from rater_desktop.storage import Workbook

if TYPE_CHECKING:
    from rater_desktop.cards import RoundCards
    from rater_desktop.sessions.workshop import Workshops


@dataclass(frozen=True)
class StepInfo:
    """What an undo or redo would take back or make again, for the Edit menu to say in words.

    ``label`` is the operation's name (``"set_grade"``); ``facts`` what the
    words need: ``value`` (a grade code, a 1–7 value), ``name`` (the
    participant, round, action, statement or survey concerned), ``dimension``.
    """

    label: str
    facts: Mapping[str, Any]


@dataclass(frozen=True)
class _Step:
    info: StepInfo
    change: Change
    undo: Callable[[], None]
    redo: Callable[[], None]


class Operations(Announcer):
    """The operations layer over one open workbook."""

    def __init__(self, workbook: Workbook, *, history: bool = True) -> None:
        """``history=False`` keeps no undo steps: for changes made where nobody can undo them
        (the room server writing phones' answers; each phone changes its own answers)."""
        super().__init__()
        self.workbook = workbook
        self._history = history
        self._undo: list[_Step] = []
        self._redo: list[_Step] = []
        self._workshops: Workshops | None = None
        self._cards: RoundCards | None = None

    @property
    def workshops(self) -> Workshops:
        """The workshop sessions on this workbook's rounds (made on first use, kept while it is open)."""
        if self._workshops is None:
            from rater_desktop.sessions.workshop import Workshops

            self._workshops = Workshops(self)
        return self._workshops

    @property
    def cards(self) -> RoundCards:
        """Each round's data and report card, kept until a change touches the round."""
        if self._cards is None:
            from rater_desktop.cards import RoundCards

            self._cards = RoundCards(self)
        return self._cards

    # -- history -------------------------------------------------------------------

    def _done(
        self, label: str, change: Change, undo: Callable[[], None], redo: Callable[[], None], **facts: Any
    ) -> Change:
        origin, undoable = current_origin()
        if self._history and undoable:
            self._undo.append(_Step(StepInfo(label, facts), change, undo, redo))
            self._redo.clear()
        change = replace(change, origin=origin)
        self.announce(change)
        return change

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def undo_step(self) -> StepInfo | None:
        """What ``undo`` would take back (None: nothing)."""
        return self._undo[-1].info if self._undo else None

    @property
    def redo_step(self) -> StepInfo | None:
        """What ``redo`` would make again (None: nothing)."""
        return self._redo[-1].info if self._redo else None

    def undo(self) -> Change | None:
        """Revert the last change; the step stays on the stack if reverting fails."""
        if not self._undo:
            return None
        step = self._undo[-1]
        step.undo()
        self._redo.append(self._undo.pop())
        return self._announce_again(step.change)

    def redo(self) -> Change | None:
        if not self._redo:
            return None
        step = self._redo[-1]
        step.redo()
        self._undo.append(self._redo.pop())
        return self._announce_again(step.change)

    def _announce_again(self, change: Change) -> Change:
        """An undone or redone change comes from whoever undoes it, not from its first maker."""
        change = replace(change, origin=current_origin()[0])
        self.announce(change)
        return change

    # -- shared shapes of change -----------------------------------------------------

    def _added(self, label: str, kind: ChangeKind, table: str, assessment_id: int | None, ident: int, delete) -> int:
        snapshot = self.workbook.capture(table, ident)
        self._done(
            label,
            Change(kind, assessment_id, (ident,)),
            lambda: delete(ident),
            lambda: self.workbook.restore(snapshot),
            name=_row_name((snapshot.get(table) or [{}])[0]),
        )
        return ident

    def _updated(self, label: str, kind: ChangeKind, table: str, ident: int, fields: dict[str, Any], update) -> Change:
        old = self.workbook.raw_row(table, ident)
        if old is None:
            raise KeyError(f"no {table} row with id {ident}")
        before = {key: old[key] for key in fields if key in old}
        update(ident, **fields)
        return self._done(
            label,
            Change(kind, old.get("assessment_id"), (ident,)),
            lambda: update(ident, **before),
            lambda: update(ident, **fields),
            name=_row_name(old),
        )

    def _deleted(self, label: str, kind: ChangeKind, table: str, ident: int, delete) -> Change:
        snapshot = self.workbook.capture(table, ident)
        rows = snapshot.get(table) or [{}]
        delete(ident)
        return self._done(
            label,
            Change(kind, rows[0].get("assessment_id"), (ident,)),
            lambda: self.workbook.restore(snapshot),
            lambda: delete(ident),
            name=_row_name(rows[0]),
        )

    def _assessment_of(self, participant_id: int) -> int | None:
        row = self.workbook.raw_row("participants", participant_id)
        return row["assessment_id"] if row else None

    def _keyed(self, label: str, change: Change, table: str, key: dict[str, Any], write, new: tuple) -> Change:
        """A set-or-remove value under a composite key (grades, answers, consensus)."""
        rows = self.workbook.raw_where(table, **key)
        old = _old_value(table, rows[0]) if rows else (None,)
        write(*new)
        person = self.workbook.raw_row("participants", key["participant_id"]) if "participant_id" in key else None
        return self._done(label, change, lambda: write(*old), lambda: write(*new), value=new[0],
                          name=_row_name(person or {}), dimension=key.get("dimension"))

    # -- workbook-wide -------------------------------------------------------------

    def set_organisation(self, name: str) -> Change:
        old = self.workbook.organisation()
        self.workbook.set_organisation(name)
        return self._done(
            "set_organisation",
            Change(ChangeKind.ORGANISATION, None),
            lambda: self.workbook.set_organisation(old),
            lambda: self.workbook.set_organisation(name),
        )

    def set_setting(self, key: str, value: Any) -> Change:
        old = self.workbook.get_setting(key)
        self.workbook.set_setting(key, value)
        return self._done(
            "set_setting",
            Change(ChangeKind.SETTINGS, None, (key,)),
            lambda: self.workbook.set_setting(key, old),
            lambda: self.workbook.set_setting(key, value),
        )

    def set_settings(self, changes: dict[str, Any]) -> Change:
        """Change several workbook settings as one step (the Settings dialog's OK).

        Each value is checked first (``workbook_settings.checked_changes``):
        a ``ValueError`` with a sentence, and nothing written, when one is
        refused.  Undo writes back exactly what was stored before.
        """
        from rater_desktop.workbook_settings import checked_changes

        new = checked_changes(changes)
        old = {key: self.workbook.get_setting(key) for key in new}
        self.workbook.set_settings(new)
        return self._done(
            "set_settings",
            Change(ChangeKind.SETTINGS, None, tuple(new)),
            lambda: self.workbook.set_settings(old),
            lambda: self.workbook.set_settings(new),
        )

    # -- rounds, participants, situations -----------------------------------------------

    def add_assessment(self, name: str, date: str | date, notes: str = "") -> int:
        ident = self.workbook.add_assessment(name, date, notes)
        return self._added("add_assessment", ChangeKind.ASSESSMENTS, "assessments", ident, ident, self.workbook.delete_assessment)

    def start_round_from(self, assessment_id: int, name: str, date: str | date, carry_note: str = "") -> int:
        """Start a new round from ``assessment_id`` (see ``Workbook.copy_round``); undo removes it whole.

        ``carry_note`` is added to each carried-over action's notes; the UI
        passes a sentence in the user's language naming the source round.
        """
        ident = self.workbook.copy_round(assessment_id, name, date, carry_note)
        return self._added("start_round_from", ChangeKind.ASSESSMENTS, "assessments", ident, ident, self.workbook.delete_assessment)

    def update_assessment(self, assessment_id: int, **fields: Any) -> Change:
        return self._updated(
            "update_assessment", ChangeKind.ASSESSMENTS, "assessments", assessment_id, fields, self.workbook.update_assessment
        )

    def delete_assessment(self, assessment_id: int) -> Change:
        return self._deleted(
            "delete_assessment", ChangeKind.ASSESSMENTS, "assessments", assessment_id, self.workbook.delete_assessment
        )

    def add_participant(self, assessment_id: int, name: str, role: str = "") -> int:
        ident = self.workbook.add_participant(assessment_id, name, role)
        return self._added("add_participant", ChangeKind.PARTICIPANTS, "participants", assessment_id, ident, self.workbook.delete_participant)

    def update_participant(self, participant_id: int, **fields: Any) -> Change:
        return self._updated(
            "update_participant", ChangeKind.PARTICIPANTS, "participants", participant_id, fields,
            self.workbook.update_participant,
        )

    def delete_participant(self, participant_id: int) -> Change:
        return self._deleted(
            "delete_participant", ChangeKind.PARTICIPANTS, "participants", participant_id, self.workbook.delete_participant
        )

    def add_time_context(self, assessment_id: int, name: str) -> int:
        ident = self.workbook.add_time_context(assessment_id, name)
        return self._added("add_time_context", ChangeKind.TIME_CONTEXTS, "time_contexts", assessment_id, ident, self.workbook.delete_time_context)

    def update_time_context(self, context_id: int, **fields: Any) -> Change:
        return self._updated(
            "update_time_context", ChangeKind.TIME_CONTEXTS, "time_contexts", context_id, fields,
            self.workbook.update_time_context,
        )

    def delete_time_context(self, context_id: int) -> Change:
        return self._deleted(
            "delete_time_context", ChangeKind.TIME_CONTEXTS, "time_contexts", context_id, self.workbook.delete_time_context
        )

    def delete_time_contexts(self, context_ids: Sequence[int]) -> Change:
        """Remove several situations, with their grades, as one step that one undo brings back.

        "Stop grading by situation" removes every situation of a round and says Ctrl+Z brings them
        back: one step per situation brought back only the last one.
        """
        ids = tuple(context_ids)
        snapshots = [self.workbook.capture("time_contexts", ident) for ident in ids]
        rows = [row for snapshot in snapshots for row in snapshot.get("time_contexts") or ()] or [{}]

        def delete() -> None:
            with self.workbook.batch():
                for ident in ids:
                    self.workbook.delete_time_context(ident)

        def restore() -> None:
            with self.workbook.batch():
                for snapshot in snapshots:
                    self.workbook.restore(snapshot)

        delete()
        return self._done("delete_time_contexts", Change(ChangeKind.TIME_CONTEXTS, rows[0].get("assessment_id"), ids),
                          restore, delete, count=len(ids))

    # -- answers -------------------------------------------------------------------

    def set_grade(self, participant_id: int, criterion_id: int, grade: str | None, note: str = "") -> Change:
        return self._keyed(
            "set_grade",
            Change(ChangeKind.GRADES, self._assessment_of(participant_id), (participant_id, criterion_id)),
            "grades",
            {"participant_id": participant_id, "criterion_id": criterion_id},
            lambda g, n="": self.workbook.set_grade(participant_id, criterion_id, g, n),
            (grade, note),
        )

    def set_context_grade(
        self, participant_id: int, context_id: int, dimension: str, grade: str | None, note: str = ""
    ) -> Change:
        return self._keyed(
            "set_context_grade",
            Change(ChangeKind.CONTEXT_GRADES, self._assessment_of(participant_id), (participant_id, context_id, dimension)),
            "context_grades",
            {"participant_id": participant_id, "context_id": context_id, "dimension": dimension},
            lambda g, n="": self.workbook.set_context_grade(participant_id, context_id, dimension, g, n),
            (grade, note),
        )

    def set_dimension_grade(self, participant_id: int, dimension: str, grade: str | None, note: str = "") -> Change:
        """A quick round's one grade for a whole dimension (see ``model.DimensionGrade``)."""
        return self._keyed(
            "set_dimension_grade",
            Change(ChangeKind.DIMENSION_GRADES, self._assessment_of(participant_id), (participant_id, dimension)),
            "dimension_grades",
            {"participant_id": participant_id, "dimension": dimension},
            lambda g, n="": self.workbook.set_dimension_grade(participant_id, dimension, g, n),
            (grade, note),
        )

    def set_continuum(self, participant_id: int, item: int, kind: str, value: int | None) -> Change:
        return self._keyed(
            "set_continuum",
            Change(ChangeKind.CONTINUUM, self._assessment_of(participant_id), (participant_id, item, kind)),
            "continuum_answers",
            {"participant_id": participant_id, "item": item, "kind": kind},
            lambda v: self.workbook.set_continuum(participant_id, item, kind, v),
            (value,),
        )

    def set_consensus(
        self, assessment_id: int, dimension: str, grade: str | None, rationale: str = "", criterion_id: int | None = None
    ) -> Change:
        return self._keyed(
            "set_consensus",
            Change(ChangeKind.CONSENSUS, assessment_id, (dimension, criterion_id)),
            "consensus",
            {"assessment_id": assessment_id, "dimension": dimension, "criterion_id": criterion_id or 0},
            lambda g, r="": self.workbook.set_consensus(assessment_id, dimension, g, r, criterion_id),
            (grade, rationale),
        )

    # -- framework -------------------------------------------------------------------

    def add_criterion(self, dimension: str, text: str, hint_a: str = "", hint_f: str = "") -> int:
        ident = self.workbook.add_criterion(dimension, text, hint_a, hint_f)
        return self._added("add_criterion", ChangeKind.CRITERIA, "criteria", None, ident, self.workbook.delete_criterion)

    def update_criterion(self, criterion_id: int, **fields: Any) -> Change:
        return self._updated(
            "update_criterion", ChangeKind.CRITERIA, "criteria", criterion_id, fields, self.workbook.update_criterion
        )

    def move_criterion(self, criterion_id: int, new_position: int) -> Change:
        row = self.workbook.raw_row("criteria", criterion_id)
        if row is None:
            raise KeyError(f"no criterion with id {criterion_id}")
        order = [c.id for c in self.workbook.criteria(include_hidden=True) if c.dimension == row["dimension"]]
        old_position = order.index(criterion_id)
        self.workbook.move_criterion(criterion_id, new_position)
        return self._done(
            "move_criterion",
            Change(ChangeKind.CRITERIA, None, (criterion_id,)),
            lambda: self.workbook.move_criterion(criterion_id, old_position),
            lambda: self.workbook.move_criterion(criterion_id, new_position),
        )

    def set_criterion_hidden(self, criterion_id: int, hidden: bool) -> Change:
        row = self.workbook.raw_row("criteria", criterion_id)
        if row is None:
            raise KeyError(f"no criterion with id {criterion_id}")
        was_hidden = bool(row["hidden"])
        self.workbook.set_criterion_hidden(criterion_id, hidden)
        return self._done(
            "set_criterion_hidden",
            Change(ChangeKind.CRITERIA, None, (criterion_id,)),
            lambda: self.workbook.set_criterion_hidden(criterion_id, was_hidden),
            lambda: self.workbook.set_criterion_hidden(criterion_id, hidden),
        )

    def restore_builtin_criteria(self, framework: Sequence[Any] | None = None) -> Change:
        existing = {c.id for c in self.workbook.criteria(include_hidden=True)}
        changed = self.workbook.restore_builtin_criteria(framework)
        unhidden = [ident for ident in changed if ident in existing]
        added = [self.workbook.capture("criteria", ident) for ident in changed if ident not in existing]

        def undo() -> None:
            for ident in unhidden:
                self.workbook.set_criterion_hidden(ident, True)
            for snapshot in added:
                self.workbook.delete_criterion(snapshot["criteria"][0]["id"])

        def redo() -> None:
            for ident in unhidden:
                self.workbook.set_criterion_hidden(ident, False)
            for snapshot in added:
                self.workbook.restore(snapshot)

        return self._done("restore_builtin_criteria", Change(ChangeKind.CRITERIA, None, tuple(changed)), undo, redo)

    # -- actions and surveys -------------------------------------------------------------

    def add_action(self, assessment_id: int, title: str, **fields: Any) -> int:
        ident = self.workbook.add_action(assessment_id, title, **fields)
        return self._added("add_action", ChangeKind.ACTIONS, "actions", assessment_id, ident, self.workbook.delete_action)

    def update_action(self, action_id: int, **fields: Any) -> Change:
        return self._updated("update_action", ChangeKind.ACTIONS, "actions", action_id, fields, self.workbook.update_action)

    def delete_action(self, action_id: int) -> Change:
        return self._deleted("delete_action", ChangeKind.ACTIONS, "actions", action_id, self.workbook.delete_action)

    def add_survey(self, assessment_id: int, **survey: Any) -> int:
        """Store an imported survey (arguments as ``Workbook.add_survey``); undo removes it."""
        ident = self.workbook.add_survey(assessment_id, **survey)
        return self._added("add_survey", ChangeKind.SURVEYS, "surveys", assessment_id, ident, self.workbook.delete_survey)

    def delete_survey(self, survey_id: int) -> Change:
        return self._deleted("delete_survey", ChangeKind.SURVEYS, "surveys", survey_id, self.workbook.delete_survey)


    def set_survey_included(self, survey_id: int, included: bool) -> Change:
        """Count a survey in its round's comparison, or keep it aside; undo puts it back as it was."""
        return self._updated(
            "set_survey_included", ChangeKind.SURVEYS, "surveys", survey_id, {"included": included},
            lambda ident, included: self.workbook.set_survey_included(ident, bool(included)),
        )

    def set_comment_hidden(self, comment_id: int, hidden: bool) -> Change:
        """Leave a customer's comment out (or put it back); undo restores what it was."""
        row = self.workbook.raw_row("survey_comments", comment_id)
        if row is None:
            raise KeyError(f"no comment with id {comment_id}")
        survey = self.workbook.raw_row("surveys", row["survey_id"]) or {}
        was_hidden = bool(row["hidden"])
        self.workbook.set_comment_hidden(comment_id, hidden)
        return self._done(
            "set_comment_hidden",
            Change(ChangeKind.COMMENTS, survey.get("assessment_id"), (comment_id,)),
            lambda: self.workbook.set_comment_hidden(comment_id, was_hidden),
            lambda: self.workbook.set_comment_hidden(comment_id, hidden),
        )


serialise_public_methods(Operations)


def _row_name(row: Mapping[str, Any]) -> str:
    """The words that name a row to a person: a name, a title, a statement, a file."""
    return next((str(row[key]) for key in ("name", "title", "text", "source_name") if row.get(key)), "")


def _old_value(table: str, row: dict[str, Any]) -> tuple:
    """The arguments that would write ``row`` back through its setter."""
    if table == "continuum_answers":
        return (row["value"],)
    if table == "consensus":
        return (row["grade"], row["rationale"])
    return (row["grade"], row["note"])

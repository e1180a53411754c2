"""Change notices: what changed, in which round, and who changed it.

Modelled on Anki's ``OpChanges`` and ``on_operation_did_execute``: every
change to an open workbook (and every change of a session's state, such as a
workshop's reveal) is announced once as a :class:`Change`.  A view compares
the notice with what it shows: the view on screen refreshes, the others only
mark themselves stale and refresh when they are shown again, and the view
that made the change (``origin``) does not redo itself, because it already
shows the result.

Threads.  Two drivers may use one open workbook at the same time: the window
on the GUI thread and, for room voting, a web server on its own thread.  The
:class:`Announcer` therefore

- runs every change one at a time under one re-entrant lock (a change reads
  what it overwrites, writes it and records its undo step; none of that may
  interleave with another driver's change);
- collects the notices of a change and tells the listeners only after the
  lock is released, so a listener never runs while the workbook is locked and
  may itself read the workbook or start another change;
- hands the telling to ``deliver`` when one is installed: the GUI installs a
  function that runs the listeners on the GUI thread (directly when the change
  was made there, queued when it came from another thread), because views may
  only be touched on their own thread.  Without ``deliver`` (the CLI, the core's
  tests) listeners run at once on the changing thread.

The origin of a change is whoever was named with :meth:`Announcer.acting_as`
on the thread (or asyncio task) that made it: a context variable, so the
server's tasks and the GUI never see each other's origin.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import wraps
from typing import Any


class ChangeKind(StrEnum):
    """The area of a workbook (or of a session) a change touched.

    A ``StrEnum`` so that each kind also equals the table-like name it had
    when kinds were plain strings ("grades", ...): code written against those
    names keeps working while it moves to the enum.
    """

    ORGANISATION = "organisation"
    SETTINGS = "settings"
    ASSESSMENTS = "assessments"
    PARTICIPANTS = "participants"
    TIME_CONTEXTS = "time_contexts"
    CRITERIA = "criteria"
    GRADES = "grades"
    CONTEXT_GRADES = "context_grades"
    DIMENSION_GRADES = "dimension_grades"
    """a quick round's one grade per dimension"""
    CONTINUUM = "continuum"
    CONSENSUS = "consensus"
    ACTIONS = "actions"
    SURVEYS = "surveys"
    COMMENTS = "comments"
    """customers' comments shown or left out"""
    PHONES = "phones"
    """a phone joined or left a round's room"""
    WORKSHOP = "workshop"
    """a workshop session's state (voting, sealed results, reveal, timer); nothing in the file changed"""


ANSWER_KINDS = frozenset({ChangeKind.GRADES, ChangeKind.CONTEXT_GRADES, ChangeKind.DIMENSION_GRADES,
                          ChangeKind.CONTINUUM})
"""changes of a participant's own answers"""
STRUCTURE_KINDS = frozenset({
    ChangeKind.ASSESSMENTS, ChangeKind.PARTICIPANTS, ChangeKind.TIME_CONTEXTS, ChangeKind.CRITERIA,
})
"""changes of what there is to answer, and by whom"""


@dataclass(frozen=True)
class Change:
    """What changed: ``kind``, ``assessment_id`` the round it belongs to (None
    for workbook-wide things such as criteria or settings), ``ids`` the
    affected keys, and ``origin`` the driver that made it (a page, a session,
    None for a menu command or undo).  ``origin`` takes no part in equality:
    two notices of the same change are the same change."""

    kind: ChangeKind
    assessment_id: int | None
    ids: tuple = ()
    origin: object = field(default=None, compare=False, repr=False)

    def touches(self, assessment_id: int | None) -> bool:
        """True when the change belongs to round ``assessment_id`` or to the whole workbook."""
        return self.assessment_id is None or self.assessment_id == assessment_id


_ORIGIN: ContextVar[tuple[object, bool]] = ContextVar("rater_change_origin", default=(None, True))


def current_origin() -> tuple[object, bool]:
    """(origin, undoable) named by the innermost :meth:`Announcer.acting_as` of this thread or task."""
    return _ORIGIN.get()


class Announcer:
    """Listeners, origin and the one-at-a-time rule shared by every change (see the module doc)."""

    def __init__(self) -> None:
        self._listeners: list[Callable[[Change], None]] = []
        self._watchers: list[Callable[[Change], None]] = []
        self._lock = threading.RLock()
        self._local = threading.local()
        self.deliver: Callable[[Callable[[], None]], None] | None = None
        """runs the telling of listeners; installed by the GUI to reach its own thread"""

    # -- listening ---------------------------------------------------------------

    def subscribe(self, callback: Callable[[Change], None]) -> Callable[[], None]:
        """Call ``callback(change)`` after every change, undo and redo; returns an unsubscribe function."""
        self._listeners.append(callback)
        return lambda: self._listeners.remove(callback) if callback in self._listeners else None

    def watch(self, callback: Callable[[Change], None]) -> None:
        """Call ``callback(change)`` at once, on the thread that made the change, before any
        listener hears of it: for caches, which must forget what changed before anyone reads
        again.  It must be quick and thread-safe, and must not touch widgets."""
        self._watchers.append(callback)

    def announce(self, change: Change) -> None:
        """Tell every listener about ``change``: for session state, for changes made through
        another connection (the room's), and for changes collected by :meth:`held_announcements`
        (each change to the workbook announces itself)."""
        if change.origin is None and _ORIGIN.get()[0] is not None:
            change = replace(change, origin=_ORIGIN.get()[0])
        for watcher in self._watchers:
            watcher(change)
        held = getattr(self._local, "held", None)
        if held is not None:
            held.append(change)
        elif getattr(self._local, "depth", 0):
            self._local.pending.append(change)
        else:
            self._tell([change])

    def forget_now(self, change: Change) -> None:
        """Run the watchers (caches) for a change whose listeners will hear of it later, gathered
        with others (:meth:`tell`): the room's phones, whose answers come many a second.  No
        cache is read stale meanwhile."""
        for watcher in self._watchers:
            watcher(change)

    def tell(self, changes: list[Change]) -> None:
        """Tell the listeners about changes whose watchers already ran (:meth:`forget_now`)."""
        self._tell(list(changes))

    def _tell(self, changes: list[Change]) -> None:
        def tell() -> None:
            for change in changes:
                for callback in list(self._listeners):
                    callback(change)

        if self.deliver is None:
            tell()
        else:
            self.deliver(tell)

    @contextmanager
    def held_announcements(self) -> Iterator[list[Change]]:
        """Collect the changes this thread makes meanwhile instead of telling listeners.

        For a long write on a worker thread whose listeners want one notice
        at the end: the caller passes the collected changes to
        :meth:`announce` when the work is done.  Other threads' changes are
        announced as usual meanwhile.
        """
        held: list[Change] = []
        self._local.held = held
        try:
            yield held
        finally:
            self._local.held = None

    # -- who and when ------------------------------------------------------------------

    @contextmanager
    def acting_as(self, origin: object, *, undoable: bool | None = None) -> Iterator[None]:
        """Stamp ``origin`` on every change made inside (on this thread or asyncio task).

        ``undoable=False`` keeps those changes off the undo history: the
        person at the laptop must not take back a vote given on a phone.
        None keeps the enclosing choice (a session acting inside a phone's
        request stays off the history).
        """
        token = _ORIGIN.set((origin, _ORIGIN.get()[1] if undoable is None else undoable))
        try:
            yield
        finally:
            _ORIGIN.reset(token)

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the workbook for a consistent multi-step read or change (re-entrant).

        Notices of changes made inside are told once the outermost hold ends.
        """
        self._lock.acquire()
        local = self._local
        depth = getattr(local, "depth", 0)
        if depth == 0:
            local.pending = []
        local.depth = depth + 1
        try:
            yield
        finally:
            local.depth = depth
            pending = local.pending if depth == 0 else []
            self._lock.release()
            if pending:
                self._tell(pending)


def one_at_a_time(method: Callable[..., Any]) -> Callable[..., Any]:
    """Run ``method`` of an :class:`Announcer` under its lock (see :meth:`Announcer.locked`)."""

    @wraps(method)
    def serialised(self: Announcer, *args: Any, **kwargs: Any) -> Any:
        with self.locked():
            return method(self, *args, **kwargs)

    serialised.one_at_a_time = True  # type: ignore[attr-defined]
    return serialised


def serialise_public_methods(cls: type, *, except_: frozenset[str] = frozenset()) -> type:
    """Wrap every public method defined on ``cls`` with :func:`one_at_a_time`.

    Done for the whole class rather than method by method so that an
    operation added later cannot forget the lock.
    """
    for name, value in list(vars(cls).items()):
        if callable(value) and not name.startswith("_") and name not in except_:
            setattr(cls, name, one_at_a_time(value))
    return cls

"""The window's handle on the room server: start, stop and the facilitator's actions, as Qt signals.

Everything slow happens on the server's own threads (importing aiohttp,
opening the port, writing answers); this object only starts them and turns
their results into signals, which Qt delivers on the GUI thread because the
bridge lives there.  The window stops the room when the workbook closes or
the app quits (:meth:`RoomBridge.stop_and_wait`).

Phones' answers reach the window's views as the operations layer's change
notices, on the GUI thread and gathered: a room of sixty answering at once
would otherwise have every view read the workbook sixty times a second.  At
most one batch per :data:`GATHER_MS`; several changes of one kind in one
round are told as one, without ids ("some of these changed").
"""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import replace
from typing import TYPE_CHECKING

from rater_desktop.cards import drops_card
from rater_desktop.i18n import _
from ui.qt import QObject, QTimer, Signal

if TYPE_CHECKING:
    from rater_desktop.operations import Change, Operations
    from rater_desktop.room.reader import RoundReader
    from rater_desktop.room.runner import RoomServer

GATHER_MS = 1000
"""How long phones' change notices are gathered before the views hear them."""


class RoomBridge(QObject):
    """Room voting on round ``assessment_id`` of the workbook behind ``operations``."""

    started = Signal(str)
    """the join address, once phones can connect"""
    failed = Signal(str)
    """why the room could not start, in one sentence"""
    stopped = Signal()
    _changed = Signal(object)
    """a phone's change, emitted on the server's database thread"""
    _read = Signal(object, int, int, object)
    """gathered changes, the round's generation and ``_dropping`` before the read, (data, card) read"""

    def __init__(self, operations: Operations, assessment_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.operations = operations
        self.assessment_id = assessment_id
        self.server: RoomServer | None = None
        self.reader: RoundReader | None = None
        self.url: str | None = None
        self._gathered: list[Change] = []
        self._dropping = 0
        """phones' changes so far that dropped the round's kept card (see ``cards.drops_card``)"""
        self._closing = False
        self._gather = QTimer(self)
        self._gather.setSingleShot(True)
        self._gather.setInterval(GATHER_MS)
        self._gather.timeout.connect(self._tell)
        self._changed.connect(self._gather_change)
        self._read.connect(self._tell_read)

    @property
    def running(self) -> bool:
        return self.server is not None

    def start(self, host: str, mode: str, new_names: bool, port: int | None = None) -> None:
        """Start serving on ``host``; ``started`` or ``failed`` follows (from the server's thread)."""
        if self.server is not None:
            return
        from rater_desktop.operations import Operations
        from rater_desktop.room.phones import Room
        from rater_desktop.room.reader import RoundReader
        from rater_desktop.room.runner import RoomServer
        from rater_desktop.storage import open_companion

        workbook, workshop = self.operations.workbook, self.operations.workshops.of(self.assessment_id)

        def open_room() -> Room:  # on the server's database thread: a connection of its own
            operations = Operations(open_companion(workbook))
            operations.subscribe(self._changed.emit)
            return Room(operations, workshop, mode=mode, new_names=new_names)

        self.server = RoomServer(open_room, host, port)
        self.reader = RoundReader(workbook, self.assessment_id)
        self.server.start().add_done_callback(self._started)

    def _started(self, future: Future) -> None:
        """On the server's thread: hand the outcome to the GUI thread as a signal."""
        error = future.exception()
        if error is None:
            self.url = future.result()
            self.started.emit(self.url)
            return
        self.server = None
        self._close_reader()
        reason = getattr(error, "strerror", None) or str(error)
        self.failed.emit(_("Room voting could not start: {reason}.").format(reason=reason))

    def _gather_change(self, change: Change) -> None:
        self.operations.forget_now(change)  # caches forget at once; views hear with the next batch
        self._dropping += drops_card(change, self.assessment_id)
        self._gathered.append(change)
        if not self._gather.isActive():
            self._gather.start()

    def _tell(self) -> None:
        """Tell the views about the batch, after the room's own connection read the round for them:
        the window's thread then only draws, it does not read the round again."""
        changes, self._gathered = gathered(self._gathered), []
        if not changes:
            return
        if self.reader is None:
            self.operations.tell(changes)
            return
        generation, surveys, customers = self.operations.cards.parts(self.assessment_id)
        dropping = self._dropping
        self.reader.read(surveys, customers).add_done_callback(
            lambda done: self._read.emit(changes, generation, dropping, done))

    def _tell_read(self, changes: list[Change], generation: int, dropping: int, done: Future) -> None:
        """Keep the read and tell the views.  Phones' answers that came during the read (about one
        every 20 ms with sixty phones) are held for the next batch, which reads again: the read
        is kept with them behind, so the views draw it instead of reading on the window's thread."""
        if self._closing:
            return  # the workbook closed meanwhile: nobody is left to tell
        if done.exception() is None:
            data, card = done.result()
            self.operations.cards.keep(self.assessment_id, generation, data, card,
                                       pending=self._dropping - dropping)
        self.operations.tell(changes)

    def stop(self) -> None:
        """Tell the phones voting has ended and stop listening; ``stopped`` follows."""
        self._tell()  # the last phones' answers still reach the views
        self._close_reader()
        if self.server is not None:
            server, self.server, self.url = self.server, None, None
            server.stop().add_done_callback(lambda _future: self.stopped.emit())

    def stop_and_wait(self, timeout: float = 5.0) -> None:
        """Stop and wait for the server's threads (the workbook is about to close)."""
        if self.server is not None:
            server, self.server, self.url = self.server, None, None
            server.wait_stopped(timeout)
            self.stopped.emit()
        self._closing = True  # nothing is told about a workbook that is closing
        self._gather.stop()
        self._gathered.clear()
        self._close_reader()

    def _close_reader(self) -> None:
        if self.reader is not None:
            reader, self.reader = self.reader, None
            reader.close()

    def release(self, participant_id: int) -> None:
        if self.server is not None:
            self.server.release(participant_id)


def gathered(changes: list[Change]) -> list[Change]:
    """One notice per kind and round, in first-seen order: the change itself when it was alone."""
    groups: dict[tuple, list[Change]] = {}
    for change in changes:
        groups.setdefault((change.kind, change.assessment_id), []).append(change)
    return [group[0] if len(set(group)) == 1 else replace(group[0], ids=()) for group in groups.values()]


_ROOMS: dict[int, dict[int, RoomBridge]] = {}
"""Open workbooks' rooms: id(operations) -> round -> bridge.  A room outlives the workshop page
(a language switch rebuilds the page, not the room) and stops when its workbook closes."""


def room_for(operations: Operations, assessment_id: int) -> RoomBridge:
    """The room of round ``assessment_id`` of this open workbook (made, not started, on first use)."""
    rooms = _ROOMS.setdefault(id(operations), {})
    if assessment_id not in rooms:
        rooms[assessment_id] = RoomBridge(operations, assessment_id)
    return rooms[assessment_id]


def stop_rooms(operations: Operations) -> None:
    """The workbook is closing: every room on it stops first, and waits for its threads."""
    for bridge in _ROOMS.pop(id(operations), {}).values():
        bridge.stop_and_wait()
        bridge.deleteLater()

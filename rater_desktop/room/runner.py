"""The room server on threads of its own, so the window never waits for a phone.

One thread runs an asyncio loop with the aiohttp app; a second, the database
thread, owns the room's workbook connection and does every read and write
for the phones.  The GUI thread (or the ``serve`` command) only calls
:meth:`RoomServer.start`, :meth:`~RoomServer.stop` and the facilitator's
actions, each of which returns at once with a ``concurrent.futures.Future``.
aiohttp is imported on the server's thread, not on the window's.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from rater_desktop.room.addresses import join_url
from rater_desktop.room.phones import Room

DEFAULT_PORT = 8765
"""The port tried first for a new room (any free one if it is taken)."""
SHUTDOWN_SECONDS = 3.0
"""How long a request still being answered when the room stops may take (aiohttp's default is a minute)."""


class RoomServer:
    """Serve the room that ``open_room()`` makes (called on the database thread) on ``host``.

    ``port=None`` reuses the room's last port (phones that joined before a
    restart reconnect), else :data:`DEFAULT_PORT`, else any free port; an
    explicit port must be free.  The room's workbook belongs to the server
    from then on and is closed when it stops.
    """

    def __init__(self, open_room: Callable[[], Room], host: str, port: int | None = None,
                 limits: Any = None) -> None:
        self._open_room = open_room
        self.host = host
        self.port = port
        self.limits = limits
        self.room: Room | None = None
        self.url: str | None = None
        self._db = ThreadPoolExecutor(max_workers=1, thread_name_prefix="room-db")
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopping: asyncio.Event | None = None
        self._hub: Any = None
        self._thread: threading.Thread | None = None
        self.started: Future[str] = Future()
        """the join address once phones can connect, or the reason it failed"""
        self.stopped: Future[None] = Future()

    def start(self) -> Future[str]:
        """Start serving; the future gives the join address (or the error, e.g. the port is taken)."""
        self._thread = threading.Thread(target=self._run, name="room-server", daemon=True)
        self._thread.start()
        return self.started

    def stop(self) -> Future[None]:
        """Tell the phones voting has ended, stop listening, close the room's workbook."""
        if self._loop is not None and self._stopping is not None and not self.stopped.done():
            self._loop.call_soon_threadsafe(self._stopping.set)
        elif self._thread is None and not self.stopped.done():
            self.stopped.set_result(None)
        return self.stopped

    def wait_stopped(self, timeout: float = 10.0) -> None:
        """Stop and wait for the threads to end (closing a workbook, quitting)."""
        self.stop().result(timeout)
        if self._thread is not None:
            self._thread.join(timeout)

    def release(self, participant_id: int) -> Future[None]:
        """Sign a person's phone out, so they can join again on another phone."""
        return self._on_loop(lambda hub: hub.release(participant_id))

    def _on_loop(self, action: Callable[[Any], Any]) -> Future[None]:
        if self._loop is None or self._hub is None:
            raise RuntimeError("the room server is not running")
        return asyncio.run_coroutine_threadsafe(action(self._hub), self._loop)

    # -- the server's thread -------------------------------------------------------------

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        try:
            loop.run_until_complete(self._serve(loop))
        except BaseException as error:  # noqa: BLE001 - handed to whoever waits on the futures
            for future in (self.started, self.stopped):
                if not future.done():
                    future.set_exception(error)
        finally:
            loop.close()
            self._db.shutdown(wait=True)

    async def _serve(self, loop: asyncio.AbstractEventLoop) -> None:
        from aiohttp import web

        from rater_desktop.room.server import HUB, Limits, make_app

        self.room = await loop.run_in_executor(self._db, self._open_room)
        try:
            app = make_app(self.room, self._db, self.limits or Limits())
            runner = web.AppRunner(app, handle_signals=False, access_log=None, shutdown_timeout=SHUTDOWN_SECONDS)
            await runner.setup()
            try:
                port = await self._listen(runner)
                await loop.run_in_executor(self._db, self.room.set_port, port)
                self._hub = app[HUB]
                self._stopping = asyncio.Event()
                self._loop = loop
                self.url = join_url(self.host, port, self.room.code)
                self.started.set_result(self.url)
                await self._stopping.wait()
                await self._hub.end()
            finally:
                await runner.cleanup()
        finally:
            await loop.run_in_executor(self._db, self.room.workbook.close)
        self.stopped.set_result(None)

    async def _listen(self, runner: Any) -> int:
        """Bind to the chosen port (see the class docstring); returns the port bound."""
        from aiohttp import web

        wanted = self.port if self.port is not None else (self.room.record.port or DEFAULT_PORT)
        try:
            await web.TCPSite(runner, self.host, wanted).start()
        except OSError:
            if self.port is not None:
                raise
            await web.TCPSite(runner, self.host, 0).start()
        return runner.addresses[0][1]

"""The phones' web app: the page, the join, and one WebSocket per phone (aiohttp).

Routes (``{code}`` is the room code; anything else is a plain 404):

- ``GET /j/{code}``            the phone page (``resources/room/phone.html``)
- ``GET /s/{file}``            its script and style sheet, nothing else
- ``GET /text``                the page's words (``?lang=``), for a wrong address
- ``GET /r/{code}/welcome``    the page's words and the round's names (``?lang=``)
- ``POST /r/{code}/join``      pick a name (or add one) → the phone's token
- ``GET /r/{code}/ws``         the phone's WebSocket: ``hello`` with the token, then answers

Every answer is written by the :class:`~rater_desktop.room.phones.Room` on
one database thread (``Hub.call``), so the event loop keeps serving the
other phones while SQLite syncs the file; each gets its own ``saved`` or
``refused`` reply.  Sizes and rates are capped (:class:`Limits`); a request
without the room code, or a socket without a valid token, gets nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass, field
from typing import Any, TypeVar

from aiohttp import WSMsgType, web

from rater_desktop.changes import Change, ChangeKind
from rater_desktop.i18n import normalise_language, resources_dir
from rater_desktop.room.phone_text import phone_text
from rater_desktop.room.phones import Refused, Room
from rater_desktop.room.tokens import same_code
from rater_desktop.sessions.workshop import Event, Phase
from rater_desktop.storage import WorkbookError

T = TypeVar("T")

STATIC_FILES = {"phone.js": "text/javascript", "phone.css": "text/css"}
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
"""No script but ours, no framing, and the room code never leaves in a Referer."""
HELLO_SECONDS = 10.0
CLOSE_SECONDS = 2.0
"""How long closing a socket waits for the phone's goodbye: a phone asleep or gone from the Wi-Fi never
sends one, and the facilitator's Ctrl+C (or closing the workbook) must not wait for it."""
CLOSE_NO_TOKEN = 4001


@dataclass(frozen=True)
class Limits:
    """Caps on what one phone (or one address) may send."""

    body_bytes: int = 4096
    """largest request body or WebSocket message"""
    requests_per_second: float = 20.0
    requests_burst: int = 120
    """HTTP requests per client address (the page, the join, the socket's start)"""
    answers_per_second: float = 5.0
    answers_burst: int = 40
    """answers per person: a burst for someone racing through, then five a second"""
    sockets: int = 400
    sockets_per_person: int = 3


@dataclass
class Bucket:
    """A token bucket: ``burst`` at once, then ``rate`` per second."""

    rate: float
    burst: int
    level: float = field(default=-1.0)
    stamp: float = field(default_factory=time.monotonic)

    def take(self) -> bool:
        now = time.monotonic()
        if self.level < 0:
            self.level = float(self.burst)
        self.level = min(float(self.burst), self.level + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.level < 1:
            return False
        self.level -= 1
        return True


class Hub:
    """The room as the event loop sees it: calls onto the database thread, the open sockets,
    and what the workshop's changes mean for the phones (a part closed or reopened, a re-vote)."""

    def __init__(self, room: Room, executor: Executor, limits: Limits) -> None:
        self.room = room
        self.code = room.code
        self.executor = executor
        self.limits = limits
        self.sockets: dict[int, list[web.WebSocketResponse]] = {}
        """the joined phones' sockets, per person"""
        self.open: set[web.WebSocketResponse] = set()
        """every socket still open, joined or still waiting for its hello"""
        self.buckets: dict[Any, Bucket] = {}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop_listening: Callable[[], None] = lambda: None
        self._revote_sent: str | None = None

    async def start_listening(self, _app: web.Application) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop_listening = self.room.workshop.operations.subscribe(self._heard)

    async def stop_listening(self, _app: web.Application) -> None:
        self._stop_listening()
        await self.call(self.room.close)

    def _heard(self, change: Change) -> None:
        """A workshop event (told on the window's thread, or the database thread without one)."""
        if change.kind != ChangeKind.WORKSHOP or not change.touches(self.room.assessment_id) or self._loop is None:
            return
        event, workshop = change.ids[0] if change.ids else None, self.room.workshop
        if event == Event.ITEM:
            asyncio.run_coroutine_threadsafe(self.items_changed(), self._loop)
        elif event == Event.PHASE and workshop.phase == Phase.DISCUSSION:
            self._revote_sent = None
        elif event == Event.PHASE and workshop.revoting and workshop.revoting != self._revote_sent:
            self._revote_sent = workshop.revoting  # once per re-vote: phones go to its first question
            asyncio.run_coroutine_threadsafe(self.send_all({"type": "revote", "part": workshop.revoting}), self._loop)

    async def items_changed(self) -> None:
        """Keep the workshop's mode and closed parts with the room, and tell every phone."""
        mode = self.room.record.mode
        await self.call(self.room.keep_state)
        await self.send_all({"type": "closed", "closed": sorted(self.room.record.closed)})
        if self.room.record.mode != mode:
            await self.send_all({"type": "refresh"})

    async def call(self, function: Callable[..., T], *args: Any) -> T:
        """Run ``function(*args)`` on the database thread."""
        return await asyncio.get_running_loop().run_in_executor(self.executor, function, *args)

    def allow(self, key: Any, rate: float, burst: int) -> bool:
        bucket = self.buckets.get(key)
        if bucket is None:
            bucket = self.buckets[key] = Bucket(rate, burst)
        return bucket.take()

    def count(self) -> int:
        return len(self.open)

    async def send_all(self, message: dict[str, Any], only: int | None = None) -> None:
        """Send ``message`` to every phone (or to person ``only``'s phones); one that has just gone
        (its connection closing) is skipped, the others still get it."""
        targets = [ws for pid, group in self.sockets.items() if only in (None, pid) for ws in group]
        for ws in targets:
            if not ws.closed:
                with contextlib.suppress(ConnectionError):
                    await ws.send_json(message)

    async def release(self, participant_id: int) -> None:
        """Sign a person's phones out (the facilitator's choice)."""
        await self.call(self.room.release, participant_id)
        await self.send_all({"type": "released"}, only=participant_id)
        for ws in self.sockets.pop(participant_id, []):
            await ws.close(code=CLOSE_NO_TOKEN)

    async def end(self) -> None:
        """Tell every phone that voting has ended, then close every socket, joined or not, all at once:
        stopping takes at most :data:`CLOSE_SECONDS` however many phones never answer."""
        await self.send_all({"type": "ended"})
        self.sockets.clear()
        await asyncio.gather(*(ws.close() for ws in list(self.open)), return_exceptions=True)


HUB = web.AppKey("hub", Hub)


def make_app(room: Room, executor: Executor, limits: Limits = Limits()) -> web.Application:
    """The web app over ``room``; its database calls run on ``executor`` (one thread)."""
    app = web.Application(client_max_size=limits.body_bytes, middlewares=[_guard])
    app[HUB] = hub = Hub(room, executor, limits)
    app.on_startup.append(hub.start_listening)
    app.on_cleanup.append(hub.stop_listening)
    app.router.add_get("/j/{code}", _page)
    app.router.add_get("/s/{name}", _static)
    app.router.add_get("/text", _text)
    app.router.add_get("/favicon.ico", _no_icon)
    app.router.add_get("/r/{code}/welcome", _welcome)
    app.router.add_post("/r/{code}/join", _join)
    app.router.add_get("/r/{code}/ws", _socket)
    return app


@web.middleware
async def _guard(request: web.Request, handler: Callable) -> web.StreamResponse:
    """Rate per client address, the room code on every room route, and the security headers."""
    hub = request.app[HUB]
    limits = hub.limits
    if not hub.allow(("ip", request.remote), limits.requests_per_second, limits.requests_burst):
        raise web.HTTPTooManyRequests(text="slow down", headers=SECURITY_HEADERS)
    code = request.match_info.get("code")
    if code is not None and not same_code(code, hub.code):
        raise web.HTTPNotFound(text=_wrong_room_page(), content_type="text/html", headers=SECURITY_HEADERS)
    response = await handler(request)
    if not response.prepared:
        response.headers.update(SECURITY_HEADERS)
    return response


def _wrong_room_page() -> str:
    """The same few bytes for every wrong address: nothing from the request is echoed."""
    return "<!doctype html><meta charset=utf-8><title>404</title><p>This room is closed or the address is wrong."


async def _page(request: web.Request) -> web.Response:
    html = (resources_dir() / "room" / "phone.html").read_bytes()
    return web.Response(body=html, content_type="text/html", charset="utf-8")


async def _static(request: web.Request) -> web.Response:
    name = request.match_info["name"]
    if name not in STATIC_FILES:
        raise web.HTTPNotFound()
    body = (resources_dir() / "room" / name).read_bytes()
    return web.Response(body=body, content_type=STATIC_FILES[name], charset="utf-8")


async def _no_icon(request: web.Request) -> web.Response:
    """Browsers ask for an icon; an empty answer keeps their consoles free of errors."""
    return web.Response(status=204)


async def _text(request: web.Request) -> web.Response:
    """The page's words alone: all a phone with a wrong address gets to show."""
    return web.json_response(phone_text(normalise_language(request.query.get("lang"))))


async def _welcome(request: web.Request) -> web.Response:
    hub = request.app[HUB]
    return web.json_response(await hub.call(hub.room.welcome, request.query.get("lang", "")))


async def _join(request: web.Request) -> web.Response:
    hub = request.app[HUB]
    try:
        body = json.loads(await request.read())
    except ValueError:
        raise web.HTTPBadRequest() from None
    if not isinstance(body, dict):
        raise web.HTTPBadRequest()
    try:
        token, participant = await hub.call(hub.room.join, body.get("participant"), body.get("name"))
    except Refused as refusal:
        return web.json_response({"error": refusal.code}, status=409)
    return web.json_response({"token": token, "participant": participant})


async def _socket(request: web.Request) -> web.WebSocketResponse:
    hub = request.app[HUB]
    ws = web.WebSocketResponse(heartbeat=20.0, max_msg_size=hub.limits.body_bytes, timeout=CLOSE_SECONDS)
    await ws.prepare(request)
    if hub.count() >= hub.limits.sockets:
        await ws.close(code=1013)
        return ws
    hub.open.add(ws)
    try:
        await _phone(hub, ws)
    finally:
        hub.open.discard(ws)
    return ws


async def _phone(hub: Hub, ws: web.WebSocketResponse) -> None:
    """One phone's socket from its hello to its end."""
    participant, lang = await _hello(hub, ws)
    if participant is None:
        with contextlib.suppress(ConnectionError):
            await ws.send_json({"type": "released"})
        await ws.close(code=CLOSE_NO_TOKEN)
        return
    group = hub.sockets.setdefault(participant, [])
    group.append(ws)
    while len(group) > hub.limits.sockets_per_person:
        await group.pop(0).close()  # a reloaded page's old socket
    try:
        await ws.send_json({"type": "state", **await hub.call(hub.room.state, participant, lang)})
        async for message in ws:
            if message.type != WSMsgType.TEXT:
                break
            lang = await _on_message(hub, ws, participant, lang, message.data)
    finally:
        if ws in group:
            group.remove(ws)


async def _hello(hub: Hub, ws: web.WebSocketResponse) -> tuple[int | None, str]:
    """The phone's first message: its token (and language), within a few seconds."""
    try:
        message = await ws.receive(timeout=HELLO_SECONDS)
    except asyncio.TimeoutError:
        return None, ""
    data = _parsed(message.data) if message.type == WSMsgType.TEXT else None
    if data is None or data.get("type") != "hello":
        return None, ""
    lang = data.get("lang") if isinstance(data.get("lang"), str) else ""
    return await hub.call(hub.room.participant, data.get("token")), lang


async def _on_message(hub: Hub, ws: web.WebSocketResponse, participant: int, lang: str, text: str) -> str:
    """Handle one message of a joined phone; returns the phone's language (it may switch)."""
    data = _parsed(text)
    if data is None:
        return lang
    limits = hub.limits
    if data.get("type") in ("lang", "state"):  # a new language, or "show me what is saved"
        if not hub.allow(("answers", participant), limits.answers_per_second, limits.answers_burst):
            return lang  # asked again and again: the database thread is the other phones' too
        lang = data["lang"] if isinstance(data.get("lang"), str) else lang
        await ws.send_json({"type": "state", **await hub.call(hub.room.state, participant, lang)})
    elif data.get("type") == "answer":
        reply: dict[str, Any] = {"seq": data.get("seq") if isinstance(data.get("seq"), int) else None,
                                 "key": data.get("key")[:40] if isinstance(data.get("key"), str) else None}
        try:
            if not hub.allow(("answers", participant), limits.answers_per_second, limits.answers_burst):
                raise Refused("slow")
            await hub.call(hub.room.answer, participant, data)
            reply["type"] = "saved"
        except Refused as refusal:
            reply.update(type="refused", code=refusal.code)
        except (ValueError, WorkbookError):  # refused by storage's own checks, or the file failed
            reply.update(type="refused", code="invalid")
        await ws.send_json(reply)
    return lang


def _parsed(text: Any) -> dict[str, Any] | None:
    try:
        data = json.loads(text)
    except (TypeError, ValueError):
        return None
    return data if isinstance(data, dict) else None

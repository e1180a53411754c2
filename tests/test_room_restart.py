"""The ``serve`` process killed mid-round (no clean-up at all) and started again, and stopped by Ctrl+C
while phones never answer (127.0.0.1 only).

What a facilitator relies on when the laptop crashes or its battery dies: the
restarted room has the same address, so phones reconnect by themselves; each
phone's token still works; every answer a phone saw confirmed is in the
workbook, and only the answer that was on its way may be missing.  And Ctrl+C
stops the room in a few seconds even when phones are asleep or out of range.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import aiohttp
from room_support import ROOT, read_until, start_serve, stopped_by_ctrl_c

from rater_desktop.cli.common import EXIT_INTERRUPTED
from rater_desktop.room.server import HELLO_SECONDS
from rater_desktop.storage import create_workbook

STUCK_STOPPING = (
    f"import asyncio, sys; sys.path.insert(0, {str(ROOT)!r}); import rater_desktop.room.server as server\n"
    "async def never(self): await asyncio.sleep(3600)\n"
    "server.Hub.end = never\n"
    "from rater_desktop.cli import run_cli; sys.exit(run_cli(sys.argv[1:]))"
)
"""``serve`` whose goodbye to the phones never finishes: stopping hangs until a second Ctrl+C."""
KEYS = tuple(f"dimension:{key}" for key in ("reliability", "assurance", "tangibles", "empathy", "responsiveness"))


def kill(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    process.stdout.close()
    process.stderr.close()


async def join(session: aiohttp.ClientSession, url: str, participant: int) -> str:
    base, code = url.split("/j/")
    async with session.post(f"{base}/r/{code}/join", json={"participant": participant}) as response:
        return (await response.json())["token"]


async def hello(session: aiohttp.ClientSession, url: str, token: str):
    """An open phone socket and the state the server sent it."""
    base, code = url.split("/j/")
    ws = await session.ws_connect(f"{base}/r/{code}/ws")
    await ws.send_json({"type": "hello", "token": token, "lang": "en"})
    return ws, await ws.receive_json(timeout=10)


async def test_a_killed_server_restarts_with_the_same_room_and_loses_at_most_the_answer_in_flight(tmp_path):
    path = tmp_path / "room.rater"
    with create_workbook(path, "Restart test") as workbook:
        round_id = workbook.latest_assessment_id()
        lan, minh = (workbook.add_participant(round_id, name) for name in ("Lan", "Minh"))

    process, url = start_serve(path, "--port", "0", "--mode", "quick")
    async with aiohttp.ClientSession() as session:
        tokens = {person: await join(session, url, person) for person in (lan, minh)}
        ws, _state = await hello(session, url, tokens[lan])
        for seq, (key, letter) in enumerate(zip(KEYS[:4], "ABCD")):
            await ws.send_json({"type": "answer", "seq": seq, "key": key, "grade": letter, "note": f"note {seq}"})
            assert (await ws.receive_json(timeout=10))["type"] == "saved"
        await ws.send_json({"type": "answer", "seq": 9, "key": KEYS[4], "grade": "F", "note": ""})  # in flight
        kill(process)
        await ws.close()

        process, again = start_serve(path)  # no port, no mode: the room as it was
        try:
            assert again == url
            ws, state = await hello(session, url, tokens[lan])
            confirmed = {key: {"grade": letter, "note": f"note {seq}"}
                         for seq, (key, letter) in enumerate(zip(KEYS[:4], "ABCD"))}
            in_flight = {key: answer for key, answer in state["answers"].items() if key not in confirmed}
            assert state["mode"] == "quick" and state["name"] == "Lan"
            assert {key: state["answers"][key] for key in confirmed} == confirmed
            assert in_flight in ({}, {KEYS[4]: {"grade": "F", "note": ""}})
            await ws.send_json({"type": "answer", "seq": 10, "key": KEYS[4], "grade": "C", "note": ""})
            assert (await ws.receive_json(timeout=10))["type"] == "saved"
            await ws.close()

            ws, state = await hello(session, url, tokens[minh])  # the other phone's token works too
            assert state["name"] == "Minh" and state["answers"] == {}
            await ws.close()
        finally:
            code, _out, err = stopped_by_ctrl_c(process)
    assert code == 0, err


async def test_ctrl_c_stops_the_room_in_seconds_while_phones_never_answer(tmp_path):
    """One phone joined and one that never said hello, both asleep (this test's loop is blocked while
    serve stops, so neither answers the goodbye): serve still stops cleanly, well before the unjoined
    socket's hello would have timed out, and says where the answers are."""
    path = tmp_path / "room.rater"
    with create_workbook(path, "Stop test") as workbook:
        lan = workbook.add_participant(workbook.latest_assessment_id(), "Lan")
    process, url = start_serve(path, "--port", "0", "--mode", "quick")
    async with aiohttp.ClientSession() as session:
        joined, _state = await hello(session, url, await join(session, url, lan))
        base, code = url.split("/j/")
        silent = await session.ws_connect(f"{base}/r/{code}/ws")
        started = time.monotonic()
        exit_code, out, err = stopped_by_ctrl_c(process, seconds=HELLO_SECONDS)
        seconds = time.monotonic() - started
        await joined.close()
        await silent.close()
    assert exit_code == 0, err
    assert seconds < HELLO_SECONDS
    assert out.strip().endswith("every answer is saved in room.rater.")


def test_a_second_ctrl_c_quits_at_once_when_stopping_hangs(tmp_path):
    path = tmp_path / "room.rater"
    create_workbook(path, "Stuck test").close()
    process, _url = start_serve(path, "--port", "0", launcher=(sys.executable, "-c", STUCK_STOPPING))
    read_until(process, "Press Ctrl+C to stop.")
    process.send_signal(signal.SIGINT)
    assert "Ctrl+C again to quit at once" in read_until(process, "Stopping")
    exit_code, _out, err = stopped_by_ctrl_c(process, seconds=HELLO_SECONDS)
    assert exit_code == EXIT_INTERRUPTED, err
    assert "nothing more was written" in err

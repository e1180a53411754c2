"""The ``serve`` process killed mid-round (no clean-up at all) and started again (127.0.0.1 only).

What a facilitator relies on when the laptop crashes or its battery dies: the
restarted room has the same address, so phones reconnect by themselves; each
phone's token still works; every answer a phone saw confirmed is in the
workbook, and only the answer that was on its way may be missing.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import aiohttp

from rater_desktop.storage import create_workbook

ROOT = Path(__file__).resolve().parents[1]
KEYS = tuple(f"dimension:{key}" for key in ("reliability", "assurance", "tangibles", "empathy", "responsiveness"))


def serve(path: Path, *options: str) -> tuple[subprocess.Popen, str]:
    """The ``serve`` command on 127.0.0.1 and the join address it printed first."""
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "serve", str(path), "--host", "127.0.0.1", *options],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
    )
    url = process.stdout.readline().strip()
    assert url.startswith("http://127.0.0.1:"), process.stderr.read()
    return process, url


def stop(process: subprocess.Popen, sig: int) -> None:
    process.send_signal(sig)
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

    process, url = serve(path, "--port", "0", "--mode", "quick")
    async with aiohttp.ClientSession() as session:
        tokens = {person: await join(session, url, person) for person in (lan, minh)}
        ws, _state = await hello(session, url, tokens[lan])
        for seq, (key, letter) in enumerate(zip(KEYS[:4], "ABCD")):
            await ws.send_json({"type": "answer", "seq": seq, "key": key, "grade": letter, "note": f"note {seq}"})
            assert (await ws.receive_json(timeout=10))["type"] == "saved"
        await ws.send_json({"type": "answer", "seq": 9, "key": KEYS[4], "grade": "F", "note": ""})  # in flight
        stop(process, signal.SIGKILL)
        await ws.close()

        process, again = serve(path)  # no port, no mode: the room as it was
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
            stop(process, signal.SIGINT)
    assert process.returncode == 0

"""What the room tests share: a small workbook with a round of named people, the ``serve`` process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from rater_desktop.storage import create_workbook

ROOT = Path(__file__).resolve().parents[1]
PEOPLE = ("Lan", "Minh", "<b>Bảo</b> & \"Co\"")
"""Three voters; the third name is markup and quotes, which must come back as text."""


@pytest.fixture
def round_book(tmp_path: Path):
    """(workbook path, open workbook, round id, {name: participant id})."""
    path = tmp_path / "room.rater"
    workbook = create_workbook(path, "Hostile <script>alert(1)</script> Ltd")
    assessment_id = workbook.latest_assessment_id()
    ids = {name: workbook.add_participant(assessment_id, name) for name in PEOPLE}
    yield path, workbook, assessment_id, ids
    workbook.close()


async def _phone(url: str, who: int | str, answers: list[dict]) -> dict:
    """One phone's visit: join as participant ``who`` (an id) or reuse token ``who``, answer, leave."""
    import aiohttp

    base, code = url.split("/j/")
    async with aiohttp.ClientSession() as session:
        token = who
        if isinstance(who, int):
            async with session.post(f"{base}/r/{code}/join", json={"participant": who}) as response:
                token = (await response.json())["token"]
        async with session.ws_connect(f"{base}/r/{code}/ws") as ws:
            await ws.send_json({"type": "hello", "token": token, "lang": "en"})
            state = await ws.receive_json(timeout=10)
            replies = []
            for seq, answer in enumerate(answers):
                await ws.send_json({"type": "answer", "seq": seq, **answer})
                replies.append(await ws.receive_json(timeout=10))
    return {"token": token, "state": state, "replies": replies}


def phone_visit(url: str, who: int | str, answers: list[dict]):
    """Run one phone's visit on a thread of its own; returns a future of ``{token, state, replies}``.

    For window tests: the GUI thread keeps running (``qtbot.waitUntil(future.done)``)
    while the phone talks to the room server over 127.0.0.1.
    """
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    pool = ThreadPoolExecutor(max_workers=1)
    future = pool.submit(asyncio.run, _phone(url, who, answers))
    pool.shutdown(wait=False)
    return future


def start_serve(path: Path, *options: str, launcher: tuple[str, ...] = ()) -> tuple[subprocess.Popen, str]:
    """The ``serve`` command on 127.0.0.1 and the join address it printed first.

    ``launcher`` replaces ``python main.py`` (e.g. ``python -c`` with a changed server).

    With ``PYTHONFAULTHANDLER`` set, :func:`stopped_by_ctrl_c` can make a serve
    that does not stop write every thread's stack to its stderr.

    serve starts with Ctrl+C's default action, as in a facilitator's terminal:
    a test run started in the background (``cmd &`` from a script) ignores
    SIGINT, the child inherits that, Python then installs no KeyboardInterrupt
    handler, and serve would never hear the test's Ctrl+C (its threads' stacks
    showed it still waiting, untouched, 30 s later).
    """
    ignored = signal.signal(signal.SIGINT, signal.default_int_handler)  # a caught signal is default after exec
    try:
        process = subprocess.Popen(
            [*(launcher or (sys.executable, str(ROOT / "main.py"))), "serve", str(path), "--host", "127.0.0.1",
             *options],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
            env={**os.environ, "PYTHONFAULTHANDLER": "1"},
        )
    finally:
        signal.signal(signal.SIGINT, ignored)
    url = process.stdout.readline().strip()
    assert url.startswith("http://127.0.0.1:"), process.stderr.read()
    return process, url


def read_until(process: subprocess.Popen, words: str) -> str:
    """serve's stdout up to the first line holding ``words`` (what a facilitator waits to see)."""
    lines = []
    while words not in (lines[-1] if lines else ""):
        line = process.stdout.readline()
        assert line, "".join(lines) + process.stderr.read()
        lines.append(line)
    return "".join(lines)


def stopped_by_ctrl_c(process: subprocess.Popen, seconds: float = 30) -> tuple[int, str, str]:
    """Ctrl+C, then serve's exit code and what it printed after its first line (stdout, stderr).

    A serve still running after ``seconds`` gets SIGABRT, so its stderr (in the
    caller's failure message) shows where every thread was waiting.
    """
    process.send_signal(signal.SIGINT)
    try:
        out, err = process.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        masks = _signal_masks(process.pid)
        process.send_signal(signal.SIGABRT)
        out, err = process.communicate()
        err = f"serve had not stopped {seconds} s after Ctrl+C ({masks}); its threads:\n{err}"
    return process.returncode, out, err


def _signal_masks(pid: int) -> str:
    """Whether the process blocks or ignores signals (Linux): a SIGINT it ignores or blocks never stops it."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii").splitlines()
    except OSError:
        return "signal masks unknown"
    return ", ".join(line.replace("\t", " ") for line in status if line.startswith(("SigBlk", "SigIgn", "SigCgt")))

"""A small workbook with a round of named people, shared by the room tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from rater_desktop.storage import create_workbook

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

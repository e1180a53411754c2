"""Simulated phones for the room's load benchmark, run as a process of their own.

``python room_phones.py URL PHONES ANSWERS THINK_MIN_MS THINK_MAX_MS`` joins
PHONES people (the round's first PHONES names, one each), opens one
WebSocket per phone, and has every phone cast ANSWERS answers to distinct
items at once: before each tap a phone "reads" for a random
THINK_MIN_MS..THINK_MAX_MS, then waits for that answer's ``saved`` reply
(0 0: every phone taps as fast as the server answers).
It prints one JSON object: every answer's latency (send to reply, ms), the
refusals, and the answers each person gave, so the caller can check the
workbook holds exactly those.

A process of its own, like real phones: the server's process is not slowed
by the load generator's own work.  All phones share 127.0.0.1, so they join
a few at a time, within the server's per-address request cap (real phones
each have their own address).
"""

from __future__ import annotations

import asyncio
import json
import random
import sys
import time

import aiohttp

JOINS_PER_SECOND = 15
"""Below the per-address cap of 20 requests a second (each join is three requests)."""


async def phone(session, base, code, person, answers, think, start, results):
    try:
        await _phone(session, base, code, person, answers, think, start, results)
    except Exception as error:  # noqa: BLE001 - reported in the results; the other phones stop waiting
        results["errors"].append(f"{person['name']}: {error!r}")
        start.abort()


async def _phone(session, base, code, person, answers, think, start, results):
    async with session.post(f"{base}/r/{code}/join", json={"participant": person["id"]}) as response:
        token = (await response.json())["token"]
    async with session.ws_connect(f"{base}/r/{code}/ws") as ws:
        await ws.send_json({"type": "hello", "token": token, "lang": "en"})
        state = await ws.receive_json()
        items = state["items"][:answers]
        await start.wait()  # every phone has joined: all answer at once
        given = {}
        for seq, item in enumerate(items):
            await asyncio.sleep(random.uniform(*think) / 1000)  # reads the statement, then taps
            if item["kind"] == "scale":
                answer = {"value": random.randint(1, 7)}
            else:
                answer = {"grade": random.choice("ABCDF"), "note": ""}
            sent = time.perf_counter()
            await ws.send_json({"type": "answer", "seq": seq, "key": item["key"], **answer})
            reply = await ws.receive_json()
            results["latencies"].append((time.perf_counter() - sent) * 1000)
            if reply.get("type") == "saved" and reply.get("seq") == seq:
                given[item["key"]] = answer
            else:
                results["refused"].append(reply)
        results["given"][person["id"]] = given


async def main(url: str, phones: int, answers: int, think: tuple[float, float]) -> dict:
    base, code = url.split("/j/")
    results = {"latencies": [], "refused": [], "given": {}, "errors": []}
    start = asyncio.Barrier(phones + 1)
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as session:
        async with session.get(f"{base}/r/{code}/welcome") as response:
            people = (await response.json())["names"][:phones]
        tasks = []
        for person in people:
            tasks.append(asyncio.create_task(phone(session, base, code, person, answers, think, start, results)))
            await asyncio.sleep(1 / JOINS_PER_SECOND)
        try:
            await start.wait()
        except asyncio.BrokenBarrierError:
            pass  # a phone failed: the errors say which
        began = time.perf_counter()
        await asyncio.gather(*tasks)
        results["seconds"] = time.perf_counter() - began
    return results


if __name__ == "__main__":
    url, count, per_phone = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    print(json.dumps(asyncio.run(main(url, count, per_phone, (float(sys.argv[4]), float(sys.argv[5]))))))

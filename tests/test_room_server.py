"""The phones' HTTP and WebSocket API, through aiohttp's test client (127.0.0.1 only)."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import pytest
from room_support import round_book  # noqa: F401  (fixture)

from rater_desktop.operations import Operations
from rater_desktop.room.phones import Room
from rater_desktop.room.server import HUB, Limits, make_app


@pytest.fixture
def db_thread():
    executor = ThreadPoolExecutor(max_workers=1)
    yield executor
    executor.shutdown()


@pytest.fixture
def room_client(round_book, db_thread, aiohttp_client):
    """(client, room, {name: id}) for a quick round; ``limits`` may be overridden by calling it."""
    _path, workbook, assessment_id, ids = round_book

    async def start(limits: Limits | None = None, **options):
        operations = Operations(workbook)
        room = Room(operations, operations.workshops.of(assessment_id), mode="quick", **options)
        client = await aiohttp_client(make_app(room, db_thread, limits or Limits()))
        return client, room, ids

    return start


async def join(client, room, participant) -> str:
    response = await client.post(f"/r/{room.code}/join", json={"participant": participant})
    assert response.status == 200
    return (await response.json())["token"]


async def phone(client, room, token, lang="en"):
    """An open socket after the hello, and the state it received."""
    ws = await client.ws_connect(f"/r/{room.code}/ws")
    await ws.send_json({"type": "hello", "token": token, "lang": lang})
    return ws, await ws.receive_json(timeout=10)


async def vote(ws, seq, key, **answer) -> dict:
    await ws.send_json({"type": "answer", "seq": seq, "key": key, **answer})
    return await ws.receive_json(timeout=10)


async def test_join_vote_and_change_a_vote(room_client):
    client, room, ids = await room_client()
    page = await client.get(f"/j/{room.code}")
    assert page.status == 200 and "/s/phone.js" in await page.text()
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    welcome = await (await client.get(f"/r/{room.code}/welcome?lang=vi")).json()
    assert [n["name"] for n in welcome["names"]][:2] == ["Lan", "Minh"]

    token = await join(client, room, ids["Lan"])
    ws, state = await phone(client, room, token)
    assert state["type"] == "state" and state["name"] == "Lan" and state["answers"] == {}
    assert await vote(ws, 1, "dimension:empathy", grade="B", note="") == {
        "type": "saved", "seq": 1, "key": "dimension:empathy"}
    assert (await vote(ws, 2, "dimension:empathy", grade="D", note="changed"))["type"] == "saved"
    assert (await vote(ws, 3, "continuum:1:desired", value=6))["type"] == "saved"
    await ws.close()

    ws, state = await phone(client, room, token_again := await join(client, room, ids["Minh"]))
    assert state["answers"] == {} and token_again
    await ws.close()
    ws, state = await phone(client, room, token)  # Lan's phone reloads: its token, its answers
    assert state["answers"] == {"dimension:empathy": {"grade": "D", "note": "changed"},
                                "continuum:1:desired": {"value": 6}}
    await ws.close()


async def test_every_route_without_the_room_code_is_a_plain_404(room_client):
    client, room, ids = await room_client()
    wrong = "A" * len(room.code)
    for method, path in (("GET", f"/j/{wrong}"), ("GET", f"/r/{wrong}/welcome"), ("POST", f"/r/{wrong}/join"),
                         ("GET", f"/r/{wrong}/ws"), ("GET", "/j/<script>"), ("GET", "/s/../../main.py")):
        response = await client.request(method, path, json={"participant": ids["Lan"]})
        assert response.status == 404
        assert "<script>" not in await response.text()


async def test_a_socket_without_a_valid_token_gets_nothing_but_a_refusal(room_client):
    client, room, ids = await room_client()
    for token in (None, "made-up-token-of-the-right-length-0123456789", ""):
        ws, message = await phone(client, room, token)
        assert message == {"type": "released"}
        assert (await ws.receive()).type.name in ("CLOSE", "CLOSED", "CLOSING")
    token = await join(client, room, ids["Lan"])
    room.release(ids["Lan"])
    _ws, message = await phone(client, room, token)
    assert message == {"type": "released"}


async def test_a_name_already_on_a_phone_cannot_be_taken_by_another(room_client):
    client, room, ids = await room_client()
    await join(client, room, ids["Minh"])
    response = await client.post(f"/r/{room.code}/join", json={"participant": ids["Minh"]})
    assert response.status == 409 and await response.json() == {"error": "taken"}


async def test_answers_are_refused_once_the_facilitator_closes_their_part(room_client):
    client, room, ids = await room_client()
    ws, _state = await phone(client, room, await join(client, room, ids["Lan"]))
    room.workshop.set_item_closed("empathy", True)  # the facilitator, on the laptop
    assert await ws.receive_json(timeout=10) == {"type": "closed", "closed": ["empathy"]}
    reply = await vote(ws, 1, "dimension:empathy", grade="A")
    assert reply == {"type": "refused", "seq": 1, "key": "dimension:empathy", "code": "closed"}
    assert (await vote(ws, 2, "dimension:assurance", grade="A"))["type"] == "saved"
    await ws.close()
    assert room.state(ids["Lan"], "en")["answers"] == {"dimension:assurance": {"grade": "A", "note": ""}}


async def test_no_response_carries_another_persons_answers(room_client):
    client, room, ids = await room_client()
    room.answer(ids["Minh"], {"key": "dimension:tangibles", "grade": "F", "note": "MINH-ONLY"})
    room.answer(ids["Minh"], {"key": "continuum:2:current", "value": 7})
    seen = []
    seen.append(await (await client.get(f"/r/{room.code}/welcome")).text())
    seen.append(await (await client.get(f"/j/{room.code}")).text())
    token = await join(client, room, ids["Lan"])
    ws, state = await phone(client, room, token)
    seen.append(json.dumps(state))
    await ws.send_json({"type": "lang", "lang": "vi"})
    seen.append(json.dumps(await ws.receive_json(timeout=10)))
    seen.append(json.dumps(await vote(ws, 1, "dimension:tangibles", grade="A")))
    await ws.close()
    assert not any("MINH-ONLY" in text or '"value": 7' in text for text in seen)
    assert all("Hostile" not in text for text in seen)  # nothing else of the workbook either


async def test_hostile_names_and_notes_travel_as_json_text_and_the_page_never_parses_markup(room_client):
    client, room, ids = await room_client()
    hostile = '<b>Bảo</b> & "Co"'
    welcome = await (await client.get(f"/r/{room.code}/welcome")).json()
    assert hostile in [n["name"] for n in welcome["names"]]
    ws, state = await phone(client, room, await join(client, room, ids[hostile]))
    note = "</script><img src=x onerror=alert(1)>"
    assert (await vote(ws, 1, "dimension:empathy", grade="C", note=note))["type"] == "saved"
    await ws.send_json({"type": "state"})
    assert (await ws.receive_json(timeout=10))["answers"]["dimension:empathy"]["note"] == note
    await ws.close()
    script = await (await client.get("/s/phone.js")).text()
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script and "eval(" not in script


async def test_bodies_and_messages_over_the_size_cap_are_refused(room_client):
    client, room, ids = await room_client(Limits(body_bytes=1024))
    response = await client.post(f"/r/{room.code}/join", data=b"{" + b" " * 2000 + b"}",
                                 headers={"Content-Type": "application/json"})
    assert response.status == 413
    ws, _state = await phone(client, room, await join(client, room, ids["Lan"]))
    await ws.send_str(json.dumps({"type": "answer", "seq": 1, "key": "dimension:empathy", "grade": "A",
                                  "note": "x" * 2000}))
    assert (await ws.receive()).type.name in ("CLOSE", "CLOSED", "ERROR")
    assert room.state(ids["Lan"], "en")["answers"] == {}


async def test_a_phone_tapping_faster_than_the_cap_is_told_to_slow_down(room_client):
    client, room, ids = await room_client(Limits(answers_per_second=0.001, answers_burst=3))
    ws, _state = await phone(client, room, await join(client, room, ids["Lan"]))
    replies = [(await vote(ws, n, "dimension:empathy", grade="A"))["type"] for n in range(5)]
    assert replies == ["saved", "saved", "saved", "refused", "refused"]
    await ws.close()


async def test_a_phone_asking_for_its_state_again_and_again_is_capped_like_its_answers(room_client):
    client, room, ids = await room_client(Limits(answers_per_second=0.001, answers_burst=2))
    ws, _state = await phone(client, room, await join(client, room, ids["Lan"]))
    for _ in range(4):
        await ws.send_json({"type": "state"})
    await ws.send_json({"type": "answer", "seq": 1, "key": "dimension:empathy", "grade": "A"})
    replies = [(await ws.receive_json(timeout=10))["type"] for _ in range(3)]
    assert replies == ["state", "state", "refused"]  # the third and fourth asks got nothing
    await ws.close()


async def test_one_address_sending_too_many_requests_is_refused(room_client):
    client, room, _ids = await room_client(Limits(requests_per_second=0.001, requests_burst=4))
    statuses = [(await client.get(f"/r/{room.code}/welcome")).status for _ in range(6)]
    assert statuses == [200, 200, 200, 200, 429, 429]


async def test_a_revote_and_the_end_of_voting_reach_every_open_phone(room_client):
    client, room, ids = await room_client()
    ws, _state = await phone(client, room, await join(client, room, ids["Lan"]))
    room.workshop.open_reveal()
    room.workshop.revote("tangibles")  # after the reveal, the facilitator asks for a re-vote
    assert await ws.receive_json(timeout=10) == {"type": "revote", "part": "tangibles"}
    await client.app[HUB].end()
    assert await ws.receive_json(timeout=10) == {"type": "ended"}

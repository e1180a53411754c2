"""Room voting from the workshop page, as a facilitator runs it, with phones talking to 127.0.0.1.

The panel offers 127.0.0.1 as the only network (the tests never look at this
machine's addresses); a phone is a thread speaking HTTP and WebSocket to it.
"""

from __future__ import annotations

import pytest
from room_support import phone_visit

from rater_desktop.operations import Operations
from rater_desktop.room import addresses
from rater_desktop.room.addresses import LocalAddress
from rater_desktop.storage import create_workbook, open_workbook
from ui.pages.workshop import WorkshopPage
from ui.room_bridge import stop_rooms
from ui.tasks import gui_thread_delivery

PEOPLE = ("Lan", "Minh", "Quang")


@pytest.fixture
def page(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "room.rater"
    with create_workbook(path, organisation="Test Hotel") as workbook:
        round_id = workbook.latest_assessment_id()
        for name in PEOPLE:
            workbook.add_participant(round_id, name)
    ops = Operations(open_workbook(path))
    workshop_page = WorkshopPage(ops, round_id)
    ops.deliver = gui_thread_delivery(workshop_page)
    qtbot.addWidget(workshop_page)
    qtbot.addWidget(workshop_page.presenter)
    monkeypatch.setattr(addresses, "local_addresses",
                        lambda *args: [LocalAddress("127.0.0.1", "loopback (test)", "other")])
    workshop_page.resize(1200, 800)
    workshop_page.show()
    qtbot.waitExposed(workshop_page)
    yield workshop_page
    stop_rooms(ops)
    ops.workbook.close()


def ids_of(page) -> dict[str, int]:
    return {p.name: p.id for p in page.operations.workbook.participants(page.assessment_id)}


def start_room(qtbot, page, mode: str = "quick") -> str:
    panel = page.room_panel
    panel.find_networks()
    panel.mode.setCurrentIndex(panel.mode.findData(mode))
    with qtbot.waitSignal(panel.bridge.started, timeout=30000) as started:
        qtbot.mouseClick(panel.start_button, qtbot_left())
    return started.args[0]


def qtbot_left():
    from ui.qt import Qt

    return Qt.MouseButton.LeftButton


def wait_for(qtbot, future) -> dict:
    qtbot.waitUntil(future.done, timeout=30000)
    return future.result()


def test_without_a_network_the_panel_says_how_to_start_a_hotspot(qtbot, tmp_path, monkeypatch, page):
    monkeypatch.setattr(addresses, "local_addresses", lambda *args: [])
    page.room_panel.find_networks()
    assert "hotspot" in page.room_panel.advice.text() and "Guest" in page.room_panel.advice.text()
    assert not page.room_panel.start_button.isEnabled()


def test_a_quick_round_from_phones_seen_on_the_laptop_and_the_presenter(qtbot, page):
    url = start_room(qtbot, page)
    panel = page.room_panel
    assert url.startswith("http://127.0.0.1:") and panel.address.text() == url and panel.qr.text == url
    assert page.presenter.join_qr.text == url and not page.presenter.join_box.isHidden()

    ids = ids_of(page)
    lan = wait_for(qtbot, phone_visit(url, ids["Lan"], [
        {"key": "dimension:reliability", "grade": "B", "note": "calls back late"},
        {"key": "continuum:1:current", "value": 3},
    ]))
    assert [reply["type"] for reply in lan["replies"]] == ["saved", "saved"]
    assert [item["key"] for item in lan["state"]["items"]][0] == "dimension:reliability"
    qtbot.waitUntil(lambda: panel.progress_rows["reliability"][0].text() == "Reliability: 1 of 3 have voted")
    qtbot.waitUntil(lambda: [panel.phones.item(i).text() for i in range(panel.phones.count())] == ["Lan"])
    assert page.operations.workshops.sealed(page.assessment_id)  # results sealed until the reveal
    assert not page.operations.can_undo  # the laptop's Ctrl+Z cannot take a phone's vote back
    assert "B" not in [label.text() for label in panel.findChildren(type(panel.title))]

    qtbot.mouseClick(panel.progress_rows["reliability"][1], qtbot_left())
    assert "reliability" in page.session.closed
    again = wait_for(qtbot, phone_visit(url, lan["token"], [{"key": "dimension:reliability", "grade": "A"}]))
    assert again["replies"][0]["code"] == "closed" and again["state"]["closed"] == ["reliability"]
    assert again["state"]["answers"]["dimension:reliability"] == {"grade": "B", "note": "calls back late"}

    with qtbot.waitSignal(panel.bridge.stopped, timeout=30000):
        qtbot.mouseClick(panel.stop_button, qtbot_left())
    assert panel.stack.currentIndex() == 0 and page.presenter.join_box.isHidden()


def test_the_room_outlives_the_page_and_stops_with_the_workbook(qtbot, page):
    url = start_room(qtbot, page, mode="full")
    ops, round_id = page.operations, page.assessment_id
    rebuilt = WorkshopPage(ops, round_id)  # a language switch builds the page again
    qtbot.addWidget(rebuilt)
    qtbot.addWidget(rebuilt.presenter)
    assert rebuilt.room_panel.bridge.url == url and rebuilt.room_panel.stack.currentIndex() == 1
    visit = wait_for(qtbot, phone_visit(url, ids_of(page)["Minh"], []))
    assert visit["state"]["mode"] == "full"
    stop_rooms(ops)
    refused = phone_visit(url, visit["token"], [])
    qtbot.waitUntil(refused.done, timeout=30000)
    assert refused.exception() is not None  # nobody listens any more


def test_eight_phones_vote_a_quick_round_then_the_room_reveals_and_agrees(qtbot, tmp_path, monkeypatch):
    """The issue's whole round: eight people on phones, the facilitator closes voting, reveals
    (most contested first, under the privacy rule) and records the agreed grade."""
    path = tmp_path / "eight.rater"
    names = ("Lan", "Minh", "Quang", "Thu", "Bảo", "Hà", "Khoa", "Vy")
    with create_workbook(path, organisation="Corner Café") as workbook:
        round_id = workbook.latest_assessment_id()
        ids = [workbook.add_participant(round_id, name) for name in names]
    ops = Operations(open_workbook(path))
    page = WorkshopPage(ops, round_id)
    ops.deliver = gui_thread_delivery(page)
    qtbot.addWidget(page)
    qtbot.addWidget(page.presenter)
    monkeypatch.setattr(addresses, "local_addresses", lambda *args: [LocalAddress("127.0.0.1", "lo", "other")])
    page.show()
    try:
        url = start_room(qtbot, page)
        letters = "ABCDF"
        visits = [phone_visit(url, person, [
            {"key": f"dimension:{key}", "grade": letters[(n + k) % 5 if key == "empathy" else 1]}
            for k, key in enumerate(("reliability", "assurance", "tangibles", "empathy", "responsiveness"))
        ] + [{"key": f"continuum:{item}:{kind}", "value": 4} for kind in ("current", "desired") for item in (1, 2, 3)])
            for n, person in enumerate(ids)]
        for visit in visits:
            assert all(reply["type"] == "saved" for reply in wait_for(qtbot, visit)["replies"])
        panel = page.room_panel
        qtbot.waitUntil(lambda: panel.progress_rows["empathy"][0].text() == "Empathy: 8 of 8 have voted")
        qtbot.mouseClick(panel.close_all, qtbot_left())
        assert page.session.closed == {"reliability", "assurance", "tangibles", "empathy", "responsiveness",
                                       "continuum"}
        qtbot.mouseClick(page.reveal_button, qtbot_left())
        assert page.queue_list.item(0).text() == "1. Empathy"  # the votes spread most there
        shown = {letter: dots.text().count("●") for letter, (_name, dots) in page.presenter.panel.rows.items()}
        assert sum(shown.values()) == 8 and max(shown.values()) < 8
        page.grade.setCurrentIndex(page.grade.findData("C"))
        qtbot.mouseClick(page.record_button, qtbot_left())
        agreed = ops.workbook.read_assessment(round_id).consensus
        assert [(c.dimension, c.grade) for c in agreed] == [("empathy", "C")]
    finally:
        stop_rooms(ops)
        ops.workbook.close()

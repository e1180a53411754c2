"""Three phones in a real browser (the system's Chromium, 360×740) against the real ``serve`` command.

They join, vote a whole quick round, one reloads mid-round and carries on
where it was; after Ctrl+C the workbook's ``summary --json`` holds exactly
their answers.  A phone also rides out the server killed and started again
(the connection comes back by itself and the answer tapped meanwhile is
saved).  Buttons are found the way a screen reader finds them: by role and
accessible name.  The server listens on 127.0.0.1 only.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from playwright.sync_api import Page, expect, sync_playwright
from room_support import ROOT, start_serve, stopped_by_ctrl_c

from rater_desktop.model import DIMENSION_KEYS
from rater_desktop.storage import create_workbook

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
"""Debian's package (.ci/run installs it); Playwright drives it instead of downloading a browser."""
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
HOSTILE = '<b>Bảo</b> & "Co"'
VOTES = {
    "Lan": ("A", "B", "C", "D", "F", (1, 2, 3, 7, 6, 5)),
    "Minh": ("B", "B", "N/A", "C", "A", (4, 4, 4, 4, 4, 4)),
    HOSTILE: ("C", "A", "B", "F", "B", (7, 7, 7, 1, 1, 1)),
}
"""Per person: the five dimension grades in order, then current 1–3 and desired 1–3."""
POINTS = {"A": 4, "B": 3, "C": 2, "D": 1, "F": 0}


@pytest.fixture
def served(tmp_path):
    """(workbook path, join address, the serve process) for a quick round of three people."""
    path = tmp_path / "workshop.rater"
    with create_workbook(path, "Room test") as workbook:
        round_id = workbook.latest_assessment_id()
        for name in VOTES:
            workbook.add_participant(round_id, name)
    process, url = start_serve(path, "--port", "0", "--mode", "quick")
    yield path, url, process
    if process.poll() is None:
        process.kill()
        process.wait()


def vote_grade(page: Page, letter: str) -> None:
    page.get_by_role("button", name=letter, exact=True).click()
    expect(page.get_by_role("button", name=letter, exact=True)).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".saved")).to_have_text("Saved")


def next_item(page: Page, number: int) -> None:
    page.get_by_role("button", name="Next", exact=True).click()
    expect(page.get_by_text(f"{number} of 11", exact=True)).to_be_visible()


def test_three_phones_vote_a_quick_round_and_the_workbook_holds_exactly_their_answers(served):
    path, url, process = served
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        phones = {}
        for name in VOTES:
            context = browser.new_context(viewport={"width": 360, "height": 740}, locale="en-GB", is_mobile=True)
            page = context.new_page()
            page.goto(url)
            page.get_by_role("button", name=name, exact=True).click()
            expect(page.get_by_text(f"Hello, {name}", exact=True)).to_be_visible()
            phones[name] = page

        for index in range(5):
            for name, page in phones.items():
                vote_grade(page, VOTES[name][index])
                if name == "Minh" and index == 2:
                    page.reload()  # mid-round: lands on the same question, its answer shown as saved
                    expect(page.get_by_text("3 of 11", exact=True)).to_be_visible()
                    expect(page.get_by_role("button", name="N/A", exact=True)).to_have_attribute("aria-pressed", "true")
                next_item(page, index + 2)

        for name, page in phones.items():
            for step, value in enumerate(VOTES[name][5]):
                page.get_by_role("button", name=str(value), exact=True).click()
                expect(page.locator(".saved")).to_have_text("Saved")
                page.get_by_role("button", name="Next", exact=True).click()
                if step < 5:
                    expect(page.get_by_text(f"{step + 7} of 11", exact=True)).to_be_visible()
            expect(page.get_by_text("That is every question", exact=False)).to_be_visible()
        browser.close()

    code, _out, err = stopped_by_ctrl_c(process)
    assert code == 0, err
    summary = json.loads(subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "summary", str(path), "--json"],
        capture_output=True, text=True, encoding="utf-8", check=True).stdout)
    assert summary == expected_summary_parts(summary)


def expected_summary_parts(summary: dict) -> dict:
    """``summary`` with the internal results and continuum replaced by what the three phones voted."""
    expected = json.loads(json.dumps(summary))
    for index, (key, dimension) in enumerate(zip(DIMENSION_KEYS, expected["dimensions"])):
        points = [POINTS[votes[index]] for votes in VOTES.values() if votes[index] in POINTS]
        assert dimension["key"] == key
        assert summary["dimensions"][index]["internal"]["n"] == len(points)
        assert summary["dimensions"][index]["internal"]["mean"] == pytest.approx(sum(points) / len(points))
    for kind, answers in (("current", slice(0, 3)), ("desired", slice(3, 6))):
        positions = [sum((v - 1) / 6 * 100 for v in votes[5][answers]) / 3 for votes in VOTES.values()]
        assert summary["continuum"][kind]["n"] == 3
        assert summary["continuum"][kind]["mean"] == pytest.approx(sum(positions) / 3)
    return expected


def test_a_phone_rides_out_a_killed_server_and_sends_its_answer_when_the_room_is_back(served):
    """The laptop dies mid-round (SIGKILL) and is started again: the phone page keeps the answer
    tapped meanwhile, reconnects by itself to the same address and saves it."""
    path, url, process = served
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_context(viewport={"width": 360, "height": 740}, locale="en-GB", is_mobile=True).new_page()
        page.goto(url)
        page.get_by_role("button", name="Lan", exact=True).click()
        vote_grade(page, "B")
        next_item(page, 2)

        process.kill()
        process.wait()
        expect(page.get_by_role("status").first).to_contain_text("Connection lost")
        page.get_by_role("button", name="D", exact=True).click()
        expect(page.locator(".saved")).to_have_text("Saving…")

        again, again_url = start_serve(path)
        try:
            assert again_url == url  # same port, same room code
            expect(page.locator(".saved")).to_have_text("Saved", timeout=20000)
            expect(page.get_by_text("2 of 11", exact=True)).to_be_visible()
            browser.close()
        finally:
            code, _out, err = stopped_by_ctrl_c(again)
            assert code == 0, err
    summary = json.loads(subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "summary", str(path), "--json"],
        capture_output=True, text=True, encoding="utf-8", check=True).stdout)
    voted = {d["key"]: (d["internal"]["n"], d["internal"]["mean"]) for d in summary["dimensions"] if d["internal"]}
    assert voted == {"reliability": (1, POINTS["B"]), "assurance": (1, POINTS["D"])}

"""The window never waits (issue 13): grade key press, tab switch, opening the demo.

Run explicitly: ``uv run pytest tests/benchmarks/test_window_bench.py -s``.
Measured in the real main window (offscreen), with every tab visited first,
as GUI-thread time from the key event until the saved answer is on screen
(events processed, including paints):

- one grade key press: ≤ 30 ms on the demo, ≤ 60 ms with 100,000 survey
  responses imported into the round;
- switching to Results or Customers after a change: ≤ 150 ms with 100,000;
- opening the demo from the welcome page (written first): ≤ 1.5 s wall;
- a tab's first visit (DESIGN §7): its content (the page, or a line saying it is
  opening) drawn within 100 ms of the click, and the GUI thread never busy for
  100 ms at once until the page is drawn; each visit in a fresh process
  (``first_visit.py``), with the window's warm-up done and before it; the same
  for the roll-up window's first opening (before the warm-up is done, only the
  stall counts: the window opens once its module is imported off the GUI thread).

Medians of many presses are reported with the worst one; the bars apply to
the median (a shared 2-core machine has stray spikes), and no single press may
hold the GUI thread over the design's 100 ms.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest
from generated_survey import MAPPING, write_survey

from rater_desktop.importing import import_into, load_mapping
from rater_desktop.storage import open_workbook
from ui.main_window import MainWindow
from ui.qt import QApplication, QMessageBox, Qt
from ui.settings import Settings
from ui.widgets.chart_canvas import SETTLE_MS, chart_pool
from ui.window_files import write_demo_atomically

PRESSES = 40
BIG = 100_000
TABS = ("setup", "workshop", "results", "customers", "actions", "trends", "grading")


def settle() -> None:
    """Run every pending event (queued notices, layouts, paints) the way the event loop would."""
    for _ in range(3):
        QApplication.processEvents()


@pytest.fixture
def facilitator(monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)


@pytest.fixture(scope="module")
def demo_with_big_survey(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("big")
    path = write_demo_atomically(folder / "demo.rater")
    survey = write_survey(folder / "survey.csv", BIG)
    (folder / "map.toml").write_text(MAPPING, encoding="utf-8")
    with open_workbook(path) as workbook:
        result = import_into(workbook, workbook.latest_assessment_id(), survey, load_mapping(folder / "map.toml"))
        assert result.ok and result.row_count == BIG
    return path


@pytest.fixture
def window(qtbot):
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close_workbook()


def open_and_visit(qtbot, window: MainWindow, path: Path):
    """Open ``path`` and build every page; wait until their charts are drawn (on the chart thread),
    so what is measured next is the key press and not the first drawing of the charts."""
    assert window.open_path(path)
    view = window.workbook_view
    for key in TABS:
        view.show_page(key)
        settle()
        qtbot.wait(SETTLE_MS + 20)
        chart_pool().waitForDone()
        settle()
    return view


def start_grading(qtbot, view):
    page = view.show_page("grading")
    settle()
    page.people.setFocus()
    qtbot.keyClick(page.people, Qt.Key.Key_Home)
    qtbot.keyClick(page.people, Qt.Key.Key_Return)
    settle()
    assert page.session.answers is not None
    page.go_to(0)  # the demo's people have answered everything: back to the first statement
    settle()
    return page


def timed_presses(qtbot, page, count: int = PRESSES) -> list[float]:
    times = []
    for number in range(count):
        key = (Qt.Key.Key_B, Qt.Key.Key_C)[number % 2]
        start = time.perf_counter()
        qtbot.keyClick(page, key)
        settle()
        times.append(time.perf_counter() - start)
        assert page.grade_buttons["BC"[number % 2]].isChecked()
    return times


def report(name: str, times: list[float]) -> float:
    median = statistics.median(times)
    print(f"\n{name}: median {median * 1000:.1f} ms, worst {max(times) * 1000:.1f} ms over {len(times)}")
    return median


def test_grade_key_press_on_the_demo(qtbot, window, tmp_path, facilitator):
    view = open_and_visit(qtbot, window, write_demo_atomically(tmp_path / "demo.rater"))
    page = start_grading(qtbot, view)
    times = timed_presses(qtbot, page)
    assert report("grade key press, demo", times) <= 0.030
    assert max(times) < 0.100


def test_grade_key_press_and_tab_switch_with_100k_responses(qtbot, window, demo_with_big_survey, facilitator):
    view = open_and_visit(qtbot, window, demo_with_big_survey)
    page = start_grading(qtbot, view)
    times = timed_presses(qtbot, page)
    assert report("grade key press, 100k responses", times) <= 0.060
    assert max(times) < 0.100
    switches = {}
    for key in ("results", "customers"):
        laps = []
        for _ in range(3):
            view.show_page("grading")
            settle()
            qtbot.keyClick(page, Qt.Key.Key_A if len(laps) % 2 else Qt.Key.Key_D)
            settle()
            start = time.perf_counter()
            view.show_page(key)
            settle()
            laps.append(time.perf_counter() - start)
            qtbot.wait(SETTLE_MS + 20)  # the charts are drawn next, on the chart thread: not GUI time
            chart_pool().waitForDone()
        switches[key] = report(f"switch to {key} after a change, 100k responses", laps)
    assert max(switches.values()) <= 0.150


def test_opening_the_demo_from_the_welcome_page(qtbot, window):
    start = time.perf_counter()
    window.open_demo()
    qtbot.waitUntil(lambda: window.workbook is not None, timeout=10_000)
    settle()
    elapsed = time.perf_counter() - start
    print(f"\nopening the demo (written first): {elapsed * 1000:.0f} ms")
    assert elapsed <= 1.5


FIRST_VISIT = Path(__file__).with_name("first_visit.py")
VISITS = 3


def first_visit(key: str, demo: Path, mode: str) -> dict:
    run = subprocess.run([sys.executable, str(FIRST_VISIT), key, str(demo), mode],
                         capture_output=True, text=True, timeout=120, check=True)
    return json.loads(run.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("mode", ["warm", "cold"])
def test_first_visit_of_every_tab_paints_within_100_ms(tmp_path, mode):
    demo = write_demo_atomically(tmp_path / "demo.rater")
    worst = {}
    for key in (*TABS, "rollup"):
        visits = [first_visit(key, demo, mode) for _ in range(VISITS)]
        figures = {name: statistics.median(v[name] for v in visits)
                   for name in ("first_paint", "page_painted", "longest_stall")}
        print(f"\nfirst visit of {key} ({mode}): content drawn {figures['first_paint']:.0f} ms, "
              f"page drawn {figures['page_painted']:.0f} ms, longest GUI stall {figures['longest_stall']:.0f} ms "
              f"(medians of {VISITS})")
        # a roll-up chosen before the warm-up is done opens once its module is imported: no line to draw meanwhile
        drawn = 0 if (key, mode) == ("rollup", "cold") else figures["first_paint"]
        worst[key] = max(drawn, figures["longest_stall"])
    assert max(worst.values()) <= 100, worst

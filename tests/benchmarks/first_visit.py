"""One tab's first visit, timed in a fresh process (run by test_window_bench.py).

    python tests/benchmarks/first_visit.py TAB DEMO.rater {cold|warm}

Opens the workbook in the main window (offscreen), then clicks the tab's title
as a user would (for TAB ``rollup``: chooses File → New Roll-up…, whose page
is a window of its own) and prints, as JSON, in milliseconds from the click:
``first_paint`` (the tab's content, page or "opening" line, first drawn),
``page_painted`` (the page itself drawn) and ``longest_stall`` (the longest
time the GUI thread was busy at once from the click until the page was drawn,
seen as the largest gap between ticks of a 1 ms timer).

``warm``: the window has done what it does after its first paint
(``MainWindow.resume``: the heavy modules imported on a worker thread) before the
workbook is opened, as when the user opens one from the welcome page.
``cold``: nothing imported ahead: the tab is clicked before that warm-up ran,
e.g. right after the last workbook reopened at start.
A fresh process per visit, since a module imported once stays imported.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_private = Path(tempfile.mkdtemp())
os.environ["RATER_DATA_DIR"] = str(_private / "data")
os.environ["RATER_CONFIG_DIR"] = str(_private / "config")

from PySide6.QtCore import QObject, QPoint  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from ui.actions import ActionId  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.qt import QApplication, QEvent, Qt, QThreadPool, QTimer  # noqa: E402
from ui.settings import Settings  # noqa: E402
from ui.workbook_view import PAGES, WorkbookView  # noqa: E402


class Painted(QObject):
    """Notes when each widget it watches is first drawn."""

    def __init__(self) -> None:
        super().__init__()
        self.at: dict[str, float] = {}

    def watch(self, widget, name: str) -> None:
        widget.setProperty("benchName", name)
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint:
            self.at.setdefault(str(watched.property("benchName")), time.perf_counter())
        return False


def settle(app: QApplication, seconds: float = 0.3) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.002)


def main(key: str, demo: str, mode: str) -> dict:
    app = QApplication([])
    painted = Painted()
    new_rollup = MainWindow.new_rollup

    def new_rollup_and_watch(self, paths=None):
        page = new_rollup(self, paths)
        painted.watch(page, "page")
        return page

    MainWindow.new_rollup = new_rollup_and_watch  # before the window connects its menu to it
    window = MainWindow(Settings())
    window.resize(1200, 800)
    window.show()
    settle(app)
    if mode == "warm":
        window.resume([])
        QThreadPool.globalInstance().waitForDone()
        settle(app, 0.1)
    assert window.open_path(demo)
    settle(app)
    view = window.workbook_view

    ticks: list[float] = []
    heartbeat = QTimer()
    heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
    heartbeat.setInterval(1)
    heartbeat.timeout.connect(lambda: ticks.append(time.perf_counter()))
    heartbeat.start()
    build = WorkbookView._build

    def build_and_watch(self, spec) -> None:
        build(self, spec)
        if spec.key in self.pages:
            painted.watch(self.pages[spec.key], "page")

    WorkbookView._build = build_and_watch
    settle(app, 0.05)
    if key == "rollup":
        new_rollup_action = window.actions[ActionId.NEW_ROLLUP]
        start = time.perf_counter()
        ticks.append(start)
        new_rollup_action.trigger()
    else:
        index = next(i for i, spec in enumerate(PAGES, start=1) if spec.key == key)
        painted.watch(view.tabs.widget(index), "tab")
        tab_bar = view.tabs.tabBar()
        centre = tab_bar.tabRect(index).center()
        start = time.perf_counter()
        ticks.append(start)
        QTest.mouseClick(tab_bar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(centre))
    deadline = start + 20
    while "page" not in painted.at and time.perf_counter() < deadline:
        app.processEvents()
    end = time.perf_counter()
    heartbeat.stop()
    seen = [t for t in ticks if t >= start] + [end]
    stall = max(b - a for a, b in zip(seen, seen[1:]))
    result = {
        "tab": key,
        "mode": mode,
        "first_paint": round((min(painted.at.values(), default=end) - start) * 1000, 1),
        "page_painted": round((painted.at.get("page", end) - start) * 1000, 1),
        "longest_stall": round(stall * 1000, 1),
    }
    for page in list(window.rollups):
        page.close()
    window.close_workbook()
    window.close()
    QThreadPool.globalInstance().waitForDone()
    return result


if __name__ == "__main__":
    print(json.dumps(main(*sys.argv[1:4])))

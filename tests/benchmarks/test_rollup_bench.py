"""500 demo-size workbooks rolled up, against a baseline measured in the same run (issue 16).

Run explicitly: ``uv run pytest tests/benchmarks/test_rollup_bench.py -s``.
Bars: reading the 500 files (safe opening, every round) and computing the
roll-up <= 10x simply opening each file with the ``sqlite3`` module and
reading its grades (``sqlite3.connect(path)``, ``SELECT * FROM grades``); peak
memory of a whole ``rollup --json`` process <= 300 MB.  A stricter baseline
(read-only URI, three columns) is printed beside it for the record.
"""

import json
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TEAMS = 500

MEASURE = """
import json, resource, sys
from rater_desktop.cli import run_cli
code = run_cli(["rollup", sys.argv[1], "--json"])
try:  # this process's own peak: ru_maxrss keeps the parent's across exec (pytest at 400 MB after a big import)
    peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
except (OSError, StopIteration):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"code": code, "peak_mb": peak / 1024}), file=sys.stderr)
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """The demo workbook 500 times over, each under its own name (so none is a copy of another)."""
    from rater_desktop.demo import write_demo

    folder = tmp_path_factory.mktemp("teams")
    demo = write_demo(tmp_path_factory.mktemp("demo") / "demo.rater")
    for number in range(TEAMS):
        path = folder / f"team-{number:03d}.rater"
        shutil.copy(demo, path)
        with sqlite3.connect(path) as conn:
            conn.execute("UPDATE organisation SET name = ?", (f"Chi nhánh {number}",))
        conn.close()
    return folder


def bare_reads(paths: list[Path]) -> float:
    """Simply open each file and read its grades."""
    start = time.perf_counter()
    for path in paths:
        conn = sqlite3.connect(path)
        conn.execute("SELECT * FROM grades").fetchall()
        conn.close()
    return time.perf_counter() - start


def lean_reads(paths: list[Path]) -> float:
    """The same, read-only and only the three columns a grade needs."""
    start = time.perf_counter()
    for path in paths:
        conn = sqlite3.connect(path.as_uri() + "?mode=ro", uri=True)
        conn.execute("SELECT participant_id, criterion_id, grade FROM grades").fetchall()
        conn.close()
    return time.perf_counter() - start


def rollup_in_process(paths: list[Path]) -> float:
    from rater_desktop.rollup import read_sources
    from rater_desktop.rollup.session import RollupSession

    start = time.perf_counter()
    session = RollupSession()
    session.adopt(read_sources(paths))
    result = session.compute()
    elapsed = time.perf_counter() - start
    assert len(result.teams) == len(paths) and not session.left_out
    return elapsed


def test_rollup_of_500_workbooks(folder):
    paths = sorted(folder.glob("*.rater"))
    rollup_in_process(paths[:3])                       # imports and caches, outside the timing
    bare, lean, ours = [], [], []
    for _run in range(3):                              # alternate so drift hits both sides alike
        bare.append(bare_reads(paths))
        lean.append(lean_reads(paths))
        ours.append(rollup_in_process(paths))
    bare_s, lean_s, ours_s = statistics.median(bare), statistics.median(lean), statistics.median(ours)

    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", MEASURE, str(folder)], capture_output=True, text=True, cwd=ROOT)
    process_s = time.perf_counter() - start
    measured = json.loads(done.stderr.strip().splitlines()[-1])
    assert measured["code"] == 0 and len(json.loads(done.stdout)["teams"]) == TEAMS

    print(f"\n{TEAMS} workbooks: sqlite3 open + read grades {bare_s:.3f}s, roll-up {ours_s:.3f}s "
          f"({ours_s / bare_s:.1f}x; {ours_s / lean_s:.1f}x a read-only three-column read of {lean_s:.3f}s); "
          f"whole `rollup --json` process {process_s:.2f}s, peak memory {measured['peak_mb']:.0f} MB")
    assert ours_s <= 10 * bare_s
    assert measured["peak_mb"] <= 300


def test_the_window_answers_while_500_workbooks_are_read_and_rolled_up(qtbot, folder):
    """A 10 ms timer on the GUI thread never waits 100 ms or more: reading, computing, showing, sorting."""
    from ui.pages.rollup import RollupPage
    from ui.qt import Qt, QTimer

    rollup_in_process(sorted(folder.glob("*.rater"))[:3])      # imports, as the app's warm-up does
    page = RollupPage()
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    with qtbot.waitSignal(page.computed, timeout=120_000):
        page.add_paths([folder])
    qtbot.waitUntil(lambda: not page.busy, timeout=60_000)
    for column in (1, 3, 7):
        page.results.heatmap.sortByColumn(column, Qt.SortOrder.DescendingOrder)
        qtbot.wait(50)
    with qtbot.waitSignal(page.computed, timeout=60_000):
        page.min_group.setValue(200)
    timer.stop()
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    print(f"\n{len(ticks)} ticks while reading {TEAMS} workbooks, longest stall {max(gaps) * 1000:.0f} ms "
          f"(bar: 100 ms)")
    assert page.members_model.rowCount() == TEAMS
    assert max(gaps) < 0.100

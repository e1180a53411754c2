"""Start-up to first paint, compared with a bare PySide6 window in the same run.

Target (issue 13): the app's `main.py --quit-after-startup` takes at most 1.3×
the time of ../shared/bench/baseline_window.py, both as whole processes
(launch to exit) and while another process keeps one core busy, as on a
user's laptop that is rarely idle. Runs alternate so drift on a shared
machine hits both sides alike; the median ratio is what counts.
Run with: uv run pytest tests/benchmarks/test_startup_bench.py -s

Both sides may write bytecode (into a private cache folder), as on a user's
machine: with PYTHONDONTWRITEBYTECODE set, every run would recompile the app's
modules from source while the baseline is one small file, which measures the
environment rather than the start-up.
"""

import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BASELINE = ROOT.parent / "shared" / "bench" / "baseline_window.py"
RUNS = 15
"""pairs of runs: on a shared 2-core machine a median of 7 ratios still moved by ±0.15 between runs"""
TARGET_RATIO = 1.3


def timed(args: list[str], pycache: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one whole process (CPU time moves less with the machine's load)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPYCACHEPREFIX=str(pycache))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, *args], cwd=ROOT, env=env, check=True, capture_output=True, timeout=60)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


@pytest.fixture
def busy_core():
    """Another process keeping one core busy for as long as the test runs."""
    spinner = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    yield
    spinner.kill()
    spinner.wait()


def test_startup_within_one_point_three_bare_windows(tmp_path, busy_core):
    # One unmeasured run of each warms the OS file cache and writes bytecode.
    timed([str(BASELINE)], tmp_path)
    timed(["main.py", "--quit-after-startup"], tmp_path)
    baseline, app = [], []
    for _ in range(RUNS):
        baseline.append(timed([str(BASELINE)], tmp_path))
        app.append(timed(["main.py", "--quit-after-startup"], tmp_path))
    ratio = statistics.median(a[0] / b[0] for a, b in zip(app, baseline))
    cpu_ratio = statistics.median(a[1] / b[1] for a, b in zip(app, baseline))
    print(
        f"\nstart-up: app median {statistics.median(a[0] for a in app) * 1000:.0f} ms, "
        f"bare window median {statistics.median(b[0] for b in baseline) * 1000:.0f} ms, "
        f"median ratio {ratio:.2f} (target ≤ {TARGET_RATIO}); CPU time median ratio {cpu_ratio:.2f}"
    )
    assert ratio <= TARGET_RATIO

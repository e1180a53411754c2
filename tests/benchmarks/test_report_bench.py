"""The full demo report vs /work/shared/bench/baseline_pdf.py, measured in the same run.

Target (issue 6): at most 2× the baseline (one matplotlib chart in a one-page
reportlab PDF).  Both sides run as fresh processes, alternating, with bytecode
cached in a private folder (as on a user's machine); the median ratio counts.
Run with: uv run pytest tests/benchmarks/test_report_bench.py -s
"""

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BASELINE = ROOT.parent / "shared" / "bench" / "baseline_pdf.py"
RUNS = 5
TARGET_RATIO = 2.0
REPORT = "import sys; from rater_desktop.report import write_report; write_report(sys.argv[1], sys.argv[2])"


def timed(args: list[str], pycache: Path) -> float:
    env = dict(os.environ, PYTHONPYCACHEPREFIX=str(pycache))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    subprocess.run([sys.executable, *args], cwd=ROOT, env=env, check=True, capture_output=True, timeout=120)
    return time.perf_counter() - start


def test_demo_report_within_twice_the_baseline(tmp_path):
    from rater_desktop.demo import write_demo

    workbook = write_demo(tmp_path / "demo.rater")
    baseline_args = [str(BASELINE), str(tmp_path / "baseline.pdf")]
    report_args = ["-c", REPORT, str(workbook), str(tmp_path / "report.pdf")]
    timed(baseline_args, tmp_path / "pycache")  # warm file cache and bytecode
    timed(report_args, tmp_path / "pycache")
    baseline, report = [], []
    for _ in range(RUNS):
        baseline.append(timed(baseline_args, tmp_path / "pycache"))
        report.append(timed(report_args, tmp_path / "pycache"))
    ratio = statistics.median(r / b for r, b in zip(report, baseline))
    print(f"\nreport {statistics.median(report):.2f}s, baseline {statistics.median(baseline):.2f}s, "
          f"median ratio {ratio:.2f} (target <= {TARGET_RATIO})")
    assert (tmp_path / "report.pdf").stat().st_size > 0
    assert ratio <= TARGET_RATIO

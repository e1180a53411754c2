"""100k-row survey import against baselines measured in the same run.

Run explicitly: ``uv run pytest tests/benchmarks/test_import_bench.py -s``.
Bars (issue 5): end to end (parse, validate, score, store into a real
workbook) <= 10x a bare csv.reader pass and <= 0.25x ``sqlite-utils insert
--csv`` of the same file; peak memory <= 300 MB.
"""

import csv
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest
from generated_survey import MAPPING, write_survey

ROOT = Path(__file__).resolve().parents[2]
ROWS = 100_000

# Runs in a fresh interpreter so its peak RSS is the import's own.
MEASURE = """
import json, resource, sys, time
from rater_desktop.importing import import_into, load_mapping
from rater_desktop.storage import create_workbook
book = create_workbook(sys.argv[2])
start = time.perf_counter()
result = import_into(book, book.latest_assessment_id(), sys.argv[1], load_mapping(sys.argv[3]))
elapsed = time.perf_counter() - start
book.close()
print(json.dumps({"ok": result.ok, "rows": result.row_count, "seconds": elapsed,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


@pytest.fixture(scope="module")
def survey(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bench")
    path = write_survey(folder / "survey.csv", ROWS)
    (folder / "map.toml").write_text(MAPPING, encoding="utf-8")
    return path


def bare_csv_pass(path: Path) -> float:
    start = time.perf_counter()
    with path.open(newline="", encoding="utf-8") as f:
        for _row in csv.reader(f):
            pass
    return time.perf_counter() - start


def ours_in_process(path: Path, folder: Path, run: int) -> float:
    from rater_desktop.importing import import_into, load_mapping
    from rater_desktop.storage import create_workbook

    book = create_workbook(folder / f"run{run}.rater")
    try:
        mapping = load_mapping(folder / "map.toml")
        start = time.perf_counter()
        result = import_into(book, book.latest_assessment_id(), path, mapping)
        elapsed = time.perf_counter() - start
        assert result.ok and result.row_count == ROWS
        return elapsed
    finally:
        book.close()


def test_import_100k_rows(survey):
    folder = survey.parent
    bare, ours = [], []
    for run in range(3):  # alternate so drift hits both sides alike
        bare.append(bare_csv_pass(survey))
        ours.append(ours_in_process(survey, folder, run))
    bare_s, ours_s = statistics.median(bare), statistics.median(ours)

    start = time.perf_counter()
    subprocess.run([str(Path(sys.executable).parent / "sqlite-utils"), "insert",
                    str(folder / "baseline.db"), "survey", str(survey), "--csv"],
                   check=True, capture_output=True)
    sqlite_utils_s = time.perf_counter() - start

    measured = json.loads(subprocess.run(
        [sys.executable, "-c", MEASURE, str(survey), str(folder / "mem.rater"),
         str(folder / "map.toml")],
        check=True, capture_output=True, text=True, cwd=ROOT).stdout)
    assert measured["ok"] and measured["rows"] == ROWS

    print(f"\n100k rows: csv.reader {bare_s:.3f}s, ours {ours_s:.3f}s "
          f"({ours_s / bare_s:.2f}x csv.reader), sqlite-utils insert --csv {sqlite_utils_s:.3f}s "
          f"({ours_s / sqlite_utils_s:.3f}x), peak memory {measured['peak_mb']:.0f} MB")
    assert ours_s <= 10 * bare_s
    assert ours_s <= 0.25 * sqlite_utils_s
    assert measured["peak_mb"] <= 300


def summary_in_process(path: Path) -> float:
    from rater_desktop.storage import open_workbook
    from rater_desktop.summary import workbook_summary

    start = time.perf_counter()
    with open_workbook(path, read_only=True) as book:
        data = workbook_summary(book, book.latest_assessment_id())
    elapsed = time.perf_counter() - start
    assert data["dimensions"][0]["customer"]["n"] > ROWS * 0.9
    return elapsed


def test_summary_of_100k_respondents(survey):
    """Issue 5: ``summary`` on an imported 100k-row survey <= 2x a bare csv pass."""
    folder = survey.parent
    book_path = folder / "summary.rater"
    ours_in_process(survey, folder, 99)
    (folder / "run99.rater").rename(book_path)
    bare, ours = [], []
    for _run in range(3):
        bare.append(bare_csv_pass(survey))
        ours.append(summary_in_process(book_path))
    bare_s, ours_s = statistics.median(bare), statistics.median(ours)
    print(f"\nsummary of 100k respondents: {ours_s:.3f}s vs csv.reader {bare_s:.3f}s ({ours_s / bare_s:.2f}x)")
    assert ours_s <= 2 * bare_s


def test_a_50_mb_export_imports_within_the_memory_bar(tmp_path):
    """Issue 5 (bad input): a 50 MB file is handled, not choked on: it imports, under 300 MB."""
    path = tmp_path / "big.csv"
    write_survey(path, 380000)
    size_mb = path.stat().st_size / 1_000_000
    assert size_mb >= 50
    (tmp_path / "map.toml").write_text(MAPPING, encoding="utf-8")
    measured = json.loads(subprocess.run(
        [sys.executable, "-c", MEASURE, str(path), str(tmp_path / "big.rater"), str(tmp_path / "map.toml")],
        check=True, capture_output=True, text=True, cwd=ROOT).stdout)
    print(f"\n{size_mb:.0f} MB export: {measured['rows']} rows in {measured['seconds']:.1f}s, "
          f"peak memory {measured['peak_mb']:.0f} MB")
    assert measured["ok"] and measured["rows"] == 380_000
    assert measured["peak_mb"] <= 300

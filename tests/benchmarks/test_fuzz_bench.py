"""The fuzz properties of tests/test_fuzz.py with the large budget: at least 10,000 cases in all.

Run alone (a few minutes on two cores):

    uv run pytest -q -s tests/benchmarks/test_fuzz_bench.py

Each test counts the cases it ran; the last one prints the total. A failure
is reported by Hypothesis with the smallest input it found.
"""

from __future__ import annotations

from collections import Counter

from fuzz_support import (
    check_csv,
    check_csv_round_trip,
    check_mapping,
    check_workbook,
    check_xlsx,
    csv_files,
    damaged_workbooks,
    line_ends,
    mapping_texts,
    printable,
    sources,
    workbook_template,
    xlsx_files,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

TEMPLATE = workbook_template()
RAN: Counter[str] = Counter()
MINIMUM_CASES = 10_000


def budget(cases: int) -> settings:
    return settings(max_examples=cases, deadline=None, database=None, derandomize=False,
                    suppress_health_check=list(HealthCheck))


@budget(3_000)
@given(csv_files(), sources)
def test_csv_reader(case, source):
    RAN["csv"] += 1
    check_csv(case[0], source)


@budget(1_500)
@given(st.lists(st.lists(printable, min_size=2, max_size=2), max_size=8), line_ends)
def test_csv_round_trip(rows, ending):
    RAN["csv round trip"] += 1
    check_csv_round_trip(rows, ending)


@budget(2_000)
@given(xlsx_files())
def test_xlsx_reader(data):
    RAN["xlsx"] += 1
    check_xlsx(data)


@budget(2_500)
@given(mapping_texts())
def test_mapping_loader(text):
    RAN["mapping"] += 1
    check_mapping(text)


@budget(1_500)
@given(damaged_workbooks(TEMPLATE), st.booleans())
def test_workbook_opening(case, read_only):
    RAN["workbook"] += 1
    check_workbook(TEMPLATE, case, read_only)


def test_zz_report_the_count():
    total = sum(RAN.values())
    print(f"\nfuzz cases run: {dict(RAN)} total {total}")
    assert total >= MINIMUM_CASES

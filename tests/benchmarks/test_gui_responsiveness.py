"""The GUI stays responsive while a large survey is previewed, checked and imported.

Issue 5: no stall over 100 ms on the GUI thread. A timing measurement, so it
lives with the benchmarks: ``uv run pytest tests/benchmarks/test_gui_responsiveness.py -s``.
Run on 100 000 respondents (the default suite's wizard tests use a smaller file).
"""

import time

import pytest
from test_ui_import_wizard import import_now, make_wizard, open_file, ops, to_validation, write_big_survey  # noqa: F401

from rater_desktop.importing import SourceSpec, preview
from ui.qt import QFileDialog, QTimer

BENCH_ROWS = 100_000


@pytest.fixture(scope="module")
def huge(tmp_path_factory):
    return write_big_survey(tmp_path_factory.mktemp("huge"), BENCH_ROWS)


def test_gui_stays_responsive_during_a_large_import(qtbot, make_wizard, ops, huge, monkeypatch):
    """A 10 ms timer on the GUI thread never waits more than 100 ms (preview, check, import)."""
    path, mapping = huge
    # One-time module loading (the app warms these up at start-up) is not what is measured.
    preview(path, SourceSpec(), 1)
    wizard = make_wizard()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(mapping), ""))
    wizard.load_mapping_file()
    ticks = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    phases = {}
    for name, step in (("preview", lambda: open_file(qtbot, wizard, path)),
                       ("check", lambda: to_validation(qtbot, wizard)),
                       ("import", lambda: import_now(qtbot, wizard))):
        first = len(ticks)
        step()
        phases[name] = (first, len(ticks))
    timer.stop()
    assert wizard.import_page.done
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    for name, (first, last) in phases.items():
        part = [round(g * 1000) for g in gaps[max(0, first - 1):last - 1]]
        print(f"\n{name}: {len(part)} gaps, longest {max(part, default=0)} ms, over 50 ms: "
              f"{[g for g in part if g > 50]}")
    print(f"{len(ticks)} ticks, longest stall {max(gaps) * 1000:.0f} ms (bar: 100 ms)")
    assert len(ticks) > 20
    assert max(gaps) < 0.100, f"longest stall {max(gaps) * 1000:.0f} ms"
    survey = ops.workbook.surveys(ops.workbook.latest_assessment_id())[0]
    assert survey["row_count"] == BENCH_ROWS

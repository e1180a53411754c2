"""The GUI stays responsive while a large survey is previewed, checked and imported.

Issue 5: no stall over 100 ms on the GUI thread. A timing measurement, so it
lives with the benchmarks: ``uv run pytest tests/benchmarks/test_gui_responsiveness.py -s``.
"""

import time

import test_ui_import_wizard

from test_ui_import_wizard import big, import_now, make_wizard, open_file, ops, to_validation  # noqa: F401

from rater_desktop.importing import SourceSpec, preview
from ui.qt import QFileDialog, QTimer

def test_gui_stays_responsive_during_a_large_import(qtbot, make_wizard, ops, big, monkeypatch):
    """A 10 ms timer on the GUI thread never waits more than 100 ms (preview, check, import)."""
    path, mapping = big
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
    open_file(qtbot, wizard, path)
    to_validation(qtbot, wizard)
    import_now(qtbot, wizard)
    timer.stop()
    assert wizard.import_page.done
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    print([round(g * 1000) for g in gaps])
    print(f"\n{len(ticks)} ticks, longest stall {max(gaps) * 1000:.0f} ms (bar: 100 ms)")
    assert len(ticks) > 20
    assert max(gaps) < 0.100, f"longest stall {max(gaps) * 1000:.0f} ms"
    survey = ops.workbook.surveys(ops.workbook.latest_assessment_id())[0]
    assert survey["row_count"] == test_ui_import_wizard.BIG_ROWS

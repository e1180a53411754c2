"""Any chart of the app can be copied, or saved as PNG or SVG, from its context menu (for slides)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from rater_desktop import charts, i18n
from ui.qt import QFileDialog
from ui.widgets.chart_canvas import ChartView
from ui.widgets.chart_export import chart_menu, copy_chart, save_chart

SPEC = charts.GapSpec("Gap: team minus customers", ("Reliability", "Empathy"), (0.65, -0.8), ("Blind spot", ""),
                      0.5, "Points")


def view_of(qtbot, spec=SPEC) -> ChartView:
    view = ChartView()
    qtbot.addWidget(view)
    view.show_spec(spec)
    return view


def test_the_menu_offers_copy_and_both_formats(qtbot):
    menu = chart_menu(view_of(qtbot))
    assert [action.text() for action in menu.actions()] == ["Copy chart", "Save chart as PNG…", "Save chart as SVG…"]


def test_saving_writes_a_real_png_and_an_svg_with_the_languages_numbers(qtbot, tmp_path, monkeypatch):
    view = view_of(qtbot)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(tmp_path / "gaps"), "PNG (*.png)"))
    task = save_chart(view, "png")  # the name asked for gets its extension
    with qtbot.waitSignal(task.signals.succeeded, timeout=30_000):
        pass
    assert (tmp_path / "gaps.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    i18n.set_language("vi")
    try:
        task = save_chart(view, "svg", str(tmp_path / "gaps.svg"))
        with qtbot.waitSignal(task.signals.succeeded, timeout=30_000):
            pass
    finally:
        i18n.set_language("en")
    svg = (tmp_path / "gaps.svg").read_text(encoding="utf-8")
    assert "<svg" in svg and "+0,65" in svg  # the window's language, at the time of saving


def test_copy_puts_a_bitmap_and_the_svg_on_the_clipboard(qtbot):
    task = copy_chart(view_of(qtbot))
    with qtbot.waitSignal(task.signals.succeeded, timeout=30_000):
        pass
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().mimeData().hasImage())
    data = QGuiApplication.clipboard().mimeData()
    try:
        assert not data.imageData().isNull()
        assert b"<svg" in bytes(data.data("image/svg+xml"))
    finally:
        QGuiApplication.clipboard().clear()  # the offscreen platform crashes at exit on a clipboard left full


def test_a_view_without_a_chart_offers_nothing(qtbot):
    view = ChartView()
    qtbot.addWidget(view)
    assert copy_chart(view) is None and save_chart(view, "png", "x.png") is None

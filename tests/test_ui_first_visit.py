"""A tab's first visit never waits for its page's module: a line says the page is opening meanwhile."""

import importlib.machinery
import importlib.util
import sys

import pytest

import ui.workbook_view
from ui.main_window import MainWindow
from ui.qt import QLabel, Qt
from ui.settings import Settings
from ui.tasks import module_ready
from ui.workbook_view import PAGES


@pytest.fixture
def window(qtbot, demo_copy):
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(demo_copy)
    yield window
    window.close_workbook()


def click_tab(qtbot, view, key: str) -> None:
    index = next(i for i, spec in enumerate(PAGES, start=1) if spec.key == key)
    bar = view.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


def opening_lines(view, key: str, *, shown_only: bool = True) -> list[str]:
    holder = view.tabs.widget(next(i for i, spec in enumerate(PAGES, start=1) if spec.key == key))
    labels = holder.findChildren(QLabel, "pageOpening")
    return [label.text() for label in labels if label.isVisible() or not shown_only]


def test_a_tab_whose_module_is_still_loading_says_so_then_shows_its_page(window, qtbot, monkeypatch):
    view = window.workbook_view
    monkeypatch.setattr(ui.workbook_view, "module_ready", lambda name: False)  # as before the warm-up is done
    click_tab(qtbot, view, "results")
    assert "results" not in view.pages
    assert opening_lines(view, "results", shown_only=False) == ["Opening Results…"]  # drawn with the tab
    qtbot.waitUntil(lambda: "results" in view.pages)
    qtbot.waitUntil(view.pages["results"].isVisible)
    qtbot.waitUntil(lambda: not opening_lines(view, "results", shown_only=False))


def test_a_page_whose_tab_was_left_before_its_module_loaded_is_built_on_the_next_visit(window, qtbot, monkeypatch):
    view = window.workbook_view
    monkeypatch.setattr(ui.workbook_view, "module_ready", lambda name: False)
    click_tab(qtbot, view, "trends")
    click_tab(qtbot, view, "customers")
    qtbot.waitUntil(lambda: "customers" in view.pages)
    assert "trends" not in view.pages  # nobody is looking at it
    monkeypatch.undo()
    click_tab(qtbot, view, "trends")
    assert "trends" in view.pages  # its module is loaded now: built at once


def test_code_that_asks_for_a_page_gets_it_built_even_while_its_module_loads(window, qtbot, monkeypatch):
    view = window.workbook_view
    monkeypatch.setattr(ui.workbook_view, "module_ready", lambda name: False)
    click_tab(qtbot, view, "actions")
    page = view.show_page("actions")
    assert page is view.pages["actions"]
    qtbot.waitUntil(page.isVisible)
    assert opening_lines(view, "actions") == []  # the page, not the line, is what shows
    qtbot.waitUntil(lambda: not view.findChildren(QLabel, "pageOpening"))
    assert view.pages["actions"] is page  # the import ending later builds nothing twice


def test_a_module_another_thread_is_still_importing_is_not_ready(monkeypatch):
    spec = importlib.machinery.ModuleSpec("half_imported", None)
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "half_imported", module)
    spec._initializing = True  # what the import system sets while the module's code runs
    assert not module_ready("half_imported")
    spec._initializing = False
    assert module_ready("half_imported")
    assert not module_ready("never_imported")


def test_the_roll_up_chosen_before_its_module_loaded_opens_once_it_has(qtbot, monkeypatch):
    import ui.tasks
    from ui.actions import ActionId

    window = MainWindow(Settings())
    qtbot.addWidget(window)
    monkeypatch.setattr(ui.tasks, "module_ready", lambda name: False)  # as before the warm-up is done
    window.actions[ActionId.NEW_ROLLUP].trigger()
    window.actions[ActionId.NEW_ROLLUP].trigger()  # chosen twice while it loads: still one window
    assert window.rollups == []
    qtbot.waitUntil(lambda: len(window.rollups) == 1)
    qtbot.waitUntil(window.rollups[0].isVisible)
    window.rollups[0].close()
    qtbot.waitUntil(lambda: not window.rollups)

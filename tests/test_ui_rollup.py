"""The roll-up page driven as a person would: add a folder, read the heatmap, sort, rename, pick a round,
change the minimum group, cancel a slow read, save and reopen a set, export, and open it from the window."""

import threading

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QMimeData, QPoint, QPointF, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit
from rollup_support import make_team, same_letters

from rater_desktop import i18n
from rater_desktop.rollup import sources
from ui.actions import ActionId
from ui.main_window import MainWindow
from ui.models.rollup_members import COL_NAME, COL_ROUND
from ui.pages.rollup import RollupPage
from ui.qt import QFileDialog, QMessageBox, Qt
from ui.settings import Settings

LETTERS = 2 + 5   # team, n, then the five dimensions: the overall column is last


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("chain")
    make_team(folder / "a.rater", "Chi nhánh Hà Nội", same_letters(["A", "A", "B", "B"]),
              {"reliability": [3.0] * 8}, earlier=same_letters(["C", "C", "C"]))
    make_team(folder / "b.rater", "Harbour Road", same_letters(["C", "C", "C"]), {"reliability": [1.0] * 6})
    make_team(folder / "c.rater", "Airport kiosk", same_letters(["D", "D"]), {"reliability": [2.0] * 3})
    (folder / "sub").mkdir()
    make_team(folder / "sub" / "d.rater", "Đà Nẵng", same_letters(["B"] * 5), {"reliability": [4.0] * 7})
    (folder / "broken.rater").write_bytes(b"not a workbook at all")
    return folder


@pytest.fixture
def page(qtbot):
    page = RollupPage()
    qtbot.addWidget(page)
    page.show()
    yield page
    qtbot.waitUntil(lambda: not page.busy)


@pytest.fixture
def errors(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append((title, text)))
    return shown


def rolled_up(qtbot, page, paths):
    with qtbot.waitSignal(page.computed, timeout=20000):
        page.add_paths(paths)
    qtbot.waitUntil(lambda: not page.busy)
    return page


def open_tab(qtbot, page, number):
    """Click tab ``number`` of the results (a tab's rows are handed to its model when it is first shown)."""
    bar = page.results.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(number).center())
    assert page.results.currentIndex() == number


def heatmap(page):
    proxy = page.results.heatmap_model
    return [[proxy.index(r, c).data() for c in range(proxy.columnCount())] for r in range(proxy.rowCount())]


def test_a_folder_fills_members_and_the_heatmap_with_the_whole_group_first(qtbot, page, folder, errors):
    rolled_up(qtbot, page, [folder])
    assert page.members_model.rowCount() == 4
    rows = heatmap(page)
    assert rows[0][:2] == ["All teams", "14"]                       # 4 + 3 + 2 + 5 participants
    by_name = {row[0]: row for row in rows[1:]}
    assert set(by_name) == {"Chi nhánh Hà Nội", "Harbour Road", "Airport kiosk", "Đà Nẵng"}
    assert by_name["Airport kiosk"][2:LETTERS] == ["withheld"] * 5     # two people: no team figures
    assert by_name["Harbour Road"][2] == "withheld"                  # the smallest other team goes too
    assert by_name["Chi nhánh Hà Nội"][2].startswith("A 3.50 (")     # its figure and its distance from the whole
    open_tab(qtbot, page, 4)
    notes = page.results.notes_model
    texts = [notes.index(r, 1).data() for r in range(notes.rowCount())]
    assert any("broken.rater" in t and "not a RATER workbook" in t for t in texts)
    assert any("fewer than 3 participants" in t for t in texts)
    assert "Notes (" in page.results.tabText(4)
    assert errors == []


def test_cells_are_coloured_by_their_distance_and_explain_themselves(qtbot, page, folder):
    rolled_up(qtbot, page, [folder])
    proxy = page.results.heatmap_model
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == "Chi nhánh Hà Nội")
    cell = proxy.index(row, 2)
    assert cell.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "against the whole group" in cell.data(Qt.ItemDataRole.ToolTipRole)
    withheld = proxy.index(next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == "Airport kiosk"), 2)
    assert "fewer than 3 participants" in withheld.data(Qt.ItemDataRole.ToolTipRole)


def test_clicking_a_column_sorts_the_teams_and_keeps_the_whole_group_on_top(qtbot, page, folder):
    rolled_up(qtbot, page, [folder])
    header = page.results.heatmap.horizontalHeader()
    n_column = 1
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(n_column) + 5, header.height() // 2))
    first = [row[:2] for row in heatmap(page)]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(n_column) + 5, header.height() // 2))
    second = [row[:2] for row in heatmap(page)]
    assert first[0][0] == second[0][0] == "All teams"
    sizes = [int(n) for _name, n in first[1:]]
    assert sizes in (sorted(sizes), sorted(sizes, reverse=True))
    assert [int(n) for _name, n in second[1:]] == sizes[::-1]


def test_sorting_by_team_puts_d_with_a_stroke_among_the_ds(qtbot, page, folder):
    rolled_up(qtbot, page, [folder])
    header = page.results.heatmap.horizontalHeader()
    page.results.heatmap.sortByColumn(1, Qt.SortOrder.AscendingOrder)   # away from the Team column first
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(0) + 5, header.height() // 2))
    names = [row[0] for row in heatmap(page)[1:]]
    assert names in (["Airport kiosk", "Chi nhánh Hà Nội", "Đà Nẵng", "Harbour Road"],
                     ["Harbour Road", "Đà Nẵng", "Chi nhánh Hà Nội", "Airport kiosk"])


def test_switching_the_view_shows_customer_grades_and_gaps(qtbot, page, folder):
    rolled_up(qtbot, page, [folder])
    buttons = {b.objectName(): b for b in page.results.view_buttons.buttons()}
    qtbot.mouseClick(buttons["view.customer"], Qt.MouseButton.LeftButton)
    rows = heatmap(page)
    assert rows[0][1] == "24"                                         # 8 + 6 + 3 + 7 customers
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["Airport kiosk"][2] == "withheld"                  # 3 customers < 5
    qtbot.mouseClick(buttons["view.gap"], Qt.MouseButton.LeftButton)
    assert heatmap(page)[0][2].startswith(("+", "\u2212"))


def test_renaming_a_team_and_choosing_its_round_recompute_the_figures(qtbot, page, folder):
    rolled_up(qtbot, page, [folder / "a.rater", folder / "b.rater", folder / "sub" / "d.rater"])
    members = page.members
    name_cell = page.members_model.index(0, COL_NAME)
    members.setCurrentIndex(name_cell)
    members.edit(name_cell)
    editor = members.findChild(QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Ba Dinh branch")  # QTest types ASCII only
    with qtbot.waitSignal(page.computed, timeout=10000):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert "Ba Dinh branch" in [row[0] for row in heatmap(page)]

    round_cell = page.members_model.index(0, COL_ROUND)
    members.setCurrentIndex(round_cell)
    members.edit(round_cell)
    combo = members.findChild(QComboBox)
    assert combo.count() == 3                                         # latest, Spring review, Autumn review
    combo.setCurrentIndex(2)
    with qtbot.waitSignal(page.computed, timeout=10000):
        qtbot.keyClick(combo, Qt.Key.Key_Return)
    assert page.members_model.index(0, COL_ROUND).data() == "Autumn review"
    row = next(r for r in heatmap(page) if r[0] == "Ba Dinh branch")
    assert row[2].startswith("C 2.00")


def test_a_larger_minimum_group_withholds_more_customer_figures(qtbot, page, folder):
    rolled_up(qtbot, page, [folder / "a.rater", folder / "b.rater", folder / "sub" / "d.rater"])
    buttons = {b.objectName(): b for b in page.results.view_buttons.buttons()}
    qtbot.mouseClick(buttons["view.customer"], Qt.MouseButton.LeftButton)
    assert "withheld" not in [row[2] for row in heatmap(page)]
    page.min_group.selectAll()
    with qtbot.waitSignal(page.computed, timeout=10000):
        qtbot.keyClicks(page.min_group, "7")
    customers = {row[0]: row[2] for row in heatmap(page)[1:]}
    assert customers["Harbour Road"] == "withheld"                    # 6 < 7
    assert customers["Chi nhánh Hà Nội"] != "withheld"                # 8


def test_reading_shows_progress_and_cancel_stops_it_with_nothing_added(qtbot, page, folder, monkeypatch):
    release, reading = threading.Event(), threading.Event()
    real = sources._read_one

    def slow(path):
        reading.set()
        release.wait(10)
        return real(path)

    monkeypatch.setattr(sources, "_read_one", slow)
    page.add_paths([folder])
    qtbot.waitUntil(reading.is_set)
    assert page.progress.isVisible() and page.buttons["cancel"].isVisible()
    assert not page.buttons["add"].isEnabled()
    qtbot.mouseClick(page.buttons["cancel"], Qt.MouseButton.LeftButton)   # the window still answers
    release.set()
    qtbot.waitUntil(lambda: not page.busy)
    assert page.status.text() == "Cancelled; nothing was changed."
    assert page.members_model.rowCount() == 0 and not page.progress.isVisible()


def test_a_saved_set_reopens_with_names_and_rounds_and_files_export(qtbot, page, folder, tmp_path, monkeypatch):
    rolled_up(qtbot, page, [folder / "a.rater", folder / "b.rater", folder / "sub" / "d.rater"])
    page.members_model.setData(page.members_model.index(1, COL_NAME), "Bến cảng")
    qtbot.waitUntil(lambda: not page.busy)
    saved = folder / "chain.raterset"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
    qtbot.mouseClick(page.buttons["save"], Qt.MouseButton.LeftButton)
    assert saved.exists()

    table = tmp_path / "chain.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(table), ""))
    qtbot.mouseClick(page.buttons["table"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.busy)
    sheet = load_workbook(table, read_only=True)["rollup"]
    assert "Bến cảng" in [row[0] for row in sheet.iter_rows(values_only=True)]

    report = tmp_path / "chain.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(report), ""))
    page.language.setCurrentIndex(page.language.findData("vi"))
    qtbot.mouseClick(page.buttons["report"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.busy, timeout=30000)
    text = " ".join(p.extract_text() for p in PdfReader(report).pages)
    assert "Bến cảng" in text and "Báo cáo tổng hợp" in text

    again = RollupPage()
    qtbot.addWidget(again)
    rolled_up(qtbot, again, [saved])
    assert [again.members_model.index(r, COL_NAME).data() for r in range(3)] == [
        "Chi nhánh Hà Nội", "Bến cảng", "Đà Nẵng"]


def test_the_window_opens_a_roll_up_from_the_menu_and_from_a_dropped_folder(qtbot, folder, monkeypatch):
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.actions[ActionId.NEW_ROLLUP].trigger()
    assert len(window.rollups) == 1 and window.rollups[0].isVisible()
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(folder))])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    del enter, drop  # events made here must go before the mime data they point to
    page = window.rollups[1]
    qtbot.waitUntil(lambda: page.result is not None and not page.busy, timeout=20000)
    assert page.members_model.rowCount() == 4
    window.set_language("vi")
    assert page.buttons["add"].text() == i18n._("Add workbooks…") != "Add workbooks…"
    window.set_language("en")
    for opened in list(window.rollups):
        opened.close()
    window.close()


def test_the_models_pass_the_qt_model_tester(qtbot, qtmodeltester, page, folder):
    rolled_up(qtbot, page, [folder])
    qtmodeltester.check(page.members_model, force_py=True)
    qtmodeltester.check(page.results.heatmap_model, force_py=True)
    open_tab(qtbot, page, 1)
    qtmodeltester.check(page.results.teams_model, force_py=True)


def test_trends_blind_spots_and_statements_have_their_tabs(qtbot, page, folder):
    rolled_up(qtbot, page, [folder])
    open_tab(qtbot, page, 2)
    trends = page.results.tables[1][0]
    rows = {trends.index(r, 0).data(): trends.index(r, 2).data() for r in range(trends.rowCount())}
    assert rows == {"Chi nhánh Hà Nội": "Autumn review C → Spring review A"}   # the only team with two rounds
    open_tab(qtbot, page, 1)
    teams = page.results.teams_model
    blind = {teams.index(r, 0).data(): teams.index(r, 2).data() for r in range(teams.rowCount())}
    assert blind["Airport kiosk"] == "withheld"
    assert "Reliability" in blind["Chi nhánh Hà Nội"]                # team 3.5, customers 3.0: a 0.5 gap
    hanoi = next(r for r in range(teams.rowCount()) if teams.index(r, 0).data() == "Chi nhánh Hà Nội")
    assert teams.index(hanoi, 2).data(Qt.ItemDataRole.ToolTipRole) == blind["Chi nhánh Hà Nội"]  # when it is cut
    open_tab(qtbot, page, 3)
    statements = page.results.tables[2][0]
    assert statements.rowCount() == 10                                 # two shared statements per dimension

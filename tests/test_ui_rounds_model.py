"""The rounds table model: complete per Qt's rules, and shows what the home page promises."""

from rater_desktop import i18n
from ui.models.rounds import ROUND_ID_ROLE, RoundRow, RoundsModel
from ui.qt import QModelIndex, Qt

ROWS = [
    RoundRow(id=1, name="Autumn review", date="2025-10-01", participants=8, team_grade="C", customer_grade=None),
    RoundRow(id=2, name="Spring review", date="2026-04-01", participants=7, team_grade="B", customer_grade="C"),
]


def display(model: RoundsModel, row: int, column: int) -> str:
    return model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)


def test_model_passes_qt_model_tester(qtmodeltester):
    model = RoundsModel(ROWS)
    qtmodeltester.check(model, force_py=True)
    model.set_rounds(ROWS[:1])
    qtmodeltester.check(model, force_py=True)


def test_rows_show_name_date_count_and_both_grades():
    model = RoundsModel(ROWS)
    assert (model.rowCount(), model.columnCount()) == (2, 5)
    assert [display(model, 1, c) for c in range(5)] == ["Spring review", "1 Apr 2026", "7", "B", "C"]
    # No customer survey in the first round: a dash, never an empty or "None" cell.
    assert display(model, 0, 4) == "—"
    assert model.data(model.index(1, 0), ROUND_ID_ROLE) == 2


def test_headers_and_dates_follow_the_language():
    model = RoundsModel(ROWS)
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Team grade"
    changed = []
    model.headerDataChanged.connect(lambda *args: changed.append(args))
    i18n.set_language("vi")
    try:
        model.retranslate()
        assert display(model, 1, 1) == "01/04/2026"
        assert model.headerData(3, Qt.Orientation.Horizontal) == i18n._("Team grade")
    finally:
        i18n.set_language("en")
    assert changed == [(Qt.Orientation.Horizontal, 0, 4)]


def test_reset_replaces_rows_and_children_never_exist():
    model = RoundsModel(ROWS)
    model.set_rounds([])
    assert model.rowCount() == 0
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(QModelIndex()) is None

"""The columns page names every column as the export heads it, says which rating questions still
need a dimension, and keeps the dimension choice in sight at the wizard's own size."""

from pathlib import Path

from import_wizard_support import make_wizard, open_file, ops  # noqa: F401

from ui.models.survey_preview import COL_HEADER, COL_KPI, COL_ROLE
from ui.qt import Qt

STAR_WARS = Path(__file__).parent / "fixtures" / "customer-exports" / "surveymonkey-starwars-538.csv"


def test_grid_items_are_named_and_unplaced_ratings_listed(qtbot, make_wizard):
    wizard = make_wizard()
    open_file(qtbot, wizard, STAR_WARS)
    wizard.next()
    roles = wizard.roles_model
    han_solo = roles.index(15, COL_HEADER)  # column #16: the grid's question above, its item in row 2
    assert han_solo.data().startswith("Han Solo — Please state whether you view the following characters")
    luke = roles.index(16, COL_HEADER)  # column #17: a blank first-row cell under the same question
    assert luke.data().startswith("Luke Skywalker — Please state whether")
    assert roles.roles.reference(16) == "#17"  # the mapping still refers to it by number
    assert roles.index(0, COL_HEADER).data() == "RespondentID"
    problem = wizard.columns_page.problem.text()
    assert "14 rating questions name no dimension (#16–#29, marked “Choose a dimension”)" in problem


def test_the_dimension_choice_is_in_sight_at_the_default_width(qtbot, make_wizard):
    wizard = make_wizard()
    assert wizard.width() == 960
    open_file(qtbot, wizard, STAR_WARS)
    wizard.next()
    view = wizard.columns_page.view
    qtbot.waitUntil(lambda: view.isVisible())
    header = view.horizontalHeader()
    for column in (COL_ROLE, COL_KPI):
        assert header.sectionViewportPosition(column) + header.sectionSize(column) <= view.viewport().width()
    assert not view.horizontalScrollBar().isVisible() or view.horizontalScrollBar().maximum() == 0
    assert view.model().index(15, COL_HEADER).data(Qt.ItemDataRole.ToolTipRole).startswith("Han Solo")

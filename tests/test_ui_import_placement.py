"""The import wizard asks where a survey goes when its round already has surveys.

Preset to the safe default (kept aside when the scale differs, added when it is
the same) and the person may choose the other way; nothing is asked in a round
without surveys.
"""

import pytest
from import_wizard_support import import_now, make_wizard, open_file, ops, to_validation  # noqa: F401

from rater_desktop.analysis import report_card
from ui.qt import Qt

SMALL = """How reliable were we?,Rate our empathy
5,2
4,1
3,2
"""


@pytest.fixture
def small(tmp_path):
    path = tmp_path / "small.csv"
    path.write_text(SMALL, encoding="utf-8")
    return path


def existing(ops, high: int) -> int:
    return ops.workbook.add_survey(
        ops.workbook.latest_assessment_id(), source_name=f"earlier-1-{high}.csv", file_hash=f"h{high}", row_count=2,
        mapping_toml=f'[scale]\ntype = "numeric"\nmin = 1\nmax = {high}\n', scale_min=1, scale_max=high,
        series={"dim:empathy": [4.0, 4.0]})


def stored(ops):
    return [(s.source_name, s.included) for s in ops.workbook.survey_sources(ops.workbook.latest_assessment_id())]


def test_nothing_is_asked_in_a_round_without_surveys(qtbot, make_wizard, small, ops):
    wizard = make_wizard()
    open_file(qtbot, wizard, small)
    to_validation(qtbot, wizard)
    assert not wizard.validation.placement.isVisible()
    import_now(qtbot, wizard)
    assert stored(ops) == [("small.csv", True)]


def test_a_survey_on_another_scale_is_kept_aside_unless_the_person_adds_it(qtbot, make_wizard, small, ops):
    existing(ops, 7)
    wizard = make_wizard()
    open_file(qtbot, wizard, small)
    to_validation(qtbot, wizard)
    choice = wizard.validation.placement
    assert choice.isVisible() and choice.aside.isChecked()
    assert "Its scale (1–5) differs from the surveys already compared (1–7)" in choice.explain.text()
    import_now(qtbot, wizard)
    assert stored(ops) == [("earlier-1-7.csv", True), ("small.csv", False)]
    assert "small.csv was kept aside: its scale (1–5) differs" in wizard.import_page.status.text()


def test_the_person_can_keep_a_same_scale_survey_aside(qtbot, make_wizard, small, ops):
    existing(ops, 5)
    wizard = make_wizard()
    open_file(qtbot, wizard, small)
    to_validation(qtbot, wizard)
    choice = wizard.validation.placement
    assert choice.add.isChecked() and "same scale (1–5)" in choice.explain.text()
    choice.aside.setFocus()
    qtbot.keyClick(choice.aside, Qt.Key.Key_Space)
    assert choice.aside.isChecked()
    import_now(qtbot, wizard)
    assert stored(ops) == [("earlier-1-5.csv", True), ("small.csv", False)]
    aid = ops.workbook.latest_assessment_id()
    assert report_card(ops.workbook.read_assessment(aid)).dimension("empathy").customer.n == 2


def test_adding_a_different_scale_is_the_persons_choice(qtbot, make_wizard, small, ops):
    existing(ops, 7)
    wizard = make_wizard()
    open_file(qtbot, wizard, small)
    to_validation(qtbot, wizard)
    qtbot.keyClick(wizard.validation.placement.add, Qt.Key.Key_Space)
    import_now(qtbot, wizard)
    assert stored(ops) == [("earlier-1-7.csv", True), ("small.csv", True)]
    assert "The comparison page now includes these customers." in wizard.import_page.status.text()

"""The comparison page's new panels on the demo: the customers' words, the zone of tolerance, provenance."""

from __future__ import annotations

import pytest

from rater_desktop import comments as said
from rater_desktop.operations import Operations
from rater_desktop.storage import open_workbook
from ui.models.comments import COL_SHOWN, COMMENT_ID_ROLE
from ui.pages.comparison import ComparisonPage
from ui.qt import Qt


@pytest.fixture
def page(qtbot, demo_copy):
    workbook = open_workbook(demo_copy)
    ops = Operations(workbook)
    view = ComparisonPage(ops, workbook.latest_assessment_id())
    qtbot.addWidget(view)
    view.show()
    yield view
    workbook.close()


def shown(panel) -> list[str]:
    return [panel.proxy.index(row, 0).data() for row in range(panel.proxy.rowCount())]


def test_every_comment_of_the_round_is_listed_and_the_filter_keeps_one_dimension(qtbot, qtmodeltester, page):
    panel = page.words
    qtmodeltester.check(panel.model, force_py=True)
    qtmodeltester.check(panel.proxy, force_py=True)
    data = page.operations.workbook.read_assessment(page.assessment_id)
    assert panel.isVisible() and panel.model.rowCount() == len(data.comments) >= 20
    assert "may name staff" in panel.warning.text()
    panel.theme.setCurrentIndex(panel.theme.findText("About Responsiveness"))
    about = shown(panel)
    assert about and all("responsiveness" in said.themes(text) for text in about)
    assert len(about) == said.theme_counts(data.comments)["responsiveness"]
    panel.theme.setCurrentIndex(0)
    qtbot.keyClicks(panel.search, "queue")
    assert shown(panel) and all("queue" in text.lower() for text in shown(panel))
    assert panel.count.text().startswith(f"{len(shown(panel))} of {len(data.comments)} comments shown")


def test_leaving_a_comment_out_takes_it_out_of_the_report_and_undo_puts_it_back(qtbot, page):
    panel = page.words
    ops = page.operations
    naming = next(row for row in range(panel.proxy.rowCount()) if "Aisha" in panel.proxy.index(row, 0).data())
    comment_id = panel.proxy.index(naming, 0).data(COMMENT_ID_ROLE)
    before = len(ops.cards.read(page.assessment_id)[1].comments)
    panel.view.selectRow(naming)
    assert panel.toggle.text() == "Leave out of the report"
    qtbot.mouseClick(panel.toggle, Qt.MouseButton.LeftButton)
    assert len(ops.cards.read(page.assessment_id)[1].comments) == before - 1
    row = next(r for r in range(panel.proxy.rowCount()) if panel.proxy.index(r, 0).data(COMMENT_ID_ROLE) == comment_id)
    assert panel.proxy.index(row, COL_SHOWN).data() == "Left out"
    assert panel.toggle.text() == "Put back in the report"  # the selection stays on it
    panel.show_hidden.setChecked(False)
    assert comment_id not in [panel.proxy.index(r, 0).data(COMMENT_ID_ROLE) for r in range(panel.proxy.rowCount())]
    ops.undo()
    assert len(ops.cards.read(page.assessment_id)[1].comments) == before


def test_zone_of_tolerance_and_where_the_survey_came_from(page):
    assert page.zone.isVisible()
    assert type(page.zone.chart.spec).__name__ == "ToleranceSpec"
    assert "Below the minimum customers accept: Responsiveness." in page.zone.verdict.text()
    assert "Better than customers desire: Tangibles." in page.zone.verdict.text()
    text = page.provenance.text()
    assert "riverside-customer-survey-2026-03.csv: Google Forms, imported" in text
    assert "not applicable: “N/A”" in text and "“What could we do better?”" in text
    assert "Customers who answered each dimension: Reliability\u00a0" in text

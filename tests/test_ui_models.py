"""Every Qt model of the app passes pytest-qt's model tester, filled with the demo's real data.

A new model must be added to ``CHECKED`` (the last test finds every model
class under ``ui/`` and fails on one nobody checks).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from generated_survey import write_survey

from rater_desktop.importing import SourceSpec, preview
from rater_desktop.operations import Operations
from rater_desktop.storage import open_workbook
from rater_desktop.trends import trend
from ui.models.actions import ActionFilter, ActionsModel
from ui.models.comparison import DimensionsModel as ComparisonDimensions
from ui.models.comparison import ServqualModel
from ui.models.framework import ContextsModel, CriteriaListModel
from ui.models.participants import ParticipantsModel
from ui.models.report_card import CriteriaModel, DimensionsModel
from ui.models.rounds import RoundsModel, load_rounds
from ui.models.survey_preview import PreviewModel
from ui.models.trends import TrendModel
from ui.pages.survey_sources import SurveySourcesModel

ROOT = Path(__file__).resolve().parents[1]
CHECKED = {
    "ActionFilter", "ActionsModel", "ContextsModel", "CriteriaListModel", "CriteriaModel",
    "DimensionsModel", "ParticipantsModel", "PreviewModel", "ReadOnlyTable", "RoundsModel", "ServqualModel",
    "SurveySourcesModel", "TrendModel",
}
"""model classes under ui/ checked here (ReadOnlyTable through its subclasses)"""
CHECKED_ELSEWHERE = {
    "ColumnRolesModel": "test_ui_import_scale.py", "ScaleLabelsModel": "test_ui_import_scale.py",
    "MembersModel": "test_ui_rollup.py", "RowsModel": "test_ui_rollup.py",
    "CommentsModel": "test_ui_customer_words.py", "CommentFilter": "test_ui_customer_words.py",
}
"""models checked by their own feature's tests, with the data only those tests build"""


@pytest.fixture
def ops(demo_copy):
    workbook = open_workbook(demo_copy)
    yield Operations(workbook)
    workbook.close()


def test_the_round_models_pass(qtmodeltester, ops):
    round_id = ops.workbook.latest_assessment_id()
    for model in (ParticipantsModel(ops, round_id), ParticipantsModel(ops, round_id, editable=True),
                  ContextsModel(ops, round_id), CriteriaListModel(ops)):
        qtmodeltester.check(model, force_py=True)
    actions = ActionsModel(ops, round_id)
    qtmodeltester.check(actions, force_py=True)
    shown = ActionFilter()
    shown.setSourceModel(actions)
    shown.set_status("open")
    qtmodeltester.check(shown, force_py=True)


def test_the_result_models_pass(qtmodeltester, ops):
    card = ops.cards.card(ops.workbook.latest_assessment_id())
    dimensions, statements = DimensionsModel(), CriteriaModel()
    dimensions.set_card(card)
    statements.set_dimension(card.dimensions[0])
    comparison, servqual = ComparisonDimensions(), ServqualModel()
    comparison.set_rows(card.dimensions)
    servqual.set_card(card)
    trends = TrendModel()
    trends.set_trend(trend([ops.cards.card(a.id) for a in ops.workbook.assessments()]))
    sources = SurveySourcesModel()
    sources.set_sources(card.sources)
    rounds = RoundsModel(load_rounds(ops.workbook, ops.cards.read))
    for model in (dimensions, statements, comparison, servqual, trends, sources, rounds):
        assert model.rowCount() > 0 or model is servqual  # the demo has no expectation items
        qtmodeltester.check(model, force_py=True)
    dimensions.set_card(None)
    qtmodeltester.check(dimensions, force_py=True)


def test_the_import_preview_passes(qtmodeltester, tmp_path):
    table = preview(write_survey(tmp_path / "s.csv", 30), SourceSpec(), 20)
    model = PreviewModel()
    model.set_table(table)
    qtmodeltester.check(model, force_py=True)


def test_no_model_goes_unchecked():
    found = set()
    for path in (ROOT / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ClassDef) and any(
                    getattr(base, "id", "").endswith(("Model", "Table")) for base in node.bases):
                found.add(node.name)
    assert found - CHECKED - set(CHECKED_ELSEWHERE) == set()
    for name, test_file in CHECKED_ELSEWHERE.items():
        assert "qtmodeltester.check" in (ROOT / "tests" / test_file).read_text("utf-8"), name

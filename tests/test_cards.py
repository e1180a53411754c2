"""The report-card cache: one computation per round until a change touches that round."""

from __future__ import annotations

import pytest
from storage_support import FRAMEWORK, data_dir  # noqa: F401  (autouse fixture)

from rater_desktop.analysis import report_card
from rater_desktop.changes import Change, ChangeKind
from rater_desktop.operations import Operations
from rater_desktop.storage import create_workbook


@pytest.fixture
def ops(tmp_path):
    with create_workbook(tmp_path / "cards.rater", "Acme", framework=FRAMEWORK) as wb:
        first = wb.latest_assessment_id()
        wb.update_assessment(first, name="Autumn", date="2025-10-01")
        second = wb.add_assessment("Spring", "2026-04-01")
        for round_id in (first, second):
            person = wb.add_participant(round_id, "Lan")
            wb.set_grade(person, wb.criteria()[0].id, "B")
        yield Operations(wb)


def survey(ops, round_id, values):
    return ops.add_survey(round_id, source_name="june.csv", file_hash="h" * 64, row_count=len(values),
                          mapping_toml="", scale_min=1, scale_max=5, series={"dim:reliability": values})


def test_a_card_is_computed_once_and_matches_a_fresh_one(ops):
    first = ops.workbook.assessments()[0].id
    data, card = ops.cards.read(first)
    assert ops.cards.read(first) == (data, card) and ops.cards.card(first) is card
    assert card == report_card(ops.workbook.read_assessment(first))


def test_a_grade_drops_only_its_round_and_keeps_the_survey_figures(ops, monkeypatch):
    spring = ops.workbook.latest_assessment_id()
    autumn = spring - 1
    survey(ops, spring, [3.0, 4.0, 2.0])
    autumn_card, spring_card = ops.cards.card(autumn), ops.cards.card(spring)
    reads = []
    real = ops.workbook.survey_results
    monkeypatch.setattr(ops.workbook, "survey_results", lambda rid: reads.append(rid) or real(rid))
    lan = ops.workbook.participants(spring)[0].id
    ops.set_grade(lan, ops.workbook.criteria()[0].id, "F")
    fresh = ops.cards.card(spring)
    assert fresh is not spring_card and ops.cards.card(autumn) is autumn_card
    assert reads == []  # the 100k-response part was not read or computed again
    assert fresh.dimension("reliability").internal.mean == 0.0
    assert fresh.dimension("reliability").customer == spring_card.dimension("reliability").customer
    assert fresh == report_card(ops.workbook.read_assessment(spring))


def test_a_survey_or_a_workbook_wide_change_drops_what_it_affects(ops):
    spring = ops.workbook.latest_assessment_id()
    before = ops.cards.card(spring)
    survey(ops, spring, [4.0, 4.0, 4.0])
    assert ops.cards.card(spring).dimension("reliability").customer.mean == 4.0
    assert before.dimension("reliability").customer is None
    autumn_card = ops.cards.card(spring - 1)
    ops.set_setting("gap_threshold", 1.0)
    assert ops.cards.card(spring - 1) is not autumn_card  # settings touch every round
    unchanged = ops.cards.card(spring)
    ops.announce(Change(ChangeKind.WORKSHOP, spring, ("phase",)))
    assert ops.cards.card(spring) is unchanged  # a workshop's state is not in any card


def test_a_card_computed_while_the_round_changed_is_not_kept(ops, monkeypatch):
    spring = ops.workbook.latest_assessment_id()
    lan = ops.workbook.participants(spring)[0].id
    real = ops.workbook.read_assessment

    def read_then_change(assessment_id, **kwargs):
        data = real(assessment_id, **kwargs)
        monkeypatch.setattr(ops.workbook, "read_assessment", real)
        ops.set_grade(lan, ops.workbook.criteria()[0].id, "A")  # another driver, in the middle
        return data

    monkeypatch.setattr(ops.workbook, "read_assessment", read_then_change)
    stale = ops.cards.card(spring)
    assert stale.dimension("reliability").internal.mean == 3.0  # what was read before the change
    assert ops.cards.card(spring).dimension("reliability").internal.mean == 4.0  # not served again

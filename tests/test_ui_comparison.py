"""The comparison page on a workbook whose survey was stored directly: figures, words, refresh."""

import pytest

from rater_desktop import i18n
from rater_desktop.analysis import report_card
from rater_desktop.operations import Operations
from rater_desktop.storage import create_workbook
from ui.models.comparison import flag_sentence
from ui.pages.comparison import ComparisonPage


@pytest.fixture
def ops(tmp_path):
    workbook = create_workbook(tmp_path / "cafe.rater", organisation="Cafe")
    aid = workbook.latest_assessment_id()
    person = workbook.add_participant(aid, "Lan")
    for criterion in workbook.criteria():  # team: B (3.0) on every dimension
        workbook.set_grade(person, criterion.id, "B")
    yield Operations(workbook)
    workbook.close()
    i18n.set_language("en")


def add_survey(ops, empathy, tangibles, **extra):
    aid = ops.workbook.latest_assessment_id()
    series = {"dim:empathy": empathy, "dim:tangibles": tangibles, **extra}
    return ops.add_survey(aid, source_name="june.csv", file_hash="h" * 64, row_count=len(empathy),
                          mapping_toml="", scale_min=1, scale_max=5, series=series)


def test_page_refreshes_on_import_and_shows_flags_in_words(qtbot, ops):
    aid = ops.workbook.latest_assessment_id()
    page = ComparisonPage(ops, aid)
    qtbot.addWidget(page)
    page.show()
    assert "No customer survey" in page.notice.text()
    # Empathy: 6 customers at 1.0 -> mean 1.0 (D), gap 3.0 - 1.0 = +2.0 -> blind spot.
    # Tangibles: 6 at 4.0 -> A, gap -1.0 -> hidden strength. FCR 3 of 4 yes -> 75.0 %.
    add_survey(ops, [1.0] * 6, [4.0] * 6, **{"kpi:fcr": [1.0, 1.0, 0.0, 1.0, None, None]})
    card = report_card(ops.workbook.read_assessment(aid))
    assert card.dimension("empathy").gap == pytest.approx(2.0)
    text = page.flags.text()
    assert "Customers rate Empathy 2 full grades lower than you do (you: B, customers: D)" in text
    assert "Customers rate Tangibles a full grade higher than you do (you: B, customers: A)" in text
    assert page.dimensions_model.index(3, 6).data() == "Blind spot"
    assert page.dimensions_model.index(2, 6).data() == "Hidden strength"
    assert page.tiles["fcr"].value.text() == "75.0 %"
    assert page.gaps.spec.gaps[2] == pytest.approx(-1.0)
    assert not page.servqual_view.isVisible()
    assert page.sources.model.rowCount() == 1


def test_servqual_table_when_expectations_exist(qtbot, ops):
    # Perception 4,4 and expectation 5,4 on reliability -> P 4.00, E 4.50, gap -0.50.
    add_survey(ops, [2.0] * 2, [2.0] * 2, **{"per:reliability": [4.0, 4.0], "exp:reliability": [5.0, 4.0]})
    page = ComparisonPage(ops, ops.workbook.latest_assessment_id())
    qtbot.addWidget(page)
    page.show()
    model = page.servqual_model
    assert [model.index(0, c).data() for c in range(4)] == ["Reliability", "4.00", "4.50", "\u22120.50"]
    assert page.servqual_view.isVisible()
    assert "Only 2 customers answered about Empathy: too few to compare." in page.flags.text()


def test_flag_sentence_in_vietnamese_uses_the_dimension_name(ops):
    add_survey(ops, [1.0] * 6, [3.0] * 6)
    card = report_card(ops.workbook.read_assessment(ops.workbook.latest_assessment_id()))
    i18n.set_language("vi")
    sentence = flag_sentence(card.dimension("empathy"))
    assert "Sự đồng cảm" in sentence
    assert flag_sentence(card.dimension("reliability")) == ""  # no customer answers: nothing to say

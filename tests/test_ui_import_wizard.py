"""The import wizard driven like a user would: file, columns, scale, check, import.

Dialogs are monkeypatched so nothing modal blocks; background work is awaited
with ``qtbot.waitUntil``. Expected figures are worked out by hand in comments.
"""

import threading
from pathlib import Path

import pytest
from generated_survey import MAPPING, write_survey
from import_wizard_support import confirm_scale, import_now, make_wizard, open_file, ops, to_validation  # noqa: F401

from rater_desktop.analysis import report_card
from rater_desktop.importing import SourceSpec, dump_mapping, load_mapping, preview, run_import
from ui.models.survey_preview import COL_KPI, COL_REVERSE, COL_ROLE
from ui.qt import QFileDialog, Qt

EXPORTS = Path(__file__).parent / "fixtures" / "customer-exports"
MAPPINGS = Path(__file__).parent / "fixtures" / "mappings"

SMALL = """Name,Email,How reliable were we?,Rate our empathy,Độ tin cậy,How likely are you to recommend us?,Comment
An,a@x.vn,5,2,4,10,ok
Binh,b@x.vn,4,1,N/A,9,"hi, there"
Chi,c@x.vn,3,2,5,6,
Dung,d@x.vn,5,1,4,8,x
Em,e@x.vn,4,2,5,7,y
"""
# Respondent reliability on 1-5: (5+4)/2=4.5, 4, (3+5)/2=4, 4.5, 4.5 -> points 4*(v-1)/4 = v-1:
# 3.5, 3, 3, 3.5, 3.5 -> mean 16.5/5 = 3.3 (B). Empathy 2,1,2,1,2 -> 1,0,1,0,1 -> 0.6 (D).
# NPS: promoters 10, 9; detractor 6 -> (2 - 1) / 5 = +20.0.


@pytest.fixture
def small(tmp_path):
    path = tmp_path / "small.csv"
    path.write_text(SMALL, encoding="utf-8")
    return path


def test_preview_shows_rows_as_parsed_and_headers_are_suggested(qtbot, make_wizard, small):
    wizard = make_wizard()
    open_file(qtbot, wizard, small)
    model = wizard.preview_model
    assert (model.rowCount(), model.columnCount()) == (5, 7)
    assert model.index(1, 6).data() == "hi, there"  # quoted comma kept in one cell
    assert model.index(1, 4).data() == "N/A"
    assert model.headerData(0, Qt.Orientation.Vertical) == "2"  # spreadsheet row under the header
    assert model.headerData(4, Qt.Orientation.Horizontal) == "#5 Độ tin cậy"
    assert wizard.file_page.isComplete()
    wizard.next()
    assert wizard.session.column_roles.roles() == ["", "", "dim:reliability", "dim:empathy", "dim:reliability",
                                                   "kpi:nps", "comment"]
    wizard.next()
    scale = wizard.scale_page.scale()
    assert (scale.type, scale.min, scale.max, scale.not_applicable) == ("numeric", 1, 5, ("N/A",))


def test_import_runs_in_background_and_comparison_matches_report_card(qtbot, make_wizard, small, ops):
    from ui.pages.comparison import ComparisonPage

    workbook = ops.workbook
    aid = workbook.latest_assessment_id()
    for name, letter in (("Ana", "A"), ("Bao", "B")):  # team mean 3.5 on every dimension
        person = workbook.add_participant(aid, name)
        for criterion in workbook.criteria():
            workbook.set_grade(person, criterion.id, letter)
    page = ComparisonPage(ops, aid)
    qtbot.addWidget(page)
    assert page.card.dimension("empathy").customer is None

    wizard = make_wizard()
    stored = []
    wizard.imported.connect(stored.append)
    open_file(qtbot, wizard, small)
    to_validation(qtbot, wizard)
    assert "5 responses read from small.csv." in wizard.validation.report.text()
    assert wizard.validation.isComplete()
    seen = []
    wizard.import_page.progress.valueChanged.connect(seen.append)
    import_now(qtbot, wizard)
    assert wizard.import_page.done and seen[-1] == 1000
    assert stored == [workbook.surveys(aid)[0]["id"]]
    assert wizard.import_page.isComplete()

    # The page refreshed itself through the operations layer.
    card = report_card(workbook.read_assessment(aid))
    reliability, empathy = card.dimension("reliability"), card.dimension("empathy")
    assert reliability.customer.mean == pytest.approx(3.3) and reliability.customer.n == 5
    assert empathy.customer.mean == pytest.approx(0.6)
    assert empathy.gap == pytest.approx(2.9) and empathy.flag == "blind_spot"
    assert reliability.flag == "aligned"
    assert card.kpis.nps == pytest.approx(20.0)
    model = page.dimensions_model
    assert model.index(0, 2).data() == "B (3.30)"  # reliability, customers
    assert model.index(3, 2).data() == "D (0.60)"  # empathy, customers
    assert model.index(3, 5).data() == "+2.90"
    assert model.index(3, 6).data() == "Blind spot"
    assert page.bars.spec.customer == pytest.approx((3.3, None, None, 0.6, None), nan_ok=True) or \
        page.bars.spec.customer[0] == pytest.approx(3.3)
    assert page.gaps.spec.gaps[3] == pytest.approx(2.9)
    assert "Customers rate Empathy 2 full grades lower than you do (you: A, customers: D)" in page.flags.text()
    assert page.tiles["nps"].value.text() == "+20.0"
    assert page.tiles["csat"].value.text() == "–"
    assert page.sources.model.index(0, 1).data() == "small.csv"
    assert page.sources.model.index(0, 3).data() == "5"
    assert not page.notice.isVisible()


def test_off_scale_value_is_named_and_blocks_import_until_skipped(qtbot, make_wizard, small, ops):
    bad = small.with_name("bad.csv")
    bad.write_text(SMALL.replace("Binh,b@x.vn,4,1", "Binh,b@x.vn,7,1"), encoding="utf-8")
    wizard = make_wizard()
    open_file(qtbot, wizard, bad)
    wizard.next()
    wizard.next()
    assert wizard.scale_page.scale().max == 7  # the guess fits the answers found ...
    assert "check the lowest and highest points" in wizard.scale_page.notes.text()  # ... and says it is one
    wizard.scale_page.high.setValue(5)  # ... but the questionnaire was 1-5
    wizard.next()
    assert wizard.currentPage() is wizard.scale_page  # not before the person has ticked the check
    confirm_scale(qtbot, wizard)
    wizard.next()
    qtbot.waitUntil(lambda: not wizard.busy, timeout=20000)
    report = wizard.validation.report.text()
    assert 'Row 3, column "How reliable were we?": "7"' in report
    assert "1 answer does not fit the scale" in report
    assert not wizard.validation.isComplete()
    assert not wizard.button(wizard.WizardButton.CommitButton).isEnabled()
    wizard.next()
    assert wizard.currentPage() is wizard.validation  # refused without the skip box
    wizard.validation.skip.setChecked(True)
    assert wizard.button(wizard.WizardButton.CommitButton).isEnabled()
    import_now(qtbot, wizard)
    assert "1 answer was left out" in wizard.import_page.status.text()
    # Binh's reliability is now only his N/A "Độ tin cậy" -> no answer: n = 4.
    card = report_card(ops.workbook.read_assessment(ops.workbook.latest_assessment_id()))
    assert card.dimension("reliability").customer.n == 4


def test_few_responses_notice_and_sentence(qtbot, make_wizard, small, ops):
    few = small.with_name("few.csv")
    few.write_text("\n".join(SMALL.splitlines()[:4]) + "\n", encoding="utf-8")
    aid = ops.workbook.latest_assessment_id()
    person = ops.workbook.add_participant(aid, "Ana")
    for criterion in ops.workbook.criteria():
        ops.workbook.set_grade(person, criterion.id, "A")
    wizard = make_wizard()
    open_file(qtbot, wizard, few)
    to_validation(qtbot, wizard)
    import_now(qtbot, wizard)
    from ui.pages.comparison import ComparisonPage

    page = ComparisonPage(ops, aid)
    qtbot.addWidget(page)
    page.show()
    assert page.notice.isVisible() and "fewer than 5 customer answers" in page.notice.text()
    assert "Only 3 customers answered about Reliability: too few to compare." in page.flags.text()


def test_save_and_load_mapping_round_trip_and_last_mapping_offer(qtbot, make_wizard, small, tmp_path,
                                                               monkeypatch):
    wizard = make_wizard()
    open_file(qtbot, wizard, small)
    wizard.next()
    roles = wizard.roles_model
    roles.setData(roles.index(3, COL_REVERSE), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    roles.setData(roles.index(6, COL_KPI), "kpi:csat")
    assert not roles.setData(roles.index(0, COL_ROLE), "nonsense")
    wizard.next()
    target = tmp_path / "saved.toml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    wizard.save_mapping_file()
    saved = load_mapping(target)
    assert saved == wizard.current_mapping()
    assert saved.dimensions == {"reliability": ("How reliable were we?", "Độ tin cậy"),
                                "empathy": ("Rate our empathy",)}
    assert saved.scale.reverse == ("Rate our empathy",)
    assert saved.kpis == {"nps": "How likely are you to recommend us?", "csat": "Comment"}

    # Load it into a fresh wizard on a second file of the same shape.
    second = small.with_name("second.csv")
    second.write_text(SMALL.replace("An,", "Anh,"), encoding="utf-8")
    other = make_wizard()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), ""))
    other.load_mapping_file()
    open_file(qtbot, other, second)
    other.next()
    other.next()
    assert other.current_mapping() == saved


def test_a_mapping_is_never_saved_over_the_survey_or_another_file(qtbot, make_wizard, small, tmp_path, monkeypatch):
    wizard = make_wizard()
    open_file(qtbot, wizard, small)
    wizard.next()
    wizard.next()  # the scale page: the mapping is whole
    other = tmp_path / "other-survey.csv"
    other.write_text("Q1\n5\n", encoding="utf-8")
    before = small.read_bytes()
    for chosen in (small, other):
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, c=chosen, **k: (str(c), ""))
        wizard.save_mapping_file()
    assert small.read_bytes() == before and other.read_text(encoding="utf-8") == "Q1\n5\n"
    assert "is the file being read" in make_wizard.errors[0]
    assert "“other-survey.csv” is not a mapping name" in make_wizard.errors[1]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "typed"), ""))
    wizard.save_mapping_file()  # a name typed without its extension gets .toml
    assert load_mapping(tmp_path / "typed.toml") == wizard.current_mapping()


def test_last_survey_mapping_is_offered_for_a_file_of_the_same_shape(qtbot, make_wizard, small):
    wizard = make_wizard()
    open_file(qtbot, wizard, small)
    wizard.next()
    roles = wizard.roles_model
    roles.setData(roles.index(2, COL_ROLE), "dim:assurance")  # differs from the suggestion
    to_validation(qtbot, wizard)
    import_now(qtbot, wizard)
    wizard.accept()

    second = small.with_name("june.csv")
    second.write_text(SMALL.replace("Em,", "Emma,"), encoding="utf-8")
    other = make_wizard()
    open_file(qtbot, other, second)
    assert other.file_page.reuse.isVisible()
    assert "small.csv" in other.file_page.reuse.text()
    other.file_page.reuse.click()  # one click
    qtbot.waitUntil(lambda: other.session.table is not None and not other.busy, timeout=10000)
    other.next()
    assert other.session.column_roles.roles()[2] == "dim:assurance"


def test_mismatched_file_gets_no_offer(qtbot, make_wizard, small, tmp_path):
    wizard = make_wizard()
    open_file(qtbot, wizard, small)
    to_validation(qtbot, wizard)
    import_now(qtbot, wizard)
    other_file = tmp_path / "other.csv"
    other_file.write_text("Q1,Q2\n1,2\n", encoding="utf-8")
    other = make_wizard()
    open_file(qtbot, other, other_file)
    assert not other.file_page.reuse.isVisible()


def test_real_google_forms_export_with_its_mapping(qtbot, make_wizard, ops, monkeypatch):
    path = EXPORTS / "google-forms-es.csv"
    wizard = make_wizard()
    open_file(qtbot, wizard, path)
    assert wizard.session.preset_key == "google_forms"
    parsed = preview(path, SourceSpec(format="csv"), 200)
    model = wizard.preview_model
    assert model.rowCount() == len(parsed.rows)
    assert [model.index(3, c).data() for c in range(model.columnCount())] == parsed.rows[3]
    mapping_file = MAPPINGS / "google-forms-es.toml"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(mapping_file), ""))
    wizard.load_mapping_file()
    qtbot.waitUntil(lambda: wizard.session.table is not None and not wizard.busy, timeout=10000)
    to_validation(qtbot, wizard)
    result = wizard.validation.result
    assert result.ok
    import_now(qtbot, wizard)
    assert wizard.import_page.done
    # Independent figure: the customers' reliability mean from the engine's series.
    # Nothing lost on the way through the pages: the same figures as the mapping file gives.
    assert result.series == run_import(path, mapping_file).series
    assert {name for name in result.series if not name.startswith("item:")} == {
        "dim:reliability", "dim:assurance", "kpi:nps", "kpi:csat"}
    values = [v for v in result.series["dim:reliability"] if v is not None]
    card = report_card(ops.workbook.read_assessment(ops.workbook.latest_assessment_id()))
    assert card.dimension("reliability").customer.mean == pytest.approx(sum(values) / len(values))
    assert card.dimension("reliability").customer.n == len(values)
    assert load_mapping(ops.workbook.surveys(ops.workbook.latest_assessment_id())[0]["mapping"]) == \
        load_mapping(dump_mapping(wizard.session.mapping))


# --- large file: background work, cancel, responsiveness ---------------------------------

BIG_ROWS = 20_000


def write_big_survey(folder: Path, rows: int) -> tuple[Path, Path]:
    """(survey.csv with ``rows`` synthetic respondents, its mapping) written into ``folder``."""
    path = write_survey(folder / "survey.csv", rows)
    mapping = folder / "bench.toml"
    mapping.write_text(MAPPING, encoding="utf-8")
    return path, mapping


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    return write_big_survey(tmp_path_factory.mktemp("big"), BIG_ROWS)


def test_survey_written_off_the_gui_thread_is_announced_on_it_and_undoable(qtbot, make_wizard, small, ops):
    heard = []
    ops.subscribe(lambda change: heard.append((change.kind, threading.current_thread() is threading.main_thread())))
    wizard = make_wizard()
    open_file(qtbot, wizard, small)
    to_validation(qtbot, wizard)
    import_now(qtbot, wizard)
    aid = ops.workbook.latest_assessment_id()
    assert [s["id"] for s in ops.workbook.surveys(aid)] == [wizard.session.result.survey_id]
    assert heard == [("surveys", True)]
    assert ops.undo_step.label == "add_survey"
    ops.undo()
    assert ops.workbook.surveys(aid) == []


def test_cancel_during_import_leaves_no_survey(qtbot, make_wizard, ops, big, monkeypatch):
    path, mapping = big
    wizard = make_wizard()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(mapping), ""))
    wizard.load_mapping_file()
    open_file(qtbot, wizard, path)
    to_validation(qtbot, wizard)
    assert wizard.validation.result.row_count == BIG_ROWS
    wizard.next()
    qtbot.waitUntil(lambda: wizard.import_page.progress.value() > 0, timeout=10000)
    wizard.reject()
    assert wizard.isVisible() or not wizard.busy  # stays open until the worker has stopped
    qtbot.waitUntil(lambda: not wizard.busy, timeout=20000)
    assert not wizard.isVisible()
    assert not wizard.import_page.done
    assert ops.workbook.surveys(ops.workbook.latest_assessment_id()) == []


def test_every_dimension_and_key_figure_choice_fits_its_column(qtbot, make_wizard):
    # Fitted to "Not imported", a chosen "Responsiveness (expectation)" was cut off.
    from rater_desktop.sessions.column_roles import KPI_ROLES, ROLES
    from ui.models.survey_preview import role_text

    wizard = make_wizard()
    open_file(qtbot, wizard, EXPORTS / "surveymonkey-starwars-538.csv")
    wizard.next()
    view = wizard.columns_page.view
    metrics, header = view.fontMetrics(), view.horizontalHeader()
    for column, roles in ((COL_ROLE, ROLES), (COL_KPI, KPI_ROLES)):
        for role in roles:  # each choice shows whole on the row's two lines
            words = role_text(role).split()
            lines = [" ".join(words[:k]) for k in range(len(words) + 1)], [" ".join(words[k:]) for k in
                                                                           range(len(words) + 1)]
            needed = min(max(metrics.horizontalAdvance(a), metrics.horizontalAdvance(b)) for a, b in zip(*lines))
            assert needed < header.sectionSize(column), role_text(role)

"""What each column holds, kept by the import session without Qt: filled from a mapping to reuse or from
the suggestions, changed as the person decides, told to a view, and turned into a mapping."""

from __future__ import annotations

import pytest
from generated_survey import ITEMS, MAPPING, write_survey
from storage_support import data_dir  # noqa: F401  (autouse fixture)

from rater_desktop.importing import ScaleSpec, SurveyImportError, load_mapping
from rater_desktop.operations import Operations
from rater_desktop.sessions.column_roles import RolesChange
from rater_desktop.sessions.importing import ImportSession
from rater_desktop.storage import create_workbook

RESPONDENT, TIMESTAMP, EMAIL = 0, 1, 2
R1, E1 = 3, 3 + ITEMS.index("E1")
NPS, COMMENT = 3 + len(ITEMS), 4 + len(ITEMS)


@pytest.fixture
def session(tmp_path):
    with create_workbook(tmp_path / "shop.rater", "Corner Shop") as workbook:
        ops = Operations(workbook)
        session = ImportSession(ops, workbook.latest_assessment_id())
        job = session.open_file(write_survey(tmp_path / "survey.csv", 12))
        assert session.preview_ready(job.generation, job.work())
        yield session


def test_roles_start_from_the_suggestions_with_example_answers(session):
    assert session.prepare_roles() is None
    roles = session.column_roles
    assert len(roles.rows) == COMMENT + 1
    assert roles.rows[EMAIL].header == "Email" and roles.roles()[EMAIL] == ""   # personal data stays out
    examples = roles.rows[R1].examples.split(", ")
    assert 1 <= len(examples) <= 3 and len(set(examples)) == len(examples)     # a few distinct answers
    assert roles.complete() == any(roles.roles())


def test_the_persons_choices_make_the_mapping(session):
    session.prepare_roles()
    roles = session.column_roles
    roles.apply_suggestion([])
    assert roles.roles() == [""] * len(roles.rows) and not roles.complete()
    assert roles.set_role(R1, "dim:reliability") and roles.set_role(E1, "exp:empathy")
    assert roles.set_role(COMMENT, "comment") and roles.set_kpi(NPS, "kpi:nps")
    assert not roles.set_role(R1 + 1, "nonsense") and roles.roles()[R1 + 1] == ""
    assert roles.set_reverse(R1, True) and not roles.set_reverse(COMMENT, True)
    assert roles.scored_columns() == [R1, E1] and roles.comment_columns() == [COMMENT]
    parts = roles.mapping_parts()
    assert parts.dimensions == {"reliability": ("R1",)} and parts.expectations == {"empathy": ("E1",)}
    assert (parts.comments, parts.kpis, parts.reverse) == (("Comment",), {"nps": "NPS"}, ("R1",))
    mapping = session.current_mapping(ScaleSpec("numeric", 1, 5, (), ("N/A",)))
    assert mapping.scale.reverse == ("R1",) and mapping.kpis == {"nps": "NPS"}
    roles.set_role(R1, "comment")                      # no longer on the scale: no longer reversed
    assert roles.rows[R1].reverse is False


def test_one_column_per_key_figure(session):
    session.prepare_roles()
    roles = session.column_roles
    roles.set_kpi(NPS, "kpi:nps")
    roles.set_kpi(R1, "kpi:nps")
    assert roles.duplicate_kpis() == ["kpi:nps"] and not roles.complete()


def test_a_mapping_to_reuse_fills_the_roles_once_per_table(session):
    job = session.apply_mapping(load_mapping(MAPPING))
    assert session.preview_ready(job.generation, job.work())
    assert session.prepare_roles() is None
    roles = session.column_roles
    assert roles.roles()[R1] == "dim:reliability" and roles.roles()[NPS] == "kpi:nps"
    assert all(row.guess is None for row in roles.rows)      # decided, not suggested
    roles.set_role(R1, "dim:assurance")
    assert session.prepare_roles() is None and roles.roles()[R1] == "dim:assurance"   # same table: kept
    session.forget_roles()
    session.prepare_roles()
    assert roles.roles()[R1] != "dim:assurance"              # filled again (the suggestions now)


def test_a_mapping_that_does_not_fit_says_why_and_the_suggestions_are_used(session):
    session.pending_mapping = load_mapping(MAPPING.replace('"R1"', '"Q99"'))
    error = session.prepare_roles()
    assert isinstance(error, SurveyImportError) and "Q99" in str(error)
    assert session.column_roles.roles() == [row.guess.role or (f"kpi:{row.guess.kpi}" if row.guess.kpi else "")
                                            for row in session.column_roles.rows]


def test_a_view_hears_of_new_rows_and_of_each_change(session):
    heard = []
    session.column_roles.subscribe(lambda change, row: heard.append((change, row)))
    session.prepare_roles()
    assert heard[:2] == [(RolesChange.REPLACING, None), (RolesChange.REPLACED, None)]
    assert heard[2:] == [(RolesChange.EDITED, None)]         # the suggestions, every row
    heard.clear()
    session.column_roles.set_role(R1, "dim:tangibles")
    session.column_roles.set_role(R1, "nonsense")
    assert heard == [(RolesChange.EDITED, R1)]

"""Teams that edited their statements: compared per dimension, one by one only where statements match."""

import pytest
from rollup_support import FRAMEWORK, make_team, same_letters

from rater_desktop.rollup import Team, read_source, roll_up
from rater_desktop.rollup.wording import gap_sentence
from rater_desktop.storage import open_workbook

PROMISES, FIRST_TIME = FRAMEWORK[0]["builtin_key"], FRAMEWORK[1]["builtin_key"]


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    folder = tmp_path_factory.mktemp("frameworks")
    plain = make_team(folder / "plain.rater", "Plain", same_letters(["B", "B", "B"]))
    edited = make_team(folder / "edited.rater", "Edited", same_letters(["C", "C", "C"]))
    with open_workbook(edited) as book:
        by_key = {c.builtin_key: c for c in book.criteria()}
        book.set_criterion_hidden(by_key[PROMISES].id, True)          # removed a built-in statement
        book.update_criterion(by_key[FIRST_TIME].id, text="Orders are right the first time.")  # reworded
        own = book.add_criterion("reliability", "We ring back when we said we would.")
        people = [p.id for p in book.participants(book.latest_assessment_id())]
        for person in people:
            book.set_grade(person, own, "A")
    return roll_up([Team(read_source(plain)), Team(read_source(edited))])


def test_dimensions_compare_on_each_teams_own_statements(result):
    plain, edited = result.teams
    assert plain.card.dimension("reliability").internal.mean == 3.0
    # Edited: reworded built-in (C = 2) and its own statement (A = 4) -> 3.0 per person
    assert edited.card.dimension("reliability").internal.mean == pytest.approx(3.0)
    assert result.pooled.card.dimension("reliability").internal.n == 6


def test_statements_compare_only_where_the_built_in_key_matches(result):
    plain, edited = result.teams
    assert PROMISES not in edited.statements
    assert edited.statements[FIRST_TIME].mean == 2.0               # reworded, same key: still compared
    assert result.pooled.statements[PROMISES].n == 3               # Plain alone
    assert result.pooled.statements[FIRST_TIME].mean == pytest.approx(2.5)


def test_what_was_left_out_is_listed(result):
    kinds = {(g.kind, g.dimension, g.teams, g.key, g.text) for g in result.statement_gaps}
    assert ("own", "reliability", ("Edited",), None, "We ring back when we said we would.") in kinds
    assert ("missing", "reliability", ("Edited",), PROMISES, "") in kinds
    sentences = [gap_sentence(g) for g in result.statement_gaps]
    assert any("We ring back" in s and "Edited" in s for s in sentences)
    assert any("Edited" in s and "removed" in s for s in sentences)

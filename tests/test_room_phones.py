"""The room's rules without any networking: what a phone may see, join and change."""

from __future__ import annotations

import csv
import json

import pytest
from room_support import PEOPLE, round_book  # noqa: F401  (fixture)

from rater_desktop.analysis import report_card
from rater_desktop.model import DIMENSION_KEYS
from rater_desktop.privacy import group_size
from rater_desktop.room.phones import NOTE_LIMIT, Refused, Room
from rater_desktop.sessions.reveal import reveal


def quick_room(workbook, assessment_id, **options) -> Room:
    return Room(workbook, assessment_id, mode="quick", **options)


def test_before_joining_a_phone_sees_only_words_and_names(round_book):
    _path, workbook, assessment_id, ids = round_book
    room = quick_room(workbook, assessment_id)
    workbook.set_grade(ids["Lan"], workbook.criteria()[0].id, "B", "a private note")
    shown = room.welcome("vi")
    assert set(shown) == {"text", "languages", "names", "new_names"}
    assert [n["name"] for n in shown["names"]] == list(PEOPLE)
    assert "private note" not in json.dumps(shown) and "Hostile" not in json.dumps(shown)
    assert shown["text"]["choose_name"] != "Who are you? Tap your name."  # Vietnamese


def test_a_joined_phone_gets_the_items_and_only_its_own_answers(round_book):
    _path, workbook, assessment_id, ids = round_book
    room = quick_room(workbook, assessment_id)
    _token, lan = room.join(ids["Lan"])
    minh = ids["Minh"]
    room.answer(lan, {"key": "dim:empathy", "grade": "C", "note": "mine"})
    room.answer(minh, {"key": "dim:empathy", "grade": "A", "note": "Minh's secret"})
    room.answer(minh, {"key": "cont:2:desired", "value": 6})
    state = room.state(lan, "en")
    assert state["answers"] == {"dim:empathy": {"grade": "C", "note": "mine"}}
    assert "secret" not in json.dumps(state) and "Minh" not in json.dumps(state)
    assert state["name"] == "Lan"


def test_quick_round_is_five_dimensions_then_six_continuum_questions(round_book):
    _path, workbook, assessment_id, _ids = round_book
    keys = [item.key for item in quick_room(workbook, assessment_id).items("en")]
    assert keys == [f"dim:{key}" for key in DIMENSION_KEYS] + [
        f"cont:{n}:{kind}" for kind in ("current", "desired") for n in (1, 2, 3)]


def test_full_round_walks_visible_statements_and_situations_then_the_continuum(round_book):
    _path, workbook, assessment_id, _ids = round_book
    hidden = workbook.criteria()[1]
    workbook.set_criterion_hidden(hidden.id, True)
    context = workbook.add_time_context(assessment_id, "After hours")
    items = Room(workbook, assessment_id, mode="full").items("vi")
    keys = [item.key for item in items]
    visible = workbook.criteria()
    assert f"crit:{hidden.id}" not in keys
    assert len(keys) == len(visible) + 5 + 6
    assert keys[-7] == f"ctx:{context}:responsiveness"
    first = items[0]
    assert first.hint_a and first.hint_f and first.section == "Độ tin cậy"


def test_a_quick_round_counts_in_the_report_card_and_the_reveal(round_book):
    _path, workbook, assessment_id, ids = round_book
    room = quick_room(workbook, assessment_id)
    for name, grade in zip(PEOPLE, "ABD"):
        room.answer(ids[name], {"key": "dim:assurance", "grade": grade})
    room.answer(ids["Lan"], {"key": "dim:tangibles", "grade": "NA"})
    data = workbook.read_assessment(assessment_id)
    card = report_card(data)
    assurance = card.dimension("assurance")
    assert assurance.internal.n == 3 and assurance.internal.mean == pytest.approx((4 + 3 + 1) / 3)
    assert card.dimension("tangibles").internal is None
    assert sorted(reveal(card, data, "assurance").votes) == [1.0, 3.0, 4.0]
    assert group_size(data) == 3  # quick voters count for the privacy rule of reports and exports


def test_statements_graded_by_a_person_win_over_their_quick_grade(round_book):
    _path, workbook, assessment_id, ids = round_book
    statement = next(c for c in workbook.criteria() if c.dimension == "empathy")
    workbook.set_grade(ids["Lan"], statement.id, "F")
    quick_room(workbook, assessment_id).answer(ids["Lan"], {"key": "dim:empathy", "grade": "A"})
    empathy = report_card(workbook.read_assessment(assessment_id)).dimension("empathy")
    assert empathy.internal.n == 1 and empathy.internal.mean == 0.0


def test_changing_an_answer_replaces_it(round_book):
    _path, workbook, assessment_id, ids = round_book
    room = quick_room(workbook, assessment_id)
    room.answer(ids["Lan"], {"key": "dim:reliability", "grade": "B"})
    room.answer(ids["Lan"], {"key": "dim:reliability", "grade": "D", "note": "on second thoughts"})
    assert room.answers(ids["Lan"]) == {"dim:reliability": {"grade": "D", "note": "on second thoughts"}}


def test_closed_parts_refuse_answers_and_stay_closed_after_a_restart(round_book):
    _path, workbook, assessment_id, ids = round_book
    room = quick_room(workbook, assessment_id)
    room.set_closed({"reliability", "continuum"})
    for message in ({"key": "dim:reliability", "grade": "A"}, {"key": "cont:1:current", "value": 2}):
        with pytest.raises(Refused) as refused:
            room.answer(ids["Lan"], message)
        assert refused.value.code == "closed"
    room.answer(ids["Lan"], {"key": "dim:empathy", "grade": "A"})
    assert Room(workbook, assessment_id).record.closed == {"reliability", "continuum"}


@pytest.mark.parametrize("message", [
    {"key": "crit:1", "grade": "A"},                      # a statement, in a quick round
    {"key": "dim:nonsense", "grade": "A"},
    {"key": "dim:empathy", "grade": "E"},
    {"key": "dim:empathy", "grade": "A", "note": 7},
    {"key": "dim:empathy", "grade": "A", "note": "x" * (NOTE_LIMIT + 1)},
    {"key": "cont:1:current", "value": 8},
    {"key": "cont:1:current", "value": True},
    {"key": "cont:4:current", "value": 3},
    {"key": ["dim:empathy"], "grade": "A"},
    {},
])
def test_answers_that_make_no_sense_are_refused_and_nothing_is_written(round_book, message):
    _path, workbook, assessment_id, ids = round_book
    room = quick_room(workbook, assessment_id)
    with pytest.raises(Refused):
        room.answer(ids["Lan"], message)
    assert room.answers(ids["Lan"]) == {}


def test_markup_in_a_note_is_kept_as_plain_text_and_control_characters_go(round_book):
    _path, workbook, assessment_id, ids = round_book
    room = quick_room(workbook, assessment_id)
    room.answer(ids["Lan"], {"key": "dim:empathy", "grade": "A", "note": "<img src=x onerror=alert(1)>\x00\x1b"})
    assert room.answers(ids["Lan"])["dim:empathy"]["note"] == "<img src=x onerror=alert(1)>"


def test_a_phone_adds_a_name_only_when_allowed_and_not_twice(round_book):
    _path, workbook, assessment_id, _ids = round_book
    with pytest.raises(Refused):
        quick_room(workbook, assessment_id).join(name="Thu")
    room = quick_room(workbook, assessment_id, new_names=True)
    _token, thu = room.join(name="  Thu ")
    assert [p.name for p in workbook.participants(assessment_id)][-1] == "Thu"
    for name in ("thu", "", "x" * 61, None, 5):
        with pytest.raises(Refused) as refused:
            room.join(name=name)
        assert refused.value.code == "name"
    assert thu in workbook.phone_holders(assessment_id)


def test_joining_someone_of_another_round_is_refused(round_book):
    _path, workbook, assessment_id, _ids = round_book
    other = workbook.add_assessment("Other", "2026-01-01")
    stranger = workbook.add_participant(other, "Stranger")
    with pytest.raises(Refused):
        quick_room(workbook, assessment_id).join(stranger)


def test_every_answer_is_announced_and_kept_off_any_undo_history(round_book):
    _path, workbook, assessment_id, ids = round_book
    heard = []
    room = quick_room(workbook, assessment_id, on_change=heard.append)
    room.join(ids["Minh"])
    room.answer(ids["Minh"], {"key": "cont:3:current", "value": 5})
    assert [(c.kind, c.ids) for c in heard] == [("phones", (ids["Minh"],)), ("continuum", (ids["Minh"], 3, "current"))]
    assert not room.operations.can_undo


def test_a_quick_rounds_grades_are_exported_as_rows_without_a_statement(round_book, tmp_path):
    from rater_desktop.export import export_workbook

    _path, workbook, assessment_id, ids = round_book
    room = quick_room(workbook, assessment_id)
    for name, grade in zip(PEOPLE, "CBA"):  # three people: per-person rows may leave the room
        room.answer(ids[name], {"key": "dim:empathy", "grade": grade, "note": f"why {grade}"})
    export_workbook(workbook, tmp_path / "out.csv")
    rows = list(csv.DictReader((tmp_path / "out.csv").read_text(encoding="utf-8-sig").splitlines()))
    grades = [r for r in rows if r["table"] == "internal_grades"]
    assert sorted((r["dimension"], r["criterion_id"], r["criterion"], r["grade"], r["note"]) for r in grades) == [
        ("empathy", "", "", letter, f"why {letter}") for letter in "ABC"]

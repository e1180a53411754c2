"""The room's code and phone tokens: random, stored as the design says, the same after a restart."""

from __future__ import annotations

import math
import sqlite3

import pytest
from room_support import round_book  # noqa: F401  (fixture)

from rater_desktop.room import tokens
from rater_desktop.storage import open_workbook
from rater_desktop.storage.rooms import PhoneTaken, RoomRecord


def test_room_code_carries_at_least_80_random_bits_and_is_typed_without_doubt():
    codes = {tokens.new_code() for _ in range(200)}
    assert len(codes) == 200
    assert tokens.CODE_LENGTH * math.log2(len(set(tokens.CODE_ALPHABET))) >= 80
    used = set("".join(codes))
    assert used <= set(tokens.CODE_ALPHABET) and len(used) == 32  # every character in use: the bits are real
    assert not used & set("lo01IO-_") and all(len(code) == tokens.CODE_LENGTH for code in codes)


def test_a_restarted_app_resumes_the_same_room_and_phone(round_book):
    path, workbook, assessment_id, ids = round_book
    room = tokens.open_room(workbook, assessment_id, mode="full", new_names=True)
    token = tokens.join(workbook, ids["Lan"])
    workbook.close()

    with open_workbook(path) as again:
        resumed = tokens.open_room(again, assessment_id)
        assert resumed == room and resumed.mode == "full" and resumed.new_names
        assert tokens.participant_of(again, assessment_id, token) == ids["Lan"]


def test_the_file_keeps_only_a_hash_of_each_token(round_book):
    path, workbook, _assessment_id, ids = round_book
    token = tokens.join(workbook, ids["Minh"])
    assert token.encode() not in path.read_bytes() + path.with_name(path.name + "-wal").read_bytes()
    (stored,) = sqlite3.connect(path).execute("SELECT token_hash FROM room_phones").fetchall()
    assert stored == (tokens.token_hash(token),)


def test_one_phone_per_person_until_the_facilitator_releases_it(round_book):
    _path, workbook, assessment_id, ids = round_book
    first = tokens.join(workbook, ids["Lan"])
    with pytest.raises(PhoneTaken):
        tokens.join(workbook, ids["Lan"])
    workbook.release_phone(ids["Lan"])
    assert tokens.participant_of(workbook, assessment_id, first) is None
    second = tokens.join(workbook, ids["Lan"])
    assert tokens.participant_of(workbook, assessment_id, second) == ids["Lan"]


@pytest.mark.parametrize("token", [None, "", "x" * 43, 12, "a" * 4000, "../../etc/passwd"])
def test_anything_but_a_bound_token_belongs_to_nobody(round_book, token):
    _path, workbook, assessment_id, ids = round_book
    tokens.join(workbook, ids["Lan"])
    assert tokens.participant_of(workbook, assessment_id, token) is None


def test_a_token_only_counts_in_its_own_round(round_book):
    _path, workbook, assessment_id, ids = round_book
    other_round = workbook.add_assessment("Other", "2026-01-01")
    token = tokens.join(workbook, ids["Lan"])
    assert tokens.participant_of(workbook, other_round, token) is None


def test_a_stored_room_that_makes_no_sense_reads_as_none(round_book):
    path, workbook, assessment_id, _ids = round_book
    workbook.save_room(RoomRecord(assessment_id, tokens.new_code()))
    conn = sqlite3.connect(path)
    conn.execute("UPDATE rooms SET code = 'short', closed = 'not json'")
    conn.commit()
    conn.close()
    assert workbook.room(assessment_id) is None

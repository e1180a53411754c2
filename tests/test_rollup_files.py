"""Member files: bad ones are listed with the reason and skipped, none is ever written, sets reopen."""

import json
import shutil
import sqlite3

import pytest
from rollup_support import make_team, same_letters
from storage_support import digest

from rater_desktop.rollup import LeftOut, read_sources
from rater_desktop.rollup.raterset import RaterSetError, load_set
from rater_desktop.rollup.session import RollupSession


@pytest.fixture(scope="module")
def good(tmp_path_factory):
    folder = tmp_path_factory.mktemp("good")
    (folder / "south").mkdir()
    return [make_team(folder / "north.rater", "North", same_letters(["B"] * 3)),
            make_team(folder / "south" / "south.rater", "Chi nhánh Hà Nội", same_letters(["C"] * 4))]


def _bad_files(folder):
    damaged = folder / "damaged.rater"
    damaged.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 4)
    foreign = folder / "foreign.rater"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    newer = folder / "newer.rater"
    make_team(newer, "Future", same_letters(["A"] * 3))
    with sqlite3.connect(newer) as conn:
        conn.execute("PRAGMA user_version = 999")
    conn.close()
    text = folder / "notes.rater"
    text.write_text("not a workbook", encoding="utf-8")
    return [folder / "missing.rater", damaged, foreign, newer, text]


def test_bad_files_are_left_out_with_the_reason_and_the_others_still_roll_up(good, tmp_path):
    bad = _bad_files(tmp_path)
    session = RollupSession()
    before = {path: digest(path) for path in [*good, *bad[1:]]}
    session.adopt(read_sources([good[0], *bad, good[1]]))
    assert [t.label for t in session.teams] == ["North", "Chi nhánh Hà Nội"]
    reasons = {item.path.name: item.reason for item in session.left_out}
    assert set(reasons) == {"missing.rater", "damaged.rater", "foreign.rater", "newer.rater", "notes.rater"}
    assert "does not exist" in reasons["missing.rater"]
    assert "damaged" in reasons["damaged.rater"] or "not a RATER" in reasons["damaged.rater"]
    assert "another program" in reasons["foreign.rater"]
    assert "newer version" in reasons["newer.rater"]
    result = session.compute()
    assert result.pooled.participants == 7
    assert {path: digest(path) for path in before} == before                  # nothing written to members
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(("-wal", "-shm", "-journal"))]


def test_a_folder_is_searched_recursively_and_copies_count_once(good, tmp_path):
    folder = good[0].parent
    copy = tmp_path / "north copy.rater"
    shutil.copy(good[0], copy)
    session = RollupSession()
    session.adopt(read_sources(session.paths_to_read([folder, copy, good[0]])))
    assert sorted(t.label for t in session.teams) == ["Chi nhánh Hà Nội", "North"]
    assert [item.path.name for item in session.left_out] == ["north copy.rater", "north.rater"]
    assert "identical copy" in session.left_out[0].reason
    assert "already in the roll-up" in session.left_out[1].reason


def test_a_set_saves_relative_paths_names_and_rounds_and_reopens(good, tmp_path):
    session = RollupSession(min_group=7)
    session.adopt(read_sources(good))
    session.rename(1, "Hà Nội")
    first_round = session.teams[0].source.rounds[0].assessment
    session.choose_round(0, first_round.id)
    target = good[0].parent / "group.raterset"
    session.save(target)
    document = json.loads(target.read_text(encoding="utf-8"))
    assert [m["path"] for m in document["members"]] == ["north.rater", "south/south.rater"]
    assert document["members"][1]["name"] == "Hà Nội" and "Hà Nội" in target.read_text(encoding="utf-8")

    moved = tmp_path / "moved"
    shutil.copytree(good[0].parent, moved)
    reopened = RollupSession()
    reopened.adopt(read_sources(reopened.open(moved / "group.raterset")))
    assert reopened.min_group == 7
    assert [t.label for t in reopened.teams] == ["North", "Hà Nội"]
    assert reopened.teams[0].assessment_id == first_round.id
    assert [t.source.path for t in reopened.teams] == [moved / "north.rater", moved / "south" / "south.rater"]
    assert not reopened.left_out and not reopened.notices


def test_a_missing_or_changed_member_is_reported_not_fatal(good, tmp_path):
    folder = tmp_path / "set"
    shutil.copytree(good[0].parent, folder)
    session = RollupSession()
    session.adopt(read_sources([folder / "north.rater", folder / "south" / "south.rater"]))
    session.choose_round(0, session.teams[0].source.rounds[-1].assessment.id)
    session.save(folder / "group.raterset")
    (folder / "south" / "south.rater").unlink()
    with sqlite3.connect(folder / "north.rater") as conn:
        conn.execute("DELETE FROM assessments")
        conn.execute("INSERT INTO assessments (id, name, date, notes, created) VALUES (42, 'Later', '2026-09-01', '', '')")
    conn.close()
    reopened = RollupSession()
    reopened.adopt(read_sources(reopened.open(folder / "group.raterset")))
    assert [t.label for t in reopened.teams] == ["North"]
    assert isinstance(reopened.left_out[0], LeftOut) and "does not exist" in reopened.left_out[0].reason
    messages = " ".join(n.message for n in reopened.notices)
    assert "has changed since the roll-up was saved" in messages
    assert "no longer has the round" in messages and "latest round is used" in messages
    assert reopened.compute().teams[0].card.assessment.name == "Later"


@pytest.mark.parametrize("content", [b"", b"{not json", json.dumps({"raterset": 99, "members": []}).encode(),
                                     json.dumps([1, 2]).encode()])
def test_a_file_that_is_not_a_set_gets_one_sentence(tmp_path, content):
    path = tmp_path / "odd.raterset"
    path.write_bytes(content)
    with pytest.raises(RaterSetError) as caught:
        load_set(path)
    assert "odd.raterset" in str(caught.value)


def test_odd_entries_in_a_set_are_skipped(tmp_path):
    path = tmp_path / "odd.raterset"
    path.write_text(json.dumps({"raterset": 1, "min_group": "x", "members": [
        {"path": "a.rater", "name": 5, "round": {"id": True}}, {"nope": 1}, "text", {"path": ""}]}), "utf-8")
    loaded = load_set(path)
    assert [(m.path.name, m.name, m.assessment_id) for m in loaded.members] == [("a.rater", "", None)]
    assert loaded.min_group == 5


def test_odd_values_in_a_file_are_read_as_its_own_report_card_reads_them(tmp_path):
    """NaN, infinities, values off the scale and torn blobs: the same figures as the team's own summary."""
    from array import array

    from rater_desktop.rollup import Team, roll_up
    from rater_desktop.storage import open_workbook
    from rater_desktop.summary import workbook_summary

    path = make_team(tmp_path / "odd.rater", "Odd", same_letters(["B"] * 3), {"reliability": [1.0] * 5,
                                                                            "empathy": [1.0] * 5})
    odd = array("d", [float("nan"), float("inf"), -1.0, 5.0, 2.0, 3.0, 4.0, 0.0, 1.0]).tobytes()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE survey_series SET data = ? WHERE name = 'dim:reliability'", (odd,))
        conn.execute("UPDATE survey_series SET data = ? WHERE name = 'dim:empathy'", (b"\x00" * 12,))
        conn.execute("PRAGMA ignore_check_constraints = ON")  # as another program could have written it
        conn.execute("UPDATE grades SET grade = 'b' WHERE rowid IN (SELECT rowid FROM grades LIMIT 2)")
    conn.close()
    with open_workbook(path, read_only=True) as book:
        own = workbook_summary(book, book.latest_assessment_id())["dimensions"]
    mine = roll_up([Team(read_sources([path])[0])], min_group=1).teams[0].card
    assert mine.dimension("reliability").customer.mean == own[0]["customer"]["mean"] == 2.0   # 2, 3, 4, 0, 1
    assert mine.dimension("empathy").customer is None and own[3]["customer"] is None
    assert mine.dimension("reliability").internal.mean == own[0]["internal"]["mean"]

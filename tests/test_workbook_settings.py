"""Workbook settings: checked once, refused with a sentence, changed as one undoable step."""

from __future__ import annotations

import pytest
from storage_support import FRAMEWORK, data_dir  # noqa: F401  (autouse fixture)

from rater_desktop import i18n
from rater_desktop.model import DIMENSION_KEYS
from rater_desktop.operations import Operations
from rater_desktop.storage import create_workbook
from rater_desktop.workbook_settings import (
    check_weights,
    checked_changes,
    parse_weights,
    settings_from_stored,
)

EVEN = dict.fromkeys(DIMENSION_KEYS, 20)


def test_weights_adding_up_to_100_are_kept_as_numbers():
    assert check_weights({**EVEN, "reliability": 40, "tangibles": 0}) == {
        "reliability": 40.0, "assurance": 20.0, "tangibles": 0.0, "empathy": 20.0, "responsiveness": 20.0}


@pytest.mark.parametrize("weights, sentence", [
    (dict.fromkeys(DIMENSION_KEYS, 0.2), "The dimension weights add up to 1, not 100: give importance points"),
    ({**EVEN, "empathy": 10}, "The dimension weights add up to 90, not 100."),
    ({**EVEN, "empathy": 20.5}, "The dimension weights add up to 100.50, not 100."),
    ({"reliability": 100}, "missing: Assurance, Tangibles, Empathy, Responsiveness."),
    ({**EVEN, "speed": 0}, "The dimension weights name an unknown dimension: speed."),
    ({**EVEN, "empathy": -20, "reliability": 60}, "The dimension weights must be numbers of 0 or more."),
    ({**EVEN, "empathy": True}, "The dimension weights must be numbers of 0 or more."),
    ([20] * 5, "The dimension weights must give points for each of the five dimensions."),
])
def test_wrong_weights_are_refused_with_a_sentence(weights, sentence):
    with pytest.raises(ValueError, match=None) as refused:
        check_weights(weights)
    assert sentence in str(refused.value)


def test_the_sentence_names_which_weights_and_speaks_the_language():
    with pytest.raises(ValueError, match="SERVQUAL importance weights add up to 1"):
        checked_changes({"servqual_weights": dict.fromkeys(DIMENSION_KEYS, 0.2)})
    with i18n.language_context("vi"):
        with pytest.raises(ValueError) as refused:
            check_weights(dict.fromkeys(DIMENSION_KEYS, 0.2))
    assert "100" in str(refused.value) and "add up" not in str(refused.value)


@pytest.mark.parametrize("changes", [{"gap_threshold": 0}, {"gap_threshold": 4.5}, {"gap_threshold": "1"},
                                     {"show_names": "yes"}, {"colour": "red"}])
def test_other_wrong_settings_are_refused(changes):
    with pytest.raises(ValueError):
        checked_changes(changes)


def test_parse_weights_from_the_command_line():
    assert parse_weights(" Reliability=30, assurance = 20 ,") == {"reliability": 30.0, "assurance": 20.0}
    with pytest.raises(ValueError, match="dimension=points"):
        parse_weights("reliability 30")


def test_stored_values_that_break_the_rules_read_as_defaults_and_say_so():
    read = settings_from_stored({"weights": dict.fromkeys(DIMENSION_KEYS, 0.2), "gap_threshold": -1,
                                 "servqual_weights": EVEN, "show_names": "yes"})
    assert read.weights is None and read.gap_threshold == 0.5 and read.show_names is False
    assert read.servqual_weights == {key: 20.0 for key in DIMENSION_KEYS}
    assert len(read.problems) == 2 and "add up to 1, not 100" in read.problems[0]


def test_changing_settings_is_one_undoable_step_and_a_refusal_writes_nothing(tmp_path):
    with create_workbook(tmp_path / "s.rater", "Cafe", framework=FRAMEWORK) as workbook:
        ops = Operations(workbook)
        seen = []
        ops.subscribe(seen.append)
        ops.set_settings({"weights": {**EVEN, "reliability": 40, "tangibles": 0}, "gap_threshold": 0.75,
                          "show_names": True})
        assert workbook.settings().weights["reliability"] == 40.0
        assert (seen[-1].kind, seen[-1].ids) == ("settings", ("weights", "gap_threshold", "show_names"))
        with pytest.raises(ValueError, match="add up to 1"):
            ops.set_settings({"gap_threshold": 1.0, "weights": dict.fromkeys(DIMENSION_KEYS, 0.2)})
        assert workbook.settings().gap_threshold == 0.75 and len(seen) == 1
        ops.undo()
        current = workbook.settings()
        assert (current.weights, current.gap_threshold, current.show_names) == (None, 0.5, False)
        ops.redo()
        assert workbook.settings().show_names is True
        ops.set_settings({"weights": None})
        assert workbook.settings().weights is None and workbook.get_setting("weights") is None

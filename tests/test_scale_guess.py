"""Answer scales: recognised with confidence, or flagged for a person to confirm (issue 11).

The first cases are the wrong guesses the issue reproduced; each is now either
right and sure, or flagged.
"""

from collections import Counter

import pytest

from rater_desktop.importing import ScaleSpec
from rater_desktop.importing.guess_words import scale_note_text
from rater_desktop.importing.scale_guess import guess_scale, stated_range
from rater_desktop.importing.survey_words import answer_words


def many(*answers, each=10):
    """Each answer given ``each`` times: enough answers for a whole scale to count as proven."""
    return Counter({answer: each for answer in answers})


def test_satisfaction_with_no_opinion_is_ordered_worst_first_and_no_opinion_is_no_answer():
    guess = guess_scale(many("Very dissatisfied", "Very satisfied", "Somewhat satisfied", "No opinion",
                             "Somewhat dissatisfied", "Neither satisfied nor dissatisfied"))
    assert guess.sure and guess.family == "satisfaction"
    assert guess.scale == ScaleSpec("labels", labels=(
        "Very dissatisfied", "Somewhat dissatisfied", "Neither satisfied nor dissatisfied", "Somewhat satisfied",
        "Very satisfied"), not_applicable=("No opinion",))


def test_likelihood_unlikely_neutral_likely():
    assert guess_scale(many("neutral", "likely", "unlikely")).scale.labels == ("unlikely", "neutral", "likely")


def test_a_few_answers_cannot_prove_no_step_is_missing():
    guess = guess_scale(Counter({"neutral": 1, "likely": 1, "unlikely": 1}))
    assert guess.scale.labels == ("unlikely", "neutral", "likely") and not guess.sure
    assert [n.code for n in guess.notes] == ["labels_family", "labels_incomplete"]


def test_labels_missing_an_end_are_flagged():
    guess = guess_scale(many("Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied"))
    assert not guess.sure and not guess.scale.confirmed
    assert guess.scale.labels == ("Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied")


def test_zero_one_items_are_not_called_zero_to_five():
    guess = guess_scale(many("0", "1"))
    assert (guess.scale.min, guess.scale.max, guess.sure) == (0, 1, False)


def test_ten_to_thirteen_points_are_not_called_one_to_thirteen_with_confidence():
    guess = guess_scale(many("10", "11", "12", "13"))
    assert not guess.sure
    assert "check the lowest and highest points" in scale_note_text(guess.notes[-1])


@pytest.mark.parametrize("question, answers, expected", [
    ("En una escala del 1 al 5, ¿qué difícil fue?", ["2", "3", "4"], (1, 5)),
    ("On a scale of 0-10, how would you rate the keynote?", ["3", "7"], (0, 10)),
    ("Wie zufrieden sind Sie insgesamt? (1 bis 5)", ["4"], (1, 5)),
    ("Note de 0 à 10", ["9"], (0, 10)),
    ("Mức độ hài lòng (1 đến 7)", ["6", "7"], (1, 7)),
    ("만족도를 1점에서 5점까지 평가해 주세요", ["3", "5"], (1, 5)),
])
def test_a_range_the_question_states_is_sure(question, answers, expected):
    guess = guess_scale(Counter(answers), [question])
    assert ((guess.scale.min, guess.scale.max), guess.sure) == (expected, True)
    assert guess.notes[-1].code == "range_stated"


def test_stated_range_ignores_years_and_decimals():
    assert stated_range(["Since 2019, rated 1,5 on average"]) is None
    assert stated_range(["1-5 or 0-10?"]) is None  # two ranges disagree: nothing is stated


def test_every_point_chosen_by_many_answers_proves_a_usual_range():
    guess = guess_scale(many("1", "2", "3", "4", "5", "N/A"))
    assert guess.sure and guess.scale == ScaleSpec("numeric", 1, 5, not_applicable=("N/A",))
    assert not guess_scale(many("1", "2", "3", "4", "5", each=2)).sure  # ten answers prove nothing


def test_recommend_questions_are_zero_to_ten_and_captioned_ends_name_the_range():
    assert guess_scale(many("10", "9", "7", "1"), ["¿Qué tan probable es que recomiendes R?"]).scale.max == 10
    guess = guess_scale(many("0 - Not at all likely", "5", "10 - Extremely likely"))
    assert (guess.scale.min, guess.scale.max, guess.sure) == (0, 10, True)


def test_negative_codes_are_no_answer_but_only_as_a_guess():
    guess = guess_scale(many("1", "2", "3", "-1", "-2"))
    assert guess.scale.not_applicable == ("-1", "-2") and not guess.sure
    assert guess.scale.max == 3  # the highest answer, not rounded up to a usual top


def test_a_ranking_is_flagged_even_when_every_point_was_chosen():
    guess = guess_scale(many(*"123456"), ["Please rank the films, 1 being your favourite"])
    assert not guess.sure and guess.notes[-1].code == "ranking"


def test_letters_are_sure_and_mixed_or_unknown_answers_are_not():
    assert guess_scale(Counter(["A", "c", "F"])).scale.type == "letters"
    mixed = guess_scale(many("1", "2", "Great"))
    assert mixed.scale.labels == ("1", "2", "Great") and not mixed.sure
    unknown = guess_scale(many("Horrendous", "Yum!", "Good"))
    assert not unknown.sure and unknown.scale.labels == ("Good", "Horrendous", "Yum!")
    assert "“Horrendous”, “Yum!”" in scale_note_text(unknown.notes[-1])


@pytest.mark.parametrize("answers, na", [
    (["Hoàn toàn không đồng ý", "Không đồng ý", "Trung lập", "Đồng ý", "Hoàn toàn đồng ý"], "Không biết"),
    (["Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng"], "Không có ý kiến"),
    (["Totalmente en desacuerdo", "En desacuerdo", "Ni de acuerdo ni en desacuerdo", "De acuerdo",
      "Totalmente de acuerdo"], "No sé"),
    (["Nunca", "Rara vez", "A veces", "A menudo", "Siempre"], "No aplica"),
    (["Pas du tout d'accord", "Plutôt pas d'accord", "Plutôt d'accord", "Tout à fait d'accord"], "Ne sais pas"),
    (["Très insatisfait", "Insatisfait", "Neutre", "Satisfait", "Très satisfait"], "Sans opinion"),
    (["trifft überhaupt nicht zu", "trifft eher nicht zu", "teils/teils", "trifft eher zu",
      "trifft voll und ganz zu"], "weiß nicht"),
    (["sehr unwichtig", "unwichtig", "weder wichtig noch unwichtig", "wichtig", "sehr wichtig"], "keine Angabe"),
    (["Discordo totalmente", "Discordo", "Não concordo nem discordo", "Concordo", "Concordo totalmente"],
     "Prefiro não responder"),
    (["Péssimo", "Ruim", "Regular", "Bom", "Ótimo"], "Não se aplica"),
    (["매우 불만족", "불만족", "보통", "만족", "매우 만족"], "모름"),
    (["전혀 그렇지 않다", "그렇지 않다", "보통이다", "그렇다", "매우 그렇다"], "해당 없음"),
    (["Very uncomfortable", "Uncomfortable", "Neutral", "Comfortable", "Very comfortable"], "Prefer not to say"),
    (["Not at all important", "Slightly important", "Moderately important", "Very important",
      "Extremely important"], "Don't know"),
    (["Poor", "Fair", "Good", "Very good", "Excellent"], "Not applicable"),
    (["No", "Yes"], "Not sure"),
])
def test_built_in_scales_in_every_language_are_ordered_worst_first(answers, na):
    shuffled = answers[1::2] + answers[::2]
    guess = guess_scale(many(*shuffled, na))
    assert guess.sure, [n.code for n in guess.notes]
    assert guess.scale.labels == tuple(answers) and guess.scale.not_applicable == (na,)


def test_not_applicable_phrases_inside_longer_answers_and_remarks():
    words = answer_words()
    assert words.is_not_applicable("Unfamiliar (N/A)")
    assert words.is_not_applicable("No sé qué es el paquete tidyverse")
    assert words.is_not_applicable("I don't know")
    assert not words.is_not_applicable("No") and not words.is_not_applicable("Notably good")


def test_numbered_and_remarked_labels_are_known_by_their_words():
    captioned = guess_scale(many("1 - Very poor", "2 - Poor", "3 - Fair", "4 - Good", "5 - Very good"))
    assert (captioned.scale.type, captioned.scale.min, captioned.scale.max, captioned.sure) == ("numeric", 1, 5, True)
    numbered = guess_scale(many("5. Very good", "1. Very poor", "3. Fair", "2. Poor", "4. Good"))
    assert numbered.sure and numbered.scale.labels == ("1. Very poor", "2. Poor", "3. Fair", "4. Good", "5. Very good")
    favour = guess_scale(many("Very favorably", "Somewhat favorably", "Neither favorably nor unfavorably (neutral)",
                              "Somewhat unfavorably", "Very unfavorably"))
    assert favour.sure and favour.scale.labels[2] == "Neither favorably nor unfavorably (neutral)"

"""Column suggestions: what each column holds, how sure, in the languages surveys come in."""

from rater_desktop.importing import Mapping, load_mapping
from rater_desktop.importing.column_guess import column_questions, guess_columns
from rater_desktop.importing.guess_words import column_reason_text
from rater_desktop.importing.suggest import builtin_vocabulary, distinct_values, mapping_fits
from rater_desktop.importing.survey_words import fold

AGREE = ["Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"]


def rows_of(columns, n=40):
    """n respondents answering each column from its list of answers in turn."""
    return [[answers[r % len(answers)] for answers in columns] for r in range(n)]


def guesses(headers, columns, header_rows=None, n=40):
    names, criteria = builtin_vocabulary()
    return guess_columns(header_rows or [headers], rows_of(columns, n), names, criteria)


def test_fold_drops_accents_punctuation_and_vietnamese_d():
    assert fold("Độ tin cậy") == "do tin cay"
    assert fold("  Sự ĐỒNG cảm? ") == "su dong cam"
    assert fold("D'accord") == "d accord"


def test_a_question_naming_its_dimension_is_sure_in_every_language():
    headers = ["Reliability of our service", "Độ tin cậy", "Empatía del personal", "Réactivité du service",
               "Zuverlässigkeit", "Presteza no atendimento", "유형성: 매장이 깨끗했습니까?"]
    found = guesses(headers, [AGREE] * len(headers))
    assert [(g.role, g.sure) for g in found] == [
        ("dim:reliability", True), ("dim:reliability", True), ("dim:empathy", True),
        ("dim:responsiveness", True), ("dim:reliability", True), ("dim:responsiveness", True),
        ("dim:tangibles", True)]


def test_a_typical_word_or_a_similar_statement_is_a_guess_to_check():
    # Built-in responsiveness statement: "We answer calls, messages and e-mails quickly, ..."
    found = guesses(["How clean was the shop?", "Did we answer calls and messages quickly?"], [AGREE, AGREE])
    assert [(g.role, g.sure, g.reason.code) for g in found] == [
        ("dim:tangibles", False, "cue"), ("dim:responsiveness", False, "criterion")]
    assert column_reason_text(found[0]) == 'Worded like a Tangibles question ("clean"): check.'


def test_a_rating_naming_no_dimension_is_never_put_under_one():
    found = guesses(["Please rate how much you like the cuisine of Chile"], [["1", "2", "3", "4", "5", "N/A"]])
    assert (found[0].role, found[0].item, found[0].sure) == ("", "rating", False)
    assert "choose one" in column_reason_text(found[0])


def test_kpis_by_their_wording_and_answers_in_several_languages():
    headers = ["How likely are you to recommend us to a friend?", "¿Qué tan probable es que nos recomiende?",
               "Overall, how satisfied are you? (1-5)", "Wurde Ihr Anliegen beim ersten Kontakt gelöst?",
               "Bạn có sẵn lòng giới thiệu chúng tôi?"]
    nps = [str(v) for v in range(11)]
    found = guesses(headers, [nps, nps, ["1", "2", "3", "4", "5"], ["Ja", "Nein"], nps])
    assert [(g.kpi, g.sure) for g in found[:4]] == [("nps", True), ("", False), ("csat", True), ("fcr", True)]
    # Each KPI goes to its first column; the next one worded the same is left to the person, with why.
    assert found[1].reason.code == "second_kpi" and found[4].reason.code == "second_kpi"
    assert column_reason_text(found[1]) == "Another NPS question; column 1 is used, and only one column can be."


def test_recommend_wording_with_answers_off_0_to_10_is_not_taken_as_nps():
    found = guesses(["How likely are you to recommend us?"], [["Very likely", "Likely", "Unlikely"]])
    assert (found[0].kpi, found[0].item, found[0].sure) == ("", "rating", False)


def test_expectation_and_minimum_items_take_their_dimension_or_their_rating_twin():
    headers = ["Expectation - Reliability: keeps promises", "Perception - Reliability: keeps promises",
               "Minimum - Reliability: the least you accept",
               "Expected: parcels arrive undamaged", "Reliability: parcels arrive undamaged"]
    found = guesses(headers, [[str(v) for v in range(1, 8)]] * 5)
    assert [(g.role, g.sure) for g in found[:3]] == [
        ("exp:reliability", True), ("dim:reliability", True), ("min:reliability", True)]
    # "Expected" names no dimension: the item takes that of the rating worded like it, column 5.
    assert (found[3].role, found[3].reason.code, found[3].sure) == ("exp:reliability", "pair", False)
    assert column_reason_text(found[3]) == "Worded like the rating in column 5: check."


def test_free_text_comments_and_personal_details():
    long = [f"The staff were helpful and the queue moved quickly on visit {i}" for i in range(40)]
    headers = ["Any comments?", "What did you think of your visit?", "Your e-mail", "Name",
               "Which branch?", "Tools you use"]
    columns = [long, long, [f"p{i}@example.com" for i in range(40)], [f"Person {i}" for i in range(40)],
               ["North", "South"], ["Excel, Python", "Excel", "Python, R", "R"]]
    found = guesses(headers, columns)
    assert [(g.role, g.sure) for g in found] == [("comment", True), ("comment", False), ("", True), ("", True),
                                                ("", True), ("", True)]
    assert [g.reason.code for g in found[2:4]] == ["personal", "personal"]


def test_yes_no_rankings_and_tool_columns_are_left_out_with_the_reason():
    headers = ["RespondentID", "Have you seen the films?", "Please rank the films, 1 being your favourite"]
    found = guesses(headers, [[str(i) for i in range(40)], ["Yes", "No"], ["1", "2", "3", "4", "5", "6"]])
    assert [(g.kind, g.reason.code) for g in found] == [("", "metadata"), ("", "yes_no"), ("", "ranking")]


def test_every_header_row_is_read_and_grid_columns_inherit_their_question():
    # SurveyMonkey: the question over the first column of a grid, the item under each column.
    header_rows = [["Respondent", "How satisfied were you with our reliability?", "", "Comments"],
                   ["", "Phone", "Shop", "Response"]]
    assert column_questions(header_rows, 4) == [
        ["Respondent"], ["How satisfied were you with our reliability?", "Phone"],
        ["How satisfied were you with our reliability?", "Shop"], ["Comments"]]
    satisfaction = ["Very satisfied", "Satisfied", "Dissatisfied", "Very dissatisfied"]
    found = guesses(header_rows[0], [["1"], satisfaction, satisfaction, ["ok"]], header_rows)
    assert [g.role for g in found[1:3]] == ["dim:reliability", "dim:reliability"]


def test_distinct_values_most_frequent_first_blanks_ignored():
    rows = [["x", "4", "5"], ["y", "4", " "], ["z", "N/A", "4"], ["w", "5"]]
    assert distinct_values(rows, [1, 2]) == ["4", "5", "N/A"]


def test_mapping_fits_only_when_every_named_column_exists_once():
    mapping = load_mapping('[dimensions]\nreliability = ["Q1", "#3"]\n[kpis]\nnps = "NPS"\n')
    assert mapping_fits(mapping, ["Q1", "Q2", "Q3", "NPS"])
    assert mapping_fits(mapping, ["q1", "x", "y", "nps"])  # header case does not matter
    assert not mapping_fits(mapping, ["Q1", "NPS"])  # no third column
    assert not mapping_fits(mapping, ["Q1", "Q2", "Q3"])  # no NPS column
    assert not mapping_fits(mapping, ["Q1", "Q1", "Q3", "NPS"])  # Q1 ambiguous
    with_comments = load_mapping('[dimensions]\nempathy = ["Q1"]\n[comments]\ncolumns = ["Why"]\n')
    assert mapping_fits(with_comments, ["Q1", "Why"]) and not mapping_fits(with_comments, ["Q1"])
    assert mapping_fits(Mapping(dimensions={"empathy": ("#1",)}), ["anything"])


def test_a_column_title_keeps_a_grid_item_whole_and_stays_short():
    from rater_desktop.importing.column_guess import column_title

    question = "Please state whether you view the following characters favorably or unfavorably."
    title = column_title([question, "Luke Skywalker"])
    assert title.endswith(" / Luke Skywalker") and title.startswith("Please state") and len(title) <= 60
    assert column_title(["Staff are reliable"]) == "Staff are reliable"
    assert column_title([]) == ""
    assert len(column_title(["Q " * 80])) <= 60

"""MAP.toml: what loads, what is refused with one sentence, and the round trip."""

from pathlib import Path

import pytest

from rater_desktop.importing import SurveyImportError, dump_mapping, load_mapping

FULL = """
[source]
format = "xlsx"
sheet = "Form Responses 1"
encoding = "cp1252"
delimiter = ";"
header_rows = 3
header_row = 2

[scale]
type = "labels"
labels = ["Very poor", "Poor", "Fair", "Good", "Excellent"]
not_applicable = ["N/A", "Don't know"]
reverse = ["Q2"]

[dimensions]
reliability = ["Q1", "Q2"]
responsiveness = ["#7"]

[expectations]
reliability = ["E1"]

[kpis]
nps = "How likely are you to recommend us?"
fcr = "Solved first time?"
"""


def test_full_mapping_loads_every_part():
    m = load_mapping(FULL)
    assert (m.source.format, m.source.sheet, m.source.encoding) == ("xlsx", "Form Responses 1", "cp1252")
    assert (m.source.delimiter, m.source.header_rows, m.source.header_row) == (";", 3, 2)
    assert m.scale.type == "labels" and m.scale.labels[-1] == "Excellent"
    assert m.scale.bounds == (0.0, 4.0)
    assert m.scale.not_applicable == ("N/A", "Don't know")
    assert m.dimensions == {"reliability": ("Q1", "Q2"), "responsiveness": ("#7",)}
    assert m.expectations == {"reliability": ("E1",)}
    assert m.kpis["fcr"] == "Solved first time?"


def test_dump_then_load_gives_the_same_mapping(tmp_path):
    m = load_mapping(FULL)
    file = tmp_path / "map.toml"
    file.write_text(dump_mapping(m), encoding="utf-8")
    assert load_mapping(file) == m


def test_defaults_for_a_minimal_mapping():
    m = load_mapping('[dimensions]\nempathy = "Q9"\n')
    assert (m.source.format, m.source.encoding, m.source.delimiter) == (None, "auto", "auto")
    assert (m.source.header_rows, m.source.header_row) == (1, 1)
    assert (m.scale.type, m.scale.bounds) == ("numeric", (1.0, 5.0))
    assert m.dimensions == {"empathy": ("Q9",)}
    assert load_mapping(dump_mapping(m)) == m


def test_letters_scale_runs_from_f_to_a():
    assert load_mapping('[scale]\ntype = "letters"\n[dimensions]\nempathy = ["Q"]').scale.bounds == (0.0, 4.0)


@pytest.mark.parametrize("text, words", [
    ("[dimensions]\nkindness = ['Q1']", "kindness"),
    ("[dimensions]\n", "maps no column"),
    ("[scale]\nmin = 5\nmax = 1\n[dimensions]\nempathy = ['Q']", "not below its max"),
    ("[scale]\ntype = 'stars'\n[dimensions]\nempathy = ['Q']", "stars"),
    ("[scale]\ntype = 'labels'\nlabels = ['Good', 'good']\n[dimensions]\nempathy = ['Q']", "give one answer twice"),
    ("[source]\nheader_rows = 2\nheader_row = 3\n[dimensions]\nempathy = ['Q']", "header_row 3"),
    ("[source]\nheader_rows = 5\n[dimensions]\nempathy = ['Q']", "5 header rows"),
    ("[source]\ndelimiter = '|'\n[dimensions]\nempathy = ['Q']", "delimiter"),
    ("[scale]\nreverse = ['Q2']\n[dimensions]\nempathy = ['Q1']", "Q2"),
    ("[kpis]\nces = 'Q1'", "ces"),
    ("[dimensions]\nempathy = [1, 2]", "list of texts"),
    ("[surprise]\n[dimensions]\nempathy = ['Q']", "surprise"),
    ("this is = = not toml", "not valid TOML"),
])
def test_bad_mappings_are_refused_with_a_sentence(text, words):
    with pytest.raises(SurveyImportError) as caught:
        load_mapping(text)
    assert caught.value.code == "bad_mapping"
    assert words in str(caught.value)


def test_tab_delimiter_can_be_written_as_an_escape():
    m = load_mapping('[source]\ndelimiter = "\\t"\n[dimensions]\nempathy = ["Q"]')
    assert m.source.delimiter == "\t"


def test_shared_fixture_mappings_all_load():
    folder = Path(__file__).parent / "fixtures" / "mappings"
    mappings = sorted(folder.glob("*.toml"))
    assert len(mappings) >= 11
    for file in mappings:
        assert load_mapping(file).dimensions


def test_a_string_naming_a_file_is_read_as_that_file(tmp_path):
    file = tmp_path / "map.toml"
    file.write_text('[dimensions]\nempathy = ["Q9"]\n', encoding="utf-8")
    assert load_mapping(str(file)).dimensions == {"empathy": ("Q9",)}


def test_minimum_comments_and_confirmed_round_trip():
    """DESIGN §6: [minimum], [comments] and scale.confirmed survive save and load."""
    text = """
[scale]
type = "numeric"
min = 1
max = 9
confirmed = false
[dimensions]
reliability = ["P1"]
[expectations]
reliability = ["E1"]
[minimum]
reliability = ["M1"]
[comments]
columns = ["What could we do better?"]
"""
    mapping = load_mapping(text)
    assert mapping.minimum == {"reliability": ("M1",)}
    assert mapping.comments == ("What could we do better?",)
    assert mapping.scale.confirmed is False
    again = load_mapping(dump_mapping(mapping))
    assert again == mapping
    assert load_mapping(text.replace("confirmed = false", "")).scale.confirmed is True


def test_comments_part_refuses_other_keys():
    with pytest.raises(SurveyImportError, match="columns"):
        load_mapping('[dimensions]\nreliability = ["#1"]\n[comments]\ncolumn = ["x"]\n')

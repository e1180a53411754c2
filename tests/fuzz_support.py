"""Property checks shared by the fuzz tests (a small budget in the default run, a big one in benchmarks/).

Each ``check_*`` takes one generated input and asserts what must hold for
*every* input: the app either reads it or refuses it with one sentence of
its own (one line, not too long), never another exception, and a refused
workbook is left byte for byte as it was.  The strategies lean towards the
inputs that broke the first version: CR line ends, far-away cells, typos in
mappings, triggers in workbooks, newer versions, damaged pages.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import tempfile
import zipfile
from pathlib import Path

import tomli_w
from hypothesis import strategies as st

from rater_desktop.importing import SourceSpec, SurveyImportError, load_mapping, read_table, run_import
from rater_desktop.importing.mapping import Mapping, dump_mapping
from rater_desktop.importing.sheet_extent import column_letters, xlsx_extent
from rater_desktop.sentences import SENTENCE_LIMIT
from rater_desktop.storage import WorkbookError, create_workbook, open_workbook

MAPPING = '[dimensions]\nreliability = ["Q1"]\nempathy = ["#2"]\n[scale]\nnot_applicable = ["N/A"]\n'


def assert_sentence(error: BaseException) -> None:
    text = str(error)
    assert text and "\n" not in text and len(text) <= SENTENCE_LIMIT, repr(text[:200])


def scratch() -> tempfile.TemporaryDirectory:
    return tempfile.TemporaryDirectory(prefix="rater-fuzz-")


# -- CSV ------------------------------------------------------------------------

cell_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12) | st.sampled_from(
    ["", "5", "N/A", "=HYPERLINK(\"x\")", "a,b", 'say "hi"', "line\nbreak", "\r", "7,5", "Đúng", "만족"])
line_ends = st.sampled_from(["\n", "\r\n", "\r"])
encodings = st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16", "cp949"])


@st.composite
def csv_files(draw) -> tuple[bytes, list[list[str]] | None]:
    """Either a CSV written by a real CSV writer (with the cells it holds) or raw bytes."""
    if draw(st.booleans()):
        return draw(st.binary(max_size=600)), None
    import csv
    import io

    width = draw(st.integers(1, 5))
    rows = draw(st.lists(st.lists(cell_text, min_size=width, max_size=width), min_size=1, max_size=8))
    out = io.StringIO()
    csv.writer(out, lineterminator=draw(line_ends), delimiter=draw(st.sampled_from([",", ";", "\t"]))).writerows(rows)
    encoding = draw(encodings)
    try:
        return out.getvalue().encode(encoding), None
    except UnicodeEncodeError:
        return out.getvalue().encode("utf-8"), None


sources = st.builds(SourceSpec, encoding=st.sampled_from(["auto", "auto", "utf-8", "cp1252", "utf-16", "latin-1"]),
                    delimiter=st.sampled_from(["auto", "auto", ",", ";", "\t"]),
                    header_rows=st.integers(0, 3)).map(
    lambda s: SourceSpec(s.format, s.sheet, s.encoding, s.delimiter, s.header_rows, min(1, s.header_rows)))


def check_csv(data: bytes, source: SourceSpec) -> None:
    with scratch() as folder:
        path = Path(folder) / "survey.csv"
        path.write_bytes(data)
        try:
            table = read_table(path, source)
        except SurveyImportError as error:
            assert_sentence(error)
            return
        assert all(isinstance(cell, str) for row in table.rows for cell in row)
        try:
            run_import(path, load_mapping(MAPPING.replace("[dimensions]", "[source]\nheader_rows = "
                                                          f"{max(1, source.header_rows)}\n[dimensions]")))
        except SurveyImportError as error:
            assert_sentence(error)


printable = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")) | st.sampled_from("\t\n\r"),
                  max_size=12)
"""Cell text as survey tools write it (a file made of control characters is refused as binary)."""


def check_csv_round_trip(rows: list[list[str]], ending: str) -> None:
    """Cells written by Python's CSV writer come back the same, whatever the line ends."""
    import csv
    import io
    import unicodedata

    out = io.StringIO()  # every cell quoted: Python's writer leaves "\n" bare when lines end in "\r"
    csv.writer(out, lineterminator=ending, quoting=csv.QUOTE_ALL).writerows([["Q1", "Q2"], *rows])
    with scratch() as folder:
        path = Path(folder) / "s.csv"
        path.write_bytes(out.getvalue().encode("utf-8"))
        table = read_table(path, SourceSpec(delimiter=","))
    expected = [[unicodedata.normalize("NFC", cell) for cell in row] for row in rows if any(row)]
    got = [row + [""] * (2 - len(row)) for row in table.rows if any(row)]
    assert got == expected


# -- XLSX -----------------------------------------------------------------------

references = st.one_of(
    st.builds(lambda c, r: f"{column_letters(c)}{r}", st.integers(1, 8), st.integers(1, 12)),
    st.builds(lambda c, r: f"{column_letters(c)}{r}", st.integers(1, 16_384), st.integers(1, 1_048_576)),
    st.builds(lambda c, r: f"{column_letters(c).lower()}{r}", st.integers(1, 16_384), st.integers(1, 1_048_576)),
)


@st.composite
def xlsx_files(draw) -> bytes:
    """A minimal xlsx with cells at drawn places, sometimes a lying dimension, sometimes damaged bytes."""
    cells = draw(st.dictionaries(references, cell_text.map(_xml_text), min_size=0, max_size=6))
    dimension = draw(st.none() | references.map(lambda ref: f"A1:{ref}"))
    data = _xlsx_bytes(cells, dimension, quoted=draw(st.sampled_from(['"', "'"])))
    if draw(st.integers(0, 4)) == 0:  # damage a few bytes of the zip
        flips = draw(st.lists(st.tuples(st.integers(0, len(data) - 1), st.integers(0, 255)), max_size=4))
        damaged = bytearray(data)
        for where, value in flips:
            damaged[where] = value
        data = bytes(damaged)
    return data


def _xml_text(text: str) -> str:
    from xml.sax.saxutils import escape

    return escape("".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 32 and ch not in "\ufffe\uffff"))


def _xlsx_bytes(cells: dict[str, str], dimension: str | None, quoted: str = '"') -> bytes:
    data = "".join(f'<row><c r={quoted}{ref}{quoted} t="inlineStr"><is><t>{value}</t></is></c></row>'
                   for ref, value in cells.items())
    return xlsx_package(data, dimension, sheet="S")


def xlsx_package(sheet_data: str, dimension: str | None = None, sheet: str = "Answers") -> bytes:
    """The smallest xlsx Excel opens around one sheet's ``<sheetData>`` rows (and its declared dimension)."""
    import io

    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    package = "http://schemas.openxmlformats.org/package/2006/relationships"
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("[Content_Types].xml", (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'))
        book.writestr("_rels/.rels", f'<Relationships xmlns="{package}"><Relationship Id="rId1" Type="{rel}/'
                                     'officeDocument" Target="xl/workbook.xml"/></Relationships>')
        book.writestr("xl/workbook.xml", f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
                                         f'<sheet name="{sheet}" sheetId="1" r:id="rId1"/></sheets></workbook>')
        book.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{package}"><Relationship Id="rId1" '
                                                    f'Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
                                                    "</Relationships>")
        book.writestr("xl/worksheets/sheet1.xml", f'<worksheet xmlns="{main}">{dim}<sheetData>{sheet_data}'
                                                  "</sheetData></worksheet>")
    return out.getvalue()


def check_xlsx(data: bytes) -> None:
    """Read or refused with a sentence; and the measured extent is never smaller than calamine's grid."""
    with scratch() as folder:
        path = Path(folder) / "survey.xlsx"
        path.write_bytes(data)
        try:
            table = read_table(path, SourceSpec())
        except SurveyImportError as error:
            assert_sentence(error)
            return
        from python_calamine import CalamineWorkbook

        sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(table.sheet)
        top, left = sheet.start or (0, 0)
        extent = xlsx_extent(str(path), table.sheet)
        assert extent.rows >= top + sheet.height and extent.columns >= left + sheet.width


# -- mappings --------------------------------------------------------------------

KNOWN = ["source", "scale", "dimensions", "expectations", "minimum", "comments", "kpis", "format", "sheet",
         "encoding", "delimiter", "header_rows", "header_row", "type", "min", "max", "labels", "not_applicable",
         "reverse", "confirmed", "reliability", "assurance", "tangibles", "empathy", "responsiveness", "nps",
         "csat", "fcr", "columns", "headerrows", "not_aplicable", "dimension", "reliabilty"]
toml_values = st.recursive(
    st.none().map(lambda _n: "x") | st.booleans() | st.integers(-10**20, 10**20)
    | st.floats(allow_nan=True, allow_infinity=True) | st.sampled_from(["csv", "xlsx", "auto", ";", "\\t", "tab",
                                                                        "utf-8", "base64", "labels", "Q1", "#2",
                                                                        "#0", "numeric", "letters", ""])
    | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(KNOWN) | st.text(max_size=5),
                                                                 inner, max_size=4),
    max_leaves=12)
documents = st.dictionaries(st.sampled_from(KNOWN), st.dictionaries(st.sampled_from(KNOWN) | st.text(max_size=6),
                                                                    toml_values, max_size=5) | toml_values,
                            max_size=6)


@st.composite
def mapping_texts(draw) -> str | bytes:
    if draw(st.integers(0, 5)) == 0:
        return draw(st.binary(max_size=300))
    try:
        text = tomli_w.dumps(draw(documents))
    except (TypeError, ValueError):
        text = draw(st.text(max_size=300))
    if draw(st.booleans()):
        text = draw(st.sampled_from(["\ufeff", "", "[[[[[[", "x = " + "[" * 600 + "]" * 600 + "\n"])) + text
    return text


def check_mapping(text: str | bytes) -> None:
    with scratch() as folder:
        if isinstance(text, bytes):
            path = Path(folder) / "map.toml"
            path.write_bytes(text)
            source = path
        else:
            source = text
        try:
            mapping = load_mapping(source)
        except SurveyImportError as error:
            assert_sentence(error)
            return
    assert isinstance(mapping, Mapping)
    assert load_mapping(dump_mapping(mapping)) == mapping  # what a workbook keeps reads back the same


# -- workbooks -------------------------------------------------------------------

STATEMENTS = [
    "CREATE TRIGGER t AFTER INSERT ON surveys BEGIN DELETE FROM grades; END",
    "CREATE VIEW v AS SELECT * FROM grades",
    "CREATE TABLE extra (x)",
    "CREATE INDEX i ON grades(note)",
    "DROP TABLE actions",
    "DROP INDEX grades_criterion",
    "ALTER TABLE participants ADD COLUMN x TEXT",
    "PRAGMA user_version = 0",
    "PRAGMA user_version = 1",
    "PRAGMA user_version = 99",
    "PRAGMA user_version = -3",
    "PRAGMA application_id = 7",
    "UPDATE organisation SET name = CAST(x'ff41' AS TEXT)",
    "INSERT INTO settings VALUES ('weights', '[[[[[[[[[[')",
    "UPDATE grades SET grade = 'Z'",
    "DELETE FROM _sqlite_migrations",
    "PRAGMA journal_mode = WAL",
]


@st.composite
def damaged_workbooks(draw, template: bytes) -> tuple[list[str], list[tuple[int, int]], int | None, bytes | None]:
    statements = draw(st.lists(st.sampled_from(STATEMENTS), max_size=3))
    flips = draw(st.lists(st.tuples(st.integers(0, len(template) - 1), st.integers(0, 255)), max_size=3))
    cut = draw(st.none() | st.integers(0, len(template)))
    journal = draw(st.none() | st.binary(min_size=1, max_size=600))
    return statements, flips, cut, journal


def workbook_template() -> bytes:
    with scratch() as folder:
        path = Path(folder) / "t.rater"
        with create_workbook(path, "Acme", framework=[
                {"dimension": "empathy", "text": "We listen.", "builtin_key": "e1"},
                {"dimension": "reliability", "text": "We keep promises.", "builtin_key": "r1"}]) as book:
            first = book.latest_assessment_id()
            person = book.add_participant(first, "Lan")
            for criterion in book.criteria():
                book.set_grade(person, criterion.id, "B", "note")
        return path.read_bytes()


def _digests(path: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(path.parent.iterdir())
            if p.is_file()}


def check_workbook(template: bytes, case, read_only: bool) -> None:
    statements, flips, cut, journal = case
    with scratch() as folder:
        path = Path(folder) / "client.rater"
        path.write_bytes(template)
        conn = sqlite3.connect(path)
        for statement in statements:
            try:
                conn.execute(statement)
                conn.commit()
            except sqlite3.Error:
                pass
        code = {row[0] for row in conn.execute("SELECT type FROM sqlite_master")}
        conn.close()
        data = bytearray(path.read_bytes())
        for where, value in flips:
            if where < len(data):
                data[where] = value
        path.write_bytes(bytes(data[:cut] if cut is not None else data))
        if journal is not None:
            Path(f"{path}-journal").write_bytes(journal)
        before = _digests(path)
        try:
            book = open_workbook(path, read_only=read_only)
        except WorkbookError as error:
            assert_sentence(error)
            assert _digests(path) == before, "a refused workbook was changed"
            return
        with book:
            assert not code & {"trigger", "view"}, "a workbook holding code was opened"
            try:
                for assessment in book.assessments():
                    book.read_assessment(assessment.id)
            except WorkbookError as error:  # pages damaged past what quick_check looks at
                assert_sentence(error)
        if read_only:
            assert _digests(path) == before, "a workbook opened read-only was changed"
        shutil.rmtree(folder, ignore_errors=True)

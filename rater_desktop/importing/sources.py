"""Reading survey exports (CSV and XLSX) into header rows and data records.

Files come from many tools and many machines, so nothing about them is
trusted: the encoding is taken from a BOM, the mapping, a strict UTF-8 check
or, last, charset-normalizer (then flagged as unsure so the wizard can ask);
the delimiter is sniffed from the first records; cells are plain text and are
never evaluated, whatever they look like (``=HYPERLINK(...)``, ``<b>``).

:func:`open_source` streams records for the import engine (memory stays flat
on big files); :func:`read_table` and :func:`preview` collect them for people.
"""

from __future__ import annotations

import codecs
import csv
import io
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from rater_desktop.i18n import _
from rater_desktop.importing.errors import ImportCancelled, SurveyImportError
from rater_desktop.importing.mapping import SourceSpec

XLSX_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"
_CHUNK = 1 << 20
_SNIFF_CHARS = 64 * 1024
_SURE = 0.8
"""charset-normalizer coherence below which we ask the user about the encoding"""
CANCEL_EVERY = 1024
"""records between two looks at the cancel callback"""

csv.field_size_limit(1 << 24)  # long free-text answers are legitimate


@dataclass
class Table:
    """A survey file as parsed: what the wizard previews and maps.

    ``rows[i]`` is spreadsheet row ``len(header_rows) + i + 1``.
    """

    headers: list[str]
    """column names from the chosen header row ('' where that cell is empty)"""
    header_rows: list[list[str]]
    rows: list[list[str]] = field(default_factory=list)
    format: str = "csv"
    encoding: str | None = None
    encoding_confidence: float = 1.0
    encoding_certain: bool = True
    """False when the encoding was guessed and the user should confirm it"""
    delimiter: str | None = None
    sheet: str | None = None
    sheet_names: list[str] = field(default_factory=list)
    note: str | None = None
    """"xlsx_is_text" when a file named .xlsx was really read as CSV text"""


@dataclass
class Stream:
    """An open source: the header part plus an iterator over data records."""

    table: Table
    """headers and reading details (``rows`` stays empty)"""
    records: Iterator[list[str]]
    position: Callable[[], tuple[int, int]]
    """progress as (done, total) in bytes (CSV) or records (XLSX)"""


def nfc(text: str) -> str:
    """NFC-normalise; ASCII (the common case) is returned untouched, cheaply."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def _error(code: str, text: str, **params: object) -> SurveyImportError:
    return SurveyImportError(code, text.format(**params), **params)


def source_format(path: Path, spec: SourceSpec) -> str:
    """The format named by the mapping, else by the file name."""
    if spec.format:
        return spec.format
    return "xlsx" if path.suffix.lower() in XLSX_SUFFIXES else "csv"


def detect_encoding(path: Path, declared: str = "auto") -> tuple[str, float, bool]:
    """(codec, confidence 0-1, certain) for a text file.

    A BOM wins over everything, then a declared encoding, then UTF-8 when the
    whole file decodes strictly; only then is charset-normalizer asked. Among
    its near-equal guesses (or guesses that read the bytes the same way) cp1252
    is preferred, because a mostly-ASCII file
    with a few stray high bytes is far more often a Windows export than, say,
    HP Roman-8; the guess is reported as unsure so the user can confirm.
    """
    with path.open("rb") as f:
        head = f.read(4)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", 1.0, True
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", 1.0, True
    if declared != "auto":
        try:
            return codecs.lookup(declared).name, 1.0, True
        except LookupError:
            raise _error("unknown_encoding", _("The mapping names an unknown encoding \"{enc}\"."),
                         enc=declared) from None
    sample = _utf8_failure_sample(path)
    if sample is None:
        return "utf-8", 1.0, True
    from charset_normalizer import from_bytes

    matches = list(from_bytes(sample))
    if not matches:
        raise _error("decode_failed",
                     _("{file} is not text in any encoding we recognise; choose one."),
                     file=path.name)
    best = matches[0]
    try:
        as_cp1252 = sample.decode("cp1252")
    except UnicodeDecodeError:
        as_cp1252 = None
    same = next((m for m in matches if m.chaos <= best.chaos + 0.02 and as_cp1252 is not None
                 and (m.encoding == "cp1252" or str(m) == as_cp1252)), None)
    chosen = same or best
    confidence = round(float(chosen.coherence), 3)
    return ("cp1252" if same else best.encoding), confidence, confidence >= _SURE


def _utf8_failure_sample(path: Path) -> bytes | None:
    """None when the file is valid UTF-8, else bytes to guess the encoding from.

    The sample is the start of the file plus the chunk where UTF-8 failed, so a
    single odd byte deep in a big file still reaches the detector.
    """
    decoder = codecs.getincrementaldecoder("utf-8")()
    first = b""
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            first = first or chunk
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                return first if chunk is first else first + chunk
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return first
    return None


def sniff_delimiter(sample: str) -> str:
    """The delimiter among , ; tab that splits the first records most evenly.

    Scored by (share of records with the most common width, that width), so a
    comma inside quoted free text does not beat a real semicolon layout.
    """
    cut = sample.rfind("\n")
    sample = sample[:cut] if cut > 0 else sample
    best, best_score = ",", (0.0, 0)
    for delimiter in (",", ";", "\t"):
        widths = [len(r) for r, _i in zip(csv.reader(io.StringIO(sample), delimiter=delimiter),
                                           range(30)) if r]
        if not widths:
            continue
        mode = max(set(widths), key=widths.count)
        score = (widths.count(mode) / len(widths), mode) if mode > 1 else (0.0, 1)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _split_header(records: Iterator[list[str]], spec: SourceSpec, path: Path,
                  **details: object) -> tuple[Table, Iterator[list[str]]]:
    header_rows = []
    for _i in range(spec.header_rows):
        row = next(records, None)
        if row is None:
            break
        header_rows.append([nfc(cell).strip() for cell in row])
    if not header_rows and spec.header_rows:
        raise _error("empty_file", _("{file} is empty."), file=path.name)
    if len(header_rows) < spec.header_rows:
        raise _error("no_data", _("{file} has only {n} of the {m} header rows and no data."),
                     file=path.name, n=len(header_rows), m=spec.header_rows)
    width = max((len(r) for r in header_rows), default=0)
    names = header_rows[spec.header_row - 1] if spec.header_rows else []
    headers = names + [""] * (width - len(names))
    return Table(headers, header_rows, **details), records


@contextmanager
def open_source(path: Path | str, spec: SourceSpec) -> Iterator[Stream]:
    """Open a survey file for streaming; raises SurveyImportError with one sentence."""
    path = Path(path)
    if not path.is_file():
        raise _error("no_file", _("{file} does not exist or is not a file."), file=path.name)
    if source_format(path, spec) == "xlsx":
        with path.open("rb") as f:
            head = f.read(4096)
        if head.startswith((_ZIP_MAGIC, _OLE_MAGIC)):
            yield _open_workbook(path, spec)
            return
        if not head or b"\x00" in head:
            raise _error("not_workbook", _("{file} is not a spreadsheet workbook."),
                         file=path.name)
        with _open_csv(path, spec, note="xlsx_is_text") as stream:
            yield stream
        return
    with _open_csv(path, spec) as stream:
        yield stream


@contextmanager
def _open_csv(path: Path, spec: SourceSpec, note: str | None = None) -> Iterator[Stream]:
    if path.stat().st_size == 0:
        raise _error("empty_file", _("{file} is empty."), file=path.name)
    encoding, confidence, certain = detect_encoding(path, spec.encoding)
    total = path.stat().st_size
    with path.open("rb") as raw:
        text = io.TextIOWrapper(raw, encoding=encoding, newline="")
        try:
            delimiter = spec.delimiter
            if delimiter == "auto":
                try:
                    sample = text.read(_SNIFF_CHARS)
                except UnicodeDecodeError:
                    raise _decode_error(path, encoding) from None
                delimiter = sniff_delimiter(sample)
                text.seek(0)
            records = _guard_decoding(csv.reader(text, delimiter=delimiter), path, encoding)
            table, data = _split_header(records, spec, path, format="csv", encoding=encoding,
                                        encoding_confidence=confidence,
                                        encoding_certain=certain, delimiter=delimiter,
                                        note=note)
            yield Stream(table, data, lambda: (raw.tell(), total))
        finally:
            text.detach()


def _decode_error(path: Path, encoding: str) -> SurveyImportError:
    return _error("decode_failed", _("{file} is not valid {enc} text; choose its encoding."),
                  file=path.name, enc=encoding)


def _guard_decoding(reader: Iterator[list[str]], path: Path,
                    encoding: str) -> Iterator[list[str]]:
    """Turn a decoding or CSV failure mid-file into one plain sentence."""
    try:
        yield from reader
    except UnicodeDecodeError:
        raise _decode_error(path, encoding) from None
    except csv.Error as exc:
        raise _error("bad_csv", _("{file} is not a readable CSV file ({why})."),
                     file=path.name, why=str(exc)) from None


def _cell_text(value: object) -> str:
    """A spreadsheet cell as the text a CSV export of it would hold."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    return str(value)


def _open_workbook(path: Path, spec: SourceSpec) -> Stream:
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
        names = list(book.sheet_names)
        sheet = spec.sheet or (names[0] if names else None)
        if sheet not in names:
            raise _error("no_sheet", _("{file} has no sheet \"{sheet}\"; its sheets are: {names}."),
                         file=path.name, sheet=spec.sheet, names=", ".join(names))
        cells = book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
    except SurveyImportError:
        raise
    except Exception as exc:  # calamine raises its own types for damaged files
        raise _error("not_workbook", _("{file} is not a readable workbook ({why})."),
                     file=path.name, why=str(exc)) from None
    done = [0]

    def records() -> Iterator[list[str]]:
        for row in cells:
            done[0] += 1
            yield [_cell_text(v) for v in row]

    table, data = _split_header(records(), spec, path, format="xlsx", sheet=sheet,
                                sheet_names=names)
    return Stream(table, data, lambda: (done[0], len(cells)))


def read_table(path: Path | str, source: SourceSpec, *,
               cancel: Callable[[], bool] | None = None, limit: int | None = None) -> Table:
    """The whole file (or its first ``limit`` data rows) parsed, cells NFC-normalised."""
    with open_source(path, source) as stream:
        rows = stream.table.rows
        for i, record in enumerate(stream.records):
            if limit is not None and i >= limit:
                break
            if cancel and not i % CANCEL_EVERY and cancel():
                raise ImportCancelled("cancelled", _("The import was cancelled."))
            rows.append([nfc(cell) for cell in record])
        return stream.table


def preview(path: Path | str, source: SourceSpec, n: int = 20) -> Table:
    """The first ``n`` data rows, exactly as the import will parse them."""
    return read_table(path, source, limit=n)

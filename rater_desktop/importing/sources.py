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
from pathlib import Path

from rater_desktop.i18n import N_, _
from rater_desktop.importing.errors import ImportCancelled, SurveyImportError, import_error
from rater_desktop.importing.mapping import SourceSpec
from rater_desktop.importing.sheets import open_sheet
from rater_desktop.importing.text_readings import east_asian_inside_latin_words

XLSX_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"
_CHUNK = 1 << 20
_SNIFF_CHARS = 64 * 1024
_SURE = 0.8
"""charset-normalizer coherence below which we ask the user about the encoding"""
CANCEL_EVERY = 1024
"""records between two looks at the cancel callback"""

MAX_CELL_CHARS = 1 << 24
"""Longest cell read (long free-text answers are legitimate)."""
MAX_COLUMNS = 16_384
"""Cells per row, as in Excel; empty cells past it (trailing commas) are dropped, others refused."""
MAX_TEXT_BYTES = 1 << 30
"""Largest CSV file read; bigger ones are refused with a sentence before any work."""
_ZERO_SAMPLE = 4096
"""bytes looked at for the zero bytes of UTF-16/32 text without a BOM"""
_BOM_DEPENDENT = ("utf-16", "utf-32")
"""Codecs that need a BOM to know their byte order; without one it is worked out from the bytes."""
_BINARY_KINDS = (
    (b"%PDF", N_("a PDF document")),
    (b"\x89PNG", N_("a picture")),
    (b"\xff\xd8\xff", N_("a picture")),
    (b"GIF8", N_("a picture")),
    (b"SQLite format 3\x00", N_("a database")),
    (b"PK\x03\x04", N_("a zip archive or an Office document")),
    (b"\xd0\xcf\x11\xe0", N_("an Office document")),
)
"""What a file that is not text most often is, by its first bytes."""

csv.field_size_limit(MAX_CELL_CHARS)


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
    HP Roman-8. The guess is certain when no other near-equal guess reads the
    bytes differently (a Korean cp949 file has no rival); otherwise it is
    reported as unsure so the user can confirm.
    """
    with path.open("rb") as f:
        head = f.read(4)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", 1.0, True
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32", 1.0, True
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", 1.0, True
    if declared != "auto":
        return _declared_codec(path, declared), 1.0, True
    with path.open("rb") as f:
        head = f.read(_ZERO_SAMPLE)
    if (wide := _utf16_without_bom(head)) is not None:
        return wide, 1.0, True
    sample = _utf8_failure_sample(path)
    if sample is None:
        return "utf-8", 1.0, True
    from charset_normalizer import from_bytes

    matches = list(from_bytes(sample))
    if not matches:
        raise import_error("decode_failed",
                           _("{file} is not text in any encoding we recognise; choose one."),
                           file=path.name)
    best = matches[0]
    try:
        as_cp1252 = sample.decode("cp1252")
    except UnicodeDecodeError:
        as_cp1252 = None
    # Also a little messier, when it fits the language better: French cp1252 exports measured 0.035 more
    # mess in cp1252 than in Latin-6, which read "Très" as "Tčs" (coherence 0.82 against 0.73).
    same = next((m for m in matches if as_cp1252 is not None and (m.encoding == "cp1252" or str(m) == as_cp1252)
                 and (m.chaos <= best.chaos + 0.02
                      or m.chaos <= best.chaos + 0.05 and m.coherence > best.coherence)), None)
    if same is None and as_cp1252 is not None and east_asian_inside_latin_words(str(best)):
        return "cp1252", 0.0, False  # a Western file, not a Korean one: shown, for the person to confirm
    chosen = same or best
    text = as_cp1252 if same else str(best)
    # A reading with no mess at all outranks one with some: Korean cp949 text read as gb18030 is
    # a little messy (0.06), and counting it as a rival reported a right guess as unsure.
    rivals = [m for m in matches if m.chaos <= best.chaos + 0.1 and str(m) != text
              and not (best.chaos == 0 and m.chaos > 0)]
    alone = not rivals and best.chaos <= 0.15
    confidence = round(max(float(chosen.coherence), 1.0 - float(best.chaos) if alone else 0.0), 3)
    return ("cp1252" if same else best.encoding), confidence, alone or confidence >= _SURE


def _declared_codec(path: Path, declared: str) -> str:
    """The codec the mapping names, checked: known, a text codec, and for UTF-16/32 an order from the bytes."""
    try:
        info = codecs.lookup(declared)
    except LookupError:
        raise import_error("unknown_encoding", _("The mapping names an unknown encoding \"{enc}\"."),
                           enc=declared) from None
    if not getattr(info, "_is_text_encoding", True):
        raise import_error("unknown_encoding",
                           _("\"{enc}\" is not a text encoding; choose one such as utf-8 or cp1252."),
                           enc=declared)
    if info.name not in _BOM_DEPENDENT:
        return info.name
    with path.open("rb") as f:
        head = f.read(_ZERO_SAMPLE)
    order = _byte_order(head, 2 if info.name == "utf-16" else 4)
    if order is None:  # no run of zero bytes: this is not UTF-16/32 at all
        raise _decode_error(path, info.name)
    return f"{info.name}-{order}"


def _byte_order(head: bytes, width: int) -> str | None:
    """"le" or "be" from where the zero bytes of mostly-Latin UTF-16/32 text fall, else None.

    Latin letters, digits and the commas of a CSV are one byte with zeros
    beside it, so one end of every unit is mostly zeros and the other rarely.
    """
    first, last = head[0::width].count(0), head[width - 1::width].count(0)
    if not max(first, last) or max(first, last) < len(head) // (8 * width) or min(first, last) * 4 > max(first, last):
        return None
    return "be" if first > last else "le"


def _utf16_without_bom(head: bytes) -> str | None:
    """The UTF-16 codec of a file without a BOM, when its zero bytes say so and it decodes cleanly.

    Strict UTF-8 takes zero bytes as text, so without this a UTF-16 file would be
    read as UTF-8 full of NULs: labels with a NUL between letters, no column found.
    """
    order = _byte_order(head, 2)
    if order is None:
        return None
    codec = f"utf-16-{order}"
    try:  # incremental: the sample may end inside a character
        text = codecs.getincrementaldecoder(codec)().decode(head, final=False)
    except UnicodeDecodeError:
        return None
    control = sum(1 for ch in text if ch < " " and ch not in "\t\r\n")
    return codec if "\x00" not in text and control * 20 <= len(text) else None


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
    cut = max(sample.rfind("\n"), sample.rfind("\r"))  # classic Mac files end lines with CR alone
    sample = sample[:cut] if cut > 0 else sample
    best, best_score = ",", (0.0, 0)
    for delimiter in (",", ";", "\t"):
        try:
            widths = [len(r) for r, _i in zip(csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter),
                                               range(30)) if r]
        except csv.Error:  # a NUL or a field too long: this delimiter tells nothing
            continue
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
        raise import_error("empty_file", _("{file} is empty."), file=path.name)
    if len(header_rows) < spec.header_rows:
        raise import_error("no_data", _("{file} has only {n} of the {m} header rows and no data."),
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
        raise import_error("no_file", _("{file} does not exist or is not a file."), file=path.name)
    if source_format(path, spec) == "xlsx":
        with path.open("rb") as f:
            head = f.read(4096)
        if head.startswith((_ZIP_MAGIC, _OLE_MAGIC)):
            yield _open_workbook(path, spec)
            return
        if head:
            _refuse_binary(path, known_kinds_only=True)  # a PDF or a picture named .xlsx is named for what it is
        if not head or b"\x00" in head:
            raise import_error("not_workbook", _("{file} is not a spreadsheet workbook."),
                               file=path.name)
        with _open_csv(path, spec, note="xlsx_is_text") as stream:
            yield stream
        return
    with _open_csv(path, spec) as stream:
        yield stream


def _refuse_binary(path: Path, *, known_kinds_only: bool = False) -> None:
    """A PDF, a picture or a database chosen by mistake is named as such, not asked about its encoding."""
    with path.open("rb") as f:
        head = f.read(8192)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF8)):
        return
    kind = next((kind for magic, kind in _BINARY_KINDS if head.startswith(magic)), None)
    if kind is None and not known_kinds_only and _mostly_control_bytes(head):
        kind = N_("a binary file")
    if kind is not None:
        raise import_error("not_text", _("{file} is not a survey export: it looks like {kind}. Export the "
                                         "survey as a CSV or Excel file and choose that."),
                           file=path.name, kind=_(kind))


def _mostly_control_bytes(head: bytes) -> bool:
    """More than 5 % control bytes (and at least 16), not the every-other-byte zeros of UTF-16 without a BOM.

    A stray NUL or two in a real export stays readable; a program or a picture does not.
    """
    if _utf16_without_bom(head):
        return False
    control = sum(head.count(bytes([b])) for b in (*range(0, 9), *range(14, 32), 127))
    return control >= 16 and control * 20 > len(head)


@contextmanager
def _open_csv(path: Path, spec: SourceSpec, note: str | None = None) -> Iterator[Stream]:
    total = path.stat().st_size
    if total == 0:
        raise import_error("empty_file", _("{file} is empty."), file=path.name)
    if total > MAX_TEXT_BYTES:
        raise import_error("too_large", _("{file} is larger than {limit} MB; split it into smaller files."),
                           file=path.name, limit=MAX_TEXT_BYTES >> 20)
    if spec.encoding == "auto":
        _refuse_binary(path)
    encoding, confidence, certain = detect_encoding(path, spec.encoding)
    with path.open("rb") as raw:
        text = io.TextIOWrapper(raw, encoding=encoding, newline="")
        try:
            delimiter = spec.delimiter
            if delimiter == "auto":
                try:
                    sample = text.read(_SNIFF_CHARS)
                except UnicodeError:
                    raise _decode_error(path, encoding) from None
                delimiter = sniff_delimiter(sample)
                text.seek(0)
            records = _within_limits(_guard_decoding(csv.reader(text, delimiter=delimiter), path, encoding), path)
            table, data = _split_header(records, spec, path, format="csv", encoding=encoding,
                                        encoding_confidence=confidence,
                                        encoding_certain=certain, delimiter=delimiter,
                                        note=note)
            yield Stream(table, data, lambda: (raw.tell(), total))
        finally:
            text.detach()


def _decode_error(path: Path, encoding: str) -> SurveyImportError:
    return import_error("decode_failed", _("{file} is not valid {enc} text; choose its encoding."),
                  file=path.name, enc=encoding)


def _guard_decoding(reader: Iterator[list[str]], path: Path,
                    encoding: str) -> Iterator[list[str]]:
    """Turn a decoding or CSV failure mid-file into one plain sentence."""
    try:
        yield from reader
    except UnicodeError:
        raise _decode_error(path, encoding) from None
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise import_error("too_large", _("{file} has a cell longer than {limit} characters."),
                               file=path.name, limit=MAX_CELL_CHARS) from None
        raise import_error("bad_csv", _("{file} is not a readable CSV file ({why})."),
                           file=path.name, why=str(exc)) from None


def _within_limits(records: Iterator[list[str]], path: Path) -> Iterator[list[str]]:
    """Rows of at most MAX_COLUMNS cells: empty ones beyond it are dropped, others refused.

    A header row padded with a million commas would otherwise make every
    column look-up, the preview and the import as slow as its width.
    """
    for number, row in enumerate(records, start=1):
        if len(row) > MAX_COLUMNS:
            if any(row[MAX_COLUMNS:]):
                raise import_error("too_wide", _("Row {row} of {file} has more than {limit} cells."),
                                   row=number, file=path.name, limit=MAX_COLUMNS)
            del row[MAX_COLUMNS:]
        yield row


def _open_workbook(path: Path, spec: SourceSpec) -> Stream:
    sheet = open_sheet(path, spec.sheet)
    table, data = _split_header(_within_limits(sheet.records, path), spec, path, format="xlsx",
                                sheet=sheet.name, sheet_names=sheet.names)
    return Stream(table, data, sheet.position)


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

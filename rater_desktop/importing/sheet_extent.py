"""How big a grid an ``.xlsx`` sheet really spans, found before python-calamine builds it.

python-calamine (through calamine) turns a sheet into a dense grid from its
top-left to its bottom-right cell: a 1.5 KB file with cells at ``A1`` and
``XFD1048576`` asks for 512 GiB and the process aborts, with no exception to
catch.  So the sheet's XML is streamed first (it is compressed; reading it is
a fraction of calamine's own time) and the grid's size is bounded without
Python work per cell:

1. the ``<dimension ref="A1:BH1001"/>`` a writer puts at the top is taken as a
   hypothesis (every common writer puts a true one there), unless it claims
   more than the caller would read (a writer may declare the whole sheet);
2. one regular-expression search per chunk looks for any cell reference
   beyond it, any reference written in an unusual way, or any cell or row
   without a reference (its place is then implied by its neighbours);
3. only when the hypothesis is missing or broken are all references read
   (about 70 % of calamine's time on a big sheet, and such files are rare).

The result is an upper bound: calamine's grid is never larger.
"""

from __future__ import annotations

import html
import re
import zipfile
from dataclasses import dataclass

CHUNK = 1 << 22
MAX_UNZIPPED = 2 << 30
"""Bytes all parts of a workbook may hold once unzipped: beyond it, a zip bomb or too big to read."""
_REF = re.compile(rb' r="([A-Z]{1,3})0*([0-9]{1,9})"', re.IGNORECASE)
_SPACED_REF = re.compile(rb" r(?:\s+=|=\s*'|=\s+)")
_BROKEN_LINE_REF = re.compile(rb"[\t\n\r]r\s*=")
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="([A-Z]{1,3})0*([0-9]{1,9})(?::([A-Z]{1,3})0*([0-9]{1,9}))?"',
                        re.IGNORECASE)
_ROW_START = re.compile(rb"<(?:\w+:)?row[\s>/]")
_SHEET = re.compile(rb"<(?:\w+:)?sheet\s[^>]*>")
_RELATION = re.compile(rb"<(?:\w+:)?Relationship\s[^>]*>")
_ATTRIBUTE = re.compile(rb'([\w:]+)\s*=\s*"([^"]*)"')


@dataclass(frozen=True)
class Extent:
    rows: int
    columns: int

    @property
    def cells(self) -> int:
        return self.rows * self.columns

    def corner(self) -> str:
        """The bottom-right cell in A1 notation (for the sentence that refuses it)."""
        return f"{column_letters(self.columns)}{self.rows}"


def column_number(letters: bytes | str) -> int:
    text = letters.decode("ascii") if isinstance(letters, bytes) else letters
    number = 0
    for letter in text.upper():
        number = number * 26 + ord(letter) - 64
    return number


def column_letters(number: int) -> str:
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters or "A"


def unzipped_size(path: str) -> int:
    """Bytes all parts of a zip file claim to hold once unzipped (each part's header says)."""
    with zipfile.ZipFile(path) as book:
        return sum(info.file_size for info in book.infolist())


def xlsx_extent(path: str, sheet: str | None, trusted_cells: int | None = None) -> Extent:
    """An upper bound of the grid calamine will build for ``sheet`` (None = the first) of an xlsx/xlsm file.

    A declared span of more than ``trusted_cells`` is not taken on trust: the
    cells that exist are counted instead, so a file whose writer declared the
    whole sheet (``A1:XFD1048576``) around a few answers is judged by those.
    Raises ``zipfile.BadZipFile``/``KeyError`` for a damaged file (calamine,
    which has read it first, says the same in its own words).
    """
    with zipfile.ZipFile(path) as book:
        parts = _sheet_parts(book, sheet)
        found = [_part_extent(book, part, trusted_cells) for part in parts]
    return Extent(max((e.rows for e in found), default=0), max((e.columns for e in found), default=0))


def _sheet_parts(book: zipfile.ZipFile, sheet: str | None) -> list[str]:
    """The XML part holding ``sheet``; every worksheet part when that cannot be worked out."""
    names = set(book.namelist())
    every = sorted(name for name in names if re.search(r"(?i)worksheets/[^/]+\.xml$", name))
    try:
        sheets = [_attributes(tag) for tag in _SHEET.findall(book.read("xl/workbook.xml"))]
        targets = {attrs.get("Id"): attrs.get("Target", "")
                   for attrs in map(_attributes, _RELATION.findall(book.read("xl/_rels/workbook.xml.rels")))}
    except KeyError:
        return every
    chosen = next((attrs for attrs in sheets if sheet is None or attrs.get("name") == sheet), None)
    relation = next((value for key, value in (chosen or {}).items() if key.endswith("id") and ":" in key), None)
    target = targets.get(relation)
    if not target:
        return every
    part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    return [part] if part in names else every


def _attributes(tag: bytes) -> dict[str, str]:
    return {key.decode("utf-8", "replace"): html.unescape(value.decode("utf-8", "replace"))
            for key, value in _ATTRIBUTE.findall(tag)}


def _part_extent(book: zipfile.ZipFile, part: str, trusted_cells: int | None) -> Extent:
    guess = _claimed_extent(book, part)
    if guess is not None and (trusted_cells is None or guess.cells <= trusted_cells) \
            and _nothing_beyond(book, part, guess):
        return guess
    return _counted_extent(book, part)


def _chunks(book: zipfile.ZipFile, part: str):
    """The part's XML in chunks that never split a tag (each ends before its last '<')."""
    tail = b""
    with book.open(part) as stream:
        while block := stream.read(CHUNK):
            block = tail + block
            cut = block.rfind(b"<")
            cut = cut if cut > 0 else len(block)
            tail, block = block[cut:], block[:cut]
            yield block
    if tail:
        yield tail


def _claimed_extent(book: zipfile.ZipFile, part: str) -> Extent | None:
    with book.open(part) as stream:
        head = stream.read(1 << 16)
    found = _DIMENSION.search(head)
    if found is None:
        return None
    first, row, last, last_row = found.groups()
    return Extent(int(last_row or row), column_number(last or first))


def _unusual_reference(chunk: bytes) -> bool:
    """A reference written other than `` r="…"`` (a tab before it, spaces, single quotes): counted the slow way."""
    if (b"\tr" in chunk or b"\nr" in chunk or b"\rr" in chunk) and _BROKEN_LINE_REF.search(chunk):
        return True
    return _SPACED_REF.search(chunk) is not None


def _beyond(extent: Extent) -> re.Pattern[bytes]:
    """A reference (`` r="BI7"``) with a column or a row past ``extent``.

    Letters are matched in both cases by hand: the IGNORECASE flag would make
    the search several times slower on a big sheet.
    """
    columns = _greater_letters(column_letters(extent.columns))
    rows = _greater_number(extent.rows)
    return re.compile(rb' r="(?:(?:' + columns + rb")[0-9]|[A-Za-z]{1,3}0*(?:" + rows + rb'))')


def _greater_letters(letters: str) -> bytes:
    """Column letters (either case) that come after ``letters`` (more letters, or as many and later)."""
    def either(letter: str) -> str:
        return f"[{letter}{letter.lower()}]"

    choices = [f"[A-Za-z]{{{len(letters) + 1},}}"]
    for i, letter in enumerate(letters):
        if letter != "Z":
            after = chr(ord(letter) + 1)
            choices.append("".join(map(either, letters[:i])) + f"[{after}-Z{after.lower()}-z]"
                           + f"[A-Za-z]{{{len(letters) - i - 1}}}")
    return "|".join(choices).encode()


def _greater_number(number: int) -> bytes:
    """Decimal numbers (no leading zeros) above ``number``."""
    digits = str(number)
    choices = [f"[1-9][0-9]{{{len(digits)},}}"]
    for i, digit in enumerate(digits):
        if digit != "9":
            choices.append(digits[:i] + f"[{int(digit) + 1}-9]" + f"[0-9]{{{len(digits) - i - 1}}}")
    return ("(?:" + "|".join(choices) + ")(?![0-9])").encode()


_CELL_TAGS = (b"<c ", b"<c>", b"<c/", b":c ")
_ROW_TAGS = (b"<row", b":row ")


def _unreferenced(chunk: bytes) -> bool:
    """Some cell or row tag in ``chunk`` has no `` r="…"`` (its place is implied by its neighbours)."""
    tags = sum(chunk.count(tag) for tag in (*_CELL_TAGS, *_ROW_TAGS))
    return tags > chunk.count(b' r="')


def _nothing_beyond(book: zipfile.ZipFile, part: str, extent: Extent) -> bool:
    """No cell past ``extent``, no reference written unusually, no cell or row placed by its neighbours."""
    beyond = _beyond(extent)
    for chunk in _chunks(book, part):
        if beyond.search(chunk) or _unusual_reference(chunk) or _unreferenced(chunk):
            return False
    return True


def _counted_extent(book: zipfile.ZipFile, part: str) -> Extent:
    """Every reference read; where tags lack one, each row and cell counted as if it began a new one."""
    rows = columns = loose_rows = widest_row = 0
    for chunk in _chunks(book, part):
        found = _REF.findall(chunk)
        if found:
            columns = max(columns, max(column_number(letters) for letters in {c for c, _r in found}))
            rows = max(rows, max(int(number) for number in {r for _c, r in found}))
        if _unreferenced(chunk):
            segments = _ROW_START.split(chunk)
            loose_rows += len(segments) - 1
            widest_row = max(widest_row, max(sum(s.count(tag) for tag in _CELL_TAGS) for s in segments))
        if _unusual_reference(chunk):
            rows, columns = max(rows, 1 << 20), max(columns, 1 << 14)  # written so that only calamine knows
    return Extent(rows + loose_rows, columns + widest_row)

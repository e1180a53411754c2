"""Spreadsheet workbooks (xlsx, xlsm, xls, xlsb, ods) read with python-calamine, within limits.

Cells are turned into the text a CSV export would hold, row by row, so a
big sheet is never held twice as Python objects.  Before calamine builds its
grid, an ``.xlsx``/``.xlsm`` sheet's true span is measured (see
``sheet_extent``): a grid above :data:`MAX_GRID_CELLS` is refused with one
sentence instead of letting one far-away cell abort the whole program.
Other formats are checked once calamine has read them (their own limits —
65,536 × 256 cells for ``.xls`` — keep the grid bounded).
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from rater_desktop.i18n import _
from rater_desktop.importing import sheet_extent
from rater_desktop.importing.errors import SurveyImportError, import_error
from rater_desktop.importing.sheet_extent import Extent, column_letters, unzipped_size, xlsx_extent

MAX_GRID_CELLS = 10_000_000
"""Cells of the grid between A1 and a sheet's last cell: 100,000 answers to 100 questions."""
ZIP_MAGIC = b"PK\x03\x04"


@dataclass
class Sheet:
    """One sheet opened for reading: its rows as text, and where reading stands."""

    name: str
    names: list[str]
    records: Iterator[list[str]]
    position: Callable[[], tuple[int, int]]


def cell_text(value: object) -> str:
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


def open_sheet(path: Path, wanted: str | None) -> Sheet:
    """The chosen sheet (default: the first) of a workbook file; SurveyImportError with one sentence otherwise."""
    from python_calamine import CalamineWorkbook

    zipped = _is_zip(path)
    if zipped:
        _refuse_zip_bomb(path)  # before calamine unzips the shared strings
    try:
        book = CalamineWorkbook.from_path(str(path))
        names = list(book.sheet_names)
        name = wanted or (names[0] if names else None)
        if name not in names:
            raise import_error("no_sheet", _("{file} has no sheet \"{sheet}\"; its sheets are: {names}."),
                               file=path.name, sheet=wanted or "", names=", ".join(names))
        if zipped:
            _refuse_large(path, _zip_extent(path, name))
        sheet = book.get_sheet_by_name(name)
    except SurveyImportError:
        raise
    except Exception as exc:  # calamine raises its own types for damaged files
        raise import_error("not_workbook", _("{file} is not a readable workbook ({why})."),
                           file=path.name, why=str(exc)) from None
    top, left = sheet.start or (0, 0)
    _refuse_large(path, Extent(top + sheet.height, left + sheet.width))
    done = [0]
    total = top + sheet.height

    def records() -> Iterator[list[str]]:
        # calamine gives the empty rows above the first filled cell but not the
        # empty columns left of it: they are put back, so row numbers and "#N"
        # columns are those the user sees in the spreadsheet.
        padding = [""] * left
        for row in sheet.iter_rows():
            done[0] += 1
            yield padding + [cell_text(value) for value in row]

    return Sheet(name, names, records(), lambda: (done[0], total))


def _is_zip(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(4) == ZIP_MAGIC


def _refuse_zip_bomb(path: Path) -> None:
    try:
        unzipped = unzipped_size(str(path))
    except (OSError, zipfile.BadZipFile):
        return  # calamine says what is wrong with it, in its own words
    if unzipped > sheet_extent.MAX_UNZIPPED:
        raise import_error("too_large", _("{file} unzips to more than {limit} MB; it is too large to read."),
                           file=path.name, limit=sheet_extent.MAX_UNZIPPED >> 20)


def _zip_extent(path: Path, sheet: str) -> Extent:
    if path.suffix.lower() not in (".xlsx", ".xlsm") and not _looks_like_xlsx(path):
        return Extent(0, 0)  # .ods and .xlsb are zips too, laid out differently: checked after reading
    return xlsx_extent(str(path), sheet, trusted_cells=MAX_GRID_CELLS)


def _looks_like_xlsx(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as book:
            return "xl/workbook.xml" in book.namelist()
    except (OSError, zipfile.BadZipFile):
        return False


def _refuse_large(path: Path, extent: Extent) -> None:
    if extent.cells > MAX_GRID_CELLS:
        raise import_error(
            "too_large",
            _("{file} is too large to read: its sheet reaches cell {cell} ({rows} rows × {columns} columns), "
              "more than {limit} cells. Delete what lies far from the answers and save it again."),
            file=path.name, cell=f"{column_letters(extent.columns)}{extent.rows}", rows=f"{extent.rows:,}",
            columns=f"{extent.columns:,}", limit=f"{MAX_GRID_CELLS:,}")

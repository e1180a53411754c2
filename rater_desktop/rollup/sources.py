"""Reading the member workbooks of a roll-up: safely, read-only, one bad file never stops the rest.

Each file goes through the storage layer's safe opening (``open_workbook(…,
read_only=True)``), so a foreign, damaged or newer file is refused exactly as
it is everywhere else, and nothing is ever written to a member's file.  A file
that cannot take part is listed with the reason and skipped; the others still
roll up.  What is kept of a workbook is its respondent-level digest
(``digest.py``), small enough to hold hundreds in memory.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rater_desktop.collation import name_key
from rater_desktop.i18n import _
from rater_desktop.rollup.digest import RoundDigest, digest_round
from rater_desktop.rollup.results import LeftOut

WORKBOOK_SUFFIX = ".rater"

Progress = Callable[[int, int], None]
"""called with (files done, files in all) after each file"""
Cancel = Callable[[], bool]


class RollupCancelled(Exception):
    """Raised when ``cancel()`` turned true while reading; nothing is half done."""


class SourceError(Exception):
    """A workbook that opened but cannot take part (no rounds); the message is one sentence."""


@dataclass(frozen=True)
class TeamSource:
    """One member workbook as read: its rounds (oldest first) reduced to respondent-level digests."""

    path: Path
    organisation: str
    rounds: tuple[RoundDigest, ...]
    fingerprint: str
    """of the file as read (:func:`file_fingerprint`), to notice later that it changed"""
    identity: Path
    """the file's resolved path, to notice the same file named twice"""

    def round_index(self, assessment_id: int | None) -> int:
        """Position of the round with this id; the latest for None or an id the file no longer has."""
        for index, digest in enumerate(self.rounds):
            if digest.assessment.id == assessment_id:
                return index
        return len(self.rounds) - 1


@dataclass(frozen=True)
class Team:
    """A member of the roll-up: a workbook, the name it goes by and the round chosen."""

    source: TeamSource
    name: str = ""
    """empty: the workbook's organisation name (or, without one, its file name)"""
    assessment_id: int | None = None
    """None: the latest round"""

    @property
    def label(self) -> str:
        return self.name.strip() or self.source.organisation.strip() or self.source.path.stem

    @property
    def round_index(self) -> int:
        return self.source.round_index(self.assessment_id)


def find_workbooks(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The files given, with folders searched (recursively) for ``.rater`` workbooks.

    Files named directly are kept whatever their suffix (reading them says
    whether they are workbooks); a folder's workbooks come in name order.
    """
    found: list[Path] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():
            found += sorted((p for p in path.rglob(f"*{WORKBOOK_SUFFIX}") if p.is_file()),
                            key=lambda p: name_key(p.as_posix()))
        else:
            found.append(path)
    return found


def read_source(path: Path) -> TeamSource:
    """Read one member workbook, read-only; raises ``WorkbookError`` or ``SourceError`` with one sentence."""
    from rater_desktop.storage import open_workbook
    from rater_desktop.storage.rollup_reads import read_workbook_rows

    with open_workbook(path, read_only=True) as workbook:
        fingerprint = file_fingerprint(path)
        book = read_workbook_rows(workbook)
    if not book.rounds:
        raise SourceError(_("“{name}” has no assessment rounds yet.").format(name=path.name))
    return TeamSource(path, book.organisation, tuple(digest_round(book, rows) for rows in book.rounds), fingerprint,
                      identity(path))


def identity(path: Path) -> Path:
    """Where ``path`` really is (links and ``..`` resolved), or as given when that cannot be told."""
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


def file_fingerprint(path: Path) -> str:
    """Size and CRC-32 of the file's bytes: enough to notice a changed file or a second copy of one.

    Not a security check (nothing is trusted because of it), and twice as
    fast as SHA-256 here, which counts over hundreds of files.
    """
    data = path.read_bytes()
    return f"{len(data)}-{zlib.crc32(data):08x}"


def read_sources(paths: Sequence[Path], progress: Progress | None = None,
                 cancel: Cancel | None = None) -> list[TeamSource | LeftOut]:
    """Read every path, in order: each becomes its workbook's digest or the reason it is left out.

    ``cancel()`` is asked before each file; ``progress(done, total)`` is told after each.
    """
    outcomes: list[TeamSource | LeftOut] = []
    for done, path in enumerate(paths, start=1):
        if cancel is not None and cancel():
            raise RollupCancelled()
        outcomes.append(_read_one(path))
        if progress is not None:
            progress(done, len(paths))
    return outcomes


def _read_one(path: Path) -> TeamSource | LeftOut:
    """The workbook, or why it is left out: a hostile file must not stop the other teams."""
    from rater_desktop.storage import WorkbookError

    try:
        return read_source(path)
    except (WorkbookError, SourceError) as error:
        return LeftOut(path, str(error))
    except OSError as error:
        return LeftOut(path, _("“{name}” could not be read: {reason}.").format(
            name=path.name, reason=error.strerror or error))
    except Exception as error:  # noqa: BLE001 - one unreadable file is reported, the roll-up goes on
        return LeftOut(path, _("“{name}” could not be read ({kind}).").format(
            name=path.name, kind=type(error).__name__))

"""The ``.raterset`` file: a saved roll-up, a small list of members and choices.

It holds no figures and nothing copied from the members: only where each
workbook is (relative to the set's own folder where possible, so a folder
of branches can move or be zipped as a whole), the name the team goes by,
the round chosen (or the latest) and a fingerprint of the file as it was.
Reopening reads the members afresh; a missing file is left out with the
reason and a changed one is noted, never fatal.

JSON, because a person may want to read or edit the list by hand::

    {"raterset": 1, "min_group": 5,
     "members": [{"path": "north/branch.rater", "name": "North",
                  "round": {"id": 2, "name": "Spring review", "date": "2026-04-01"},
                  "fingerprint": "274432-9f3a…"}]}
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rater_desktop.i18n import _
from rater_desktop.rollup.privacy import DEFAULT_MIN_GROUP

SET_SUFFIX = ".raterset"
FORMAT_VERSION = 1
MAX_SET_BYTES = 5_000_000
"""A list of a few thousand members is far below this; anything bigger is not ours."""
NAME_LIMIT = 500


class RaterSetError(Exception):
    """A ``.raterset`` that cannot be read or written; the message is one sentence."""


@dataclass(frozen=True)
class SetMember:
    path: Path
    """absolute, as resolved against the set's folder"""
    name: str = ""
    assessment_id: int | None = None
    """None: the latest round"""
    assessment_name: str = ""
    """the chosen round's name when saved, to say which round went missing"""
    fingerprint: str = ""


@dataclass(frozen=True)
class RaterSet:
    members: tuple[SetMember, ...]
    min_group: int = DEFAULT_MIN_GROUP


def save_set(path: str | os.PathLike[str], raterset: RaterSet) -> None:
    """Write ``raterset`` to ``path`` (replaced whole, never half written)."""
    from rater_desktop.files import write_atomically

    path = Path(path)
    folder = path.resolve().parent
    document = {
        "raterset": FORMAT_VERSION,
        "min_group": raterset.min_group,
        "members": [_member_entry(member, folder) for member in raterset.members],
    }
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    try:
        write_atomically(path, text.encode("utf-8"))
    except OSError as error:
        raise RaterSetError(_("“{name}” could not be saved: {reason}.").format(
            name=path.name, reason=error.strerror or error)) from error


def _member_entry(member: SetMember, folder: Path) -> dict[str, Any]:
    chosen = None
    if member.assessment_id is not None:
        chosen = {"id": member.assessment_id, "name": member.assessment_name}
    return {"path": _relative(member.path, folder), "name": member.name, "round": chosen,
            "fingerprint": member.fingerprint or None}


def _relative(path: Path, folder: Path) -> str:
    """``path`` relative to ``folder`` in forward slashes, or absolute when there is no relative way (another drive)."""
    try:
        return Path(os.path.relpath(path.resolve(), folder)).as_posix()
    except ValueError:
        return path.resolve().as_posix()


def load_set(path: str | os.PathLike[str]) -> RaterSet:
    """Read a ``.raterset``; raises :class:`RaterSetError` with one sentence when it is not one."""
    path = Path(path)
    not_a_set = RaterSetError(_("“{name}” is not a roll-up set (.raterset).").format(name=path.name))
    try:
        if path.stat().st_size > MAX_SET_BYTES:
            raise not_a_set
        document = json.loads(path.read_bytes().decode("utf-8"))
    except FileNotFoundError as error:
        raise RaterSetError(_("“{name}” does not exist (looked in {folder}).").format(
            name=path.name, folder=path.parent)) from error
    except OSError as error:
        raise RaterSetError(_("“{name}” could not be read: {reason}.").format(
            name=path.name, reason=error.strerror or error)) from error
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise not_a_set from error
    if not isinstance(document, dict) or not isinstance(document.get("raterset"), int):
        raise not_a_set
    if document["raterset"] > FORMAT_VERSION:
        raise RaterSetError(_("“{name}” was saved by a newer version of RATER Report Card; update the app to open it.")
                            .format(name=path.name))
    members = document.get("members")
    if not isinstance(members, list):
        raise not_a_set
    folder = path.resolve().parent
    found = [member for entry in members if (member := _member(entry, folder)) is not None]
    return RaterSet(tuple(found), _min_group(document.get("min_group")))


def _member(entry: Any, folder: Path) -> SetMember | None:
    """One member entry, checked; entries that make no sense are skipped."""
    if not isinstance(entry, dict) or not isinstance(entry.get("path"), str) or not entry["path"].strip():
        return None
    name = entry.get("name") if isinstance(entry.get("name"), str) else ""
    chosen = entry.get("round") if isinstance(entry.get("round"), dict) else {}
    ident = chosen.get("id")
    round_name = chosen.get("name") if isinstance(chosen.get("name"), str) else ""
    fingerprint = entry.get("fingerprint") if isinstance(entry.get("fingerprint"), str) else ""
    return SetMember(
        path=folder / Path(entry["path"]),
        name=name[:NAME_LIMIT],
        assessment_id=ident if isinstance(ident, int) and not isinstance(ident, bool) else None,
        assessment_name=round_name[:NAME_LIMIT],
        fingerprint=fingerprint[:64],
    )


def _min_group(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 1_000_000:
        return value
    return DEFAULT_MIN_GROUP


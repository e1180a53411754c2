"""Output files: complete or absent, never over a workbook, normal permissions, links written through."""

from __future__ import annotations

import os
import stat
import time

import pytest
from storage_support import FRAMEWORK, data_dir, digest  # noqa: F401  (autouse fixture)

from rater_desktop.files import (
    OutputRefused,
    atomic_output,
    check_output,
    remove_stale_partials,
    write_atomically,
)
from rater_desktop.storage import WorkbookAccessError, create_workbook, open_workbook
from rater_desktop.storage.backups import backup_folder, list_backups


@pytest.fixture
def workbook(tmp_path):
    path = tmp_path / "client.rater"
    create_workbook(path, "Acme", framework=FRAMEWORK).close()
    return path


@pytest.fixture
def umask_027():
    old = os.umask(0o027)
    yield
    os.umask(old)


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_a_new_output_gets_the_users_umask_not_private_0600(tmp_path, umask_027):
    out = tmp_path / "report.pdf"
    write_atomically(out, b"%PDF-1.4 new")
    assert out.read_bytes() == b"%PDF-1.4 new" and mode(out) == 0o640


def test_a_replaced_output_keeps_its_permissions(tmp_path):
    out = tmp_path / "data.csv"
    out.write_bytes(b"old")
    out.chmod(0o604)
    write_atomically(out, b"new")
    assert out.read_bytes() == b"new" and mode(out) == 0o604


def test_a_symlink_is_written_through_and_stays_a_link(tmp_path):
    real = tmp_path / "team" / "report.pdf"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = tmp_path / "report.pdf"
    link.symlink_to(real)
    write_atomically(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"
    assert [p.name for p in real.parent.iterdir()] == ["report.pdf"]


@pytest.mark.parametrize("name", ["out.rater", "OUT.RATER"])
def test_a_report_or_export_never_goes_into_a_rater_name(tmp_path, name):
    with pytest.raises(OutputRefused, match="nothing but a workbook is written to a .rater file"):
        write_atomically(tmp_path / name, b"%PDF")
    assert list(tmp_path.iterdir()) == []


def test_an_existing_workbook_is_never_replaced_whatever_its_name(workbook, tmp_path):
    disguised = tmp_path / "notes.pdf"
    disguised.write_bytes(workbook.read_bytes())
    before = digest(disguised)
    with pytest.raises(OutputRefused, match="existing workbook"):
        write_atomically(disguised, b"%PDF")
    link = tmp_path / "link.pdf"
    link.symlink_to(workbook)
    with pytest.raises(OutputRefused):
        write_atomically(link, b"%PDF")
    assert digest(disguised) == before and open_workbook(workbook, read_only=True).organisation() == "Acme"


def test_the_input_itself_and_empty_names_are_refused(tmp_path):
    source = tmp_path / "survey.csv"
    source.write_text("a,b\n")
    with pytest.raises(OutputRefused, match="being read"):
        check_output(source, inputs=(source,))
    for empty in ("", " ", "."):
        with pytest.raises(OutputRefused, match="No output file name"):
            check_output(empty)
    with pytest.raises(OutputRefused, match="folder"):
        check_output(tmp_path)


def test_a_failed_build_leaves_the_old_file_and_no_partial(tmp_path):
    out = tmp_path / "report.pdf"
    out.write_bytes(b"old")
    with pytest.raises(RuntimeError):
        with atomic_output(out) as partial:
            partial.write_bytes(b"half")
            raise RuntimeError("disk gone")
    assert out.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


def _age(path, days: float) -> None:
    then = time.time() - days * 86400
    os.utime(path, (then, then))


def test_stale_partials_go_young_ones_and_other_files_stay(tmp_path):
    stale = tmp_path / ".client.rater.1a2b3c4d.partial"
    journal = tmp_path / ".client.rater.1a2b3c4d.partial-journal"
    young = tmp_path / ".client.rater.99999999.partial"
    other = tmp_path / "holiday.partial"  # not one of ours: not hidden
    for path in (stale, journal, young, other):
        path.write_bytes(b"x")
    for path in (stale, journal, other):
        _age(path, 2)
    assert remove_stale_partials(tmp_path) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([young.name, other.name])


def test_opening_a_workbook_sweeps_its_own_leftovers_only(workbook, tmp_path):
    mine = tmp_path / f".{workbook.name}.deadbeef.partial"
    theirs = tmp_path / ".other.rater.deadbeef.partial"
    for path in (mine, theirs):
        path.write_bytes(b"killed mid-write")
        _age(path, 3)
    open_workbook(workbook).close()
    assert not mine.exists() and theirs.exists()


def test_backup_rotation_removes_partials_of_killed_backups(workbook):
    folder = backup_folder(workbook)
    folder.mkdir(parents=True, exist_ok=True)
    leftover = folder / ".20200101-000000-000000.rater.0badf00d.partial"
    leftover.write_bytes(b"killed during a backup")
    _age(leftover, 2)
    open_workbook(workbook).close()
    assert not leftover.exists() and list_backups(workbook)
    assert all(not p.name.endswith(".partial") for p in folder.iterdir())


def test_save_copy_never_replaces_another_workbook(workbook, tmp_path):
    other = tmp_path / "other.rater"
    create_workbook(other, "Other client", framework=FRAMEWORK).close()
    before = digest(other)
    with open_workbook(workbook) as book:
        with pytest.raises(WorkbookAccessError, match="existing workbook"):
            book.save_copy(other)
        book.save_copy(tmp_path / "copy.rater")
    assert digest(other) == before
    assert open_workbook(tmp_path / "copy.rater", read_only=True).organisation() == "Acme"


def test_a_new_workbook_is_created_with_the_umask(tmp_path, umask_027):
    path = tmp_path / "new.rater"
    create_workbook(path, framework=FRAMEWORK).close()
    assert mode(path) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["new.rater"]


def test_a_link_to_a_workbook_is_named_as_such(tmp_path):
    # It was called "a workbook name" although the name given was report.pdf.
    book = tmp_path / "client.rater"
    create_workbook(book, "Acme", framework=FRAMEWORK).close()
    link = tmp_path / "report.pdf"
    link.symlink_to(book)
    for as_workbook in (False, True):
        with pytest.raises(OutputRefused) as caught:
            check_output(link, workbook=as_workbook)
        assert str(caught.value) == ("“report.pdf” is a link to the workbook “client.rater”; choose another file "
                                     "name so it is not replaced.")

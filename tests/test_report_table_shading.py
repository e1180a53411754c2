"""Report tables can shade single cells (the roll-up's heatmap is such a table)."""

from pypdf import PdfReader

from rater_desktop.report.model import Cover, ReportContent, Section, Table
from rater_desktop.report.render import build_pdf


def _content(table: Table) -> ReportContent:
    cover = Cover("Title", "Org", "Round", "1 Apr 2026", None, "")
    return ReportContent(cover, (Section("s", "Heatmap", (table,)),), "Page {page} of {pages}", "Contents", "")


def _page_operators(path) -> bytes:
    return PdfReader(path).pages[1].get_contents().get_data()


def test_a_shaded_cell_is_filled_with_its_colour_and_others_are_not(tmp_path):
    plain = Table(("Team", "Reliability"), (("North", "B"), ("South", "C")), (1, 1))
    shaded = Table(plain.header, plain.rows, plain.widths, shading=((None, "#ff0000"), (None, None)))
    build_pdf(_content(plain), tmp_path / "plain.pdf")
    build_pdf(_content(shaded), tmp_path / "shaded.pdf")
    assert b"1 0 0 rg" not in _page_operators(tmp_path / "plain.pdf")
    assert b"1 0 0 rg" in _page_operators(tmp_path / "shaded.pdf")

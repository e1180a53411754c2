"""A section that starts on a fresh page never leaves a blank page before it.

Seen in the Vietnamese group report: the ranking tables filled page 3 to its
foot, the spacer after the last table moved alone to page 4, and the next
section's page break then left page 4 blank.
"""

from pypdf import PdfReader

from rater_desktop.report.model import Cover, ReportContent, Section, Table, Text
from rater_desktop.report.render import build_pdf


def _content(rows: int) -> ReportContent:
    table = Table(header=("Team", "n"), rows=tuple((f"team {i}", str(i)) for i in range(rows - 1))
                  + (("last team", str(rows)),), widths=(3, 1), align=("L", "R"))
    return ReportContent(
        cover=Cover("Group report", "Teams", "", "2 Dec 2026", None, ""),
        sections=(Section("first", "Ranking", (table,)), Section("second", "Team by team", (Text("the end"),))),
        page_label="Page {page} of {pages}", contents_title="Contents", footer="footer")


def test_the_next_section_starts_on_the_page_after_a_table_that_fills_one(tmp_path):
    """Tables one row longer each time, up to the first that no longer fits on its page: the
    longest that fits ends within a spacer's height of the page foot, the case that went wrong."""
    out = tmp_path / "r.pdf"
    for rows in range(38, 60):
        build_pdf(_content(rows), out)
        pages = [page.extract_text() for page in PdfReader(out).pages]
        first_row = min(number for number, text in enumerate(pages) if "team 0" in text)
        last_row = max(number for number, text in enumerate(pages) if "last team" in text)
        assert "Team by team" in pages[last_row + 1], f"{rows} rows: page {last_row + 2} is blank"
        if last_row > first_row:
            break
    else:
        raise AssertionError("no table long enough to need a second page: the case is not reached")

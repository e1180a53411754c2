"""A report stays in its language and its time.

Charts are drawn while the PDF is built, so their numbers must come out in the
report's language even when the window speaks another; and a report of an
earlier round must not plot a later one.  The charts are inspected through
their matplotlib text artists right after each is drawn.
"""

import re

import pytest
from matplotlib.text import Text
from pypdf import PdfReader
from report_data import write_workbook

from rater_desktop import charts, i18n
from rater_desktop.report import write_report
from rater_desktop.storage import open_workbook


def pdf_text(path) -> str:
    return " ".join(page.extract_text() for page in PdfReader(path).pages).replace("\n", " ")


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    path = tmp_path_factory.mktemp("wb") / "shop.rater"
    write_workbook(path)
    return path


@pytest.fixture
def drawn(monkeypatch):
    """Every chart the report draws: (spec, the texts on its figure)."""
    seen = []
    original = charts.ImageRenderer.render

    def spy(self, spec, **kw):
        image = original(self, spec, **kw)
        texts = [t.get_text() for t in self._figure.findobj(Text) if t.get_visible() and t.get_text()]
        seen.append((spec, texts))
        return image

    monkeypatch.setattr(charts.ImageRenderer, "render", spy)
    # draw here, where the spy sees it, rather than in a child process beside the layout
    monkeypatch.setattr("rater_desktop.report.chart_images._can_fork", lambda: False)
    yield seen
    i18n.set_language("en")


def _numbers(seen) -> list[str]:
    return [text for _spec, texts in seen for text in texts if re.fullmatch(r"[+-]?\d+[.,]\d+", text)]


@pytest.mark.parametrize("window, report, decimal, other", [("en", "vi", ",", "."), ("vi", "en", ".", ",")])
def test_chart_numbers_follow_the_report_language_not_the_window(workbook, tmp_path, drawn, window, report,
                                                                  decimal, other):
    i18n.set_language(window)
    write_report(workbook, tmp_path / "r.pdf", lang=report)
    numbers = _numbers(drawn)
    assert len(numbers) >= 10  # value labels, gaps and axis ticks of several charts
    assert all(decimal in n and other not in n for n in numbers), numbers
    assert i18n.language() == window


def test_english_report_from_a_vietnamese_window_has_no_vietnamese(workbook, tmp_path, drawn):
    i18n.set_language("vi")
    vietnamese = [i18n._("Report card"), i18n._("Executive summary"), "01/04/2026"]
    out = tmp_path / "en.pdf"
    write_report(workbook, out, lang="en")
    text = pdf_text(out)
    assert "Report card" in text and "1 Apr 2026" in text
    assert not [word for word in vietnamese if word in text]
    chart_words = " ".join(t for _spec, texts in drawn for t in texts)
    assert "Team" in chart_words and i18n._("Team") not in chart_words


def test_report_of_an_earlier_round_shows_nothing_later(workbook, tmp_path, drawn):
    with open_workbook(workbook, read_only=True) as wb:
        autumn, spring = wb.assessments()
    out = tmp_path / "autumn.pdf"
    write_report(workbook, out, assessment_id=autumn.id, lang="en")
    assert spring.name not in pdf_text(out)
    assert not [spec for spec, _texts in drawn if isinstance(spec, charts.TrendSpec)]
    drawn.clear()
    write_report(workbook, tmp_path / "spring.pdf", assessment_id=spring.id, lang="en")
    trends = [spec for spec, _texts in drawn if isinstance(spec, charts.TrendSpec)]
    assert len(trends) == 1 and [r.split("\n")[0] for r in trends[0].rounds] == [autumn.name, spring.name]

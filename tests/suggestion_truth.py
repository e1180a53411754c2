"""What a careful person would map in every survey file of tests/fixtures, and how close the
suggestions come: the hit rate of issue 11, measured by test_suggestion_hit_rate.py.

Columns: the truth is what the column holds, as one word — "rating" (answers are points of an
ordered scale the question asks to rate: agreement, satisfaction, frequency, a 1–5 score, a
self-assessed level), "expectation" / "minimum" (a SERVQUAL item of that kind), "nps", "csat",
"fcr", "comment" (free-text opinions: the customers' own words) — or a role naming the dimension
("dim:reliability", "exp:responsiveness") where the wording names one. Every other column
(names, dates, yes/no facts, rankings, counts, option lists, bookkeeping) should be left out.
Scales: groups of columns sharing an answer scale, with the scale a person would confirm, or
``CHECK`` where the file cannot tell (labels no scale of ours orders, a range nothing states):
then the only right suggestion is one flagged for confirmation.

Run ``uv run python tests/suggestion_truth.py`` to print the table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rater_desktop.importing import ScaleSpec, SourceSpec, read_table
from rater_desktop.importing.column_guess import ColumnGuess, column_questions, guess_columns
from rater_desktop.importing.proposal import group_scale
from rater_desktop.importing.suggest import builtin_vocabulary

FIXTURES = Path(__file__).parent / "fixtures"
CHECK = None
"""a scale the file cannot prove: the suggestion must be flagged"""


def cols(*spans: int | tuple[int, int]) -> tuple[int, ...]:
    """Column numbers (1-based) from numbers and inclusive (first, last) spans."""
    out: list[int] = []
    for span in spans:
        out += list(range(span[0], span[1] + 1)) if isinstance(span, tuple) else [span]
    return tuple(out)


def numeric(low: int, high: int, *na: str) -> ScaleSpec:
    return ScaleSpec("numeric", low, high, not_applicable=na)


def labels(*worst_first: str, na: tuple[str, ...] = ()) -> ScaleSpec:
    return ScaleSpec("labels", labels=worst_first, not_applicable=na)


@dataclass(frozen=True)
class FileTruth:
    path: str
    source: SourceSpec = field(default_factory=SourceSpec)
    columns: dict[int, str] = field(default_factory=dict)
    """1-based column -> truth; unlisted columns should be left out"""
    scales: tuple[tuple[tuple[int, ...], ScaleSpec | None], ...] = ()
    preset: str = "generic"


def _spread(truth: str, numbers: tuple[int, ...]) -> dict[int, str]:
    return dict.fromkeys(numbers, truth)


ES = dict(
    columns={**_spread("rating", cols(2, 12, 16, 18, 22, 30, 33, 35, 37)), 3: "expectation", 19: "nps",
             23: "comment", 24: "comment"},
    scales=((cols(3, 12, 18, 37), numeric(1, 5)), (cols(19, 38), numeric(0, 10)),
            (cols(21), labels("No", "Sí", na=("No sé lo que es el tidyverse",))),
            (cols(2), CHECK), (cols(16), CHECK), (cols(22), CHECK), (cols(30), CHECK), (cols(33), CHECK),
            (cols(35), CHECK)),
    preset="google_forms")
STAR_WARS_FAVOUR = labels("Very unfavorably", "Somewhat unfavorably", "Neither favorably nor unfavorably (neutral)",
                          "Somewhat favorably", "Very favorably", na=("Unfamiliar (N/A)",))
AGREE_VI = labels("Hoàn toàn không đồng ý", "Không đồng ý", "Trung lập", "Đồng ý", "Hoàn toàn đồng ý",
                  na=("Không có ý kiến",))

REAL_EXPORTS = (
    FileTruth("customer-exports/google-forms-es.csv", **ES),
    FileTruth("customer-exports/google-forms-es.xlsx", SourceSpec(format="xlsx"), **ES),
    FileTruth("customer-exports/google-forms-prepbench-sudzilla.csv",
              columns={**_spread("rating", cols(2, 4, 5, 7, 8, 9)), **_spread("comment", cols(3, 6, 10, 11))},
              scales=((cols(2, 4, 5), numeric(0, 10)), (cols(7, 8, 9), CHECK)), preset="google_forms"),
    FileTruth("customer-exports/google-forms-jupyter-education.csv",
              columns=_spread("comment", cols(12, 22, 23, 24, 25)), preset="google_forms"),
    FileTruth("customer-exports/surveygizmo-jupyter-ux.csv",
              columns={4: "rating", **_spread("comment", cols(5, (12, 29)))}, scales=((cols(4), CHECK),)),
    FileTruth("customer-exports/surveymonkey-food-world-cup-538.csv",
              columns=_spread("rating", cols((2, 43))),
              scales=((cols((4, 43)), numeric(1, 5, "N/A")), (cols(2), CHECK), (cols(3), CHECK))),
    FileTruth("customer-exports/surveymonkey-starwars-538.csv", SourceSpec(header_rows=2, header_row=2),
              columns=_spread("rating", cols((16, 29))),
              scales=((cols((16, 29)), STAR_WARS_FAVOUR), (cols(2, 3, 31, 32, 33), labels("No", "Yes")),
                      (cols((10, 15)), CHECK)), preset="surveymonkey"),
    FileTruth("customer-exports/qualtrics-insights-no-basis.csv", SourceSpec(header_rows=3),
              columns=_spread("rating", cols(12, (18, 25))), scales=((cols(12, (18, 25)), CHECK),),
              preset="qualtrics"),
    FileTruth("customer-exports/qualtrics-legacy-no-basis.csv", SourceSpec(header_rows=2),
              columns=_spread("rating", cols(11, (17, 24))), scales=((cols(11, (17, 24)), CHECK),),
              preset="qualtrics_legacy"),
    FileTruth("customer-exports/qualtrics-sample.csv", SourceSpec(header_rows=3), preset="qualtrics"),
    FileTruth("customer-exports/qualtrics-sample-legacy.csv", SourceSpec(header_rows=2), preset="qualtrics_legacy"),
)

MADE_HERE = (
    FileTruth("made-here/servqual-vi.csv",
              columns={4: "dim:reliability", 5: "dim:reliability", 6: "dim:assurance", 7: "dim:tangibles",
                       8: "dim:empathy", 9: "dim:responsiveness", 10: "dim:assurance", 11: "nps", 12: "csat",
                       13: "fcr", 14: "comment"},
              scales=((cols((4, 10)), AGREE_VI),)),
    FileTruth("made-here/servqual-es.csv",
              columns={4: "dim:reliability", 5: "dim:responsiveness", 6: "dim:empathy", 7: "dim:tangibles",
                       8: "nps", 9: "csat", 10: "fcr", 11: "comment"},
              scales=((cols((4, 7)), labels("Muy insatisfecho", "Insatisfecho", "Ni satisfecho ni insatisfecho",
                                            "Satisfecho", "Muy satisfecho", na=("No sé",))),)),
    FileTruth("made-here/servqual-fr.csv",
              columns={4: "dim:reliability", 5: "dim:responsiveness", 6: "dim:assurance", 7: "dim:empathy",
                       8: "dim:tangibles", 9: "nps", 10: "comment"},
              scales=((cols((4, 8)), labels("Pas du tout d'accord", "Plutôt pas d'accord", "Plutôt d'accord",
                                            "Tout à fait d'accord", na=("Ne sais pas",))),)),
    FileTruth("made-here/servqual-de.csv",
              columns={4: "dim:reliability", 5: "dim:responsiveness", 6: "dim:empathy", 7: "dim:assurance",
                       8: "nps", 9: "csat", 10: "fcr", 11: "comment"},
              scales=((cols((4, 7)), labels("trifft überhaupt nicht zu", "trifft eher nicht zu", "teils/teils",
                                            "trifft eher zu", "trifft voll und ganz zu", na=("weiß nicht",))),)),
    FileTruth("made-here/servqual-pt.csv",
              columns={4: "dim:reliability", 5: "dim:responsiveness", 6: "dim:empathy", 7: "dim:assurance",
                       8: "dim:tangibles", 9: "nps", 10: "fcr", 11: "comment"},
              scales=((cols((4, 8)), numeric(1, 7, "Não sei")),)),
    FileTruth("made-here/servqual-ko.csv",
              columns={4: "dim:reliability", 5: "dim:responsiveness", 6: "dim:empathy", 7: "dim:tangibles",
                       8: "dim:assurance", 9: "nps", 10: "fcr", 11: "comment"},
              scales=((cols((4, 8)), labels("매우 불만족", "불만족", "보통", "만족", "매우 만족", na=("모름",))),)),
    FileTruth("made-here/servqual-en.csv",
              columns={4: "exp:reliability", 5: "dim:reliability", 6: "min:reliability", 7: "exp:responsiveness",
                       8: "dim:responsiveness", 9: "dim:tangibles", 10: "nps", 11: "csat", 12: "fcr",
                       13: "comment"},
              scales=((cols((4, 9)), numeric(1, 7, "Don't know")),)),
)


@dataclass
class Tally:
    """Counts for one file (or a total): columns to map and scales."""

    to_map: int = 0
    """columns a person would map (truth not empty)"""
    right: int = 0
    """of those, suggested as what they are (a role with the right dimension where the truth names one)"""
    right_sure: int = 0
    missed: int = 0
    """columns to map left out as if sure there was nothing to map"""
    flagged: int = 0
    """columns suggested wrongly but marked "check this" (truth empty or not)"""
    wrong_sure: int = 0
    """columns suggested wrongly as certain: must stay 0"""
    scales: int = 0
    scales_right: int = 0
    """suggested exactly right and sure"""
    scales_flagged: int = 0
    """flagged for confirmation"""
    scales_wrong_sure: int = 0
    """applied as certain but wrong: must stay 0"""

    def add(self, other: Tally) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _matches(guess: ColumnGuess, truth: str) -> bool:
    if ":" in truth:
        return guess.role == truth
    return guess.kind == truth


def column_tally(truth: FileTruth, guesses: list[ColumnGuess]) -> Tally:
    tally = Tally()
    for guess in guesses:
        expected = truth.columns.get(guess.index + 1, "")
        suggested = bool(guess.kind)
        if expected:
            tally.to_map += 1
        if expected and _matches(guess, expected):
            tally.right += 1
            tally.right_sure += guess.sure
        elif expected and not suggested and guess.sure:
            tally.missed += 1
        elif suggested or expected:
            if guess.sure:
                tally.wrong_sure += 1
            else:
                tally.flagged += 1
    return tally


def _same(suggested: ScaleSpec, expected: ScaleSpec) -> bool:
    return (suggested.type == expected.type and suggested.labels == expected.labels
            and set(suggested.not_applicable) == set(expected.not_applicable)
            and (suggested.type != "numeric" or (suggested.min, suggested.max) == (expected.min, expected.max)))


_MEASURED: dict[str, tuple[Tally, list[ColumnGuess]]] = {}


def measure(truth: FileTruth) -> tuple[Tally, list[ColumnGuess]]:
    """Suggest for one file the way the wizard does, and count against the truth (once per run)."""
    if truth.path not in _MEASURED:
        _MEASURED[truth.path] = _measure(truth)
    tally, guesses = _MEASURED[truth.path]
    copy = Tally()
    copy.add(tally)
    return copy, guesses


def _measure(truth: FileTruth) -> tuple[Tally, list[ColumnGuess]]:
    path = FIXTURES / truth.path
    source = truth.source
    if path.suffix == ".xlsx":
        source = SourceSpec(format="xlsx", header_rows=source.header_rows, header_row=source.header_row)
    table = read_table(path, source, limit=5000)
    names, criteria = builtin_vocabulary()
    guesses = guess_columns(table.header_rows, table.rows, names, criteria)
    tally = column_tally(truth, guesses)
    width = max([len(r) for r in table.header_rows] + [len(r) for r in table.rows], default=0)
    questions = column_questions(table.header_rows, width)
    for numbers, expected in truth.scales:
        guess = group_scale(table, questions, [n - 1 for n in numbers], truth.preset)
        tally.scales += 1
        if not guess.sure:
            tally.scales_flagged += 1
        elif expected is not CHECK and _same(guess.scale, expected):
            tally.scales_right += 1
        else:
            tally.scales_wrong_sure += 1
    return tally, guesses


def table_rows(files: tuple[FileTruth, ...]) -> list[tuple[str, Tally]]:
    rows = [(truth.path, measure(truth)[0]) for truth in files]
    total = Tally()
    for _name, tally in rows:
        total.add(tally)
    return rows + [("total", total)]


def print_table() -> None:
    for title, files in (("Real exports", REAL_EXPORTS), ("Written here", MADE_HERE)):
        print(f"\n{title}\n| file | columns to map | suggested right (sure) | missed | flagged | wrong & sure "
              f"| scales | right | flagged | wrong & sure |\n|---|---|---|---|---|---|---|---|---|---|")
        for name, t in table_rows(files):
            print(f"| {Path(name).name} | {t.to_map} | {t.right} ({t.right_sure}) | {t.missed} | {t.flagged} "
                  f"| {t.wrong_sure} "
                  f"| {t.scales} | {t.scales_right} | {t.scales_flagged} | {t.scales_wrong_sure} |")


if __name__ == "__main__":
    print_table()

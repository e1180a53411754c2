"""The suggestion hit rate on every survey in tests/fixtures, kept from going back (issue 11).

No suggestion may be wrong and presented as certain, for columns or scales,
and every scale is either suggested exactly right or flagged for a person to
confirm. The floors are the figures measured when the suggestions were built
(see suggestion_truth.py for the truth and ``uv run python tests/suggestion_truth.py``
for the table); raise them when the suggestions improve.
"""

import pytest
from suggestion_truth import FIXTURES, MADE_HERE, REAL_EXPORTS, Tally, measure

FLOORS = {  # file set -> (columns suggested right, scales suggested right and sure)
    "real": (129, 10),
    "made here": (60, 7),
}


def test_every_survey_in_the_fixtures_has_its_truth():
    covered = {truth.path for truth in REAL_EXPORTS + MADE_HERE}
    found = {str(p.relative_to(FIXTURES)) for folder in ("customer-exports", "made-here")
             for p in (FIXTURES / folder).iterdir() if p.suffix in (".csv", ".xlsx")}
    assert covered == found


@pytest.mark.parametrize("truth", REAL_EXPORTS + MADE_HERE, ids=lambda t: t.path.split("/")[-1])
def test_nothing_wrong_is_presented_as_certain(truth):
    tally, guesses = measure(truth)
    wrong = [g for g in guesses if g.sure and g.kind and truth.columns.get(g.index + 1, "") not in (g.kind, g.role)]
    assert wrong == [] and tally.wrong_sure == 0
    assert tally.scales_wrong_sure == 0
    assert tally.scales == tally.scales_right + tally.scales_flagged


@pytest.mark.parametrize("name, files", [("real", REAL_EXPORTS), ("made here", MADE_HERE)])
def test_hit_rate_does_not_go_back(name, files):
    total = Tally()
    for truth in files:
        total.add(measure(truth)[0])
    columns, scales = FLOORS[name]
    assert total.right >= columns, f"{total.right} of {total.to_map} columns"
    assert total.scales_right >= scales, f"{total.scales_right} of {total.scales} scales"

"""Hand-made rounds for the report and export tests (no database needed).

The grades are chosen so the expected numbers can be worked out by hand:
with participants Ana (A=4), Binh (B=3) and Chi (C=2) grading the same letter
on every criterion of a dimension, each team mean is the mean of the three
letters given there (see ``TEAM_LETTERS``).
"""

from __future__ import annotations

from rater_desktop.model import (
    DIMENSION_KEYS,
    Action,
    Assessment,
    AssessmentData,
    Consensus,
    ContextGrade,
    ContinuumAnswer,
    Criterion,
    Grade,
    Participant,
    SurveyResults,
    TimeContext,
)

TEAM_LETTERS = {
    # dimension: letters of Ana, Binh, Chi -> mean
    "reliability": ("A", "B", "B"),   # (4+3+3)/3 = 3.33 -> B
    "assurance": ("A", "A", "B"),     # 3.67 -> A
    "tangibles": ("C", "C", "D"),     # 1.67 -> C
    "empathy": ("B", "C", "C"),       # 2.33 -> C
    "responsiveness": ("B", "B", "C"),  # 2.67 -> B
}
CUSTOMER_POINTS = {
    # 10 respondents each -> mean
    "reliability": [2.0] * 10,        # 2.00 -> C, gap +1.33 blind spot
    "assurance": [3.5] * 10,          # 3.50 -> A, gap +0.17 aligned
    "tangibles": [3.0] * 10,          # 3.00 -> B, gap -1.33 hidden strength
    "empathy": [2.0] * 10,            # 2.00 -> C, gap +0.33 aligned
    "responsiveness": [2.5] * 10,     # 2.50 -> B, gap +0.17 aligned
}


def make_data(*, notes: dict[int, str] | None = None, organisation: str = "Riverside Bakery & Café",
              name: str = "Spring review", participants: int = 3, customers: bool = True,
              with_actions: bool = True) -> AssessmentData:
    """A round with two criteria per dimension; ``notes`` maps criterion id -> Ana's note."""
    criteria = tuple(
        Criterion(id=i * 2 + j + 1, dimension=key, position=j, text=f"{key.title()} statement {j + 1}")
        for i, key in enumerate(DIMENSION_KEYS) for j in range(2))
    people = tuple(Participant(id=p + 1, name=n, role=r, position=p)
                   for p, (n, r) in enumerate([("Ana", "Manager"), ("Binh", "Barista"), ("Chi", "Cashier")]))
    people = people[:participants]
    notes = notes or {}
    grades = tuple(
        Grade(p.id, c.id, TEAM_LETTERS[c.dimension][p.id - 1], notes.get(c.id, "") if p.id == 1 else "")
        for c in criteria for p in people)
    contexts = (TimeContext(1, "Weekday peak", 0), TimeContext(2, "After hours", 1))
    context_grades = tuple(
        ContextGrade(p.id, ctx.id, key, ("A" if ctx.id == 1 else "C") if key == "tangibles" else "B")
        for p in people for ctx in contexts for key in DIMENSION_KEYS)
    continuum = tuple(ContinuumAnswer(p.id, item, kind, 3 if kind == "current" else 5)
                      for p in people for item in (1, 2, 3) for kind in ("current", "desired"))
    survey = SurveyResults(id=1, source_name="survey.csv", row_count=10, scale_min=1, scale_max=5,
                           dimension_scores=CUSTOMER_POINTS,
                           nps=[10.0] * 6 + [5.0] * 2 + [8.0] * 2, csat=[5.0] * 8 + [3.0] * 2,
                           fcr=[True] * 7 + [False] * 3)
    actions = (
        Action(1, "reliability", 1, "Call back within a day", owner="Support lead", due="2026-06-30",
               target_grade="B", status="open"),
        Action(2, "tangibles", None, "Fix the broken sign", owner="Ana", due="2026-05-15", status="done"),
    ) if with_actions else ()
    return AssessmentData(
        organisation=organisation, assessment=Assessment(2, name, "2026-04-01"),
        criteria=criteria, participants=people, grades=grades, contexts=contexts,
        context_grades=context_grades, continuum=continuum,
        consensus=(Consensus("reliability", "B", "We miss call-backs on Mondays."),),
        actions=actions, surveys=(survey,) if customers else ())


def write_workbook(path, *, organisation: str = "Riverside Bakery & Café", note: str = "",
                   names: tuple[str, ...] = ("Ana", "Binh", "Chi"), customers: bool = True) -> None:
    """A real two-round workbook: round 1 all C; round 2 graded as ``TEAM_LETTERS``.

    Round 2 ("Spring review", 2026-04-01) has contexts, continuum, consensus,
    a 10-respondent survey (``CUSTOMER_POINTS``) and one action; ``note`` is
    Ana's note on every criterion of round 2.
    """
    from rater_desktop.storage import create_workbook

    with create_workbook(path, organisation) as wb:
        first = wb.latest_assessment_id()
        wb.update_assessment(first, name="Autumn review", date="2025-10-01")
        second = wb.add_assessment("Spring review", "2026-04-01")
        criteria = wb.criteria()
        for round_id in (first, second):
            for position, name in enumerate(names):
                pid = wb.add_participant(round_id, name, ("Manager", "Barista", "Cashier")[position % 3])
                for c in criteria:
                    letter = "C" if round_id == first else TEAM_LETTERS[c.dimension][position % 3]
                    wb.set_grade(pid, c.id, letter, note if round_id == second and position == 0 else "")
                if round_id == second:
                    for item in (1, 2, 3):
                        wb.set_continuum(pid, item, "current", 3)
                        wb.set_continuum(pid, item, "desired", 5)
        context = wb.add_time_context(second, "Weekday peak")
        wb.set_context_grade(wb.participants(second)[0].id, context, "tangibles", "A")
        wb.set_consensus(second, "reliability", "B", "We miss call-backs on Mondays.")
        if customers:
            series = {f"dim:{k}": v for k, v in CUSTOMER_POINTS.items()}
            series["kpi:nps"] = [10.0] * 6 + [5.0] * 2 + [8.0] * 2
            wb.add_survey(second, source_name="survey.csv", file_hash="abc", row_count=10, mapping_toml="",
                          scale_min=1, scale_max=5, series=series)
        wb.add_action(second, "=HYPERLINK(\"http://evil\")", dimension="reliability", owner="Support lead",
                      due="2026-06-30", target_grade="B")

"""The wizard never applies a scale on a guess (issue 11): the person puts unknown labels in
order with the buttons or by dragging, sees the points each label gets, and ticks that they
are right; a recognised scale goes through; the dry run repeats the points."""

from pathlib import Path

from import_wizard_support import confirm_scale, make_wizard, open_file, ops  # noqa: F401
from PySide6.QtCore import QModelIndex

from ui.models.survey_preview import COL_ROLE, COL_SUGGESTION
from ui.qt import Qt

EXPORTS = Path(__file__).parent / "fixtures" / "customer-exports"
MADE_HERE = Path(__file__).parent / "fixtures" / "made-here"
FOOD = ["How would you rate the food at Sudzilla (breakfast)?", "How would you rate the food at Sudzilla (lunch)?",
        "How would you rate the food at Sudzilla (dinner)?"]


def rows_of(model):
    return [model.index(r).data() for r in range(model.rowCount())]


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_unknown_labels_are_put_in_order_by_the_person_before_anything_is_imported(qtbot, make_wizard):
    wizard = make_wizard()
    open_file(qtbot, wizard, EXPORTS / "google-forms-prepbench-sudzilla.csv")
    wizard.next()
    roles = wizard.roles_model
    food = [roles.index(i, COL_ROLE) for i in range(roles.rowCount()) if roles.index(i, 1).data() in FOOD]
    # Rated, but nothing in the wording names a dimension: left for the person, with why.
    assert [roles.index(i.row(), COL_SUGGESTION).data() for i in food] == ["Choose a dimension"] * 3
    assert "choose a dimension" in roles.index(food[0].row(), COL_SUGGESTION).data(Qt.ItemDataRole.ToolTipRole)
    assert "6 rating questions name no dimension" in wizard.columns_page.problem.text()
    for index in food:
        roles.setData(index, "dim:tangibles")
    wizard.next()
    page = wizard.scale_page
    assert page.kind.currentData() == "labels" and page.confirm.isVisible()
    assert "not words of a scale we know" in page.notes.text()
    order = page.order
    assert sorted(order.labels()) == sorted(["Horrendous", "Just about edible but I was hungry",
                                             "Some good, some not so good", "Yum!", "Give the team a Michelin star!!"])
    # Put them in order with the buttons: select, then move up/down until worst first.
    wanted = ["Horrendous", "Just about edible but I was hungry", "Some good, some not so good", "Yum!",
              "Give the team a Michelin star!!"]
    for target, label in enumerate(wanted):
        order.select(order.labels().index(label))
        while order.labels().index(label) > target:
            click(qtbot, order.up)
    assert order.labels() == wanted
    assert rows_of(order.model) == ["Horrendous — 0 points", "Just about edible but I was hungry — 1 point",
                                    "Some good, some not so good — 2 points", "Yum! — 3 points",
                                    "Give the team a Michelin star!! — 4 points"]
    wizard.next()
    assert wizard.currentPage() is page and "tick the box" in page.problem.text()
    confirm_scale(qtbot, wizard)
    wizard.next()
    assert wizard.currentPage() is wizard.validation
    assert wizard.session.mapping.scale.labels == tuple(wanted) and wizard.session.mapping.scale.confirmed
    qtbot.waitUntil(lambda: not wizard.busy, timeout=20000)
    report = wizard.validation.report.text()
    assert "Points each answer gets:" in report and "“Yum!” → 3 points" in report


def test_dragging_a_label_moves_it_and_its_points_follow(qtbot):
    from ui.widgets.label_order import LabelOrder

    widget = LabelOrder()
    qtbot.addWidget(widget)
    widget.set_labels(["Good", "Poor", "Fair"])
    model = widget.model
    # What the list view does on an internal drag: drop the dragged row's data, then remove the original.
    data = model.mimeData([model.index(1)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    model.removeRows(2, 1)
    assert widget.labels() == ["Poor", "Good", "Fair"]
    assert rows_of(model)[0] == "Poor — 0 points"
    widget.select(2)
    click(qtbot, widget.up)
    assert widget.labels() == ["Poor", "Fair", "Good"] and rows_of(model)[2] == "Good — 4 points"
    seen = []
    widget.not_applicable.connect(seen.append)
    widget.select(0)
    click(qtbot, widget.to_na)
    assert seen == ["Poor"] and widget.labels() == ["Fair", "Good"]
    click(qtbot, widget.add)  # a step nobody chose, typed in place
    assert widget.model.rowCount() == 3 and widget.labels() == ["Fair", "Good"]


def test_a_recognised_scale_needs_no_tick_and_comments_come_with_a_warning(qtbot, make_wizard):
    wizard = make_wizard()
    open_file(qtbot, wizard, MADE_HERE / "servqual-es.csv")
    wizard.next()
    roles = wizard.roles_model
    assert wizard.session.column_roles.roles()[3:11] == ["dim:reliability", "dim:responsiveness", "dim:empathy",
                                                         "dim:tangibles", "kpi:nps", "kpi:csat", "kpi:fcr", "comment"]
    assert roles.index(3, COL_SUGGESTION).data() == "Suggested"
    assert roles.index(3, COL_SUGGESTION).data(Qt.ItemDataRole.ToolTipRole) == \
        'The question names Reliability ("fiabilidad").'
    assert "may hold names" in wizard.columns_page.problem.text()
    wizard.next()
    page = wizard.scale_page
    assert not page.confirm.isVisible() and page.isComplete()
    assert page.order.labels() == ["Muy insatisfecho", "Insatisfecho", "Ni satisfecho ni insatisfecho",
                                   "Satisfecho", "Muy satisfecho"]
    assert page.na.text() == "No sé"
    wizard.next()
    qtbot.waitUntil(lambda: not wizard.busy, timeout=20000)
    assert wizard.session.mapping.comments == ("Comentarios",)
    report = wizard.validation.report.text()
    assert "“No sé” → no answer" in report and "may hold names" in report


def test_a_guess_the_person_overrides_is_no_longer_marked(qtbot, make_wizard):
    wizard = make_wizard()
    open_file(qtbot, wizard, MADE_HERE / "servqual-vi.csv")
    wizard.next()
    roles = wizard.roles_model
    polite = 9  # "Nhân viên lịch sự với bạn": worded like Assurance only
    assert roles.index(polite, COL_ROLE).data(Qt.ItemDataRole.EditRole) == "dim:assurance"
    assert roles.index(polite, COL_SUGGESTION).data() == "Check this"
    assert "1 suggestion is a guess" in wizard.columns_page.problem.text()
    roles.setData(roles.index(polite, COL_ROLE), "dim:empathy")
    assert roles.index(polite, COL_SUGGESTION).data() is None
    assert "guess" not in wizard.columns_page.problem.text()


def test_the_wizard_models_pass_the_qt_model_tester(qtbot, qtmodeltester, make_wizard):
    from ui.models.scale_labels import ScaleLabelsModel

    labels = ScaleLabelsModel()
    labels.setStringList(["Poor", "Fair", "Good"])
    qtmodeltester.check(labels, force_py=True)
    wizard = make_wizard()
    open_file(qtbot, wizard, MADE_HERE / "servqual-en.csv")
    wizard.next()
    qtmodeltester.check(wizard.roles_model, force_py=True)


def test_columns_on_different_scales_are_named_and_the_scale_is_not_taken_as_sure(qtbot, make_wizard):
    wizard = make_wizard()
    open_file(qtbot, wizard, EXPORTS / "google-forms-prepbench-sudzilla.csv")
    wizard.next()
    roles = wizard.roles_model
    for column in (1, 3, 6, 7, 8):  # the two 0-10 keynote ratings ... and the three food questions
        roles.setData(roles.index(column, COL_ROLE), "dim:assurance")
    wizard.next()
    page = wizard.scale_page
    assert "Columns #2, #4 are answered on another scale than the rest" in page.notes.text()
    assert page.confirm.isVisible() and not page.isComplete()

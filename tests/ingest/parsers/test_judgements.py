"""Building judgements and reconciling a table with the body (ingest/parsers/judgements.py)."""

from ingest.document import Document
from ingest.parsers.base import ParsedJudgement
from ingest.parsers.common import Row
from ingest.parsers.judgements import (
    Statement,
    columns,
    judgement,
    read_statements,
    reconcile,
    ungraded_warning,
)
from vocabulary import Area, Framework, Grade

OVERALL = "Overall effectiveness"


def rows_of(text: str) -> list[Row]:
    return [Row.of(line) for line in Document.from_text(text).lines()]


def ilacs(label: str, printed: str) -> ParsedJudgement:
    return judgement(Framework.ILACS, "Judgements", label, printed, page=2, source=label)


def statement(label: str, grade: str, readable: bool = True) -> Statement:
    return Statement(label, grade, rows_of(f"{label} {grade}"), readable)


# --------------------------------------------------------------------------- judgement


def test_a_judgement_reads_its_grade_on_the_frameworks_scale_and_maps_its_area():
    built = ilacs(OVERALL, "Requires improvement to be good")
    assert built.grade == Grade.REQUIRES_IMPROVEMENT
    assert built.area == Area.OVERALL
    assert (built.grade_as_printed, built.page, built.source_text) == (
        "Requires improvement to be good",
        2,
        OVERALL,
    )


def test_a_judgement_with_nothing_printed_or_an_unreadable_grade_has_no_grade():
    assert ilacs(OVERALL, "").grade is None
    assert ilacs(OVERALL, "Satisfactory-ish").grade is None


def test_the_2006_scale_reads_4_as_best():
    built = judgement(Framework.APA, "Social care", "Overall", "4", page=None, source="Overall\t4")
    assert built.grade == Grade.OUTSTANDING


def test_a_parser_may_give_the_area_itself():
    built = judgement(
        Framework.SIF, "s", "The board is good", "good", page=None, source="", area=Area.LSCB
    )
    assert built.area == Area.LSCB


def test_the_ungraded_warning_names_the_label_and_says_why():
    assert (
        ungraded_warning("Leadership", "") == "Leadership: no grade printed; kept without a grade."
    )
    assert ungraded_warning("Leadership", "Fair") == (
        "Leadership: the grade 'Fair' could not be read; kept without a grade."
    )


# --------------------------------------------------------------------------- statements


def test_columns_split_label_and_grade_cells_across_wrapped_rows():
    window = rows_of(
        "The experiences and progress of\tRequires\nchildren who need help and protection\timprovement"
    )
    assert columns(window) == (
        "The experiences and progress of children who need help and protection",
        "Requires improvement",
    )


def test_read_statements_asks_only_rows_that_start_like_a_heading_and_reads_on_after_each():
    rows = rows_of("Prose line\nThe impact of leaders\tGood\nThe impact again\tGood\nEnd")
    asked: list[int] = []

    def statement_at(index: int) -> Statement | None:
        asked.append(index)
        label, grade = columns(rows[index : index + 1])
        return Statement(label, grade, rows[index : index + 2]) if grade else None

    found = read_statements(rows, 0, ("the impact",), statement_at)
    assert [each.label for each in found] == ["The impact of leaders"]
    assert asked == [1]  # row 2 lies inside the first statement's rows


# --------------------------------------------------------------------------- reconcile


def reconciled(table, body, warnings, **options):
    return reconcile(
        table,
        body,
        framework=Framework.ILACS,
        area_of=lambda found: (
            judgement(Framework.ILACS, "Judgements", found.label, "", page=None, source="").area
        ),
        key=lambda area, label: area if area != Area.OTHER else label.lower(),
        body_judgement=lambda found, area: ilacs(found.label, found.grade),
        warnings=warnings,
        **options,
    )


def test_the_tables_grade_is_kept_where_the_body_agrees_without_a_warning():
    warnings: list[str] = []
    table = [ilacs(OVERALL, "Good")]
    assert reconciled(table, [statement("Overall effectiveness", "good")], warnings) == table
    assert warnings == []


def test_a_body_grade_that_differs_leaves_the_tables_with_a_warning_naming_both():
    warnings: list[str] = []
    table = [ilacs(OVERALL, "Good")]
    result = reconciled(table, [statement("Overall effectiveness", "inadequate")], warnings)
    assert [found.grade for found in result] == [Grade.GOOD]
    assert len(warnings) == 1
    assert "'Good'" in warnings[0] and "'inadequate'" in warnings[0]
    assert "kept the table's grade" in warnings[0]


def test_an_unreadable_body_grade_leaves_the_tables_with_a_warning():
    warnings: list[str] = []
    table = [ilacs(OVERALL, "Good")]
    result = reconciled(table, [statement(OVERALL, "very fine", readable=False)], warnings)
    assert [found.grade for found in result] == [Grade.GOOD]
    assert "could not be read" in warnings[0]


def test_a_grade_only_the_body_states_is_kept_with_a_warning():
    warnings: list[str] = []
    result = reconciled([], [statement(OVERALL, "Good")], warnings)
    assert [(found.area, found.grade) for found in result] == [(Area.OVERALL, Grade.GOOD)]
    assert "graded 'Good' in the body but not in the table" in warnings[0]


def test_a_body_only_grade_the_layout_expects_is_kept_without_a_warning():
    warnings: list[str] = []
    result = reconciled(
        [],
        [statement(OVERALL, "Good")],
        warnings,
        expected_in_body_only=lambda found, area: True,
    )
    assert len(result) == 1 and warnings == []


def test_labels_in_no_comparable_area_are_matched_by_key_not_lumped_together():
    warnings: list[str] = []
    table = [ilacs("Something unusual", "Good")]
    result = reconciled(table, [statement("Another unusual thing", "Inadequate")], warnings)
    assert [found.label for found in result] == ["Something unusual", "Another unusual thing"]

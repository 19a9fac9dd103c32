"""Judgements: grades as printed, the body headings that restate them, and one judgement
per area where a report grades in a table and again in its body.

- :data:`FOUR_WORD_GRADE` and :data:`FOUR_WORD_GRADE_CELL`: the grade words of the scale
  used from 2013 (SIF, LSCB reviews, ILACS); :data:`SUMMARY_SECTION`, the section of the
  judgements a headline block states under no heading of its own (SIF, LSCB reviews).
- :class:`Statement`, :func:`columns` and :func:`read_statements` read graded body headings.
- :func:`judgement` builds every parser's judgements the same way: the comparable grade
  read from the grade as printed on the framework's scale (None when nothing is printed or
  it cannot be read: never guessed) and the area its label maps to;
  :func:`ungraded_warning` words the warning for a judgement kept without a grade.
- :func:`reconcile` keeps one judgement per area: the table's, checked against the body
  headings that restate it, with a warning where they disagree.

What a layout alone prints (a record table, inline "Grade 2 (good)", a headline sentence)
is read by its parser, which hands the grades here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from vocabulary import area_for, read_grade

from .base import ParsedJudgement
from .common import Row, join_wrapped, normalise_space

# --------------------------------------------------------------------------- grades and statements

# The grade words of the scale used from 2013 (SIF, LSCB reviews, ILACS), as a table cell,
# heading or sentence prints them.
FOUR_WORD_GRADE = (
    r"(?:requires?|require)\s+improvement(?:\s+to\s+be\s+good)?|inadequate|good|outstanding"
)
# A table cell holding only such a grade.
FOUR_WORD_GRADE_CELL = re.compile(rf"(?:{FOUR_WORD_GRADE})\.?", re.IGNORECASE)

# The section of the judgements a SIF report's headline block states, under no printed
# heading; a standalone LSCB review's judgement, stated the same way, takes it too.
SUMMARY_SECTION = "Summary of judgements"


@dataclass
class Statement:
    """A graded heading or sentence: its label and grade as printed, and the rows it spans.

    ``readable`` is False where the words in the grade's place are not a grade.
    """

    label: str
    grade: str
    rows: list[Row]
    readable: bool = True


def columns(window: Sequence[Row]) -> tuple[str, str]:
    """A heading's label column and grade column, each joined across the ``window``'s rows.

    A row with several cells carries a grade in its last cell ("The experiences and progress
    of\\tRequires" / "children who need help and protection\\timprovement"); a row with one
    cell is all label. The grade is "" when no row has a grade cell.
    """
    label_parts: list[str] = []
    grade_parts: list[str] = []
    for row in window:
        if len(row.cells) > 1:
            label_parts.extend(row.cells[:-1])
            grade_parts.append(row.cells[-1])
        else:
            label_parts.append(row.cells[0])
    return join_wrapped(label_parts), normalise_space(" ".join(grade_parts))


def read_statements(
    rows: Sequence[Row],
    start: int,
    starts: tuple[str, ...],
    statement_at: Callable[[int], Statement | None],
) -> list[Statement]:
    """The graded body headings from ``rows[start]`` on, in order.

    ``statement_at(index)`` reads a heading starting at ``rows[index]``; it is asked only
    where a row's key begins with one of ``starts`` (cheap: most rows are prose), and reading
    goes on after the last row of each heading found. ``rows`` holds one Row per line of
    the document, so a row's index is its line number.
    """
    statements: list[Statement] = []
    index = start
    while index < len(rows):
        row = rows[index]
        statement = statement_at(index) if row.cells and row.key.startswith(starts) else None
        if statement is None:
            index += 1
        else:
            statements.append(statement)
            index = statement.rows[-1].line.number + 1
    return statements


# --------------------------------------------------------------------------- judgements


def judgement(
    framework: str,
    section: str,
    label: str,
    printed: str,
    *,
    page: int | None,
    source: str,
    area: str | None = None,
) -> ParsedJudgement:
    """A judgement as printed: ``printed`` read on ``framework``'s scale (None when nothing
    is printed or it cannot be read), in the area ``label`` maps to unless ``area`` is
    given. The caller warns about a grade of None in its report's words."""
    return ParsedJudgement(
        section=section,
        label=label,
        grade_as_printed=printed,
        grade=read_grade(framework, printed) if printed else None,
        area=area if area is not None else area_for(framework, section, label),
        page=page,
        source_text=source,
    )


def ungraded_warning(label: str, printed: str) -> str:
    """The warning for a judgement kept without a grade: nothing printed, or unreadable."""
    return (
        f"{label}: "
        + (f"the grade '{printed}' could not be read" if printed else "no grade printed")
        + "; kept without a grade."
    )


def reconcile(
    table: Sequence[ParsedJudgement],
    body: Sequence[Statement],
    *,
    framework: str,
    area_of: Callable[[Statement], str],
    key: Callable[[str, str], str],
    body_judgement: Callable[[Statement, str], ParsedJudgement],
    expected_in_body_only: Callable[[Statement, str], bool] = lambda statement, area: False,
    warnings: list[str],
) -> list[ParsedJudgement]:
    """One judgement per area: the table's, checked against the body headings restating it.

    ``key(area, label)`` says which judgements are the same one (the area, or for labels
    in no comparable area, the label). A body heading the table does not grade is kept as
    ``body_judgement(statement, area)``, with a warning unless
    ``expected_in_body_only(statement, area)``; one whose grade cannot be read or differs
    from the table's leaves the table's grade, with a warning naming both.
    """
    judgements = list(table)
    known: dict[str, ParsedJudgement] = {}
    for found in judgements:
        known.setdefault(key(found.area, found.label), found)
    for statement in body:
        area = area_of(statement)
        same = known.get(key(area, statement.label))
        source = normalise_space(" ".join(row.plain for row in statement.rows))
        grade = read_grade(framework, statement.grade) if statement.readable else None
        if same is None:
            added = body_judgement(statement, area)
            if not expected_in_body_only(statement, area):
                warnings.append(
                    f"{statement.label}: graded '{statement.grade}' in the body but not in the "
                    "table of judgements; kept the body's grade."
                )
            judgements.append(added)
            known[key(area, statement.label)] = added
        elif grade is None:
            warnings.append(
                f'{same.label}: the body heading "{source}" states a grade that could '
                f"not be read; kept the table's grade '{same.grade_as_printed}'."
            )
        elif grade != same.grade:
            warnings.append(
                f"{same.label}: the table of judgements gives '{same.grade_as_printed}' but "
                f"the body says '{statement.grade}' (\"{source}\"); kept the table's grade."
            )
    return judgements

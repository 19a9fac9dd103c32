"""Where a report's table, body and numbering disagree with what its kind always prints,
the parse says so: a lost table row or a run-together list is never a quiet result."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ingest.document import Document
from ingest.parsers import parse
from tests.samples import sample_document
from vocabulary import Area

# Reports of each layout with a table of judgements: (source, a label in its table).
TABLE_ROWS = [
    ("corpus/halton-2024-07-12-children-s-services-inspection", "care leavers"),
    ("corpus/kirklees-2019-08-05-children-s-services-inspection", "children in care"),
    ("corpus/redbridge-2016-11-25-children-s-services-inspection", "Adoption performance"),
    ("corpus/cambridgeshire-2014-08-08-children-s-services-inspection", "care leavers"),
    ("pdf-original/liverpool-2026-ilacs-post-reform.pdf", "care leavers"),
    ("text/knowsley-2010-safeguarding-and-looked-after-children.txt", "Overall effectiveness"),
]


def _without_lines(document: Document, dropped: set[int]) -> Document:
    pages, number = [], 0
    for page in document.pages:
        rows = []
        for row in page.split("\n"):
            if number not in dropped:
                rows.append(row)
            number += 1
        pages.append("\n".join(rows))
    return replace(document, pages=tuple(pages))


def _table_lines(document: Document, label: str) -> list[int]:
    """Lines of the document's opening pages that print a judgement labelled ``label``."""
    report = parse(document)
    sources = [j.source_text for j in report.judgements if label.lower() in j.label.lower()]
    return [
        line.number
        for line in document.lines()
        if line.page in (None, 1, 2)
        and line.cells
        and any(line.cells[0] in source for source in sources)
    ][:3]


@pytest.mark.parametrize(("source", "label"), TABLE_ROWS)
def test_deleting_a_table_row_is_never_silent(source, label):
    document = sample_document(source)
    before = parse(document)
    lines = _table_lines(document, label)
    assert lines, "the test must find the row to delete"

    for line in lines:
        after = parse(_without_lines(document, {line}))
        kept = {(j.area, j.grade) for j in after.judgements}
        lost = [j for j in before.judgements if (j.area, j.grade) not in kept]
        if lost:
            assert len(after.warnings) > len(before.warnings), (line, lost, after.warnings)


def test_a_headline_area_lost_from_table_and_body_is_named():
    document = sample_document("pdf-original/liverpool-2026-ilacs-post-reform.pdf")
    assert not any("No judgement on" in warning for warning in parse(document).warnings)
    lines = list(document.lines())
    # Every line printing the care leavers judgement, in the table and in the body.
    dropped = {
        line.number
        for line in lines
        if "progress of care" in line.plain.lower()
        and "leavers" in (line.plain + lines[line.number + 1].plain).lower()
    }
    dropped |= {number + 1 for number in dropped}

    damaged = parse(_without_lines(document, dropped))

    assert not any(j.area == Area.CARE_LEAVERS for j in damaged.judgements)
    assert any(
        warning.startswith("No judgement on care leavers was read, though every report of")
        for warning in damaged.warnings
    ), damaged.warnings


def test_items_run_together_by_out_of_sequence_numbering_are_named():
    document = sample_document("text/knowsley-2017-services-for-children-reinspection.txt")
    text = document.text
    before = parse(document)
    assert not any("out of sequence" in warning for warning in before.warnings)
    numbers = [r.text for r in before.recommendations]
    second = numbers[1][:30]
    # Renumber the second recommendation far out of sequence, as a mutated PDF might.
    index = text.index(second)
    prefix = text.rfind("\n", 0, index) + 1
    mutated = text[:prefix] + "90. " + text[prefix:].lstrip("0123456789. ")

    after = parse(Document.from_text(mutated, name="k.txt"))

    assert len(after.recommendations) < len(before.recommendations)  # they ran together
    assert any(
        warning.startswith("Recommendation 2 (") and "numbered 3 inside it" in warning
        for warning in after.warnings
    ), after.warnings

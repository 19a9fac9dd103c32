"""Unit tests for the parser of inspections of looked after children services (2012-2013).

The reports are small synthetic texts in the two layouts the parser receives: a text report
(a heading and its grade on one line, paragraphs on one line, blank lines, "- " bullets)
and a PDF-like one (pages separated by form feeds, running headers and page numbers,
headings and items that wrap, symbol-font bullets).
"""

from __future__ import annotations

import contextlib
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.document import Document
from ingest.errors import IngestError, ParseError
from ingest.parsers import detect_framework, lac, parse
from vocabulary import Area, Framework, Grade, InspectionType, RecommendationKind, Timescale

RECORD = """Record of main findings:

Services for looked after children\t\t
Overall effectiveness\t{overall}\t
Capacity to improve\tGood\t
Outcomes for looked after children and care leavers\tAdequate\t
Quality of provision\tAdequate\t
Leadership and management\t{leadership}\t
"""


def text_report(
    *,
    overall_inline: str = "Grade 3 (Adequate)",
    overall_record: str = "Adequate",
    leadership_record: str = "Adequate",
    record: bool = True,
    immediately: str = "- There are no recommendations for immediate action.",
    extra_body: str = "",
) -> str:
    """A looked after children inspection of Widgetshire, laid out as a text report."""
    body = f"""Inspection of looked after children services Widgetshire

Inspection dates: 3 – 14 June 2013 Reporting inspector Jane Smith HMI

Age group:AllPublished:19 July 2013

Contents

Overall effectiveness\t4
Capacity to improve\t4
Record of main findings\t20

The inspection judgements and what they mean

3. All inspection judgements are made using the following four point scale.

Outstanding (Grade 1)\tA service that significantly exceeds minimum requirements
Good (Grade 2)\tA service that exceeds minimum requirements
Adequate (Grade 3)\tA service that only meets minimum requirements
Inadequate (Grade 4)\tA service that does not meet minimum requirements

Service information

4. Widgetshire has about 100,000 children and young people.

Overall effectiveness of services for looked after children and young people

{overall_inline}

8. The overall effectiveness of services is adequate. Outcomes judged good at the last inspection in 2010 were
Grade 2 (Good) at that time and have declined.

Capacity to improve Grade 2 (Good)

11. Capacity to improve is good.

Areas for improvement

15. In order to improve the quality of provision and services for looked after children and young people in Widgetshire, the local authority and its partners should take the following action.

Immediately:

{immediately}

Within three months:

- Ensure that every child has a care plan.
- Improve the quality of personal education plans.

Within six months:

 Review the case loads of independent reviewing officers.

Outcomes for looked after children and care leavers

Grade 3 (Adequate)

16. Outcomes are adequate.

Quality of provision

Grade 3 (Adequate)

Leadership and management

Grade 3 (Adequate)

{extra_body}
"""
    if record:
        body += RECORD.format(overall=overall_record, leadership=leadership_record)
    return body


def pdf_like_report() -> str:
    """The same kind of report as pages of a PDF: running headers, page numbers, wrapping."""
    header = "Widgetshire County Council Inspection of looked after children services\t{page}"
    pages = [
        "Inspection of looked after children\nservices\nWidgetshire County Council\n"
        "Inspection dates:\t3 – 14 June 2013\nReporting inspector Jane Smith HMI\n"
        "Age group:\tAll\nPublished:\t19 July 2013",
        header.format(page=4)
        + "\nOverall effectiveness of services for looked\nafter children and young people\n"
        "Grade 2 (good)\n8.\tThe overall effectiveness of services for looked after children is\n"
        "good.\nCapacity to improve\nGrade 2 (good)\n9.\tCapacity is good.\n"
        "Areas for improvement\n10. In order to improve the quality of provision the local\n"
        "authority should take the following action.\nImmediately:\n"
        "\uf0a7\tensure all children have a care plan which sets out\ntheir individual needs\n"
        "\uf0a7\tensure all social workers receive regular\nsupervision.\nWithin three months:\n"
        "\uf0a7\tensure all children have a good quality personal education plan (PEP)\nwhich",
        header.format(page=5) + "\naddresses their needs\n5",
        header.format(page=6)
        + "\nOutcomes for looked after children and young\npeople\nGrade 2 (good)\n"
        "11. Outcomes are good.\nRecord of main findings\nServices for looked after children\n"
        "Overall effectiveness\tGood\nCapacity to improve\tGood\n"
        "Outcomes for looked after children\tGood\nand young people",
    ]
    return "\f".join(pages)


def _parse(text: str, name: str = "widgetshire-2013.txt"):
    return parse(Document.from_text(text, name=name))


def _judgements(report):
    return [(j.label, j.grade_as_printed, j.grade, j.area) for j in report.judgements]


def test_text_report_reads_header_judgements_and_areas_for_improvement():
    report = _parse(text_report())

    assert report.framework == Framework.LAC
    assert report.inspection_type == InspectionType.FULL
    assert report.parser_version == lac.SPEC.version
    assert report.authority_name == "Widgetshire"
    assert report.title == "Inspection of looked after children services"
    assert (report.start_date, report.end_date) == (date(2013, 6, 3), date(2013, 6, 14))
    assert report.published_on == date(2013, 7, 19)
    assert report.lead_inspector == "Jane Smith"
    assert _judgements(report) == [
        ("Overall effectiveness", "Adequate", Grade.REQUIRES_IMPROVEMENT, Area.CHILDREN_IN_CARE),
        ("Capacity to improve", "Good", Grade.GOOD, Area.CAPACITY_TO_IMPROVE),
        (
            "Outcomes for looked after children and care leavers",
            "Adequate",
            Grade.REQUIRES_IMPROVEMENT,
            Area.OUTCOMES,
        ),
        ("Quality of provision", "Adequate", Grade.REQUIRES_IMPROVEMENT, Area.QUALITY_OF_PROVISION),
        ("Leadership and management", "Adequate", Grade.REQUIRES_IMPROVEMENT, Area.LEADERSHIP),
    ]
    assert {j.section for j in report.judgements} == {"Services for looked after children"}
    assert report.warnings == []
    # "There are no recommendations for immediate action" means none; a lost bullet is an item.
    assert [(r.timescale, r.kind, r.text) for r in report.recommendations] == [
        (
            Timescale.WITHIN_THREE_MONTHS,
            RecommendationKind.AREA_FOR_IMPROVEMENT,
            "Ensure that every child has a care plan.",
        ),
        (
            Timescale.WITHIN_THREE_MONTHS,
            RecommendationKind.AREA_FOR_IMPROVEMENT,
            "Improve the quality of personal education plans.",
        ),
        (
            Timescale.WITHIN_SIX_MONTHS,
            RecommendationKind.AREA_FOR_IMPROVEMENT,
            "Review the case loads of independent reviewing officers.",
        ),
    ]


def test_grade_key_contents_and_earlier_inspections_are_not_judgements():
    report = _parse(text_report())
    sources = " ".join(j.source_text for j in report.judgements)
    assert "significantly exceeds" not in sources
    assert "at that time" not in sources
    assert len(report.judgements) == 5


def test_grade_key_printed_grade_first_is_not_a_judgement():
    key = "Outstanding (Grade 1)\tA service that significantly exceeds minimum requirements"
    text = text_report(record=False).replace(
        key, "Grade 1 (Outstanding)\nA service that significantly exceeds minimum requirements"
    )
    report = _parse(text)
    assert [j.grade_as_printed for j in report.judgements].count("Grade 1 (Outstanding)") == 0
    assert len(report.judgements) == 5


def test_record_and_body_disagreeing_keeps_the_record_grade_with_a_warning():
    report = _parse(text_report(overall_inline="Grade 4 (Inadequate)"))

    overall = report.judgements[0]
    assert (overall.label, overall.grade_as_printed, overall.grade) == (
        "Overall effectiveness",
        "Adequate",
        Grade.REQUIRES_IMPROVEMENT,
    )
    assert any("Adequate" in w and "Grade 4 (Inadequate)" in w for w in report.warnings)
    assert len(report.judgements) == 5


def test_unreadable_record_grade_is_kept_blank_with_a_warning():
    report = _parse(text_report(overall_record="Excelent"))

    overall = report.judgements[0]
    assert (overall.grade_as_printed, overall.grade) == ("Excelent", None)
    assert any("could not be read" in w and "Excelent" in w for w in report.warnings)


def test_blank_record_grade_takes_the_body_grade_with_a_warning():
    report = _parse(text_report(leadership_record=""))

    leadership = next(j for j in report.judgements if j.label == "Leadership and management")
    assert (leadership.grade_as_printed, leadership.grade) == (
        "Grade 3 (Adequate)",
        Grade.REQUIRES_IMPROVEMENT,
    )
    assert any("no grade in the Record of main findings" in w for w in report.warnings)


def test_grade_only_in_the_body_is_kept_with_a_warning():
    report = _parse(
        text_report(extra_body="Being healthy Grade 2 (Good)\n\n17. Health outcomes are good.\n")
    )

    assert ("Being healthy", "Grade 2 (Good)", Grade.GOOD, Area.BEING_HEALTHY) in _judgements(
        report
    )
    assert any("Being healthy" in w and "not in the Record" in w for w in report.warnings)


def test_without_a_record_the_body_headings_are_the_judgements():
    report = _parse(text_report(record=False))

    assert _judgements(report) == [
        (
            "Overall effectiveness of services for looked after children and young people",
            "Grade 3 (Adequate)",
            Grade.REQUIRES_IMPROVEMENT,
            Area.CHILDREN_IN_CARE,
        ),
        ("Capacity to improve", "Grade 2 (Good)", Grade.GOOD, Area.CAPACITY_TO_IMPROVE),
        (
            "Outcomes for looked after children and care leavers",
            "Grade 3 (Adequate)",
            Grade.REQUIRES_IMPROVEMENT,
            Area.OUTCOMES,
        ),
        (
            "Quality of provision",
            "Grade 3 (Adequate)",
            Grade.REQUIRES_IMPROVEMENT,
            Area.QUALITY_OF_PROVISION,
        ),
        (
            "Leadership and management",
            "Grade 3 (Adequate)",
            Grade.REQUIRES_IMPROVEMENT,
            Area.LEADERSHIP,
        ),
    ]
    assert report.warnings == []


def test_immediate_items_and_two_run_together_on_one_line():
    report = _parse(
        text_report(immediately="- Ensure visits are recorded. • Ensure plans are reviewed.")
    )

    immediate = [r.text for r in report.recommendations if r.timescale == Timescale.IMMEDIATELY]
    assert immediate == ["Ensure visits are recorded.", "Ensure plans are reviewed."]


def test_pdf_layout_with_wrapped_headings_items_and_running_headers():
    report = parse(Document.from_text(pdf_like_report(), name="widgetshire.pdf"))

    assert report.authority_name == "Widgetshire County Council"
    assert report.title == "Inspection of looked after children services"
    assert report.published_on == date(2013, 7, 19)
    assert [(j.label, j.grade_as_printed, j.page) for j in report.judgements] == [
        ("Overall effectiveness", "Good", 4),
        ("Capacity to improve", "Good", 4),
        ("Outcomes for looked after children and young people", "Good", 4),
    ]
    assert report.warnings == []
    assert [(r.timescale, r.text, r.page) for r in report.recommendations] == [
        (
            Timescale.IMMEDIATELY,
            "ensure all children have a care plan which sets out their individual needs",
            2,
        ),
        (Timescale.IMMEDIATELY, "ensure all social workers receive regular supervision.", 2),
        (
            Timescale.WITHIN_THREE_MONTHS,
            "ensure all children have a good quality personal education plan (PEP) which addresses their needs",
            2,
        ),
    ]


def test_missing_title_raises_parse_error():
    document = Document.from_text(
        "Some report\n\nOverall effectiveness\n\nGrade 2 (Good)\n", name="x.txt"
    )
    with pytest.raises(ParseError, match="x.txt"):
        lac.parse(document)


def test_report_without_any_judgement_raises_parse_error():
    text = "Inspection of looked after children services Widgetshire\n\nInspection dates: 3 – 14 June 2013\n\nNo grades."
    document = Document.from_text(text, name="empty.txt")
    assert detect_framework(document) == Framework.LAC
    with pytest.raises(ParseError, match="no judgements"):
        lac.parse(document)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            text_report().splitlines() + ["Grade 9 (", "\uf0a7", "Record of main findings", ""]
        ),
        max_size=40,
    )
)
def test_shuffled_report_lines_raise_only_ingest_errors(lines):
    text = "Inspection of looked after children services Widgetshire\n" + "\n".join(lines)
    with contextlib.suppress(IngestError):
        parse(Document.from_text(text, name="fuzz.txt"))

"""Unit tests for the safeguarding and looked after children (SLAC) parser and its shared pieces.

The reports are small synthetic texts in the layouts the parser receives: a text report of
2011-2012 (paragraphs on one line, record rows "label\\tgrade\\t" with a word split across
cells) and the same report laid out as a PDF renders it (record labels that wrap onto the
next row, recommendations that wrap, pages).
"""

from __future__ import annotations

import contextlib
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.document import Document
from ingest.errors import IngestError, ParseError
from ingest.parsers import detect_framework, parse, slac
from ingest.parsers.common import Row
from ingest.parsers.lists import timescale_of
from ingest.parsers.slac import (
    GRADE_CELL,
    INLINE_GRADE,
    clean_recommendation,
    join_cells,
    read_record_rows,
    split_run_together,
)
from vocabulary import (
    Area,
    Framework,
    Grade,
    InspectionType,
    RecommendationKind,
    Timescale,
)

SG = slac.SAFEGUARDING
LAC = slac.LOOKED_AFTER

HEADER = """

Inspection of safeguarding and looked after children services Widgetshire

Inspection dates: 7 March 2011 to 18 March 2011 Reporting inspector Jane  Doe HMI

Age group:AllPublished:22 April 2011

Contents

Safeguarding services\t5
Overall effectiveness\t5
Leadership and management\t12
Record of main findings\t30

The inspection judgements and what they mean

Outstanding (Grade 1)\tA service that significantly exceeds minimum requirements
Good (Grade 2)\tA service that exceeds minimum requirements
Adequate (Grade 3)\tA service that only meets minimum requirements
Inadequate (Grade 4)\tA service that does not meet minimum requirements
"""

SAFEGUARDING_PART = """
Safeguarding services

Overall effectiveness

Grade 2 (good)

- 10. The overall effectiveness of services in Widgetshire is good. At the last inspection in 2008 safeguarding was Grade 3 (adequate).

Capacity for improvement

- 11. The capacity for improvement is good.

Areas for improvement

12. In order to improve the quality of provision the local authority and its partners should take the following action.

Immediately:

- There are no recommendations for immediate action.

Within three months:

- Ensure that all assessments are signed off by managers. Review the workloads of conference chairs.
- Improve the recording of children's views so that a very 13. effective plan follows.

Within six months:

 Strengthen the quality assurance of child protection plans.

Safeguarding outcomes for children and young people

Children and young people are safe and feel safe Grade 2 (good)

- 14. Children are safe.

Quality of provision

Grade 3 (adequate)

- 15. The quality of provision is adequate.

The contribution of health agencies to keeping children and
young people safeGrade 1 (outstanding)

- 16. Health agencies contribute well.

Leadership and management

- Leadership and management are good. The council has delivered a very 17. effective workforce strategy.
"""

LOOKED_AFTER_PART = """
Services for looked after children

Overall effectiveness

Grade 2 (good)

- 18. The overall effectiveness of services for looked after children is good.

Capacity for improvement

Grade 2 (good)

Areas for improvement

Within three months:

- ensure all children receive their annual health assessment
- improve the quality of pathway plans

How good are outcomes for looked after children and care leavers?

Being healthy

Grade 1 (outstanding)

- 19. Health outcomes are outstanding.

Enjoying and achieving

- 20. Outcomes for enjoying and achieving are adequate. Tracking data for students in the current Year

Grade 3 (adequate)

11 shows progress close to that found nationally.
"""

RECORD = """
Record of main findings

Safeguarding services\t\t
Overall effectiveness\tGood\t
Capacity for improvement\tGood\t
Safeguarding outcomes for children and young per\tople\t
Children and young people are safe and feel safe\tGood\t
Quality of provision\tAdequate\t
The contribution of health agencies to keeping children and young people safe\tOutstanding\t
Leadership and management\t\t
Services for looked after children\t\t
Overall effectiveness\tGood\t
Capacity for improvement\tGood\t
How good are outcomes for looked after children a\tand care leavers?\t
Being healthy\tOutstanding\t
Enjoying and achieving\tAdequate\t
"""

# The same record as a PDF renders it: labels wrap onto the next row without a grade.
PDF_RECORD = """Record of main findings
Safeguarding services
Overall effectiveness\tGood
Capacity for improvement\tGood
Safeguarding outcomes for
children and young people
Children and young people are safe\tGood
and feel safe
Quality of provision\tAdequate
The contribution of health\tOutstanding
agencies to keeping
children and young people
safe
Leadership and
management
12
Services for looked after
children
Overall effectiveness\tGood
Capacity for improvement\tGood
How good are outcomes for
looked after children and
care leavers?
Being healthy\tOutstanding
Enjoying and achieving\tAdequate"""

EXPECTED_JUDGEMENTS = [
    (SG, "Overall effectiveness", "Good", Grade.GOOD, Area.HELP_AND_PROTECTION),
    (SG, "Capacity for improvement", "Good", Grade.GOOD, Area.CAPACITY_TO_IMPROVE),
    (
        SG,
        "Children and young people are safe and feel safe",
        "Good",
        Grade.GOOD,
        Area.STAYING_SAFE,
    ),
    (SG, "Quality of provision", "Adequate", Grade.REQUIRES_IMPROVEMENT, Area.QUALITY_OF_PROVISION),
    (
        SG,
        "The contribution of health agencies to keeping children and young people safe",
        "Outstanding",
        Grade.OUTSTANDING,
        Area.HEALTH,
    ),
    (SG, "Leadership and management", "good", Grade.GOOD, Area.LEADERSHIP),
    (LAC, "Overall effectiveness", "Good", Grade.GOOD, Area.CHILDREN_IN_CARE),
    (LAC, "Capacity for improvement", "Good", Grade.GOOD, Area.CAPACITY_TO_IMPROVE),
    (LAC, "Being healthy", "Outstanding", Grade.OUTSTANDING, Area.BEING_HEALTHY),
    (
        LAC,
        "Enjoying and achieving",
        "Adequate",
        Grade.REQUIRES_IMPROVEMENT,
        Area.ENJOYING_AND_ACHIEVING,
    ),
]

EXPECTED_RECOMMENDATIONS = [
    (SG, Timescale.WITHIN_THREE_MONTHS, "Ensure that all assessments are signed off by managers."),
    (SG, Timescale.WITHIN_THREE_MONTHS, "Review the workloads of conference chairs."),
    (
        SG,
        Timescale.WITHIN_THREE_MONTHS,
        "Improve the recording of children's views so that a very effective plan follows.",
    ),
    (
        SG,
        Timescale.WITHIN_SIX_MONTHS,
        "Strengthen the quality assurance of child protection plans.",
    ),
    (
        LAC,
        Timescale.WITHIN_THREE_MONTHS,
        "ensure all children receive their annual health assessment",
    ),
    (LAC, Timescale.WITHIN_THREE_MONTHS, "improve the quality of pathway plans"),
]


def report_text(
    *,
    header: str = HEADER,
    safeguarding: str = SAFEGUARDING_PART,
    looked_after: str = LOOKED_AFTER_PART,
    record: str = RECORD,
) -> str:
    """A 2011-style SLAC report for Widgetshire, laid out as a text report."""
    return header + safeguarding + looked_after + record


def read(text: str, name: str = "widgetshire-2011.txt"):
    return slac.parse(Document.from_text(text, name=name))


def judgements(report) -> list[tuple]:
    return [(j.section, j.label, j.grade_as_printed, j.grade, j.area) for j in report.judgements]


def recommendations(report) -> list[tuple]:
    return [(r.section, r.timescale, r.text) for r in report.recommendations]


def as_pdf(text: str) -> str:
    """The report as a PDF renders it: paragraphs wrapped at 60 characters, no blank lines,
    a form feed between pages, and the record with wrapped labels."""
    body = text[: text.index("\nRecord of main findings\n")]
    rows: list[str] = []
    for line in body.split("\n"):
        if not line.strip():
            continue
        while len(line) > 60 and "\t" not in line:
            cut = line.rfind(" ", 0, 60)
            rows.append(line[:cut])
            line = line[cut + 1 :]
        rows.append(line)
    middle = len(rows) // 2
    return "\n".join(rows[:middle]) + "\f" + "\n".join(rows[middle:]) + "\f" + PDF_RECORD


# --------------------------------------------------------------------------- whole report


def test_synthetic_report_reads_header_judgements_and_recommendations():
    report = read(report_text())
    assert report.framework == Framework.SLAC
    assert report.inspection_type == InspectionType.FULL
    assert report.parser_version == slac.SPEC.version
    assert report.authority_name == "Widgetshire"
    assert report.title == "Inspection of safeguarding and looked after children services"
    assert (report.start_date, report.end_date) == (date(2011, 3, 7), date(2011, 3, 18))
    assert report.published_on == date(2011, 4, 22)
    assert report.lead_inspector == "Jane Doe"
    assert judgements(report) == EXPECTED_JUDGEMENTS
    assert recommendations(report) == EXPECTED_RECOMMENDATIONS
    assert {r.kind for r in report.recommendations} == {RecommendationKind.AREA_FOR_IMPROVEMENT}


def test_pdf_layout_gives_the_same_judgements_and_recommendations_as_text():
    text_report = read(report_text())
    pdf_report = read(as_pdf(report_text()), name="widgetshire-2011.pdf")
    assert judgements(pdf_report) == judgements(text_report)
    assert recommendations(pdf_report) == recommendations(text_report)
    assert all(j.page is not None for j in pdf_report.judgements)
    assert pdf_report.judgements[0].page == 3  # read from the record, on the last page


def test_detect_framework_routes_the_report_to_this_parser():
    document = Document.from_text(report_text(), name="widgetshire-2011.txt")
    assert detect_framework(document) == Framework.SLAC
    assert judgements(parse(document)) == EXPECTED_JUDGEMENTS


def test_2010_header_with_authority_on_its_own_line():
    header = (
        HEADER.replace(
            "Inspection of safeguarding and looked after children services Widgetshire",
            "Inspection of safeguarding and looked after children services\n\nWidgetshire",
        )
        .replace(
            "Inspection dates: 7 March 2011 to 18 March 2011 Reporting inspector Jane  Doe HMI",
            "Inspection dates 1 -12 February 2010\nReporting inspector Jane Doe HMI",
        )
        .replace(
            "Age group:AllPublished:22 April 2011", "Age group: all\n\nPublished: 12 March 2010"
        )
    )
    report = read(report_text(header=header))
    assert report.authority_name == "Widgetshire"
    assert (report.start_date, report.end_date) == (date(2010, 2, 1), date(2010, 2, 12))
    assert report.published_on == date(2010, 3, 12)
    assert report.lead_inspector == "Jane Doe"


def test_dates_with_an_en_dash_across_months():
    header = HEADER.replace("7 March 2011 to 18 March 2011", "25 June – 6 July 2012")
    report = read(report_text(header=header))
    assert (report.start_date, report.end_date) == (date(2012, 6, 25), date(2012, 7, 6))


# --------------------------------------------------------------------------- reconciling


def test_body_grade_disagreeing_with_the_record_keeps_the_record_grade_and_warns():
    record = RECORD.replace("Quality of provision\tAdequate", "Quality of provision\tGood")
    report = read(report_text(record=record))
    quality = next(j for j in report.judgements if j.label == "Quality of provision")
    assert (quality.grade_as_printed, quality.grade) == ("Good", Grade.GOOD)
    assert any(
        "Quality of provision" in w and "'Good'" in w and "'Grade 3 (adequate)'" in w
        for w in report.warnings
    )
    assert len([j for j in report.judgements if j.label == "Quality of provision"]) == 1


def test_agreeing_body_grades_give_one_judgement_each_and_no_warnings():
    report = read(report_text())
    labels = [(j.section, j.label) for j in report.judgements]
    assert len(labels) == len(set(labels))
    assert not any("gives" in w or "body says" in w for w in report.warnings)


def test_blank_record_row_takes_the_inline_body_grade_with_a_warning():
    record = RECORD.replace("Quality of provision\tAdequate\t", "Quality of provision\t\t")
    report = read(report_text(record=record))
    quality = next(j for j in report.judgements if j.label == "Quality of provision")
    assert (quality.grade_as_printed, quality.grade) == (
        "Grade 3 (adequate)",
        Grade.REQUIRES_IMPROVEMENT,
    )
    assert any(
        w.startswith(
            f"{SG}: Quality of provision: the Record of main findings leaves the grade blank"
        )
        for w in report.warnings
    )


def test_blank_record_row_takes_the_body_sentence_grade_with_a_warning():
    report = read(report_text())
    leadership = next(j for j in report.judgements if j.section == SG and "Leadership" in j.label)
    assert (leadership.grade_as_printed, leadership.grade) == ("good", Grade.GOOD)
    assert leadership.source_text == "Leadership and management are good."
    assert any(
        "Leadership and management: the Record of main findings leaves" in w
        for w in report.warnings
    )


def test_blank_record_row_without_any_body_grade_is_kept_without_a_grade():
    safeguarding = SAFEGUARDING_PART.replace(
        "- Leadership and management are good.", "- Leaders know their services well."
    )
    report = read(report_text(safeguarding=safeguarding))
    leadership = next(j for j in report.judgements if j.section == SG and "Leadership" in j.label)
    assert (leadership.grade_as_printed, leadership.grade) == ("", None)
    assert any("leaves the grade blank and the body states none" in w for w in report.warnings)


def test_unreadable_record_grade_is_kept_without_a_grade_and_flagged():
    record = RECORD.replace("Being healthy\tOutstanding", "Being healthy\tGrade 2 (Outstanding)")
    report = read(report_text(record=record))
    healthy = next(j for j in report.judgements if j.label == "Being healthy")
    assert (healthy.grade_as_printed, healthy.grade) == ("Grade 2 (Outstanding)", None)
    assert any("'Grade 2 (Outstanding)' could not be read" in w for w in report.warnings)


def test_outcome_heading_rows_and_part_names_are_not_judgements():
    labels = " ".join(j.label for j in read(report_text()).judgements).lower()
    assert "outcomes for" not in labels
    assert "how good" not in labels
    assert "services" not in labels


def test_label_printed_twice_in_the_record_is_one_judgement_with_a_warning():
    record = RECORD.replace(
        "Leadership and management\t\t",
        "Ambition and prioritization\tGood\t\nAmbition and prioritisation\tGood\t\n"
        "Leadership and management\t\t",
    )
    report = read(report_text(record=record))
    ambition = [j for j in report.judgements if j.label.startswith("Ambition")]
    assert [(j.label, j.grade) for j in ambition] == [("Ambition and prioritization", Grade.GOOD)]
    assert any(
        "'Ambition and prioritization' and 'Ambition and prioritisation'" in w
        for w in report.warnings
    )


def test_body_grade_missing_from_the_record_is_kept_with_a_warning():
    safeguarding = (
        SAFEGUARDING_PART + "\nPartnership working Grade 1 (outstanding)\n\n- 21. Good.\n"
    )
    report = read(report_text(safeguarding=safeguarding))
    partnership = next(j for j in report.judgements if j.label == "Partnership working")
    assert (partnership.section, partnership.grade) == (SG, Grade.OUTSTANDING)
    assert any(
        "graded 'Grade 1 (outstanding)' in the body but not in the Record" in w
        for w in report.warnings
    )


def test_report_without_a_record_reads_the_inline_grades_with_a_warning():
    report = read(report_text(record=""))
    assert [(j.section, j.label, j.grade_as_printed) for j in report.judgements] == [
        (SG, "Overall effectiveness", "Grade 2 (good)"),
        (SG, "Children and young people are safe and feel safe", "Grade 2 (good)"),
        (SG, "Quality of provision", "Grade 3 (adequate)"),
        (
            SG,
            "The contribution of health agencies to keeping children and young people safe",
            "Grade 1 (outstanding)",
        ),
        (LAC, "Overall effectiveness", "Grade 2 (good)"),
        (LAC, "Capacity for improvement", "Grade 2 (good)"),
        (LAC, "Being healthy", "Grade 1 (outstanding)"),
        (LAC, "Enjoying and achieving", "Grade 3 (adequate)"),
    ]
    assert any("No 'Record of main findings' found" in w for w in report.warnings)


def test_grade_in_markdown_bold_glued_to_a_heading_matches_the_record_row():
    safeguarding = SAFEGUARDING_PART.replace(
        "Children and young people are safe and feel safe Grade 2 (good)",
        "Safeguarding outcomes for children and young people**Children and young people are "
        "safe and feel safe. Grade: 4 (Inadequate)**",
    )
    report = read(report_text(safeguarding=safeguarding))
    safe = next(j for j in report.judgements if "feel safe" in j.label)
    assert safe.grade == Grade.GOOD  # the record's grade is kept ...
    assert any("'Grade: 4 (Inadequate)'" in w for w in report.warnings)  # ... and the body's named


def test_prose_quoting_an_earlier_grade_is_not_a_judgement():
    report = read(report_text())
    overall = next(j for j in report.judgements if j.section == SG)
    assert overall.grade == Grade.GOOD
    assert not any("adequate" in w.lower() and "Overall" in w for w in report.warnings)


def test_prose_lines_quoting_grades_in_a_pdf_are_not_judgements():
    safeguarding = SAFEGUARDING_PART.replace(
        "- 14. Children are safe.",
        "- 14. Children are safe. The youth service was\nrated Grade 1 (outstanding) in 2009 and\n"
        "Inspectors found it Grade 4 (inadequate) before that.",
    )
    report = read(report_text(safeguarding=safeguarding))
    assert judgements(report) == EXPECTED_JUDGEMENTS
    assert not any("youth" in w or "Inspectors" in w for w in report.warnings)


def test_grade_key_and_contents_are_not_judgements():
    report = read(report_text())
    assert not any("service that" in j.label.lower() for j in report.judgements)
    assert not any(j.label.endswith(("5", "12", "30")) for j in report.judgements)


# --------------------------------------------------------------------------- recommendations


def test_no_recommendations_for_immediate_action_means_none():
    report = read(report_text())
    assert not any(r.timescale == Timescale.IMMEDIATELY for r in report.recommendations)
    assert not any("no recommendations" in r.text.lower() for r in report.recommendations)


def test_recommendations_wrapped_in_a_pdf_are_joined():
    report = read(as_pdf(report_text()), name="widgetshire-2011.pdf")
    assert report.recommendations[2].text == (
        "Improve the recording of children's views so that a very effective plan follows."
    )


def test_missing_areas_for_improvement_is_warned():
    safeguarding = SAFEGUARDING_PART.replace("Areas for improvement", "Other matters")
    report = read(report_text(safeguarding=safeguarding))
    assert all(r.section == LAC for r in report.recommendations)
    assert any(f"{SG}: no 'Areas for improvement' found" in w for w in report.warnings)


# --------------------------------------------------------------------------- failures


def test_missing_title_is_a_parse_error():
    text = report_text().replace("Inspection of safeguarding and looked after", "Report on")
    with pytest.raises(ParseError, match="title"):
        read(text)


def test_missing_inspection_dates_is_a_parse_error():
    text = report_text().replace("Inspection dates: 7 March 2011 to 18 March 2011", "")
    with pytest.raises(ParseError, match="Inspection dates"):
        read(text)


def test_report_without_record_or_grades_is_a_parse_error():
    text = HEADER + "\nSafeguarding services\n\nOverall effectiveness\n\n- 1. Text.\n"
    with pytest.raises(ParseError, match="has no judgements"):
        read(text)


def test_missing_publication_date_is_none_with_a_warning():
    report = read(report_text(header=HEADER.replace("Age group:AllPublished:22 April 2011", "")))
    assert report.published_on is None
    assert any("No 'Published' date" in w for w in report.warnings)


@settings(max_examples=150, deadline=None)
@given(junk=st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_junk_after_the_title_raises_only_ingest_errors(junk):
    text = f"Inspection of safeguarding and looked after children services Widgetshire\n{junk}"
    with contextlib.suppress(IngestError):
        slac.parse(Document.from_text(text, name="junk.txt"))


@settings(max_examples=100, deadline=None)
@given(cut=st.integers(min_value=0, max_value=4000), junk=st.text(max_size=40))
def test_truncated_or_damaged_reports_raise_only_ingest_errors(cut, junk):
    text = report_text()
    text = text[:cut] + junk + text[cut + len(junk) :]
    with contextlib.suppress(IngestError):
        parse(Document.from_text(text, name="damaged.txt"))


# --------------------------------------------------------------------------- shared pieces


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ("Grade: 2 (Good)", "Grade: 2 (Good)"),
        ("Quality of provision Grade 3 (adequate)", "Grade 3 (adequate)"),
        ("young people safeGrade 1 (outstanding)", "Grade 1 (outstanding)"),
        ("**... are safe. Grade: 2 (Good)**", "Grade: 2 (Good)"),
    ],
)
def test_inline_grade_forms(text, printed):
    match = INLINE_GRADE.search(text)
    assert match is not None and match.group(0) == printed


def test_grade_key_is_not_an_inline_grade():
    assert (
        INLINE_GRADE.search("Outstanding (Grade 1)\tA service that significantly exceeds") is None
    )


@pytest.mark.parametrize("cell", ["Good", "outstanding", "Adequate.", "Grade 2 (Good)", "4"])
def test_grade_cells(cell):
    assert GRADE_CELL.fullmatch(cell)


@pytest.mark.parametrize("cell", ["ople", "and care leavers?", "Goodwill", "12"])
def test_not_grade_cells(cell):
    assert not GRADE_CELL.fullmatch(cell)


def test_words_split_across_cells_are_rejoined():
    words = {"children", "young", "people", "and", "care", "leavers", "the"}
    assert (
        join_cells(["children and young per", "ople"], words.__contains__)
        == "children and young people"
    )
    assert join_cells(["children and young peo", "ople"], words.__contains__) == (
        "children and young people"
    )
    assert join_cells(["looked after children a", "and care leavers?"], words.__contains__) == (
        "looked after children and care leavers?"
    )
    assert join_cells(["Quality of", "provision"]) == "Quality of provision"


def test_record_ends_at_prose_after_the_table():
    document = Document.from_text(
        "Being healthy\tGood\n"
        "1. Annex: this report was produced under the Children Act 2004 section 20.\n"
        "Staying safe\tGood"
    )
    rows = read_record_rows([Row.of(line) for line in document.lines()], 0)
    assert [(row.label, row.grade) for row in rows] == [("Being healthy", "Good")]


def test_record_rows_join_wrapped_labels_and_keep_blank_rows():
    document = Document.from_text(
        "Leadership and\tGood\nmanagement\nPartnership working\nSafeguarding outcomes for\n"
        "children and young people\n3\nUser engagement\n\tAdequate"
    )
    rows = read_record_rows([Row.of(line) for line in document.lines()], 0)
    assert [(row.label, row.grade) for row in rows] == [
        ("Leadership and management", "Good"),
        ("Partnership working", ""),
        ("Safeguarding outcomes for children and young people", ""),
        ("User engagement", "Adequate"),
    ]


@pytest.mark.parametrize(
    ("text", "timescale"),
    [
        ("Immediately:", Timescale.IMMEDIATELY),
        ("Within three months:", Timescale.WITHIN_THREE_MONTHS),
        ("Within 6 months", Timescale.WITHIN_SIX_MONTHS),
        ("Within three months the council", None),
    ],
)
def test_timescale_headings(text, timescale):
    assert timescale_of(text) == timescale


def test_recommendation_cleaning_and_splitting():
    assert clean_recommendation("- 12. Ensure that a very 65. effective plan exists.") == (
        "Ensure that a very effective plan exists."
    )
    assert split_run_together(
        "Review the case loads of officers. Undertake a review of all cases at home."
    ) == ["Review the case loads of officers.", "Undertake a review of all cases at home."]
    assert split_run_together(
        "NHS Widgetshire should train GPs. This should be reported to the board."
    ) == ["NHS Widgetshire should train GPs. This should be reported to the board."]

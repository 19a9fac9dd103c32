"""Unit tests for the 2006 annual performance assessment (APA) letter parser.

The letters are small synthetic texts in the two layouts the parser receives: a text
report (table rows on one line, HTML-like markup in the strengths/areas table) and a PDF
rendering (one row per printed line, wrapped labels, empty cells dropped).
"""

from __future__ import annotations

import contextlib
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.document import Document
from ingest.errors import IngestError, ParseError
from ingest.parsers import apa, parse
from vocabulary import Area, Framework, Grade, RecommendationKind, Timescale

TITLE = "2006 ANNUAL PERFORMANCE ASSESSMENT OF SERVICES FOR CHILDREN AND YOUNG PEOPLE IN WIDGETSHIRE COUNTY COUNCIL"
OVERALL = (
    "The contribution of <i>the local authority's children's services</i> in maintaining "
    "and improving outcomes for children and young people"
)
CAPACITY = (
    "The council's overall <i>capacity to improve</i> its services for children and young people"
)
SOCIAL = (
    "The contribution of <i>the local authority's social care services</i> in maintaining "
    "and improving outcomes for children and young people"
)
UL = '<ul style="list-style-type: none">'


def letter(
    *,
    grades: tuple[str, str, str] = ("3", "3", "2"),
    summary: str = "consistently delivers above minimum requirements",
    outcome_words: tuple[str, ...] = ("good", "excellent", "adequate", "good", "good"),
    capacity_word: str = "good",
    date_line: str = "14 November 2006",
    signature: str = "JANE DOE-SMITH",
    table: bool = True,
) -> str:
    """A text-layout APA letter for Widgetshire County Council."""
    outcomes = "\n\n".join(
        f"{name}\n\nThe council's contribution to outcomes in this area is {word}. Some prose.\n\n"
        f"More prose about {name.lower()} that is good in places."
        for name, word in zip(apa.OUTCOMES, outcome_words, strict=False)
    )
    grade_table = (
        f"Areas for judgement\tGrade awarded¹\n{OVERALL}\t{grades[0]}\n{CAPACITY}\t{grades[1]}\n"
        f"{SOCIAL}\t{grades[2]}\n\n1\n\n"
        if table
        else ""
    )
    return f"""Widgetshire County Council
County Hall

{date_line}

Dear Ms Jones

{TITLE}

This letter summarises the findings.

Summary

{grade_table}Grade\tService descriptors\tCapacity to improve descriptors
4\tA service that delivers well above minimum requirements for users\tExcellent / outstanding
3\tA service that consistently delivers above minimum requirements for users\tGood
2\tA service that delivers only minimum requirements for users\tAdequate
1\tA service that does not deliver minimum requirements for users\tInadequate

Widgetshire County Council {summary} for children and young people.

{outcomes}

The council's management of its services for children and young people, including its capacity to improve them further

The management of services by the council is sound, and its capacity to improve is {capacity_word}.

Key strengths and areas for improvement

Key strengths\tKey areas for improvement
<p><i>Being healthy:</i></p> {UL} • school meals • sport. \t<p><i>Being healthy:</i></p>
<p><i>Staying safe:</i></p> {UL} • fostering. \t<p><i>Staying safe:</i></p> {UL} • timeliness of core assessments • stability of placements.
<p><i>Enjoying and achieving:</i></p> {UL} • reading. \t<p><i>Enjoying and achieving:</i></p> {UL} • attendance at secondary schools.

Aspects for focus in a future joint area review or the next APA

- Outcomes for looked after children.
- Attainment at Key Stage 4.

We confirm that the children's services grade will provide the score.

Yours sincerely



{signature}

Divisional Manager
Office for Standards in Education
"""


def parse_text(text: str):
    return apa.parse(Document.from_text(text, name="widgetshire.txt"))


def test_synthetic_letter_reads_header_table_outcomes_and_recommendations():
    report = parse_text(letter())

    assert report.framework == Framework.APA
    assert report.authority_name == "Widgetshire County Council"
    assert report.title == TITLE
    assert report.start_date == report.end_date == report.published_on == date(2006, 11, 14)
    assert report.lead_inspector == "Jane Doe-Smith"
    assert report.warnings == []
    assert [(j.label[:30], j.grade_as_printed, j.grade, j.area) for j in report.judgements] == [
        ("The contribution of the local ", "3", Grade.GOOD, Area.OVERALL),
        ("The council's overall capacity", "3", Grade.GOOD, Area.CAPACITY_TO_IMPROVE),
        ("The contribution of the local ", "2", Grade.REQUIRES_IMPROVEMENT, Area.SOCIAL_CARE),
        ("Being healthy", "good", Grade.GOOD, Area.BEING_HEALTHY),
        ("Staying safe", "excellent", Grade.OUTSTANDING, Area.STAYING_SAFE),
        (
            "Enjoying and achieving",
            "adequate",
            Grade.REQUIRES_IMPROVEMENT,
            Area.ENJOYING_AND_ACHIEVING,
        ),
        ("Making a positive contribution", "good", Grade.GOOD, Area.POSITIVE_CONTRIBUTION),
        ("Achieving economic well-being", "good", Grade.GOOD, Area.ECONOMIC_WELLBEING),
    ]
    # Markup stripped from the table's labels; the footnote "1" is not a row.
    assert "<i>" not in report.judgements[0].label
    assert [(r.section, r.kind, r.text) for r in report.recommendations] == [
        ("Staying safe", RecommendationKind.AREA_FOR_IMPROVEMENT, "timeliness of core assessments"),
        ("Staying safe", RecommendationKind.AREA_FOR_IMPROVEMENT, "stability of placements."),
        (
            "Enjoying and achieving",
            RecommendationKind.AREA_FOR_IMPROVEMENT,
            "attendance at secondary schools.",
        ),
        (
            "Aspects for focus in a future joint area review or the next APA",
            RecommendationKind.ASPECT_FOR_FOCUS,
            "Outcomes for looked after children.",
        ),
        (
            "Aspects for focus in a future joint area review or the next APA",
            RecommendationKind.ASPECT_FOR_FOCUS,
            "Attainment at Key Stage 4.",
        ),
    ]
    assert {r.timescale for r in report.recommendations} == {Timescale.NONE_STATED}


def test_apa_scale_reads_four_as_the_best_grade():
    report = parse_text(
        letter(
            grades=("4", "1", "2"),
            summary="delivers well above minimum requirements",
            capacity_word="inadequate",
        )
    )
    assert [j.grade for j in report.judgements[:3]] == [
        Grade.OUTSTANDING,
        Grade.INADEQUATE,
        Grade.REQUIRES_IMPROVEMENT,
    ]
    assert report.warnings == []


def test_capacity_in_text_agreeing_with_table_is_one_judgement():
    report = parse_text(letter())
    capacity = [j for j in report.judgements if j.area == Area.CAPACITY_TO_IMPROVE]
    assert len(capacity) == 1
    assert capacity[0].grade_as_printed == "3"


def test_capacity_disagreement_keeps_table_grade_and_warns():
    report = parse_text(letter(capacity_word="inadequate"))
    capacity = [j for j in report.judgements if j.area == Area.CAPACITY_TO_IMPROVE]
    assert len(capacity) == 1
    assert capacity[0].grade == Grade.GOOD
    assert any("3" in w and "inadequate" in w and "kept the table" in w for w in report.warnings)


def test_capacity_only_in_text_becomes_the_judgement():
    text = letter(capacity_word="adequate").replace(f"{CAPACITY}\t3\n", "")
    report = parse_text(text)
    capacity = [j for j in report.judgements if j.area == Area.CAPACITY_TO_IMPROVE]
    assert [(j.label, j.grade_as_printed, j.grade) for j in capacity] == [
        ("Capacity to improve", "adequate", Grade.REQUIRES_IMPROVEMENT)
    ]


def test_summary_disagreeing_with_overall_grade_warns_and_keeps_table():
    report = parse_text(letter(summary="does not deliver minimum requirements"))
    assert report.judgements[0].grade == Grade.GOOD
    assert any(
        "does not deliver minimum requirements" in w and "grade 1" in w for w in report.warnings
    )


def test_unreadable_table_grade_is_kept_without_grade_and_flagged():
    report = parse_text(letter(grades=("3", "three-ish", "2")))
    capacity = report.judgements[1]
    assert capacity.grade is None
    assert capacity.grade_as_printed == "three-ish"
    assert any("three-ish" in w for w in report.warnings)


def test_missing_table_grade_is_kept_without_grade_and_flagged():
    text = letter().replace(f"{SOCIAL}\t2", SOCIAL)
    report = parse_text(text)
    assert len(report.judgements) == 8
    assert report.judgements[2].grade is None
    assert any("no grade printed" in w for w in report.warnings)


def test_unreadable_outcome_word_is_kept_without_grade_and_flagged():
    report = parse_text(letter(outcome_words=("good", "satisfactory", "good", "good", "good")))
    safe = next(j for j in report.judgements if j.area == Area.STAYING_SAFE)
    assert safe.grade is None
    assert safe.grade_as_printed == "satisfactory"
    assert any("Staying safe" in w and "satisfactory" in w for w in report.warnings)


def test_missing_outcome_section_is_reported():
    report = parse_text(letter(outcome_words=("good", "good", "good", "good")))
    assert not any(j.area == Area.ECONOMIC_WELLBEING for j in report.judgements)
    assert any("Achieving economic well-being" in w for w in report.warnings)


def test_grade_key_and_earlier_findings_are_not_judgements():
    text = letter().replace("Some prose.", "Attendance was found to be inadequate in 2005.", 1)
    report = parse_text(text)
    assert len(report.judgements) == 8
    assert not any(j.label.startswith(("A service", "4", "Grade")) for j in report.judgements)


def test_missing_grade_table_is_a_parse_error():
    with pytest.raises(ParseError, match="Grade awarded"):
        parse_text(letter(table=False))


def test_missing_letter_date_is_a_parse_error():
    with pytest.raises(ParseError, match="date"):
        parse_text(letter(date_line=""))


def test_missing_title_is_a_parse_error():
    with pytest.raises(ParseError, match="title"):
        parse_text(letter().replace(TITLE, "A LETTER"))


def test_missing_signature_warns_and_leaves_lead_inspector_blank():
    report = parse_text(letter().replace("Yours sincerely", "With regards"))
    assert report.lead_inspector == ""
    assert any("signatory" in w for w in report.warnings)


def test_mixed_case_signature_is_kept_as_printed():
    report = parse_text(letter(signature="Jane McDonald"))
    assert report.lead_inspector == "Jane McDonald"


# A PDF rendering of the same letter: labels wrap onto rows without a grade, the grade of
# the second row sits on its continuation line, the footnote "1" follows the table, the
# strengths/areas table comes one printed line per row with empty cells dropped, and bullets
# come out as "(cid:127)".
PDF_PAGES = (
    """Widgetshire County Council
14 November 2006
Dear Ms Jones
2006 ANNUAL PERFORMANCE ASSESSMENT OF SERVICES FOR CHILDREN AND YOUNG PEOPLE IN
WIDGETSHIRE COUNTY COUNCIL
Areas for judgement\tGrade awarded¹
The contribution of the local authority's children's services in maintaining and\t3
improving outcomes for children and young people
The council's overall capacity to improve its services for children and young
people\t3
The contribution of the local authority's social care services in maintaining and
improving outcomes for children and young people
2
1
Grade\tService descriptors\tCapacity to improve descriptors
4\tA service that delivers well above\tExcellent / outstanding
minimum requirements for users
3\tA service that consistently delivers\tGood
above minimum requirements for
users""",
    """Widgetshire County Council consistently delivers above minimum requirements for children
and young people.
Being healthy
The council's contribution to outcomes in this area is
good. Some prose.
Staying safe
The council's contribution to outcomes in this area is excellent.
Enjoying and achieving
The council's contribution to outcomes in this area is adequate.
Making a positive contribution
The council's contribution to outcomes in this area is good.
Achieving economic well-being
The council's contribution to outcomes in this area is good.
The council's management of its services for children and young people, including its capacity to improve
them further
The management of services by the council is sound, and its capacity to improve is good.
Key strengths and areas for improvement
Key strengths\tKey areas for improvement
Being healthy:\tBeing healthy:
(cid:127) school meals
(cid:127) sport.
Staying safe:\tStaying safe:
(cid:127) fostering.\t(cid:127) timeliness of core
assessments
(cid:127) stability of placements.
Enjoying and achieving:\tEnjoying and achieving:
(cid:127) reading.\t(cid:127) attendance at secondary
schools.""",
    """Aspects for focus in a future joint area review or the next APA
- Outcomes for looked after
children.
- Attainment at Key Stage 4.
We confirm that the children's services grade will provide the score.
Yours sincerely
JANE DOE-SMITH
Divisional Manager""",
)


def test_pdf_layout_gives_the_same_judgements_and_recommendations_as_text():
    from_text = parse_text(letter())
    from_pdf = apa.parse(Document(pages=PDF_PAGES, paginated=True, name="widgetshire.pdf"))

    def judgements(report):
        return [
            (j.section, j.label, j.grade_as_printed, j.grade, j.area) for j in report.judgements
        ]

    def recommendations(report):
        return [(r.section, r.timescale, r.kind, r.text) for r in report.recommendations]

    assert judgements(from_pdf) == judgements(from_text)
    assert recommendations(from_pdf) == recommendations(from_text)
    assert from_pdf.title == TITLE
    assert from_pdf.lead_inspector == "Jane Doe-Smith"
    assert from_pdf.warnings == []
    assert [j.page for j in from_pdf.judgements] == [1, 1, 1, 2, 2, 2, 2, 2]
    assert [r.page for r in from_pdf.recommendations] == [2, 2, 2, 3, 3]


def test_text_row_with_empty_strengths_cell_keeps_areas_in_the_right_column():
    row = f"\t<p><i>Making a positive contribution:</i></p> {UL} • youth offending."
    text = letter().replace("\n\nAspects for focus", f"\n{row}\n\nAspects for focus")
    report = parse_text(text)
    assert ("Making a positive contribution", "youth offending.") in [
        (r.section, r.text) for r in report.recommendations
    ]


def test_strengths_column_items_are_not_recommendations():
    report = parse_text(letter())
    texts = " ".join(r.text for r in report.recommendations)
    assert "school meals" not in texts
    assert "fostering" not in texts


def test_detect_framework_routes_the_letter_to_this_parser():
    report = parse(Document.from_text(letter(), name="widgetshire.txt"))
    assert report.parser_version == apa.SPEC.version


@settings(max_examples=150, deadline=None)
@given(junk=st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_junk_after_the_title_raises_only_ingest_errors(junk):
    text = f"{TITLE}\n{junk}"
    with contextlib.suppress(IngestError):
        apa.parse(Document.from_text(text, name="junk.txt"))


@settings(max_examples=100, deadline=None)
@given(cut=st.integers(min_value=0, max_value=4000), junk=st.text(max_size=40))
def test_truncated_or_damaged_letters_raise_only_ingest_errors(cut, junk):
    text = letter()
    text = text[:cut] + junk + text[cut + len(junk) :]
    with contextlib.suppress(IngestError):
        parse(Document.from_text(text, name="damaged.txt"))

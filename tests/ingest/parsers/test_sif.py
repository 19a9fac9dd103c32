"""Unit tests for the single inspection framework (SIF) parser.

The reports are small synthetic texts in the layouts the parser receives: a text report of
2015-2018 (table rows on one line, paragraphs on one line, a markdown rule under graded
headings), its PDF rendering (labels and grades that wrap, page numbers, curly apostrophes)
and the 2013-2014 layout with the review of the Local Safeguarding Children Board.
"""

from __future__ import annotations

import contextlib
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.document import Document
from ingest.errors import IngestError, ParseError
from ingest.parsers import parse, sif
from vocabulary import (
    Area,
    Framework,
    Grade,
    InspectionType,
    RecommendationKind,
    Timescale,
)

TITLE = (
    "Inspection of services for children in need of help and protection, children looked "
    "after and care leavers"
)


def report_2016(
    *,
    title: str = TITLE,
    overall: str = "Children's services in Widgetshire require improvement to be good",
    help_grade: str = "Requires improvement",
    leadership_heading: str = "Leadership, management and governance\tGood",
    adoption_sentence: str = "The graded judgement for adoption performance is that it is good",
    dates: str = "Inspection date: 9 May 2016 to 2 June 2016",
    published: str = "Report published: 19 July 2016",
    lead: str = "Lead inspector: Paula Thomson -Jones HMI",
    recommendations: str = (
        "1. Ensure that plans are focused on outcomes for children.\n"
        "2. Improve the timeliness of assessments for children in need."
    ),
    table: bool = True,
) -> str:
    """A 2016-style SIF report for Widgetshire County Council, laid out as a text report."""
    table_rows = (
        f"1. Children who need help and protection\t\t{help_grade}\n"
        "2. Children looked after and achieving permanence\t\tRequires improvement\n"
        "\t2.1 Adoption performance\tGood\n"
        "\t2.2 Experiences and progress of care leavers\tGood\n"
        "3. Leadership, management and governance\t\tGood\n"
        if table
        else ""
    )
    return f"""

Widgetshire County Council

{title}

{dates}

{published}

{overall}\t\t
{table_rows}
Executive summary

Services have improved since the last inspection in 2013, when help and protection was found to be inadequate.

Contents

Executive summary\t2
Recommendations\t5
Summary for children and young people\t6
Leadership, management and governance\t12
Information about this inspection\t14

The local authority

- The previous inspection of Widgetshire's services was in 2013. Leadership, management and governance were judged to be inadequate.

Recommendations

{recommendations}

Summary for children and young people

- Services for children are getting better.

The experiences and progress of children who need help and protection\tRequires improvement
--\t-----

Inspection findings

9. Children receive a timely response.

{adoption_sentence}

10. Adoption is a strength.

<p>The graded judgement about the experience and progress of care leavers is that it is good</p>

11. Care leavers are well supported.

{leadership_heading}
--\t-----

12. Leaders are ambitious.

Information about this inspection

The inspection team

{lead}

Deputy lead inspector: Ian Young
"""


def parse_text(text: str):
    return sif.parse(Document.from_text(text, name="widgetshire.txt"))


def judgements(report):
    return [(j.section, j.label, j.grade_as_printed, j.grade, j.area) for j in report.judgements]


def recommendations(report):
    return [(r.section, r.timescale, r.kind, r.text) for r in report.recommendations]


def test_synthetic_report_reads_header_table_and_recommendations():
    report = parse_text(report_2016())

    assert report.framework == Framework.SIF
    assert report.inspection_type == InspectionType.FULL
    assert report.authority_name == "Widgetshire County Council"
    assert report.title == TITLE
    assert (report.start_date, report.end_date) == (date(2016, 5, 9), date(2016, 6, 2))
    assert report.published_on == date(2016, 7, 19)
    assert report.lead_inspector == "Paula Thomson-Jones"
    assert report.warnings == []
    summary = sif.SUMMARY_SECTION
    assert judgements(report) == [
        (
            summary,
            "Children's services in Widgetshire require improvement to be good",
            "require improvement to be good",
            Grade.REQUIRES_IMPROVEMENT,
            Area.OVERALL,
        ),
        (
            summary,
            "Children who need help and protection",
            "Requires improvement",
            Grade.REQUIRES_IMPROVEMENT,
            Area.HELP_AND_PROTECTION,
        ),
        (
            summary,
            "Children looked after and achieving permanence",
            "Requires improvement",
            Grade.REQUIRES_IMPROVEMENT,
            Area.CHILDREN_IN_CARE,
        ),
        (summary, "Adoption performance", "Good", Grade.GOOD, Area.ADOPTION),
        (
            summary,
            "Experiences and progress of care leavers",
            "Good",
            Grade.GOOD,
            Area.CARE_LEAVERS,
        ),
        (summary, "Leadership, management and governance", "Good", Grade.GOOD, Area.LEADERSHIP),
    ]
    assert recommendations(report) == [
        (
            "Recommendations",
            Timescale.NONE_STATED,
            RecommendationKind.RECOMMENDATION,
            "Ensure that plans are focused on outcomes for children.",
        ),
        (
            "Recommendations",
            Timescale.NONE_STATED,
            RecommendationKind.RECOMMENDATION,
            "Improve the timeliness of assessments for children in need.",
        ),
    ]


def test_reinspection_title_sets_the_inspection_type():
    report = parse_text(report_2016(title=f"Re-inspection of {TITLE[len('Inspection of ') :]}"))
    assert report.inspection_type == InspectionType.REINSPECTION


def test_body_headings_agreeing_with_the_table_are_one_judgement_each():
    report = parse_text(report_2016())
    areas = [j.area for j in report.judgements]
    assert len(areas) == len(set(areas)) == 6


def test_body_heading_disagreeing_with_the_table_keeps_the_table_grade_and_warns():
    report = parse_text(
        report_2016(leadership_heading="Leadership, management and governance are inadequate")
    )
    leadership = [j for j in report.judgements if j.area == Area.LEADERSHIP]
    assert len(leadership) == 1
    assert leadership[0].grade == Grade.GOOD
    assert any(
        "'Good'" in w and "'inadequate'" in w and "kept the table" in w for w in report.warnings
    )


def test_sentence_form_disagreement_is_warned_too():
    report = parse_text(
        report_2016(
            adoption_sentence=(
                "The graded judgement for adoption performance is that it requires improvement"
            )
        )
    )
    adoption = [j for j in report.judgements if j.area == Area.ADOPTION]
    assert [j.grade for j in adoption] == [Grade.GOOD]
    assert any("Adoption performance" in w and "requires improvement" in w for w in report.warnings)


def test_unreadable_table_grade_is_kept_without_grade_and_flagged():
    report = parse_text(report_2016(help_grade="Satisfactory"))
    help_ = next(j for j in report.judgements if j.area == Area.HELP_AND_PROTECTION)
    assert help_.grade is None
    assert help_.grade_as_printed == "Satisfactory"
    assert any("Satisfactory" in w and "could not be read" in w for w in report.warnings)


def test_earlier_inspection_sentences_are_not_judgements():
    report = parse_text(report_2016())
    assert len(report.judgements) == 6
    assert not any("judged" in j.source_text or "2013" in j.source_text for j in report.judgements)
    assert not any(j.grade == Grade.INADEQUATE for j in report.judgements)


def test_contents_entries_are_not_judgements():
    report = parse_text(report_2016())
    assert not any(j.grade_as_printed.isdigit() for j in report.judgements)


def test_grade_stated_only_in_the_body_is_kept_with_a_warning():
    text = report_2016().replace("\t2.1 Adoption performance\tGood\n", "")
    report = parse_text(text)
    adoption = [j for j in report.judgements if j.area == Area.ADOPTION]
    assert [(j.grade_as_printed, j.grade) for j in adoption] == [("good", Grade.GOOD)]
    assert any("not in the table" in w for w in report.warnings)


def test_missing_table_is_a_parse_error():
    with pytest.raises(ParseError, match="table of judgements"):
        parse_text(report_2016(table=False, overall=""))


def test_missing_title_is_a_parse_error():
    with pytest.raises(ParseError, match="title"):
        parse_text(report_2016(title="Some other report"))


def test_missing_inspection_dates_is_a_parse_error():
    with pytest.raises(ParseError, match="Inspection date"):
        parse_text(report_2016(dates=""))


def test_missing_publication_date_is_none_with_a_warning():
    report = parse_text(report_2016(published=""))
    assert report.published_on is None
    assert any("published" in w for w in report.warnings)


def test_missing_lead_inspector_warns_and_leaves_it_blank():
    report = parse_text(report_2016(lead=""))
    assert report.lead_inspector == ""  # not the deputy lead inspector
    assert any("Lead inspector" in w for w in report.warnings)


def test_missing_overall_sentence_warns():
    report = parse_text(report_2016(overall=""))
    assert not any(j.area == Area.OVERALL for j in report.judgements)
    assert any("overall" in w for w in report.warnings)


def test_two_recommendations_run_together_are_split():
    report = parse_text(
        report_2016(
            recommendations=(
                "1. Ensure that plans are focused on outcomes. 2. Improve the timeliness of "
                "assessments.\n3. Strengthen the oversight of managers."
            )
        )
    )
    assert [r.text for r in report.recommendations] == [
        "Ensure that plans are focused on outcomes.",
        "Improve the timeliness of assessments.",
        "Strengthen the oversight of managers.",
    ]


def test_detect_framework_routes_the_report_to_this_parser():
    report = parse(Document.from_text(report_2016(), name="widgetshire.txt"))
    assert report.parser_version == sif.SPEC.version


# The same report as a PDF gives it: labels and a grade wrap in their cells, the graded
# headings wrap with the grade beside the middle line, page numbers close each page and the
# recommendations wrap, one hyphenated at a line end.
PDF_PAGES = (
    """Widgetshire County Council
Inspection of services for children in need of help and
protection, children looked after and care leavers
Inspection date: 9 May 2016 to 2 June 2016
Report published: 19 July 2016
Children’s services in Widgetshire
require improvement to be good
1. Children who need help and\tRequires
protection\timprovement
2. Children looked after and achieving\tRequires improvement
permanence
2.1 Adoption performance\tGood
2.2 Experiences and progress of care\tGood
leavers
3. Leadership, management and\tGood
governance
1""",
    """Executive summary
Services have improved since the last inspection in 2013, when help and protection was
found to be inadequate.
Contents
Executive summary\t2
Recommendations\t5
Summary for children and young people\t6
Leadership, management and governance\t12
Information about this inspection\t14
The local authority
- The previous inspection of Widgetshire’s services was in 2013. Leadership,
management and governance were judged to be inadequate.
Recommendations
1.\tEnsure that plans are focused on outcomes for
children.
2.\tImprove the timeliness of assessments for children in
need.
2""",
    """Summary for children and young people
- Services for children are getting better.
The experiences and progress of\tRequires
children who need help and protection\timprovement
Inspection findings
9. Children receive a timely response.
The graded judgement for adoption performance
is that it is good
10. Adoption is a strength.
The graded judgement about the experience and progress of care leavers
is that it is good
11. Care leavers are well supported.
Leadership, management and governance\tGood
12. Leaders are ambitious.
Information about this inspection
The inspection team
Lead inspector: Paula Thomson -Jones HMI
Deputy lead inspector: Ian Young
3""",
)


def test_pdf_layout_gives_the_same_judgements_and_recommendations_as_text():
    from_text = parse_text(report_2016())
    from_pdf = sif.parse(Document(pages=PDF_PAGES, paginated=True, name="widgetshire.pdf"))

    def same(text: str) -> str:
        return " ".join(text.replace("’", "'").split())

    assert [tuple(map(same, j[:3])) + j[3:] for j in judgements(from_pdf)] == [
        tuple(map(same, j[:3])) + j[3:] for j in judgements(from_text)
    ]
    assert recommendations(from_pdf) == recommendations(from_text)
    assert from_pdf.title == TITLE
    assert from_pdf.lead_inspector == "Paula Thomson-Jones"
    assert from_pdf.warnings == []
    assert [j.page for j in from_pdf.judgements] == [1] * 6
    assert [r.page for r in from_pdf.recommendations] == [2, 2]


def test_recommendation_hyphenated_at_a_line_end_is_joined():
    pages = list(PDF_PAGES)
    pages[1] = pages[1].replace(
        "2.\tImprove the timeliness of assessments for children in\nneed.",
        "2.\tImprove the timeliness of multi-\nagency assessments.",
    )
    report = sif.parse(Document(pages=tuple(pages), paginated=True, name="widgetshire.pdf"))
    assert report.recommendations[1].text == "Improve the timeliness of multi-agency assessments."


# The 2013-2014 layout: overall judgement sentence, LSCB sentence in the header, lists of
# priority actions and areas for improvement, and the LSCB part with its own lists.
REPORT_2014 = """Widgetshire County Council
Inspection of services for children in need of help and
protection, children looked after and care leavers
and
Review of the effectiveness of the local safeguarding children
board1
Inspection date: 29 April – 21 May 2014
Report published: 30 June 2014
The overall judgement is inadequate
There are widespread or serious failures that create or leave children being harmed.
1. Children who need help and protection\tInadequate
2. Children looked after and achieving permanence\tRequires improvement
2.1 Adoption performance\tInadequate
2.2 Experiences and progress of care leavers\tRequires improvement
3. Leadership, management and governance\tInadequate
The effectiveness of the Local Safeguarding Children Board (LSCB) is
inadequate
The LSCB is not demonstrating that it has effective arrangements in place.
1 Ofsted produces this report under its power to combine reports in accordance with
the Education and Inspections Act 2006.
1
Contents
Section 1: the local authority\t3
What does the local authority need to improve?\t6
Information about this inspection\t9
Section 2: The effectiveness of the local safeguarding children board\t31
2
Section 1: the local authority
Summary of key findings
1. Widespread failures leave children at risk.
What does the local authority need to improve?
Priority and immediate action
27. Ensure that professionals in all partner agencies apply the
threshold for referral.
28. Implement a quality assurance framework.
Areas for improvement
29. Improve the take-up of common assessments by partner agencies and
improve their quality.
6
30. Improve the quality of assessments.
Ensure that children are always seen alone.
Information about this inspection
Lead inspector: Robert Hackeson
Inspection judgements about the local authority
The experiences and progress of children who need help and protection
are inadequate
53. Children do not consistently get the services they need.
The graded judgment for adoption performance was that it was good in 2010.
Leadership, management and governance are inadequate
127. Turnover has led to a loss of focus.
Section 2: The effectiveness of the Local Safeguarding
Children Board
The effectiveness of the LSCB is requires improvement
Priority and immediate action
The inspection did not find any areas for priority and immediate action.
Areas for improvement
149. The LSCB should seek a renewal of commitment from its members.
150. The LSCB should evaluate early help.
Key strengths and weaknesses of the LSCB
153. The Board is not fully compliant.
"""


def test_2014_layout_reads_overall_sentence_lscb_and_lists():
    report = sif.parse(Document.from_text(REPORT_2014, name="widgetshire-2014.txt"))
    lscb = "The effectiveness of the Local Safeguarding Children Board"
    improve = "What does the local authority need to improve?"

    assert report.title == (
        f"{TITLE} and Review of the effectiveness of the local safeguarding children board"
    )
    assert (report.start_date, report.end_date) == (date(2014, 4, 29), date(2014, 5, 21))
    assert report.lead_inspector == "Robert Hackeson"
    assert judgements(report)[0] == (
        sif.SUMMARY_SECTION,
        "The overall judgement is inadequate",
        "inadequate",
        Grade.INADEQUATE,
        Area.OVERALL,
    )
    assert judgements(report)[-1] == (
        lscb,
        "The effectiveness of the Local Safeguarding Children Board (LSCB) is inadequate",
        "inadequate",
        Grade.INADEQUATE,
        Area.LSCB,
    )
    assert len(report.judgements) == 7
    # The body's "The effectiveness of the LSCB is requires improvement" disagrees.
    assert any(
        "'inadequate'" in w and "'requires improvement'" in w and "kept the table" in w
        for w in report.warnings
    )
    assert [(r.section, r.timescale, r.kind, r.text) for r in report.recommendations] == [
        (
            improve,
            Timescale.IMMEDIATELY,
            RecommendationKind.RECOMMENDATION,
            "Ensure that professionals in all partner agencies apply the threshold for referral.",
        ),
        (
            improve,
            Timescale.IMMEDIATELY,
            RecommendationKind.RECOMMENDATION,
            "Implement a quality assurance framework.",
        ),
        (
            improve,
            Timescale.NONE_STATED,
            RecommendationKind.AREA_FOR_IMPROVEMENT,
            "Improve the take-up of common assessments by partner agencies and improve their "
            "quality.",
        ),
        (
            improve,
            Timescale.NONE_STATED,
            RecommendationKind.AREA_FOR_IMPROVEMENT,
            "Improve the quality of assessments. Ensure that children are always seen alone.",
        ),
        (
            lscb,
            Timescale.NONE_STATED,
            RecommendationKind.AREA_FOR_IMPROVEMENT,
            "The LSCB should seek a renewal of commitment from its members.",
        ),
        (
            lscb,
            Timescale.NONE_STATED,
            RecommendationKind.AREA_FOR_IMPROVEMENT,
            "The LSCB should evaluate early help.",
        ),
    ]


def test_2014_footnote_and_descriptor_sentences_are_not_judgements():
    report = sif.parse(Document.from_text(REPORT_2014, name="widgetshire-2014.txt"))
    labels = " ".join(j.label for j in report.judgements)
    assert "Ofsted produces" not in labels
    assert "not demonstrating" not in labels
    assert not any(j.grade is None for j in report.judgements)


@settings(max_examples=150, deadline=None)
@given(junk=st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_junk_after_the_title_raises_only_ingest_errors(junk):
    text = f"Widgetshire County Council\n{TITLE}\n{junk}"
    with contextlib.suppress(IngestError):
        sif.parse(Document.from_text(text, name="junk.txt"))


@settings(max_examples=100, deadline=None)
@given(cut=st.integers(min_value=0, max_value=2500), junk=st.text(max_size=40))
def test_truncated_or_damaged_reports_raise_only_ingest_errors(cut, junk):
    text = report_2016()
    text = text[:cut] + junk + text[cut + len(junk) :]
    with contextlib.suppress(IngestError):
        parse(Document.from_text(text, name="damaged.txt"))


@settings(max_examples=60, deadline=None)
@given(cut=st.integers(min_value=0, max_value=3000), junk=st.text(max_size=40))
def test_damaged_2014_reports_raise_only_ingest_errors(cut, junk):
    text = REPORT_2014[:cut] + junk + REPORT_2014[cut + len(junk) :]
    with contextlib.suppress(IngestError):
        sif.parse(Document.from_text(text, name="damaged.txt"))


# --------------------------------------------------------------------------- corpus layouts
# Layouts seen across Ofsted's SIF reports (see the golden tests of corpus reports for the
# real thing): names and grades that wrap, sentence judgements, lists under sub-headings.


def pdf_report(*pages: str):
    return sif.parse(Document(pages=pages, paginated=True, name="widgetshire.pdf"))


COVER_2015 = """London Borough of Widget and
Gadget
Inspection of services for children in need of help and
protection, children looked after and care leavers
and
Review of the effectiveness of the Local Safeguarding Children
Board1
Inspection dates: 19 November-11 December 2014 and 28 – 30
January 2015
Report published: 20 March 2015
The overall judgement is that children’s services require
improvement.2
The judgements on areas of the service that contribute to overall effectiveness are:
Requires
1. Children who need help and protection
improvement
Requires
2. Children looked after and achieving\timprovement to be
good
2.1 Adoption performance\tNot judged
Requires improvement
2.2 Experiences and progress of care leavers
3. Leadership, management and governance Inadequate
1 Ofsted produces this report under its power to combine reports.
1"""

BODY_2015 = (
    """Contents
The local authority\t3
What does the local authority need to improve?\t4
The local authority’s strengths\t5
The Local Safeguarding Children Board (LSCB)\t9
2""",
    """What does the local authority need to improve?
Priority and immediate action
Outcomes for care leavers
1.\tEnsure that each care leaver has a pathway plan.
2.\tTake action to re-establish contact with care leavers
who are not in touch.
Leadership, management and governance
3.\tPublish an updated corporate parenting plan
3""",
    """Areas for improvement
The quality of social work practice
4. Improve the standard of social work assessments by:
\uf0b7 training social workers
\uf0b7 auditing assessments.
5. Ensure that children in care always have a life story book
The local authority’s strengths
6. Early help services are well targeted.
Information about this inspection
Lead inspector: Jane Smith Senior HMI
5""",
    """The Local Safeguarding Children Board (LSCB)
The Local Safeguarding Children Board is good
Recommendations
The following recommendations are those that inspectors considered to be the
priorities for the board.
90. Ensure that the board evaluates training (paragraph 95)
91. Strengthen the board’s oversight of private fostering.
Inspection findings – the Local Safeguarding Children Board
92. The board is well led.
9""",
)


def test_corpus_cover_name_dates_sentence_and_wrapped_grades():
    report = pdf_report(COVER_2015, *BODY_2015)

    assert report.authority_name == "London Borough of Widget and Gadget"
    assert (report.start_date, report.end_date) == (date(2014, 11, 19), date(2015, 1, 30))
    assert report.published_on == date(2015, 3, 20)
    assert report.lead_inspector == "Jane Smith"
    assert [(j.label, j.grade_as_printed, j.grade) for j in report.judgements] == [
        (
            "The overall judgement is that children’s services require improvement",
            "require improvement",
            Grade.REQUIRES_IMPROVEMENT,
        ),
        (
            "Children who need help and protection",
            "Requires improvement",
            Grade.REQUIRES_IMPROVEMENT,
        ),
        (
            "Children looked after and achieving",
            "Requires improvement to be good",
            Grade.REQUIRES_IMPROVEMENT,
        ),
        ("Adoption performance", "Not judged", None),
        (
            "Experiences and progress of care leavers",
            "Requires improvement",
            Grade.REQUIRES_IMPROVEMENT,
        ),
        ("Leadership, management and governance", "Inadequate", Grade.INADEQUATE),
        ("The Local Safeguarding Children Board is good", "good", Grade.GOOD),
    ]
    lscb = report.judgements[-1]
    assert (lscb.section, lscb.area) == ("The Local Safeguarding Children Board (LSCB)", Area.LSCB)
    # "Not judged" is kept without a grade and said so; the LSCB's grade stated at the head
    # of its own part is not "missing from the table".
    assert any("Adoption performance: printed 'Not judged'" in w for w in report.warnings)
    assert not any("not in the table" in w for w in report.warnings)


def test_corpus_lists_skip_sub_headings_and_end_at_report_headings():
    report = pdf_report(COVER_2015, *BODY_2015)
    improve = "What does the local authority need to improve?"
    lscb = "The Local Safeguarding Children Board (LSCB)"

    assert recommendations(report) == [
        (
            improve,
            Timescale.IMMEDIATELY,
            RecommendationKind.RECOMMENDATION,
            "Ensure that each care leaver has a pathway plan.",
        ),
        (
            improve,
            Timescale.IMMEDIATELY,
            RecommendationKind.RECOMMENDATION,
            "Take action to re-establish contact with care leavers who are not in touch.",
        ),
        (
            improve,
            Timescale.IMMEDIATELY,
            RecommendationKind.RECOMMENDATION,
            "Publish an updated corporate parenting plan",
        ),
        (
            improve,
            Timescale.NONE_STATED,
            RecommendationKind.AREA_FOR_IMPROVEMENT,
            "Improve the standard of social work assessments by: training social workers "
            "auditing assessments.",
        ),
        (
            improve,
            Timescale.NONE_STATED,
            RecommendationKind.AREA_FOR_IMPROVEMENT,
            "Ensure that children in care always have a life story book",
        ),
        (
            lscb,
            Timescale.NONE_STATED,
            RecommendationKind.RECOMMENDATION,
            "Ensure that the board evaluates training (paragraph 95)",
        ),
        (
            lscb,
            Timescale.NONE_STATED,
            RecommendationKind.RECOMMENDATION,
            "Strengthen the board’s oversight of private fostering.",
        ),
    ]


def test_grade_words_that_do_not_pair_with_the_rows_are_never_guessed():
    cover = COVER_2015.replace("2.1 Adoption performance\tNot judged", "2.1 Adoption performance")
    report = pdf_report(cover, *BODY_2015)
    grades = {j.label: (j.grade_as_printed, j.grade) for j in report.judgements}
    # Five rows but four grades: no row takes words printed on a line of their own, and
    # each keeps only the words printed beside its label.
    assert grades["Children who need help and protection"] == ("", None)
    assert grades["Children looked after and achieving"] == ("improvement to be", None)
    assert grades["Adoption performance"] == ("", None)
    assert grades["Experiences and progress of care leavers"] == ("", None)
    assert grades["Leadership, management and governance"] == ("Inadequate", Grade.INADEQUATE)
    assert any("could not be paired" in w for w in report.warnings)


def test_table_read_across_a_page_break_after_the_cover_footnote():
    cover = """Widgetshire County Council
Inspection of services for children in need of help and
protection, children looked after and care leavers
Inspection date: 22 May 2015 – 18 June 2015
Report published: 3 August 2015
Children’s services in Widgetshire require improvement to be good
1. Children who need help and protection\tRequires improvement
2. Children looked after and achieving permanence\tRequires improvement
2.1 Adoption performance\tGood
1 Ofsted produces this report under its power to combine reports.
1"""
    second = """2.2 Experiences and progress of care leavers\tInadequate
3. Leadership, management and governance\tGood
Contents
Recommendations\t3
2"""
    report = pdf_report(cover, second, "Recommendations\n1. Improve plans.\n3")
    assert [(j.label, j.grade) for j in report.judgements[3:]] == [
        ("Adoption performance", Grade.GOOD),
        ("Experiences and progress of care leavers", Grade.INADEQUATE),
        ("Leadership, management and governance", Grade.GOOD),
    ]


def test_numbered_themes_with_bullets_make_the_bullets_the_items():
    text = report_2016(
        recommendations=(
            "1. Quality and effectiveness of practice\n"
            "• Ensure that plans are focused on outcomes.\n"
            "• Improve assessments.\n"
            "2. Oversight by leaders\n"
            "• Stabilise the workforce."
        )
    )
    assert [r.text for r in parse_text(text).recommendations] == [
        "Ensure that plans are focused on outcomes.",
        "Improve assessments.",
        "Stabilise the workforce.",
    ]


@pytest.mark.parametrize(
    ("dates", "start", "end"),
    [
        ("Inspection date: 12/09/2016 to 06/10/2016", date(2016, 9, 12), date(2016, 10, 6)),
        ("Inspection date: 20 June 2017 ─ 13 July 2017", date(2017, 6, 20), date(2017, 7, 13)),
        ("Inspection dates: 9–24 November 2017", date(2017, 11, 9), date(2017, 11, 24)),
    ],
)
def test_cover_date_forms(dates, start, end):
    report = parse_text(report_2016(dates=dates))
    assert (report.start_date, report.end_date) == (start, end)


@pytest.mark.parametrize(
    ("lead", "name"),
    [
        ("Lead inspector on site: Pietro Battista", "Pietro Battista"),
        ("Lead inspector: John Mitchell, Senior HMI", "John Mitchell"),
    ],
)
def test_lead_inspector_forms(lead, name):
    assert parse_text(report_2016(lead=lead)).lead_inspector == name


def test_lead_inspector_in_prose_is_not_the_lead_inspector():
    text = report_2016().replace(
        "12. Leaders are ambitious.",
        "12. Leaders met the\nlead inspector attended by the director.",
    )
    assert parse_text(text).lead_inspector == "Paula Thomson-Jones"

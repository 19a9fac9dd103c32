"""The focused visit parser on letters made for one rule each; whole letters are in the golden
tests (tests/ingest/parsers/golden/*_focused_visit.py)."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.document import Document
from ingest.errors import ParseError
from ingest.parsers import detect_framework, parse
from tests.samples import sample_document
from vocabulary import Framework, InspectionType, RecommendationKind

LETTERHEAD = (
    "Ofsted\nPiccadilly Gate\tT 0300 123 1231\nStore Street\tTextphone 0161 618 8524\n"
    "Manchester\tenquiries@ofsted.gov.uk\nM1 2WD\twww.gov.uk/ofsted\n"
)


def letter(
    *,
    dated: str = "14 November 2019",
    title: str = "Focused visit to Widgetshire children’s services",
    dates: str = "on 8 and 9 October 2019",
    focus: str = "Inspectors looked at the local authority’s arrangements for children in need.\n",
    body: str = "",
    signature: str = "Yours sincerely\nJane Inspector\nHer Majesty’s Inspector\n",
) -> Document:
    text = (
        LETTERHEAD
        + (f"{dated}\n" if dated else "")
        + "Jane Smith\nDirector of Children’s Services\nWidgetshire County Council\n"
        + "Dear Ms Smith\n"
        + f"{title}\n"
        + "This letter summarises the findings of the focused visit to Widgetshire children’s\n"
        + f"services {dates}. His Majesty’s Inspectors for this visit were Ann Other and\n"
        + "Jane Inspector.\n"
        + focus
        + "This visit was carried out in line with the inspection of local authority\n"
        + "children’s services (ILACS) framework.\n"
        + "Headline findings\n"
        + "Children in Widgetshire were judged inadequate in 2017; services are now\n"
        + "requires improvement to be good, and leaders are outstanding in their ambition.\n"
        + body
        + "Main findings\n"
        + "◼ A finding is not something to improve.\n"
        + "Ofsted will take the findings from this focused visit into account.\n"
        + signature
    )
    return Document.from_text(text.replace("\n\f", "\f"), name="fv.pdf")


IMPROVE = "What needs to improve in this area of social work practice?\n"


def test_a_letter_is_an_ungraded_visit_whose_grade_words_are_prose():
    report = parse(letter(body=IMPROVE + "◼ Supervision.\n"))
    assert detect_framework(letter()) == Framework.FOCUSED_VISIT
    assert report.framework == Framework.FOCUSED_VISIT
    assert report.inspection_type == InspectionType.VISIT
    assert report.judgements == []  # "judged inadequate", "outstanding" are sentences
    assert report.authority_name == "Widgetshire"
    assert (report.start_date, report.end_date) == (date(2019, 10, 8), date(2019, 10, 9))
    assert report.published_on == date(2019, 11, 14)
    assert report.lead_inspector == "Jane Inspector"
    assert report.focus == (
        "Inspectors looked at the local authority’s arrangements for children in need."
    )
    assert [r.text for r in report.recommendations] == ["Supervision."]
    assert report.warnings == []


def test_priority_actions_come_first_and_the_intro_is_not_an_item():
    body = (
        "Areas for priority action\n"
        "The local authority needs to take swift and decisive action to address the\n"
        "following areas of weakness:\n"
        "◼ Visits to children proportionate to the level of risk\n"
        "and need.\n"
        "◼ The quality of planning for children.\n" + IMPROVE + "\uf06e The size of caseloads.\n"
    )
    report = parse(letter(body=body))
    assert [(r.kind, r.section, r.text) for r in report.recommendations] == [
        (
            RecommendationKind.PRIORITY_ACTION,
            "Areas for priority action",
            "Visits to children proportionate to the level of risk and need.",
        ),
        (
            RecommendationKind.PRIORITY_ACTION,
            "Areas for priority action",
            "The quality of planning for children.",
        ),
        (
            RecommendationKind.AREA_FOR_IMPROVEMENT,
            "What needs to improve in this area of social work practice?",
            "The size of caseloads.",
        ),
    ]


def test_a_list_saying_there_is_nothing_new_has_no_items_and_a_paragraph_is_one():
    body = (
        "Areas for priority action\n"
        "There are no priority actions following this focused visit.\n"
        + IMPROVE
        + "The areas for improvement continue to be those that were identified at the\n"
        + "ILACS inspection in July 2018.\n"
    )
    report = parse(letter(body=body))
    assert [(r.kind, r.text) for r in report.recommendations] == [
        (
            RecommendationKind.AREA_FOR_IMPROVEMENT,
            "The areas for improvement continue to be those that were identified at the "
            "ILACS inspection in July 2018.",
        )
    ]


def test_a_list_printed_as_paragraphs_without_bullets_is_one_item_per_paragraph():
    # Wolverhampton 2018: five areas for improvement, each a paragraph, no bullets, and no
    # blank line between them in the layout text.
    body = (
        IMPROVE
        # A full line that ends a sentence does not end its paragraph; a short one does.
        + "In locality team hubs, many assessments are not updated as children's needs change.\n"
        + "Plans do not say how children will be helped.\n"
        + "Supervision is regular, but it is not reflective and does not ensure that children's\n"
        + "plans progress.\n"
        + "There are no additional areas for improvement.\n"
    )
    report = parse(letter(body=body))
    assert [(r.text, r.kind) for r in report.recommendations] == [
        (
            "In locality team hubs, many assessments are not updated as children's needs "
            "change. Plans do not say how children will be helped.",
            RecommendationKind.AREA_FOR_IMPROVEMENT,
        ),
        (
            "Supervision is regular, but it is not reflective and does not ensure that "
            "children's plans progress.",
            RecommendationKind.AREA_FOR_IMPROVEMENT,
        ),
    ]


def test_the_focus_ends_where_the_paragraph_turns_to_how_the_visit_was_done():
    focus = (
        "Inspectors looked at the local authority’s arrangements for care leavers. This visit\n"
        "focused specifically on:\n"
        "◼ Preparation for adulthood.\n"
        "◼ Keeping in touch.\n"
        "This visit was conducted in line with the ILACS framework. Inspectors looked at a\n"
        "range of evidence, including case discussions with social workers.\n"
    )
    report = parse(letter(focus=focus))
    assert report.focus == (
        "Inspectors looked at the local authority’s arrangements for care leavers. This visit "
        "focused specifically on: Preparation for adulthood; Keeping in touch."
    )


@pytest.mark.parametrize(
    "run_on",
    [
        "A range of evidence was considered.",
        "They considered a range of evidence, including case records.",
        "Inspectors gathered evidence following case discussions.",
        "Throughout this letter, care leavers are called care-experienced young people.",
    ],
)
def test_evidence_and_notes_on_wording_are_not_the_focus(run_on):
    focus = f"Inspectors looked at the local authority’s arrangements for care leavers. {run_on}\n"
    report = parse(letter(focus=focus))
    assert (
        report.focus == "Inspectors looked at the local authority’s arrangements for care leavers."
    )


def test_a_heading_word_that_opens_a_wrapped_line_does_not_cut_the_focus_mid_sentence():
    # Shropshire 2024: "... children in care were / areas for improvement at the last ...".
    focus = (
        "Inspectors looked at the local authority’s arrangements for children in care. The\n"
        "response to the emotional health needs of children in care were\n"
        "areas for improvement at the last judgement inspection in February 2022.\n"
    )
    report = parse(letter(focus=focus))
    assert report.focus == (
        "Inspectors looked at the local authority’s arrangements for children in care. The "
        "response to the emotional health needs of children in care were areas for "
        "improvement at the last judgement inspection in February 2022."
    )


def test_a_caveat_on_the_findings_is_not_the_focus():
    # North Tyneside and Sheffield 2018: "... multi-agency. The / findings in this letter
    # relate only to cases seen during this visit."
    focus = (
        "Inspectors looked at the local authority’s arrangements for the ‘front door’. The\n"
        "findings in this letter relate only to cases seen during this visit.\n"
    )
    report = parse(letter(focus=focus))
    assert report.focus == (
        "Inspectors looked at the local authority’s arrangements for the ‘front door’."
    )


def test_a_heading_after_an_unpunctuated_list_of_scope_still_ends_the_focus():
    focus = (
        "Inspectors looked at the local authority’s arrangements for care leavers:\n"
        "◼ keeping in touch\n"
        "Headline findings\n"
    )
    report = parse(letter(focus=focus))
    assert report.focus == (
        "Inspectors looked at the local authority’s arrangements for care leavers: keeping in touch"
    )


@pytest.mark.parametrize(
    ("letter_name", "ends_with"),
    [
        ("north-tyneside-2018-06-04", "both single and multi-agency."),
        ("sheffield-2018-05-18", "both single- and multi-agency."),
        ("shropshire-2024-08-30", "at the last judgement inspection in February 2022."),
    ],
)
def test_the_focus_of_letters_once_cut_mid_sentence_is_read_to_its_end(letter_name, ends_with):
    report = parse(sample_document(f"corpus/{letter_name}-children-s-services-focused-visit"))
    assert report.focus.startswith("Inspectors looked at the local authority’s arrangements")
    assert report.focus.endswith(ends_with)


def test_a_footnote_at_the_foot_of_a_page_inside_a_list_is_skipped():
    body = (
        "What needs to improve in this area of social work practice?1\n"
        "◼ Responses to children who go missing (Outcome 3, national framework)\n"
        "1 The areas for improvement have been cross-referenced with the outcomes in\n"
        "the Children’s Social Care: National Framework.\n"
        "\f◼ Life-story work for children in care (Outcome 4, national framework).\n"
    )
    report = parse(letter(body=body))
    assert [(r.text, r.national_framework) for r in report.recommendations] == [
        ("Responses to children who go missing", "outcome 3"),
        ("Life-story work for children in care.", "outcome 4"),
    ]
    assert [r.page for r in report.recommendations] == [1, 2]


@pytest.mark.parametrize(
    ("dates", "start", "end"),
    [
        ("on 31 October and 1 November 2023", date(2023, 10, 31), date(2023, 11, 1)),
        ("on 29 and 30 September, and 1 October 2019", date(2019, 9, 29), date(2019, 10, 1)),
        ("on 22–23 October 2019", date(2019, 10, 22), date(2019, 10, 23)),
        ("on the 5th and 6th of June 2019", date(2019, 6, 5), date(2019, 6, 6)),
        ("between 5 and 16 October 2019", date(2019, 10, 5), date(2019, 10, 16)),
        ("on 13 October 2019", date(2019, 10, 13), date(2019, 10, 13)),
        ("on 30 and 31 January", date(2019, 1, 30), date(2019, 1, 31)),  # the letter's year
    ],
)
def test_visit_dates(dates, start, end):
    report = parse(letter(dates=dates))
    assert (report.start_date, report.end_date) == (start, end)


def test_a_letter_dated_before_the_visit_ended_is_not_taken_as_published():
    report = parse(letter(dated="21 January 2019", dates="on 18 and 19 December 2019"))
    assert report.published_on is None
    assert any("before the visit ended" in warning for warning in report.warnings)


def test_without_a_valediction_the_lead_is_named_above_the_inspector_role():
    signature = (
        "Ofsted will take the findings into account.\nPeter McEntee HMI\nHer Majesty’s Inspector\n"
    )
    assert parse(letter(signature=signature)).lead_inspector == "Peter McEntee"


def test_no_focus_paragraph_and_no_signature():
    report = parse(letter(focus="", signature=""))
    assert report.focus == ""
    assert report.lead_inspector == ""
    assert any("No lead inspector" in warning for warning in report.warnings)


def test_a_letter_without_visit_dates_is_refused_naming_the_file():
    with pytest.raises(ParseError, match=r"fv\.pdf: .*no visit dates"):
        parse(letter(dates="recently"))

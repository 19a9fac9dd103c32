"""Unit tests for the parser of standalone reviews of Local Safeguarding Children Boards.

The reports are small synthetic texts laid out as the PDF of a 2015 review arrives: pages
separated by form feeds, page numbers, a title and items that wrap, symbol-font bullets.
"""

from __future__ import annotations

import contextlib
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.document import Document
from ingest.errors import IngestError, ParseError
from ingest.parsers import detect_framework, lscb, parse
from vocabulary import Area, Framework, Grade, InspectionType, RecommendationKind, Timescale

BULLET = "\uf06e"


def review(
    *,
    board: str = "Widgetshire Safeguarding Children Board",
    judgement: str = "The Local Safeguarding Children Board is good",
    arrangements: str = (
        "The arrangements in place to evaluate the effectiveness of what is done by the\n"
        "authority and board partners to safeguard and promote the welfare of children\nare good."
    ),
    recommendations: str = (
        f"{BULLET} Update the thresholds document so that it reflects statutory\n"
        "guidance (paragraph 4).\n"
        f"{BULLET} Strengthen the board's scrutiny of multi-\nagency audits (paragraph 7).\n"
    ),
) -> str:
    pages = [
        f"{board}\nReview of the effectiveness of the Local Safeguarding Children\nBoard\n"
        "Inspection date: 9 March 2015 – 11 March 2015\nReport published: 20 April 2015\n"
        f"{judgement}\n{arrangements}\n1",
        "Contents\nExecutive summary\t3\nRecommendations\t4\nInspection findings\t5\n2",
        "Executive summary\nThe board has a clear focus on its priorities.\n3",
        f"Recommendations\n{recommendations}4",
        "Inspection findings\n1.\tThe LSCB benefits from strong leadership.\n"
        "Information about this review\nThe inspection team\n"
        "Lead inspector: Jo Bloggs, HMI\nDeputy lead inspector: Sam Smith, HMI\n5",
    ]
    return "\f".join(pages)


def _parse(text: str):
    return parse(Document.from_text(text, name="widgetshire-lscb.pdf"))


def test_review_reads_header_judgement_and_recommendations():
    report = _parse(review())

    assert report.framework == Framework.LSCB_REVIEW
    assert report.inspection_type == InspectionType.FULL
    assert report.parser_version == lscb.SPEC.version
    assert report.authority_name == "Widgetshire"
    assert report.title == "Review of the effectiveness of the Local Safeguarding Children Board"
    assert (report.start_date, report.end_date) == (date(2015, 3, 9), date(2015, 3, 11))
    assert report.published_on == date(2015, 4, 20)
    assert report.lead_inspector == "Jo Bloggs"
    assert [
        (j.section, j.label, j.grade_as_printed, j.grade, j.area, j.page) for j in report.judgements
    ] == [
        (
            "Summary of judgements",
            "The Local Safeguarding Children Board is good",
            "good",
            Grade.GOOD,
            Area.LSCB,
            1,
        )
    ]
    assert report.warnings == []
    assert [(r.section, r.timescale, r.kind, r.text, r.page) for r in report.recommendations] == [
        (
            "Recommendations",
            Timescale.NONE_STATED,
            RecommendationKind.RECOMMENDATION,
            "Update the thresholds document so that it reflects statutory guidance (paragraph 4).",
            4,
        ),
        (
            "Recommendations",
            Timescale.NONE_STATED,
            RecommendationKind.RECOMMENDATION,
            "Strengthen the board's scrutiny of multi-agency audits (paragraph 7).",
            4,
        ),
    ]


def test_grade_words_that_wrap_onto_the_next_line():
    report = _parse(review(judgement="The Local Safeguarding Children Board is\ninadequate"))

    judgement = report.judgements[0]
    assert (judgement.label, judgement.grade) == (
        "The Local Safeguarding Children Board is inadequate",
        Grade.INADEQUATE,
    )


def test_board_named_in_the_judgement_sentence():
    report = _parse(review(judgement="The Widgetshire Safeguarding Children Board is outstanding."))

    judgement = report.judgements[0]
    assert (judgement.label, judgement.grade, judgement.area) == (
        "The Widgetshire Safeguarding Children Board is outstanding",
        Grade.OUTSTANDING,
        Area.LSCB,
    )


def test_unreadable_grade_is_kept_blank_with_a_warning():
    report = _parse(review(judgement="The Local Safeguarding Children Board is effective."))

    judgement = report.judgements[0]
    assert (judgement.grade_as_printed, judgement.grade) == ("is effective", None)
    assert any("could not be read" in w for w in report.warnings)


def test_arrangements_disagreeing_with_the_board_is_a_warning_not_a_judgement():
    report = _parse(
        review(arrangements="The arrangements in place to evaluate the work\nare inadequate.")
    )

    assert len(report.judgements) == 1
    assert report.judgements[0].grade == Grade.GOOD
    assert any("'good'" in w and "'inadequate'" in w for w in report.warnings)


def test_numbered_items_and_lost_bullets():
    report = _parse(
        review(
            recommendations=(
                "1. Improve the data-set so that it supports\nscrutiny.\n"
                "2. Review the training offer.\n"
                "Evaluate the impact of training.\n"
            )
        )
    )

    assert [r.text for r in report.recommendations] == [
        "Improve the data-set so that it supports scrutiny.",
        "Review the training offer.",
        "Evaluate the impact of training.",
    ]


def test_board_not_named_on_page_one_takes_the_council_from_the_body():
    text = review(board="Ofsted").replace(
        "strong leadership.", "strong leadership and the support of Widgetshire County Council."
    )
    assert _parse(text).authority_name == "Widgetshire County Council"


def test_review_without_a_judgement_raises_parse_error():
    document = Document.from_text(review(judgement="", arrangements=""), name="nojudgement.pdf")
    assert detect_framework(document) == Framework.LSCB_REVIEW
    with pytest.raises(ParseError, match="nojudgement.pdf"):
        lscb.parse(document)


def test_missing_title_raises_parse_error():
    with pytest.raises(ParseError):
        lscb.parse(
            Document.from_text("The Local Safeguarding Children Board is good", name="x.txt")
        )


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            review().replace("\f", "\n").splitlines() + ["Recommendations", BULLET, "", "1."]
        ),
        max_size=40,
    )
)
def test_shuffled_review_lines_raise_only_ingest_errors(lines):
    text = "Review of the effectiveness of the Local Safeguarding Children Board\n" + "\n".join(
        lines
    )
    with contextlib.suppress(IngestError):
        parse(Document.from_text(text, name="fuzz.txt"))

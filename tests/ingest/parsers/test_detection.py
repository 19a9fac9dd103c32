"""Detection of a report's kind from its title.

Every sample report is detected as its framework (its file name says which). Other kinds of
Ofsted publication are refused with a message naming the kind: the title on the first page
decides, so a monitoring visit letter to an authority inspected under ILACS, which mentions
"local authority children's services", is a monitoring visit letter and not an ILACS report.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.document import Document
from ingest.errors import NotAReport, UnknownReportKind
from ingest.extract import read_document
from ingest.parsers import PARSER_MODULES, detect_framework, parse
from tests.samples import REPO_ROOT, SAMPLE_REPORTS, sample_document
from vocabulary import Framework

# File-name fragments, most specific first, and the frameworks they may be detected as.
_NAME_KINDS: tuple[tuple[str, frozenset[Framework]], ...] = (
    ("annual-performance-assessment", frozenset({Framework.APA})),
    ("safeguarding-and-looked-after-children", frozenset({Framework.SLAC})),
    ("looked-after-children", frozenset({Framework.LAC})),
    ("lscb-review", frozenset({Framework.LSCB_REVIEW})),
    ("services-for-children", frozenset({Framework.SIF})),
    ("-sif", frozenset({Framework.SIF})),
    ("-ilacs", frozenset({Framework.ILACS, Framework.ILACS_2026})),
)


def _expected_frameworks(name: str) -> frozenset[Framework]:
    for fragment, frameworks in _NAME_KINDS:
        if fragment in name:
            return frameworks
    raise AssertionError(f"sample {name} has no kind in its name: add it to _NAME_KINDS")


def _samples() -> list[str]:
    return sorted(
        str(path.relative_to(SAMPLE_REPORTS))
        for folder in ("text", "pdf", "pdf-original")
        for path in (SAMPLE_REPORTS / folder).iterdir()
        if path.suffix in (".txt", ".pdf")
    )


def test_every_sample_folder_has_reports():
    folders = {Path(sample).parts[0] for sample in _samples()}
    assert folders == {"text", "pdf", "pdf-original"}


@pytest.mark.parametrize("sample", _samples())
def test_sample_is_detected_as_its_framework(sample):
    framework = detect_framework(sample_document(sample))
    assert framework in _expected_frameworks(Path(sample).name)
    assert framework in PARSER_MODULES


def test_ilacs_frameworks_share_one_parser_module():
    assert PARSER_MODULES[Framework.ILACS] == PARSER_MODULES[Framework.ILACS_2026]


# --------------------------------------------------------------------------- other kinds

_LETTERHEAD = (
    "Ofsted\nPiccadilly Gate\nStore Street\nManchester\nM1 2WD\nT 0300 123 1231\n"
    "www.gov.uk/ofsted\n\n14 November 2019\n\nJane Smith\nDirector of Children's Services\n"
    "Widgetshire County Council\nCounty Hall\nWidgetshire WG1 1AA\n\nDear Ms Smith\n\n"
)

OTHER_KINDS = {
    "monitoring visit": (
        _LETTERHEAD + "Monitoring visit to Widgetshire local authority children's services\n\n"
        "This letter summarises the findings of the monitoring visit to Widgetshire local "
        "authority children's services on 22 and 23 October 2019. This was the second "
        "monitoring visit since the local authority was judged inadequate in January 2019.\n"
        "\fThe inspection of local authority children's services (ILACS) found that ...\n"
    ),
    "joint targeted area inspection": (
        _LETTERHEAD + "Joint targeted area inspection of the multi-agency response to abuse "
        "and neglect in Widgetshire\n\nThis letter summarises the findings of a joint targeted "
        "area inspection (JTAI) by Ofsted, the Care Quality Commission, HMI Constabulary and "
        "Fire & Rescue Services and HMI Probation. The local authority children's services "
        "and partners responded well.\n"
    ),
    "children's home": (
        "Children's home: full inspection\nWidgets House\n\nInspection dates: 3 to 4 March 2020\n"
        "Unique reference number: SC123456\nRegistered provider: Widgetshire County Council\n\n"
        "Overall experiences and progress of children and young people\tGood\n"
        "How well children and young people are helped and protected\tGood\n"
        "The effectiveness of leaders and managers\tGood\n"
    ),
    "school": (
        "Inspection of Widgetshire Primary School\nHigh Street, Widgetshire WG1 2AB\n\n"
        "Inspection dates: 3 and 4 March 2020\n\nOverall effectiveness\tGood\n"
        "The quality of education\tGood\nBehaviour and attitudes\tOutstanding\n"
        "Leadership and management\tGood\n"
    ),
}


@pytest.mark.parametrize("kind", sorted(OTHER_KINDS))
def test_other_kinds_are_refused_with_their_kind_named(kind):
    document = Document.from_text(OTHER_KINDS[kind], name="letter.pdf")
    with pytest.raises(UnknownReportKind, match=kind) as raised:
        detect_framework(document)
    assert "letter.pdf" in str(raised.value)
    with pytest.raises(UnknownReportKind, match=kind):
        parse(document)


def test_monitoring_visit_letter_paginated_like_a_pdf_is_not_ilacs():
    pages = OTHER_KINDS["monitoring visit"].split("\n\n", 1)
    document = Document(pages=tuple(pages), paginated=True, name="mv.pdf")
    with pytest.raises(UnknownReportKind, match="monitoring visit"):
        detect_framework(document)


def test_report_mentioning_visits_after_its_title_is_still_its_framework():
    text = (
        "Inspection of Widgetshire local authority children's services\n"
        "Inspection dates: 2 to 13 March 2020\n"
        "Since the last inspection there have been two monitoring visits and a focused visit. "
        "Children live in children's homes and attend school or nursery.\n"
    )
    assert detect_framework(Document.from_text(text, name="ilacs.txt")) == Framework.ILACS


def test_lac_title_after_a_children_home_mention_on_a_later_page_is_lac():
    text = (
        "Inspection of looked after children services\nWidgetshire County Council\f"
        "The council runs nine children's homes and a fostering service."
    )
    assert detect_framework(Document.from_text(text, name="lac.pdf")) == Framework.LAC


def test_document_without_a_recognisable_title_finds_no_judgements():
    text = "Minutes of the children and young people scrutiny committee\n\nPresent: members.\n"
    with pytest.raises(UnknownReportKind, match="no inspection judgements found"):
        detect_framework(Document.from_text(text, name="minutes.txt"))


def test_empty_document_finds_no_judgements():
    with pytest.raises(UnknownReportKind, match="no inspection judgements found"):
        detect_framework(Document(pages=(), paginated=True, name="empty.pdf"))


def test_html_saved_as_pdf_is_refused_before_detection():
    with pytest.raises(NotAReport, match="HTML"):
        read_document(
            REPO_ROOT / "tests" / "fixtures" / "bad_input" / "birmingham-2012-not-a-pdf.pdf"
        )

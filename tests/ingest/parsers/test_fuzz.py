"""Property tests: whatever arrives, the ingest reads it or refuses it with an IngestError.

``ingest.extract.read_bytes`` followed by ``ingest.parsers.parse`` must either return a
report or raise an :class:`~ingest.errors.IngestError` subclass with a reason for a person,
for random text, random bytes (named ``.pdf`` and ``.txt``), and damaged copies of the
sample reports: truncated, lines deleted, duplicated or shuffled, bytes flipped.

``parse`` turns an unexpected exception inside a framework parser into a ParseError, so
that a file is refused rather than half-read. For the looked after children and LSCB
review parsers the tests are stricter: such a wrapped crash fails the test.

Damaged PDFs are slow to extract (pdfminer is pure Python), so they get few examples, on
the smallest samples; damaged text is cheap and gets many.
"""

from __future__ import annotations

from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.document import Document
from ingest.errors import IngestError
from ingest.extract import read_bytes
from ingest.parsers import detect_framework, parse
from tests.samples import SAMPLE_REPORTS, sample_document
from vocabulary import Area, Framework, Grade, RecommendationKind, Timescale

# Parsers whose crashes must not hide behind parse()'s ParseError.
_STRICT_FRAMEWORKS = frozenset({Framework.LAC, Framework.LSCB_REVIEW})

_TEXT_SAMPLES = tuple(
    sorted(f"text/{path.name}" for path in (SAMPLE_REPORTS / "text").glob("*.txt"))
)
# Extracted PDF text (pages joined by form feeds) exercises the parsers on PDF layouts
# without paying for pdfminer on every example.
_PDF_TEXT_SAMPLES = (
    "pdf-original/norfolk-2013-looked-after-children.pdf",
    "pdf-original/surrey-2015-lscb-review.pdf",
    "pdf-original/knowsley-2014-sif.pdf",
    "pdf-original/liverpool-2023-ilacs.pdf",
    "pdf-original/liverpool-2026-ilacs-post-reform.pdf",
    "pdf/st-helens-2012-safeguarding-and-looked-after-children.pdf",
)
# The smallest PDFs, for byte-level damage.
_PDF_BYTE_SAMPLES = (
    "pdf/knowsley-2006-annual-performance-assessment.pdf",
    "pdf-original/surrey-2015-lscb-review.pdf",
    "pdf-original/bolton-2018-ilacs-early.pdf",
)

_TITLES = (
    "2006 ANNUAL PERFORMANCE ASSESSMENT OF SERVICES FOR CHILDREN AND YOUNG PEOPLE IN WIDGETSHIRE",
    "Inspection of safeguarding and looked after children services Widgetshire",
    "Inspection of looked after children services",
    "Inspection of services for children in need of help and protection, children looked after and care leavers",
    "Review of the effectiveness of the Local Safeguarding Children Board",
    "Inspection of children's social care services",
    "Inspection of Widgetshire local authority children's services",
    "Monitoring visit to Widgetshire local authority children's services",
    "",
)
# Fragments of the lines parsers look for, so that random documents reach deep into them.
_FRAGMENTS = (
    "Widgetshire County Council",
    "Inspection dates: 3 – 14 June 2013",
    "Inspection date: 9 March 2015 – 11 March 2015",
    "Published: 19 July 2013",
    "Report published: 20 April 2015",
    "Reporting inspector Jane Smith HMI",
    "Lead inspector: Jo Bloggs, HMI",
    "Contents",
    "Overall effectiveness",
    "Overall effectiveness\tGood",
    "Overall effectiveness\t4",
    "Capacity to improve\tInadequate",
    "Grade 2 (Good)",
    "Grade: 4 (Inadequate)",
    "Grade 9 (",
    "Outstanding (Grade 1)\tA service that significantly exceeds minimum requirements",
    "Record of main findings",
    "Services for looked after children",
    "and young people",
    "Areas for improvement",
    "Immediately:",
    "Within three months:",
    "Within six months:",
    "There are no recommendations for immediate action.",
    "\uf0a7\tensure all children have a care plan",
    "- Ensure plans are reviewed.",
    "Recommendations",
    "1. Ensure that plans are focused on outcomes for children.",
    "The Local Safeguarding Children Board requires improvement",
    "The Local Safeguarding Children Board is",
    "The arrangements in place to evaluate the effectiveness of what is done are good.",
    "Children's services in Widgetshire require improvement to be good",
    "1. Children who need help and protection\tInadequate",
    "Overall effectiveness\tRequires improvement to be good",
    "Grade awarded\t3",
    "What needs to improve in this area of social work practice",
    "\t\t",
    "\f",
    "12",
)


@cache
def _sample_text(relative: str) -> str:
    return "\f".join(sample_document(relative).pages)


@cache
def _sample_bytes(relative: str) -> bytes:
    return (SAMPLE_REPORTS / relative).read_bytes()


def _ingest(data: bytes, name: str) -> None:
    """Read and parse; only IngestErrors may escape, and a report must be well formed."""
    try:
        document = read_bytes(data, name=name)
    except IngestError as error:
        assert str(error).strip()
        return
    _parse_document(document)


def _parse_document(document: Document) -> None:
    try:
        report = parse(document)
    except IngestError as error:
        assert str(error).strip()
        cause = error.__cause__
        if cause is not None and not isinstance(cause, IngestError):
            try:
                framework = detect_framework(document)
            except IngestError:
                return
            assert framework not in _STRICT_FRAMEWORKS, f"{framework} parser crashed: {cause!r}"
        return
    _check_report(report)


def _check_report(report) -> None:
    assert report.judgements
    for judgement in report.judgements:
        assert judgement.grade is None or judgement.grade in Grade.values
        assert judgement.area in Area.values
        assert isinstance(judgement.label, str) and isinstance(judgement.grade_as_printed, str)
    for recommendation in report.recommendations:
        assert recommendation.timescale in Timescale.values
        assert recommendation.kind in RecommendationKind.values
        assert recommendation.text.strip()


# --------------------------------------------------------------------------- random input


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=3000), suffix=st.sampled_from([".txt", ".pdf"]))
def test_random_text(text, suffix):
    _ingest(text.encode("utf-8"), f"random{suffix}")


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".pdf"]))
def test_random_bytes(data, suffix):
    _ingest(data, f"random{suffix}")


@settings(max_examples=40, deadline=None)
@given(data=st.binary(max_size=2000))
def test_random_bytes_that_claim_to_be_a_pdf(data):
    _ingest(b"%PDF-1.4\n" + data, "claims.pdf")


@settings(max_examples=300, deadline=None)
@given(
    title=st.sampled_from(_TITLES),
    lines=st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=80)), max_size=60),
)
def test_titled_documents_built_from_report_fragments(title, lines):
    _ingest("\n".join([title, *lines]).encode("utf-8"), "fragments.txt")


# --------------------------------------------------------------------------- damaged samples


@st.composite
def _damaged_text(draw) -> str:
    text = _sample_text(draw(st.sampled_from(_TEXT_SAMPLES + _PDF_TEXT_SAMPLES)))
    for operation in draw(
        st.lists(
            st.sampled_from(["truncate", "delete", "duplicate", "shuffle", "flip", "tabs"]),
            min_size=1,
            max_size=3,
        )
    ):
        lines = text.split("\n")
        if operation == "truncate":
            text = text[: draw(st.integers(0, len(text)))]
            continue
        if operation == "flip":
            raw = bytearray(text.encode("utf-8"))
            for _ in range(draw(st.integers(1, 40))):
                if raw:
                    raw[draw(st.integers(0, len(raw) - 1))] = draw(st.integers(0, 255))
            text = raw.decode("utf-8", errors="replace")
            continue
        count = draw(st.integers(1, 40))
        if operation == "delete":
            for _ in range(count):
                if lines:
                    del lines[draw(st.integers(0, len(lines) - 1))]
        elif operation == "duplicate":
            for _ in range(count):
                line = lines[draw(st.integers(0, len(lines) - 1))]
                lines.insert(draw(st.integers(0, len(lines))), line)
        elif operation == "shuffle":
            start = draw(st.integers(0, len(lines) - 1))
            window = lines[start : start + count + 1]
            lines[start : start + count + 1] = draw(st.permutations(window))
        elif operation == "tabs":
            for _ in range(count):
                index = draw(st.integers(0, len(lines) - 1))
                lines[index] = lines[index].replace(" ", "\t", draw(st.integers(1, 3)))
        text = "\n".join(lines)
    return text


@settings(
    max_examples=250,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(text=_damaged_text())
def test_damaged_sample_texts(text):
    _ingest(text.encode("utf-8"), "damaged.txt")


@st.composite
def _damaged_pdf(draw) -> bytes:
    data = bytearray(_sample_bytes(draw(st.sampled_from(_PDF_BYTE_SAMPLES))))
    operation = draw(st.sampled_from(["truncate", "flip", "delete", "duplicate"]))
    position = draw(st.integers(0, len(data) - 1))
    if operation == "truncate":
        del data[position:]
    elif operation == "flip":
        for _ in range(draw(st.integers(1, 200))):
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    elif operation == "delete":
        del data[position : position + draw(st.integers(1, 5000))]
    else:
        data[position:position] = data[position : position + draw(st.integers(1, 5000))]
    return bytes(data)


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=_damaged_pdf())
def test_damaged_sample_pdfs(data):
    _ingest(data, "damaged.pdf")

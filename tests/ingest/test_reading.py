"""Reading only the pages a report's parser needs, through the layout cache."""

from __future__ import annotations

from dataclasses import replace

import pytest
from pdfminer.pdfinterp import PDFPageInterpreter

from ingest import layout_cache
from ingest.errors import OtherReportKind, UnknownReportKind
from ingest.extract import PdfReader, read_bytes
from ingest.load import prepare, sha256_of
from ingest.parsers import PAGES_NEEDED, parse
from ingest.reading import FIRST_PAGES, read_report
from tests.pdfgen import make_pdf
from tests.samples import sample_document, sample_path
from vocabulary import Framework

ILACS = "pdf-original/liverpool-2023-ilacs.pdf"  # 13 pages
SIF = "pdf-original/knowsley-2014-sif.pdf"  # 35 pages

MONITORING_VISIT = make_pdf(
    ["Monitoring visit to Anytown local authority children's services", "Dear Director"],
    ["Page two of the letter"],
    ["Page three"],
    ["Page four"],
)


def test_an_ilacs_report_is_read_from_its_opening_pages_only(tmp_path):
    data = sample_path(ILACS).read_bytes()

    document, from_cache = read_report(data, "l.pdf", sha256=sha256_of(data), cache=tmp_path)

    assert len(document.pages) == PAGES_NEEDED[Framework.ILACS] == 3
    assert not document.complete and not from_cache
    whole = read_bytes(data, name="l.pdf")
    assert len(whole.pages) == 13
    assert parse(document).judgements == parse(whole).judgements
    assert parse(document).recommendations == parse(whole).recommendations


def test_a_sif_report_is_read_whole():
    data = sample_path(SIF).read_bytes()
    document, _ = read_report(data, "k.pdf", sha256=sha256_of(data), cache=None)
    assert len(document.pages) == 35 and document.complete


def test_a_refused_kind_is_refused_from_its_opening_pages_and_again_from_the_cache(tmp_path):
    sha = sha256_of(MONITORING_VISIT)
    with pytest.raises(OtherReportKind, match="monitoring visit"):
        read_report(MONITORING_VISIT, "mv.pdf", sha256=sha, cache=tmp_path)
    cached = layout_cache.get(tmp_path, sha, name="mv.pdf")
    assert cached is not None and len(cached.pages) == FIRST_PAGES == 1 and not cached.complete

    prepared = prepare(MONITORING_VISIT, "mv.pdf", cache=tmp_path)
    assert prepared.from_cache  # refused again without extracting again
    assert "monitoring visit" in prepared.error


def test_a_file_of_no_kind_known_is_read_whole_and_left_to_the_parser():
    data = make_pdf(["Parish newsletter"], ["Summer fete"], ["Jumble sale"], ["Raffle"])
    document, _ = read_report(data, "news.pdf", sha256=sha256_of(data), cache=None)
    assert len(document.pages) == 4 and document.complete
    with pytest.raises(UnknownReportKind, match="no inspection judgements found"):
        parse(document)


def test_cached_opening_pages_are_not_enough_for_a_parser_that_needs_all(tmp_path):
    data = sample_path(SIF).read_bytes()
    sha = sha256_of(data)
    opening = PdfReader(data, name="k.pdf").read(2)
    layout_cache.put(tmp_path, sha, opening)

    document, from_cache = read_report(data, "k.pdf", sha256=sha, cache=tmp_path)

    assert not from_cache and document.complete and len(document.pages) == 35
    assert layout_cache.get(tmp_path, sha, name="k.pdf").complete
    assert not list(tmp_path.rglob("*.opening.txt"))


def test_a_whole_cached_report_serves_a_parser_that_needs_two_pages(tmp_path):
    data = sample_path(ILACS).read_bytes()
    sha = sha256_of(data)
    layout_cache.put(tmp_path, sha, read_bytes(data, name="l.pdf"))

    document, from_cache = read_report(data, "l.pdf", sha256=sha, cache=tmp_path)

    assert from_cache and len(document.pages) == 3


def test_a_list_still_open_at_the_last_page_read_makes_the_next_page_read(tmp_path, monkeypatch):
    data = sample_path(ILACS).read_bytes()
    whole = parse(read_bytes(data, name="l.pdf"))
    monkeypatch.setitem(PAGES_NEEDED, Framework.ILACS, 1)  # the list is on page 2

    prepared = prepare(data, "l.pdf", cache=tmp_path)

    assert prepared.report.recommendations == whole.recommendations
    assert len(whole.recommendations) == 11
    cached = layout_cache.get(tmp_path, sha256_of(data), name="l.pdf")
    # Page by page until the list was seen to end (the heading after it opens page 3), not
    # the whole 13-page report.
    assert len(cached.pages) == 3 and cached.page_count == 13 and not cached.complete


@pytest.mark.parametrize("pages", [1, 2])
def test_the_ilacs_parser_says_when_its_pages_were_not_enough(pages):
    # Bristol 2018: "What needs to improve" begins on page 3 and runs on to page 4.
    full = sample_document("corpus/bristol-2018-10-22-children-s-services-inspection")
    opening = replace(full, pages=full.pages[:pages], complete=False)
    assert parse(opening).needs_more_pages
    assert not parse(full).needs_more_pages


def _letter(*, list_runs_on: bool = False, damage: frozenset = frozenset()) -> bytes:
    """A five-page focused visit letter: front page and focus, its list on page 2 (running
    on to page 3 with ``list_runs_on``), findings, and the signature on page 5."""
    items = ["- Plans for children in care.", "- Supervision of social workers."]
    more = ["- Help for care leavers to find homes."] if list_runs_on else []
    return make_pdf(
        [
            "22 November 2018",
            "Focused visit to Anytown children's services",
            "This letter summarises the findings of a focused visit to Anytown children's",
            "services on 30 and 31 October 2018.",
            "Inspectors looked at the local authority's arrangements for children in care.",
            "Overview",
            "Leaders know their services well.",
        ],
        [
            "What needs to improve in this area of social work practice",
            *items,
            *([] if list_runs_on else ["Findings", "Children are seen often."]),
        ],
        [*more, "Findings", "Children are seen often."] if list_runs_on else ["Plans are good."],
        ["Managers oversee practice."],
        ["Yours sincerely", "Jane Smith", "His Majesty's Inspector"],
        compress=True,
        damage=damage,
    )


def test_a_focused_visit_letter_is_read_from_its_opening_pages_and_its_last(tmp_path):
    data = _letter()
    sha = sha256_of(data)

    document, _ = read_report(data, "fv.pdf", sha256=sha, cache=tmp_path)
    prepared = prepare(data, "fv.pdf", cache=tmp_path)

    assert document.unread == (3, 4) and document.page_count == 5 and not document.complete
    assert document.pages[2:4] == ("", "")
    whole = parse(read_bytes(data, name="fv.pdf"))
    assert prepared.report == whole
    assert prepared.from_cache
    assert [item.text for item in whole.recommendations] == [
        "Plans for children in care.",
        "Supervision of social workers.",
    ]
    assert whole.lead_inspector == "Jane Smith"
    cached = layout_cache.get(tmp_path, sha, name="fv.pdf")
    assert (cached.unread, cached.page_count) == ((3, 4), 5)


def test_a_list_running_on_past_the_opening_pages_gets_the_next_page(tmp_path):
    data = _letter(list_runs_on=True)

    prepared = prepare(data, "fv.pdf", cache=tmp_path)

    whole = parse(read_bytes(data, name="fv.pdf"))
    assert len(whole.recommendations) == 3
    assert prepared.report == whole
    # Page 3 was read as well, page 4 still not: one page more, not the whole letter.
    assert layout_cache.get(tmp_path, sha256_of(data), name="fv.pdf").unread == (4,)


def test_a_cached_part_is_not_served_to_a_reader_needing_other_pages(tmp_path, monkeypatch):
    data = _letter()
    sha = sha256_of(data)
    layout_cache.put(tmp_path, sha, PdfReader(data, name="fv.pdf").read(2))  # no last page
    processed = []
    original = PDFPageInterpreter.process_page
    monkeypatch.setattr(
        PDFPageInterpreter,
        "process_page",
        lambda self, page: processed.append(page) or original(self, page),
    )

    document, from_cache = read_report(data, "fv.pdf", sha256=sha, cache=tmp_path)

    assert not from_cache and document.unread == (3, 4) and "Jane Smith" in document.pages[4]
    assert len(processed) == 1  # the last page only: pages 1 and 2 came from the cache


def test_a_damaged_page_that_is_not_read_is_still_a_warning(tmp_path):
    data = _letter(damage=frozenset({3}))

    prepared = prepare(data, "fv.pdf", cache=tmp_path)

    assert prepared.report.warnings == parse(read_bytes(data, name="fv.pdf")).warnings
    assert any("Page 3 of the PDF is damaged" in warning for warning in prepared.report.warnings)


def test_a_parse_that_fails_on_part_of_a_report_is_tried_on_more_of_it(tmp_path, monkeypatch):
    # Detected as a letter from its first page, but its title is read only from page 2.
    monkeypatch.setitem(PAGES_NEEDED, Framework.FOCUSED_VISIT, 1)
    data = _letter()

    prepared = prepare(data, "fv.pdf", cache=tmp_path)

    assert not prepared.error and prepared.report == parse(read_bytes(data, name="fv.pdf"))

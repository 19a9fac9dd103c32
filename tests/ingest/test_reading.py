"""Reading only the pages a report's parser needs, through the layout cache."""

from __future__ import annotations

from dataclasses import replace

import pytest

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


def test_a_list_still_open_at_the_last_page_read_makes_the_report_read_whole(tmp_path, monkeypatch):
    data = sample_path(ILACS).read_bytes()
    whole = parse(read_bytes(data, name="l.pdf"))
    monkeypatch.setitem(PAGES_NEEDED, Framework.ILACS, 1)  # the list is on page 2

    prepared = prepare(data, "l.pdf", cache=tmp_path)

    assert prepared.report.recommendations == whole.recommendations
    assert len(whole.recommendations) == 11
    assert layout_cache.get(tmp_path, sha256_of(data), name="l.pdf").complete


@pytest.mark.parametrize("pages", [1, 2])
def test_the_ilacs_parser_says_when_its_pages_were_not_enough(pages):
    # Bristol 2018: "What needs to improve" begins on page 3 and runs on to page 4.
    full = sample_document("corpus/bristol-2018-10-22-children-s-services-inspection")
    opening = replace(full, pages=full.pages[:pages], complete=False)
    assert parse(opening).needs_more_pages
    assert not parse(full).needs_more_pages

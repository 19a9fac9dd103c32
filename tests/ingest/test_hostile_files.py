"""Hostile files (issue 21, low): text reports in UTF-16 or UTF-32, a PDF inside an
archive named ".pdf", and the wording of a parse cut short."""

from __future__ import annotations

import gzip
import io
import zipfile

import pytest

from ingest import pipeline, sandbox
from ingest.errors import ParseTimeout
from ingest.extract import sniff
from ingest.load import Status, ingest_bytes
from ingest.pipeline import Source
from inspections.models import Inspection
from tests.samples import sample_path

K2017_TEXT = "text/knowsley-2017-services-for-children-reinspection.txt"
K2017_PDF = "pdf/knowsley-2017-services-for-children-reinspection.pdf"
TEXT = sample_path(K2017_TEXT).read_text(encoding="utf-8")


@pytest.mark.django_db
@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-be"])
def test_a_utf16_or_utf32_text_report_with_its_mark_reads_as_the_utf8_one(encoding, reference_data):
    bom = {"utf-16-le": "\ufeff", "utf-16-be": "\ufeff", "utf-32-be": "\ufeff"}.get(encoding, "")
    data = (bom + TEXT).encode(encoding)  # "utf-16" and "utf-32" write their own mark
    assert data[:2] in (b"\xff\xfe", b"\xfe\xff") or data[:4] in (b"\x00\x00\xfe\xff",)

    result = pipeline.ingest_one(Source(name="knowsley-2017.txt", read=lambda: data))

    assert result.status == Status.CREATED, result.message
    expected = ingest_bytes(TEXT.encode("utf-8"), "utf8.txt", dry_run=True).report
    assert result.report == expected
    assert result.inspection.parse_warnings == expected.warnings


@pytest.mark.django_db
def test_a_utf16_report_cut_mid_character_reads_with_a_warning():
    data = ("\ufeff" + TEXT).encode("utf-16-le") + b"A"  # an odd byte at the end

    result = ingest_bytes(data, "k.txt")

    assert result.status == Status.CREATED, result.message
    assert result.inspection.parse_warnings[0] == (
        "1 place in the file is not valid UTF-16 and replaced by \ufffd: text may be missing there."
    )


def test_utf16_without_its_mark_is_refused_saying_so():
    with pytest.raises(Exception) as raised:
        sniff(TEXT.encode("utf-16-le"), "k.txt")

    assert str(raised.value) == (
        "k.txt: this looks like UTF-16 text without the byte order mark that says which way "
        "round its bytes are; save it as UTF-8 (or UTF-16 with a BOM)"
    )


def test_binary_bytes_are_still_neither_a_pdf_nor_text():
    with pytest.raises(Exception, match="neither a PDF nor a text report"):
        sniff(b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, "image.txt")


def test_html_in_utf16_is_refused_as_html():
    with pytest.raises(Exception, match="HTML page"):
        sniff("<!DOCTYPE html><html><body>Not found</body></html>".encode("utf-16"), "k.txt")


def zipped_pdf() -> bytes:
    """The review's input: a PDF stored (not compressed) in a ZIP, so that "%PDF-" shows in
    the archive's first kilobyte."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr("report.pdf", sample_path(K2017_PDF).read_bytes())
    data = buffer.getvalue()
    assert b"%PDF-" in data[:1024]
    return data


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("make", "kind"),
    [
        (zipped_pdf, "ZIP archive"),
        (lambda: gzip.compress(sample_path(K2017_PDF).read_bytes()), "gzip archive"),
    ],
)
def test_a_pdf_inside_an_archive_named_pdf_is_refused(make, kind):
    result = ingest_bytes(make(), "report.pdf")

    assert result.status == Status.FAILED
    assert result.message == (
        f"report.pdf: this file is a {kind}, not a PDF or text report: take the report out "
        "of it and ingest that"
    )
    assert not Inspection.objects.exists()


@pytest.mark.parametrize(
    ("seconds", "words"),
    [(29.858, "30 seconds"), (1.2, "1 second"), (120.0, "120 seconds"), (0.5, "0.5 seconds")],
)
def test_a_time_limit_is_said_in_whole_seconds(seconds, words):
    assert sandbox._seconds(seconds) == words


def test_a_parse_stopped_by_the_time_left_says_whole_seconds():
    worker = sandbox.Worker("tests.ingest.workers:sleep_forever", memory_limit=None)
    try:
        with pytest.raises(ParseTimeout) as raised:
            worker.call(b"", "slow.pdf", timeout=1.6, description="slow.pdf")
    finally:
        worker.stop()

    assert str(raised.value).startswith("slow.pdf: this file could not be read within 2 seconds ")
